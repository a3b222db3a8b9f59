package eval

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsdesk/extractor/pkg/events"
)

func intp(n int) *int { return &n }

func TestScoreActors(t *testing.T) {
	person := func(name string, aliases ...string) events.Actor {
		return events.Actor{Name: name, Kind: events.KindPerson, Aliases: aliases}
	}
	tests := []struct {
		name       string
		gold, pred []events.Actor
		want       Counts
		kind       Accuracy
		role       Accuracy
		affil      Accuracy
	}{
		{
			name: "alias of the prediction equals the gold name",
			gold: []events.Actor{person("Hossein Amir-Abdollahian")},
			pred: []events.Actor{person("Amir-Abdollahian", "Hossein Amir Abdollahian")},
			want: Counts{TP: 1}, kind: Accuracy{1, 1},
		},
		{
			name: "normalisation: diacritics, case, the, possessive before a word",
			gold: []events.Actor{{Name: "The Ministry of Foreign Affairs", Kind: events.KindOrganization, Aliases: []string{"Pakistan's Foreign Office"}}},
			pred: []events.Actor{{Name: "pakistan’s foreign office", Kind: events.KindOrganization}},
			want: Counts{TP: 1}, kind: Accuracy{1, 1},
		},
		{
			name: "a final possessive is kept, so it does not match",
			gold: []events.Actor{{Name: "Google", Kind: events.KindOrganization}},
			pred: []events.Actor{{Name: "Google's", Kind: events.KindOrganization}},
			want: Counts{FP: 1, FN: 1},
		},
		{
			name: "person predicted as organization matches with a wrong kind",
			gold: []events.Actor{person("Jaish al-Adl")},
			pred: []events.Actor{{Name: "Jaish al Adl", Kind: events.KindOrganization}},
			want: Counts{TP: 1}, kind: Accuracy{0, 1},
		},
		{
			name: "a duplicate prediction is a false positive",
			gold: []events.Actor{person("Barack Obama", "Obama")},
			pred: []events.Actor{person("Obama"), person("Barack Obama")},
			want: Counts{TP: 1, FP: 1}, kind: Accuracy{1, 1},
		},
		{
			name: "the pair sharing more names is taken first",
			gold: []events.Actor{person("Ahmed Mohamed", "Mohamed"), person("Mohamed El-Hassan Mohamed", "Mohamed")},
			pred: []events.Actor{person("Mohamed El-Hassan Mohamed", "Mohamed"), person("Ahmed Mohamed")},
			want: Counts{TP: 2}, kind: Accuracy{2, 2},
		},
		{
			name: "roles: words overlap by half of the longer side",
			gold: []events.Actor{
				{Name: "A B", Kind: events.KindPerson, Roles: []string{"foreign minister"}},
				{Name: "C D", Kind: events.KindPerson, Roles: []string{"foreign minister", "spokesperson"}},
				{Name: "E F", Kind: events.KindPerson, Roles: []string{}},
			},
			pred: []events.Actor{
				{Name: "A B", Kind: events.KindPerson, Roles: []string{"Minister"}},
				{Name: "C D", Kind: events.KindPerson, Roles: []string{"minister"}},
				{Name: "E F", Kind: events.KindPerson, Roles: []string{"analyst"}},
			},
			want: Counts{TP: 3}, kind: Accuracy{3, 3}, role: Accuracy{1, 2},
		},
		{
			name: "affiliation: normalised equality over non-empty gold values",
			gold: []events.Actor{
				{Name: "A B", Kind: events.KindPerson, Affiliation: "PK"},
				{Name: "C D", Kind: events.KindPerson, Affiliation: "Ministry of Foreign Affairs"},
				{Name: "E F", Kind: events.KindPerson},
			},
			pred: []events.Actor{
				{Name: "A B", Kind: events.KindPerson, Affiliation: "pk"},
				{Name: "C D", Kind: events.KindPerson, Affiliation: "Foreign Ministry"},
				{Name: "E F", Kind: events.KindPerson, Affiliation: "IR"},
			},
			want: Counts{TP: 3}, kind: Accuracy{3, 3}, affil: Accuracy{1, 2},
		},
		{
			name: "states are not actors",
			gold: []events.Actor{{Name: "Iran", Kind: events.KindState, Affiliation: "IR"}},
			pred: []events.Actor{{Name: "Iran", Kind: events.KindOrganization}},
			want: Counts{FP: 1},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := ScoreArticle(&events.Document{ID: "a", Actors: tc.gold}, &events.Document{ID: "a", Actors: tc.pred})
			assert.Equal(t, tc.want, r.Actors)
			assert.Equal(t, tc.kind, r.ActorKind)
			assert.Equal(t, tc.role, r.ActorRole)
			assert.Equal(t, tc.affil, r.ActorAffiliation)
		})
	}
}

func TestScoreStates(t *testing.T) {
	state := func(name, code string) events.Actor {
		return events.Actor{Name: name, Kind: events.KindState, Affiliation: code}
	}
	tests := []struct {
		name       string
		gold, pred []events.Actor
		want       Counts
	}{
		{"same alpha-2 code", []events.Actor{state("Iran", "IR")}, []events.Actor{state("Islamic Republic of Iran", "IR")}, Counts{TP: 1}},
		{"shared name without a code", []events.Actor{state("Pakistan", "PK")}, []events.Actor{state("Pakistan", "")}, Counts{TP: 1}},
		{"different code and name", []events.Actor{state("Iran", "IR")}, []events.Actor{state("Iraq", "IQ")}, Counts{FP: 1, FN: 1}},
		{"empty codes do not match", []events.Actor{state("Iran", "")}, []events.Actor{state("Iraq", "")}, Counts{FP: 1, FN: 1}},
		{"person and organization predictions are not states", []events.Actor{state("Iran", "IR")}, []events.Actor{{Name: "Iran", Kind: events.KindPerson}}, Counts{FN: 1}},
		{
			"code and name together beat code alone",
			[]events.Actor{state("Iran", "IR"), state("Iraq", "IQ")},
			[]events.Actor{state("Iraq", "IR"), state("Iran", "IR")},
			Counts{TP: 2},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := ScoreArticle(&events.Document{ID: "a", Actors: tc.gold}, &events.Document{ID: "a", Actors: tc.pred})
			assert.Equal(t, tc.want, r.States)
		})
	}
}

func TestScoreLocations(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred []events.Location
		want       Counts
		country    Accuracy
	}{
		{
			name: "trailing province dropped on both sides",
			gold: []events.Location{{Name: "Sistan and Baluchestan", Country: "IR"}},
			pred: []events.Location{{Name: "Sistan and Baluchestan Province", Country: "IR"}},
			want: Counts{TP: 1}, country: Accuracy{1, 1},
		},
		{
			name: "hyphenated alias",
			gold: []events.Location{{Name: "Sistan and Baluchestan", Country: "IR", Aliases: []string{"Sistan-Baluchestan"}}},
			pred: []events.Location{{Name: "Sistan Baluchestan region"}},
			want: Counts{TP: 1}, country: Accuracy{0, 1},
		},
		{
			name: "country accuracy counts an empty gold code",
			gold: []events.Location{{Name: "Middle East", Country: ""}},
			pred: []events.Location{{Name: "the Middle East"}},
			want: Counts{TP: 1}, country: Accuracy{1, 1},
		},
		{
			name: "a longer name is not a match",
			gold: []events.Location{{Name: "Kharkiv", Country: "UA"}},
			pred: []events.Location{{Name: "Kharkiv Oblast Administration", Country: "UA"}},
			want: Counts{FP: 1, FN: 1},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := ScoreArticle(&events.Document{ID: "a", Locations: tc.gold}, &events.Document{ID: "a", Locations: tc.pred})
			assert.Equal(t, tc.want, r.Locations)
			assert.Equal(t, tc.country, r.LocationCountry)
		})
	}
}

func TestScoreCasualties(t *testing.T) {
	c := func(cat string, n, nmax *int, qual, victims string) events.Casualty {
		return events.Casualty{Category: cat, Count: n, CountMax: nmax, Qualifier: qual, Victims: victims}
	}
	tests := []struct {
		name       string
		gold, pred []events.Casualty
		want       Counts
		qual       Accuracy
	}{
		{"same category and count", []events.Casualty{c("killed", intp(9), nil, "at_least", "people")}, []events.Casualty{c("killed", intp(9), nil, "exact", "civilians")}, Counts{TP: 1}, Accuracy{0, 1}},
		{"other category", []events.Casualty{c("killed", intp(9), nil, "exact", "people")}, []events.Casualty{c("injured", intp(9), nil, "exact", "people")}, Counts{FP: 1, FN: 1}, Accuracy{}},
		{"other count_max", []events.Casualty{c("killed", intp(10), intp(15), "range", "people")}, []events.Casualty{c("killed", intp(10), nil, "exact", "people")}, Counts{FP: 1, FN: 1}, Accuracy{}},
		{"null counts sharing a victims word", []events.Casualty{c("killed", nil, nil, "vague", "dozens of soldiers")}, []events.Casualty{c("killed", nil, nil, "vague", "soldiers")}, Counts{TP: 1}, Accuracy{1, 1}},
		{"null counts sharing only ignored words", []events.Casualty{c("killed", nil, nil, "vague", "the people of the town")}, []events.Casualty{c("killed", nil, nil, "vague", "people")}, Counts{FP: 1, FN: 1}, Accuracy{}},
		{"null counts with only ignored words left", []events.Casualty{c("injured", nil, nil, "unspecified", "people")}, []events.Casualty{c("injured", nil, nil, "vague", "the people")}, Counts{TP: 1}, Accuracy{0, 1}},
		{"null against a number", []events.Casualty{c("killed", nil, nil, "vague", "soldiers")}, []events.Casualty{c("killed", intp(3), nil, "exact", "soldiers")}, Counts{FP: 1, FN: 1}, Accuracy{}},
		{
			"the pair sharing victims words is taken first",
			[]events.Casualty{c("killed", intp(1), nil, "exact", "soldier"), c("killed", intp(1), nil, "exact", "police officer")},
			[]events.Casualty{c("killed", intp(1), nil, "exact", "police officer"), c("killed", intp(1), nil, "exact", "soldier")},
			Counts{TP: 2}, Accuracy{2, 2},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := ScoreArticle(&events.Document{ID: "a", Casualties: tc.gold}, &events.Document{ID: "a", Casualties: tc.pred})
			assert.Equal(t, tc.want, r.Casualties)
			assert.Equal(t, tc.qual, r.CasualtyQualifier)
		})
	}
}

func TestScoreQuotes(t *testing.T) {
	actors := []events.Actor{{Name: "Hossein Amir-Abdollahian", Kind: events.KindPerson, Aliases: []string{"Amir-Abdollahian"}}}
	direct := func(text, speaker string) events.Quote {
		return events.Quote{Kind: events.QuoteDirect, Text: text, Speaker: speaker}
	}
	indirect := func(text, speaker string) events.Quote {
		return events.Quote{Kind: events.QuoteIndirect, Text: text, Speaker: speaker}
	}
	tests := []struct {
		name             string
		gold, pred       []events.Quote
		direct, indirect Counts
		speaker          Accuracy
	}{
		{
			name:    "half of the longer quote's words overlap",
			gold:    []events.Quote{direct("We will respond to this attack with force.", "Hossein Amir-Abdollahian")},
			pred:    []events.Quote{direct("we will respond to this attack", "Amir-Abdollahian")},
			direct:  Counts{TP: 1},
			speaker: Accuracy{1, 1},
		},
		{
			name:   "less than half is no match",
			gold:   []events.Quote{direct("We will respond to this attack with all the force we have.", "X")},
			pred:   []events.Quote{direct("We will respond soon.", "X")},
			direct: Counts{FP: 1, FN: 1},
		},
		{
			name:     "kinds are scored apart",
			gold:     []events.Quote{indirect("several missiles hit a village near the border", "Iranian media")},
			pred:     []events.Quote{direct("several missiles hit a village near the border", "Iranian media")},
			direct:   Counts{FP: 1},
			indirect: Counts{FN: 1},
		},
		{
			name: "gold fragments and predictions overlapping them are left out",
			gold: []events.Quote{direct("so-called operation", "X"), direct("terrorist hideouts inside Iran", "X")},
			pred: []events.Quote{direct("the so-called operation", "X"), direct("so-called operation began at dawn", "X"), direct("hideouts inside Iran", "X")},
			// "hideouts inside Iran" has three words: left out; the 4-word
			// gold quote is missed.
			direct: Counts{FN: 1},
		},
		{
			name:     "wrong speaker",
			gold:     []events.Quote{indirect("Pakistan conducted strikes against terrorist hideouts", "Pakistan")},
			pred:     []events.Quote{indirect("Pakistan conducted strikes against terrorist hideouts", "Pakistani authorities")},
			indirect: Counts{TP: 1},
			speaker:  Accuracy{0, 1},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := ScoreArticle(&events.Document{ID: "a", Actors: actors, Quotes: tc.gold},
				&events.Document{ID: "a", Actors: actors, Quotes: tc.pred})
			assert.Equal(t, tc.direct, r.QuotesDirect)
			assert.Equal(t, tc.indirect, r.QuotesIndirect)
			sp := r.SpeakerDirect
			sp.add(r.SpeakerIndirect)
			assert.Equal(t, tc.speaker, sp)
		})
	}
}

func TestScoreMissingPrediction(t *testing.T) {
	gold := map[string]*events.Document{
		"a": {ID: "a", Actors: []events.Actor{{Name: "Iran", Kind: events.KindState, Affiliation: "IR"}}},
		"b": {ID: "b", Locations: []events.Location{{Name: "Tehran", Country: "IR"}}},
	}
	pred := map[string]*events.Document{
		"b":     {ID: "b", Locations: []events.Location{{Name: "Tehran", Country: "IR"}}},
		"extra": {ID: "extra", Locations: []events.Location{{Name: "Paris"}}},
	}
	r := Score(gold, pred)
	assert.Equal(t, 2, r.Articles)
	assert.Equal(t, Counts{FN: 1}, r.States)
	assert.Equal(t, Counts{TP: 1}, r.Locations)
	require.Len(t, r.Results, 2)
	assert.Equal(t, "a", r.Results[0].ID)
	assert.Equal(t, []Finding{{Kind: KindStates, Record: "Iran (state, IR)"}}, r.Results[0].Missed)
}

func TestReportJSON(t *testing.T) {
	r := &Report{Articles: 1}
	r.Actors = Counts{TP: 2, FP: 1, FN: 3}
	r.ActorKind = Accuracy{Right: 2, N: 3}
	raw, err := json.Marshal(r)
	require.NoError(t, err)
	var got map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(raw, &got))
	assert.JSONEq(t, `{"p":0.667,"r":0.4,"f1":0.5,"tp":2,"fp":1,"fn":3}`, string(got["actors"]))
	assert.Equal(t, `{"p":0.0,"r":0.0,"f1":0.0,"tp":0,"fp":0,"fn":0}`, string(got["states"]))
	assert.Equal(t, `{"acc":0.667,"n":3}`, string(got["actor_kind"]))
	assert.Equal(t, `{"acc":null,"n":0}`, string(got["speaker_direct"]))
	assert.Len(t, got, 14)
}

func TestRounded(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0.0"}, {1, "1.0"}, {0.5, "0.5"}, {2.0 / 3, "0.667"}, {0.0005, "0.001"}, {0.1235, "0.123"}, {0.44, "0.44"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			got, err := rounded(tc.in).MarshalJSON()
			require.NoError(t, err)
			assert.Equal(t, tc.want, string(got))
		})
	}
}
