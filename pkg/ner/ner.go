// Package ner is the NLP core shared by every extraction stage: paragraphs,
// sentences and part-of-speech tagged tokens, each with byte offsets into the
// original text, which is never modified.
//
// One Model is built once per process and shared; it is safe for concurrent
// use. prose's tokenizer rewrites curly quotes to straight ones and keeps no
// offsets, so tokens are aligned back to the original text here: Token.Text
// is always text[Start:End].
package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
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

// Model holds the prose tagging model, loaded once. Safe for concurrent use.
type Model struct {
	opts  Options
	prose *prose.Model
}

// NewModel loads prose's English model (about 0.5 s). Call it once per
// process and share the result.
func NewModel(opts Options) *Model {
	return &Model{opts: opts, prose: prose.ModelFromData("en")}
}

// Analyze splits text into paragraphs, sentences and tokens and tags them.
// It never fails: text that prose cannot tokenize keeps its sentences and
// gets tokens from a whitespace split.
func (m *Model) Analyze(text string) *Analysis {
	a := &Analysis{Text: text}
	a.Paragraphs = SplitParagraphs(text)
	for pi, p := range a.Paragraphs {
		for _, s := range SplitSentences(text, p.Start, p.End) {
			first := len(a.Tokens)
			a.Tokens = append(a.Tokens, m.tokenize(text, s[0], s[1])...)
			a.Sentences = append(a.Sentences, Sentence{Start: s[0], End: s[1], Para: pi, First: first, Last: len(a.Tokens)})
		}
	}
	return a
}

// tokenize tokenizes and tags text[start:end] with prose, one sentence per
// call so that prose's shared-token cache cannot mix tags across sentences.
// prose's tokenizer panics on some input (case mapping that changes byte
// lengths, as in "İ") and is quadratic in the length of a run without white
// space; such a sentence is split on white space instead.
func (m *Model) tokenize(text string, start, end int) (toks []Token) {
	src := text[start:end]
	if longestRun(src) > MaxWordBytes {
		return fieldsTokens(src, start)
	}
	defer func() {
		if recover() != nil {
			toks = fieldsTokens(src, start)
		}
	}()
	doc, err := prose.NewDocument(src,
		prose.UsingModel(m.prose),
		prose.WithSegmentation(false),
		prose.WithExtraction(false),
		prose.WithTagging(!m.opts.NoTagging))
	if err != nil {
		return fieldsTokens(src, start)
	}
	ptoks := doc.Tokens()
	out := make([]Token, 0, len(ptoks))
	pos := 0
	for _, pt := range ptoks {
		for pos < len(src) {
			r, n := utf8.DecodeRuneInString(src[pos:])
			if !unicode.IsSpace(r) {
				break
			}
			pos += n
		}
		n := matchLen(src[pos:], pt.Text)
		if n < 0 {
			// prose changed the token in a way we do not know: find it
			// further on, or give up on this one token.
			idx := strings.Index(src[pos:], pt.Text)
			if idx < 0 {
				continue
			}
			pos += idx
			n = len(pt.Text)
		}
		out = append(out, Token{Text: src[pos : pos+n], Start: start + pos, End: start + pos + n, Tag: pt.Tag})
		pos += n
	}
	return coverGaps(text, start, end, out)
}

// coverGaps makes sure every non-space byte of text[start:end] lies in a
// token: prose drops text in some words (the "'Reilly" of "O'Reilly" after
// it splits off what it takes for "'re"). Text glued to the token before
// extends it; a loose run becomes a token of its own, tagged as a proper
// noun when capitalised.
func coverGaps(text string, start, end int, toks []Token) []Token {
	out := toks[:0:0]
	pos := start
	glue := func(gs, ge int) {
		for gs < ge {
			r, n := utf8.DecodeRuneInString(text[gs:ge])
			if unicode.IsSpace(r) {
				gs += n
				continue
			}
			we := gs
			for we < ge {
				r, n := utf8.DecodeRuneInString(text[we:ge])
				if unicode.IsSpace(r) {
					break
				}
				we += n
			}
			if k := len(out) - 1; k >= 0 && out[k].End == gs {
				out[k].End = we
				out[k].Text = text[out[k].Start:we]
			} else {
				tag := "NN"
				if unicode.IsUpper(r) {
					tag = "NNP"
				}
				out = append(out, Token{Text: text[gs:we], Start: gs, End: we, Tag: tag})
			}
			gs = we
		}
	}
	for _, t := range toks {
		if t.Start > pos {
			glue(pos, t.Start)
		}
		out = append(out, t)
		pos = t.End
	}
	glue(pos, end)
	return out
}

// matchLen returns how many bytes of src the prose token tok stands for, or
// -1. prose reads “ ” as " and ‘ ’ &rsquo; as '.
func matchLen(src, tok string) int {
	p := 0
	for _, r := range tok {
		if p >= len(src) {
			return -1
		}
		o, n := utf8.DecodeRuneInString(src[p:])
		switch {
		case r == o:
		case r == '"' && (o == '\u201c' || o == '\u201d'):
		case r == '\'' && (o == '\u2018' || o == '\u2019'):
		case r == '\'' && strings.HasPrefix(src[p:], "&rsquo;"):
			n = len("&rsquo;")
		default:
			return -1
		}
		p += n
	}
	return p
}

// MaxWordBytes is the longest run without white space that is handed to
// prose's tokenizer, whose cost grows with the square of a run's length.
const MaxWordBytes = 256

// longestRun returns the length in bytes of the longest run of src without
// ASCII white space.
func longestRun(src string) int {
	longest, run := 0, 0
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case ' ', '\t', '\n', '\r', '\v', '\f':
			run = 0
		default:
			run++
			longest = max(longest, run)
		}
	}
	return longest
}

// fieldsTokens splits src on white space; base is src's offset in the text.
func fieldsTokens(src string, base int) []Token {
	var out []Token
	start := -1
	for i, r := range src {
		if unicode.IsSpace(r) {
			if start >= 0 {
				out = append(out, Token{Text: src[start:i], Start: base + start, End: base + i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, Token{Text: src[start:], Start: base + start, End: base + len(src)})
	}
	return out
}

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
