package actors

import (
	"strings"

	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/pkg/fold"
	"github.com/newsdesk/extractor/pkg/gazetteer"
	"github.com/newsdesk/extractor/pkg/lexicon"
	"github.com/newsdesk/extractor/pkg/ner"
	"github.com/newsdesk/extractor/pkg/pipeline"
)

// kind is what a mention names.
type kind int

const (
	kUnknown   kind = iota
	kPerson         // a person's name
	kOrg            // an organization's name
	kCountry        // a country's name
	kCapital        // a capital city (a state when it acts)
	kDemonym        // a nationality adjective
	kPlace          // any other place
	kNonActor       // an event, work, facility
	kTitleOnly      // a title with no name ("Foreign Minister")
	kGovPhrase      // a country's government named by a phrase ("Pakistani authorities")
)

// mention is one capitalised run (or phrase) of the text and what it names.
type mention struct {
	first, last int    // tokens of the whole run, title prefix included
	core        int    // first token of the name proper
	start, end  int    // byte span of the name proper
	text        string // text[start:end]
	kind        kind
	iso2        string       // country, capital, demonym, government phrase
	org         *lexicon.Org // known organization
	orgKind     string
	titleRole   string // role from the title prefix ("prime minister")
	titled      string // the name with its title ("President Bush")
	honorific   bool   // Mr, Mrs before the name
	roles       []string
	aff         string // affiliation: ISO2 or organization name
	affRank     int    // strength of aff; higher wins
	pScore      float64
	pStrong     bool // a title, a role or a known person
	givenCue    bool // starts with a known given name
	oScore      float64
	placeScore  float64
	acting      bool     // a state mention that acts or speaks
	possessive  bool     // followed by 's
	actor       int      // index of its actor, -1 when none
	speech      bool     // followed by a speech verb
	acronym     bool     // an unknown all-capital word
	pluralRole  string   // a plural role before coordinated names
	inner       *mention // a country named inside an organization's name
}

// analysis is the per-article working state.
type analysis struct {
	*Actors
	d        *pipeline.Document
	text     string
	nlp      *ner.Analysis
	toks     []tok
	sents    []ner.Sentence
	locs     []events.Location
	mentions []*mention
	// tokMention maps a token to the index of the mention covering it
	tokMention []int32
	actors     []*actorRec
	mainCC     string // the article's main country
	ccCount    map[string]int
	// leaderGovs are governments named by their leader ("the Obama
	// administration"): the state is the leader's country
	leaderGovs []*mention
	// nameWordsOf memoizes nameWords; its slices are shared, read only.
	nameWordsOf map[string][]string
}

func newAnalysis(s *Actors, d *pipeline.Document) *analysis {
	return &analysis{
		Actors:  s,
		d:       d,
		text:    d.Text,
		nlp:     d.NLP,
		toks:    makeToks(d.NLP),
		sents:   d.NLP.Sentences,
		locs:    d.Out.Locations,
		ccCount: map[string]int{},

		nameWordsOf: map[string][]string{},
	}
}

// run finds the mentions, classifies them, reads their context and groups
// them into actors.
func (a *analysis) run() {
	for si := range a.sents {
		for _, c := range a.mergeChunks(a.chunks(si)) {
			if m := a.newMention(c); m != nil {
				a.mentions = append(a.mentions, m)
			}
		}
	}
	a.acronymPhrases()
	for _, m := range a.mentions {
		a.classify(m)
	}
	a.countCountries()
	for _, m := range a.mentions {
		a.readContext(m)
	}
	a.govPhrases()
	a.resolve()
}

// newMention makes a mention of run c, splitting off a title prefix.
func (a *analysis) newMention(c span) *mention {
	if c.first >= c.last || c.last > len(a.toks) {
		return nil
	}
	m := &mention{first: c.first, last: c.last, core: c.first, actor: -1}
	if c.nameAt > c.first && c.nameAt < c.last {
		// "Secretary of State Hillary Clinton"
		m.core = c.nameAt
		from := c.first
		if cc, ok := a.demonym(a.toks[from].Text); ok {
			m.aff, m.affRank = cc, 3
			from++
		} else if cc, ok := a.countryByName(a.toks[from].Text); ok {
			m.aff, m.affRank = cc, 3
			from++
		}
		m.titleRole = strings.ToLower(a.text[a.toks[from].Start:a.toks[c.nameAt-1].End])
		m.titled = a.text[a.toks[from].Start:a.toks[c.last-1].End]
		// "Director of Medical Service Dr. James Nyikal"
		for m.core+2 < c.last && a.honorificTok(a.toks[m.core]) {
			m.core++
			m.honorific = true
		}
	} else {
		a.splitTitle(m)
	}
	a.setCore(m)
	if c.last < len(a.toks) && isPossessive(a.toks[c.last]) {
		m.possessive = true
	}
	return m
}

// setCore sets the byte span and text of the name proper.
func (a *analysis) setCore(m *mention) {
	if m.core >= m.last {
		m.start, m.end, m.text = a.toks[m.first].Start, a.toks[m.last-1].End, ""
		return
	}
	m.start, m.end = a.toks[m.core].Start, a.toks[m.last-1].End
	m.text = a.text[m.start:m.end]
}

// splitTitle moves m.core past a leading title: honorifics (Mr), title
// words (President, Prime Minister, Maj. Gen.), and a demonym, country or
// known organization before them ("Iraqi Prime Minister", "UN
// Secretary-General"). The title must contain a title noun or honorific.
// A run that is all title ("Foreign Minister") gets an empty core.
func (a *analysis) splitTitle(m *mention) {
	if _, ok := a.lex.Org(a.text[a.toks[m.first].Start:a.toks[m.last-1].End]); ok {
		return // "General Electric"
	}
	i := m.first
	var role []string
	var roleEnd []int
	sawHead, sawHonor := false, false
	lastHead := -1
	aff := ""
loop:
	for i < m.last {
		t := a.toks[i]
		w := strings.TrimSuffix(t.low, ".")
		switch {
		case a.lex.Is(lexicon.Honorific, w) && t.cap:
			sawHonor = true
		case a.titleWord(t):
			role = append(role, a.titleText(t))
			roleEnd = append(roleEnd, i)
			if a.titleHead(t) {
				sawHead = true
				lastHead = i
			}
		case i == m.first && i+1 < m.last && t.cap && a.roleWord(t) && !a.lex.GivenName(t.Text) &&
			(a.runInitial(i) || a.lex.GivenName(a.toks[i+1].Text)):
			// "Survivor Syakrani", "Pan-democrat Lam Cheuk-ting"
			role = append(role, t.low)
			roleEnd = append(roleEnd, i)
			sawHead = true
			lastHead = i
		case i == m.first && i+1 < m.last && a.isDemonymOrCountry(t.Text):
			if cc, ok := a.demonym(t.Text); ok {
				aff = cc
			} else if cc, ok := a.countryByName(t.Text); ok {
				aff = cc
			}
		case i == m.first && i+1 < m.last && isAllCaps(t.Text):
			o, ok := a.lex.Org(t.Text)
			if !ok {
				break loop
			}
			aff = orgAff(o.Name)
		default:
			break loop
		}
		i++
	}
	if !sawHead && !sawHonor {
		return
	}
	// title modifiers after the last title noun belong to the name
	for len(roleEnd) > 0 && roleEnd[len(roleEnd)-1] > lastHead && sawHead {
		i = roleEnd[len(roleEnd)-1]
		role, roleEnd = role[:len(role)-1], roleEnd[:len(roleEnd)-1]
	}
	if i < m.last && !sawHonor && a.allCommon(i, m.last) {
		// "General Electric", "Major League": not a title and a name
		return
	}
	if aff != "" {
		m.aff, m.affRank = aff, 3
	}
	if len(role) > 0 {
		m.titleRole = strings.Join(role, " ")
	}
	m.honorific = sawHonor
	if i >= m.last {
		m.core = m.last
		return
	}
	m.core = i
	from := m.first
	if aff != "" {
		from++
	}
	if from < m.core {
		m.titled = a.text[a.toks[from].Start:a.toks[m.last-1].End]
	}
}

// runInitial reports whether token i begins a sentence or follows an
// opening quote or bracket.
func (a *analysis) runInitial(i int) bool {
	return i == a.sentStart(i) || i > 0 && openers[a.toks[i-1].Text]
}

// titleText is a title word as a role: lower case, abbreviations spelled
// out ("Gen." -> "general").
func (a *analysis) titleText(t tok) string {
	w := strings.TrimSuffix(t.low, ".")
	if v, ok := a.lex.Word(lexicon.TitleHead, w); ok && v != "" && v != w && len(w) <= 5 {
		return v
	}
	return t.low
}

// allCommon reports whether tokens [i, j) are all common English words and
// none a known given name.
func (a *analysis) allCommon(i, j int) bool {
	for k := i; k < j; k++ {
		t := a.toks[k]
		if !a.lex.Is(lexicon.Common, t.low) || a.lex.GivenName(t.Text) && !a.lex.Is(lexicon.Common, t.low) {
			return false
		}
	}
	return true
}

// titleWord reports whether t can be part of a title before a name.
func (a *analysis) titleWord(t tok) bool {
	if !t.cap {
		return false
	}
	w := strings.TrimSuffix(t.low, ".")
	if a.lex.Is(lexicon.TitleHead, w) || a.lex.Is(lexicon.TitleMod, w) {
		return true
	}
	if strings.Contains(w, "-") {
		for _, p := range strings.Split(w, "-") {
			if !a.lex.Is(lexicon.TitleHead, p) && !a.lex.Is(lexicon.TitleMod, p) && p != "in" && p != "at" && p != "of" {
				return false
			}
		}
		return true
	}
	return false
}

// titleHead reports whether t is a title noun (or a hyphenated title
// ending in one: "Major-General").
func (a *analysis) titleHead(t tok) bool {
	w := strings.TrimSuffix(t.low, ".")
	if i := strings.LastIndexByte(w, '-'); i >= 0 && a.titleWord(t) {
		return a.lex.Is(lexicon.TitleHead, w[i+1:]) || a.lex.Is(lexicon.TitleHead, w)
	}
	return a.lex.Is(lexicon.TitleHead, w)
}

func (a *analysis) isDemonymOrCountry(s string) bool {
	if _, ok := a.demonym(s); ok {
		return true
	}
	_, ok := a.countryByName(s)
	return ok
}

// gazetteer access, safe with a nil gazetteer.

func (a *analysis) countryByName(s string) (string, bool) {
	if a.gz == nil || s == "" {
		return "", false
	}
	c, ok := a.gz.CountryByName(s)
	if !ok || c.ISO2 == "" {
		return "", false
	}
	// "US" and "UK" only in capitals; a lower-case "us" is a pronoun
	if strings.ToLower(s) == s {
		return "", false
	}
	return c.ISO2, true
}

func (a *analysis) countryName(iso2 string) string {
	if a.gz != nil {
		if c, ok := a.gz.CountryByCode(iso2); ok && c.Name != "" {
			return c.Name
		}
	}
	return iso2
}

func (a *analysis) demonym(s string) (string, bool) {
	if a.gz == nil || s == "" || strings.ToLower(s) == s {
		return "", false
	}
	return a.gz.Demonym(s)
}

func (a *analysis) capitalOf(s string) (string, bool) {
	if a.gz == nil || s == "" {
		return "", false
	}
	return a.gz.CapitalOf(s)
}

func (a *analysis) lookup(s string) []gazetteer.Place {
	if a.gz == nil || s == "" {
		return nil
	}
	return a.gz.Lookup(s)
}

// isPlace reports whether s names a place of the gazetteer. An acronym
// ("NISA") is not looked up.
func (a *analysis) isPlace(s string) bool {
	if _, ok := a.countryByName(s); ok {
		return true
	}
	if isAllCaps(s) && len(s) <= 6 {
		return false
	}
	return len(a.lookup(s)) > 0
}

// isPlaceName reports whether s is exactly the name of a gazetteer place
// (not only close to one).
func (a *analysis) isPlaceName(s string) bool {
	if _, ok := a.countryByName(s); ok {
		return true
	}
	k := fold.Key(s)
	for _, p := range a.lookup(s) {
		if fold.Key(p.Name) == k {
			return true
		}
	}
	return false
}

// locationAt returns the geo location with a mention span equal to or
// covering [start, end).
func (a *analysis) locationAt(start, end int) (*events.Location, bool) {
	for i := range a.locs {
		for _, sp := range a.locs[i].Spans {
			if sp.Start <= start && end <= sp.End {
				return &a.locs[i], true
			}
		}
	}
	return nil, false
}

// countCountries counts the countries named in the article (mentions and
// geo locations) to find its main country, the default affiliation.
func (a *analysis) countCountries() {
	for _, m := range a.mentions {
		switch m.kind {
		case kCountry, kCapital, kDemonym:
			a.ccCount[m.iso2]++
		}
	}
	for _, l := range a.locs {
		if l.Country != "" {
			n := len(l.Spans)
			if n == 0 {
				n = 1
			}
			a.ccCount[l.Country] += n
		}
	}
	best := 0
	for cc, n := range a.ccCount {
		if n > best || n == best && cc < a.mainCC {
			a.mainCC, best = cc, n
		}
	}
}
