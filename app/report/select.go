package report

import (
	"fmt"
	"sort"
	"strings"
)

// Lists besides the RFM segments that Select knows.
const (
	ListAll      = "All"
	ListVIP      = "VIP"
	ListLapsed   = "Lapsed"
	ListSeasonal = "Seasonal"
	ListSlipping = "Slipping away"
)

// Select returns the customers of a list: an RFM segment by name, or
// ListAll, ListVIP, ListLapsed or ListSeasonal. Names are matched without regard to
// case; the list's own name is returned with its rows.
func Select(d *Document, name string) ([]Customer, string, error) {
	n := strings.TrimSpace(name)
	canon := n
	var keep func(c *Customer) bool
	switch {
	case strings.EqualFold(n, ListAll):
		canon = ListAll
		keep = func(*Customer) bool { return true }
	case strings.EqualFold(n, ListVIP) || strings.EqualFold(n, "VIPs"):
		canon = ListVIP
		keep = func(c *Customer) bool { return c.VIP }
	case strings.EqualFold(n, ListLapsed):
		canon = ListLapsed
		keep = func(c *Customer) bool { return c.Lapsed }
	case strings.EqualFold(n, ListSeasonal):
		canon = ListSeasonal
		keep = func(c *Customer) bool { return c.Seasonal }
	case strings.EqualFold(n, ListUnhappyVIPs) || strings.EqualFold(n, ListQuietFans):
		if d.Survey == nil || d.Survey.Join == nil {
			return nil, "", fmt.Errorf("the list %q comes from a survey: add a survey export first", n)
		}
		if strings.EqualFold(n, ListUnhappyVIPs) {
			return d.Survey.Join.UnhappyVIPs, ListUnhappyVIPs, nil
		}
		return d.Survey.Join.QuietFans, ListQuietFans, nil
	case strings.EqualFold(n, ListSlipping) || strings.EqualFold(n, "Slipping"):
		canon = ListSlipping
		keep = func(c *Customer) bool { return c.Slipping }
	default:
		for _, s := range d.Segments {
			if strings.EqualFold(s.Name, n) {
				seg := s.Name
				canon = seg
				keep = func(c *Customer) bool { return c.Segment == seg }
			}
		}
	}
	if keep == nil {
		names := []string{ListAll, ListVIP, ListLapsed, ListSeasonal, ListSlipping}
		for _, s := range d.Segments {
			names = append(names, s.Name)
		}
		return nil, "", fmt.Errorf("no list named %q; the lists are: %s", name, strings.Join(names, ", "))
	}
	out := []Customer{}
	for i := range d.CustomerRows {
		if keep(&d.CustomerRows[i]) {
			out = append(out, d.CustomerRows[i])
		}
	}
	if canon == ListSlipping {
		// The most valuable first.
		sort.SliceStable(out, func(i, j int) bool { return out[i].Revenue > out[j].Revenue })
	}
	return out, canon, nil
}
