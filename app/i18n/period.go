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
	if !ok || len(y) != 4 || !digits(y) {
		return key
	}
	names := periodNames(l.Lang, l.Tag)
	switch {
	case len(rest) == 2 && digits(rest):
		m := int(rest[0]-'0')*10 + int(rest[1]-'0')
		if m < 1 || m > 12 {
			return key
		}
		return names.months[m-1] + " " + y
	case len(rest) == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4':
		return names.quarters[rest[1]-'1'] + " " + y
	}
	return key
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// calendarNames are a language's abbreviated month and quarter names.
type calendarNames struct {
	months   [12]string
	quarters [4]string
}

var (
	englishNames = calendarNames{
		[12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		[4]string{"Q1", "Q2", "Q3", "Q4"},
	}
	// British English and the Englishes that follow it (en-GB, en-IE,
	// en-IN, en-NZ): Sept.
	britishNames = calendarNames{
		[12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"},
		englishNames.quarters,
	}
	australianNames = calendarNames{
		[12]string{"Jan", "Feb", "Mar", "Apr", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"},
		englishNames.quarters,
	}
	germanNames = calendarNames{
		[12]string{"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."},
		[4]string{"Q1", "Q2", "Q3", "Q4"},
	}
	austrianNames = calendarNames{
		[12]string{"Jän.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sep.", "Okt.", "Nov.", "Dez."},
		germanNames.quarters,
	}
	danishNames = calendarNames{
		[12]string{"jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."},
		[4]string{"1. kvt.", "2. kvt.", "3. kvt.", "4. kvt."},
	}
	norwegianNames = calendarNames{
		[12]string{"jan.", "feb.", "mars", "apr.", "mai", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "des."},
		[4]string{"K1", "K2", "K3", "K4"},
	}
	swedishNames = calendarNames{
		[12]string{"jan.", "feb.", "mars", "apr.", "maj", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "dec."},
		[4]string{"K1", "K2", "K3", "K4"},
	}
	filipinoNames = calendarNames{
		[12]string{"Ene", "Peb", "Mar", "Abr", "May", "Hun", "Hul", "Ago", "Set", "Okt", "Nob", "Dis"},
		[4]string{"Q1", "Q2", "Q3", "Q4"},
	}
)

// periodNames are the calendar names of lang, in the variant of tag when
// tag is a locale of lang.
func periodNames(lang, tag language.Tag) calendarNames {
	region := ""
	if base(tag) == base(lang) {
		r, _ := tag.Region()
		region = r.String()
	}
	switch lang {
	case language.German:
		if region == "AT" {
			return austrianNames
		}
		return germanNames
	case language.Danish:
		return danishNames
	case Bokmal:
		return norwegianNames
	case language.Swedish:
		return swedishNames
	case language.Filipino:
		return filipinoNames
	}
	switch region {
	case "GB", "IE", "IN", "NZ":
		return britishNames
	case "AU":
		return australianNames
	}
	return englishNames
}
