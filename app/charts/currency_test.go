package charts

import (
	"strings"
	"testing"
)

// TestMoneyCurrency: every chart of amounts names its currency on its
// axis and after each value of its tooltip; without a currency, ECharts'
// own tooltip.
func TestMoneyCurrency(t *testing.T) {
	d := sample()
	cs := All(d, DefaultLabels())
	for id, series := range map[string]int{IDRevenue: 2, IDAOV: 1, IDLTV: 2} {
		m := byID(t, cs, id)
		if name := m["yAxis"].([]any)[0].(map[string]any)["name"]; name != "GBP" {
			t.Errorf("%s: y axis name %v, want GBP", id, name)
		}
		tip, _ := m["tooltip"].(map[string]any)["formatter"].(string)
		if n := strings.Count(tip, " GBP"); n != series || !strings.HasPrefix(tip, "{b}") {
			t.Errorf("%s: tooltip %q, want %d values in GBP", id, tip, series)
		}
	}
	// The LTV lines have a value at every category, so the tooltip's
	// {a1} and {c1} are the second cohort's: 2011-02 has two periods, the
	// third is "-".
	ltv := byID(t, cs, IDLTV)
	data := ltv["series"].([]any)[1].(map[string]any)["data"].([]any)
	if len(data) != 3 || data[2].(map[string]any)["value"] != "-" || data[1].(map[string]any)["value"] != 44.0 {
		t.Errorf("2011-02 LTV data %v", data)
	}
	for _, id := range []string{IDRetention, IDBase, IDSegments, IDOrdersPerCustomer} {
		if _, ok := byID(t, cs, id)["tooltip"].(map[string]any)["formatter"]; ok {
			t.Errorf("%s: a money tooltip on a chart without money", id)
		}
	}
	d.Currency = ""
	for _, id := range []string{IDRevenue, IDAOV, IDLTV} {
		if _, ok := byID(t, All(d, DefaultLabels()), id)["tooltip"].(map[string]any)["formatter"]; ok {
			t.Errorf("%s: a money tooltip without a currency", id)
		}
	}
}

func TestMoneyTooltip(t *testing.T) {
	for _, tc := range []struct {
		cur  string
		n    int
		want string
	}{
		{"EUR", 2, "{b}<br/>{a0}: {c0} EUR<br/>{a1}: {c1} EUR"},
		{"DKK", 1, "{b}<br/>{a0}: {c0} DKK"},
		{"", 2, ""},
		{"EUR", 0, ""},
	} {
		if got := moneyTooltip(tc.cur, tc.n); got != tc.want {
			t.Errorf("moneyTooltip(%q, %d) = %q, want %q", tc.cur, tc.n, got, tc.want)
		}
	}
}
