package ner

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file splits sentences into tokens by the rules of prose v2's
// tokenizer (split on white space, then peel prefixes, contractions and
// trailing punctuation off each word), so that the tags of prose's trained
// model stay valid, but it works on byte offsets of the original text and
// allocates nothing per word. Where prose's tokenizer panics (case mapping
// that changes byte lengths) this one goes on.

// piece is one token of a sentence before alignment: its byte range in the
// original text and the text the tagger sees (curly quotes read as
// straight ones, as prose reads them).
type piece struct {
	start, end int
	word       string
}

// abbrevRE is prose's rule for words kept whole: "U.S.", "Mr.".
var abbrevRE = regexp.MustCompile(`^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$`)

// splitSentence appends to out the pieces of text[start:end] in text order.
// A word longer than MaxWordBytes is one piece. Some text can be in no piece
// (prose drops the "'Reilly" of "O'Reilly"); coverGaps puts it back.
func splitSentence(text string, start, end int, out []piece) []piece {
	for i := start; ; {
		ws, we := nextWord(text, i, end)
		if ws == we {
			return out
		}
		out = splitWord(text, ws, we, out)
		i = we
	}
}

// nextWord returns the first run of non-space runes in text[i:end], or an
// empty range when there is none.
func nextWord(text string, i, end int) (ws, we int) {
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	ws = i
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		if unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return ws, i
}

// splitWord appends the pieces of the word text[start:end].
func splitWord(text string, start, end int, out []piece) []piece {
	word := text[start:end]
	if len(word) > MaxWordBytes {
		return append(out, piece{start, end, word})
	}
	clean, offs := sanitize(word)
	at := func(i int) int {
		if offs == nil {
			return start + i
		}
		return start + offs[i]
	}
	add := func(s, e int) {
		if s < e {
			out = append(out, piece{at(s), at(e), clean[s:e]})
		}
	}
	var suffixes []int // start offsets of one-byte suffixes, last first
	lo, hi := 0, len(clean)
	last := 0
	for lo < hi {
		t := clean[lo:hi]
		n := utf8.RuneCountInString(t)
		if n == last {
			break
		}
		if isSpecial(t) {
			add(lo, hi)
			break
		}
		last = n
		if len(t) > 1 && strings.IndexByte(`$("[`, t[0]) >= 0 {
			add(lo, lo+1)
			lo++
		} else if k := contraction(t); k >= 0 {
			// At k == 0 nothing changes and the loop ends, dropping t as
			// prose does.
			add(lo, lo+k)
			lo += k
		} else if len(t) > 1 && strings.IndexByte(`,)"]!;.?:'`, t[len(t)-1]) >= 0 {
			suffixes = append(suffixes, hi-1)
			hi--
		} else {
			add(lo, hi)
		}
	}
	for k := len(suffixes) - 1; k >= 0; k-- {
		add(suffixes[k], suffixes[k]+1)
	}
	return out
}

// contraction returns where the clitic of t starts ("they|'ll", "do|n't"),
// or -1, by prose's rule: the first of 'll, 's, 're, 'm found anywhere in t
// (ASCII case folded), else n't, and t must be longer than the clitic.
func contraction(t string) int {
	for _, c := range [...]string{"'ll", "'s", "'re", "'m", "n't"} {
		if len(t) <= len(c) {
			continue
		}
		if k := indexASCIIFold(t, c); k >= 0 {
			return k
		}
	}
	return -1
}

// indexASCIIFold is strings.Index(lower(s), sub) for a lower-case ASCII sub.
func indexASCIIFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for ; j < len(sub); j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != sub[j] {
				break
			}
		}
		if j == len(sub) {
			return i
		}
	}
	return -1
}

// isSpecial reports whether t is kept whole: an emoticon or an
// abbreviation.
func isSpecial(t string) bool {
	if _, ok := emoticons[t]; ok {
		return true
	}
	return t[len(t)-1] == '.' && abbrevRE.MatchString(t)
}

// sanitize returns word with curly quotes and "&rsquo;" read as straight
// quotes, as prose reads them, and for each byte of the result (and its end)
// the offset in word it comes from. offs is nil when word has none.
func sanitize(word string) (clean string, offs []int) {
	if !strings.Contains(word, "\u2018") && !strings.Contains(word, "\u2019") &&
		!strings.Contains(word, "\u201c") && !strings.Contains(word, "\u201d") &&
		!strings.Contains(word, "&rsquo;") {
		return word, nil
	}
	var b strings.Builder
	offs = make([]int, 0, len(word)+1)
	for i := 0; i < len(word); {
		var c byte
		n := 0
		switch {
		case strings.HasPrefix(word[i:], "\u201c"), strings.HasPrefix(word[i:], "\u201d"):
			c, n = '"', len("\u201c")
		case strings.HasPrefix(word[i:], "\u2018"), strings.HasPrefix(word[i:], "\u2019"):
			c, n = '\'', len("\u2018")
		case strings.HasPrefix(word[i:], "&rsquo;"):
			c, n = '\'', len("&rsquo;")
		}
		if n > 0 {
			b.WriteByte(c)
			offs = append(offs, i)
			i += n
			continue
		}
		b.WriteByte(word[i])
		offs = append(offs, i)
		i++
	}
	offs = append(offs, len(word))
	return b.String(), offs
}

// emoticons are the emoticons prose's tokenizer keeps whole and its tagger
// tags SYM (the list is prose v2's, MIT License).
var emoticons = map[string]struct{}{
	"(-8": {}, "(-;": {}, "(-_-)": {}, "(._.)": {}, "(:": {}, "(=": {},
	"(o:": {}, "(¬_¬)": {}, "(ಠ_ಠ)": {}, "(╯°□°）╯︵┻━┻": {}, "-__-": {},
	"8-)": {}, "8-D": {}, "8D": {}, ":(": {}, ":((": {}, ":(((": {},
	":()": {}, ":)))": {}, ":-)": {}, ":-))": {}, ":-)))": {}, ":-*": {},
	":-/": {}, ":-X": {}, ":-]": {}, ":-o": {}, ":-p": {}, ":-x": {},
	":-|": {}, ":-}": {}, ":0": {}, ":3": {}, ":P": {}, ":]": {}, ":`(": {},
	":`)": {}, ":`-(": {}, ":o": {}, ":o)": {}, "=(": {}, "=)": {}, "=D": {},
	"=|": {}, "@_@": {}, "O.o": {}, "O_o": {}, "V_V": {}, "XDD": {},
	"[-:": {}, "^___^": {}, "o_0": {}, "o_O": {}, "o_o": {}, "v_v": {},
	"xD": {}, "xDD": {}, "¯\\(ツ)/¯": {},
}
