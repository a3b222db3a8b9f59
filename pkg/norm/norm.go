// Package norm normalises names for comparison, as GUIDELINES.md "How it is
// scored" defines it: Unicode NFKD with diacritics removed, lower case, "’"
// read as "'", a possessive "'s" dropped, every run of non-word characters
// made one space, trimmed, and a leading "the ", "a " or "an " removed.
//
// A possessive is an "'s" that another word follows ("Pakistan's Ministry"
// -> "pakistan ministry"); a final "'s" stays, as "s" ("Russia's" -> "russia
// s", "McDonald's" -> "mcdonald s"), which is what the reference scorer does
// (the scoring vectors need it). Strip a final "'s" yourself before calling
// when a possessive mention should compare equal to the bare name.
//
// Word characters are letters, numbers and "_". The functions are pure, safe
// for concurrent use and never panic (invalid UTF-8 counts as non-word).
// Their results contain only word characters separated by single spaces,
// and applying a function to its own result changes nothing.
package norm

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdesk/extractor/pkg/fold"
)

// Name returns the normalised form of a name: "The Pakistan’s Ministry
// of Foreign-Affairs" -> "pakistan ministry of foreign affairs", "São
// Tomé" -> "sao tome". The result may be "".
func Name(s string) string {
	if isPlain(s) {
		return stripArticle(plainName(s))
	}
	s = fold.StripMarks(s) // invalid UTF-8 becomes U+FFFD, a non-word character
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r == '’' {
			r = '\''
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return stripArticle(collapse(b.String()))
}

// Location returns Name(s) without trailing "province", "region", "state",
// "city", "district", "governorate", "oblast" or "county" words: "Sistan and
// Baluchestan Province" -> "sistan and baluchestan". The first word always
// stays ("Region" -> "region").
func Location(s string) string {
	n := Name(s)
	for {
		i := strings.LastIndexByte(n, ' ')
		if i < 0 || !placeWords[n[i+1:]] {
			return n
		}
		n = stripArticle(n[:i])
	}
}

// Words returns the words of Name(s), nil when there are none.
func Words(s string) []string {
	n := Name(s)
	if n == "" {
		return nil
	}
	return strings.Split(n, " ")
}

// placeWords are the administrative words that Location drops at the end.
var placeWords = map[string]bool{
	"province": true, "region": true, "state": true, "city": true,
	"district": true, "governorate": true, "oblast": true, "county": true,
}

// isPlain reports whether s is ASCII, so fold.StripMarks leaves it as it is.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// plainName lower-cases an ASCII string and collapses it.
func plainName(s string) string {
	return collapse(strings.ToLower(s))
}

// collapse drops possessive "'s", turns every run of non-word characters
// into one space and trims. Its input is lower case with "’" already read
// as "'".
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	pending := false // a separator is owed before the next word character
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '\'' && possessive(s, i+size) {
			i += size + 1 // possessive 's: a separator, like the apostrophe
			pending = true
			continue
		}
		if isWord(r) {
			if pending && b.Len() > 0 {
				b.WriteByte(' ')
			}
			pending = false
			b.WriteRune(r)
		} else {
			pending = true
		}
		i += size
	}
	return b.String()
}

// possessive reports whether s[i:] is "s", then non-word characters, then
// a word: the "'s" of "Pakistan's Ministry". A final "'s" ("McDonald's",
// "Russia's") is kept, as the reference scorer keeps it.
func possessive(s string, i int) bool {
	if i >= len(s) || s[i] != 's' {
		return false
	}
	i++
	if i >= len(s) || wordAt(s, i) {
		return false
	}
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isWord(r) {
			return true
		}
		i += size
	}
	return false
}

// wordAt reports whether a word character starts at byte i of s.
func wordAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWord(r)
}

// isWord reports whether r is a word character: a letter, a number or "_".
func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '_' || '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// stripArticle removes leading "the ", "a " and "an " words.
func stripArticle(s string) string {
	for {
		switch {
		case strings.HasPrefix(s, "the "):
			s = s[4:]
		case strings.HasPrefix(s, "a "):
			s = s[2:]
		case strings.HasPrefix(s, "an "):
			s = s[3:]
		default:
			return s
		}
	}
}
