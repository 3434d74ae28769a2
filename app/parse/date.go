package parse

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"retention/app/report"
)

// Order of day, month and year in a date with numeric fields.
type dateOrder int

const (
	ymd dateOrder = iota
	dmy
	mdy
)

// DateFormat is how a column writes dates, decided by DetectDateFormat.
type DateFormat struct {
	order dateOrder
	// Serial: the column holds Excel serial day numbers (1900 system).
	Serial bool
	// Compact: the column holds yyyymmdd.
	Compact bool
	// Ambiguous: day and month could not be told apart from the values
	// (no field above 12); the order was assumed (day first).
	Ambiguous bool
	// Time: some values have a time of day.
	Time bool
}

// Code is the format as the report gives it, for the edges to word
// (report.DateFormat).
func (f DateFormat) Code() report.DateFormat {
	c := report.DateFormat{Order: report.YearFirst, Serial: f.Serial, Compact: f.Compact, Time: f.Time, Ambiguous: f.Ambiguous}
	switch f.order {
	case dmy:
		c.Order = report.DayFirst
	case mdy:
		c.Order = report.MonthFirst
	}
	return c
}

// Pack is the format as one number, which UnpackDateFormat reads back:
// how a format decided in one worker is given to another.
func (f DateFormat) Pack() uint32 {
	v := uint32(f.order)
	for i, b := range []bool{f.Serial, f.Compact, f.Ambiguous, f.Time} {
		if b {
			v |= 1 << (8 + i)
		}
	}
	return v
}

// UnpackDateFormat is the format Pack gave v for.
func UnpackDateFormat(v uint32) DateFormat {
	return DateFormat{order: dateOrder(v & 0xff), Serial: v&(1<<8) != 0, Compact: v&(1<<9) != 0,
		Ambiguous: v&(1<<10) != 0, Time: v&(1<<11) != 0}
}

// ErrNotDate is wrapped by the errors of Parse and DetectDateFormat.
var ErrNotDate = errors.New("not a date")

// DateError is why DetectDateFormat finds no dates in a column: Values
// are what it holds instead: none (the column is empty), a value that is
// no date, or one with the day first and one with the month first
// (Mixed). It wraps ErrNotDate.
type DateError struct {
	Values []string
	Mixed  bool
}

func (e *DateError) Error() string {
	switch {
	case e.Mixed:
		return fmt.Sprintf("%v: %q has the day first but %q has the month first", ErrNotDate, e.Values[0], e.Values[1])
	case len(e.Values) == 0:
		return fmt.Sprintf("%v: the column is empty", ErrNotDate)
	}
	return fmt.Sprintf("%v: values such as %q", ErrNotDate, e.Values[0])
}

// Unwrap makes every DateError an ErrNotDate.
func (e *DateError) Unwrap() error { return ErrNotDate }

// fields is a date split into its parts.
type fields struct {
	n        [3]int // the three date numbers in the order written
	width    [3]int // digit counts
	month    int    // month from a month name, 0 if none
	hour     int
	min      int
	sec      int
	nsec     int
	hasTime  bool
	offset   int // seconds east of UTC
	hasZone  bool
	pm, am   bool
	nNumbers int
}

// DetectDateFormat decides how a column writes its dates from all its
// values: ISO (yyyy-mm-dd, with or without a time and a UTC offset),
// dd.mm.yyyy, dd/mm/yyyy or mm/dd/yyyy (a first field above 12 means day
// first, a second field above 12 month first; both in one column is an
// error naming the values; neither is Ambiguous and taken as day first),
// yyyymmdd, Excel serial numbers (20000 to 80000), and dates with month
// names in English, German, Danish, Norwegian, Swedish and Filipino.
// Values that are not dates at all are ignored unless most are.
func DetectDateFormat(values []string) (DateFormat, error) {
	var f DateFormat
	var firstBig, secondBig string
	good, bad := 0, 0
	serial, compact := 0, 0
	var badExample string
	for _, v := range values {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if isSerial(v) {
			serial++
			continue
		}
		if len(v) == 8 && allDigits(v) {
			compact++
			continue
		}
		var p fields
		if !split(v, &p) {
			bad++
			if badExample == "" {
				badExample = v
			}
			continue
		}
		good++
		if p.hasTime {
			f.Time = true
		}
		if p.width[0] >= 3 || p.month != 0 {
			continue // year first, or a month name: no ambiguity
		}
		if p.n[0] > 12 && firstBig == "" {
			firstBig = v
		}
		if p.n[1] > 12 && secondBig == "" {
			secondBig = v
		}
	}
	total := good + bad + serial + compact
	if total == 0 {
		return f, &DateError{}
	}
	switch {
	case serial > 0 && serial >= total*9/10:
		f.Serial = true
		return f, nil
	case compact > 0 && compact >= total*9/10:
		f.Compact = true
		return f, nil
	case good == 0 || good < total/2:
		return f, &DateError{Values: []string{badExample}}
	}
	switch {
	case firstBig != "" && secondBig != "":
		return f, &DateError{Values: []string{firstBig, secondBig}, Mixed: true}
	case secondBig != "":
		f.order = mdy
	case firstBig != "":
		f.order = dmy
	case anyNumericDMY(values):
		f.order = dmy
		f.Ambiguous = true
	default:
		f.order = ymd
	}
	return f, nil
}

// anyNumericDMY tells whether some value has day and month as numbers in
// an order that is not year first.
func anyNumericDMY(values []string) bool {
	for _, v := range values {
		var p fields
		if split(strings.TrimSpace(v), &p) && p.width[0] < 3 && p.month == 0 {
			return true
		}
	}
	return false
}

func isSerial(v string) bool {
	n := 0
	dot := false
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c >= '0' && c <= '9':
			if !dot {
				n = n*10 + int(c-'0')
				if n > 1e6 {
					return false
				}
			}
		case c == '.' && !dot && i > 0:
			dot = true
		default:
			return false
		}
	}
	return n >= 20000 && n <= 80000
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// Parse reads a date written in format f. A value with a UTC offset is
// converted to loc; a value without one is wall time in loc.
func (f DateFormat) Parse(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if loc == nil {
		loc = time.UTC
	}
	switch {
	case f.Serial && isSerial(s):
		return serialTime(s, loc)
	case f.Compact && len(s) == 8 && allDigits(s):
		y, m, d := atoi(s[:4]), atoi(s[4:6]), atoi(s[6:])
		return makeDate(s, y, m, d, 0, 0, 0, 0, loc)
	}
	var p fields
	if !split(s, &p) {
		return time.Time{}, notDate(s)
	}
	var y, m, d int
	switch {
	case p.month != 0:
		// "15 Jan 2023", "Jan 15, 2023", "15. März 2023": two numbers.
		m = p.month
		if p.width[0] >= 3 {
			y, d = p.n[0], p.n[1]
		} else if p.width[1] >= 3 || p.n[1] > 31 {
			d, y = p.n[0], p.n[1]
		} else {
			return time.Time{}, notDate(s)
		}
	case p.nNumbers < 3:
		return time.Time{}, notDate(s)
	case p.width[0] >= 3:
		y, m, d = p.n[0], p.n[1], p.n[2]
	case f.order == mdy:
		m, d, y = p.n[0], p.n[1], p.n[2]
	default:
		d, m, y = p.n[0], p.n[1], p.n[2]
	}
	if y < 100 && p.width[0] < 3 {
		if y < 70 {
			y += 2000
		} else {
			y += 1900
		}
	}
	h := p.hour
	if p.pm && h < 12 {
		h += 12
	} else if p.am && h == 12 {
		h = 0
	}
	if p.hasZone {
		t, err := makeDate(s, y, m, d, h, p.min, p.sec, p.nsec, time.FixedZone("", p.offset))
		if err != nil {
			return t, err
		}
		return t.In(loc), nil
	}
	return makeDate(s, y, m, d, h, p.min, p.sec, p.nsec, loc)
}

func makeDate(s string, y, m, d, h, mi, sec, nsec int, loc *time.Location) (time.Time, error) {
	if y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysIn(m, y) || h > 23 || mi > 59 || sec > 60 {
		return time.Time{}, notDate(s)
	}
	return time.Date(y, time.Month(m), d, h, mi, sec, nsec, loc), nil
}

func daysIn(m, y int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func notDate(s string) error {
	if len(s) > 40 {
		s = s[:40] + "..."
	}
	return fmt.Errorf("%w: %q", ErrNotDate, s)
}

// serialTime converts an Excel serial day number (1900 date system) to a time.
func serialTime(s string, loc *time.Location) (time.Time, error) {
	var v float64
	if _, err := fmt.Sscan(s, &v); err != nil {
		return time.Time{}, notDate(s)
	}
	days := math.Floor(v)
	secs := math.Round((v - days) * 86400)
	// Day 0 is 1899-12-30 for serials after the 1900 leap-year bug (> 60).
	t := time.Date(1899, 12, 30, 0, 0, 0, 0, loc).AddDate(0, 0, int(days)).Add(time.Duration(secs) * time.Second)
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, loc), nil
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// split reads a date's parts: up to three numbers separated by - . / or
// spaces (or a month name among them), then optionally a time
// (hh:mm[:ss[.fff]] with AM/PM) and a zone (Z, UTC, +hh:mm, -hhmm).
func split(s string, p *fields) bool {
	i := 0
	n := len(s)
	// Date part.
	need := func() int {
		if p.month != 0 {
			return 2
		}
		return 3
	}
	for i < n && p.nNumbers < need() {
		c := s[i]
		switch {
		case isDigit(c):
			j := i
			v := 0
			for j < n && isDigit(s[j]) && j-i < 5 {
				v = v*10 + int(s[j]-'0')
				j++
			}
			if j < n && (isDigit(s[j]) || s[j] == ':') {
				return false
			}
			p.n[p.nNumbers] = v
			p.width[p.nNumbers] = j - i
			p.nNumbers++
			i = j
		case c == '-' || c == '.' || c == '/' || c == ' ' || c == ',':
			i++
		case isLetter(c) || c >= 0x80:
			j := i
			for j < n && (isLetter(s[j]) || s[j] >= 0x80) {
				j++
			}
			word := s[i:j]
			switch {
			case p.month == 0 && monthNumber(word) != 0:
				p.month = monthNumber(word)
			case p.month == 0 && p.nNumbers == 0 && weekday(word):
			default:
				return false
			}
			i = j
		default:
			return false
		}
	}
	if p.nNumbers < need() {
		return false
	}
	for i < n && (s[i] == ' ' || s[i] == 'T' || s[i] == ',') {
		i++
	}
	if i < n && isDigit(s[i]) {
		h, j, ok := num(s, i, 2)
		if !ok || j >= n || s[j] != ':' {
			return false
		}
		mi, k, ok := num(s, j+1, 2)
		if !ok {
			return false
		}
		p.hour, p.min, p.hasTime = h, mi, true
		i = k
		if i < n && s[i] == ':' {
			sec, k, ok := num(s, i+1, 2)
			if !ok {
				return false
			}
			p.sec = sec
			i = k
			if i < n && (s[i] == '.' || s[i] == ',') && i+1 < n && isDigit(s[i+1]) {
				i++
				scale := 100000000
				for i < n && isDigit(s[i]) {
					p.nsec += int(s[i]-'0') * scale
					scale /= 10
					i++
				}
			}
		}
	}
	// AM/PM and zone.
	for i < n {
		switch c := s[i]; {
		case c == ' ':
			i++
		case c == 'Z' && i == n-1:
			p.hasZone = true
			i++
		case c == '+' || c == '-':
			h, j, ok := num(s, i+1, 2)
			if !ok || j-(i+1) != 2 {
				return false
			}
			mi := 0
			if j < n && s[j] == ':' {
				j++
			}
			if j < n {
				var ok2 bool
				mi, j, ok2 = num(s, j, 2)
				if !ok2 {
					return false
				}
			}
			off := h*3600 + mi*60
			if c == '-' {
				off = -off
			}
			p.offset, p.hasZone = off, true
			i = j
		default:
			j := i
			for j < n && (isLetter(s[j]) || s[j] == '.') {
				j++
			}
			w := strings.ToUpper(strings.ReplaceAll(s[i:j], ".", ""))
			switch w {
			case "AM":
				p.am = true
			case "PM":
				p.pm = true
			case "UTC", "GMT", "Z":
				p.hasZone = true
			default:
				return false
			}
			i = j
		}
	}
	return true
}

func num(s string, i, max int) (int, int, bool) {
	v, j := 0, i
	for j < len(s) && isDigit(s[j]) && j-i < max {
		v = v*10 + int(s[j]-'0')
		j++
	}
	return v, j, j > i
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// months in English, German, Danish, Norwegian, Swedish and Filipino,
// folded to lower case without a trailing dot; prefixes of 3+ letters match.
var months = [12][]string{
	{"january", "januar", "januari", "enero", "jänner", "jan"},
	{"february", "februar", "februari", "pebrero", "febrero", "feb"},
	{"march", "märz", "marts", "mars", "marzo", "marso", "mär", "maerz", "mar"},
	{"april", "abril", "apr"},
	{"may", "mai", "maj", "mayo"},
	{"june", "juni", "hunyo", "junio", "jun"},
	{"july", "juli", "hulyo", "julio", "jul"},
	{"august", "augusti", "agosto", "aug", "ago"},
	{"september", "setyembre", "septiembre", "sept", "sep"},
	{"october", "oktober", "oktubre", "octubre", "okt", "oct"},
	{"november", "nobyembre", "noviembre", "nov"},
	{"december", "dezember", "desember", "disyembre", "diciembre", "dez", "des", "dec", "dis"},
}

func monthNumber(w string) int {
	w = strings.ToLower(strings.TrimSuffix(w, "."))
	if len(w) < 3 {
		return 0
	}
	for m, names := range months {
		for _, name := range names {
			if w == name {
				return m + 1
			}
		}
		if strings.HasPrefix(names[0], w) {
			return m + 1
		}
	}
	return 0
}

var weekdays = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "måndag", "tisdag", "lördag", "söndag", "lunes", "martes", "miyerkules", "huwebes", "biyernes", "sabado", "linggo"}

func weekday(w string) bool {
	w = strings.ToLower(strings.TrimSuffix(w, "."))
	for _, d := range weekdays {
		if w == d || (len(w) >= 3 && strings.HasPrefix(d, w)) {
			return true
		}
	}
	return false
}
