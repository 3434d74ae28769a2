package xlsx

import (
	"archive/zip"
	"encoding/binary"
	"io"
	"strings"

	"retention/app/limits"
)

// Parts are zip entries of a workbook inflated before it is opened, by
// another inflater than Go's (the browser's gzip decoder, in the
// workbench's engine): each entry's whole content under the offset of its
// compressed data in the zip (zip.File.DataOffset, Entry.Offset). Whoever
// inflates an entry checks what Go's zip reader checks as it reads one to
// its end: the content's CRC-32 is the one the zip's directory states
// (Entry.CRC32), and its length the entry's size (Entry.Size); an entry
// whose inflating fails either check is left out, and read from the zip as
// usual (with the error that reading gives).
//
// A workbook opened with parts reads an entry from its part when the part
// is of the entry's size and the entry is one whose check Go's zip reader
// would make as the inflater did (see entryOf); else it inflates the
// entry itself. A part is deleted from the map when it is read to its
// end, or when its last read begins (the shared strings' at Open, a
// sheet's in RowsProgress): a workbook reads its sheet and shared strings
// to their end once, and whoever holds the part's memory (Online Retail's
// sheet XML is 248 MB) may let it go as that read goes (see Part). A
// sheet read again is inflated from the zip.
type Parts map[int64]Part

// Part is an entry's content: a *bytes.Reader, or a reader of memory
// outside Go's heap (the browser's, in the workbench's engine, so that
// the engine's memory, which never shrinks, does not hold it). A part
// that is also an io.Closer is closed once read to its end, as it is
// deleted from its Parts; one that is also a Forgetter is told, as the
// last read of its entry goes (RowsProgress), which of its bytes will not
// be read again.
type Part = interface {
	io.ReaderAt
	Size() int64
}

// Forgetter is a Part that can let go of its first bytes: Forget(n) tells
// it that its bytes before n will not be read again.
type Forgetter interface {
	Forget(n int64)
}

// Entry is a zip entry as an inflater outside Go needs it: where its
// deflated bytes are in the zip, how many there are, and the size and
// CRC-32 of its content, from the zip's central directory (ZIP64 sizes
// included).
type Entry struct {
	Offset     int64  // of the compressed data: Parts' key
	Compressed int64  // bytes of deflate data (RFC 1951)
	Size       int64  // bytes of content
	CRC32      uint32 // of the content (IEEE)
}

// maxPartRatio bounds the entries Entries lists by how much they inflate
// per compressed byte: worksheet XML deflates 5 to 20 times (Online
// Retail's sheet 12.5 times, its shared strings 7.3), as the .gz files
// web/worker.js believes (its plausibleRatio, 64). A part is held whole in
// memory, where Rows streams an entry through a buffer of a fixed size:
// an entry that inflates more (a sheet of one repeated cell, a bomb of 64
// MiB in 66 KB) is left to Rows, and the memory it takes follows the
// file's size, never what its directory claims.
const maxPartRatio = 64

// Entries lists the entries that reading one sheet of the workbook in
// data inflates whole and that another inflater may inflate for it (see
// Parts): the shared strings', then the sheet's that pick chooses from
// the workbook's sheets. Only deflated entries are listed, whose content
// is at most maxPartRatio times their compressed bytes, all together
// within l.Inflated, and whose check Go's zip reader makes as the
// inflater does. It lists none for a workbook that OpenWith refuses
// before reading them (a damaged zip, a zip bomb's overlapping entries,
// more entries than l.ZipEntries), and leaves out an entry it cannot
// tell: OpenWith and Rows say why, as they would without parts.
func Entries(data []byte, l limits.Limits, pick func(sheets []string) string) []Entry {
	w, sstPath, _, err := index(data, nil, l)
	if err != nil {
		return nil
	}
	var paths []string
	if sstPath != "" {
		paths = append(paths, sstPath)
	}
	if ref := w.sheet(pick(w.Sheets())); ref != nil {
		paths = append(paths, ref.path)
	}
	var out []Entry
	var total int64
	for _, p := range paths {
		e, ok := entryOf(data, w.files[p])
		if !ok || e.Size > maxPartRatio*e.Compressed || total+e.Size > w.limits.Inflated {
			continue
		}
		total += e.Size
		out = append(out, e)
	}
	return out
}

// entryOf describes f for an inflater outside Go, when that inflater's
// checks (the content's CRC-32 and size are the directory's) are those
// that Go's zip reader makes as it reads f to its end (archive/zip's
// checksumReader): f is deflated, neither encrypted nor a directory, its
// deflate data and local header lie within the zip, and its CRC-32 is
// checked, which Go does when f has a data descriptor whose CRC-32 is the
// directory's (readDataDescriptor) or, without one, when the directory's
// CRC-32 is not 0.
func entryOf(data []byte, f *zip.File) (Entry, bool) {
	const encrypted, descriptor = 0x1, 0x8 // general purpose bit flags (APPNOTE.TXT 4.4.4)
	if f == nil || f.Method != zip.Deflate || f.Flags&encrypted != 0 || strings.HasSuffix(f.Name, "/") {
		return Entry{}, false
	}
	off, err := f.DataOffset()
	if err != nil || f.CompressedSize64 > uint64(len(data)) || f.UncompressedSize64 == 0 || f.UncompressedSize64 > 1<<62 {
		return Entry{}, false
	}
	e := Entry{Offset: off, Compressed: int64(f.CompressedSize64), Size: int64(f.UncompressedSize64), CRC32: f.CRC32}
	if e.Offset+e.Compressed > int64(len(data)) {
		return Entry{}, false
	}
	if f.Flags&descriptor != 0 {
		return e, descriptorCRC(data[e.Offset+e.Compressed:], f.CRC32)
	}
	return e, f.CRC32 != 0
}

// descriptorCRC tells whether Go's zip reader reads a data descriptor
// with the CRC-32 crc at the start of b, the bytes after an entry's
// compressed data (archive/zip's readDataDescriptor): the descriptor is
// at most 16 bytes, its signature optional, the CRC-32 first after it,
// then two sizes of 4 bytes that are not checked.
func descriptorCRC(b []byte, crc uint32) bool {
	const descriptorLen, signature = 16, 0x08074b50 // APPNOTE.TXT 4.3.9
	b = b[:min(len(b), descriptorLen)]
	if len(b) >= 4 && binary.LittleEndian.Uint32(b) == signature {
		b = b[4:]
	}
	return len(b) >= 12 && binary.LittleEndian.Uint32(b) == crc
}

// part returns a reader of f's part, or nil when f is to be inflated. A
// reader for the last read (last) takes the part from the parts.
func (w *Workbook) part(f *zip.File, last bool) io.ReadCloser {
	if len(w.parts) == 0 {
		return nil
	}
	e, ok := entryOf(w.data, f)
	if !ok {
		return nil
	}
	p, ok := w.parts[e.Offset]
	if !ok || p == nil || p.Size() != e.Size {
		return nil
	}
	r := &partReader{r: io.NewSectionReader(p, 0, e.Size), at: e.Offset, parts: w.parts, part: p}
	if last {
		delete(w.parts, e.Offset)
		r.forget, _ = p.(Forgetter)
	}
	return r
}

// partReader reads a part, and deletes it from the parts at its end
// (closing it, if it is an io.Closer); on a last read, it tells the part
// what it has read (forget).
type partReader struct {
	r      *io.SectionReader
	at     int64
	parts  Parts
	part   Part
	forget Forgetter
	read   int64
}

func (r *partReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	r.read += int64(n)
	if r.forget != nil && n > 0 {
		r.forget.Forget(r.read)
	}
	if err == io.EOF && r.part != nil {
		delete(r.parts, r.at)
		if c, ok := r.part.(io.Closer); ok {
			c.Close()
		}
		r.part = nil
	}
	return n, err
}

func (r *partReader) Close() error { return nil }
