// Package columns finds which column of an orders export plays which role
// (order id, customer, date, total, ...), from the header names in English,
// German, Danish, Norwegian, Swedish and Filipino and the layouts of real
// exports (Shopify, WooCommerce, Ecwid, Magento, ERP invoice lines), and
// from the values themselves.
package columns

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"retention/app/parse"
)

// Role is what a column means.
type Role string

// The roles a column can play.
const (
	OrderID    Role = "order_id"
	CustomerID Role = "customer_id"
	Email      Role = "email"
	Date       Role = "date"
	Total      Role = "total"
	Quantity   Role = "quantity"
	UnitPrice  Role = "unit_price"
	Status     Role = "status"
	Currency   Role = "currency"
	Product    Role = "product"
	Category   Role = "category"
	Country    Role = "country"
	Name       Role = "name"
)

// Roles returns every role, in the order a report lists them.
func Roles() []Role {
	return []Role{OrderID, CustomerID, Email, Date, Total, Quantity, UnitPrice, Status, Currency, Product, Category, Country, Name}
}

// Match is the column found for a role.
type Match struct {
	Role       Role
	Column     int
	Header     string
	Confidence float64 // 0..1
	Why        string  // one short sentence
}

// Mapping is the columns found for the roles; each role has at most one
// column and each column at most one role.
type Mapping struct {
	Matches []Match
}

// Column returns the column of role r.
func (m *Mapping) Column(r Role) (int, bool) {
	for _, x := range m.Matches {
		if x.Role == r {
			return x.Column, true
		}
	}
	return -1, false
}

// Set gives role r to column (the caller's choice, with confidence 1). A
// role the column had before is removed.
func (m *Mapping) Set(r Role, column int, header string) {
	out := m.Matches[:0:0]
	for _, x := range m.Matches {
		if x.Role != r && x.Column != column {
			out = append(out, x)
		}
	}
	m.Matches = append(out, Match{Role: r, Column: column, Header: header, Confidence: 1, Why: "set by you"})
	m.sort()
}

// Unset removes role r.
func (m *Mapping) Unset(r Role) {
	out := m.Matches[:0:0]
	for _, x := range m.Matches {
		if x.Role != r {
			out = append(out, x)
		}
	}
	m.Matches = out
}

func (m *Mapping) sort() {
	order := map[Role]int{}
	for i, r := range Roles() {
		order[r] = i
	}
	sort.Slice(m.Matches, func(i, j int) bool { return order[m.Matches[i].Role] < order[m.Matches[j].Role] })
}

// names are header names per role, folded by Fold(): lower case, accents
// and ø/æ/å/ß folded, everything but letters and digits removed. A header
// that equals a name scores 1; one that contains it scores 0.7 (names of
// 4 letters and more).
var names = map[Role][]string{
	OrderID: {
		"orderid", "ordernumber", "orderno", "ordernr", "order", "name", "invoiceno", "invoice", "invoicenumber",
		"invoiceid", "incrementid", "transactionid", "transaction", "receiptnumber", "receipt", "salesorder", "ordreid",
		"bestellnummer", "bestellnr", "bestellid", "auftragsnummer", "auftragsnr", "rechnungsnummer", "rechnungsnr", "belegnummer", "bestellung",
		"ordrenummer", "ordrenr", "ordre", "fakturanummer", "fakturanr", "faktura", "ordernummer", "ordernr",
		"numerongorder", "orderblg", "blgngorder", "resibo", "numerongresibo", "id",
	},
	CustomerID: {
		"customerid", "customernumber", "customerno", "customer", "clientid", "client", "buyerid", "buyer", "userid",
		"customeruserid", "accountid", "memberid", "contactid", "kundennummer", "kundennr", "kundenid", "kunde",
		"kundenummer", "kundenr", "kundeid", "kundnummer", "kundnr", "kundid", "kund", "numerongcustomer",
		"numerongkostumer", "idngcustomer", "customerng", "kostumer", "mamimili",
	},
	Email: {
		"email", "emailaddress", "customeremail", "billingemail", "billingemailaddress", "mail", "emailadresse",
		"epost", "epostadresse", "epostadress", "emailadress", "emailngcustomer",
	},
	Date: {
		"orderdate", "date", "createdat", "created", "datecreated", "purchasedate", "invoicedate", "paidat",
		"orderdatetime", "transactiondate", "orderedat", "placedat", "purchasedon", "orderplaced", "timestamp",
		"bestelldatum", "datum", "rechnungsdatum", "auftragsdatum", "belegdatum", "kaufdatum", "bestellzeitpunkt",
		"ordredato", "dato", "fakturadato", "kobsdato", "kjopsdato", "orderdatum", "fakturadatum", "kopdatum",
		"petsa", "petsangorder", "petsangpagbili", "araw",
	},
	Total: {
		"total", "ordertotal", "grandtotal", "grandtotalbase", "grandtotalpurchased", "totalamount", "amount", "revenue",
		"sales", "netsales", "totalsales", "ordervalue", "value", "sum", "totalprice", "totalpaid", "paid", "dollarvalue",
		"linetotal", "subtotal", "gesamtbetrag", "betrag", "summe", "gesamtsumme", "gesamtpreis", "umsatz", "rechnungsbetrag", "endbetrag",
		"belob", "totalbelob", "samletbelob", "totalt", "sum", "belopp", "summa", "totalbelopp", "ordervarde", "omsatning", "omsetning",
		"halaga", "kabuuan", "kabuuanghalaga", "totalnahalaga", "kabuuangbayad",
	},
	Quantity: {
		"quantity", "qty", "lineitemquantity", "units", "numberofcds", "items", "itemcount", "count", "pieces",
		"menge", "anzahl", "stuckzahl", "stuck", "antal", "antall", "mangd", "dami", "bilang",
	},
	UnitPrice: {
		"unitprice", "price", "lineitemprice", "itemprice", "itemcost", "priceeach", "unitcost", "priceperunit",
		"einzelpreis", "preis", "stuckpreis", "stykpris", "stykkpris", "enhedspris", "enhetspris", "pris", "styckpris",
		"apris", "presyo", "presyobawatisa", "halagabawatisa",
	},
	Status: {
		"status", "orderstatus", "financialstatus", "paymentstatus", "state", "bestellstatus", "zahlungsstatus",
		"ordrestatus", "betalingsstatus", "orderstatus", "betalningsstatus", "katayuan", "estado",
	},
	Currency: {
		"currency", "ordercurrency", "currencycode", "wahrung", "valuta", "valutakode", "valutakod", "pera", "salapi",
	},
	Product: {
		"product", "productname", "lineitemname", "itemname", "item", "description", "sku", "stockcode", "title",
		"producttitle", "article", "artikel", "artikelname", "artikelbezeichnung", "bezeichnung", "produkt",
		"produktname", "vare", "varenavn", "varebeskrivelse", "produktnavn", "beskrivelse", "produktnamn", "benamning",
		"produkto", "pangalanngprodukto", "aytem",
	},
	Category: {
		"category", "productcategory", "producttype", "type", "department", "collection", "categories", "kategorie",
		"warengruppe", "produktkategorie", "kategori", "varegruppe", "varugrupp", "produktkategori", "kategorya", "uri",
	},
	Country: {
		"country", "billingcountry", "shippingcountry", "countrycode", "land", "lieferland", "rechnungsland",
		"bansa", "leveringsland", "leveransland",
	},
	Name: {
		"customername", "billingname", "billtoname", "shippingname", "fullname", "buyername", "clientname",
		"kundenname", "kundenavn", "kundnamn", "navn", "namn", "pangalan", "pangalanngcustomer",
	},
}

// Fold lower-cases s, folds accents and Nordic letters, and keeps only
// letters and digits: the form header names are compared in.
func Fold(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("ø", "o", "æ", "ae", "å", "a", "ß", "ss", "ü", "u", "ö", "o", "ä", "a").Replace(s)
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.IsLetter(r) && r < unicode.MaxASCII || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// profile is what the sampled values of a column look like.
type profile struct {
	filled    float64 // share of rows with a value
	dates     float64 // share of values that are dates
	numbers   float64 // share of values that are numbers
	integers  float64 // share of numbers that are whole
	emails    float64
	distinct  float64 // distinct values / values
	meanAbs   float64 // mean absolute number
	letters   float64 // share of values with letters
	short     float64 // share of values of 3 letters or fewer (codes)
	compact   float64 // share of yyyymmdd values
	negatives float64
	sorted    bool // numbers never decrease down the rows: a sorted id, not a measure
}

const sampleRows = 2000

func profileOf(rows [][]string, c int) profile {
	var p profile
	n := len(rows)
	step := 1
	if n > sampleRows {
		step = n / sampleRows
	}
	var vals []string
	for i := 0; i < n; i += step {
		if c < len(rows[i]) {
			if v := strings.TrimSpace(rows[i][c]); v != "" {
				vals = append(vals, v)
			}
		}
	}
	sampled := (n + step - 1) / step
	if sampled == 0 || len(vals) == 0 {
		return p
	}
	p.filled = float64(len(vals)) / float64(sampled)
	nf := parse.DetectNumberFormat(vals)
	df, dfErr := parse.DetectDateFormat(vals)
	seen := map[string]bool{}
	var nums, ints, dates, emails, letters, short, compact, neg int
	var sum float64
	p.sorted = true
	prev := -1e308
	for _, v := range vals {
		seen[v] = true
		if x, err := nf.Parse(v); err == nil {
			nums++
			if x == float64(int64(x)) {
				ints++
			}
			if x < 0 {
				neg++
			}
			if x < prev {
				p.sorted = false
			}
			prev = x
			sum += abs(x)
		}
		if dfErr == nil && !df.Serial {
			if _, err := df.Parse(v, nil); err == nil && (!isPlainNumber(v) || df.Compact) {
				dates++
				if df.Compact {
					compact++
				}
			}
		}
		if strings.Contains(v, "@") && strings.Contains(v, ".") && !strings.Contains(v, " ") {
			emails++
		}
		if strings.IndexFunc(v, unicode.IsLetter) >= 0 {
			letters++
			if len([]rune(v)) <= 3 {
				short++
			}
		}
	}
	k := float64(len(vals))
	p.dates, p.numbers, p.emails, p.letters, p.short = float64(dates)/k, float64(nums)/k, float64(emails)/k, float64(letters)/k, float64(short)/k
	p.compact, p.negatives = float64(compact)/k, float64(neg)/k
	if nums > 0 {
		p.integers = float64(ints) / float64(nums)
		p.meanAbs = sum / float64(nums)
	}
	p.distinct = float64(len(seen)) / k
	return p
}

// isPlainNumber tells a number from a date made of digits and separators.
func isPlainNumber(v string) bool {
	_, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", "."), 64)
	return err == nil
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// fits says how well the values suit a role, 0..1, and why.
func fits(r Role, p profile) (float64, string) {
	switch r {
	case Date:
		return p.dates, fmt.Sprintf("%.0f%% of sampled values are dates", p.dates*100)
	case Total, UnitPrice:
		if p.compact > 0.9 {
			return 0, "values are dates"
		}
		return p.numbers, fmt.Sprintf("%.0f%% of sampled values are numbers", p.numbers*100)
	case Quantity:
		if p.compact > 0.9 {
			return 0, "values are dates"
		}
		return p.numbers * (0.5 + 0.5*p.integers), fmt.Sprintf("%.0f%% of sampled values are whole numbers", p.numbers*p.integers*100)
	case Email:
		return p.emails, fmt.Sprintf("%.0f%% of sampled values are e-mail addresses", p.emails*100)
	case Currency:
		if p.short > 0.9 {
			return 1, "values are currency codes"
		}
		return p.short, "values are not currency codes"
	case Status, Category, Country, Product, Name:
		if p.dates > 0.9 {
			return 0.1, "values are dates"
		}
		return 0.3 + 0.7*p.letters, fmt.Sprintf("%.0f%% of sampled values are text", p.letters*100)
	case OrderID, CustomerID:
		if p.dates > 0.9 && p.compact < 0.9 {
			return 0.1, "values are dates"
		}
		if p.emails > 0.5 && r == OrderID {
			return 0.2, "values are e-mail addresses"
		}
		return 1, "values are identifiers"
	}
	return 0.5, ""
}

// candidate is a possible role for a column.
type candidate struct {
	role  Role
	col   int
	score float64
	why   string
}

// Detect finds the column of each role from the header and the rows.
//
// Each column is scored for each role: a header that is a known name for
// the role scores 1, one that contains a known name 0.7; the share of
// sampled values that suit the role (dates for Date, numbers for Total,
// whole numbers for Quantity, e-mail addresses for Email, ...) multiplies
// it. Columns whose header says nothing are judged by their values alone
// with a lower weight (0.4), so a file without useful headers (CDNOW's
// customer, yyyymmdd, CDs, dollars) still maps. Roles are then given to
// the best scores first, each role to one column and each column one role.
// A Total beats a Subtotal, and Quantity with UnitPrice without a Total is
// a valid mapping (order totals are then the sums of quantity x price).
func Detect(header []string, rows [][]string) Mapping {
	var cands []candidate
	profiles := make([]profile, len(header))
	for c := range header {
		profiles[c] = profileOf(rows, c)
	}
	for c, h := range header {
		f := Fold(h)
		p := profiles[c]
		for _, r := range Roles() {
			hs, hwhy := headerScore(r, f, h)
			vs, vwhy := fits(r, p)
			if p.filled == 0 {
				vs, vwhy = 0.3, "the column is empty in the rows sampled"
			}
			score := hs * vs
			why := hwhy + "; " + vwhy
			if hs == 0 {
				score = 0.4 * vs * valueOnly(r, p, profiles, c)
				if score == 0 {
					continue
				}
				why = "the header says nothing, but " + vwhy
			}
			if score > 0.05 {
				cands = append(cands, candidate{r, c, score, why})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		return cands[i].col < cands[j].col
	})
	var m Mapping
	roleDone := map[Role]bool{}
	colDone := map[int]bool{}
	for _, cd := range cands {
		if roleDone[cd.role] || colDone[cd.col] || cd.score < 0.2 {
			continue
		}
		roleDone[cd.role], colDone[cd.col] = true, true
		m.Matches = append(m.Matches, Match{Role: cd.role, Column: cd.col, Header: header[cd.col], Confidence: round2(cd.score), Why: cd.why})
	}
	m.sort()
	return m
}

// FindColumn finds a column by header name (exactly, then ignoring case)
// or 1-based number: how a user names a column on the command line.
func FindColumn(header []string, name string) (int, error) {
	name = strings.TrimSpace(name)
	for i, h := range header {
		if h == name {
			return i, nil
		}
	}
	for i, h := range header {
		if strings.EqualFold(strings.TrimSpace(h), name) {
			return i, nil
		}
	}
	var n int
	if _, err := fmt.Sscanf(name, "%d", &n); err == nil && fmt.Sprint(n) == name && n >= 1 && n <= len(header) {
		return n - 1, nil
	}
	q := make([]string, len(header))
	for i, h := range header {
		q[i] = strconv.Quote(h)
	}
	return 0, fmt.Errorf("the file has no column %q (columns: %s)", name, strings.Join(q, ", "))
}

func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }

// generic names match only a whole header, never as part of one.
var generic = map[string]bool{"name": true, "order": true, "value": true, "items": true, "title": true, "state": true, "count": true, "kund": true, "land": true, "type": true, "item": true, "paid": true, "sales": true, "ordre": true, "kunde": true}

// headerScore scores a folded header for a role.
func headerScore(r Role, f, orig string) (float64, string) {
	if f == "" {
		return 0, ""
	}
	best := 0.0
	for _, n := range names[r] {
		switch {
		case f == n:
			// "Name" is Shopify's order number; "ID" is an order id only
			// when nothing better is there.
			s := 1.0
			if n == "name" || n == "id" || n == "value" || n == "type" || n == "order" || n == "sum" || n == "count" {
				s = 0.8
			}
			if n == "sku" || n == "stockcode" || n == "paidat" {
				s = 0.9 // a description, or the creation date, is better
			}
			if r == Total && n == "subtotal" {
				s = 0.75 // a Total column wins over a Subtotal
			}
			if s > best {
				best = s
			}
		case len(n) >= 4 && !generic[n] && strings.Contains(f, n):
			s := 0.7
			if r == Email {
				s = 0.75 // "Kunde E-Mail" is the e-mail, not the customer number
			}
			if r == Total && strings.Contains(f, "subtotal") {
				s = 0.6
			}
			if (r == Total || r == UnitPrice) && (strings.Contains(f, "tax") || strings.Contains(f, "shipping") || strings.Contains(f, "discount") || strings.Contains(f, "refund") || strings.Contains(f, "steuer") || strings.Contains(f, "moms") || strings.Contains(f, "fragt") || strings.Contains(f, "versand")) {
				s = 0.3
			}
			if r == OrderID && (strings.Contains(f, "date") || strings.Contains(f, "datum") || strings.Contains(f, "dato")) {
				s = 0
			}
			if s > best {
				best = s
			}
		}
	}
	if best == 0 {
		return 0, ""
	}
	return best, fmt.Sprintf("header %q names %s", orig, describe(r))
}

// valueOnly weighs a role for a column whose header says nothing: only
// shapes of values that point to the role count.
func valueOnly(r Role, p profile, all []profile, c int) float64 {
	switch r {
	case Date:
		return p.dates
	case Email:
		return p.emails
	case CustomerID:
		// The first column of whole numbers that repeat: CDNOW's customer.
		if p.numbers > 0.9 && p.integers > 0.99 && p.distinct < 0.9 && p.dates < 0.5 {
			return 0.9
		}
	case Total:
		if p.numbers > 0.9 && p.integers < 0.9 && p.dates < 0.5 {
			return 1
		}
	case Quantity:
		if p.numbers > 0.9 && p.integers > 0.99 && p.meanAbs < 20 && p.dates < 0.5 && !p.sorted {
			return 0.8
		}
	}
	return 0
}

func describe(r Role) string {
	switch r {
	case OrderID:
		return "the order"
	case CustomerID:
		return "the customer"
	case Email:
		return "the e-mail address"
	case Date:
		return "the order date"
	case Total:
		return "the order value"
	case Quantity:
		return "the quantity"
	case UnitPrice:
		return "the unit price"
	case Status:
		return "the order status"
	case Currency:
		return "the currency"
	case Product:
		return "the product"
	case Category:
		return "the category"
	case Country:
		return "the country"
	case Name:
		return "the customer's name"
	}
	return string(r)
}
