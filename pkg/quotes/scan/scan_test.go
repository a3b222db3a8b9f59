package scan_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsdesk/extractor/pkg/quotes/scan"
)

// want is an expected quotation: its text, and where it starts when the
// text occurs more than once (-1: at its first occurrence).
type want struct {
	text   string
	closed bool
	scare  bool
	mark   scan.Mark
}

func TestScan(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []want
	}{
		{"straight double", `He said "we will respond" today.`,
			[]want{{text: "we will respond", closed: true, mark: scan.Double}}},
		{"curly double", "\u201cWe will respond,\u201d he said.",
			[]want{{text: "We will respond,", closed: true, mark: scan.Double}}},
		{"straight opening closed by a curly mark", "\"Pakistan is our neighbor, it was not the target,\u201d Iran's foreign minister said.",
			[]want{{text: "Pakistan is our neighbor, it was not the target,", closed: true, mark: scan.Double}}},
		{"curly mark the wrong way round", "\u201dWe are ready,\u201d he said.",
			[]want{{text: "We are ready,", closed: true, mark: scan.Double}}},
		{"single curly marks", "The minister said \u2018we will not back down\u2019 on Monday.",
			[]want{{text: "we will not back down", closed: true, mark: scan.Single}}},
		{"single straight marks", "He called it 'a dark day for all of us' in his speech.",
			[]want{{text: "a dark day for all of us", closed: true, mark: scan.Single}}},
		{"split by its attribution", `"We will respond," he said, "with force."`,
			[]want{{text: "We will respond,", closed: true, mark: scan.Double}, {text: "with force.", closed: true, mark: scan.Double}}},
		{"quote inside a quote is part of it", "\u201cHe told me, \u2018If you do not move we will burn you.\u2019 Then they left,\u201d he said.",
			[]want{{text: "He told me, \u2018If you do not move we will burn you.\u2019 Then they left,", closed: true, mark: scan.Double}}},
		{"double inside single", "She wrote: \u2018The sign said \u201cno entry\u201d all week long.\u2019",
			[]want{{text: "The sign said \u201cno entry\u201d all week long.", closed: true, mark: scan.Single}}},
		{"nested straight doubles", `"He said "no" to the plan twice," she said.`,
			[]want{{text: `He said "no" to the plan twice,`, closed: true, mark: scan.Double}}},
		{"apostrophes are not marks", "Iran's drones and Pakistan\u2019s officials don't agree; the workers' union said rock \u2019n\u2019 roll of the \u201990s and '80s is back.",
			nil},
		{"apostrophes inside a quote", "\"Iran's and Pakistan\u2019s leaders don't meet,\" he said.",
			[]want{{text: "Iran's and Pakistan\u2019s leaders don't meet,", closed: true, mark: scan.Double}}},
		{"plural possessive inside single marks", "He said 'the workers' rights matter most' at the rally.",
			[]want{{text: "the workers' rights matter most", closed: true, mark: scan.Single}}},
		{"unbalanced mark recovers at paragraph end", "He said \"we will fight until the end.\nThe next paragraph has \"a real quote\" in it.",
			[]want{{text: "we will fight until the end.", closed: false, mark: scan.Double}, {text: "a real quote", closed: true, scare: true, mark: scan.Double}}},
		{"unclosed quote before a new one", `"We will fight, he said. "They will lose," he added.`,
			[]want{{text: "We will fight, he said.", closed: false, mark: scan.Double}, {text: "They will lose,", closed: true, mark: scan.Double}}},
		{"multi-paragraph quote", "\u201cThe first part goes on.\n\u201cThe second part ends here,\u201d he said.",
			[]want{{text: "The first part goes on.\n\u201cThe second part ends here,", closed: true, mark: scan.Double}}},
		{"unclosed single mark is an apostrophe", "The 'cause was lost, and 'twas said so.", nil},
		{"scare quotes after so-called", `It was a so-called "operation" against hideouts.`,
			[]want{{text: "operation", closed: true, scare: true, mark: scan.Double}}},
		{"scare quotes around a short term", `Pakistan conducted what it called an "intelligence-based operation" against hideouts.`,
			[]want{{text: "intelligence-based operation", closed: true, scare: true, mark: scan.Double}}},
		{"title in quotes", `The film "Harry Potter and the Deathly Hallows" opened in cinemas.`,
			[]want{{text: "Harry Potter and the Deathly Hallows", closed: true, scare: true, mark: scan.Double}}},
		{"short speech is not a scare quote", `He said the attack was "appalling" and left.`,
			[]want{{text: "appalling", closed: true, scare: false, mark: scan.Double}}},
		{"empty quotes are dropped", `He said "" and "  " twice.`, nil},
		{"stray closing mark", "nothing\u201d to see here", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scan.Scan(tt.in)
			require.Len(t, got, len(tt.want), "quotes: %+v", got)
			from := 0
			for i, w := range tt.want {
				q := got[i]
				start := strings.Index(tt.in[from:], w.text)
				require.GreaterOrEqual(t, start, 0, "text %q not in input", w.text)
				start += from
				assert.Equal(t, w.text, q.Text)
				assert.Equal(t, start, q.Start, "start of %q", w.text)
				assert.Equal(t, start+len(w.text), q.End, "end of %q", w.text)
				assert.Equal(t, w.closed, q.Closed, "closed %q", w.text)
				assert.Equal(t, w.scare, q.Scare, "scare %q", w.text)
				assert.Equal(t, w.mark, q.Mark, "mark %q", w.text)
				if w.closed {
					_, n := utf8.DecodeRuneInString(tt.in[q.End:])
					assert.Equal(t, q.End+n, q.Close)
				} else {
					assert.Equal(t, q.End, q.Close)
				}
				_, n := utf8.DecodeLastRuneInString(tt.in[:q.Start])
				assert.Equal(t, q.Start-n, q.Open)
				from = q.End
			}
		})
	}
}

func TestScanParts(t *testing.T) {
	in := "\u201cFirst paragraph.\n\n\u201cSecond paragraph.\n\u201cThird,\u201d he said."
	got := scan.Scan(in)
	require.Len(t, got, 1)
	q := got[0]
	require.Len(t, q.Parts, 3)
	var parts []string
	for _, p := range q.Parts {
		parts = append(parts, in[p.Start:p.End])
	}
	assert.Equal(t, []string{"First paragraph.", "Second paragraph.", "Third,"}, parts)
	assert.Equal(t, 3, q.Start)
	assert.Equal(t, "First paragraph.\n\n\u201cSecond paragraph.\n\u201cThird,", q.Text)
	assert.True(t, q.Closed)
	assert.Equal(t, 5, q.Words())
}

func TestScanMultiParagraphUnclosedAtEnd(t *testing.T) {
	in := "\"One goes on.\n\"Two goes on too."
	got := scan.Scan(in)
	require.Len(t, got, 1)
	assert.False(t, got[0].Closed)
	assert.Equal(t, "One goes on.\n\"Two goes on too.", got[0].Text)
	assert.Equal(t, len(in), got[0].End)
}

func TestScanNoReopenEndsQuote(t *testing.T) {
	in := "\"One goes on.\nA new paragraph without marks.\n\"Next,\" she said."
	got := scan.Scan(in)
	require.Len(t, got, 2)
	assert.Equal(t, "One goes on.", got[0].Text)
	assert.False(t, got[0].Closed)
	assert.Equal(t, "Next,", got[1].Text)
	assert.True(t, got[1].Closed)
}

func ExampleScan() {
	text := "\u201cWe will respond,\u201d he said, \"with force.\" It was a so-called \"operation\"."
	for _, q := range scan.Scan(text) {
		fmt.Printf("[%d,%d) %q scare=%v\n", q.Start, q.End, q.Text, q.Scare)
	}
	// Output:
	// [3,19) "We will respond," scare=false
	// [33,44) "with force." scare=false
	// [66,75) "operation" scare=true
}

// FuzzScan checks the invariants of Scan: it never panics; every quotation
// lies inside the text (0 <= Open <= Start <= End <= Close <= len); spans
// never overlap (Close <= next Open); Text == text[Start:End]; every Part
// lies inside [Start, End).
func FuzzScan(f *testing.F) {
	for _, s := range []string{
		"\u201cWe will respond,\u201d he said, \"with force.\"",
		"\"a\n\"b\"\n\"c",
		"'n' rock \u2019n\u2019 roll '90s \u2018x\u2019",
		"\"\"\"\"''''\u201c\u201d\u2018\u2019",
		"He said \"we \u2018will\u2019 fight.\n\u201cAgain,\u201d",
		"\xff\"\xfe\u201c",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := scan.Scan(text)
		prev := 0
		for _, q := range got {
			if !(0 <= q.Open && q.Open <= q.Start && q.Start <= q.End && q.End <= q.Close && q.Close <= len(text)) {
				t.Fatalf("bad offsets %+v in %q", q, text)
			}
			if q.Open < prev {
				t.Fatalf("overlap at %d (prev end %d) in %q", q.Open, prev, text)
			}
			prev = q.Close
			if q.Text != text[q.Start:q.End] {
				t.Fatalf("text %q != %q", q.Text, text[q.Start:q.End])
			}
			for _, p := range q.Parts {
				if p.Start < q.Start || p.End > q.End || p.Start > p.End {
					t.Fatalf("part %+v outside %+v", p, q)
				}
			}
		}
	})
}
