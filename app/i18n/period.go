package i18n

import (
	"strings"

	"golang.org/x/text/language"
)

// Period writes a report's period (metrics.Period's key) as the page's
// language names it on a chart's axis, in its table and in a card: a month
// (2011-01) by CLDR's yMMM pattern, "MMM y", with the month's abbreviated
// name (Jan 2011, Jan. 2011, jan. 2011, Ene 2011); a quarter (2011-Q1) by
// yQQQ, "QQQ y", with the quarter's abbreviated name (Q1 2011,
// 1. kvt. 2011, K1 2011). A year, and what is none of these, is given back
// as it is. The names are the language's (English months for an English
// page whatever the numbers' locale), in the browser's variant of it where
// CLDR has one (Sept in British English, Jän. in Austrian German).
//
// Source: CLDR 48.2 (cldr-dates-full), ca-gregorian.json of en, en-GB,
// en-AU, de, de-AT, da, nb, sv and fil: months.format.abbreviated,
// quarters.format.abbreviated, and dateTimeFormats.availableFormats yMMM
// and yQQQ, which are "MMM y" and "QQQ y" in all of them.
func (l *Locale) Period(key string) string {
	y, rest, ok := strings.Cut(key, "-")
	if !ok || len(y) != 4 || !digits(y) || len(rest) != 2 {
		return key
	}
	i := -1 // the name's index in calendar: months 0-11, quarters 12-15
	switch {
	case digits(rest):
		i = int(rest[0]-'0')*10 + int(rest[1]-'0') - 1
		if i > 11 {
			i = -1
		}
	case rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4':
		i = 12 + int(rest[1]-'1')
	}
	if i < 0 {
		return key
	}
	return strings.Split(calendar(l.Lang, l.Tag), "|")[i] + " " + y
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// calendar is lang's abbreviated month and quarter names, "|"-separated,
// in the variant of tag when tag is a locale of lang: British English and
// the Englishes that follow it (en-GB, -IE, -IN, -NZ) write Sept, Australian
// English June, July and Sept, Austrian German Jän. and Sep.
func calendar(lang, tag language.Tag) string {
	region := ""
	if base(tag) == base(lang) {
		r, _ := tag.Region()
		region = r.String()
	}
	switch lang {
	case language.German:
		if region == "AT" {
			return "Jän.|Feb.|März|Apr.|Mai|Juni|Juli|Aug.|Sep.|Okt.|Nov.|Dez.|Q1|Q2|Q3|Q4"
		}
		return "Jan.|Feb.|März|Apr.|Mai|Juni|Juli|Aug.|Sept.|Okt.|Nov.|Dez.|Q1|Q2|Q3|Q4"
	case language.Danish:
		return "jan.|feb.|mar.|apr.|maj|jun.|jul.|aug.|sep.|okt.|nov.|dec.|1. kvt.|2. kvt.|3. kvt.|4. kvt."
	case Bokmal:
		return "jan.|feb.|mars|apr.|mai|juni|juli|aug.|sep.|okt.|nov.|des.|K1|K2|K3|K4"
	case language.Swedish:
		return "jan.|feb.|mars|apr.|maj|juni|juli|aug.|sep.|okt.|nov.|dec.|K1|K2|K3|K4"
	case language.Filipino:
		return "Ene|Peb|Mar|Abr|May|Hun|Hul|Ago|Set|Okt|Nob|Dis|Q1|Q2|Q3|Q4"
	}
	switch region {
	case "GB", "IE", "IN", "NZ":
		return "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept|Oct|Nov|Dec|Q1|Q2|Q3|Q4"
	case "AU":
		return "Jan|Feb|Mar|Apr|May|June|July|Aug|Sept|Oct|Nov|Dec|Q1|Q2|Q3|Q4"
	}
	return "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Q1|Q2|Q3|Q4"
}
