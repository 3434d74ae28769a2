package wordwise

import (
	"math/rand/v2"
	"unsafe"
)

// Index numbers strings, each once, in the order they are first given: a
// string's number is its place in List. It is a hash table of open
// addressing over Hash and Equal, for the lookups of a file's every row
// (an order's products by name, the distinct values of a column); a map
// from strings does the same at several times the cost in WebAssembly
// (see the package's comment). The zero value is an empty Index.
//
// Its seed is random: which strings share a slot cannot be foreseen by a
// file. Should a lookup still probe more than maxProbe slots (a table
// that is half empty at most, whose strings spread evenly, almost never
// probes past a dozen), the Index goes on in a Go map, whose hash is
// keyed: the numbers are the same either way.
type Index struct {
	// List holds the strings, each once, in order of first appearance.
	List []string

	// slots[h & (len-1)] onwards, the first free slot or the string's:
	// 0 for a free one, else the string's number + 1 in its low 32 bits,
	// its hash's high 32 bits above them (most strings that share a slot
	// are told apart without comparing them).
	slots []uint64
	seed  uint64
	// slow numbers the strings instead of slots once a probe was too long.
	slow map[string]int32

	// CopyUpTo, when above 0, has List hold copies of the strings, up to
	// CopyUpTo bytes of them in all (the later ones as given), kept
	// together in blocks. A table's strings are spans of its file,
	// scattered over it; every lookup of a string already numbered
	// compares it with List's, whose bytes, read from anywhere in a file
	// of many megabytes, are mostly not in the processor's cache. Copied
	// together, a shop's few thousand product names are.
	CopyUpTo int
	copied   int    // bytes copied so far
	block    []byte // where the next copies go
}

// copyBlock is the size of a block of copies.
const copyBlock = 64 << 10

// keep returns s, or a copy of it in x's blocks while CopyUpTo allows.
func (x *Index) keep(s string) string {
	if x.copied+len(s) > x.CopyUpTo || len(s) == 0 {
		return s
	}
	x.copied += len(s)
	if cap(x.block)-len(x.block) < len(s) {
		x.block = make([]byte, 0, max(copyBlock, len(s)))
	}
	n := len(x.block)
	x.block = append(x.block, s...)
	return unsafe.String(unsafe.SliceData(x.block[n:]), len(s))
}

// maxProbe is the most slots a lookup probes before the Index goes over
// to a Go map; a variable, so that the tests can make it 0.
var maxProbe = 64

// minSlots is the table's size at its first string.
const minSlots = 64

// ID returns the number of s, numbering it the first time, and whether it
// is new.
func (x *Index) ID(s string) (int32, bool) {
	if x.slow != nil {
		return x.slowID(s)
	}
	if 2*(len(x.List)+1) > len(x.slots) {
		x.grow()
	}
	h := Hash(s, x.seed)
	tag := h &^ (1<<32 - 1)
	mask := uint64(len(x.slots) - 1)
	i := h & mask
	for probe := 0; ; probe++ {
		v := x.slots[i]
		if v == 0 {
			if probe > maxProbe {
				x.toSlow()
				return x.slowID(s)
			}
			id := int32(len(x.List))
			x.List = append(x.List, x.keep(s))
			x.slots[i] = tag | uint64(id+1)
			return id, true
		}
		if v&^(1<<32-1) == tag {
			if id := int32(uint32(v) - 1); Equal(x.List[id], s) {
				return id, false
			}
		}
		i = (i + 1) & mask
	}
}

// Find returns the number of s, and whether s is numbered, without
// numbering it.
func (x *Index) Find(s string) (int32, bool) {
	if x.slow != nil {
		id, ok := x.slow[s]
		return id, ok
	}
	if len(x.slots) == 0 {
		return 0, false
	}
	h := Hash(s, x.seed)
	tag := h &^ (1<<32 - 1)
	mask := uint64(len(x.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		v := x.slots[i]
		if v == 0 {
			return 0, false
		}
		if v&^(1<<32-1) == tag {
			if id := int32(uint32(v) - 1); Equal(x.List[id], s) {
				return id, true
			}
		}
	}
}

// Len returns the number of strings numbered.
func (x *Index) Len() int { return len(x.List) }

// grow doubles the table (or makes its first) and puts every string in
// it again.
func (x *Index) grow() {
	if x.slots == nil {
		x.seed = rand.Uint64()
	}
	x.slots = make([]uint64, max(minSlots, 2*len(x.slots)))
	mask := uint64(len(x.slots) - 1)
	for id, s := range x.List {
		h := Hash(s, x.seed)
		i := h & mask
		for x.slots[i] != 0 {
			i = (i + 1) & mask
		}
		x.slots[i] = h&^(1<<32-1) | uint64(id+1)
	}
}

// toSlow moves the numbers into a Go map, for the lookups from now on.
func (x *Index) toSlow() {
	x.slow = make(map[string]int32, 2*len(x.List))
	for id, s := range x.List {
		x.slow[s] = int32(id)
	}
	x.slots = nil
}

func (x *Index) slowID(s string) (int32, bool) {
	if id, ok := x.slow[s]; ok {
		return id, false
	}
	id := int32(len(x.List))
	s = x.keep(s)
	x.List = append(x.List, s)
	x.slow[s] = id
	return id, true
}
