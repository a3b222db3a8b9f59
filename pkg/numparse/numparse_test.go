package numparse

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	type want struct {
		value, max, est *int
		qual            string
		span            string // text[Start:End]
	}
	n := intp
	tests := []struct {
		name string
		in   string
		want *want // nil: no number
	}{
		{"plain digits", "350 people", &want{n(350), nil, nil, Exact, "350"}},
		{"thousands separator", "1,200 people", &want{n(1200), nil, nil, Exact, "1,200"}},
		{"two separators", "2,500,000 displaced", &want{n(2500000), nil, nil, Exact, "2,500,000"}},
		{"decimal with scale", "1.2 million people", &want{n(1200000), nil, nil, Exact, "1.2 million"}},
		{"digits with scale", "20 thousand refugees", &want{n(20000), nil, nil, Exact, "20 thousand"}},
		{"digits before hyphen", "25-man crew", &want{n(25), nil, nil, Exact, "25"}},
		{"sentence end", "reached 48.", nil},
		{"word", "nine people", &want{n(9), nil, nil, Exact, "nine"}},
		{"capital word", "Thirteen soldiers", &want{n(13), nil, nil, Exact, "Thirteen"}},
		{"hyphenated", "twenty-five wounded", &want{n(25), nil, nil, Exact, "twenty-five"}},
		{"spaced tens", "twenty six police officers", &want{n(26), nil, nil, Exact, "twenty six"}},
		{"hundred and", "one hundred and twelve people", &want{n(112), nil, nil, Exact, "one hundred and twelve"}},
		{"hundred and no number", "one hundred and many more", &want{n(100), nil, nil, Exact, "one hundred"}},
		{"thousand hundred", "two thousand five hundred", &want{n(2500), nil, nil, Exact, "two thousand five hundred"}},
		{"words with scale", "thirty thousand people", &want{n(30000), nil, nil, Exact, "thirty thousand"}},
		{"a dozen", "a dozen soldiers", &want{n(12), nil, nil, Exact, "a dozen"}},
		{"half a dozen", "half a dozen", &want{n(6), nil, nil, Exact, "half a dozen"}},
		{"a thousand", "a thousand people", &want{n(1000), nil, nil, Exact, "a thousand"}},
		{"a million", "a million were displaced", &want{n(1000000), nil, nil, Exact, "a million"}},
		{"a couple of", "a couple of men", &want{n(2), nil, nil, Exact, "a couple of"}},
		{"hyphen range", "10-15 people", &want{n(10), n(15), nil, Range, "10-15"}},
		{"en dash range", "10–15 people", &want{n(10), n(15), nil, Range, "10–15"}},
		{"between range", "between 10 and 15 people", &want{n(10), n(15), nil, Range, "between 10 and 15"}},
		{"anywhere between", "anywhere between 100 and 1,300 people", &want{n(100), n(1300), nil, Range, "anywhere between 100 and 1,300"}},
		{"to range", "10 to 15 people", &want{n(10), n(15), nil, Range, "10 to 15"}},
		{"or range", "10 or 15 people", &want{n(10), n(15), nil, Range, "10 or 15"}},
		{"qualified range", "around 40 to 50 people", &want{n(40), n(50), nil, Range, "around 40 to 50"}},
		{"falling range is no range", "2012-13 season", &want{n(2012), nil, nil, Exact, "2012"}},
		{"at least", "at least nine people", &want{n(9), nil, nil, AtLeast, "at least nine"}},
		{"no fewer than", "no fewer than 20", &want{n(20), nil, nil, AtLeast, "no fewer than 20"}},
		{"or more", "107 or more", &want{n(107), nil, nil, AtLeast, "107 or more"}},
		{"qualified or even more", "up to 150 or even more murders", &want{n(150), nil, nil, UpTo, "up to 150 or even more"}},
		{"more than", "more than 500 people", &want{n(500), nil, nil, MoreThan, "more than 500"}},
		{"more than a dozen", "more than a dozen", &want{n(12), nil, nil, MoreThan, "more than a dozen"}},
		{"over", "Over 500 were hurt", &want{n(500), nil, nil, MoreThan, "Over 500"}},
		{"over words", "over thirty thousand people", &want{n(30000), nil, nil, MoreThan, "over thirty thousand"}},
		{"plus", "100-plus", &want{n(100), nil, nil, MoreThan, "100-plus"}},
		{"up to", "up to nine collateral deaths", &want{n(9), nil, nil, UpTo, "up to nine"}},
		{"as many as", "as many as 40", &want{n(40), nil, nil, UpTo, "as many as 40"}},
		{"nearly", "nearly 1,300 Palestinians", &want{n(1300), nil, nil, UpTo, "nearly 1,300"}},
		{"almost", "Almost 1.5 million", &want{n(1500000), nil, nil, UpTo, "Almost 1.5 million"}},
		{"fewer than", "fewer than 10", &want{n(10), nil, nil, UpTo, "fewer than 10"}},
		{"under", "Under one hundred arrests", &want{n(100), nil, nil, UpTo, "Under one hundred"}},
		{"about", "about a thousand people", &want{n(1000), nil, nil, About, "about a thousand"}},
		{"around", "around 100 deaths", &want{n(100), nil, nil, About, "around 100"}},
		{"some", "some 2.5 million others", &want{n(2500000), nil, nil, About, "some 2.5 million"}},
		{"approximately", "approximately 30", &want{n(30), nil, nil, About, "approximately 30"}},
		{"roughly", "roughly 30", &want{n(30), nil, nil, About, "roughly 30"}},
		{"an estimated", "an estimated 250 crew members", &want{n(250), nil, nil, About, "an estimated 250"}},
		{"or so", "40 or so", &want{n(40), nil, nil, About, "40 or so"}},
		{"dozens", "dozens of civilians", &want{nil, nil, n(12), Vague, "dozens"}},
		{"hundreds", "hundreds have been wounded", &want{nil, nil, n(100), Vague, "hundreds"}},
		{"thousands", "Thousands are seeking shelter", &want{nil, nil, n(1000), Vague, "Thousands"}},
		{"tens of thousands", "tens of thousands of Kikuyus", &want{nil, nil, n(10000), Vague, "tens of thousands"}},
		{"hundreds of thousands", "hundreds of thousands of displaced", &want{nil, nil, n(100000), Vague, "hundreds of thousands"}},
		{"several", "several guards", &want{nil, nil, n(10), Vague, "several"}},
		{"several dozen", "several dozen more", &want{nil, nil, n(12), Vague, "several dozen"}},
		{"many", "many lives", &want{nil, nil, n(10), Vague, "many"}},
		{"a number of", "A number of terrorists", &want{nil, nil, n(10), Vague, "A number of"}},
		{"scores", "scores of people", &want{nil, nil, n(20), Vague, "scores"}},
		{"a few", "a few people", &want{nil, nil, n(3), Vague, "a few"}},
		{"several hundred thousand", "several hundred thousand were displaced", &want{nil, nil, n(100000), Vague, "several hundred thousand"}},
		{"a few hundred", "a few hundred people", &want{nil, nil, n(100), Vague, "a few hundred"}},
		{"two dozen", "more than two dozen people", &want{n(24), nil, nil, MoreThan, "more than two dozen"}},
		{"and a half", "a million and a half Armenians", &want{n(1500000), nil, nil, Exact, "a million and a half"}},
		{"as high as", "as high as 1.5 million", &want{n(1500000), nil, nil, UpTo, "as high as 1.5 million"}},
		{"qualified vague", "more than dozens", &want{nil, nil, n(12), Vague, "more than dozens"}},
		{"qualifier alone", "at least the", nil},
		{"no number", "people died", nil},
		{"decimal is no count", "7.7 quake", nil},
		{"time", "4:30AM", nil},
		{"date", "9/11", nil},
		{"ordinal", "20th", nil},
		{"glued letters", "1990s", nil},
		{"malformed group", "1,20 people", nil},
		{"a alone", "a soldier", nil},
		{"huge", "99999999999999999999", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Parse(tt.in, 0)
			if tt.want == nil {
				assert.False(t, ok, "parsed %q as %q", tt.in, tt.in[got.Start:got.End])
				return
			}
			require.True(t, ok)
			assert.Equal(t, tt.want.span, tt.in[got.Start:got.End])
			assert.Equal(t, 0, got.Start)
			assert.Equal(t, tt.want.value, got.Value)
			assert.Equal(t, tt.want.max, got.Max)
			assert.Equal(t, tt.want.est, got.Estimate)
			assert.Equal(t, tt.want.qual, got.Qualifier)
		})
	}
}

func TestParseOptsNoRange(t *testing.T) {
	in := "from four to eleven"
	got, ok := ParseOpts(in, 5, Options{NoRange: true})
	require.True(t, ok)
	assert.Equal(t, 4, *got.Value)
	assert.Nil(t, got.Max)
	assert.Equal(t, "four", in[got.Start:got.End])
	got, ok = ParseOpts(in, 13, Options{NoRange: true})
	require.True(t, ok)
	assert.Equal(t, 11, *got.Value)
	assert.Equal(t, "eleven", in[got.Start:got.End])
}

func TestFind(t *testing.T) {
	in := "The blast killed at least 12 people and wounded 30, police said on 4:30 Friday; 1.5 more."
	got := Find(in)
	require.Len(t, got, 2)
	assert.Equal(t, "at least 12", in[got[0].Start:got[0].End])
	assert.Equal(t, 17, got[0].Start)
	assert.Equal(t, 26, got[0].NumStart)
	assert.Equal(t, AtLeast, got[0].Qualifier)
	assert.Equal(t, "30", in[got[1].Start:got[1].End])
	assert.Equal(t, 48, got[1].Start)
}

func ExampleFind() {
	text := "Officials said between 10 and 15 people died and dozens were hurt."
	for _, n := range Find(text) {
		fmt.Printf("%q %s", text[n.Start:n.End], n.Qualifier)
		if n.Value != nil {
			fmt.Printf(" %d", *n.Value)
		}
		if n.Max != nil {
			fmt.Printf("-%d", *n.Max)
		}
		if n.Estimate != nil {
			fmt.Printf(" ~%d", *n.Estimate)
		}
		fmt.Println()
	}
	// Output:
	// "between 10 and 15" range 10-15
	// "dozens" vague ~12
}

// FuzzParse checks the parser invariants: it never panics; every reported
// span lies inside the input and starts where parsing started; parsing the
// span alone gives the same quantity over the whole span; CanStart is true
// wherever Parse succeeds.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"at least nine people", "1,200", "1.2 million", "between 10 and 15", "10-15", "twenty-five",
		"one hundred and twelve", "a dozen", "tens of thousands", "107 or more", "around 40 to 50",
		"4:30", "9/11", "approx. 30", "two thousand five hundred", "100-plus", "99999999999999",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, n := range Find(s) {
			if n.Start < 0 || n.Start > n.NumStart || n.NumStart > n.End || n.End > len(s) {
				t.Fatalf("span %d-%d-%d outside %q", n.Start, n.NumStart, n.End, s)
			}
			again, ok := Parse(s[n.Start:n.End], 0)
			if !ok {
				t.Fatalf("span %q of %q does not parse alone", s[n.Start:n.End], s)
			}
			if !again.Equal(n) || again.End != n.End-n.Start {
				t.Fatalf("span %q of %q parses to %+v alone, %+v in context", s[n.Start:n.End], s, again, n)
			}
		}
		for i := range len(s) {
			n, ok := Parse(s, i)
			if ok && (n.Start != i || n.End > len(s) || n.End <= n.Start) {
				t.Fatalf("Parse(%q, %d) gave span %d-%d", s, i, n.Start, n.End)
			}
			if ok && !CanStart(s, i) {
				t.Fatalf("CanStart(%q, %d) is false but Parse succeeds", s, i)
			}
			if ok && !isDigit(s[i]) {
				if w, _ := (parser{s: s}).word(i); !Opener(w) {
					t.Fatalf("Parse(%q, %d) starts with %q, no opener", s, i, w)
				}
			}
		}
	})
}

func TestCanStart(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"digits", "350 people", true},
		{"number word", "Twenty-five soldiers", true},
		{"qualifier", "at least nine", true},
		{"vague word", "dozens of", true},
		{"plain word", "soldiers were", false},
		{"opener", "a", true},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, CanStart(tt.in, 0))
			if !tt.want {
				_, ok := Parse(tt.in, 0)
				assert.False(t, ok, "Parse must agree")
			}
		})
	}
}
