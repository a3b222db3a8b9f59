package casualties

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/pkg/ner"
	"github.com/newsdesk/extractor/pkg/pipeline"
)

// model is the tagger, loaded once for all tests.
var model = sync.OnceValue(func() *ner.Model { return ner.NewModel(ner.Options{}) })

// doc returns an analysed document of text.
func doc(t testing.TB, text string) *pipeline.Document {
	t.Helper()
	d := pipeline.NewDocument(events.Article{ID: "test", Body: text}, "test")
	d.NLP = model().Analyze(text)
	return d
}

// run runs the stage on d and checks the span invariants of every record.
func run(t testing.TB, d *pipeline.Document) []events.Casualty {
	t.Helper()
	require.NoError(t, New(Options{}).Process(context.Background(), d))
	for _, c := range d.Out.Casualties {
		require.True(t, 0 <= c.Span.Start && c.Span.Start < c.Span.End && c.Span.End <= len(d.Text), "span %v", c.Span)
		require.Equal(t, c.Phrase, d.Text[c.Span.Start:c.Span.End])
		require.NotEmpty(t, c.Spans)
		require.Equal(t, c.Span, c.Spans[0])
		require.True(t, c.Sentence.Contains(c.Span), "sentence %v, span %v", c.Sentence, c.Span)
		if c.SourceSpan != nil {
			require.True(t, 0 <= c.SourceSpan.Start && c.SourceSpan.Start < c.SourceSpan.End && c.SourceSpan.End <= len(d.Text))
		}
	}
	return d.Out.Casualties
}

func ip(v int) *int { return &v }

// rec is an expected record: the phrase starts at byte at.
type rec struct {
	cat     string
	count   *int
	max     *int
	qual    string
	phrase  string
	at      int
	victims string
}

func TestProcess(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []rec
	}{
		{"active object with qualifier", "Iranian media said several missiles hit a village, killing at least nine people.",
			[]rec{{events.Killed, ip(9), nil, events.QualAtLeast, "at least nine people", 59, "people"}}},
		{"passive subject with breakdown", "7 foreign nationals, including 3 women and 4 children were killed in a missile attack.",
			[]rec{{events.Killed, ip(7), nil, events.QualExact, "7 foreign nationals, including 3 women and 4 children", 0, "foreign nationals"}}},
		{"active after subject", "The blast killed 12.",
			[]rec{{events.Killed, ip(12), nil, events.QualExact, "12", 17, "people"}}},
		{"two passives", "12 were killed and 30 wounded.",
			[]rec{{events.Killed, ip(12), nil, events.QualExact, "12", 0, "people"},
				{events.Injured, ip(30), nil, events.QualExact, "30", 19, "people"}}},
		{"death toll", "The death toll rose to 25 on Monday.",
			[]rec{{events.Killed, ip(25), nil, events.QualExact, "25", 23, "people"}}},
		{"toll changed", "The death toll has risen from four to eleven.",
			[]rec{{events.Killed, ip(4), nil, events.QualExact, "four", 30, "people"},
				{events.Killed, ip(11), nil, events.QualExact, "eleven", 38, "people"}}},
		{"intransitive", "One soldier died in the attack.",
			[]rec{{events.Killed, ip(1), nil, events.QualExact, "One soldier", 0, "soldier"}}},
		{"singular is one", "A soldier was killed near the border.",
			[]rec{{events.Killed, ip(1), nil, events.QualExact, "A soldier", 0, "soldier"}}},
		{"age is no count", "A 24-year-old man was killed on March 7.",
			[]rec{{events.Killed, ip(1), nil, events.QualExact, "A 24-year-old man", 0, "man"}}},
		{"figures sharing a subject", "Gunmen killed 5 and injured 12.",
			[]rec{{events.Killed, ip(5), nil, events.QualExact, "5", 14, "people"},
				{events.Injured, ip(12), nil, events.QualExact, "12", 28, "people"}}},
		{"shared verb", "The bomber killed seven CIA employees and one Jordanian officer.",
			[]rec{{events.Killed, ip(7), nil, events.QualExact, "seven CIA employees", 18, "cia employees"},
				{events.Killed, ip(1), nil, events.QualExact, "one Jordanian officer", 42, "jordanian officer"}}},
		{"unspecified", "Terrorists were killed during the operation.",
			[]rec{{events.Killed, nil, nil, events.QualUnspecified, "Terrorists", 0, "terrorists"}}},
		{"casualties reported", "Casualties were reported after the blast.",
			[]rec{{events.Killed, nil, nil, events.QualUnspecified, "Casualties", 0, "people"}}},
		{"vague", "Dozens of civilians were wounded.",
			[]rec{{events.Injured, nil, nil, events.QualVague, "Dozens of civilians", 0, "civilians"}}},
		{"a number of", "A number of terrorists were killed.",
			[]rec{{events.Killed, nil, nil, events.QualVague, "A number of terrorists", 0, "terrorists"}}},
		{"range", "Between 10 and 15 people were abducted.",
			[]rec{{events.Kidnapped, ip(10), ip(15), events.QualRange, "Between 10 and 15 people", 0, "people"}}},
		{"more than", "More than 500 people were arrested.",
			[]rec{{events.Arrested, ip(500), nil, events.QualMoreThan, "More than 500 people", 0, "people"}}},
		{"up to", "Up to 2,000 residents were evacuated.",
			[]rec{{events.Displaced, ip(2000), nil, events.QualUpTo, "Up to 2,000 residents", 0, "residents"}}},
		{"about", "About 80 people fled their homes.",
			[]rec{{events.Displaced, ip(80), nil, events.QualAbout, "About 80 people", 0, "people"}}},
		{"missing", "Three fishermen remain missing.",
			[]rec{{events.Missing, ip(3), nil, events.QualExact, "Three fishermen", 0, "fishermen"}}},
		{"taken hostage", "Two aid workers were taken hostage.",
			[]rec{{events.Kidnapped, ip(2), nil, events.QualExact, "Two aid workers", 0, "aid workers"}}},
		{"seized", "Rebels seized two engineers.",
			[]rec{{events.Kidnapped, ip(2), nil, events.QualExact, "two engineers", 14, "engineers"}}},
		{"taken into custody", "Four suspects were taken into custody.",
			[]rec{{events.Arrested, ip(4), nil, events.QualExact, "Four suspects", 0, "suspects"}}},
		{"hospitalised", "Twenty people were hospitalised.",
			[]rec{{events.Injured, ip(20), nil, events.QualExact, "Twenty people", 0, "people"}}},
		{"left homeless", "The flood left 300 families homeless.",
			[]rec{{events.Displaced, ip(300), nil, events.QualExact, "300 families", 15, "families"}}},
		{"lost their lives", "Nine miners lost their lives.",
			[]rec{{events.Killed, ip(9), nil, events.QualExact, "Nine miners", 0, "miners"}}},
		{"bodies found", "Police found 12 bodies in the river.",
			[]rec{{events.Killed, ip(12), nil, events.QualExact, "12 bodies", 13, "bodies"}}},
		{"fatalities", "There were 45 fatalities.",
			[]rec{{events.Killed, ip(45), nil, events.QualExact, "45 fatalities", 11, "people"}}},
		{"a dozen", "A dozen protesters were detained.",
			[]rec{{events.Arrested, ip(12), nil, events.QualExact, "A dozen protesters", 0, "protesters"}}},
		{"hyphenated number", "Twenty-five soldiers were wounded.",
			[]rec{{events.Injured, ip(25), nil, events.QualExact, "Twenty-five soldiers", 0, "soldiers"}}},
		{"number words", "The storm killed one hundred and twelve people.",
			[]rec{{events.Killed, ip(112), nil, events.QualExact, "one hundred and twelve people", 17, "people"}}},
		{"breakdown among them", "The blast killed 12, among them two police officers.",
			[]rec{{events.Killed, ip(12), nil, events.QualExact, "12, among them two police officers", 17, "police"}}},
		{"named persons joined", "Aziz Akyavas and Richard Engel went missing on Thursday.",
			[]rec{{events.Missing, ip(2), nil, events.QualExact, "Aziz Akyavas and Richard Engel", 0, "aziz akyavas"}}},
		{"same figure twice", "At least 20 people were killed on Monday. The attack killed at least 20 people.",
			[]rec{{events.Killed, ip(20), nil, events.QualAtLeast, "At least 20 people", 0, "people"}}},
		{"figure updated", "At least 20 people were killed on Monday. The death toll later rose to 25.",
			[]rec{{events.Killed, ip(20), nil, events.QualAtLeast, "At least 20 people", 0, "people"},
				{events.Killed, ip(25), nil, events.QualExact, "25", 71, "people"}}},
		{"money and buildings", "The attack cost $5 million and destroyed 30 houses and 12 vehicles.", nil},
		{"weapons", "Police seized 20 rifles and 300 rounds of ammunition.", nil},
		{"years and dates", "In 2011, on March 7, the war that began in 1998 entered its 13th year.", nil},
		{"times", "The bomb went off at 4:30 p.m., killing no one.", nil},
		{"hypothetical", "The militants could kill thousands, he warned.", nil},
		{"prison sentence", "He was sentenced to 10 years in prison and jailed for life.", nil},
		{"zero", "No one was hurt in the blast, and no casualties were reported.", nil},
		{"negated", "Officials said 12 people were not injured.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := run(t, doc(t, tt.text))
			require.Len(t, got, len(tt.want), "got %+v", got)
			for i, w := range tt.want {
				g := got[i]
				assert.Equal(t, w.cat, g.Category, "record %d", i)
				assert.Equal(t, w.count, g.Count, "record %d count", i)
				assert.Equal(t, w.max, g.CountMax, "record %d count_max", i)
				assert.Equal(t, w.qual, g.Qualifier, "record %d", i)
				assert.Equal(t, w.phrase, g.Phrase, "record %d", i)
				assert.Equal(t, events.Span{Start: w.at, End: w.at + len(w.phrase)}, g.Span, "record %d", i)
				assert.Equal(t, w.victims, g.Victims, "record %d", i)
			}
		})
	}
}

func TestRepeatedFigureSpans(t *testing.T) {
	text := "At least 20 people were killed on Monday. The attack killed at least 20 people."
	got := run(t, doc(t, text))
	require.Len(t, got, 1)
	assert.Equal(t, []events.Span{{Start: 0, End: 18}, {Start: 60, End: 78}}, got[0].Spans)
	assert.Equal(t, events.Span{Start: 0, End: 41}, got[0].Sentence)
}

func TestSamePersonMerges(t *testing.T) {
	text := "A Turkish employee was arrested last month. Metin Topuz, a Turkish employee at the embassy, was arrested on October 4."
	got := run(t, doc(t, text))
	require.Len(t, got, 1)
	assert.Equal(t, "A Turkish employee", got[0].Phrase)
	assert.Equal(t, []events.Span{{Start: 0, End: 18}, {Start: 44, End: 55}}, got[0].Spans)

	// a name from the actors stage, its surname alone later
	text = "The UN condemned the killing of one journalist, Munir Shakir, in Balochistan. Shakir was killed on Monday."
	d := doc(t, text)
	d.Out.Actors = []events.Actor{{Name: "Munir Shakir", Kind: events.KindPerson,
		Spans: []events.Span{{Start: 48, End: 60}, {Start: 78, End: 84}}}}
	got = run(t, d)
	require.Len(t, got, 1)
	assert.Equal(t, "one journalist", got[0].Phrase)
	assert.Equal(t, []events.Span{{Start: 32, End: 46}, {Start: 78, End: 84}}, got[0].Spans)
}

func TestBreakdown(t *testing.T) {
	text := "7 foreign nationals, including 3 women and 4 children were killed in a missile attack."
	got := run(t, doc(t, text))
	require.Len(t, got, 1)
	assert.Equal(t, []events.Breakdown{{Group: "women", Count: 3}, {Group: "children", Count: 4}}, got[0].Breakdown)
	got = run(t, doc(t, "This number climbed again by Tuesday, with reports stating 107 had died, including 57 children."))
	require.Len(t, got, 1)
	assert.Equal(t, 107, *got[0].Count)
	assert.Equal(t, []events.Breakdown{{Group: "children", Count: 57}}, got[0].Breakdown)
}

func TestSource(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		quotes []events.Quote
		source string
		span   *events.Span
	}{
		{"according to", "According to the Red Cross, 40 people were injured.", nil,
			"Red Cross", &events.Span{Start: 17, End: 26}},
		{"trailing said", "The raid killed 10 militants, police said.", nil,
			"police", &events.Span{Start: 30, End: 36}},
		{"leading say", "Officials now say 348 people were killed.", nil,
			"Officials", &events.Span{Start: 0, End: 9}},
		{"own authority", "The earthquake killed 348 people.", nil, "", nil},
		{"quote speaker wins", "\"We killed 30 soldiers,\" the spokesman said.",
			[]events.Quote{{Kind: events.QuoteDirect, Text: "We killed 30 soldiers,", Speaker: "Jaish al-Adl",
				Span: events.Span{Start: 1, End: 23}, SpeakerSpan: &events.Span{Start: 25, End: 38}}},
			"Jaish al-Adl", &events.Span{Start: 25, End: 38}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := doc(t, tt.text)
			d.Out.Quotes = tt.quotes
			got := run(t, d)
			require.Len(t, got, 1)
			assert.Equal(t, tt.source, got[0].Source)
			assert.Equal(t, tt.span, got[0].SourceSpan)
		})
	}
}

// seedDoc is the seed article with the quotes of its gold that hold a
// casualty figure, as the quotes stage gives them.
func seedDoc(t testing.TB) *pipeline.Document {
	t.Helper()
	b, err := os.ReadFile("testdata/pakistan-iran.txt")
	require.NoError(t, err)
	d := doc(t, string(b))
	for _, q := range []struct{ text, speaker, who string }{
		{"several missiles hit a village in the Sistan-Baluchestan province that borders Pakistan, killing at least nine people", "Iranian media", "Iranian media said"},
		{"This morning Pakistan undertook a series of highly coordinated and specifically targeted precision military strikes against terrorist hideouts in Sistan-o-Baluchistan province of Iran. A number of terrorists were killed during the Intelligence-based operation,", "Ministry of Foreign Affairs", "Ministry of Foreign Affairs"},
		{"in Iran's Sistan and Baluchestan Province, 7 foreign nationals, including 3 women and 4 children were killed in a missile attack launched by Pakistan on a border village", "Iranian media outlets", "Iranian media outlets"},
	} {
		i := strings.Index(d.Text, q.text)
		require.GreaterOrEqual(t, i, 0, q.text)
		j := strings.Index(d.Text, q.who)
		require.GreaterOrEqual(t, j, 0, q.who)
		speaker := events.Span{Start: j, End: j + len(q.speaker)}
		d.Out.Quotes = append(d.Out.Quotes, events.Quote{Text: q.text, Speaker: q.speaker,
			Span: events.Span{Start: i, End: i + len(q.text)}, SpeakerSpan: &speaker})
	}
	return d
}

func TestSeedArticle(t *testing.T) {
	d := seedDoc(t)
	got := run(t, d)
	want := []struct {
		rec
		source    string
		breakdown []events.Breakdown
	}{
		{rec{events.Killed, ip(9), nil, events.QualAtLeast, "at least nine people", 345, "people"}, "Iranian media", nil},
		{rec{events.Killed, nil, nil, events.QualVague, "A number of terrorists", 795, "terrorists"}, "Ministry of Foreign Affairs", nil},
		{rec{events.Killed, ip(7), nil, events.QualExact, "7 foreign nationals, including 3 women and 4 children", 1530, "foreign nationals"},
			"Iranian media outlets", []events.Breakdown{{Group: "women", Count: 3}, {Group: "children", Count: 4}}},
	}
	require.Len(t, got, len(want), "got %+v", got)
	for i, w := range want {
		g := got[i]
		assert.Equal(t, w.cat, g.Category)
		assert.Equal(t, w.count, g.Count)
		assert.Equal(t, w.max, g.CountMax)
		assert.Equal(t, w.qual, g.Qualifier)
		assert.Equal(t, w.phrase, g.Phrase)
		assert.Equal(t, events.Span{Start: w.at, End: w.at + len(w.phrase)}, g.Span)
		assert.Equal(t, w.victims, g.Victims)
		assert.Equal(t, w.source, g.Source)
		if w.breakdown == nil {
			assert.Empty(t, g.Breakdown)
		} else {
			assert.Equal(t, w.breakdown, g.Breakdown)
		}
	}
	assert.Equal(t, 10, *got[1].Estimate, "a number of")
}

func TestNoAnalysis(t *testing.T) {
	d := pipeline.NewDocument(events.Article{ID: "x", Body: "Five people died."}, "test")
	require.NoError(t, New(Options{}).Process(context.Background(), d))
	assert.Empty(t, d.Out.Casualties)
	assert.Len(t, d.Out.Problems, 1)
}

func TestNoUnspecified(t *testing.T) {
	d := doc(t, "Terrorists were killed during the operation.")
	require.NoError(t, New(Options{NoUnspecified: true}).Process(context.Background(), d))
	assert.Empty(t, d.Out.Casualties)
}

func BenchmarkProcess(b *testing.B) {
	d := seedDoc(b)
	quotes := d.Out.Quotes
	s := New(Options{})
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		d.Out.Casualties = nil
		d.Out.Quotes = quotes
		if err := s.Process(ctx, d); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzProcess checks the stage invariants on any text: it never panics,
// and every record's spans lie inside the text, inside its sentence, with
// Phrase == text[Span].
func FuzzProcess(f *testing.F) {
	for _, s := range []string{
		"At least 20 people were killed, police said.", "The blast killed 12 and wounded 30.",
		"7 foreign nationals, including 3 women and 4 children were killed.", "Terrorists were killed",
		"the death toll rose from four to eleven", "a soldier was killed", ", and , who were killed",
	} {
		f.Add(s)
	}
	s := New(Options{})
	f.Fuzz(func(t *testing.T, text string) {
		d := doc(t, text)
		if err := s.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, c := range d.Out.Casualties {
			for _, sp := range append([]events.Span{c.Span}, c.Spans...) {
				if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
					t.Fatalf("span %v outside %q", sp, text)
				}
			}
			if c.Phrase != text[c.Span.Start:c.Span.End] || !c.Sentence.Contains(c.Span) {
				t.Fatalf("record %+v of %q", c, text)
			}
		}
	})
}

func Example() {
	d := pipeline.NewDocument(events.Article{ID: "x", Body: "The blast killed at least 12 people and wounded 30, police said."}, "example")
	d.NLP = ner.NewModel(ner.Options{}).Analyze(d.Text)
	if err := New(Options{}).Process(context.Background(), d); err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range d.Out.Casualties {
		fmt.Printf("%s %d %s %q source=%q\n", c.Category, *c.Count, c.Qualifier, c.Phrase, c.Source)
	}
	// Output:
	// killed 12 at_least "at least 12 people" source="police"
	// injured 30 exact "30" source="police"
}
