package demo

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"
)

// Survey files of the sample store, in the shapes of two real exports:
// an NPS tool's CSV (Delighted's columns) and a help desk's CSAT export
// in German with semicolons and dd.mm.yyyy dates. Both ask some of the
// sample's customers a few days after an order; customers who keep buying
// answer better than those who drift away. The same bytes every time.
const (
	NPSFileName  = "sample-nps.csv"
	CSATFileName = "sample-csat.csv"
)

var (
	npsComments = map[int][]string{
		-1: {"Delivery took three weeks.", "The lamp arrived broken.", "Too expensive for what it is.", "Nobody answered my e-mail."},
		0:  {"Fine.", "Nice products, slow delivery.", "", "OK, nothing special."},
		1:  {"Lovely shop, I tell all my friends!", "Beautiful quality.", "Fast and friendly.", ""},
	}
	csatComments = map[int][]string{
		-1: {"Die Antwort kam zu spät.", "Problem nicht gelöst.", "Unfreundlich."},
		0:  {"Geht so.", ""},
		1:  {"Schnell und freundlich, danke!", "Super Service.", ""},
	}
)

// answer is one customer's survey answer, drawn from how they buy.
type answer struct {
	at     time.Time
	email  string
	mood   int // -1, 0, 1
	random float64
}

// answers picks the customers asked (about a third of the orders, 3 to
// 10 days later, each customer at most twice) and their mood: repeat
// buyers lean positive, one-time buyers negative.
func answers(seed uint64) []answer {
	orders := makeOrders()
	count := map[string]int{}
	for _, o := range orders {
		count[o.email]++
	}
	r := rand.New(rand.NewPCG(seed, 7))
	asked := map[string]int{}
	var out []answer
	for _, o := range orders {
		if r.Float64() >= 0.33 || asked[o.email] >= 2 {
			continue
		}
		at := o.at.Add(time.Duration(3+r.IntN(8)) * 24 * time.Hour).Add(time.Duration(r.IntN(600)) * time.Minute)
		if at.After(Last) {
			continue
		}
		asked[o.email]++
		u := r.Float64()
		mood := 0
		switch n := count[o.email]; {
		case o.refunded || n == 1 && u < 0.45 || n > 1 && u < 0.12:
			mood = -1
		case n >= 4 && u < 0.85 || n > 1 && u < 0.55 || u < 0.25:
			mood = 1
		}
		out = append(out, answer{at: at, email: o.email, mood: mood, random: r.Float64()})
	}
	return out
}

// NPSCSV is the NPS survey in an NPS tool's export shape.
func NPSCSV() []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"Response ID", "Email", "Name", "Score", "Comment", "Permalink", "Created At", "Updated At", "Tags"})
	for i, a := range answers(1) {
		score := map[int][]int{-1: {0, 2, 3, 4, 5, 6, 6}, 0: {7, 8, 8}, 1: {9, 10, 10}}[a.mood]
		s := score[int(a.random*float64(len(score)))]
		cs := npsComments[a.mood]
		comment := cs[int(a.random*997)%len(cs)]
		id := strconv.Itoa(380000 + i*7)
		stamp := a.at.Format("2006-01-02 15:04:05 -0700")
		w.Write([]string{id, a.email, "", strconv.Itoa(s), comment, "https://app.example.com/r/" + id, stamp, stamp, ""})
	}
	w.Flush()
	return b.Bytes()
}

// CSATCSV is the CSAT survey in a German help desk's export shape.
func CSATCSV() []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	w.Comma = ';'
	w.Write([]string{"Ticket-ID", "Anfragende E-Mail", "Bewertung", "Kommentar", "Bewertet am"})
	for i, a := range answers(2) {
		score := map[int][]int{-1: {1, 2, 2}, 0: {3}, 1: {4, 5, 5}}[a.mood]
		s := score[int(a.random*float64(len(score)))]
		cs := csatComments[a.mood]
		comment := cs[int(a.random*991)%len(cs)]
		w.Write([]string{fmt.Sprintf("T-%05d", 20000+i), a.email, strconv.Itoa(s), comment, a.at.Format("02.01.2006 15:04")})
	}
	w.Flush()
	return b.Bytes()
}
