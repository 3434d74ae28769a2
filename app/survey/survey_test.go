package survey

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"retention/app/demo"
	"retention/app/report"
	"retention/metrics"
)

func roles(r *Result) map[Role]string {
	m := map[Role]string{}
	for _, x := range r.Mapping {
		if x.Column >= 0 {
			m[x.Role] = x.Header
		}
	}
	return m
}

func rows(t *testing.T, data []byte, comma rune) int {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.Comma = comma
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return len(recs) - 1
}

func TestGeneratedExports(t *testing.T) {
	for _, tc := range []struct {
		name  string
		data  []byte
		comma rune
		scale metrics.Scale
		want  map[Role]string
		date  report.DateFormat
	}{
		{demo.NPSFileName, demo.NPSCSV(), ',', metrics.NPSScale,
			map[Role]string{Score: "Score", Date: "Created At", Email: "Email", Comment: "Comment"}, report.DateFormat{Order: report.YearFirst, Time: true}},
		{demo.CSATFileName, demo.CSATCSV(), ';', metrics.CSAT5,
			map[Role]string{Score: "Bewertung", Date: "Bewertet am", Email: "Anfragende E-Mail", Comment: "Kommentar"}, report.DateFormat{Order: report.DayFirst, Time: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Read(tc.name, tc.data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := roles(r); len(got) != len(tc.want) || got[Score] != tc.want[Score] || got[Date] != tc.want[Date] || got[Email] != tc.want[Email] || got[Comment] != tc.want[Comment] {
				t.Errorf("mapping %v, want %v", got, tc.want)
			}
			n := rows(t, tc.data, tc.comma)
			if r.Scale != tc.scale || len(r.Answers) != n || len(r.Skipped) != 0 || r.Rows != n || n < 300 {
				t.Errorf("scale %v, %d answers of %d rows, skipped %+v", r.Scale, len(r.Answers), n, r.Skipped)
			}
			if r.DateFormat != tc.date {
				t.Errorf("dates %+v, want %+v", r.DateFormat, tc.date)
			}
			for _, a := range r.Answers {
				if !strings.HasSuffix(a.Customer, "@example.com") || !tc.scale.Valid(a.Score) || a.Time.Before(demo.First) || a.Time.After(demo.Last) {
					t.Fatalf("answer %+v", a)
				}
			}
		})
	}
	// The same bytes every time.
	if !bytes.Equal(demo.NPSCSV(), demo.NPSCSV()) || !bytes.Equal(demo.CSATCSV(), demo.CSATCSV()) {
		t.Error("the generated surveys differ between runs")
	}
}

func TestHeadersInSixLanguages(t *testing.T) {
	for _, tc := range []struct {
		file string
		want map[Role]string
	}{
		{"Datum;Kundennummer;Weiterempfehlung;Begründung\n03.02.2025;K1;9;Gut\n04.02.2025;K2;3;Schlecht\n", map[Role]string{Date: "Datum", CustomerID: "Kundennummer", Score: "Weiterempfehlung", Comment: "Begründung"}},
		{"Dato;Kundenummer;Karakter;Tilbagemelding\n03-02-2025;K1;9;God\n04-02-2025;K2;3;Dårlig\n", map[Role]string{Date: "Dato", CustomerID: "Kundenummer", Score: "Karakter", Comment: "Tilbagemelding"}},
		{"Dato;E-post;Anbefaling;Tilbakemelding\n03.02.2025;a@x.no;9;Bra\n04.02.2025;b@x.no;3;Dårlig\n", map[Role]string{Date: "Dato", Email: "E-post", Score: "Anbefaling", Comment: "Tilbakemelding"}},
		{"Datum,Kundnummer,Betyg,Synpunkter\n2025-02-03,K1,9,Bra\n2025-02-04,K2,3,Dåligt\n", map[Role]string{Date: "Datum", CustomerID: "Kundnummer", Score: "Betyg", Comment: "Synpunkter"}},
		{"Petsa,Email,Iskor,Komento\n2025-02-03,a@x.ph,9,Maganda\n2025-02-04,b@x.ph,3,Pangit\n", map[Role]string{Date: "Petsa", Email: "Email", Score: "Iskor", Comment: "Komento"}},
		{"Submitted At,Customer ID,How likely are you to recommend us?,Why?\n2025-02-03,1,9,Good\n2025-02-04,2,3,Bad\n", map[Role]string{Date: "Submitted At", CustomerID: "Customer ID", Score: "How likely are you to recommend us?"}},
	} {
		r, err := Read("survey.csv", []byte(tc.file), Options{})
		if err != nil {
			t.Errorf("%s: %v", strings.SplitN(tc.file, "\n", 2)[0], err)
			continue
		}
		got := roles(r)
		for role, h := range tc.want {
			if got[role] != h {
				t.Errorf("%s: %s is %q, want %q", strings.SplitN(tc.file, "\n", 2)[0], role, got[role], h)
			}
		}
		if len(r.Answers) != 2 || r.Scale != metrics.NPSScale && r.Scale != metrics.CSAT10 {
			t.Errorf("%s: %d answers, scale %v", strings.SplitN(tc.file, "\n", 2)[0], len(r.Answers), r.Scale)
		}
	}
}

// TestScaleDetection: the scale from the header's words, else from the
// answers' range, else as the caller says; with the reason as a code.
func TestScaleDetection(t *testing.T) {
	for _, tc := range []struct {
		header, values string
		choice         string
		want           metrics.Scale
		why            report.ScaleWhy
	}{
		{"Score", "0 7 10", "", metrics.NPSScale, report.ScaleWhy{Code: report.ScaleAnswers, Min: 0, Max: 10}},                          // a 0: NPS
		{"Rating", "1 3 5 4", "", metrics.CSAT5, report.ScaleWhy{Code: report.ScaleAnswers, Min: 1, Max: 5}},                            // 1-5
		{"Rating", "1 6 7", "", metrics.CSAT7, report.ScaleWhy{Code: report.ScaleAnswers, Min: 1, Max: 7}},                              // 1-7
		{"Score", "2 8 9", "", metrics.NPSScale, report.ScaleWhy{Code: report.ScaleAnswers, Min: 2, Max: 9}},                            // above 7 without a word: NPS
		{"CSAT", "2 8 9", "", metrics.CSAT10, report.ScaleWhy{Code: report.ScaleSatisfaction, Column: "CSAT", Max: 10}},                 // the header says satisfaction
		{"NPS", "5 4 5", "", metrics.NPSScale, report.ScaleWhy{Code: report.ScaleRecommends, Column: "NPS"}},                            // the header says NPS, whatever the values
		{"Zufriedenheit", "1 2 4", "", metrics.CSAT5, report.ScaleWhy{Code: report.ScaleSatisfaction, Column: "Zufriedenheit", Max: 5}}, // German satisfaction
		{"Score", "4 5 5", "nps", metrics.NPSScale, report.ScaleWhy{Code: report.ScaleChosen}},                                          // the caller decides
		{"Score", "1 9 10", "csat10", metrics.CSAT10, report.ScaleWhy{Code: report.ScaleChosen}},                                        //
	} {
		var b strings.Builder
		b.WriteString("Date," + tc.header + "\n")
		for _, v := range strings.Fields(tc.values) {
			b.WriteString("2025-01-02," + v + "\n")
		}
		r, err := Read("s.csv", []byte(b.String()), Options{Scale: tc.choice})
		if err != nil {
			t.Errorf("%s %s: %v", tc.header, tc.values, err)
			continue
		}
		if r.Scale != tc.want || r.ScaleWhy != tc.why {
			t.Errorf("%s %s (%q): scale %v (%+v), want %v (%+v)", tc.header, tc.values, tc.choice, r.Scale, r.ScaleWhy, tc.want, tc.why)
		}
	}
}

func TestSkippedAndErrors(t *testing.T) {
	file := "Date,Email,Score,Comment\n" +
		"2025-01-02,a@x.com,9,good\n" + // line 2
		"2025-01-03,b@x.com,,\n" + // line 3: no score
		"2025-01-04,c@x.com,11,?\n" + // line 4: not on 0-10
		"soon,d@x.com,5,\n" + // line 5: not a date
		",e@x.com,3,\n" + // line 6: no date
		"2025-01-07,,0,anonymous\n" // line 7
	r, err := Read("s.csv", []byte(file), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Answers) != 2 || r.Answers[1].Customer != "" || r.Answers[0].Customer != "a@x.com" || r.Answers[0].Line != 2 {
		t.Errorf("answers %+v", r.Answers)
	}
	want := map[string][]int{"no score": {3}, "not a score on the NPS (0-10) scale": {4}, "not a date": {5}, "no date": {6}}
	if len(r.Skipped) != len(want) {
		t.Fatalf("skipped %+v", r.Skipped)
	}
	for _, s := range r.Skipped {
		if w, ok := want[s.Reason]; !ok || s.Rows != 1 || s.Examples[0] != w[0] || s.Column == "" {
			t.Errorf("skip %+v", s)
		}
	}
	for _, tc := range []struct {
		file string
		o    Options
		want string
		code report.Code // the code the page words; "" for a setting only the command line gives
	}{
		{"Date,Email\n2025-01-02,a@x.com\n", Options{}, "no column of scores", report.SurveyNoScore},
		{"Email,Score\na@x.com,5\n", Options{}, "no column with answer dates", report.SurveyNoDate},
		{file, Options{Map: map[string]string{"mood": "Score"}}, "unknown role", ""},
		{file, Options{Map: map[string]string{"score": "Stars"}}, `no column "Stars"`, ""},
		{file, Options{Scale: "stars"}, "unknown scale", ""},
		{"Date,Score\n", Options{}, "no answers", report.SurveyNoAnswers},
		{"Date,Score\n2025-01-02,\n,9\n", Options{Map: map[string]string{"score": "Score", "date": "Date"}}, "no answer with a score and a date (2 rows read)", report.SurveyNoAnswers},
		{"Date,Score\nsoon,9\nlater,8\n", Options{}, `column "Date": not a date`, report.SurveyBadDates},
		{"Date,Score\n2025-01-02,-3\n", Options{Map: map[string]string{"score": "Score"}}, "no whole numbers from 0 to 10", report.SurveyNoScale},
	} {
		_, err := Read("s.csv", []byte(tc.file), tc.o)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q %+v: %v, want %q", tc.file, tc.o, err, tc.want)
		}
		if e := report.CodeOf(err); tc.code != "" && (e == nil || e.Code != tc.code || e.File != "s.csv") || tc.code == "" && e != nil {
			t.Errorf("%q %+v: code %+v, want %q", tc.file, tc.o, e, tc.code)
		}
	}
	// A role set by the caller wins.
	r, err = Read("s.csv", []byte("When,Points,Other\n2025-01-02,9,3\n"), Options{Map: map[string]string{"score": "Other", "date": "1"}})
	if err != nil || len(r.Answers) != 1 || r.Answers[0].Score != 3 {
		t.Errorf("mapped: %+v %v", r, err)
	}
}
