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
var model = sync.OnceValue(func() *ner.Model {
	m, err := ner.NewModel(ner.Options{})
	if err != nil {
		panic(err)
	}
	return m
})

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
		{"breakdown stops at a figure of its own", "At least 23 people were killed, including 6 children, and more than 40 were wounded.",
			[]rec{{events.Killed, ip(23), nil, events.QualAtLeast, "At least 23 people", 0, "people"},
				{events.Injured, ip(40), nil, events.QualMoreThan, "more than 40", 58, "people"}}},
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
		{"bare quantity subject", "At least seven were killed.",
			[]rec{{events.Killed, ip(7), nil, events.QualAtLeast, "At least seven", 0, "people"}}},
		{"bare quantity object", "A bomb exploded in the market, killing at least sixteen.",
			[]rec{{events.Killed, ip(16), nil, events.QualAtLeast, "at least sixteen", 39, "people"}}},
		{"indefinite singulars are different people", "A pilot was killed in March. In 2007 a display ended with a pilot dead.",
			[]rec{{events.Killed, ip(1), nil, events.QualExact, "A pilot", 0, "pilot"},
				{events.Killed, ip(1), nil, events.QualExact, "a pilot", 58, "pilot"}}},
		{"age inside a singular noun phrase", "The raid killed a three-month-old baby, a pregnant woman, and an eight-year-old girl.",
			[]rec{{events.Killed, ip(1), nil, events.QualExact, "a three-month-old baby", 16, "baby"},
				{events.Killed, ip(1), nil, events.QualExact, "a pregnant woman", 40, "pregnant woman"},
				{events.Killed, ip(1), nil, events.QualExact, "an eight-year-old girl", 62, "girl"}}},
		{"shot without outcome is injured", "Yesterday, a Palestinian man was shot by Israeli forces.",
			[]rec{{events.Injured, ip(1), nil, events.QualExact, "a Palestinian man", 11, "palestinian man"}}},
		{"shot with the dead in the sentence", "Five men were shot in the head and their bodies were dumped.",
			[]rec{{events.Killed, ip(5), nil, events.QualExact, "Five men", 0, "men"}}},
		{"coordination across according to", "The raid killed more than a dozen militants and, according to medics, several civilians.",
			[]rec{{events.Killed, ip(12), nil, events.QualMoreThan, "more than a dozen militants", 16, "militants"},
				{events.Killed, nil, nil, events.QualVague, "several civilians", 70, "civilians"}}},
		{"over a number is another figure", "The shelling killed over 50 civilians. Tanks fired on a school, killing 50.",
			[]rec{{events.Killed, ip(50), nil, events.QualMoreThan, "over 50 civilians", 20, "civilians"},
				{events.Killed, ip(50), nil, events.QualExact, "50", 72, "people"}}},
		{"unspecified with other victims stands", "More than 3,000 people have been wounded. The army did not assist the wounded.",
			[]rec{{events.Injured, ip(3000), nil, events.QualMoreThan, "More than 3,000 people", 0, "people"},
				{events.Injured, nil, nil, events.QualUnspecified, "the wounded", 66, "wounded"}}},
		{"unspecified restating a figure", "Two aid workers were kidnapped on Tuesday. The men were taken hostage on a road.",
			[]rec{{events.Kidnapped, ip(2), nil, events.QualExact, "Two aid workers", 0, "aid workers"}}},
		{"bodies of", "They sat next to the bodies of their dead mothers.",
			[]rec{{events.Killed, nil, nil, events.QualUnspecified, "dead mothers", 37, "dead mothers"}}},
		{"harm modifier", "Food is needed for freshly displaced people in the west.",
			[]rec{{events.Displaced, nil, nil, events.QualUnspecified, "freshly displaced people", 19, "freshly displaced people"}}},
		{"people fleeing", "The number of people fleeing violence continued to rise.",
			[]rec{{events.Displaced, nil, nil, events.QualUnspecified, "people", 14, "people"}}},
		{"injuries that occurred", "He regretted the injuries that occurred.",
			[]rec{{events.Injured, nil, nil, events.QualUnspecified, "the injuries", 13, "people"}}},
		{"homeless toll", "The number of homeless has grown to more than 300,000.",
			[]rec{{events.Displaced, ip(300000), nil, events.QualMoreThan, "more than 300,000", 36, "homeless"}}},
		{"parts among a total", "Two colonels and two lieutenants were among the 40 people detained on Wednesday.",
			[]rec{{events.Arrested, ip(40), nil, events.QualExact, "40 people", 48, "people"}}},
		{"parts among those", "Police detained 40 people, and two colonels were among those detained.",
			[]rec{{events.Arrested, ip(40), nil, events.QualExact, "40 people", 16, "people"}}},
		{"parts in a later sentence", "Police detained 40 people. Two colonels were among those detained.",
			[]rec{{events.Arrested, ip(40), nil, events.QualExact, "40 people", 16, "people"},
				{events.Arrested, ip(2), nil, events.QualExact, "Two colonels", 27, "colonels"}}},
		{"perfect active is no passive", "Police have arrested six people.",
			[]rec{{events.Arrested, ip(6), nil, events.QualExact, "six people", 21, "people"}}},
		{"list of people", "At least twenty motorcyclists, car drivers and passengers are thought to be dead.",
			[]rec{{events.Killed, ip(20), nil, events.QualAtLeast, "At least twenty motorcyclists, car drivers and passengers", 0, "motorcyclists, car drivers and passengers"}}},
		{"inverted among", "Among the dead were three children and a woman.",
			[]rec{{events.Killed, ip(3), nil, events.QualExact, "three children", 20, "children"},
				{events.Killed, ip(1), nil, events.QualExact, "a woman", 39, "woman"}}},
		{"these included", "The raid killed several civilians. These included a pregnant woman and a boy.",
			[]rec{{events.Killed, nil, nil, events.QualVague, "several civilians", 16, "civilians"},
				{events.Killed, ip(1), nil, events.QualExact, "a pregnant woman", 50, "pregnant woman"},
				{events.Killed, ip(1), nil, events.QualExact, "a boy", 71, "boy"}}},
		{"missing plane", "The jet vanished over the sea today. The flight carried 162 people. 155 passengers and seven crew were on board. Most were Indonesians, with three Koreans and one Malaysian on board.",
			[]rec{{events.Missing, ip(162), nil, events.QualExact, "162 people", 56, "people"},
				{events.Missing, ip(155), nil, events.QualExact, "155 passengers", 68, "passengers"},
				{events.Missing, ip(7), nil, events.QualExact, "seven crew", 87, "crew"},
				{events.Missing, nil, nil, events.QualVague, "Most", 113, "indonesians"},
				{events.Missing, ip(3), nil, events.QualExact, "three Koreans", 141, "koreans"},
				{events.Missing, ip(1), nil, events.QualExact, "one Malaysian", 159, "malaysian"}}},
		{"crashed plane", "A plane with 115 passengers and 6 crew onboard crashed into a mountain. All on board perished. There were 4 Armenian passengers.",
			[]rec{{events.Killed, ip(115), nil, events.QualExact, "115 passengers", 13, "passengers"},
				{events.Killed, ip(6), nil, events.QualExact, "6 crew", 32, "crew"},
				{events.Killed, ip(4), nil, events.QualExact, "4 Armenian passengers", 106, "armenian passengers"}}},
		{"no lost craft", "The ATR-42 can carry up to 48 passengers. All 130 passengers had their luggage left behind.", nil},
		{"mother and her children", "In a second account a woman and her two children were killed by a sniper.",
			[]rec{{events.Killed, ip(3), nil, events.QualExact, "a woman and her two children", 20, "woman"}}},
		{"two harms joined", "His partner in Iran was arrested and hanged last year.",
			[]rec{{events.Arrested, ip(1), nil, events.QualExact, "His partner", 0, "partner"},
				{events.Killed, ip(1), nil, events.QualExact, "His partner", 0, "partner"}}},
		{"gerund after to", "Six people pled guilty to murdering a woman.",
			[]rec{{events.Killed, ip(1), nil, events.QualExact, "a woman", 36, "woman"}}},
		{"harm nouns joined", "Syria attributes 2,600 government and security forces deaths to terrorists.",
			[]rec{{events.Killed, ip(2600), nil, events.QualExact, "2,600 government and security forces deaths", 17, "government and security forces"}}},
		{"surrendered to police", "Police said the suspected gunman surrendered himself to police.",
			[]rec{{events.Arrested, ip(1), nil, events.QualExact, "the suspected gunman", 12, "suspected gunman"}}},
		{"the other", "One of the pilots escaped but the other was killed.",
			[]rec{{events.Killed, ip(1), nil, events.QualExact, "the other", 30, "pilots"}}},
		{"objects of a list of verbs", "These bombs killed at least 28, wounded 130, and destroyed 30 houses.",
			[]rec{{events.Killed, ip(28), nil, events.QualAtLeast, "at least 28", 19, "people"},
				{events.Injured, ip(130), nil, events.QualExact, "130", 40, "people"}}},
		{"listed figures do not merge", "The raid killed four people. Police say five children, four women and two men were shot in the head and their bodies dumped.",
			[]rec{{events.Killed, ip(4), nil, events.QualExact, "four people", 16, "people"},
				{events.Killed, ip(5), nil, events.QualExact, "five children", 40, "children"},
				{events.Killed, ip(4), nil, events.QualExact, "four women", 55, "women"},
				{events.Killed, ip(2), nil, events.QualExact, "two men", 70, "men"}}},
		{"reduced relative of a definite group", "Our thoughts are with the police officers injured in this brutal act.",
			[]rec{{events.Injured, nil, nil, events.QualUnspecified, "police officers", 26, "police officers"}}},
		{"background group", "The group won a prize for helping refugees displaced by World War II.", nil},
		{"definite figure sums parts", "Police arrested two colonels and two lieutenants on Saturday. The arrests are the latest in the case. The news agency said the four army officers were arrested in Istanbul.",
			[]rec{{events.Arrested, ip(4), nil, events.QualExact, "four army officers", 127, "army officers"}}},
		{"plane all dead", "The plane went missing on Sunday. All 65 people on board were presumed dead. The plane reportedly had a crew of six and 59 passengers.",
			[]rec{{events.Killed, ip(65), nil, events.QualExact, "65 people", 38, "people"},
				{events.Killed, ip(6), nil, events.QualExact, "a crew of six", 102, "crew"},
				{events.Killed, ip(59), nil, events.QualExact, "59 passengers", 120, "passengers"}}},
		{"rescue boat crew", "The plane went missing near the island. A rescue boat with a crew of 22 has been dispatched.", nil},
		{"hijacked ship", "Pirates hijacked the tanker on Saturday. The ship had 25 crew on board.",
			[]rec{{events.Kidnapped, ip(25), nil, events.QualExact, "25 crew", 54, "crew"}}},
		{"phrase after the subject", "On June 22, approximately 20 of the 25 employees for the newspaper were taken into custody.",
			[]rec{{events.Arrested, ip(20), nil, events.QualAbout, "approximately 20 of the 25 employees", 12, "employees"}}},
		{"infinitive of a deed done", "Heavy rainfall has forced China to evacuate more than 550,000 people from their homes.",
			[]rec{{events.Displaced, ip(550000), nil, events.QualMoreThan, "more than 550,000 people", 44, "people"}}},
		{"topic of a figure", "For the injured, the latest figure is 446.",
			[]rec{{events.Injured, ip(446), nil, events.QualExact, "446", 38, "people"}}},
		{"succumbed", "Two soldiers later succumbed to their wounds.",
			[]rec{{events.Killed, ip(2), nil, events.QualExact, "Two soldiers", 0, "soldiers"}}},
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

// withPersons adds person actors for every mention of the given names, as
// the actors stage gives them.
func withPersons(t testing.TB, d *pipeline.Document, names ...string) {
	t.Helper()
	for _, n := range names {
		act := events.Actor{Name: n, Kind: events.KindPerson}
		for i := 0; ; {
			j := strings.Index(d.Text[i:], n)
			if j < 0 {
				break
			}
			act.Spans = append(act.Spans, events.Span{Start: i + j, End: i + j + len(n)})
			i += j + len(n)
		}
		require.NotEmpty(t, act.Spans, n)
		d.Out.Actors = append(d.Out.Actors, act)
	}
}

// counts are the counts of the figures in TestNamedPersons that are not
// figures of one.
var counts = map[string]int{"47": 47, "two infants": 2, "40 individuals": 40}

// named is an expected record of count 1 unless counts says otherwise.
type named struct {
	cat     string
	phrase  string
	at      int
	victims string
}

func TestNamedPersons(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		names []string
		want  []named
	}{
		{"description before the name", "British soldier Lee Rigby was killed in Woolwich.", []string{"Lee Rigby"},
			[]named{{events.Killed, "British soldier Lee Rigby", 0, "british soldier"}}},
		{"capitalised description", "Pilot Andy Hill is presently alive but critically injured in hospital.", []string{"Andy Hill"},
			[]named{{events.Injured, "Pilot Andy Hill", 0, "pilot"}}},
		{"inverted with a relative description", "Also killed was Matt Jones, 24, who worked as a personal trainer.", []string{"Matt Jones"},
			[]named{{events.Killed, "Matt Jones", 16, "personal trainer"}}},
		{"appositive description", "Matt Jones, a personal trainer, died.", []string{"Matt Jones"},
			[]named{{events.Killed, "Matt Jones", 0, "personal trainer"}}},
		{"appositive after an object", "Police arrested Tendai Biti, the secretary-general of the party.", []string{"Tendai Biti"},
			[]named{{events.Arrested, "Tendai Biti", 16, "secretary-general"}}},
		{"names coordinated over an age", "They are accused of murdering David Miller, 24, from Jersey, and Hannah Witheridge, 23.", []string{"David Miller", "Hannah Witheridge"},
			[]named{{events.Killed, "David Miller", 30, "david miller"}, {events.Killed, "Hannah Witheridge", 65, "hannah witheridge"}}},
		{"harm told after being", "Tendai Biti appeared in court today after being arrested on Thursday.", []string{"Tendai Biti"},
			[]named{{events.Arrested, "Tendai Biti", 0, "tendai biti"}}},
		{"named person among a total", "Ibrahim Sahin was among the 40 individuals arrested Wednesday.", []string{"Ibrahim Sahin"},
			[]named{{events.Arrested, "40 individuals", 28, "individuals"}, {events.Arrested, "Ibrahim Sahin", 0, "ibrahim sahin"}}},
		{"on board a crashed plane", "The crash killed all 47 on board. Also on board was Junaid Jamshed, a popstar. Other passengers included Osama Warraich and two infants.", []string{"Junaid Jamshed", "Osama Warraich"},
			[]named{{events.Killed, "47", 21, "people"}, {events.Killed, "Junaid Jamshed", 52, "popstar"}, {events.Killed, "Osama Warraich", 105, "osama warraich"}, {events.Killed, "two infants", 124, "infants"}}},
		{"possessive harm", "Baby P's death shocked the country.", []string{"Baby P"},
			[]named{{events.Killed, "Baby P's death", 0, "baby p"}}},
		{"appositive participle", "The whereabouts of Rehmatullah Daparkhel, kidnapped on August 11, are unknown.", []string{"Rehmatullah Daparkhel"},
			[]named{{events.Kidnapped, "Rehmatullah Daparkhel", 19, "rehmatullah daparkhel"}}},
		{"held for years", "Australian David Hicks, held for five years at Guantanamo Bay, was transferred.", []string{"David Hicks"},
			[]named{{events.Arrested, "Australian David Hicks", 0, "david hicks"}}},
		{"inverted over an age", "Amongst those detained was 42-year-old Xue Jinbo, who died in custody on Sunday.", []string{"Xue Jinbo"},
			[]named{{events.Arrested, "Xue Jinbo", 39, "xue jinbo"}, {events.Killed, "Xue Jinbo", 39, "xue jinbo"}}},
		{"long appositive", "Keyvan Samimi Behbehani, a member of the Center for Human Rights Defenders' Arbitrary Arrests Committee and editor of a banned periodical called Nameh, was taken into custody at his home.", []string{"Keyvan Samimi Behbehani"},
			[]named{{events.Arrested, "Keyvan Samimi Behbehani", 0, "member"}}},
		{"relative clauses in a row", "British photojournalist Tim Hetherington, who co-directed the film Restrepo, which was nominated for an Academy Award this year, died from wounds he suffered in an attack.", []string{"Tim Hetherington"},
			[]named{{events.Killed, "British photojournalist Tim Hetherington", 0, "british photojournalist"}}},
		{"one person fleeing is no displacement", "Later, Jean-Pierre Bemba, who fled the country in 2007, was arrested near Brussels.", []string{"Jean-Pierre Bemba"},
			[]named{{events.Arrested, "Jean-Pierre Bemba", 7, "jean-pierre bemba"}}},
		{"one-word mention of a full name", "They are accused of killing Kim Jong Nam at the airport. The agent caused Kim's death.", []string{"Kim Jong Nam"},
			[]named{{events.Killed, "Kim Jong Nam", 28, "kim jong nam"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := doc(t, tt.text)
			withPersons(t, d, tt.names...)
			got := run(t, d)
			require.Len(t, got, len(tt.want), "got %+v", got)
			for i, w := range tt.want {
				g := got[i]
				assert.Equal(t, w.cat, g.Category, "record %d", i)
				require.NotNil(t, g.Count, "record %d", i)
				if n, ok := counts[w.phrase]; ok {
					assert.Equal(t, n, *g.Count, "record %d", i)
				} else {
					assert.Equal(t, 1, *g.Count, "record %d", i)
				}
				assert.Equal(t, events.QualExact, g.Qualifier, "record %d", i)
				assert.Equal(t, w.phrase, g.Phrase, "record %d", i)
				assert.Equal(t, events.Span{Start: w.at, End: w.at + len(w.phrase)}, g.Span, "record %d", i)
				assert.Equal(t, w.victims, g.Victims, "record %d", i)
			}
		})
	}
}

func TestPartsBreakdown(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []events.Breakdown
	}{
		{"among a total", "Two colonels and two lieutenants were among the 40 people detained on Wednesday.",
			[]events.Breakdown{{Group: "colonels", Count: 2}, {Group: "lieutenants", Count: 2}}},
		{"among those after the figure", "Police detained 40 people, and two colonels were among those detained.",
			[]events.Breakdown{{Group: "colonels", Count: 2}}},
		{"missing plane passengers", "The jet vanished over the sea. Among the 155 passengers on the flight are three Koreans and one Malaysian.",
			[]events.Breakdown{{Group: "koreans", Count: 3}, {Group: "malaysian", Count: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := run(t, doc(t, tt.text))
			require.Len(t, got, 1, "got %+v", got)
			assert.Equal(t, tt.want, got[0].Breakdown)
		})
	}
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
		"Also killed was Matt Jones, 24.", "board was", "Among the dead were three children and a woman.",
		"The jet vanished. 155 passengers and seven crew were on board. Most were Indonesians, with one Brit on board.",
		"They sat by the bodies of their dead mothers and the wounded.", "For the injured, the latest figure is 446.",
		"Two colonels were among the 40 people detained.", "a woman and her two children were shot",
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
	m, err := ner.NewModel(ner.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	d.NLP = m.Analyze(d.Text)
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
