// Package fold makes the look-up keys of place names. The generator and the
// runtime index share it, so a name and its text mention fold alike.
package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// latinA maps U+00C0..U+024F to the lower-case ASCII base letter, '.' when
// there is none (multi-letter forms are in multi).
const latinA = "aaaaaa.ceeeeiiiidnooooo.ouuuuy..aaaaaa.ceeeeiiiidnooooo.ouuuuy.yaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkkkllllllllllnnnnnn.nnoooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs.b....o..dd....ee.......kk......oo.............uu..yy........................aaiioouuuuuuuuuueaaaa....ggkkoooo..j...gg..nnaa....aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............................"

// latinX maps U+1E00..U+1EFF (Latin Extended Additional) the same way.
const latinX = "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy.s....aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......"

// multi is the folding of Latin letters that become two letters.
func multi(r rune) string {
	switch r {
	case 'Æ', 'æ', 'Ǽ', 'ǽ', 'Ǣ', 'ǣ':
		return "ae"
	case 'Þ', 'þ':
		return "th"
	case 'ß', 'ẞ':
		return "ss"
	case 'Ĳ', 'ĳ':
		return "ij"
	case 'Œ', 'œ':
		return "oe"
	}
	return ""
}

// foldLetter returns the ASCII folding of a Latin letter with diacritics
// (also of its lower-case form), or "".
func foldLetter(r rune) string {
	for range 2 {
		switch {
		case r >= 0xC0 && r <= 0x24F && latinA[r-0xC0] != '.':
			return latinA[r-0xC0 : r-0xC0+1]
		case r >= 0x1E00 && r <= 0x1EFF && latinX[r-0x1E00] != '.':
			return latinX[r-0x1E00 : r-0x1E00+1]
		}
		if m := multi(r); m != "" {
			return m
		}
		l := unicode.ToLower(r)
		if l == r {
			return ""
		}
		r = l
	}
	return ""
}

// isApostrophe reports the marks that are dropped inside words (O'Higgins,
// Ma’arrat, Bu'aale fold to ohiggins, maarrat, buaale).
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '`', '\u2018', '\u2019', '\u02bc', '\u02bb', '\u00b4', '\u2032', '\u02b9', '\u02be', '\u02bf':
		return true
	}
	return false
}

// Key folds s to its look-up key: letters without diacritics in lower case,
// apostrophes dropped, every other run of non-letters and non-digits one
// space, trimmed. Key is idempotent: Key(Key(s)) == Key(s), and the result
// never starts or ends with a space nor holds two spaces in a row.
func Key(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	put := func(str string) {
		if pending && b.Len() > 0 {
			b.WriteByte(' ')
		}
		pending = false
		b.WriteString(str)
	}
	putRune := func(r rune) {
		if pending && b.Len() > 0 {
			b.WriteByte(' ')
		}
		pending = false
		b.WriteRune(r)
	}
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			switch {
			case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
				putRune(r)
			case 'A' <= r && r <= 'Z':
				putRune(r + 'a' - 'A')
			case isApostrophe(r):
			default:
				pending = true
			}
		case isApostrophe(r):
		case unicode.Is(unicode.Mn, r):
			// combining mark of a decomposed letter
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if m := foldLetter(r); m != "" {
				put(m)
			} else {
				putRune(unicode.ToLower(r))
			}
		default:
			pending = true
		}
	}
	return b.String()
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

// Loose drops connectors ("and", "o", "va", "of") and generic unit words
// ("province", "oblast", "district") from a Key. It returns "" when nothing
// else is left. Loose(Loose(k)) == Loose(k).
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

// IsLatin reports whether every letter of s is a Latin letter (ASCII,
// Latin-1, Latin Extended A/B or Additional) and s has at least one letter.
func IsLatin(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			if unicode.Is(unicode.Mn, r) {
				continue
			}
			continue
		}
		n++
		switch {
		case r < 0x80:
		case r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7:
		case r >= 0x1E00 && r <= 0x1EFF:
		default:
			return false
		}
	}
	return n > 0
}
