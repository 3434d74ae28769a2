package i18n

import (
	"encoding/json"
	"fmt"
	"strconv"

	"golang.org/x/text/language"
)

// Messages is a language's messages as the page loads them from its file
// (web/i18n-LANG.json, File): the texts in the order of English, without
// the English keys the page carries already, which halves the file; and
// the fingerprint of the catalogue they translate (Fingerprint), so that
// a file of another version of the catalogue (a page updated while an old
// file is cached) is refused whole rather than read askew.
type Messages struct {
	Catalogue string   `json:"catalogue"`
	Texts     []string `json:"messages"`
}

// Fingerprint names this version of the catalogue: FNV-1a (64 bits) of
// the English keys in order, each ended by a NUL, in hexadecimal.
func Fingerprint() string {
	const offset, prime = 14695981039346656037, 1099511628211 // FNV-1a's, 64 bits
	h := uint64(offset)
	for _, k := range English {
		for i := 0; i <= len(k); i++ {
			c := byte(0) // the key's end
			if i < len(k) {
				c = k[i]
			}
			h = (h ^ uint64(c)) * prime
		}
	}
	return strconv.FormatUint(h, 16)
}

// MessagesOf is lang's messages compiled into this program, as its file
// holds them; false when this program has none for lang.
func MessagesOf(lang language.Tag) (Messages, bool) {
	m := translations[lang]
	if m == nil {
		return Messages{}, false
	}
	f := Messages{Catalogue: Fingerprint(), Texts: make([]string, len(English))}
	for i, k := range English {
		f.Texts[i] = m[k]
	}
	return f, true
}

// RegisterFile adds lang's messages, as read from its file (the JSON of
// Messages), to the catalogue (see Register): a file of another version
// of the catalogue, or without a text for every key, is refused.
func RegisterFile(lang language.Tag, data []byte) error {
	var f Messages
	if err := json.Unmarshal(data, &f); err != nil {
		return fmt.Errorf("%w: %v", ErrNotTranslation, err)
	}
	if f.Catalogue != Fingerprint() || len(f.Texts) != len(English) {
		return fmt.Errorf("%w: the file of %v is of another version of the catalogue", ErrNotTranslation, lang)
	}
	m := make(map[string]string, len(English))
	for i, k := range English {
		m[k] = f.Texts[i]
	}
	return Register(lang, m)
}
