package report

import (
	"bytes"
	"strings"
	"testing"
)

// TestWriteTextEscapes checks that text from the file cannot drive the
// terminal (issue 15: OSC 52 clipboard writes, screen clears and window
// titles in names were printed raw).
func TestWriteTextEscapes(t *testing.T) {
	hostile := []struct{ name, text, want string }{
		{"OSC 52 clipboard write", "\x1b]52;c;SGVsbG8=\x07", `\x1b]52;c;SGVsbG8=\a`},
		{"screen clear", "\x1b[2J", `\x1b[2J`},
		{"C1 control sequence introducer", "\u009b2J", `\u009b2J`},
		{"carriage return over the line", "ok\rforged", `ok\rforged`},
	}
	for _, h := range hostile {
		t.Run(h.name, func(t *testing.T) {
			d := &Document{File: "orders.csv", NoteText: []string{"note " + h.text}}
			var b bytes.Buffer
			if err := WriteText(&b, d); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			for _, r := range out {
				if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f {
					t.Fatalf("control character %U in the output", r)
				}
			}
			if !strings.Contains(out, "note "+h.want) {
				t.Errorf("want %q in the output:\n%s", h.want, out)
			}
		})
	}
}

// TestRepeatVsOneTimeWithoutFigure checks that a file without one-time
// (or without repeat) customers says so instead of "0.0x".
func TestRepeatVsOneTimeWithoutFigure(t *testing.T) {
	var b bytes.Buffer
	if err := WriteText(&b, &Document{File: "o.csv", Customers: 2, Orders: 4}); err != nil {
		t.Fatal(err)
	}
	if out := b.String(); strings.Contains(out, "0.0x") || !strings.Contains(out, "needs customers of both kinds") {
		t.Errorf("output:\n%s", out)
	}
}
