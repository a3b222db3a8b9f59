package ner

import (
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSplitSentencePieces(t *testing.T) {
	type p struct {
		text string
		word string // what the tagger reads, when it differs from text
	}
	tests := []struct {
		name string
		text string
		want []p
	}{
		{"plain words and full stop", "Iran said it.", []p{{"Iran", ""}, {"said", ""}, {"it", ""}, {".", ""}}},
		{"curly quotes read as straight", "“No,” he said.", []p{{"“", `"`}, {"No", ""}, {",", ""}, {"”", `"`}, {"he", ""}, {"said", ""}, {".", ""}}},
		{"curly possessive", "Iran’s army", []p{{"Iran", ""}, {"’s", "'s"}, {"army", ""}}},
		{"html apostrophe", "Iran&rsquo;s army", []p{{"Iran", ""}, {"&rsquo;s", "'s"}, {"army", ""}}},
		{"contraction", "They'll go, don't they?", []p{{"They", ""}, {"'ll", ""}, {"go", ""}, {",", ""}, {"do", ""}, {"n't", ""}, {"they", ""}, {"?", ""}}},
		{"prefixes and suffixes", `($100) ["x"]`, []p{{"(", ""}, {"$", ""}, {"100", ""}, {")", ""}, {"[", ""}, {`"`, ""}, {"x", ""}, {`"`, ""}, {"]", ""}}},
		{"abbreviations kept whole", "Mr. Khan of the U.S. left.", []p{{"Mr.", ""}, {"Khan", ""}, {"of", ""}, {"the", ""}, {"U.S.", ""}, {"left", ""}, {".", ""}}},
		{"emoticon kept whole", "ok :-) fine", []p{{"ok", ""}, {":-)", ""}, {"fine", ""}}},
		{"prose drops text after an inner clitic", "O'Reilly said", []p{{"O", ""}, {"said", ""}}},
		{"other white space separates", "a\u00a0b\tc", []p{{"a", ""}, {"b", ""}, {"c", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []p
			for _, pc := range splitSentence(tt.text, 0, len(tt.text), nil) {
				w := pc.word
				if w == tt.text[pc.start:pc.end] {
					w = ""
				}
				got = append(got, p{tt.text[pc.start:pc.end], w})
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestSplitSentenceOffsetsInText(t *testing.T) {
	text := "Before. “Quoted,” she said. After."
	start := strings.Index(text, "“")
	end := strings.Index(text, " After")
	ps := splitSentence(text, start, end, nil)
	require.Len(t, ps, 7)
	assert.Equal(t, start, ps[0].start)
	assert.Equal(t, end, ps[len(ps)-1].end)
	assert.Equal(t, "she", text[ps[4].start:ps[4].end])
}

// FuzzSplitSentence checks the tokenizer's invariants: it never panics;
// pieces are non-empty, in order, do not overlap, lie inside the sentence
// and contain no white space; each piece's word is its text with curly
// quotes (and &rsquo;) read as straight ones.
func FuzzSplitSentence(f *testing.F) {
	f.Add("“No,” he said. They'll (go) to the U.S. :-)")
	f.Add("İSTANBUL'S O'Reilly &rsquo;s ‘a’")
	f.Add("\xff\xfe '' \"\" n't 's")
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, pc := range splitSentence(text, 0, len(text), nil) {
			if pc.start < prev || pc.end <= pc.start || pc.end > len(text) {
				t.Fatalf("bad piece %+v after %d in %q", pc, prev, text)
			}
			seg := text[pc.start:pc.end]
			if strings.ContainsFunc(seg, isSpaceRune) {
				t.Fatalf("piece %q holds white space", seg)
			}
			if want, _ := sanitize(seg); pc.word != want {
				t.Fatalf("piece %q reads as %q, want %q", seg, pc.word, want)
			}
			prev = pc.end
		}
	})
}

func TestNormalAndFixedTags(t *testing.T) {
	norm := []struct{ word, want string }{
		{"Tehran", "tehran"},
		{"Sistan-Baluchestan", "!HYPHEN"},
		{"-LRB-", "-lrb-"},
		{"2024", "!YEAR"},
		{"-123", "!YEAR"},
		{"12", "!DIGITS"},
		{"3rd", "!DIGITS"},
		{"ÇIN", "çin"},
	}
	for _, tt := range norm {
		assert.Equal(t, tt.want, string(appendNormal(nil, tt.word)), tt.word)
	}
	fixed := []struct{ word, want string }{
		{"-", "-"},
		{":-)", "SYM"},
		{"www.example.com", "NN"},
		{"press@example.org", "NN"},
		{"0", "-NONE-"},
		{"-LRB-", "-LRB-"},
		{"said", ""},
		{"3.5", ""},
	}
	for _, tt := range fixed {
		assert.Equal(t, tt.want, fixedTag(tt.word), tt.word)
	}
}

func TestTaggerTagsNewsSentence(t *testing.T) {
	a := model().Analyze("Iran's foreign minister said on Tuesday that 12 people were killed.")
	var got []string
	for _, tk := range a.Tokens {
		got = append(got, tk.Text+"/"+tk.Tag)
	}
	assert.Equal(t, []string{"Iran/NNP", "'s/POS", "foreign/JJ", "minister/NN", "said/VBD", "on/IN",
		"Tuesday/NNP", "that/IN", "12/CD", "people/NNS", "were/VBD", "killed/VBN", "./."}, got)
}

func TestParseFeature(t *testing.T) {
	tests := []struct {
		name, v1, v2 string
		tmpl         int
		ok           bool
	}{
		{"bias", "", "", tBias, true},
		{"i suffix ran", "ran", "", tSuffix, true},
		{"i-1 tag+i word NNP said", "NNP", "said", tTag1Word, true},
		{"i tag+i-2 tag DT -START-", "DT", "-START-", tTag12, true},
		{"i+2 word !YEAR", "!YEAR", "", tWordNext2, true},
		{"i-1 word ", "", "", tWord1, true},
		{"unknown thing", "", "", 0, false},
	}
	for _, tt := range tests {
		tmpl, v1, v2, ok := parseFeature(tt.name)
		assert.Equal(t, tt.ok, ok, tt.name)
		if tt.ok {
			assert.Equal(t, []any{tt.tmpl, tt.v1, tt.v2}, []any{tmpl, v1, v2}, tt.name)
		}
	}
}

func isSpaceRune(r rune) bool { return unicode.IsSpace(r) }
