// Package scan finds quotations in a text by their quotation marks and
// reports them with byte offsets into the text, which it never modifies.
//
// Marks: straight " and ', curly “ ” and ‘ ’, and the low „ ‚. A double
// quotation may open with one form and close with another (a straight
// opening closed by a curly one). Which way a mark faces is read from its
// neighbours, so a curly mark typed the wrong way round still pairs.
// Apostrophes (don't, Iran's, Iran’s, ’90s, rock ’n’ roll, workers' rights)
// are not quotation marks.
//
// A quotation inside another one is part of the outer one: only outermost
// quotations are returned. A quotation that runs over several paragraphs,
// each reopening it with an opening mark (the news convention), is one
// Quote: its content is the whole byte range from just after the first
// opening mark to the last closing mark, so it keeps the paragraph breaks
// and the reopening marks of the text; Parts lists the content of each
// paragraph without them. An opening double mark that is never closed
// ends its quotation at the end of its paragraph (Closed is false); an
// unclosed single mark is taken for an apostrophe. Nothing is ever
// swallowed past a paragraph that does not reopen the quotation.
package scan

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mark is the kind of quotation mark that delimits a quotation.
type Mark uint8

// Marks.
const (
	Double Mark = iota + 1 // " “ ” „
	Single                 // ' ‘ ’ ‚
)

// Part is the content of one paragraph of a quotation, [Start, End).
type Part struct {
	Start int
	End   int
}

// Quote is one outermost quotation. Offsets are bytes into the text:
// Open <= Start <= End <= Close, Text == text[Start:End]. Start is just
// past the opening mark; End is at the closing mark (or, when the
// quotation is not closed, at the end of its last paragraph, trimmed of
// white space, and then Close == End). [Open, Close) covers the marks.
type Quote struct {
	Open   int
	Start  int
	End    int
	Close  int
	Text   string
	Mark   Mark
	Closed bool
	// Parts holds the content of each paragraph; one Part for a quotation
	// inside a single paragraph.
	Parts []Part
	// Scare is set for marks around a term, a name or a title rather than
	// speech: a short content (at most three words) or a title-case name,
	// with no speech verb in its sentence, or after "so-called", "dubbed",
	// "known as" and the like.
	Scare bool
}

// Words returns the number of white-space separated words of q.Text.
func (q Quote) Words() int { return len(strings.Fields(q.Text)) }

// mark is one quotation mark met in a paragraph.
type mark struct {
	pos, end int // byte range of the mark
	kind     Mark
	open     bool // may open a quotation
	close    bool // may close a quotation
}

// Scan returns the outermost quotations of text in text order.
//
// Invariants, for any input (including invalid UTF-8): Scan never panics;
// every quotation lies inside the text (0 <= Open <= Start <= End <= Close
// <= len(text)); quotations never overlap (q[i].Close <= q[i+1].Open);
// Text == text[Start:End]; every Part lies inside [Start, End).
func Scan(text string) []Quote {
	var out []Quote
	var carry *Quote // an unclosed double quotation that may go on in the next paragraph
	paras := paragraphs(text)
	for pi, p := range paras {
		marks := findMarks(text, p[0], p[1])
		if carry != nil {
			if len(marks) > 0 && marks[0].pos == p[0] && marks[0].kind == Double && marks[0].open {
				// The paragraph reopens the quotation.
				q, rest := scanParagraph(text, p, marks, carry)
				out = append(out, q...)
				carry = rest
				if carry != nil && pi == len(paras)-1 {
					out = append(out, finishUnclosed(text, carry))
					carry = nil
				}
				continue
			}
			out = append(out, finishUnclosed(text, carry))
			carry = nil
		}
		q, rest := scanParagraph(text, p, marks, nil)
		out = append(out, q...)
		carry = rest
		if carry != nil && pi == len(paras)-1 {
			out = append(out, finishUnclosed(text, carry))
			carry = nil
		}
	}
	for i := range out {
		out[i].Scare = isScare(text, out[i])
	}
	return out
}

// finishUnclosed ends an unclosed quotation at the end of its last part.
func finishUnclosed(text string, q *Quote) Quote {
	last := q.Parts[len(q.Parts)-1]
	q.End = last.End
	q.Close = last.End
	q.Closed = false
	q.Text = text[q.Start:q.End]
	return *q
}

// scanParagraph pairs the marks of paragraph p. cont is a quotation carried
// over from the previous paragraph, reopened by marks[0]. It returns the
// quotations completed here and the one left open at the paragraph end
// (double marks only), whose last Part ends at the paragraph end.
func scanParagraph(text string, p [2]int, marks []mark, cont *Quote) ([]Quote, *Quote) {
	var out []Quote
	var stack []mark
	var cur *Quote
	i := 0
	if cont != nil {
		cur = cont
		stack = append(stack, marks[0])
		cur.Parts = append(cur.Parts, Part{Start: marks[0].end, End: marks[0].end})
		i = 1
	}
	begin := func(m mark) {
		stack = append(stack[:0], m)
		cur = &Quote{Open: m.pos, Start: m.end, Mark: m.kind, Parts: []Part{{Start: m.end}}}
	}
	finish := func(m mark) {
		cur.End = m.pos
		cur.Close = m.end
		cur.Closed = true
		cur.Parts[len(cur.Parts)-1].End = m.pos
		cur.Text = text[cur.Start:cur.End]
		if strings.TrimSpace(cur.Text) != "" {
			out = append(out, *cur)
		}
		cur = nil
		stack = stack[:0]
	}
	for ; i < len(marks); i++ {
		m := marks[i]
		if len(stack) == 0 {
			if !m.open {
				continue // a stray closing mark
			}
			if m.kind == Single && !hasCloser(marks[i+1:], Single) {
				continue // an apostrophe, or a mark never closed
			}
			begin(m)
			continue
		}
		top := stack[len(stack)-1]
		if m.close && m.kind == Single && top.kind == Single && possessive(text, m, p[1]) && hasCloser(marks[i+1:], Single) {
			continue // "the workers' rights": a plural possessive
		}
		if m.close && m.kind == top.kind {
			if len(stack) == 1 {
				finish(m)
			} else {
				stack = stack[:len(stack)-1]
			}
			continue
		}
		if m.close && !m.open {
			// Closes a mark further down the stack: the marks above it
			// were never closed.
			if k := findKind(stack, m.kind); k >= 0 {
				if k == 0 {
					finish(m)
				} else {
					stack = stack[:k]
				}
			}
			continue // otherwise an apostrophe or a stray mark
		}
		if !m.open {
			continue
		}
		if m.kind != top.kind {
			if m.kind == Single && !hasCloser(marks[i+1:], Single) {
				continue
			}
			stack = append(stack, m)
			continue
		}
		// The same kind opens again inside an open quotation: a nested
		// quotation when enough closers follow, otherwise the open one was
		// never closed and ends here.
		if countClosers(marks[i+1:], m.kind) >= len(stack)+1 {
			stack = append(stack, m)
			continue
		}
		if len(stack) > 1 {
			stack = append(stack, m)
			continue
		}
		if cur.Mark == Double {
			end := trimRight(text, cur.Parts[len(cur.Parts)-1].Start, m.pos)
			cur.Parts[len(cur.Parts)-1].End = end
			q := finishUnclosed(text, cur)
			if strings.TrimSpace(q.Text) != "" {
				out = append(out, q)
			}
		}
		begin(m)
	}
	if cur == nil {
		return out, nil
	}
	if cur.Mark != Double {
		return out, nil // an unclosed single mark: an apostrophe after all
	}
	cur.Parts[len(cur.Parts)-1].End = p[1]
	if strings.TrimSpace(text[cur.Start:p[1]]) == "" {
		return out, nil
	}
	return out, cur
}

// possessive reports whether the single mark m follows an s and comes
// before a lower-case word, as a plural possessive does.
func possessive(text string, m mark, end int) bool {
	if m.pos == 0 || (text[m.pos-1] != 's' && text[m.pos-1] != 'S') {
		return false
	}
	if m.end+1 >= end || text[m.end] != ' ' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[m.end+1 : end])
	return unicode.IsLower(r)
}

func findKind(stack []mark, k Mark) int {
	for j := len(stack) - 1; j >= 0; j-- {
		if stack[j].kind == k {
			return j
		}
	}
	return -1
}

func hasCloser(marks []mark, k Mark) bool {
	for _, m := range marks {
		if m.kind == k && m.close {
			return true
		}
	}
	return false
}

func countClosers(marks []mark, k Mark) int {
	n := 0
	for _, m := range marks {
		if m.kind == k && m.close {
			n++
		}
	}
	return n
}

// paragraphs returns the [start, end) ranges of the non-blank lines of
// text, trimmed of white space.
func paragraphs(text string) [][2]int {
	var out [][2]int
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s := trimLeft(text, start, end)
		e := trimRight(text, s, end)
		if s < e {
			out = append(out, [2]int{s, e})
		}
		start = end + 1
	}
	return out
}

func trimLeft(text string, s, e int) int {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	return s
}

func trimRight(text string, s, e int) int {
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return e
}

// findMarks returns the quotation marks of text[s:e], apostrophes left out.
func findMarks(text string, s, e int) []mark {
	var out []mark
	for i := s; i < e; {
		r, n := utf8.DecodeRuneInString(text[i:e])
		kind := markKind(r)
		if kind == 0 {
			i += n
			continue
		}
		prev, next := ' ', ' '
		if i > s {
			prev, _ = utf8.DecodeLastRuneInString(text[s:i])
		}
		if i+n < e {
			next, _ = utf8.DecodeRuneInString(text[i+n : e])
		}
		m := mark{pos: i, end: i + n, kind: kind}
		left := !unicode.IsSpace(next) && (unicode.IsSpace(prev) || isOpener(prev) || markKind(prev) != 0)
		right := !unicode.IsSpace(prev) && (unicode.IsSpace(next) || isCloser(next) || markKind(next) != 0)
		if i == s {
			left, right = !unicode.IsSpace(next), false
		}
		switch kind {
		case Double:
			switch r {
			case '\u201c', '\u201e': // “ „ open unless they can only close
				m.open, m.close = left || !right, right && !left
			case '\u201d': // ” closes unless it can only open
				m.open, m.close = left && !right, right || !left
			default: // " both ways when the context allows
				m.open, m.close = left || (!right && !left), right || (!right && !left)
				if !left && !right && !unicode.IsSpace(prev) && !unicode.IsSpace(next) {
					// Inside a word (a"b): either way.
					m.open, m.close = true, true
				}
			}
		case Single:
			if isApostrophe(text, s, e, i, n, prev, next) {
				i += n
				continue
			}
			m.open = left && r != '\u2019'
			m.close = right && r != '\u2018' && r != '\u201a'
			if !m.open && !m.close {
				i += n
				continue
			}
		}
		out = append(out, m)
		i += n
	}
	return out
}

func markKind(r rune) Mark {
	switch r {
	case '"', '\u201c', '\u201d', '\u201e':
		return Double
	case '\'', '\u2018', '\u2019', '\u201a':
		return Single
	}
	return 0
}

// isOpener reports whether r may stand right before an opening mark.
func isOpener(r rune) bool {
	switch r {
	case '(', '[', '{', '\u2014', '\u2013', '-', '/', ':', '\u2026':
		return true
	}
	return false
}

// isCloser reports whether r may stand right after a closing mark.
func isCloser(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', ')', ']', '}', '\u2014', '\u2013', '-', '/', '\u2026':
		return true
	}
	return false
}

// elisions are words that a leading apostrophe shortens ('em, 'tis).
var elisions = map[string]bool{
	"em": true, "tis": true, "twas": true, "til": true, "cause": true, "n": true, "bout": true, "nuff": true,
}

// isApostrophe reports whether the single mark at text[i:i+n] (inside the
// paragraph text[s:e]) is an apostrophe rather than a quotation mark.
func isApostrophe(text string, s, e, i, n int, prev, next rune) bool {
	if isWordRune(prev) && isWordRune(next) {
		return true // don't, Iran's, N'Gari
	}
	if unicode.IsSpace(prev) || i == s || isOpener(prev) {
		// A leading apostrophe: '90s, 'em, 'n'.
		j := i + n
		k := j
		for k < e {
			r, m := utf8.DecodeRuneInString(text[k:e])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			k += m
		}
		w := strings.ToLower(text[j:k])
		if elisions[w] {
			// 'n' of rock 'n' roll is closed by an apostrophe too.
			return true
		}
		if len(w) >= 2 && isDigits(w[:2]) && (len(w) == 2 || w[2:] == "s") {
			return true
		}
	}
	if isWordRune(prev) && !isWordRune(next) {
		// The closing apostrophe of 'n' (rock ’n’ roll).
		if i-s >= 2 {
			p2, m2 := utf8.DecodeLastRuneInString(text[s:i])
			if (p2 == 'n' || p2 == 'N') && i-m2 > s {
				p3, _ := utf8.DecodeLastRuneInString(text[s : i-m2])
				if markKind(p3) == Single {
					return true
				}
			}
		}
	}
	return false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
