// Package columns finds which column of an orders export plays which role
// (order id, customer, date, total, ...), from the header names in English,
// German, Danish, Norwegian, Swedish and Filipino and the layouts of real
// exports (Shopify, WooCommerce, Ecwid, Magento, ERP invoice lines), and
// from the values themselves.
package columns

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"retention/app/parse"
	"retention/app/report"
	"retention/app/wordwise"
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
	Address    Role = "address" // street and number: with the name, a last-resort identity
	// Type is a payment export's transaction type (PayPal's Type,
	// Klarna's type): a sale, a refund, or money that is neither
	// (a transfer, a withdrawal, a fee). See TransactionKind.
	Type Role = "transaction_type"
	// Returned is the number of a line's units the buyer returned
	// (Shopee's "Returned quantity").
	Returned Role = "returned_quantity"
	// Refunded is the money returned on an order, as the platform sums it
	// (Shopify's "Refunded Amount" on the order's first row, Stripe's
	// "Amount Refunded", Lazada's refundAmount on each unit's row): never
	// an identity and never the order's value.
	Refunded Role = "refunded"
	// RefundDate is when an order's money was returned (Stripe's
	// "Refunded date (UTC)"): the refund's date, never the order's.
	RefundDate Role = "refund_date"
)

// Roles returns every role, in the order a report lists them.
func Roles() []Role {
	return []Role{OrderID, CustomerID, Email, Date, Total, Quantity, UnitPrice, Status, Currency, Product, Category, Country, Name, Address, Type, Returned, Refunded, RefundDate}
}

// Match is the column found for a role.
type Match struct {
	Role       Role
	Column     int
	Header     string
	Confidence float64    // 0..1
	Why        report.Why // what the header and the values say
	Source     Source
	// Alternatives are the other columns that could play the role, best
	// first (at most three).
	Alternatives []Alternative
}

// Mapping is the columns found for the roles; each role has at most one
// column and each column at most one role. Questions are the roles that
// two columns fit equally well: they have no column until the user says.
type Mapping struct {
	Matches   []Match
	Questions []Question
}

// Question returns the open question about role r, if any.
func (m *Mapping) Question(r Role) (Question, bool) {
	for _, q := range m.Questions {
		if q.Role == r {
			return q, true
		}
	}
	return Question{}, false
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
// role the column had before is removed, and so is a question about r.
func (m *Mapping) Set(r Role, column int, header string) {
	m.Unset(r)
	m.keep(func(x Match) bool { return x.Column != column })
	m.Matches = append(m.Matches, Match{Role: r, Column: column, Header: header, Confidence: 1, Why: report.Why{Header: report.SetByUser}, Source: FromUser})
	m.sort()
}

// Unset removes role r, and a question about it.
func (m *Mapping) Unset(r Role) {
	m.keep(func(x Match) bool { return x.Role != r })
	qs := m.Questions[:0:0]
	for _, q := range m.Questions {
		if q.Role != r {
			qs = append(qs, q)
		}
	}
	m.Questions = qs
}

// keep keeps the matches for which ok is true, in a new slice (the
// caller's copy of the mapping is not changed).
func (m *Mapping) keep(ok func(Match) bool) {
	out := m.Matches[:0:0]
	for _, x := range m.Matches {
		if ok(x) {
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
		"numerongkostumer", "idngcustomer", "customerng", "kostumer", "mamimili", "username", "buyerusername",
		"customerusername", "benutzername", "brugernavn", "brukernavn", "anvandarnamn", "kundenkonto", "kontonummer",
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
		"petsa", "petsangorder", "petsangpagbili", "araw", "createtime", "creationtime", "creationdate", "createdate",
		"ordertime", "ordercreationdate", "ordercreatedat", "orderplacedat",
	},
	Total: {
		"total", "ordertotal", "grandtotal", "grandtotalbase", "grandtotalpurchased", "totalamount", "amount", "revenue",
		"sales", "netsales", "totalsales", "ordervalue", "value", "sum", "totalprice", "totalpaid", "paid", "dollarvalue",
		"linetotal", "subtotal", "gesamtbetrag", "betrag", "summe", "gesamtsumme", "gesamtpreis", "umsatz", "rechnungsbetrag", "endbetrag",
		"belob", "totalbelob", "samletbelob", "belop", "totalbelop", "samletbelop", "totalt", "sum", "belopp", "summa", "totalbelopp", "ordervarde", "omsatning", "omsetning",
		"halaga", "kabuuan", "kabuuanghalaga", "totalnahalaga", "kabuuangbayad", "gross", "grossamount", "brutto",
		"bruttobetrag", "bruttobelob", "bruttobelopp", "grandtotalphp", "paidprice",
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
		"kundenname", "kundenavn", "kundnamn", "navn", "namn", "pangalan", "pangalanngcustomer", "shiptoname",
		"recipientname", "receivername", "rechnungsname", "fakturanavn", "fakturanamn", "name",
	},
	Type: {
		"type", "transactiontype", "txntype", "typeoftransaction", "transaktionstyp", "transaktionstype",
		"transaktionsart", "buchungsart", "uringtransaksyon",
	},
	Returned: {
		"returnedquantity", "quantityreturned", "returnedqty", "qtyreturned", "returnquantity", "returnqty",
		"returnedunits", "unitsreturned", "retourmenge", "zuruckgegebenemenge", "returneretantal", "antalreturneret",
		"returnertantall", "antallreturnert", "returneratantal", "antalreturnerade", "damingibinalik",
		"quantityrefunded", "refundedquantity", "qtyrefunded", "refundedqty", "erstattetemenge",
	},
	Refunded: {
		"refunded", "refundedamount", "amountrefunded", "refundamount", "refundtotal", "totalrefunded",
		"orderrefundamount", "refundedtotal", "refunds", "refund",
		"erstattet", "erstatteterbetrag", "erstattungsbetrag", "ruckerstattet", "ruckerstattung",
		"ruckerstattungsbetrag", "erstattung", "gutschriftsbetrag",
		"refunderet", "refunderetbelob", "refunderingsbelob", "tilbagebetalt", "tilbagebetaltbelob", "refusion",
		"refundert", "refundertbelop", "refusjon", "refusjonsbelop", "tilbakebetalt", "tilbakebetaltbelop",
		"aterbetalt", "aterbetaltbelopp", "aterbetalning", "aterbetalningsbelopp", "refunderat", "refunderatbelopp",
		"halagangibinalik", "ibinaliknahalaga", "naibaliknahalaga", "halaganginirefund",
	},
	RefundDate: {
		"refunddate", "refundeddate", "refundedat", "refundedon", "dateofrefund", "refundtime", "refundcreated",
		"erstattungsdatum", "erstattetam", "ruckerstattungsdatum", "gutschriftsdatum",
		"refunderingsdato", "refunderetdato", "tilbagebetalingsdato", "refusionsdato",
		"refusjonsdato", "refundertdato", "tilbakebetalingsdato",
		"aterbetalningsdatum", "aterbetaltdatum", "refunderatdatum",
		"petsangrefund", "petsangpagbabalik",
	},
	Address: {
		"address", "billingaddress", "billingaddress1", "billingstreet", "street", "streetaddress", "address1",
		"addressline1", "shippingaddress", "shippingaddress1", "shippingstreet", "deliveryaddress", "billtoaddress",
		"adresse", "strasse", "anschrift", "rechnungsadresse", "lieferadresse", "gade", "gateadresse", "vej",
		"adress", "gatuadress", "leveransadress", "fakturaadress", "tirahan", "kalye",
	},
}

// foldLetters spells the Nordic and German letters as Fold folds them;
// made once, as a Replacer builds its tables on its first use (per call
// of Fold it was most of the time the column roles took).
var foldLetters = strings.NewReplacer("ø", "o", "æ", "ae", "å", "a", "ß", "ss", "ü", "u", "ö", "o", "ä", "a")

// Fold lower-cases s, folds accents and Nordic letters, and keeps only
// letters and digits: the form header names are compared in.
func Fold(s string) string {
	if ascii(s) {
		return foldASCII(s)
	}
	return foldAny(s)
}

// foldAny is Fold of any string.
func foldAny(s string) string {
	s = strings.ToLower(s)
	s = foldLetters.Replace(s)
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.IsLetter(r) && r < unicode.MaxASCII || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// foldASCII is Fold of an ASCII string: its letters lower-cased and its
// digits, nothing else (no letter to spell otherwise, none that NFD
// decomposes). Fold is called for every word of the sampled values of
// the columns (TransactionKind), mostly ASCII.
func foldASCII(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b = append(b, c)
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		}
	}
	return string(b)
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
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
	money     float64 // share of values written as money: cents ("5.00", "1.234,56") or a currency sign
	spaced    float64 // share of values of words with spaces between them: names, not ids
	flag      bool    // only yes/no values (0/1, true/false, ja/nej, ...): a flag, not an id
	few       bool    // a handful of values over many rows: a kind (new/returning), not an id
	short     float64 // share of values of 3 letters or fewer (codes)
	compact   float64 // share of yyyymmdd values
	negatives float64
	sorted    bool    // numbers never decrease down the rows: a sorted id, not a measure
	txnTypes  float64 // share of values that are transaction types (TransactionKind)
}

const sampleRows = 2000

// SampleStep is the step between the rows Detect reads of n rows: rows 0,
// step, 2*step and so on, some sampleRows of them.
func SampleStep(n int) int {
	if n > sampleRows {
		return n / sampleRows
	}
	return 1
}

// A column of at most fewValues distinct values over fewRows sampled rows
// or more sorts rows into kinds (WooCommerce Analytics' "Customer type":
// new, returning); it identifies no order and no customer.
const (
	fewValues = 3
	fewRows   = 50
)

func profileOf(rows Cells, c int) profile {
	var p profile
	n := rows.Len()
	step := SampleStep(n)
	var vals []string
	for i := 0; i < n; i += step {
		if v := strings.TrimSpace(rows.Cell(i, c)); v != "" {
			vals = append(vals, v)
		}
	}
	sampled := (n + step - 1) / step
	if sampled == 0 || len(vals) == 0 {
		return p
	}
	p.filled = float64(len(vals)) / float64(sampled)
	nf := parse.DetectNumberFormat(vals)
	df, dfErr := parse.DetectDateFormat(vals)
	var seen wordwise.Index    // the distinct values
	var txnSeen wordwise.Index // the values with letters, numbered as isTxn
	var isTxn []bool           // whether each is a transaction type
	var nums, ints, dates, emails, letters, short, compact, neg, money, spaced, txns int
	var sum float64
	p.sorted = true
	prev := -1e308
	for _, v := range vals {
		seen.ID(v)
		if x, err := nf.Parse(v); err == nil {
			nums++
			if moneyShaped(v) {
				money++
			}
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
			k, isNew := txnSeen.ID(v)
			if isNew {
				isTxn = append(isTxn, TransactionKind(v) != TxnUnknown)
			}
			if isTxn[k] {
				txns++
			}
			letters++
			if strings.Contains(strings.TrimSpace(v), " ") {
				spaced++
			}
			if len([]rune(v)) <= 3 {
				short++
			}
		}
	}
	k := float64(len(vals))
	p.dates, p.numbers, p.emails, p.letters, p.short = float64(dates)/k, float64(nums)/k, float64(emails)/k, float64(letters)/k, float64(short)/k
	p.compact, p.negatives, p.money, p.spaced = float64(compact)/k, float64(neg)/k, float64(money)/k, float64(spaced)/k
	p.txnTypes = float64(txns) / k
	if nums > 0 {
		p.integers = float64(ints) / float64(nums)
		p.meanAbs = sum / float64(nums)
	}
	p.distinct = float64(seen.Len()) / k
	p.few = len(vals) >= fewRows && seen.Len() <= fewValues
	p.flag = len(vals) >= 10 // a few rows of "1" may be the first orders
	for _, v := range seen.List {
		if !flagWords[strings.ToLower(v)] {
			p.flag = false
		}
	}
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
func fits(r Role, p profile) (float64, report.Why) {
	switch r {
	case Date, RefundDate:
		return p.dates, share(report.ShareDates, p.dates)
	case Total, UnitPrice, Refunded:
		if p.compact > 0.9 {
			return 0, are(report.AreDates)
		}
		return p.numbers, share(report.ShareNumbers, p.numbers)
	case Quantity:
		if p.compact > 0.9 {
			return 0, are(report.AreDates)
		}
		return p.numbers * (0.5 + 0.5*p.integers), share(report.ShareWhole, p.numbers*p.integers)
	case Email:
		return p.emails, share(report.ShareEmails, p.emails)
	case Currency:
		if p.short > 0.9 {
			return 1, are(report.AreCurrencies)
		}
		return p.short, are(report.NotCurrencies)
	case Type:
		return p.txnTypes, share(report.ShareTypes, p.txnTypes)
	case Returned:
		return p.numbers * p.integers, share(report.ShareWhole, p.numbers*p.integers)
	case Status, Category, Country, Product, Name:
		if p.dates > 0.9 {
			return 0.1, are(report.AreDates)
		}
		if r == Category && p.txnTypes > 0.5 {
			return 0.1, are(report.AreTypes)
		}
		return 0.3 + 0.7*p.letters, share(report.ShareText, p.letters)
	case OrderID, CustomerID:
		if p.dates > 0.9 && p.compact < 0.9 {
			return 0.1, are(report.AreDates)
		}
		if p.emails > 0.5 && r == OrderID {
			return 0.2, are(report.AreEmails)
		}
		return 1, are(report.AreIdentifiers)
	}
	return 0.5, report.Why{}
}

// share is a value reason with its share of the sampled values.
func share(v report.ValueReason, s float64) report.Why { return report.Why{Values: v, Share: s} }

// are is a value reason without a share.
func are(v report.ValueReason) report.Why { return report.Why{Values: v} }

// Source is where a role's column was found.
type Source string

// The sources.
const (
	FromHeader Source = "header" // the header names the role
	FromValues Source = "values" // the values' shape alone (files without a header row)
	FromUser   Source = "user"   // the user chose it
)

// candidate is a possible role for a column.
type candidate struct {
	role   Role
	col    int
	score  float64
	source Source
	why    report.Why
}

// Alternative is another column that could play a role.
type Alternative struct {
	Column     int     `json:"column"`
	Header     string  `json:"header"`
	Confidence float64 `json:"confidence"`
}

// Question is a role that two or more columns fit equally well and whose
// values differ: the user must say which column it is. The role is left
// without a column until then.
type Question struct {
	Role    Role
	Columns []int // the columns that fit, in file order
	Headers []string
}

// Cells are the rows Detect reads: Len rows, and the text of row r,
// column c ("" when the row has no such cell). A *sheet.Table is one;
// Rows holds rows as slices.
type Cells interface {
	Len() int
	Cell(r, c int) string
}

// Rows are rows of cells as slices: Cells for rows already split.
type Rows [][]string

// Len returns the number of rows.
func (rs Rows) Len() int { return len(rs) }

// Cell returns the text of row r, column c, or "" when the row has no such cell.
func (rs Rows) Cell(r, c int) string {
	if c < 0 || c >= len(rs[r]) {
		return ""
	}
	return rs[r][c]
}

// Detect finds the column of each role from the header and the rows.
//
// Each column is scored for each role by its header: a known name for the
// role scores 1, a header that contains one 0.7; the header's other words
// weigh it by meaning (an order or creation date beats a ship, delivery or
// estimated date; a billing name or country beats a shipping one; a tax,
// shipping or discount amount is not the order value), and the share of
// sampled values that suit the role (dates for Date, numbers for Total,
// e-mail addresses for Email, ...) multiplies it. A column whose header or
// values speak of money (price, amount, fee, tax, total, balance, ...,
// or values with cents or a currency sign) is never an identity (order or
// customer id).
//
// A role named by a header always beats a role guessed from values alone.
// Values alone decide only in a file without a header row (CDNOW's
// customer, yyyymmdd, CDs, dollars) and, in any file, for dates and e-mail
// addresses no header names. Roles are given to the best scores first, each
// role to one column and each column one role. When two columns fit a role
// equally well and their values differ, the role becomes a Question instead
// of a choice by column order.
func Detect(header []string, rows Cells) Mapping {
	profiles := make([]profile, len(header))
	for c := range header {
		profiles[c] = profileOf(rows, c)
	}
	cands := score(header, profiles, headerless(header))
	return assign(header, rows, cands)
}

// headerless tells whether the header was made up by the reader ("Column
// 1", "Column 2", ...): the file has no header row.
func headerless(header []string) bool {
	for i, h := range header {
		if h != "Column "+strconv.Itoa(i+1) {
			return false
		}
	}
	return len(header) > 0
}

// score lists every role each column could play, with its score.
func score(header []string, profiles []profile, noHeader bool) []candidate {
	var cands []candidate
	for c, h := range header {
		f := Fold(h)
		p := profiles[c]
		for _, r := range Roles() {
			vs, vwhy := fits(r, p)
			if p.filled == 0 {
				vs, vwhy = 0.3, report.Why{Values: report.EmptySample}
			}
			if hs, hwhy := headerScore(r, f, h); hs > 0 && !noHeader {
				if isIdentity(r) && (moneyHeader(f) || noteHeader(f) || p.money > 0.5 || p.flag || p.few) {
					continue // an amount, a remark, a yes/no or a kind, never an id
				}
				if isIdentity(r) {
					// Half-empty columns and words with spaces (names,
					// remarks) make weak ids.
					vs *= (0.5 + 0.5*p.filled) * (1 - 0.7*p.spaced)
				}
				if r == Name && f == "name" && p.spaced < 0.5 {
					continue // Shopify's "Name" is the order number
				}
				if r == CustomerID && p.spaced > 0.5 {
					// A "Customer" column of names ("A. Berg") names
					// people, not accounts: it is the customer's name.
					if s := hs * meaning(Name, f) * vs; s > 0.05 {
						cands = append(cands, candidate{Name, c, s, FromHeader, report.Why{Header: report.HeaderNamesCustomer, Column: h}})
					}
					continue
				}
				if s := hs * meaning(r, f) * vs; s > 0.05 {
					cands = append(cands, candidate{r, c, s, FromHeader, report.Why{Header: hwhy.Header, Column: hwhy.Column, Values: vwhy.Values, Share: vwhy.Share}})
				}
				continue
			}
			if !noHeader && r != Date && r != Email {
				continue
			}
			vo := valueOnly(r, p)
			if r == CustomerID {
				// Without a header, only the columns' order tells two
				// columns of repeating whole numbers apart: the customer
				// comes first.
				vo *= 1 - 0.01*float64(c)
			}
			if s := 0.4 * vs * vo; s > 0.05 {
				cands = append(cands, candidate{r, c, s, FromValues, report.Why{Header: report.HeaderSilent, Values: vwhy.Values, Share: vwhy.Share}})
			}
		}
	}
	return cands
}

// assign gives roles to columns, best scores first: every role named by a
// header before any guessed from values.
func assign(header []string, rows Cells, cands []candidate) Mapping {
	sort.SliceStable(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if (a.source == FromHeader) != (b.source == FromHeader) {
			return a.source == FromHeader
		}
		return a.score > b.score
	})
	var m Mapping
	roleDone := map[Role]bool{}
	colDone := map[int]bool{}
	for i, cd := range cands {
		if roleDone[cd.role] || colDone[cd.col] || cd.score < 0.2 {
			continue
		}
		roleDone[cd.role] = true
		if tied := ties(cands[i+1:], cd, colDone, rows); len(tied) > 0 {
			q := Question{Role: cd.role, Columns: append([]int{cd.col}, tied...)}
			sort.Ints(q.Columns)
			for _, c := range q.Columns {
				q.Headers = append(q.Headers, header[c])
			}
			m.Questions = append(m.Questions, q)
			continue
		}
		colDone[cd.col] = true
		m.Matches = append(m.Matches, Match{Role: cd.role, Column: cd.col, Header: header[cd.col],
			Confidence: round2(cd.score), Why: cd.why, Source: cd.source})
	}
	for i := range m.Matches {
		x := &m.Matches[i]
		for _, cd := range cands {
			if cd.role == x.Role && cd.col != x.Column && cd.score >= 0.2 && len(x.Alternatives) < 3 {
				x.Alternatives = append(x.Alternatives, Alternative{Column: cd.col, Header: header[cd.col], Confidence: round2(cd.score)})
			}
		}
	}
	m.sort()
	return m
}

// ties returns the free columns that fit cd's role exactly as well as cd's
// column and hold other values in the rows.
func ties(rest []candidate, cd candidate, colDone map[int]bool, rows Cells) []int {
	var out []int
	for _, o := range rest {
		if o.role != cd.role || colDone[o.col] || o.col == cd.col || o.source != cd.source || math.Abs(o.score-cd.score) > 1e-9 {
			continue
		}
		if !sameValues(rows, cd.col, o.col, isIdentity(cd.role)) {
			out = append(out, o.col)
		}
	}
	return out
}

// sameValues tells whether columns a and b hold the same text in every
// sampled row or, for identities (renamed), values that pair one to one:
// a master and a sample customer number tell the same customers apart.
func sameValues(rows Cells, a, b int, renamed bool) bool {
	step := SampleStep(rows.Len())
	ab, ba := map[string]string{}, map[string]string{}
	for i := 0; i < rows.Len(); i += step {
		x, y := strings.TrimSpace(rows.Cell(i, a)), strings.TrimSpace(rows.Cell(i, b))
		if !renamed {
			if x != y {
				return false
			}
			continue
		}
		if v, ok := ab[x]; ok && v != y {
			return false
		}
		if v, ok := ba[y]; ok && v != x {
			return false
		}
		ab[x], ba[y] = y, x
	}
	return true
}

func isIdentity(r Role) bool { return r == OrderID || r == CustomerID }

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
func headerScore(r Role, f, orig string) (float64, report.Why) {
	if f == "" {
		return 0, report.Why{}
	}
	best := 0.0
	for _, n := range names[r] {
		switch {
		case f == n:
			// "Name" is Shopify's order number; "ID" is an order id only
			// when nothing better is there.
			s := 1.0
			if n == "id" {
				s = 0.7 // a bare "ID" is the order's only when nothing says more
			}
			if n == "name" || n == "value" || n == "type" || n == "order" || n == "sum" || n == "count" {
				s = 0.8
			}
			if n == "sku" || n == "stockcode" || n == "paidat" || n == "ordervalue" || n == "transactionid" || n == "transaction" {
				// A description, the creation date, the order's total
				// and the order's own number are better; a transaction is
				// the order only where nothing else is.
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
			if r == OrderID && (strings.Contains(f, "date") || strings.Contains(f, "datum") || strings.Contains(f, "dato")) {
				s = 0
			}
			if s > best {
				best = s
			}
		}
	}
	if best == 0 {
		return 0, report.Why{}
	}
	return best, report.Why{Header: report.HeaderNames, Column: orig}
}

// valueOnly weighs a role for a column whose header says nothing: only
// shapes of values that point to the role count.
func valueOnly(r Role, p profile) float64 {
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

// Words that give a header its meaning, folded (see Fold); a header
// "contains" a word when the word is part of it.
var (
	// moneyWords make a column an amount: never an identity.
	moneyWords = words("price", "amount", "fee", "shipping", "tax", "discount", "total", "balance", "refund", "cost",
		"value", "voucher", "rebate", "cashback", "coin", "paid", "spent", "revenue", "sales", "gross", "commission",
		"preis", "betrag", "summe", "gebuhr", "versand", "steuer", "rabatt", "gutschein", "erstattung", "umsatz", "porto",
		"pris", "belob", "belop", "gebyr", "fragt", "frakt", "moms", "mva", "rabat", "avgift", "skatt", "omsatning",
		"presyo", "halaga", "bayad", "singil", "buwis", "diskwento", "kabuuan",
		"erstatt", "refus", "refunder", "tilbagebetal", "tilbakebetal", "aterbetal")
	// noteWords make a column a remark: never an identity.
	noteWords = words("note", "remark", "comment", "message", "memo", "instruction", "notiz", "bemerk", "kommentar",
		"hinweis", "besked", "bemaerk", "melding", "merknad", "meddelande", "anteckning", "tala", "paalala", "puna", "mensahe")
	// Dates: when the order was placed beats when it was paid, which beats
	// any later event.
	placedWords = words("order", "bestell", "ordre", "creat", "placed", "purchas", "kauf", "kob", "kjop", "kop", "sale",
		"sold", "bought", "auftrag", "pagbili", "gawa")
	billedWords = words("invoice", "rechnung", "faktura", "beleg", "transaction", "txn", "receipt", "resibo")
	paidWords   = words("paid", "payment", "bezahl", "zahlung", "betal", "bayad")
	laterWords  = words("ship", "deliver", "dispatch", "estimat", "updat", "modif", "chang", "cancel", "complet",
		"return", "refund", "due", "fulfil", "expir", "birth", "geburt", "fodsel", "last", "versand", "liefer", "lever",
		"frakt", "afsend", "skick", "storn", "erstatt", "retur", "gutschrift", "accept", "close", "archiv", "tracking",
		"pickup", "settle", "payout", "available", "sendt", "skickad", "padala", "hatid")
	// Names, countries, addresses and e-mails: the buyer's billing details
	// beat the shipping ones (a gift is shipped to someone else).
	billingWords  = words("billing", "billto", "bill", "rechnung", "faktura", "invoice", "customer", "buyer", "kunde", "kund", "from")
	shippingWords = words("shipping", "shipto", "ship", "delivery", "receiver", "recipient", "liefer", "lever", "versand", "empfanger", "modtager", "mottaker", "mottagare")
	// Totals: an amount of tax, shipping or discount is not the order's
	// value; a count is not an amount.
	notTotalWords = words("tax", "shipping", "discount", "refund", "fee", "voucher", "rebate", "coin", "balance", "due",
		"outstanding", "estimat", "commission", "cashback", "deposit", "steuer", "moms", "mva", "skatt", "fragt", "frakt",
		"versand", "rabatt", "rabat", "gebuhr", "gebyr", "avgift", "porto", "erstatt", "refus", "retur", "buwis",
		"diskwento", "singil", "compare", "original", "regular", "msrp", "shipped", "redeem", "gift", "certificate",
		"credit", "handling", "exctax", "excltax", "exvat", "exklmwst", "exklmoms", "net", "tilbagebetal", "tilbakebetal",
		"aterbetal", "ibinalik")
	// Words that say a total includes tax, so "tax" in them is no
	// reason to doubt it.
	inclTaxWords = words("inctax", "incltax", "includingtax", "incvat", "inclvat", "inklmwst", "inklmoms", "inklmva", "withtax")
	countWords   = words("quantity", "qty", "items", "count", "number", "anzahl", "menge", "antal", "antall", "mangd",
		"dami", "bilang", "weight", "gewicht", "vaegt", "vekt", "vikt")
	// Unit prices: the price paid beats a list or crossed-out price.
	listPriceWords = words("compare", "original", "regular", "before", "msrp", "list", "ursprung", "uvp", "normal",
		"tax", "shipping", "fee", "discount", "total")
	// Unit prices: a price the buyer paid for the products is what the
	// line or the order cost them, not the price of one unit (Shopee's
	// "Products' Price Paid by Buyer" beside its "Deal Price").
	paidPriceWords = words("products", "buyer", "paid")
	// Identities: an id or number beats a type, group or date of it.
	notIDWords = words("type", "group", "since", "segment", "tag", "status", "accept", "marketing", "language", "count",
		"gruppe", "grupp", "date", "datum", "dato", "time", "tracking", "shipment", "package", "sendung", "line", "item",
		"phone", "telefon")
	// A customer's name is not their id.
	personNameWords = words("name", "navn", "namn", "pangalan")
	// Statuses: the payment or order status beats the shipping one.
	shipStatusWords = words("fulfil", "ship", "deliver", "return", "refund", "tracking", "versand", "liefer", "lever")
	// Refunded amounts: a status, a date, a reason or an id of a refund is
	// not its money, nor is the sum converted to another currency.
	notRefundWords = words("status", "date", "datum", "dato", "time", "reason", "grund", "arsag", "orsak",
		"refundid", "refundnumber", "refundnr", "converted", "fee", "gebuhr", "gebyr", "avgift", "shipping", "tax")
	// Sender-side e-mail columns (a payment export's own address).
	shopMailWords = words("seller", "merchant", "shop", "store", "verkaufer", "sælger", "saelger", "selger", "saljare")
)

func words(ws ...string) []string { return ws }

// flagWords are the values of a yes/no column in our users' languages.
var flagWords = map[string]bool{"0": true, "1": true, "yes": true, "no": true, "y": true, "n": true, "true": true,
	"false": true, "ja": true, "nein": true, "nej": true, "nei": true, "oo": true, "hindi": true, "x": true}

func containsAny(f string, ws []string) bool {
	for _, w := range ws {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// moneyHeader tells whether a folded header names an amount.
func moneyHeader(f string) bool { return containsAny(f, moneyWords) }

// noteHeader tells whether a folded header names a remark.
func noteHeader(f string) bool { return containsAny(f, noteWords) }

// meaning weighs a folded header for role r by its other words, 0..1: how
// surely the column is the role's and not a near relative (a ship date, a
// shipping country, a tax amount).
func meaning(r Role, f string) float64 {
	switch r {
	case Date:
		switch {
		case containsAny(f, laterWords):
			return 0.5
		case containsAny(f, placedWords):
			return 1
		case containsAny(f, billedWords):
			return 0.97
		case containsAny(f, paidWords):
			return 0.95
		}
		return 0.9
	case Total:
		for _, w := range inclTaxWords {
			f = strings.ReplaceAll(f, w, "")
		}
		switch {
		case containsAny(f, countWords):
			return 0.2
		case containsAny(f, notTotalWords):
			return 0.3
		}
	case UnitPrice:
		switch {
		case containsAny(f, listPriceWords):
			return 0.5
		case containsAny(f, paidPriceWords):
			return 0.8
		}
	case Name, Country, Address:
		switch {
		case containsAny(f, shippingWords):
			return 0.8
		case containsAny(f, billingWords):
			return 1
		}
		return 0.9
	case Email:
		switch {
		case strings.HasPrefix(f, "to") || containsAny(f, shopMailWords) || containsAny(f, shippingWords):
			return 0.5
		}
	case CustomerID, OrderID:
		if containsAny(f, notIDWords) || r == CustomerID && containsAny(f, personNameWords) {
			return 0.3
		}
	case Status:
		if containsAny(f, shipStatusWords) {
			return 0.8
		}
	case Refunded:
		// "Quantity refunded" counts units, "Refund Status" and
		// "Refunded date" are no amounts; "Converted Amount Refunded" is
		// the same money in another currency.
		if containsAny(f, countWords) || containsAny(f, notRefundWords) {
			return 0.2
		}
	}
	return 1
}

// moneyShaped tells whether a number is written as money: with cents
// ("5.00", "1.234,56", "-0,50") or a currency sign.
func moneyShaped(v string) bool {
	if strings.ContainsAny(v, "€$£¥₱₹") || strings.Contains(strings.ToLower(v), "kr") {
		return true
	}
	n := len(v)
	return n >= 4 && (v[n-3] == '.' || v[n-3] == ',') && isDigit(v[n-2]) && isDigit(v[n-1]) && isDigit(v[n-4])
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }
