package actors

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
	"github.com/newsdesk/extractor/pkg/lexicon"
	"github.com/newsdesk/extractor/pkg/ner"
	"github.com/newsdesk/extractor/pkg/pipeline"
)

var (
	setupOnce sync.Once
	testStage *Actors
	testModel *ner.Model
)

// stage returns the stage with the real embedded gazetteer and lexicon and
// the NLP model, built once for all tests.
func stage(t testing.TB) (*Actors, *ner.Model) {
	t.Helper()
	setupOnce.Do(func() {
		gz, err := gazetteer.Load()
		require.NoError(t, err)
		lex, err := lexicon.Load()
		require.NoError(t, err)
		testStage = New(gz, lex, Options{})
		testModel, err = ner.NewModel(ner.Options{})
		require.NoError(t, err)
	})
	return testStage, testModel
}

// run extracts the actors of text.
func run(t testing.TB, text string) []events.Actor {
	t.Helper()
	s, m := stage(t)
	d := pipeline.NewDocument(events.Article{ID: "test", Body: text}, "test")
	d.NLP = m.Analyze(text)
	require.NoError(t, s.Process(context.Background(), d))
	return d.Out.Actors
}

// find returns the actor with the given name.
func find(t *testing.T, as []events.Actor, name string) events.Actor {
	t.Helper()
	for _, a := range as {
		if a.Name == name {
			return a
		}
	}
	var names []string
	for _, a := range as {
		names = append(names, a.Kind+":"+a.Name)
	}
	require.Failf(t, "actor not found", "%q not among %q", name, names)
	return events.Actor{}
}

// has reports whether an actor with the given name (or alias) exists.
func has(as []events.Actor, name string) bool {
	for _, a := range as {
		if a.Name == name {
			return true
		}
		for _, al := range a.Aliases {
			if al == name {
				return true
			}
		}
	}
	return false
}

// inOrder returns the spans of the texts ss, each searched after the end
// of the one before.
func inOrder(t *testing.T, text string, ss []string) []events.Span {
	t.Helper()
	var out []events.Span
	off := 0
	for _, s := range ss {
		k := strings.Index(text[off:], s)
		require.GreaterOrEqual(t, k, 0, "%q after %d", s, off)
		out = append(out, events.Span{Start: off + k, End: off + k + len(s)})
		off += k + len(s)
	}
	return out
}

func TestPersons(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		actor    string
		aliases  []string
		roles    []string
		aff      string
		mentions []string // texts of the mentions, in order (first occurrences)
	}{
		{
			name:     "hyphenated name with apposition before",
			text:     "Meanwhile, Iran's foreign minister, Hossein Amir-Abdollahian, said that the goal was to target the group.",
			actor:    "Hossein Amir-Abdollahian",
			aliases:  []string{},
			roles:    []string{"foreign minister"},
			aff:      "IR",
			mentions: []string{"Hossein Amir-Abdollahian"},
		},
		{
			name:     "role after the name without affiliation",
			text:     "\"It is beneficial for the region,\" said Tariq Farhadi, a political analyst.",
			actor:    "Tariq Farhadi",
			aliases:  []string{},
			roles:    []string{"political analyst"},
			mentions: []string{"Tariq Farhadi"},
		},
		{
			name:     "pronoun possessor gives the affiliation",
			text:     "Iran strongly condemned the strikes, its foreign ministry spokesperson, Nasser Kanaani, said.",
			actor:    "Nasser Kanaani",
			aliases:  []string{},
			roles:    []string{"foreign ministry spokesperson"},
			aff:      "IR",
			mentions: []string{"Nasser Kanaani"},
		},
		{
			name:     "title before the name and a surname later",
			text:     "Prime Minister Nouri al-Maliki has been in Basra since Monday. \"They will face penalties,\" Maliki said.",
			actor:    "Nouri al-Maliki",
			aliases:  []string{"Prime Minister Nouri al-Maliki", "Maliki"},
			roles:    []string{"prime minister"},
			mentions: []string{"Nouri al-Maliki", "Maliki"},
		},
		{
			name:     "demonym in the title gives the affiliation",
			text:     "Iraqi Prime Minister Nouri Maliki visited the city on Sunday.",
			actor:    "Nouri Maliki",
			aliases:  []string{"Prime Minister Nouri Maliki"},
			roles:    []string{"prime minister"},
			aff:      "IQ",
			mentions: []string{"Nouri Maliki"},
		},
		{
			name:     "Mr. with a surname joins the full name",
			text:     "Kofi Annan arrived in Nairobi on Tuesday. Mr. Annan met both leaders.",
			actor:    "Kofi Annan",
			aliases:  []string{"Annan", "Mr. Annan"},
			roles:    []string{},
			mentions: []string{"Kofi Annan", "Annan"},
		},
		{
			name:     "hyphenated given name and organization possessor",
			text:     "The United Nations said on Friday that its secretary-general, Ban Ki-moon, would visit the region.",
			actor:    "Ban Ki-moon",
			aliases:  []string{},
			roles:    []string{"secretary-general"},
			aff:      "United Nations",
			mentions: []string{"Ban Ki-moon"},
		},
		{
			name:     "three-word name with a government body possessor",
			text:     "The Foreign Ministry of the Islamic Emirate of Afghanistan said the violence is alarming. The Foreign Ministry's spokesman, Abdul Qahar Balkhi, wrote in the statement that both sides should show restraint.",
			actor:    "Abdul Qahar Balkhi",
			aliases:  []string{},
			roles:    []string{"spokesman"},
			aff:      "AF",
			mentions: []string{"Abdul Qahar Balkhi"},
		},
		{
			name:     "coordinated roles with a country object",
			text:     "The Iranian ambassador and special representative to Afghanistan, Hassan Kazemi Qomi, visited Pakistan.",
			actor:    "Hassan Kazemi Qomi",
			aliases:  []string{},
			roles:    []string{"ambassador", "special representative to afghanistan"},
			aff:      "IR",
			mentions: []string{"Hassan Kazemi Qomi"},
		},
		{
			name:     "role noun before the name and of-organization",
			text:     "According to Shia cleric Muqtada al-Sadr, the ceasefire holds. Corinne Dufka of Human Rights Watch said the inquiry was welcome.",
			actor:    "Corinne Dufka",
			aliases:  []string{},
			roles:    []string{},
			aff:      "Human Rights Watch",
			mentions: []string{"Corinne Dufka"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			as := run(t, tc.text)
			a := find(t, as, tc.actor)
			assert.Equal(t, events.KindPerson, a.Kind)
			assert.ElementsMatch(t, tc.aliases, a.Aliases)
			assert.Equal(t, tc.roles, a.Roles)
			if tc.aff != "" {
				assert.Equal(t, tc.aff, a.Affiliation)
			}
			assert.Equal(t, inOrder(t, tc.text, tc.mentions), a.Spans)
			assert.Greater(t, a.Confidence, 0.0)
		})
	}
}

func TestOrganizations(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		actor   string
		aliases []string
		aff     string
		spans   []string
	}{
		{
			name:  "ministry with a possessive country",
			text:  "According to a statement from Pakistan's Ministry of Foreign Affairs, Pakistan conducted an operation.",
			actor: "Ministry of Foreign Affairs",
			aff:   "PK",
			spans: []string{"Ministry of Foreign Affairs"},
		},
		{
			name:    "ministry of a long country name and a short form later",
			text:    "In the meantime, the Foreign Ministry of the Islamic Emirate of Afghanistan in a statement said the violence is alarming. The Foreign Ministry's spokesman, Abdul Qahar Balkhi, wrote in the statement.",
			actor:   "Foreign Ministry of the Islamic Emirate of Afghanistan",
			aliases: []string{"Foreign Ministry"},
			aff:     "AF",
			spans:   []string{"Foreign Ministry of the Islamic Emirate of Afghanistan", "Foreign Ministry"},
		},
		{
			name:  "armed group from the lexicon",
			text:  "Their goal was to target the Jaish al-Adl group, which has taken refuge in Pakistan.",
			actor: "Jaish al-Adl",
			aff:   "IR",
			spans: []string{"Jaish al-Adl"},
		},
		{
			name:    "armed group written two ways",
			text:    "Al-Shabaab fighters attacked the base. A spokesman for al-Shabaab said the group would fight on.",
			actor:   "Al-Shabaab",
			aliases: []string{},
			aff:     "SO",
			spans:   []string{"Al-Shabaab", "al-Shabaab"},
		},
		{
			name:    "acronym in brackets joins the full name",
			text:    "Two aid workers of a United Nations (UN) project were kidnapped. The UN said it was seeking their release.",
			actor:   "United Nations",
			aliases: []string{"UN"},
			spans:   []string{"United Nations", "UN", "UN"},
		},
		{
			name:  "news agency",
			text:  "\"We will respond,\" the official told Reuters on Monday.",
			actor: "Reuters",
			spans: []string{"Reuters"},
		},
		{
			name:  "party by its head word",
			text:  "Lee Cheuk-yan of the Labour Party was defeated in the constituency.",
			actor: "Labour Party",
			spans: []string{"Labour Party"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			as := run(t, tc.text)
			a := find(t, as, tc.actor)
			assert.Equal(t, events.KindOrganization, a.Kind)
			if tc.aliases == nil {
				tc.aliases = []string{}
			}
			assert.ElementsMatch(t, tc.aliases, a.Aliases)
			if tc.aff != "" {
				assert.Equal(t, tc.aff, a.Affiliation)
			}
			assert.Equal(t, inOrder(t, tc.text, tc.spans), a.Spans)
		})
	}
}

func TestStates(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		state   string // "" when no state is expected
		code    string
		aliases []string
		spans   []string // first occurrences, in order
		not     []string // states that must not be there
	}{
		{
			name:    "capital that speaks",
			text:    "Two days after Tehran said it had attacked the bases of another group, Iran summoned the envoy.",
			state:   "Iran",
			code:    "IR",
			aliases: []string{"Tehran"},
			spans:   []string{"Tehran", "Iran"},
		},
		{
			name:  "demonym with a governing noun",
			text:  "Militants were struck inside Iran on Thursday, Pakistani authorities said.",
			state: "Pakistan",
			code:  "PK",
			spans: []string{"Pakistani authorities"},
			not:   []string{"Iran"},
		},
		{
			name:  "country that acts",
			text:  "China said it is willing to mediate between Pakistan and Iran.",
			state: "China",
			code:  "CN",
			spans: []string{"China"},
			not:   []string{"Pakistan", "Iran"},
		},
		{
			name: "country only as a place",
			text: "Several missiles hit a village in Iran, killing at least nine people.",
			not:  []string{"Iran"},
		},
		{
			name: "person with a national title does not make a state",
			text: "This comes as recently the Indian Foreign Minister visited Iran.",
			not:  []string{"India", "Iran"},
		},
		{
			name:    "police of a country",
			text:    "On March 7, Turkish police arrested a translator of the consulate.",
			state:   "Turkey",
			code:    "TR",
			spans:   []string{"Turkish police"},
			aliases: []string{},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			as := run(t, tc.text)
			for _, n := range tc.not {
				for _, a := range as {
					assert.False(t, a.Kind == events.KindState && a.Name == n, "unexpected state %s", n)
				}
			}
			if tc.state == "" {
				return
			}
			a := find(t, as, tc.state)
			assert.Equal(t, events.KindState, a.Kind)
			assert.Equal(t, tc.code, a.Affiliation)
			if tc.aliases == nil {
				tc.aliases = []string{}
			}
			assert.ElementsMatch(t, tc.aliases, a.Aliases)
			assert.Equal(t, inOrder(t, tc.text, tc.spans), a.Spans)
		})
	}
}

func TestNotActors(t *testing.T) {
	tests := []struct {
		name string
		text string
		not  []string
	}{
		{"title alone", "The Foreign Minister visited the capital on Monday.", []string{"Foreign Minister", "Minister"}},
		{"sentence-initial word", "Meanwhile, the talks went on. Officials said nothing.", []string{"Meanwhile", "Officials"}},
		{"month and day names", "The vote was held in January, and results came on Thursday.", []string{"January", "Thursday"}},
		{"dateline source", "BAGHDAD (Reuters) - A bomb exploded near a market.", []string{"Reuters"}},
		{"adjective alone", "Iranian media said several missiles hit a village.", []string{"Iranian"}},
		{"place is not a person", "Protests were also held in Los Angeles, California on Sunday.", []string{"Los Angeles"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			as := run(t, tc.text)
			for _, n := range tc.not {
				assert.False(t, has(as, n), "%q should not be an actor", n)
			}
		})
	}
}

// goldActor is an actor of a gold file.
type goldActor struct {
	Name        string   `json:"name"`
	Kind        string   `json:"kind"`
	Aliases     []string `json:"aliases"`
	Roles       []string `json:"roles"`
	Affiliation string   `json:"affiliation"`
}

func TestSeedArticle(t *testing.T) {
	text, err := os.ReadFile("testdata/pakistan-iran.txt")
	require.NoError(t, err)
	b, err := os.ReadFile("testdata/pakistan-iran.json")
	require.NoError(t, err)
	var gold struct {
		Actors []goldActor `json:"actors"`
	}
	require.NoError(t, json.Unmarshal(b, &gold))
	require.Len(t, gold.Actors, 12)
	as := run(t, string(text))
	for _, g := range gold.Actors {
		t.Run(g.Name, func(t *testing.T) {
			a := find(t, as, g.Name)
			assert.Equal(t, g.Kind, a.Kind)
			assert.Equal(t, g.Roles, a.Roles)
			if g.Affiliation != "" {
				assert.Equal(t, g.Affiliation, a.Affiliation)
			}
			for _, sp := range a.Spans {
				require.True(t, sp.Start >= 0 && sp.Start < sp.End && sp.End <= len(text))
			}
		})
	}
	// no other persons or organizations than the gold ones
	names := map[string]bool{}
	for _, g := range gold.Actors {
		names[g.Name] = true
	}
	for _, a := range as {
		assert.True(t, names[a.Name], "unexpected actor %s %q", a.Kind, a.Name)
	}
	// spans of the seed actors, as bytes of the text
	kanaani := find(t, as, "Nasser Kanaani")
	assert.Equal(t, []events.Span{{Start: 1730, End: 1744}}, kanaani.Spans)
	assert.Equal(t, "Nasser Kanaani", string(text[1730:1744]))
	iran := find(t, as, "Iran")
	assert.Equal(t, []string{"Tehran"}, iran.Aliases)
	assert.Contains(t, iran.Spans, events.Span{Start: 146, End: 152}) // "Tehran said"
	pak := find(t, as, "Pakistan")
	assert.Contains(t, pak.Spans, events.Span{Start: 103, End: 124}) // "Pakistani authorities"
}

func TestNoNLP(t *testing.T) {
	s, _ := stage(t)
	d := pipeline.NewDocument(events.Article{ID: "x", Body: "Iran said."}, "x")
	require.NoError(t, s.Process(context.Background(), d))
	assert.Empty(t, d.Out.Actors)
	assert.Len(t, d.Out.Problems, 1)
}

func TestNilTables(t *testing.T) {
	_, m := stage(t)
	s := New(nil, nil, Options{})
	text := "Prime Minister Nouri al-Maliki said on Monday that the talks failed."
	d := pipeline.NewDocument(events.Article{ID: "x", Body: text}, "x")
	d.NLP = m.Analyze(text)
	require.NoError(t, s.Process(context.Background(), d))
	for _, a := range d.Out.Actors {
		for _, sp := range a.Spans {
			assert.True(t, sp.Start < sp.End && sp.End <= len(text))
		}
	}
}

// FuzzActors checks the stage's invariants on any text: it never fails or
// panics, every span lies inside the text on rune boundaries, spans are in
// text order, and every actor has a name and a known kind.
func FuzzActors(f *testing.F) {
	for _, s := range []string{
		"Prime Minister Nouri al-Maliki said.",
		"Iran's foreign minister, Hossein Amir-Abdollahian, said that Tehran would respond.",
		"Pakistani authorities said (Reuters) - “Quote,” he said.",
		"", "A", "The  ,  ’s  Mr. . . of the of",
	} {
		f.Add(s)
	}
	s, m := stage(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		d := pipeline.NewDocument(events.Article{ID: "f", Body: text}, "f")
		d.NLP = m.Analyze(text)
		if err := s.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, a := range d.Out.Actors {
			if a.Name == "" {
				t.Fatalf("actor without name: %+v", a)
			}
			switch a.Kind {
			case events.KindPerson, events.KindOrganization, events.KindState:
			default:
				t.Fatalf("bad kind %q", a.Kind)
			}
			prev := -1
			for _, sp := range a.Spans {
				if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
					t.Fatalf("span %v outside text of %d bytes", sp, len(text))
				}
				if !utf8.RuneStart(text[sp.Start]) || sp.End < len(text) && !utf8.RuneStart(text[sp.End]) {
					t.Fatalf("span %v not on rune boundaries", sp)
				}
				if sp.Start < prev {
					t.Fatalf("spans out of order: %v", a.Spans)
				}
				prev = sp.Start
			}
		}
	})
}

func BenchmarkSeedArticle(b *testing.B) {
	text, err := os.ReadFile("testdata/pakistan-iran.txt")
	require.NoError(b, err)
	s, m := stage(b)
	nlp := m.Analyze(string(text))
	b.ResetTimer()
	for b.Loop() {
		d := pipeline.NewDocument(events.Article{ID: "seed", Body: string(text)}, "bench")
		d.NLP = nlp
		if err := s.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
}

// TestStateFromGovernmentBody: a state that acts only through one of its
// bodies carries that body's mention as its span, and no alias from it.
func TestStateFromGovernmentBody(t *testing.T) {
	tests := []struct {
		name, text, state, mention string
	}{
		{"demonym ministry speaks", "The Egyptian Foreign Ministry said on Sunday that the border would stay closed.", "Egypt", "Egyptian Foreign Ministry"},
		{"demonym police arrest", "Later that day the Turkish Interior Ministry announced that 12 suspects had been detained.", "Turkey", "Turkish Interior Ministry"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			as := run(t, tc.text)
			for _, a := range as {
				require.NotEmpty(t, a.Spans, "actor %q has no mention", a.Name)
			}
			st := find(t, as, tc.state)
			assert.Equal(t, events.KindState, st.Kind)
			assert.Empty(t, st.Aliases)
			var got []string
			for _, sp := range st.Spans {
				got = append(got, tc.text[sp.Start:sp.End])
			}
			assert.Contains(t, strings.Join(got, "|"), tc.mention)
		})
	}
}
