// Package ner is the NLP core shared by every extraction stage: paragraphs,
// sentences and part-of-speech tagged tokens, each with byte offsets into the
// original text, which is never modified.
//
// One Model is built once per process and shared; it is safe for concurrent
// use. Tokens follow the rules of prose v2's tokenizer and tags come from
// prose's trained tagging model, but both are computed here on byte offsets
// of the original text: Token.Text is always text[Start:End], and curly
// quotes stay curly.
package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word or punctuation mark. Text == text[Start:End] of the
// analysed text (curly quotes stay curly). Tag is a Penn Treebank POS tag, or
// "" when tagging is off.
type Token struct {
	Text  string
	Start int
	End   int
	Tag   string
}

// Paragraph is a byte range of text between line breaks, trimmed of space.
type Paragraph struct {
	Start int
	End   int
}

// Sentence is a byte range inside one paragraph, trimmed of space, with the
// index range [First, Last) of its tokens in Analysis.Tokens.
type Sentence struct {
	Start int
	End   int
	Para  int
	First int
	Last  int
}

// Analysis is the NLP view of one text. Paragraphs, sentences and tokens are
// in text order and do not overlap; every sentence lies in its paragraph and
// every token in its sentence.
type Analysis struct {
	Text       string
	Paragraphs []Paragraph
	Sentences  []Sentence
	Tokens     []Token
}

// Options configure a Model. The zero value tags parts of speech.
type Options struct {
	// NoTagging skips POS tagging; tokens then have an empty Tag.
	NoTagging bool
}

// Model holds the tagging model, loaded once. Safe for concurrent use.
type Model struct {
	opts   Options
	tagger *tagger
}

// NewModel loads the tagging model from prose's embedded English model
// (about 0.2 s). Call it once per process and share the result.
func NewModel(opts Options) (*Model, error) {
	m := &Model{opts: opts}
	if !opts.NoTagging {
		t, err := loadTagger()
		if err != nil {
			return nil, err
		}
		m.tagger = t
	}
	return m, nil
}

// Analyze splits text into paragraphs, sentences and tokens and tags them.
// It never fails.
func (m *Model) Analyze(text string) *Analysis {
	a := &Analysis{Text: text}
	a.Paragraphs = SplitParagraphs(text)
	s := &scratch{}
	a.Tokens = make([]Token, 0, len(text)/5)
	for pi, p := range a.Paragraphs {
		for _, se := range SplitSentences(text, p.Start, p.End) {
			first := len(a.Tokens)
			a.Tokens = m.tokenize(text, se[0], se[1], a.Tokens, s)
			a.Sentences = append(a.Sentences, Sentence{Start: se[0], End: se[1], Para: pi, First: first, Last: len(a.Tokens)})
		}
	}
	return a
}

// tokenize appends the tagged tokens of the sentence text[start:end] to out.
func (m *Model) tokenize(text string, start, end int, out []Token, s *scratch) []Token {
	s.pieces = splitSentence(text, start, end, s.pieces[:0])
	s.words, s.tags = s.words[:0], s.tags[:0]
	for _, p := range s.pieces {
		s.words = append(s.words, p.word)
		s.tags = append(s.tags, "")
	}
	if m.tagger != nil {
		m.tagger.tag(s.words, s.tags, s)
	}
	first := len(out)
	for i, p := range s.pieces {
		out = append(out, Token{Text: text[p.start:p.end], Start: p.start, End: p.end, Tag: s.tags[i]})
	}
	return coverGaps(text, start, end, out, first)
}

// coverGaps makes sure every non-space byte of text[start:end] lies in a
// token of toks[first:]: prose's rules drop text in some words (the
// "'Reilly" of "O'Reilly" after splitting off what they take for "'re").
// Text glued to the token before extends it; a loose run becomes a token
// of its own, tagged as a proper noun when capitalised.
func coverGaps(text string, start, end int, toks []Token, first int) []Token {
	pos := start
	gap := false
	for _, t := range toks[first:] {
		if strings.TrimSpace(text[pos:t.Start]) != "" {
			gap = true
			break
		}
		pos = t.End
	}
	if !gap && strings.TrimSpace(text[pos:end]) == "" {
		return toks
	}
	sent := append([]Token(nil), toks[first:]...)
	out := toks[:first]
	pos = start
	glue := func(gs, ge int) {
		for {
			ws, we := nextWord(text, gs, ge)
			if ws == we {
				return
			}
			gs = ws
			if k := len(out) - 1; k >= first && out[k].End == gs {
				out[k].End = we
				out[k].Text = text[out[k].Start:we]
			} else {
				tag := "NN"
				if r, _ := utf8.DecodeRuneInString(text[gs:we]); unicode.IsUpper(r) {
					tag = "NNP"
				}
				out = append(out, Token{Text: text[gs:we], Start: gs, End: we, Tag: tag})
			}
			gs = we
		}
	}
	for _, t := range sent {
		if t.Start > pos {
			glue(pos, t.Start)
		}
		out = append(out, t)
		pos = t.End
	}
	glue(pos, end)
	return out
}

// MaxWordBytes is the longest word (run without white space) that is split
// into tokens; a longer one is one token, so that the cost stays linear.
const MaxWordBytes = 256

// SentenceAt returns the index of the sentence that contains byte offset
// off, or -1.
func (a *Analysis) SentenceAt(off int) int {
	lo, hi := 0, len(a.Sentences)
	for lo < hi {
		mid := (lo + hi) / 2
		switch s := a.Sentences[mid]; {
		case off < s.Start:
			hi = mid
		case off >= s.End:
			lo = mid + 1
		default:
			return mid
		}
	}
	return -1
}

// ParagraphAt returns the index of the paragraph that contains byte offset
// off, or -1.
func (a *Analysis) ParagraphAt(off int) int {
	for i, p := range a.Paragraphs {
		if off >= p.Start && off < p.End {
			return i
		}
	}
	return -1
}

// SentenceTokens returns the tokens of sentence i.
func (a *Analysis) SentenceTokens(i int) []Token {
	s := a.Sentences[i]
	return a.Tokens[s.First:s.Last]
}

// TokenAt returns the index of the token that starts at or covers byte
// offset off, or -1.
func (a *Analysis) TokenAt(off int) int {
	lo, hi := 0, len(a.Tokens)
	for lo < hi {
		mid := (lo + hi) / 2
		switch t := a.Tokens[mid]; {
		case off < t.Start:
			hi = mid
		case off >= t.End:
			lo = mid + 1
		default:
			return mid
		}
	}
	return -1
}
