package report

import (
	"fmt"
	"strings"
)

// Lists besides the RFM segments that Select knows.
const (
	ListAll    = "All"
	ListVIP    = "VIP"
	ListLapsed = "Lapsed"
)

// Select returns the customers of a list: an RFM segment by name, or
// ListAll, ListVIP or ListLapsed. Names are matched without regard to case.
func Select(d *Document, name string) ([]Customer, error) {
	n := strings.TrimSpace(name)
	var keep func(c *Customer) bool
	switch {
	case strings.EqualFold(n, ListAll):
		keep = func(*Customer) bool { return true }
	case strings.EqualFold(n, ListVIP) || strings.EqualFold(n, "VIPs"):
		keep = func(c *Customer) bool { return c.VIP }
	case strings.EqualFold(n, ListLapsed):
		keep = func(c *Customer) bool { return c.Lapsed }
	default:
		for _, s := range d.Segments {
			if strings.EqualFold(s.Name, n) {
				seg := s.Name
				keep = func(c *Customer) bool { return c.Segment == seg }
			}
		}
	}
	if keep == nil {
		names := []string{ListAll, ListVIP, ListLapsed}
		for _, s := range d.Segments {
			names = append(names, s.Name)
		}
		return nil, fmt.Errorf("no list named %q; the lists are: %s", name, strings.Join(names, ", "))
	}
	out := []Customer{}
	for i := range d.CustomerRows {
		if keep(&d.CustomerRows[i]) {
			out = append(out, d.CustomerRows[i])
		}
	}
	return out, nil
}
