package sheet

import "retention/app/limits"

// readGunzipped reads a .gz file's content, inflated by read or before
// Read (Options.Gunzipped, the browser's decoder): one layer of gzip (a
// gzip inside is refused), at most l.Inflated bytes, a workbook inside
// inflating its parts from what is left of that bound, and the table named
// by the .gz name the user gave.
func readGunzipped(name string, out []byte, opt Options, l limits.Limits) (*Table, error) {
	if int64(len(out)) > l.Inflated {
		return nil, &limits.Error{Code: limits.Inflated, Limit: l.Inflated, Figure: int64(len(out))}
	}
	if isGzip(out) {
		return nil, &limits.Error{Code: limits.Nested, Limit: 1, Figure: 2}
	}
	l.Inflated -= int64(len(out))
	t, err := read(name, out, opt, l)
	if t != nil {
		t.Name = name
	}
	return t, err
}
