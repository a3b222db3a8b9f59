package geo

import (
	"strings"

	"github.com/newsdesk/extractor/pkg/gazetteer"
)

// docCtx is what the filters and the resolver know of the whole article.
type docCtx struct {
	text string
	ws   []word
	// Word indexes where a raw gazetteer mention starts or ends (last
	// word); strong* only for names that are places whatever the context.
	rawStart, rawEnd       map[int]bool
	rawEnds                map[int]int // start word -> end word (exclusive) of raw mentions
	strongStart, strongEnd map[int]bool
	admin1OrCountry        map[int]bool    // start words of raw names of admin-1 units or countries
	persons                map[string]bool // folded names used as a person's name
	sentPara               []int           // sentence index -> paragraph index
}

// para returns the paragraph of word i.
func (c *docCtx) para(i int) int {
	if i < 0 || i >= len(c.ws) || c.ws[i].sent >= len(c.sentPara) {
		return -1
	}
	return c.sentPara[c.ws[i].sent]
}

func newDocCtx(text string, ws []word) *docCtx {
	return &docCtx{text: text, ws: ws, rawStart: map[int]bool{}, rawEnd: map[int]bool{}, rawEnds: map[int]int{},
		strongStart: map[int]bool{}, strongEnd: map[int]bool{}, admin1OrCountry: map[int]bool{}, persons: map[string]bool{}}
}

// index records the raw mentions' word positions.
func (c *docCtx) index(raw []mention) {
	for i := range raw {
		m := &raw[i]
		c.rawStart[m.first] = true
		c.rawEnd[m.last-1] = true
		c.rawEnds[m.first] = m.last
		if strongPlace(m.cands) {
			c.strongStart[m.first] = true
			c.strongEnd[m.last-1] = true
		}
		for _, cd := range m.cands {
			if cd.Kind == gazetteer.KindCountry || cd.Kind == gazetteer.KindAdmin1 && cd.Flag == gazetteer.FlagMain {
				c.admin1OrCountry[m.first] = true
			}
		}
	}
}

// hasCountry reports whether any candidate is a country.
func hasCountry(cands []gazetteer.Candidate) bool {
	for _, c := range cands {
		if c.Kind == gazetteer.KindCountry {
			return true
		}
	}
	return false
}

// strongName reports candidates that are places whatever the context:
// countries and curated regions, features and facilities.
func strongName(cands []gazetteer.Candidate) bool {
	for _, c := range cands {
		switch c.Kind {
		case gazetteer.KindCountry, gazetteer.KindRegion, gazetteer.KindFeature, gazetteer.KindFacility:
			if c.Flag != gazetteer.FlagAlternate && c.Flag != gazetteer.FlagLoose {
				return true
			}
		}
	}
	return false
}

// strongPlace adds admin-1 units and well-known cities to strongName.
func strongPlace(cands []gazetteer.Candidate) bool {
	if strongName(cands) {
		return true
	}
	for _, c := range cands {
		if c.Flag != gazetteer.FlagMain {
			continue
		}
		if c.Kind == gazetteer.KindAdmin1 || wellKnown(c) {
			return true
		}
	}
	return false
}

// alwaysDrop reports stop-list categories whose words are never taken as a
// single-word place name.
func alwaysDrop(cat string) bool {
	for _, p := range []string{"person.", "stopword", "month", "weekday", "pronoun", "article", "preposition",
		"contraction", "time", "enum", "adverb", "season", "holiday", "directional", "abbrev", "well-known.person",
		"well-known.org", "well-known.brand", "language", "verb", "adj"} {
		if strings.HasPrefix(cat, p) {
			return true
		}
	}
	return false
}

// prevWord returns the index of the word before i in the same sentence, or -1.
func prevWord(ws []word, i int) int {
	if i <= 0 || i >= len(ws) || ws[i-1].sent != ws[i].sent {
		return -1
	}
	return i - 1
}

// nextWord returns the index of the word after i in the same sentence, or -1.
func nextWord(ws []word, i int) int {
	if i < 0 || i+1 >= len(ws) || ws[i+1].sent != ws[i].sent {
		return -1
	}
	return i + 1
}

// isNounish reports a lower-case common noun (by POS tag), not a time word.
func isNounish(w *word) bool {
	return !w.upper && strings.HasPrefix(w.tag, "NN") && !functionWord(w.key) && !calendarWord(w.key)
}

// extendUnit adds a unit word after the name to the mention ("Elazig
// province", "Awaran district") and records the kind it points to; it also
// reads "the province of X", "X and Y provinces" and "cities such as X, Y".
func (s *Locations) extendUnit(c *docCtx, m *mention) {
	ws := c.ws
	if k := ws[m.last-1].key; m.last-m.first >= 2 && unitSuffix(k) {
		// The name itself ends with a unit word ("Yazd Province").
		m.hint = unitCue(k)
	}
	if n := nextWord(ws, m.last-1); n >= 0 && gapOK(c.text, &ws[n-1], &ws[n]) && unitSuffix(ws[n].key) {
		// Not "pro-Beijing district councillor": the unit closes the phrase.
		after := nextWord(ws, n)
		// Not "Denver District Court", nor "the West Coast town of Oban".
		blocked := after >= 0 && (ws[after].upper && gapOK(c.text, &ws[n], &ws[after]) || c.unitOfPlace(after))
		if (after < 0 || !isNounish(&ws[after])) && !blocked {
			m.hint = unitCue(ws[n].key)
			m.span.End = ws[n].end
			m.last = n + 1
			m.ext = true
		}
	}
	// "the province of X", "the village of X".
	if p := prevWord(ws, m.first); p >= 0 && ws[p].key == "of" {
		if q := prevWord(ws, p); q >= 0 && !ws[q].upper {
			if h := unitCue(ws[q].key); h != "" {
				m.hint = h
			}
		}
	}
	// "X, Y and Z provinces": the list ends with a plural unit.
	for i := m.last; i < len(ws) && ws[i].sent == m.sent && i < m.last+40; i++ {
		k := ws[i].key
		if pluralUnit(k) || pluralFeature(k) {
			if listBetween(c, m.last, i) {
				m.hint = unitCue(k)
				if pluralFeature(k) {
					m.hint = gazetteer.KindFeature
				}
			}
			break
		}
		if !ws[i].upper && !listWord(&ws[i]) && !connector(k) {
			break
		}
	}
	// "cities such as X, Y and Z", "provinces including X".
	if h := c.listCue(m.first); h != "" && m.hint == "" {
		m.hint = h
	}
}

// listWord reports the separators of a list of names.
func listWord(w *word) bool { return w.text == "," || w.key == "and" || w.key == "or" }

// listBetween reports whether words [from, to) are only names, commas and
// "and" (a list of names before a plural unit noun).
func listBetween(c *docCtx, from, to int) bool {
	for i := from; i < to; i++ {
		w := &c.ws[i]
		if !w.upper && !listWord(w) && !connector(w.key) {
			return false
		}
	}
	return true
}

// listCue returns the kind that a plural unit noun heading a list gives to
// the name at word i: "cities such as Valparaíso, Viña del Mar".
func (c *docCtx) listCue(i int) string {
	ws := c.ws
	j := i - 1
	for j >= 0 && ws[j].sent == ws[i].sent && i-j < 60 {
		w := &ws[j]
		if w.upper || listWord(w) || connector(w.key) {
			j--
			continue
		}
		break
	}
	if j < 1 || ws[j].sent != ws[i].sent {
		return ""
	}
	// ws[j] is "as" (such as), "including", "like" or the plural noun.
	k := ws[j].key
	switch k {
	case "as":
		if j >= 2 && ws[j-1].key == "such" {
			return unitCue(ws[j-2].key)
		}
	case "including", "like":
		return unitCue(ws[j-1].key)
	}
	if pluralUnit(k) {
		return unitCue(k)
	}
	return ""
}

// judge applies the non-place filters to a raw gazetteer mention: longer
// proper names, people's names, adjectives, common words.
func (s *Locations) judge(c *docCtx, m *mention) {
	ws := c.ws
	coreLast := m.last
	if m.ext {
		coreLast--
	}
	single := coreLast-m.first == 1
	w0 := &ws[m.first]
	core := textOf(c.text, ws, m.first, coreLast)
	core = strings.TrimPrefix(strings.TrimPrefix(core, "The "), "the ")

	// A dateline ("KABUL (Reuters) -", "WASHINGTON —") is not a mention.
	if c.dateline(m) {
		m.drop, m.why = true, "dateline"
		return
	}
	// An adjective or nationality alone is not a place ("Pakistani territory").
	if _, ok := s.gz.Demonym(core); ok && !hasCountry(m.cands) {
		m.drop, m.why = true, "demonym"
		return
	}
	if single {
		if calendarWord(w0.key) || titleWord(w0.key) {
			m.drop, m.why = true, "common word"
			return
		}
		if cat, ok := s.gz.StopWord(w0.key); ok && !strongName(m.cands) && !(cat == "org.agency" && hasCountry(m.cands)) {
			if alwaysDrop(cat) || w0.sentStart {
				m.drop, m.why = true, "stop word "+cat
				return
			}
			m.weak = true
		}
	}
	nx := nextWord(ws, m.last-1)
	compound := nx >= 0 && ws[nx].joined && compoundSuffix(ws[nx].key)
	// A sentence-initial word the tagger does not see as a name.
	if w0.sentStart && single && !w0.isNNP() && !strongName(m.cands) && !compound {
		m.drop, m.why = true, "sentence start"
		return
	}

	// "General [Stanley] McChrystal": an editor's insertion inside a name.
	if m.first > 0 && m.last < len(ws) && ws[m.first-1].text == "[" && ws[m.last].text == "]" {
		if n := nextWord(ws, m.last); n >= 0 && ws[n].upper && ws[n].isNNP() {
			m.drop, m.why = true, "inside a longer name"
			return
		}
	}
	// "A. K. Antony": an initial before the name, even where the sentence
	// splitter cut after it.
	if m.first > 0 && single {
		pw := &ws[m.first-1]
		if len(pw.text) == 2 && pw.text[1] == '.' && pw.text[0] >= 'A' && pw.text[0] <= 'Z' && ws[m.first].start-pw.end <= 1 && !hasCountry(m.cands) {
			m.drop, m.why = true, "after an initial"
			c.persons[m.key] = true
			return
		}
	}
	// The word before: a title or a first name makes a person's name,
	// another name part a longer proper name.
	if p := prevWord(ws, m.first); p >= 0 && gapOK(c.text, &ws[p], &ws[m.first]) {
		pw := &ws[p]
		switch {
		case ws[m.first].joined:
			// "Amir-Abdollahian", "pro-Beijing", "Iran-Pakistan".
			if pw.upper && !c.strongEnd[p] && !directionWord(pw.key) {
				m.drop, m.why = true, "hyphenated name"
				return
			}
			// "Muqtada al-Sadr": an Arabic article after a first name.
			if q := prevWord(ws, p); !pw.upper && arabicArticle(pw.key) && q >= 0 && ws[q].upper && ws[q].isNNP() &&
				!functionWord(ws[q].key) && !c.strongEnd[q] && !directionWord(ws[q].key) {
				m.drop, m.why = true, "inside a longer name"
				c.persons[m.key] = true
				return
			}
		case !pw.upper:
		case personTitle(pw.key) || s.isTitle(pw.key):
			m.drop, m.why = true, "after title"
			c.persons[m.key] = true
			c.persons[ws[m.last-1].key] = true
			return
		case functionWord(pw.key) || directionWord(pw.key) || calendarWord(pw.key):
		case c.strongEnd[p]:
		case s.isDemonym(pw.text):
		case unitCue(pw.key) != "" || featureFirst(pw.key) || facilityFirst(pw.key):
			// "Province Sistan", "Mount Dena", "Camp X": the cue pass decides.
		case pw.isNNP() || !pw.sentStart:
			m.drop, m.why = true, "inside a longer name"
			if !pw.sentStart && !hasCountry(m.cands) && !titleWord(pw.key) {
				c.persons[m.key] = true
				c.persons[ws[m.last-1].key] = true
			}
			return
		}
	}
	// "University of Tehran", "Islamic Emirate of Afghanistan": a place
	// after "of" inside an organisation's name.
	if c.inOrgName(m.first) {
		m.drop, m.why = true, "inside an organisation's name"
		return
	}
	// "a Kikuyu", "an Afghan": a person of that people.
	if p := prevWord(ws, m.first); p >= 0 && (ws[p].key == "a" || ws[p].key == "an") && single && !hasCountry(m.cands) {
		if n := nextWord(ws, m.last-1); n < 0 || !isNounish(&ws[n]) && !ws[n].upper {
			m.drop, m.why = true, "a person of a people"
			return
		}
	}

	// The word after: another capitalised word continues the name
	// ("Kenya Red Cross", "Kyoto Protocol"), except titles, dates, units.
	if nx >= 0 && gapOK(c.text, &ws[nx-1], &ws[nx]) {
		nw := &ws[nx]
		switch {
		case nw.joined && !nw.upper:
			if !compoundSuffix(nw.key) && (connector(nw.key) || len(nw.key) <= 2) {
				m.drop, m.why = true, "hyphenated name"
				return
			}
		case !nw.upper && romanceConnector(nw.key) && upperAfter(ws, nx) && !nw.joined:
			m.drop, m.why = true, "followed by a name part"
			return
		case !nw.upper && unitSuffix(nw.key) && c.unitOfPlace(nextWord(ws, nx)) && !hasCountry(m.cands):
			// "the West Coast town of Oban": a modifier, the place is Oban.
			m.drop, m.why = true, "modifier of a unit"
			return
		case !nw.upper:
			if !hasCountry(m.cands) && (peopleNoun(nw.key) || eventNoun(nw.key)) && !c.appositive(m) {
				m.drop, m.why = true, "adjective use"
				return
			}
			if speechVerb(nw.key) && m.last-m.first == 1 && !hasCountry(m.cands) && !isCapitalCity(m.cands) &&
				!strongName(m.cands) {
				m.weak = true
			}
		case cardinalWord(nw.key) && !nw.joined && !upperAfter(ws, nx):
			// "Kowloon West": the cue pass makes the region.
			m.drop, m.why = true, "part of a district name"
			return
		case unitSuffix(nw.key) && upperAfter(ws, nx) && !calendarWord(ws[nextWord(ws, nx)].key):
			// "Denver District Court", "New York State Police".
			m.drop, m.why = true, "followed by a name part"
			return
		case calendarWord(nw.key) || titleWord(nw.key) || unitSuffix(nw.key) || nw.caps:
		case c.strongStart[nx]:
		case s.isDemonym(nw.text) && !nw.joined:
		case facilityHead(nw.key) || featureHead(nw.key) || regionHead(nw.key):
			// The cue pass makes the longer name.
			m.drop, m.why = true, "part of a facility or feature"
			return
		default:
			m.drop, m.why = true, "followed by a name part"
			return
		}
	}
	if p := prevWord(ws, m.first); p >= 0 && locPrep(ws[p].key) {
		m.prep = true
	}
	if q := prevWord(ws, m.first); q >= 0 && ws[q].key == "the" {
		if p := prevWord(ws, q); p >= 0 && locPrep(ws[p].key) {
			m.prep = true
		}
	}
}

// inOrgName reports whether word i follows "of", "for", "in" or "on"
// inside a capitalised name that holds an organisation word: "University
// of Tehran", "Islamic Emirate of Afghanistan", "Organization for Security
// and Co-operation in Europe".
func (c *docCtx) inOrgName(i int) bool {
	ws := c.ws
	p := prevWord(ws, i)
	if p >= 0 && ws[p].key == "the" {
		p = prevWord(ws, p)
	}
	if p < 0 || ws[p].upper {
		return false
	}
	conn := ws[p].key
	switch conn {
	case "of", "for", "in", "on":
	default:
		return false
	}
	for q := prevWord(ws, p); q >= 0 && i-q < 12; q = prevWord(ws, q) {
		w := &ws[q]
		if w.joined && !w.upper {
			continue // "Co-operation"
		}
		if !w.upper && !connector(w.key) && w.key != "for" && w.key != "in" && w.key != "on" {
			return false
		}
		if w.upper && w.key == "state" && q > 0 && creedWord(ws[q-1].key) {
			return true // "Islamic State of Iraq and the Levant"
		}
		if w.upper && orgHead(w.key) {
			// "the U.S. Embassy in Kabul" still mentions Kabul.
			return conn == "of" || !facilityHead(w.key) && !facilityFirst(w.key)
		}
		if w.upper && (titleWord(w.key) || w.sentStart) {
			return false
		}
	}
	return false
}

// arabicArticle reports the lower-case articles of Arabic names.
func arabicArticle(k string) bool {
	switch k {
	case "al", "el", "ad", "ar", "as", "ash", "az", "an", "at", "ul", "ud":
		return true
	}
	return false
}

// dateline reports a name in capitals that opens a paragraph and is
// followed by "(", a dash or a comma.
func (c *docCtx) dateline(m *mention) bool {
	ws := c.ws
	for i := m.first; i < m.last; i++ {
		if !ws[i].caps && !isPossessive(&ws[i]) {
			return false
		}
	}
	w0 := &ws[m.first]
	if !w0.sentStart || w0.sent >= len(c.sentPara) {
		return false
	}
	if p := m.first - 1; p >= 0 && c.para(p) == c.para(m.first) {
		return false
	}
	n := nextWord(ws, m.last-1)
	if n < 0 {
		return false
	}
	switch ws[n].text {
	case "(", "-", "\u2014", "\u2013", ",", ":":
		return true
	}
	return false
}

// unitOfPlace reports whether word i is "of" followed by a name that is
// not a country or admin-1 unit: in "the West Coast town of Oban" the town
// is Oban, while in "the Sistan-Baluchistan province of Iran" the province
// is Sistan-Baluchistan.
func (c *docCtx) unitOfPlace(i int) bool {
	ws := c.ws
	if i < 0 || ws[i].key != "of" {
		return false
	}
	n := nextWord(ws, i)
	if n >= 0 && ws[n].key == "the" {
		n = nextWord(ws, n)
	}
	return n >= 0 && ws[n].upper && !c.admin1OrCountry[n]
}

// upperAfter reports whether the word after i is capitalised and joined to
// it by a space.
func upperAfter(ws []word, i int) bool {
	n := nextWord(ws, i)
	return n >= 0 && ws[n].upper && ws[n].start-ws[i].end == 1
}

// dropPersons drops names that the article uses as a person's name
// elsewhere ("Bush" after "George W. Bush", "al-Sadr" after "Muqtada
// al-Sadr"), unless the name is a country or is placed by ", <state>".
func dropPersons(c *docCtx, raw []mention) {
	for i := range raw {
		m := &raw[i]
		if m.drop || hasCountry(m.cands) || strongName(m.cands) || c.appositive(m) {
			continue
		}
		last := c.ws[m.last-1].key
		if c.persons[m.key] || m.last-m.first == 2 && c.ws[m.last-1].joined && c.persons[last] {
			m.drop, m.why = true, "person's name"
		}
	}
}

// chainDrops drops a place right before a dropped one that continues a
// longer name ("Ireland" of "Ireland Palestine Solidarity Campaign").
func chainDrops(c *docCtx, raw []mention) {
	for i := len(raw) - 2; i >= 0; i-- {
		a, b := &raw[i], &raw[i+1]
		if a.drop || !b.drop || b.why != "followed by a name part" || b.first != a.last {
			continue
		}
		if gapOK(c.text, &c.ws[a.last-1], &c.ws[b.first]) && !c.ws[b.first].joined {
			a.drop, a.why = true, "followed by a name part"
		}
	}
}

func isCapitalCity(cands []gazetteer.Candidate) bool {
	for _, c := range cands {
		if c.Kind == gazetteer.KindCity && (c.FeatureCode == "PPLC" || c.FeatureCode == "PPLG") {
			return true
		}
	}
	return false
}

// appositive reports whether the name is followed by ", <admin-1 or
// country>" ("Irving, Texas"): then it is a place whatever else holds.
func (c *docCtx) appositive(m *mention) bool {
	ws := c.ws
	n := nextWord(ws, m.last-1)
	if n < 0 || ws[n].text != "," {
		return false
	}
	n2 := nextWord(ws, n)
	return n2 >= 0 && c.strongStart[n2] && c.admin1OrCountry[n2]
}

// isTitle reports person titles of the Xponents title list.
func (s *Locations) isTitle(k string) bool {
	cat, ok := s.gz.StopWord(k)
	return ok && (cat == "person.title" || strings.HasPrefix(cat, "person.label"))
}

func (s *Locations) isDemonym(w string) bool {
	_, ok := s.gz.Demonym(w)
	return ok
}
