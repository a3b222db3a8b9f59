package ner

import (
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// model is built once for the package's tests: loading takes ~0.2 s.
var model = sync.OnceValue(func() *Model {
	m, err := NewModel(Options{})
	if err != nil {
		panic(err)
	}
	return m
})

func sentences(text string) []string {
	var out []string
	for _, p := range SplitParagraphs(text) {
		for _, s := range SplitSentences(text, p.Start, p.End) {
			out = append(out, text[s[0]:s[1]])
		}
	}
	return out
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"two plain sentences", "One is here. Two is there.", []string{"One is here.", "Two is there."}},
		{"title abbreviation", "Mr. Annan met Dr. Smith. They spoke.", []string{"Mr. Annan met Dr. Smith.", "They spoke."}},
		{"initial in a name", "George W. Bush spoke. Then he left.", []string{"George W. Bush spoke.", "Then he left."}},
		{"acronym mid-sentence", "The U.S. Army said so. It left.", []string{"The U.S. Army said so.", "It left."}},
		{"acronym ends sentence", "He went to the U.S. The trip was long.", []string{"He went to the U.S.", "The trip was long."}},
		{"closing quote after stop", `"We will win." He said it twice.`, []string{`"We will win."`, "He said it twice."}},
		{"curly quotes", "“We will win.” He said it.", []string{"“We will win.”", "He said it."}},
		{"lower case after stop", "It cost 3.5 million. e.g. this stays.", []string{"It cost 3.5 million. e.g. this stays."}},
		{"question and exclamation", "Why? Because! Done.", []string{"Why?", "Because!", "Done."}},
		{"paragraphs split", "First line\n\nSecond line.", []string{"First line", "Second line."}},
		{"decimal number", "The toll rose 2.5 times. Nobody knew.", []string{"The toll rose 2.5 times.", "Nobody knew."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, sentences(tt.text))
		})
	}
}

func TestSplitParagraphsOffsets(t *testing.T) {
	text := "  Alpha beta.\r\n\nGamma.\n"
	ps := SplitParagraphs(text)
	require.Len(t, ps, 2)
	assert.Equal(t, Paragraph{Start: 2, End: 13}, ps[0])
	assert.Equal(t, "Alpha beta.", text[ps[0].Start:ps[0].End])
	assert.Equal(t, "Gamma.", text[ps[1].Start:ps[1].End])
}

func TestAnalyzeOffsets(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		token string // a token expected in the output, as in the text
		start int
	}{
		{"curly quotes stay curly", "He said “hello there” to me.", "“", 8},
		{"closing curly quote", "He said “hello there” to me.", "”", 22},
		{"curly apostrophe", "Pakistan’s ministry said so.", "’s", 8},
		{"straight quote", `She said "yes" again.`, `"`, 9},
		{"hyphenated name", "Hossein Amir-Abdollahian spoke.", "Amir-Abdollahian", 8},
		{"multibyte before", "Zürich’s mayor said it.", "’s", 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := model().Analyze(tt.text)
			found := false
			for _, tk := range a.Tokens {
				require.Equal(t, tt.text[tk.Start:tk.End], tk.Text)
				if tk.Text == tt.token && tk.Start == tt.start {
					found = true
				}
			}
			assert.True(t, found, "token %q at %d not in %v", tt.token, tt.start, a.Tokens)
		})
	}
}

func TestAnalyzeSeedArticle(t *testing.T) {
	b, err := os.ReadFile("testdata/pakistan-iran.txt")
	require.NoError(t, err)
	text := string(b)
	a := model().Analyze(text)
	require.Len(t, a.Paragraphs, 15)
	require.Len(t, a.Sentences, 17)
	assert.Equal(t, "Comment this post", text[a.Sentences[16].Start:a.Sentences[16].End])
	prevEnd := 0
	for i, s := range a.Sentences {
		assert.GreaterOrEqual(t, s.Start, prevEnd, "sentence %d overlaps", i)
		p := a.Paragraphs[s.Para]
		assert.True(t, p.Start <= s.Start && s.End <= p.End, "sentence %d outside paragraph", i)
		for _, tk := range a.Tokens[s.First:s.Last] {
			assert.True(t, s.Start <= tk.Start && tk.End <= s.End, "token %q outside sentence %d", tk.Text, i)
			assert.Equal(t, text[tk.Start:tk.End], tk.Text)
		}
		prevEnd = s.End
	}
	// POS tags are there.
	first := a.Tokens[0]
	assert.Equal(t, "Pakistan", first.Text)
	assert.Equal(t, "NNP", first.Tag)
	// lookups
	off := strings.Index(text, "Tehran said")
	si := a.SentenceAt(off)
	require.GreaterOrEqual(t, si, 0)
	assert.Equal(t, 0, si)
	ti := a.TokenAt(off)
	require.GreaterOrEqual(t, ti, 0)
	assert.Equal(t, "Tehran", a.Tokens[ti].Text)
	assert.Equal(t, -1, a.SentenceAt(len(text)+5))
}

func TestAnalyzeConcurrent(t *testing.T) {
	text := "Iran said it struck. Pakistan denied it. “No,” he said."
	want := model().Analyze(text)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			assert.Equal(t, want, model().Analyze(text))
		}()
	}
	wg.Wait()
}

// FuzzAnalyze checks the invariants of Analyze: it never panics; paragraphs,
// sentences and tokens are ordered, do not overlap, nest, every token's
// Text is the text it spans, and every non-space byte of a sentence lies in
// a token.
func FuzzAnalyze(f *testing.F) {
	f.Add("He said “hi.” Then Mr. X left.\n\nU.S. troops. &rsquo; ok")
	f.Add("\"\"''“”‘’ . . . ?! \n\n\n")
	f.Add("a.b.c. D e. F")
	f.Fuzz(func(t *testing.T, text string) {
		a := model().Analyze(text)
		prev := 0
		for _, s := range a.Sentences {
			if s.Start < prev || s.End > len(text) || s.Start >= s.End {
				t.Fatalf("bad sentence %+v", s)
			}
			prev = s.End
			tp := s.Start
			for _, tk := range a.Tokens[s.First:s.Last] {
				if tk.Start < tp || tk.End > s.End || text[tk.Start:tk.End] != tk.Text {
					t.Fatalf("bad token %+v in sentence %+v", tk, s)
				}
				if strings.TrimSpace(text[tp:tk.Start]) != "" {
					t.Fatalf("text %q before token %+v is in no token", text[tp:tk.Start], tk)
				}
				tp = tk.End
			}
			if strings.TrimSpace(text[tp:s.End]) != "" {
				t.Fatalf("text %q at the end of sentence %+v is in no token", text[tp:s.End], s)
			}
		}
	})
}

func BenchmarkAnalyze(b *testing.B) {
	text, err := os.ReadFile("testdata/pakistan-iran.txt")
	require.NoError(b, err)
	m := model()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Analyze(string(text))
	}
}

func TestAnalyzeInputProseCannotTokenize(t *testing.T) {
	// Upper-case dotted I lower-cases to more bytes, which makes prose's
	// own tokenizer panic; this one splits and tags it like any word.
	text := "İSTANBUL'S mayor said so. Next one."
	a := model().Analyze(text)
	require.Len(t, a.Sentences, 2)
	var got []string
	for _, tk := range a.Tokens {
		assert.Equal(t, text[tk.Start:tk.End], tk.Text)
		assert.NotEmpty(t, tk.Tag, "token %q", tk.Text)
		got = append(got, tk.Text)
	}
	assert.Equal(t, []string{"İSTANBUL", "'S", "mayor", "said", "so", ".", "Next", "one", "."}, got)
}

func TestAnalyzeLongWordIsOneToken(t *testing.T) {
	// Splitting a word costs the square of its length; a word longer than
	// MaxWordBytes stays whole and the rest of its sentence is split and
	// tagged as usual.
	run := strings.Repeat("(", MaxWordBytes+1)
	text := "Before it. " + run + " after. Next sentence."
	a := model().Analyze(text)
	var got []string
	for _, tk := range a.Tokens {
		assert.Equal(t, text[tk.Start:tk.End], tk.Text)
		got = append(got, tk.Text)
	}
	assert.Equal(t, []string{"Before", "it", ".", run, "after", ".", "Next", "sentence", "."}, got)
}

func BenchmarkAnalyzeLongRun(b *testing.B) {
	text := strings.Repeat("(", 1<<20) + " end."
	m := model()
	for i := 0; i < b.N; i++ {
		m.Analyze(text)
	}
}

func TestAnalyzeCoversEveryWord(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"apostrophe name prose cuts", "Sean O'Reilly said it.", []string{"Sean", "O'Reilly", "said", "it", "."}},
		{"curly apostrophe name", "John O’Shea left.", []string{"John", "O’Shea", "left", "."}},
		{"contractions stay split", "They're here.", []string{"They", "'re", "here", "."}},
		{"possessive stays split", "Iran's minister spoke.", []string{"Iran", "'s", "minister", "spoke", "."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := model().Analyze(tt.text)
			var got []string
			for _, tk := range a.Tokens {
				require.Equal(t, tt.text[tk.Start:tk.End], tk.Text)
				got = append(got, tk.Text)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}
