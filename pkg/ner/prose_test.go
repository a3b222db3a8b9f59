package ner

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsdesk/extractor/fixtures"
	"github.com/newsdesk/extractor/internal/input"
)

// proseTokens tokenizes and tags one sentence with prose itself and aligns
// its tokens to src by skipping white space and reading its straight quotes
// as the curly ones of src. ok is false when prose panics or a token cannot
// be aligned. shared[i] is true when prose's token i is one object with a
// later token (prose's tokenizer caches repeated words), whose tag then
// overwrites it.
func proseTokens(m *prose.Model, src string) (toks []Token, shared []bool, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	doc, err := prose.NewDocument(src, prose.UsingModel(m),
		prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		return nil, nil, false
	}
	ptoks := doc.Tokens()
	pos := 0
	for i, pt := range ptoks {
		for pos < len(src) {
			r, n := utf8.DecodeRuneInString(src[pos:])
			if !unicode.IsSpace(r) {
				break
			}
			pos += n
		}
		n := alignLen(src[pos:], pt.Text)
		if n < 0 {
			idx := strings.Index(src[pos:], pt.Text)
			if idx < 0 {
				return nil, nil, false
			}
			pos += idx
			n = len(pt.Text)
		}
		toks = append(toks, Token{Text: src[pos : pos+n], Start: pos, End: pos + n, Tag: pt.Tag})
		later := false
		for _, q := range ptoks[i+1:] {
			later = later || q.Text == pt.Text
		}
		shared = append(shared, later)
		pos += n
	}
	return toks, shared, true
}

// alignLen is how many bytes of src prose's token tok stands for, or -1.
func alignLen(src, tok string) int {
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

// testTexts are the fixture articles and, when it is there, the corpus.
func testTexts(t *testing.T) []string {
	var texts []string
	for _, id := range fixtures.IDs() {
		a, err := fixtures.Article(id)
		require.NoError(t, err)
		texts = append(texts, a.Body)
	}
	f, err := os.Open(filepath.Join("..", "..", "..", "shared", "corpus", "articles.jsonl"))
	if err != nil {
		t.Logf("corpus not found (%v): comparing on the fixtures only", err)
		return texts
	}
	defer f.Close()
	err = input.Read(f, f.Name(), input.Options{}, func(it input.Item) error {
		if it.Err != nil {
			return fmt.Errorf("%s: %w", it.Where, it.Err)
		}
		texts = append(texts, it.Article.Body)
		return nil
	})
	require.NoError(t, err)
	return texts
}

// TestTokensAndTagsMatchProse checks that the tokenizer and tagger give
// prose's tokens and tags, sentence by sentence, before gaps are covered.
// Tags of tokens that prose's cache shares with a later token are not
// compared (prose overwrites them), nor exact ties, which prose breaks at
// random: at most 1 tag in 2,000 may differ.
func TestTokensAndTagsMatchProse(t *testing.T) {
	pm := prose.ModelFromData("en")
	m := model()
	s := &scratch{}
	var sentences, tokens, tagged, tagDiff, skipped int
	for _, text := range testTexts(t) {
		for _, p := range SplitParagraphs(text) {
			for _, se := range SplitSentences(text, p.Start, p.End) {
				src := text[se[0]:se[1]]
				want, shared, ok := proseTokens(pm, src)
				if !ok {
					skipped++
					continue
				}
				sentences++
				s.pieces = splitSentence(src, 0, len(src), s.pieces[:0])
				words := make([]string, len(s.pieces))
				tags := make([]string, len(s.pieces))
				for i, pc := range s.pieces {
					words[i] = pc.word
				}
				m.tagger.tag(words, tags, s)
				require.Len(t, s.pieces, len(want), "sentence %q", src)
				for i, w := range want {
					pc := s.pieces[i]
					require.Equal(t, [2]int{w.Start, w.End}, [2]int{pc.start, pc.end}, "token %d of %q", i, src)
					tokens++
					if shared[i] {
						continue
					}
					tagged++
					if tags[i] != w.Tag {
						tagDiff++
						t.Logf("tag of %q in %q: prose %s, ours %s", w.Text, src, w.Tag, tags[i])
					}
				}
			}
		}
	}
	t.Logf("%d sentences (%d skipped: prose panics), %d tokens, %d tags compared, %d differ", sentences, skipped, tokens, tagged, tagDiff)
	require.Greater(t, tagged, 1000)
	assert.LessOrEqual(t, tagDiff*2000, tagged)
}
