package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitParagraphs returns the non-blank lines of text as paragraphs, each
// trimmed of surrounding white space.
func SplitParagraphs(text string) []Paragraph {
	var out []Paragraph
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := Trim(text, start, end)
		if s < e {
			out = append(out, Paragraph{Start: s, End: e})
		}
		start = end + 1
	}
	return out
}

// Trim narrows [start, end) of text to exclude surrounding white space.
func Trim(text string, start, end int) (int, int) {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return start, end
}

// abbreviations end with a full stop that does not end a sentence when a
// capitalised word follows (lower case, without the stop).
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true, "jr": true, "st": true,
	"gen": true, "lt": true, "col": true, "maj": true, "capt": true, "cpt": true, "sgt": true, "cpl": true,
	"pvt": true, "adm": true, "cmdr": true, "gov": true, "sen": true, "rep": true, "rev": true, "hon": true,
	"pres": true, "supt": true, "insp": true, "det": true, "amb": true, "sec": true, "brig": true,
	"no": true, "nos": true, "vs": true, "etc": true, "approx": true, "inc": true, "ltd": true, "corp": true, "co": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "mt": true, "ft": true, "fig": true,
}

// sentenceStarters are capitalised words that, after an acronym such as
// "U.S.", show that a new sentence begins.
var sentenceStarters = map[string]bool{
	"The": true, "He": true, "She": true, "It": true, "They": true, "We": true, "I": true, "In": true,
	"On": true, "At": true, "A": true, "An": true, "This": true, "That": true, "These": true, "Those": true,
	"But": true, "And": true, "However": true, "According": true, "There": true, "His": true, "Her": true,
	"Their": true, "Its": true, "After": true, "Before": true, "Meanwhile": true, "Officials": true,
}

// SplitSentences splits text[start:end] into sentences and returns their
// [start, end) byte ranges, trimmed. A sentence ends at '.', '!' or '?'
// (with any closing quotes or brackets after it) followed by white space and
// a capital, a digit or an opening quote; a full stop after a known
// abbreviation or an initial does not end one.
func SplitSentences(text string, start, end int) [][2]int {
	var out [][2]int
	segStart := start
	i := start
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += n
			continue
		}
		j := i + n
		// absorb repeated terminators and closing marks
		for j < end {
			c, cn := utf8.DecodeRuneInString(text[j:end])
			if c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u201d' || c == '\u2019' {
				j += cn
				continue
			}
			break
		}
		// need white space, then a sentence opener
		k := j
		for k < end {
			c, cn := utf8.DecodeRuneInString(text[k:end])
			if !unicode.IsSpace(c) {
				break
			}
			k += cn
		}
		if k == j || k >= end {
			i = j
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[k:end])
		opener := unicode.IsUpper(next) || unicode.IsDigit(next) || next == '"' || next == '\u201c' || next == '\u2018' || next == '(' || next == '\''
		if !opener || (r == '.' && !endsSentence(text, segStart, i, k, end)) {
			i = j
			continue
		}
		s, e := Trim(text, segStart, j)
		if s < e {
			out = append(out, [2]int{s, e})
		}
		segStart = k
		i = k
	}
	if s, e := Trim(text, segStart, end); s < e {
		out = append(out, [2]int{s, e})
	}
	return out
}

// endsSentence decides whether the full stop at dot ends a sentence; the
// next word starts at next.
func endsSentence(text string, segStart, dot, next, end int) bool {
	ws := dot
	for ws > segStart {
		r, n := utf8.DecodeLastRuneInString(text[segStart:ws])
		if unicode.IsSpace(r) || r == '(' || r == '"' || r == '\u201c' {
			break
		}
		ws -= n
	}
	word := text[ws:dot]
	if word == "" {
		return true
	}
	if abbreviations[strings.ToLower(word)] {
		return false
	}
	// an initial: "George W. Bush"
	if utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0]) {
		return false
	}
	// an acronym with inner stops: "U.S." ends a sentence only before a
	// typical sentence opener.
	if strings.Contains(word, ".") {
		we := next
		for we < end {
			r, n := utf8.DecodeRuneInString(text[we:end])
			if !unicode.IsLetter(r) {
				break
			}
			we += n
		}
		return sentenceStarters[text[next:we]]
	}
	return true
}
