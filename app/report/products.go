package report

import (
	"fmt"
	"io"
	"strings"
)

// ProductQuery asks for a list of customers by what they bought (see
// metrics.ProductQuery): those who bought Bought, without those who ever
// bought NotBought (when not ""), and with NotAgainDays > 0 only those
// whose last order of Bought is more than that many days before the
// reference date. With Category, Bought and NotBought are categories.
type ProductQuery struct {
	Bought       string `json:"bought"`
	NotBought    string `json:"not_bought,omitempty"`
	NotAgainDays int    `json:"not_again_days,omitempty"`
	Category     bool   `json:"category,omitempty"`
}

// Name is the list's name in English, for the file and the sheet: "Bought
// Mug", "Bought Mug, not Tea", "Bought Mug, not again in 60 days",
// "Bought in category Kitchen".
func (q ProductQuery) Name() string {
	s := "Bought " + strings.TrimSpace(q.Bought)
	if q.Category {
		s = "Bought in category " + strings.TrimSpace(q.Bought)
	}
	if n := strings.TrimSpace(q.NotBought); n != "" {
		s += ", not " + n
	}
	if q.NotAgainDays > 0 {
		s += fmt.Sprintf(", not again in %d days", q.NotAgainDays)
	}
	return s
}

// MaxProducts is how many product names the report suggests
// (Document.Products): the products bought by the most customers.
const MaxProducts = 500

// Escaping returns a writer that writes text with its control characters
// escaped (as WriteText does), so that text from a file cannot drive a
// terminal.
func Escaping(w io.Writer) io.Writer { return escaper{w} }
