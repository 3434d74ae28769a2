package shapes

import "strings"

// writePHPCSV writes records as PHP's fputcsv does, which is how the
// PHP-based shops (WooCommerce, Shopware, Magento, PrestaShop) write
// their CSV files: a field is enclosed in double quotes when it holds the
// separator, a double quote, a backslash, a space, a tab or a line break
// (so "Hauptstraße 5" is quoted, "80331" is not), and a double quote
// inside is doubled. eol ends each line ("\n" is PHP's default).
func writePHPCSV(records [][]string, sep rune, eol string, bom bool) []byte {
	var b strings.Builder
	if bom {
		b.WriteString("\uFEFF")
	}
	for _, rec := range records {
		for i, f := range rec {
			if i > 0 {
				b.WriteRune(sep)
			}
			if strings.ContainsAny(f, string(sep)+"\"\\ \t\r\n") {
				b.WriteString(`"` + strings.ReplaceAll(f, `"`, `""`) + `"`)
			} else {
				b.WriteString(f)
			}
		}
		b.WriteString(eol)
	}
	return []byte(b.String())
}
