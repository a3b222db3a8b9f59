// Package fold makes the look-up keys of names, so that a name in a table
// and its mention in a text compare equal: "Ma’arrat al-Nu‘man", "MAARRAT
// AL NUMAN" and "Maarrat al-Numan" all fold to "maarrat al numan". The
// gazetteer, the lexicon and their generators share it, so keys always agree.
//
// Diacritics go by Unicode compatibility decomposition (NFKD, from
// golang.org/x/text) with the nonspacing marks removed; only the Latin
// letters that NFKD leaves whole (ø, đ, ł, ı, æ, œ, ß, þ, ð, ħ, ŧ, ĸ, ŋ,
// ə) have an explicit mapping. The functions are pure, safe for concurrent use
// and never panic; invalid UTF-8 counts as a separator.
package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Key returns the look-up key of s: letters folded to lower-case ASCII
// without diacritics ("Türkiye" -> "turkiye", "Łódź" -> "lodz", "Straße" ->
// "strasse"), apostrophes dropped ("People’s" -> "peoples"), and every other
// run of characters made one space, trimmed ("Amir-Abdollahian" -> "amir
// abdollahian", "U.S." -> "u s"). Letters that do not fold to ASCII
// (other scripts, rare Latin letters) count as separators, so "Тегеран"
// gives "". Symbols are separators too ("Apple™" -> "apple"); numbers fold
// by NFKD ("km²" -> "km2").
//
// The result holds only a-z, 0-9 and single inner spaces, and Key(Key(s))
// == Key(s). Plain ASCII takes a fast path; an already folded s is returned
// without allocation.
func Key(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return key(s)
		}
	}
	if isKey(s) {
		return s
	}
	k := keyBuilder{b: make([]byte, 0, len(s))}
	for i := 0; i < len(s); i++ {
		k = k.ascii(s[i])
	}
	return string(k.b)
}

// isKey reports whether the ASCII string s is already a key.
func isKey(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == ' ' && s[i-1] != ' ':
		default:
			return false
		}
	}
	return true
}

// key is Key for s with non-ASCII characters.
func key(s string) string {
	k := keyBuilder{b: make([]byte, 0, len(s))}
	var buf [32]byte // decomposition of one rune; longer ones grow it
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r < utf8.RuneSelf:
			k = k.ascii(byte(r))
		case isApostrophe(r):
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			for _, d := range string(appendBase(buf[:0], s[i:i+size])) {
				k = k.rune(d)
			}
		case unicode.Is(unicode.Mn, r):
			// dropped: a mark belongs to the letter before it
		default:
			k.pending = true
		}
		i += size
	}
	return string(k.b)
}

// keyBuilder writes a key: letters and digits, a space owed before the
// next one when a separator came between.
type keyBuilder struct {
	b       []byte
	pending bool
}

// ascii adds an ASCII character.
func (k keyBuilder) ascii(c byte) keyBuilder {
	switch {
	case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
	case 'A' <= c && c <= 'Z':
		c += 'a' - 'A'
	case c == '\'' || c == '`':
		return k
	default:
		k.pending = true
		return k
	}
	k = k.open()
	k.b = append(k.b, c)
	return k
}

// rune adds a character of a decomposition (no nonspacing marks left).
func (k keyBuilder) rune(r rune) keyBuilder {
	switch {
	case r < utf8.RuneSelf:
		return k.ascii(byte(r))
	case isApostrophe(r):
		return k
	}
	m := latin(r)
	if m == "" {
		k.pending = true
		return k
	}
	k = k.open()
	k.b = append(k.b, m...)
	return k
}

// open writes the space owed before the next letter or digit.
func (k keyBuilder) open() keyBuilder {
	if k.pending && len(k.b) > 0 {
		k.b = append(k.b, ' ')
	}
	k.pending = false
	return k
}

// latin returns the ASCII folding of a Latin letter that NFKD does not
// decompose, or "".
func latin(r rune) string {
	switch r {
	case 'æ', 'Æ':
		return "ae"
	case 'œ', 'Œ':
		return "oe"
	case 'ß', 'ẞ':
		return "ss"
	case 'þ', 'Þ':
		return "th"
	case 'ø', 'Ø':
		return "o"
	case 'đ', 'Đ', 'ð', 'Ð':
		return "d"
	case 'ł', 'Ł':
		return "l"
	case 'ı':
		return "i"
	case 'ħ', 'Ħ':
		return "h"
	case 'ŧ', 'Ŧ':
		return "t"
	case 'ĸ':
		return "k"
	case 'ŋ', 'Ŋ':
		return "n"
	case 'ə', 'Ə', 'ǝ', 'Ǝ':
		return "e"
	}
	return ""
}

// isApostrophe reports the marks that are dropped inside words (O'Higgins,
// Ma’arrat, Saʿid, Ka´ba).
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '`', '\u2018', '\u2019', '\u02bc', '\u02bb', '\u00b4', '\u2032', '\u02b9', '\u02be', '\u02bf':
		return true
	}
	return false
}

// appendBase appends to dst the NFKD decomposition of the one character c
// without its nonspacing marks. Hangul syllables, whose decomposition is
// not in the property tables, stay whole: they are no Latin letters.
func appendBase(dst []byte, c string) []byte {
	d := norm.NFKD.PropertiesString(c).Decomposition()
	if d == nil {
		d = []byte(c)
	}
	for len(d) > 0 {
		r, size := utf8.DecodeRune(d)
		if !unicode.Is(unicode.Mn, r) {
			dst = append(dst, d[:size]...)
		}
		d = d[size:]
	}
	return dst
}

// StripMarks returns s in NFKD with the nonspacing marks (Unicode category
// Mn) removed: "São Tomé" -> "Sao Tome", "ﬁnal" -> "final". Unlike Key it
// keeps case, punctuation and letters of every script ("Nørrebro",
// "Москва"). Each run of invalid UTF-8 bytes becomes one U+FFFD.
func StripMarks(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			// NFKD would pass a valid character after an invalid lead
			// byte through undecomposed.
			s = strings.ToValidUTF8(s, "\uFFFD")
			t := transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)))
			out, _, err := transform.String(t, s)
			if err != nil { // not reached: both steps accept any input
				return s
			}
			return out
		}
	}
	return s
}

// looseDrop are the connector and generic unit words that Loose drops.
func looseDrop(w string) bool {
	switch w {
	case "and", "o", "va", "e", "i", "ye", "y", "et", "of", "the", "al", "el",
		"province", "provinces", "ostan", "ostane", "oblast", "oblasti", "governorate", "muhafazat",
		"muhafazah", "state", "region", "district", "county", "prefecture", "department",
		"municipality", "territory", "wilayat", "wilayah", "velayat", "shahrestan", "division",
		"daerah", "provinsi", "kabupaten", "kota", "regency", "voivodeship", "krai", "kray":
		return true
	}
	return false
}

// Loose is the place-name variant of a key: it drops connectors ("and",
// "o", "va", "of") and generic unit words ("province", "oblast",
// "district"), so "sistan o baluchestan province" -> "sistan baluchestan".
// It returns "" when nothing else is left. key must be a Key;
// Loose(Loose(k)) == Loose(k).
func Loose(key string) string {
	if key == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(key))
	for w := range strings.SplitSeq(key, " ") {
		if w == "" || looseDrop(w) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// IsLatin reports whether s has a letter and every letter of s is a letter
// of the Latin script that Key folds to ASCII ("Ḩadīthah", "Lənkəran" yes;
// "Тегеран", "de hei lan 德黑兰", "Agbstʻan" with a modifier letter, and
// "Ɛkpe" with a letter that has no folding no).
func IsLatin(s string) bool {
	n := 0
	var buf [32]byte
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) {
			if !unicode.Is(unicode.Latin, r) || r >= utf8.RuneSelf && !foldsToASCII(appendBase(buf[:0], s[i:i+size])) {
				return false
			}
			n++
		}
		i += size
	}
	return n > 0
}

// foldsToASCII reports whether the decomposition d of a letter is ASCII
// letters and letters with an explicit folding.
func foldsToASCII(d []byte) bool {
	for _, r := range string(d) {
		if r >= utf8.RuneSelf && latin(r) == "" {
			return false
		}
	}
	return len(d) > 0
}

// AllCaps returns the number of letters of s when every one of them is upper
// case, and 0 when one is not (or there are none): "NATO" -> 4, "U.N." -> 2,
// "Iran" -> 0.
func AllCaps(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return 0
			}
			n++
		}
	}
	return n
}
