package quotes_test

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/pkg/gazetteer"
	"github.com/newsdesk/extractor/pkg/ner"
	"github.com/newsdesk/extractor/pkg/pipeline"
	"github.com/newsdesk/extractor/pkg/quotes"
)

// model and gz are loaded once for all tests of the package.
var (
	model = sync.OnceValue(func() *ner.Model {
		m, err := ner.NewModel(ner.Options{})
		if err != nil {
			panic(err)
		}
		return m
	})
	gz = sync.OnceValue(func() *gazetteer.Gazetteer {
		g, err := gazetteer.Load()
		if err != nil {
			panic(err)
		}
		return g
	})
)

// run extracts the quotes of text with the given actors.
func run(t testing.TB, text string, actors []events.Actor) []events.Quote {
	t.Helper()
	d := pipeline.NewDocument(events.Article{ID: "t", Body: text}, "test")
	d.NLP = model().Analyze(text)
	d.Out.Actors = actors
	require.NoError(t, quotes.New(gz(), quotes.Options{}).Process(context.Background(), d))
	return d.Out.Quotes
}

// actor builds an actor whose spans are every whole-word occurrence in
// text of each of its mentions.
func actor(text, name, kind, aff string, roles []string, mentions ...string) events.Actor {
	a := events.Actor{Name: name, Kind: kind, Affiliation: aff, Roles: roles, Aliases: []string{}}
	for _, m := range append([]string{name}, mentions...) {
		for off := 0; ; {
			k := strings.Index(text[off:], m)
			if k < 0 {
				break
			}
			s, e := off+k, off+k+len(m)
			if (s == 0 || !isWordByte(text[s-1])) && (e == len(text) || !isWordByte(text[e])) {
				a.Spans = append(a.Spans, events.Span{Start: s, End: e})
			}
			off = e
		}
		if m != name {
			a.Aliases = append(a.Aliases, m)
		}
	}
	return a
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// want is an expected quote. mention, when set, is the text of the speaker
// span.
type want struct {
	kind, text, speaker, cue, mention string
}

func TestQuotes(t *testing.T) {
	const (
		person = events.KindPerson
		org    = events.KindOrganization
		state  = events.KindState
		direct = events.QuoteDirect
		indir  = events.QuoteIndirect
	)
	type actorSpec struct {
		name, kind, aff string
		roles           []string
		mentions        []string
	}
	tests := []struct {
		name   string
		text   string
		actors []actorSpec
		want   []want
	}{
		{
			name:   "direct: quote, then X said",
			text:   `"We will respond with force," Hossein Amir-Abdollahian said.`,
			actors: []actorSpec{{name: "Hossein Amir-Abdollahian", kind: person, aff: "IR"}},
			want:   []want{{direct, "We will respond with force,", "Hossein Amir-Abdollahian", "said", "Hossein Amir-Abdollahian"}},
		},
		{
			name:   "direct: quote, then said X, a political analyst",
			text:   `"It is beneficial for Afghanistan that the region is peaceful," said Tariq Farhadi, a political analyst.`,
			actors: []actorSpec{{name: "Tariq Farhadi", kind: person}},
			want:   []want{{direct, "It is beneficial for Afghanistan that the region is peaceful,", "Tariq Farhadi", "said", "Tariq Farhadi"}},
		},
		{
			name:   "direct: X said: quote",
			text:   `Kofi Annan said: "No one should take the law into his or her own hands."`,
			actors: []actorSpec{{name: "Kofi Annan", kind: person}},
			want:   []want{{direct, "No one should take the law into his or her own hands.", "Kofi Annan", "said", "Kofi Annan"}},
		},
		{
			name:   "direct: X told reporters quote",
			text:   `Kofi Annan told reporters "we saw people pushed from their homes and their farms."`,
			actors: []actorSpec{{name: "Kofi Annan", kind: person}},
			want:   []want{{direct, "we saw people pushed from their homes and their farms.", "Kofi Annan", "told reporters", "Kofi Annan"}},
		},
		{
			name: "direct: the statement reads, after according to a statement from X",
			text: "According to a statement from Pakistan's Ministry of Foreign Affairs, Pakistan conducted strikes against hideouts of armed groups.\n" +
				"\u201cA number of terrorists were killed during the operation,\u201d the statement reads.",
			actors: []actorSpec{
				{name: "Ministry of Foreign Affairs", kind: org, aff: "PK"},
				{name: "Pakistan", kind: state, aff: "PK"},
			},
			want: []want{
				{indir, "Pakistan conducted strikes against hideouts of armed groups", "Ministry of Foreign Affairs", "According to", "Pakistan's Ministry of Foreign Affairs"},
				{direct, "A number of terrorists were killed during the operation,", "Ministry of Foreign Affairs", "reads", "the statement"},
			},
		},
		{
			name:   "direct: X wrote in a statement: quote",
			text:   `The Foreign Ministry's spokesman, Abdul Qahar Balkhi, wrote in a statement: "Both sides should resolve disputes through diplomatic channels."`,
			actors: []actorSpec{{name: "Abdul Qahar Balkhi", kind: person, roles: []string{"spokesman"}}, {name: "Foreign Ministry", kind: org}},
			want:   []want{{direct, "Both sides should resolve disputes through diplomatic channels.", "Abdul Qahar Balkhi", "wrote", "Abdul Qahar Balkhi"}},
		},
		{
			name:   "direct: attribution at the end of the previous paragraph",
			text:   "Nasser Kanaani said:\n\"We will not accept this decision under any circumstances.\"",
			actors: []actorSpec{{name: "Nasser Kanaani", kind: person}},
			want:   []want{{direct, "We will not accept this decision under any circumstances.", "Nasser Kanaani", "said", "Nasser Kanaani"}},
		},
		{
			name:   "direct: a quote continues the speaker of the previous paragraph",
			text:   "\"We are ready,\" Nasser Kanaani said.\n\"We will defend our territory with all the means we have.\"",
			actors: []actorSpec{{name: "Nasser Kanaani", kind: person}},
			want: []want{
				{direct, "We are ready,", "Nasser Kanaani", "said", "Nasser Kanaani"},
				{direct, "We will defend our territory with all the means we have.", "Nasser Kanaani", "said", "Nasser Kanaani"},
			},
		},
		{
			name:   "direct: a quote split by its attribution is two records",
			text:   `Nasser Kanaani spoke on Monday. "We will respond," he said, "with force and without any delay."`,
			actors: []actorSpec{{name: "Nasser Kanaani", kind: person}},
			want: []want{
				{direct, "We will respond,", "Nasser Kanaani", "said", "he"},
				{direct, "with force and without any delay.", "Nasser Kanaani", "said", "he"},
			},
		},
		{
			name:   "direct: the same quote printed twice is one record",
			text:   "\"Peace is possible in the region,\" Abdul Qahar Balkhi said.\nLater he repeated: \"Peace is possible in the region,\"",
			actors: []actorSpec{{name: "Abdul Qahar Balkhi", kind: person}},
			want:   []want{{direct, "Peace is possible in the region,", "Abdul Qahar Balkhi", "said", "Abdul Qahar Balkhi"}},
		},
		{
			name:   "direct: a quoted fragment after called on is the sentence speaker's",
			text:   `The Foreign Ministry in a statement said the violence is alarming, and called on both countries to "exercise restraint and seek dialogue."`,
			actors: []actorSpec{{name: "Foreign Ministry", kind: org}},
			want: []want{
				{indir, "the violence is alarming", "Foreign Ministry", "said", "The Foreign Ministry"},
				{direct, "exercise restraint and seek dialogue.", "Foreign Ministry", "said", "The Foreign Ministry"},
			},
		},
		{
			name: "direct: scare quotes are not quotes",
			text: `Pakistan conducted a so-called "operation" in the area, officials said.`,
			want: []want{{indir, `Pakistan conducted a so-called "operation" in the area`, "officials", "said", "officials"}},
		},
		{
			name:   "indirect: X said that C",
			text:   `China said that it is willing to mediate between Pakistan and Iran.`,
			actors: []actorSpec{{name: "China", kind: state, aff: "CN"}},
			want:   []want{{indir, "it is willing to mediate between Pakistan and Iran", "China", "said", "China"}},
		},
		{
			name:   "indirect: C, Pakistani authorities said",
			text:   `Pakistan used drones to strike militants inside Iran on Thursday, Pakistani authorities said.`,
			actors: []actorSpec{{name: "Pakistan", kind: state, aff: "PK"}},
			want:   []want{{indir, "Pakistan used drones to strike militants inside Iran on Thursday", "Pakistan", "said", "Pakistani authorities"}},
		},
		{
			name: "indirect: according to X, C",
			text: `According to international relations analysts, there is a possibility of a large-scale conflict in the region.`,
			want: []want{{indir, "there is a possibility of a large-scale conflict in the region", "international relations analysts", "According to", "international relations analysts"}},
		},
		{
			name: "indirect: C, according to X",
			text: `Nine people were killed in the attack on the village, according to Iranian media.`,
			want: []want{{indir, "Nine people were killed in the attack on the village", "Iranian media", "according to", "Iranian media"}},
		},
		{
			name:   "indirect: X told reporters C",
			text:   `Kofi Annan told reporters it is unacceptable that no one has been held accountable.`,
			actors: []actorSpec{{name: "Kofi Annan", kind: person}},
			want:   []want{{indir, "it is unacceptable that no one has been held accountable", "Kofi Annan", "told reporters", "Kofi Annan"}},
		},
		{
			name:   "indirect: X added that C",
			text:   `Nasser Kanaani added that the senior diplomat had been summoned to the ministry.`,
			actors: []actorSpec{{name: "Nasser Kanaani", kind: person}},
			want:   []want{{indir, "the senior diplomat had been summoned to the ministry", "Nasser Kanaani", "added", "Nasser Kanaani"}},
		},
		{
			name:   "indirect: X accused Y of C",
			text:   `Nur Hassan Hussein accused the president of trying to sabotage the peace efforts.`,
			actors: []actorSpec{{name: "Nur Hassan Hussein", kind: person}},
			want:   []want{{indir, "the president of trying to sabotage the peace efforts", "Nur Hassan Hussein", "accused", "Nur Hassan Hussein"}},
		},
		{
			name:   "indirect: C, title, X, said, adding that D",
			text:   `Iran strongly condemned the strikes, its foreign ministry spokesperson, Nasser Kanaani, said, adding that the envoy had been summoned.`,
			actors: []actorSpec{{name: "Nasser Kanaani", kind: person, aff: "IR"}, {name: "Iran", kind: state, aff: "IR"}},
			want: []want{
				{indir, "Iran strongly condemned the strikes", "Nasser Kanaani", "said", "Nasser Kanaani"},
				{indir, "the envoy had been summoned", "Nasser Kanaani", "adding", "Nasser Kanaani"},
			},
		},
		{
			name: "indirect: a clause ends where a perfect-tense attribution begins",
			text: `After police said the bridge collapsed during the storm, the mayor has announced the road will stay closed.`,
			want: []want{
				{indir, "the bridge collapsed during the storm", "police", "said", "police"},
				{indir, "the road will stay closed", "mayor", "announced", "the mayor"},
			},
		},
		{
			name:   "indirect: directives and appeals without a clause are not quotes",
			text:   `The UN urged both sides to show restraint. Iran condemned the attack and called for calm.`,
			actors: []actorSpec{{name: "United Nations", kind: org, mentions: []string{"UN"}}, {name: "Iran", kind: state, aff: "IR"}},
			want:   nil,
		},
		{
			name:   "speaker: a capital stands for its state",
			text:   `Two days earlier, Tehran said it had attacked the bases of another group.`,
			actors: []actorSpec{{name: "Iran", kind: state, aff: "IR"}},
			want:   []want{{indir, "it had attacked the bases of another group", "Iran", "said", "Tehran"}},
		},
		{
			name:   "speaker: he is the person named before",
			text:   `Nasser Kanaani spoke to reporters on Monday. He said the envoy had been summoned.`,
			actors: []actorSpec{{name: "Nasser Kanaani", kind: person}},
			want:   []want{{indir, "the envoy had been summoned", "Nasser Kanaani", "said", "He"}},
		},
		{
			name: "speaker: a title is the person with that role",
			text: "Hossein Amir-Abdollahian, Iran's foreign minister, visited Islamabad.\n" +
				"\"Pakistan is our neighbor and our friend,\" Iran's foreign minister said.",
			actors: []actorSpec{
				{name: "Hossein Amir-Abdollahian", kind: person, aff: "IR", roles: []string{"foreign minister"}},
				{name: "Iran", kind: state, aff: "IR"},
			},
			want: []want{{direct, "Pakistan is our neighbor and our friend,", "Hossein Amir-Abdollahian", "said", "Iran's foreign minister"}},
		},
		{
			name:   "speaker: an unnamed spokesman speaks for the organization",
			text:   `A UN spokesman said the aid convoy had been attacked near the border.`,
			actors: []actorSpec{{name: "United Nations", kind: org, mentions: []string{"UN"}}},
			want:   []want{{indir, "the aid convoy had been attacked near the border", "United Nations", "said", "A UN spokesman"}},
		},
		{
			name: "speaker: a description without an article",
			text: `A security source said seven foreign nationals were killed in the attack.`,
			want: []want{{indir, "seven foreign nationals were killed in the attack", "security source", "said", "A security source"}},
		},
		{
			name:   "speaker: described officials are their state",
			text:   `Iranian officials said the border crossing would remain open.`,
			actors: []actorSpec{{name: "Iran", kind: state, aff: "IR"}},
			want:   []want{{indir, "the border crossing would remain open", "Iran", "said", "Iranian officials"}},
		},
		{
			name:   "speaker: a quoting outlet, not its source",
			text:   `Iranian media outlets quoting a security source reported that seven people were killed.`,
			actors: []actorSpec{{name: "Iran", kind: state, aff: "IR"}},
			want:   []want{{indir, "seven people were killed", "Iranian media outlets", "reported", "Iranian media outlets"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var actors []events.Actor
			for _, a := range tt.actors {
				actors = append(actors, actor(tt.text, a.name, a.kind, a.aff, a.roles, a.mentions...))
			}
			got := run(t, tt.text, actors)
			require.Len(t, got, len(tt.want), "quotes: %s", dump(got))
			for i, w := range tt.want {
				q := got[i]
				assert.Equal(t, w.kind, q.Kind, "kind %d", i)
				assert.Equal(t, w.text, q.Text, "text %d", i)
				start := strings.Index(tt.text, w.text)
				assert.Equal(t, events.Span{Start: start, End: start + len(w.text)}, q.Span, "span of %q", w.text)
				assert.Equal(t, q.Text, tt.text[q.Span.Start:q.Span.End])
				assert.Equal(t, w.speaker, q.Speaker, "speaker of %q", w.text)
				assert.Equal(t, w.cue, q.Cue, "cue of %q", w.text)
				if assert.NotNil(t, q.CueSpan) {
					assert.Equal(t, q.Cue, tt.text[q.CueSpan.Start:q.CueSpan.End])
				}
				if w.mention != "" && assert.NotNil(t, q.SpeakerSpan, "speaker span of %q", w.text) {
					assert.Equal(t, w.mention, tt.text[q.SpeakerSpan.Start:q.SpeakerSpan.End])
				}
				assert.Greater(t, q.Confidence, 0.0)
				assert.LessOrEqual(t, q.Confidence, 1.0)
			}
		})
	}
}

func dump(qs []events.Quote) string {
	var b strings.Builder
	for _, q := range qs {
		b.WriteString("\n  " + q.Kind + " " + q.Speaker + " | " + q.Cue + " | " + q.Text)
	}
	return b.String()
}

// gold is the gold file of the seed article.
type gold struct {
	Actors []events.Actor `json:"actors"`
	Quotes []events.Quote `json:"quotes"`
}

func loadSeed(t testing.TB) (string, gold) {
	t.Helper()
	text, err := os.ReadFile("testdata/pakistan-iran.txt")
	require.NoError(t, err)
	raw, err := os.ReadFile("testdata/pakistan-iran.json")
	require.NoError(t, err)
	var g gold
	require.NoError(t, json.Unmarshal(raw, &g))
	return string(text), g
}

// seedActors builds the actors of the seed article by hand from its gold
// names, with a span at every mention of a name or alias.
func seedActors(text string, g gold) []events.Actor {
	var out []events.Actor
	for _, a := range g.Actors {
		out = append(out, actor(text, a.Name, a.Kind, a.Affiliation, a.Roles, a.Aliases...))
	}
	return out
}

func TestSeedArticle(t *testing.T) {
	text, g := loadSeed(t)
	got := run(t, text, seedActors(text, g))
	for _, w := range g.Quotes {
		t.Run(w.Kind+": "+w.Text[:min(40, len(w.Text))], func(t *testing.T) {
			var found *events.Quote
			for i := range got {
				if got[i].Kind == w.Kind && got[i].Text == w.Text {
					found = &got[i]
				}
			}
			require.NotNil(t, found, "missing; got: %s", dump(got))
			assert.Equal(t, w.Speaker, found.Speaker)
			assert.Equal(t, w.Text, text[found.Span.Start:found.Span.End])
		})
	}
	assert.Len(t, got, len(g.Quotes), "quotes: %s", dump(got))
}

// TestSeedArticleWithoutActors checks the fallbacks: with no actors the
// speakers are still the names and descriptions the text gives.
func TestSeedArticleWithoutActors(t *testing.T) {
	text, _ := loadSeed(t)
	got := run(t, text, nil)
	speakers := map[string]string{}
	for _, q := range got {
		speakers[q.Text[:min(30, len(q.Text))]] = q.Speaker
	}
	assert.Equal(t, "Pakistan", speakers["Pakistan used killer drones an"])
	assert.Equal(t, "Iran", speakers["it had attacked the bases of a"])
	assert.Equal(t, "Ministry of Foreign Affairs", speakers["Pakistan conducted what it cal"])
	assert.Equal(t, "Ministry of Foreign Affairs", speakers["This morning Pakistan undertoo"])
	assert.Equal(t, "Hossein Amir-Abdollahian", speakers["Pakistan is our neighbor, frie"])
	assert.Equal(t, "Tariq Farhadi", speakers["It is beneficial for Afghanist"])
}

func TestNoNLP(t *testing.T) {
	d := pipeline.NewDocument(events.Article{ID: "t", Body: "x"}, "test")
	require.NoError(t, quotes.New(nil, quotes.Options{}).Process(context.Background(), d))
	assert.Empty(t, d.Out.Quotes)
	assert.NotEmpty(t, d.Out.Problems)
}

func TestSpansCoverText(t *testing.T) {
	// Odd inputs: unbalanced and nested marks, quotes with no attribution.
	for _, text := range []string{
		"He said \"we will fight.\nShe said nothing.",
		"\u201c\u201d \" \" '' \u2018\u2019",
		"\"A \"B\" C,\" he said, \"D.\"",
		"said said said, said \"x y z w\" said",
		"According to , said that , \"",
	} {
		for _, q := range run(t, text, nil) {
			require.True(t, q.Span.Start >= 0 && q.Span.End <= len(text) && q.Span.Start < q.Span.End, "%+v", q)
			assert.Equal(t, q.Text, text[q.Span.Start:q.Span.End])
		}
	}
}

// FuzzQuotes checks the stage on any text: it never panics; every quote's
// span lies inside the text and Text == text[Span]; cue and speaker spans
// lie inside the text.
func FuzzQuotes(f *testing.F) {
	text, _ := loadSeed(f)
	for _, s := range []string{
		text[:600],
		"\"We will respond,\" he said, \"with force.\" According to X, Y said that Z.",
		"said, said: \"\" according to , adding that",
		"\u201cA\n\u201cB,\u201d she said. It said they told reporters it was.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		for _, q := range run(t, text, []events.Actor{actor(text, "X", events.KindPerson, "", nil)}) {
			if q.Span.Start < 0 || q.Span.End > len(text) || q.Span.Start >= q.Span.End || q.Text != text[q.Span.Start:q.Span.End] {
				t.Fatalf("bad span %+v in %q", q, text)
			}
			for _, sp := range []*events.Span{q.CueSpan, q.SpeakerSpan} {
				if sp != nil && (sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End) {
					t.Fatalf("bad span %+v in %q", sp, text)
				}
			}
		}
	})
}

func BenchmarkQuotes(b *testing.B) {
	text, g := loadSeed(b)
	nlp := model().Analyze(text)
	actors := seedActors(text, g)
	st := quotes.New(gz(), quotes.Options{})
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		d := pipeline.NewDocument(events.Article{ID: "seed", Body: text}, "bench")
		d.NLP = nlp
		d.Out.Actors = actors
		if err := st.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
}
