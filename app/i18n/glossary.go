package i18n

import "golang.org/x/text/language"

// A Term is one of the key terms of customer retention, with the word each
// language uses for it. Every message that holds the English term must
// hold the language's word in its translation (TestGlossary), so a German
// marketer reads "Kohorte" everywhere and never a second word for it.
//
// Words are written as the stem that all of a message's inflections start
// with, in lower case where the language does not capitalise them inside a
// sentence: German "kohorte" matches "Kohorte" and "Kohorten".
type Term struct {
	English string // as it appears in the English messages, lower case
	Meaning string // what the workbench means by it
	Words   map[language.Tag]string
}

// Glossary is the workbench's vocabulary: the retention figures, then the
// RFM segments (metrics/rfm.go). The English column is the catalogue's
// wording; the others are filled in by each translation's file.
var Glossary = []Term{
	{English: "retention rate", Meaning: "retained customers ÷ the customer base at the period's start", Words: map[language.Tag]string{
		language.German:   "Kundenbindungsrate",
		language.Swedish:  "kvarhållningsgrad",
		language.Danish:   "fastholdelsesrate",
		Bokmal:            "retensjonsrate",
		language.Filipino: "retention rate",
	}},
	{English: "churn", Meaning: "customers who left the customer base ÷ the customer base at the period's start", Words: map[language.Tag]string{
		language.German:   "Abwanderung",
		language.Swedish:  "kundbortfall",
		language.Danish:   "kundeafgang",
		Bokmal:            "frafall",
		language.Filipino: "churn",
	}},
	{English: "cohort", Meaning: "the customers whose first order fell in the same period", Words: map[language.Tag]string{
		language.German:   "Kohorte",
		language.Swedish:  "kohort",
		language.Danish:   "kohorte",
		Bokmal:            "kohort",
		language.Filipino: "cohort",
	}},
	{English: "repeat purchase rate", Meaning: "customers with two or more orders ÷ customers", Words: map[language.Tag]string{
		language.German:   "Wiederkaufrate",
		language.Swedish:  "återköpsgrad",
		language.Danish:   "genkøbsrate",
		Bokmal:            "gjenkjøpsrate",
		language.Filipino: "rate ng muling pagbili",
	}},
	{English: "average order value", Meaning: "revenue ÷ orders", Words: map[language.Tag]string{
		language.German:   "durchschnittlicher Bestellwert",
		language.Swedish:  "genomsnittligt ordervärde",
		language.Danish:   "gennemsnitlig ordreværdi",
		Bokmal:            "gjennomsnittlig ordreverdi",
		language.Filipino: "average na halaga ng order",
	}},
	{English: "customer base", Meaning: "the customers with an order in the active window before an instant", Words: map[language.Tag]string{
		language.German:   "Kundenstamm",
		language.Swedish:  "kundbas",
		language.Danish:   "kundebase",
		Bokmal:            "kundebase",
		language.Filipino: "customer base",
	}},
	{English: "lifetime value", Meaning: "what a customer brings over their whole relationship with the shop (CLV)", Words: map[language.Tag]string{
		language.German:   "Customer Lifetime Value",
		language.Swedish:  "livstidsvärde",
		language.Danish:   "livstidsværdi",
		Bokmal:            "livstidsverdi",
		language.Filipino: "lifetime value",
	}},
	{English: "champions", Meaning: "RFM: bought recently, buy often and spend the most", Words: map[language.Tag]string{
		language.German:   "Champions",
		language.Swedish:  "mästare",
		language.Danish:   "stjernekunder",
		Bokmal:            "stjernekunder",
		language.Filipino: "kampeon",
	}},
	{English: "loyal customers", Meaning: "RFM: buy often and recently enough", Words: map[language.Tag]string{
		language.German:   "treue Kunden",
		language.Swedish:  "lojala kunder",
		language.Danish:   "loyale kunder",
		Bokmal:            "lojale kunder",
		language.Filipino: "suki",
	}},
	{English: "potential loyalists", Meaning: "RFM: recent customers with more than one order", Words: map[language.Tag]string{
		language.German:   "potenziell treue Kunden",
		language.Swedish:  "potentiellt lojala",
		language.Danish:   "potentielt loyale",
		Bokmal:            "potensielt lojale",
		language.Filipino: "posibleng suki",
	}},
	{English: "new customers", Meaning: "RFM: first order very recently", Words: map[language.Tag]string{
		language.German:   "Neukunde",
		language.Swedish:  "nya kunder",
		language.Danish:   "nye kunder",
		Bokmal:            "nye kunder",
		language.Filipino: "bagong customer",
	}},
	{English: "promising", Meaning: "RFM: recent, few orders", Words: map[language.Tag]string{
		language.German:   "vielversprechend",
		language.Swedish:  "lovande",
		language.Danish:   "lovende",
		Bokmal:            "lovende",
		language.Filipino: "may pag-asa",
	}},
	{English: "need attention", Meaning: "RFM: middling recency and frequency", Words: map[language.Tag]string{
		language.German:   "brauchen Aufmerksamkeit",
		language.Swedish:  "behöver uppmärksamhet",
		language.Danish:   "kræver opmærksomhed",
		Bokmal:            "trenger oppmerksomhet",
		language.Filipino: "kailangang pansinin",
	}},
	{English: "about to sleep", Meaning: "RFM: below average recency, few orders", Words: map[language.Tag]string{
		language.German:   "kurz vor dem Einschlafen",
		language.Swedish:  "på väg att somna",
		language.Danish:   "på vej i dvale",
		Bokmal:            "på vei i dvale",
		language.Filipino: "inaantok",
	}},
	{English: "at risk", Meaning: "RFM: bought often, but long ago", Words: map[language.Tag]string{
		language.German:   "gefährdet",
		language.Swedish:  "i riskzonen",
		language.Danish:   "i farezonen",
		Bokmal:            "i faresonen",
		language.Filipino: "nanganganib",
	}},
	{English: "can't lose them", Meaning: "RFM: bought the most, but have not come back for a long time", Words: map[language.Tag]string{
		language.German:   "nicht verlieren",
		language.Swedish:  "får inte förloras",
		language.Danish:   "må ikke mistes",
		Bokmal:            "må ikke mistes",
		language.Filipino: "hindi dapat mawala",
	}},
	{English: "hibernating", Meaning: "RFM: last order long ago, few orders", Words: map[language.Tag]string{
		language.German:   "Winterschlaf",
		language.Swedish:  "i dvala",
		language.Danish:   "i dvale",
		Bokmal:            "i dvale",
		language.Filipino: "tulog",
	}},
}
