package columns

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Lang is a language a file's column names are in, as a BCP 47 language
// subtag.
type Lang string

// The languages of our users' exports.
const (
	LangEnglish   Lang = "en"
	LangGerman    Lang = "de"
	LangDanish    Lang = "da"
	LangNorwegian Lang = "nb"
	LangSwedish   Lang = "sv"
	LangFilipino  Lang = "fil"
)

// langs lists the languages in the order Language returns ties.
var langs = []Lang{LangEnglish, LangGerman, LangDanish, LangNorwegian, LangSwedish, LangFilipino}

// langWords are the words of column names in each language, folded by
// foldWord (ø and ö are o, æ is ae, å and ä are a). A word may be
// in several languages: Danish and Norwegian share most of theirs, and
// what tells them apart is their spelling of a few (beløb / beløp,
// antal / antall, stykpris / stykkpris, købsdato / kjøpsdato); Swedish
// writes kund, namn, belopp, datum. Words every language borrows (total,
// status, id) are in none.
var langWords = map[Lang][]string{
	LangEnglish: {
		"order", "orders", "invoice", "customer", "client", "buyer", "email", "mail", "date", "created", "paid",
		"placed", "purchase", "purchased", "amount", "price", "unit", "quantity", "qty", "product", "item", "items",
		"lineitem", "description", "stock", "code", "sku", "country", "billing", "shipping", "name", "first", "last",
		"number", "financial", "fulfillment", "subtotal", "tax", "taxes", "discount", "refund", "refunded", "sales",
		"revenue", "value", "category", "currency", "payment", "method", "city", "phone", "address", "grand",
	},
	LangGerman: {
		"bestellung", "bestellnummer", "bestellnr", "bestelldatum", "bestellstatus", "bestellzeitpunkt", "kunde",
		"kundennummer", "kundennr", "kundenname", "kundenid", "rechnung", "rechnungsnummer", "rechnungsnr",
		"rechnungsdatum", "rechnungsbetrag", "auftragsnummer", "auftragsdatum", "betrag", "gesamtbetrag",
		"gesamtsumme", "gesamtpreis", "summe", "endbetrag", "umsatz", "menge", "anzahl", "stuck", "stuckzahl",
		"preis", "einzelpreis", "stuckpreis", "wahrung", "datum", "artikel", "artikelname", "artikelnummer",
		"bezeichnung", "zahlungsstatus", "zahlungsart", "lieferland", "rechnungsland", "versand", "versandkosten",
		"steuer", "mwst", "rabatt", "vorname", "nachname", "strasse", "ort", "erstellt", "bezahlt", "produktname",
		"warengruppe", "kategorie", "produktkategorie", "belegnummer", "belegdatum", "kaufdatum", "name",
	},
	LangDanish: {
		"ordre", "ordrenummer", "ordrenr", "ordredato", "ordrestatus", "kunde", "kundenummer", "kundenr", "kundeid",
		"kundenavn", "navn", "dato", "fakturadato", "fakturanummer", "faktura", "belob", "samlet", "antal",
		"maengde", "stykpris", "enhedspris", "pris", "varenavn", "vare", "varenummer", "produktnavn", "beskrivelse",
		"varegruppe", "kategori", "betalingsstatus", "leveringsland", "land", "valuta", "moms", "fragt", "rabat",
		"oprettet", "kobsdato", "kob", "email", "forsendelse", "levering",
	},
	LangNorwegian: {
		"ordre", "ordrenummer", "ordrenr", "ordredato", "ordrestatus", "kunde", "kundenummer", "kundenr", "kundeid",
		"kundenavn", "navn", "dato", "fakturadato", "fakturanummer", "faktura", "belop", "totalbelop", "samlet",
		"antall", "mengde", "stykkpris", "enhetspris", "pris", "varenavn", "vare", "varenummer", "produktnavn",
		"beskrivelse", "varegruppe", "kategori", "betalingsstatus", "leveringsland", "land", "valuta", "mva",
		"frakt", "rabatt", "opprettet", "kjopsdato", "kjop", "epost", "epostadresse", "totalt", "forsendelse",
		"levering",
	},
	LangSwedish: {
		"order", "ordernummer", "ordernr", "orderdatum", "orderstatus", "kund", "kundnummer", "kundnr", "kundid",
		"kundnamn", "namn", "datum", "fakturadatum", "fakturanummer", "faktura", "belopp", "totalbelopp", "summa",
		"totalt", "antal", "mangd", "styckpris", "apris", "enhetspris", "pris", "produktnamn", "artikel",
		"artikelnummer", "benamning", "varugrupp", "kategori", "betalningsstatus", "betalningssatt", "leveransland",
		"land", "valuta", "moms", "frakt", "rabatt", "skapad", "kopdatum", "kop", "epost", "epostadress",
	},
	LangFilipino: {
		"petsa", "halaga", "kabuuan", "kabuuang", "presyo", "dami", "bilang", "pangalan", "kostumer", "mamimili",
		"numero", "ng", "bayad", "katayuan", "produkto", "bansa", "pera", "resibo", "order",
	},
}

// wordLangs is langWords turned around: word -> its languages.
var wordLangs = func() map[string][]Lang {
	m := map[string][]Lang{}
	for _, l := range langs {
		for _, w := range langWords[l] {
			m[w] = append(m[w], l)
		}
	}
	return m
}()

// Language guesses the language of a file from its column names. Each
// column name is a vote for every language one of its words is in; its
// words are the name split at spaces and punctuation and at lower-to-upper
// case changes ("InvoiceDate" is invoice and date), and the name whole
// ("Kundennummer"), folded by foldWord. The languages with the most
// votes are returned: one when the words tell it, several when they do not
// ("Ordrenummer, Dato" is Danish or Norwegian), none when no word is known
// (CDNOW's "customer_id date" is English; "id, dato" alone is Danish or
// Norwegian; "x, y" is nothing).
func Language(header []string) []Lang {
	votes := map[Lang]int{}
	for _, h := range header {
		seen := map[Lang]bool{}
		for _, w := range headerWords(h) {
			for _, l := range wordLangs[w] {
				seen[l] = true
			}
		}
		for l := range seen {
			votes[l]++
		}
	}
	best := 0
	for _, n := range votes {
		best = max(best, n)
	}
	if best == 0 {
		return nil
	}
	var out []Lang
	for _, l := range langs {
		if votes[l] == best {
			out = append(out, l)
		}
	}
	return out
}

// headerWords returns the folded words of a column name: the parts between
// spaces and punctuation, those parts split at lower-to-upper case changes,
// and the whole name.
func headerWords(h string) []string {
	var out []string
	add := func(s string) {
		if f := foldWord(s); f != "" {
			out = append(out, f)
		}
	}
	parts := strings.FieldsFunc(h, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' })
	for _, p := range parts {
		add(p)
		rs := []rune(p)
		start := 0
		for i := 1; i < len(rs); i++ {
			if unicode.IsLower(rs[i-1]) && unicode.IsUpper(rs[i]) {
				add(string(rs[start:i]))
				start = i
			}
		}
		if start > 0 {
			add(string(rs[start:]))
		}
	}
	if len(parts) > 1 {
		add(h)
	}
	return out
}

// foldReplacer spells the letters of our languages in ASCII.
var foldReplacer = strings.NewReplacer("ø", "o", "æ", "ae", "å", "a", "ß", "ss", "ü", "u", "ö", "o", "ä", "a")

// foldWord lower-cases s, spells ø, æ, å, ß, ü, ö and ä in ASCII, drops
// other accents and keeps only letters and digits: "Beløb" is belob,
// "Kjøpsdato" kjopsdato, "E-Mail" email.
func foldWord(s string) string {
	s = foldReplacer.Replace(strings.ToLower(s))
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if (unicode.IsLetter(r) && r < unicode.MaxASCII) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
