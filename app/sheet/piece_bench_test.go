package sheet

import (
	"os"
	"testing"

	"retention/app/limits"
)

// BenchmarkPiece measures the three steps of a piece of a streamed text
// parsed by a second engine, on a piece of 4 MiB of Online Retail's CSV
// (X10_CSV names it, a file of at least 12 MiB): ParsePiece and Bytes on
// the parser's side; PieceFrom and FedParsed on the engine's, against the
// engine's own parse of the piece (Fed).
func BenchmarkPiece(b *testing.B) {
	path := os.Getenv("X10_CSV")
	if path == "" {
		b.Skip("X10_CSV names a CSV file of at least 12 MiB")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	const piece = 4 << 20
	data = data[:3*piece]
	head := func() (*Stream, []byte) {
		buf := make([]byte, 0, len(data))
		st := NewStream(buf, limits.Browser)
		buf = append(buf, data[:piece]...)
		st.Fed(buf)
		return st, buf
	}
	pc := ParsePiece(data[piece:2*piece], ',')
	enc := pc.Bytes()
	b.Run("ParsePiece", func(b *testing.B) {
		for b.Loop() {
			ParsePiece(data[piece:2*piece], ',')
		}
	})
	b.Run("PieceParser", func(b *testing.B) {
		var pp PieceParser
		for b.Loop() {
			pp.Parse(data[piece:2*piece], ',')
		}
	})
	b.Run("Bytes", func(b *testing.B) {
		for b.Loop() {
			pc.Bytes()
		}
	})
	b.Run("PieceFrom", func(b *testing.B) {
		for b.Loop() {
			PieceFrom(enc)
		}
	})
	b.Run("FedParsed", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			st, buf := head()
			got, _ := PieceFrom(enc)
			buf = append(buf, data[piece:2*piece]...)
			b.StartTimer()
			if !st.FedParsed(buf, piece, got) {
				b.Fatal("not taken")
			}
		}
	})
	b.Run("Fed", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			st, buf := head()
			buf = append(buf, data[piece:2*piece]...)
			b.StartTimer()
			st.Fed(buf)
		}
	})
}
