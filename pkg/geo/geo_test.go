package geo

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/pkg/gazetteer"
	"github.com/newsdesk/extractor/pkg/ner"
	"github.com/newsdesk/extractor/pkg/pipeline"
)

var (
	setupOnce sync.Once
	testStage *Locations
	testModel *ner.Model
	setupErr  error
)

// setup loads the gazetteer and the NLP model once for all tests.
func setup(t testing.TB) (*Locations, *ner.Model) {
	t.Helper()
	setupOnce.Do(func() {
		var gz *gazetteer.Gazetteer
		gz, setupErr = gazetteer.Load()
		testStage = New(gz, Options{})
		if setupErr == nil {
			testModel, setupErr = ner.NewModel(ner.Options{})
		}
	})
	require.NoError(t, setupErr)
	return testStage, testModel
}

func extract(t testing.TB, text string) []events.Location {
	t.Helper()
	s, m := setup(t)
	return s.Extract(m.Analyze(text))
}

// loc returns the location named name, failing the test when there is none.
func loc(t *testing.T, locs []events.Location, name string) events.Location {
	t.Helper()
	for _, l := range locs {
		if l.Name == name {
			return l
		}
	}
	require.Failf(t, "location not found", "%q not in %v", name, names(locs))
	return events.Location{}
}

func names(locs []events.Location) []string {
	out := make([]string, len(locs))
	for i, l := range locs {
		out[i] = l.Name
	}
	return out
}

// spans makes spans from start, end pairs.
func spans(p ...int) []events.Span {
	out := make([]events.Span, 0, len(p)/2)
	for i := 0; i+1 < len(p); i += 2 {
		out = append(out, events.Span{Start: p[i], End: p[i+1]})
	}
	return out
}

// at returns the span of the n-th (from 0) occurrence of sub in text.
func at(text, sub string, n int) events.Span {
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(text[off:], sub)
		if j < 0 {
			return events.Span{Start: -1, End: -1}
		}
		if i == n {
			return events.Span{Start: off + j, End: off + j + len(sub)}
		}
		off += j + len(sub)
	}
}

func TestSeedArticle(t *testing.T) {
	b, err := os.ReadFile("testdata/pakistan-iran.txt")
	require.NoError(t, err)
	text := string(b)
	locs := extract(t, text)

	// Exactly the places of the gold file, in order of first mention.
	assert.Equal(t, []string{"Pakistan", "Iran", "Tehran", "Sistan and Baluchestan", "Afghanistan", "China"}, names(locs))

	pk := loc(t, locs, "Pakistan")
	assert.Equal(t, "country", pk.Kind)
	assert.Equal(t, "PK", pk.Country)
	assert.Equal(t, events.Span{Start: 0, End: 8}, pk.Spans[0])
	assert.Len(t, pk.Spans, 14, "every mention, adjectives (Pakistani) excluded")

	ir := loc(t, locs, "Iran")
	assert.Equal(t, events.Span{Start: 85, End: 89}, ir.Spans[0], `"inside Iran"`)
	assert.Equal(t, int64(130758), ir.GeonameID)

	teh := loc(t, locs, "Tehran")
	assert.Equal(t, "city", teh.Kind)
	assert.Equal(t, "IR", teh.Country)
	assert.Equal(t, []events.Span{{Start: 146, End: 152}, {Start: 1822, End: 1828}}, teh.Spans, `"Tehran said" is a mention`)
	require.NotNil(t, teh.Lat)
	assert.InDelta(t, 35.69, *teh.Lat, 0.01)

	sb := loc(t, locs, "Sistan and Baluchestan")
	assert.Equal(t, "admin1", sb.Kind)
	assert.Equal(t, "IR", sb.Country)
	assert.Equal(t, "IR.04", sb.Admin1)
	assert.Equal(t, int64(1159456), sb.GeonameID)
	assert.Equal(t, []events.Span{{Start: 286, End: 313}, {Start: 570, End: 597}, {Start: 756, End: 785}, {Start: 1497, End: 1528}}, sb.Spans)
	assert.Equal(t, []string{"Sistan-Baluchestan province", "Sistan-Baluchistan province", "Sistan-o-Baluchistan province",
		"Sistan and Baluchestan Province"}, sb.Aliases)

	af := loc(t, locs, "Afghanistan")
	for _, sp := range af.Spans {
		assert.False(t, at(text, "Islamic Emirate of Afghanistan", 0).Contains(sp), "not inside the Islamic Emirate's name")
	}
	for _, l := range locs {
		for _, sp := range l.Spans {
			assert.Equal(t, text[sp.Start:sp.End], text[sp.Start:sp.End])
			assert.False(t, at(text, "Pakistani territory", 0).Contains(sp), "adjective alone")
			assert.False(t, at(text, "Iranian media", 0).Contains(sp), "adjective alone")
		}
	}
}

func TestScenarios(t *testing.T) {
	type want struct {
		name, kind, country string
		spans               []events.Span // nil: not checked
	}
	tests := []struct {
		scenario string
		text     string
		want     []want
		absent   []string // names that must not be extracted
	}{
		{
			scenario: "spelling variants are one place",
			text:     "Clashes in Sistan-Baluchestan spread. Sistan-o-Baluchistan is poor. Sistan and Baluchestan Province borders Pakistan.",
			want: []want{{"Sistan and Baluchestan", "admin1", "IR", spans(11, 29, 38, 58, 68, 99)},
				{"Pakistan", "country", "PK", spans(108, 116)}},
		},
		{
			scenario: "province and region cues",
			text:     "Fighting hit the province of Idlib and Elazig province in Turkey and the Kamango region of Congo.",
			want: []want{{"Idlib", "admin1", "SY", spans(29, 34)}, {"Elazığ", "admin1", "TR", spans(39, 54)},
				{"Kamango", "region", "CD", spans(73, 87)}},
		},
		{
			scenario: "Gaza is in Palestine when Israel is in the story",
			text:     "Israel struck Gaza on Monday. Residents of Gaza fled south.",
			want:     []want{{"Israel", "country", "IL", nil}, {"Gaza", "city", "PS", spans(14, 18, 43, 47)}},
		},
		{
			scenario: "Baluchistan in Pakistan by context",
			text:     "An earthquake struck Baluchistan on Tuesday. Officials in Quetta, Pakistan said 300 died.",
			want:     []want{{"Balochistan", "admin1", "PK", spans(21, 32)}, {"Quetta", "city", "PK", nil}},
		},
		{
			scenario: "Baluchistan in Iran by context",
			text:     "Militants attacked a base in Baluchistan near Zahedan, Iranian officials said. Iran blamed Pakistan.",
			want:     []want{{"Sistan and Baluchestan", "admin1", "IR", spans(29, 40)}, {"Zahedan", "city", "IR", nil}},
		},
		{
			scenario: "capitals as governments are locations",
			text:     "Tehran said the strikes were illegal, while Moscow and Beijing urged restraint.",
			want: []want{{"Tehran", "city", "IR", spans(0, 6)}, {"Moscow", "city", "RU", spans(44, 50)},
				{"Beijing", "city", "CN", spans(55, 62)}},
		},
		{
			scenario: "hyphenated compounds mention the place",
			text:     "Troops massed at the Iran-Pakistan border. A New York-based group and pro-Beijing lawmakers objected.",
			want: []want{{"Iran", "country", "IR", spans(21, 25)}, {"Pakistan", "country", "PK", spans(26, 34)},
				{"New York City", "city", "US", spans(45, 53)}, {"Beijing", "city", "CN", spans(74, 81)}},
		},
		{
			scenario: "adjectives alone are not places",
			text:     "Iranian media reported strikes on Pakistani territory, and Afghan officials agreed.",
			absent:   []string{"Iran", "Pakistan", "Afghanistan"},
		},
		{
			scenario: "place names inside longer proper names",
			text: "Delegates discussed the Kyoto Protocol at the Copenhagen Conference. The Kenya Red Cross Society helped. " +
				"The Foreign Ministry of the Islamic Emirate of Afghanistan objected.",
			absent: []string{"Kyoto", "Copenhagen", "Kenya", "Afghanistan"},
		},
		{
			scenario: "people named like places",
			text:     "George Washington crossed the river. President Bush met Lewis Hamilton, and Bush said Hamilton won.",
			absent:   []string{"Washington", "Būsh", "Hamilton", "Lewis"},
		},
		{
			scenario: "the country Jordan alone",
			text:     "Refugees crossed into Jordan from Syria.",
			want:     []want{{"Jordan", "country", "JO", spans(22, 28)}, {"Syria", "country", "SY", spans(34, 39)}},
		},
		{
			scenario: "months and common words are not places",
			text:     "In May, Reading rates rose. Police said Nice work was done in March.",
			absent:   []string{"Reading", "Nice", "March", "May"},
		},
		{
			scenario: "facilities named after places",
			text:     "He studied at the University of Tehran and was held in Aberdeen prison before flying from Frankfurt Airport.",
			want: []want{{"University of Tehran", "facility", "IR", spans(18, 38)},
				{"Aberdeen prison", "facility", "GB", spans(55, 70)},
				{"Frankfurt Airport", "facility", "DE", spans(90, 107)}},
			absent: []string{"Tehran", "Aberdeen", "Frankfurt am Main"},
		},
		{
			scenario: "unknown village made by a cue",
			text:     "Sudanese troops attacked the village of Silea in West Darfur.",
			want:     []want{{"Silea", "city", "SD", spans(40, 45)}, {"Western Darfur", "admin1", "SD", nil}},
		},
		{
			scenario: "unknown river and mountain made by cues",
			text:     "Bodies were found in the Mahakam River in Indonesia. In Iran, a plane hit Mount Dena near Semirom.",
			want: []want{{"Mahakam River", "feature", "ID", spans(25, 38)}, {"Mount Dena", "feature", "IR", spans(74, 84)},
				{"Semīrom", "city", "IR", nil}},
		},
		{
			scenario: "unknown town after a preposition",
			text:     "Floods hit Central Java, Indonesia. In Tawangmangu about 1,000 rescuers searched for bodies.",
			want:     []want{{"Central Java", "admin1", "ID", nil}, {"Tawangmangu", "city", "ID", spans(39, 50)}},
		},
		{
			scenario: "list of towns with unknown members",
			text:     "Kenya's worst hit towns are Busia, Kisumu, Kericho, Voi, Mtito Andei and Mombasa.",
			want:     []want{{"Busia", "city", "KE", nil}, {"Mtito Andei", "city", "KE", spans(57, 68)}},
		},
		{
			scenario: "dateline is not a mention",
			text:     "KABUL (Reuters) - Afghan forces retook the town.\nWASHINGTON — The U.S. said it would help.",
			want:     []want{{"United States", "country", "US", spans(68, 72)}},
			absent:   []string{"Kabul", "Washington"},
		},
		{
			scenario: "regions and features from the curated table",
			text:     "Tension in the Middle East rose as ships crossed the Strait of Hormuz into the Persian Gulf.",
			want: []want{{"Middle East", "region", "", spans(15, 26)}, {"Strait of Hormuz", "feature", "", spans(53, 69)},
				{"Persian Gulf", "feature", "", spans(79, 91)}},
		},
		{
			scenario: "possessive keeps the place",
			text:     "Pakistan's Ministry of Foreign Affairs said Karachi's port reopened.",
			want:     []want{{"Pakistan", "country", "PK", spans(0, 8)}, {"Karachi", "city", "PK", spans(44, 51)}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.scenario, func(t *testing.T) {
			locs := extract(t, tc.text)
			for _, w := range tc.want {
				l := loc(t, locs, w.name)
				assert.Equal(t, w.kind, l.Kind, w.name)
				assert.Equal(t, w.country, l.Country, w.name)
				if w.spans != nil {
					assert.Equal(t, w.spans, l.Spans, w.name)
				}
			}
			for _, n := range tc.absent {
				assert.NotContains(t, names(locs), n)
			}
			for _, l := range locs {
				require.NotEmpty(t, l.Spans)
				require.NotEmpty(t, l.Name)
			}
		})
	}
}

func TestProcess(t *testing.T) {
	s, m := setup(t)
	t.Run("writes the locations", func(t *testing.T) {
		d := pipeline.NewDocument(events.Article{ID: "a", Body: "Floods hit Pakistan."}, "test")
		d.NLP = m.Analyze(d.Text)
		require.NoError(t, s.Process(context.Background(), d))
		require.Len(t, d.Out.Locations, 1)
		assert.Equal(t, "Pakistan", d.Out.Locations[0].Name)
		assert.Equal(t, []events.Span{{Start: 11, End: 19}}, d.Out.Locations[0].Spans)
	})
	t.Run("no analysis is a content problem", func(t *testing.T) {
		d := pipeline.NewDocument(events.Article{ID: "b", Body: "Floods hit Pakistan."}, "test")
		require.NoError(t, s.Process(context.Background(), d))
		assert.Empty(t, d.Out.Locations)
		assert.Len(t, d.Out.Problems, 1)
	})
	t.Run("cancelled context", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		d := pipeline.NewDocument(events.Article{ID: "c", Body: "Floods hit Pakistan."}, "test")
		d.NLP = m.Analyze(d.Text)
		assert.ErrorIs(t, s.Process(ctx, d), context.Canceled)
	})
	t.Run("nil gazetteer", func(t *testing.T) {
		d := pipeline.NewDocument(events.Article{ID: "d", Body: "Floods hit Pakistan."}, "test")
		d.NLP = m.Analyze(d.Text)
		require.NoError(t, New(nil, Options{}).Process(context.Background(), d))
		assert.Empty(t, d.Out.Locations)
		assert.Len(t, d.Out.Problems, 1)
	})
	t.Run("minimum confidence", func(t *testing.T) {
		gz, err := gazetteer.Load()
		require.NoError(t, err)
		strict := New(gz, Options{MinConfidence: 0.99})
		locs := strict.Extract(m.Analyze("Floods hit Pakistan near Quetta."))
		assert.Empty(t, locs, "country confidence is 0.95")
	})
}

// FuzzExtract checks Extract's contract on any text: it does not panic,
// every location has a name and at least one span, and every span is a
// non-empty byte range of the text.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{"Floods hit Pakistan.", "the Iran-Pakistan border", "KABUL (Reuters) -", "Sistan-o-Baluchistan province of Iran",
		"University of Tehran's", "al-Sadr", "A. K. Antony", "in Tawangmangu, and", "Basra's Hananiyah neighborhood", "\xff\xfeIran"} {
		f.Add(s)
	}
	s, m := setup(f)
	f.Fuzz(func(t *testing.T, text string) {
		for _, l := range s.Extract(m.Analyze(text)) {
			if l.Name == "" || len(l.Spans) == 0 {
				t.Fatalf("bad location %+v", l)
			}
			for _, sp := range l.Spans {
				if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
					t.Fatalf("bad span %+v in %q", sp, text)
				}
			}
		}
	})
}
