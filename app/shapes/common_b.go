package shapes

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// This file holds what several platforms' writers share: time zones,
// country names, stable identifiers, a workbook writer and a CSV writer
// that quotes every field.

// loadZone returns the IANA zone name, or a fixed zone with the zone's
// standard offset (seconds east of UTC) where the system has no zoneinfo.
func loadZone(name string, offset int) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		return time.FixedZone(name, offset)
	}
	return loc
}

// The shops' and marketplaces' time zones, with their standard offsets.
var (
	manila    = loadZone("Asia/Manila", 8*3600)
	oslo      = loadZone("Europe/Oslo", 3600)
	stockholm = loadZone("Europe/Stockholm", 3600)
)

// countryNames are the English names of the source's countries (ISO 3166-1
// alpha-2), as exports that spell countries out write them.
var countryNames = map[string]string{
	"DK": "Denmark", "DE": "Germany", "SE": "Sweden", "NO": "Norway", "PH": "Philippines",
}

// countryName is the English name of ISO code c, or c itself.
func countryName(c string) string {
	if n, ok := countryNames[c]; ok {
		return n
	}
	return c
}

// buyerUsername is a marketplace username for o's customer. Order.Username
// ends in the customer number modulo 97, so customers with the same name
// can share it (26 usernames of the source belong to two or three
// customers); a marketplace username belongs to one account, so the
// customer number itself ends it here.
func buyerUsername(o Order) string {
	base, _, _ := strings.Cut(o.Username, "_")
	return fmt.Sprintf("%s_%d", base, o.CustomerID)
}

// idAlphabets are the characters platform identifiers are made of.
const (
	alnumUpper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	alnumMixed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	lowerHex   = "0123456789abcdef"
)

// stableID returns n characters of alphabet derived from key: the same key
// gives the same identifier, different keys look unrelated (splitmix64).
func stableID(key uint64, n int, alphabet string) string {
	var b strings.Builder
	x := key
	for i := 0; i < n; i++ {
		x += 0x9E3779B97F4A7C15
		z := x
		z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
		z = (z ^ (z >> 27)) * 0x94D049BB133111EB
		z ^= z >> 31
		b.WriteByte(alphabet[z%uint64(len(alphabet))])
	}
	return b.String()
}

// uuidFor is a UUID-shaped identifier (8-4-4-4-12 lowercase hex) derived
// from key, as Klarna's order and capture ids look.
func uuidFor(key uint64) string {
	h := stableID(key, 32, lowerHex)
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// xlsxCell is a workbook cell: a string, a number (float64 or int) or empty
// (nil).
type xlsxCell = any

// writeWorkbook writes header and rows to one sheet of an .xlsx file.
func writeWorkbook(sheet string, header []string, rows [][]xlsxCell) []byte {
	f := excelize.NewFile()
	defer f.Close()
	mustWrite(f.SetSheetName("Sheet1", sheet))
	sw, err := f.NewStreamWriter(sheet)
	mustWrite(err)
	head := make([]xlsxCell, len(header))
	for i, h := range header {
		head[i] = h
	}
	mustWrite(sw.SetRow("A1", head))
	for i, r := range rows {
		ref, err := excelize.CoordinatesToCellName(1, i+2)
		mustWrite(err)
		mustWrite(sw.SetRow(ref, r))
	}
	mustWrite(sw.Flush())
	buf, err := f.WriteToBuffer()
	mustWrite(err)
	return buf.Bytes()
}

// mustWrite panics on an error that only a bug in a writer can cause.
func mustWrite(err error) {
	if err != nil {
		panic(err)
	}
}

// writeQuoted writes records as CSV with every field in double quotes, as
// PayPal's and DanDomain's exports do, with sep as the separator, CRLF
// line ends when crlf and a UTF-8 byte order mark when bom.
func writeQuoted(records [][]string, sep rune, crlf, bom bool) []byte {
	var b bytes.Buffer
	if bom {
		b.WriteString("\uFEFF")
	}
	end := "\n"
	if crlf {
		end = "\r\n"
	}
	for _, rec := range records {
		for i, f := range rec {
			if i > 0 {
				b.WriteRune(sep)
			}
			b.WriteByte('"')
			b.WriteString(strings.ReplaceAll(f, `"`, `""`))
			b.WriteByte('"')
		}
		b.WriteString(end)
	}
	return b.Bytes()
}

// writeTSV writes records tab-separated without quoting, as Amazon's flat
// file reports do (their fields never hold tabs or line breaks).
func writeTSV(records [][]string) []byte {
	var b bytes.Buffer
	for _, rec := range records {
		b.WriteString(strings.Join(rec, "\t"))
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// orderQuantity is the number of items in o.
func orderQuantity(o Order) int {
	n := 0
	for _, l := range o.Lines {
		n += l.Quantity
	}
	return n
}

// percentOf returns p basis points (1/100 of a percent) of cents, rounded
// half up: percentOf(1000, 250) = 25.
func percentOf(cents, bp int64) int64 {
	return (cents*bp + 5000) / 10000
}

// columnIndex indexes a header row: col[name] is the column of name.
func columnIndex(names []string) map[string]int {
	col := make(map[string]int, len(names))
	for i, h := range names {
		if _, dup := col[h]; dup {
			panic("duplicate column " + h)
		}
		col[h] = i
	}
	return col
}
