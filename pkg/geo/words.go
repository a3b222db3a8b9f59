package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdesk/extractor/pkg/fold"
	"github.com/newsdesk/extractor/pkg/ner"
)

// word is a token, or a part of a hyphenated or slashed token ("Iran" and
// "Pakistan" of "Iran-Pakistan"). text == Text[start:end].
type word struct {
	start, end int
	text       string
	key        string // fold.Key(text)
	tag        string // POS tag of the token
	sent       int    // sentence index
	tok        int    // token index
	joined     bool   // joined to the previous word by a hyphen or slash (same token)
	upper      bool   // starts with an upper-case letter
	caps       bool   // two or more letters, all upper case
	sentStart  bool   // first word of its sentence
}

// splitWords makes the words of an analysis. Every word lies inside one
// token and is non-empty.
func splitWords(a *ner.Analysis) []word {
	out := make([]word, 0, len(a.Tokens)+8)
	for si, s := range a.Sentences {
		first := true
		for ti := s.First; ti < s.Last && ti < len(a.Tokens); ti++ {
			t := a.Tokens[ti]
			partStart := t.Start
			joined := false
			emit := func(end int) {
				if end > partStart {
					out = append(out, newWord(a.Text, partStart, end, t.Tag, si, ti, joined, first))
					first = false
				}
			}
			for i := t.Start; i < t.End; {
				r, n := utf8.DecodeRuneInString(a.Text[i:])
				if isJoiner(r) && i > t.Start && i+n < t.End {
					emit(i)
					partStart = i + n
					joined = true
				}
				i += n
			}
			emit(t.End)
		}
	}
	return out
}

func isJoiner(r rune) bool {
	return r == '-' || r == '/' || r == '\u2010' || r == '\u2011' || r == '\u2013'
}

func newWord(text string, start, end int, tag string, sent, tok int, joined, first bool) word {
	// "Sea." at the end of a sentence: the full stop is not part of the
	// word, unlike in "U.S." or "St.".
	if t := text[start:end]; len(t) >= 4 && t[len(t)-1] == '.' && !strings.Contains(t[:len(t)-1], ".") {
		end--
	}
	w := word{start: start, end: end, text: text[start:end], tag: tag, sent: sent, tok: tok, joined: joined, sentStart: first}
	w.key = fold.Key(w.text)
	r, _ := utf8.DecodeRuneInString(w.text)
	w.upper = unicode.IsUpper(r)
	w.caps = fold.AllCaps(w.text) >= 2
	return w
}

// isNNP reports a proper-noun tag.
func (w *word) isNNP() bool { return w.tag == "NNP" || w.tag == "NNPS" }
