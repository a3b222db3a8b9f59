package geo

import (
	"strings"

	"github.com/newsdesk/extractor/pkg/fold"
	"github.com/newsdesk/extractor/pkg/gazetteer"
)

// evidence is the country and admin-1 context of an article: what its
// unambiguous names, nationality words and regional names point to.
type evidence struct {
	doc    map[string]float64         // ISO2 -> weight over the article
	sent   map[int]map[string]float64 // sentence -> ISO2 -> weight
	admin1 map[string]bool            // admin-1 codes named or holding a named place
}

// total is the sum of the country weights.
func (e *evidence) total() float64 {
	t := 0.0
	for _, w := range e.doc {
		t += w
	}
	if t == 0 {
		return 1
	}
	return t
}

func newEvidence() *evidence {
	return &evidence{doc: map[string]float64{}, sent: map[int]map[string]float64{}, admin1: map[string]bool{}}
}

func (e *evidence) add(cc string, sent int, w float64) {
	if cc == "" {
		return
	}
	e.doc[cc] += w
	m := e.sent[sent]
	if m == nil {
		m = map[string]float64{}
		e.sent[sent] = m
	}
	m[cc] += w
}

// collectEvidence seeds the evidence from mentions whose reading does not
// depend on context, and from nationality words.
func (s *Locations) collectEvidence(c *docCtx, ms []mention) *evidence {
	ev := newEvidence()
	for i := range ms {
		m := &ms[i]
		if m.drop || m.src != srcGazetteer {
			continue
		}
		top, second := topTwo(m.cands, m.hint)
		if top == nil {
			continue
		}
		clear := second == nil || top.Prior()-second.Prior() >= 30
		switch {
		case top.Kind == gazetteer.KindCountry:
			ev.add(top.Country, m.sent, 1)
		case !clear:
		case top.Kind == gazetteer.KindAdmin1 && top.Flag == gazetteer.FlagMain && s.bigCountry(top.Country):
			ev.add(top.Country, m.sent, 0.7)
			ev.admin1[top.Admin1] = true
		case top.Kind == gazetteer.KindCity && wellKnown(*top) && top.Flag != gazetteer.FlagAlternate:
			ev.add(top.Country, m.sent, 0.7)
			ev.admin1[top.Admin1] = true
		case top.Kind == gazetteer.KindRegion || top.Kind == gazetteer.KindFeature || top.Kind == gazetteer.KindFacility:
			ev.add(top.Country, m.sent, 0.5)
		}
	}
	for i := range c.ws {
		w := &c.ws[i]
		if !w.upper {
			continue
		}
		if cc, ok := s.gz.Demonym(w.text); ok {
			ev.add(cc, w.sent, 0.5)
		}
		for _, t := range s.gz.RegionalDemonym(w.text) {
			if len(t) > 2 {
				ev.admin1[t] = true
			}
		}
	}
	return ev
}

// bigCountry reports countries of a million people or more, whose admin-1
// names are known enough to be evidence.
func (s *Locations) bigCountry(cc string) bool {
	c, ok := s.gz.CountryByCode(cc)
	return ok && c.Population >= 1000000
}

// topTwo returns the two best candidates by prior and cue.
func topTwo(cands []gazetteer.Candidate, hint string) (*gazetteer.Candidate, *gazetteer.Candidate) {
	var a, b *gazetteer.Candidate
	var sa, sb float64
	for i := range cands {
		c := &cands[i]
		sc := c.Prior() + cueBonus(*c, hint)
		switch {
		case a == nil || sc > sa:
			b, sb = a, sa
			a, sa = c, sc
		case b == nil || sc > sb:
			b, sb = c, sc
		}
	}
	return a, b
}

// wellKnown reports cities known without context: capitals, cities of a
// million, large admin-1 seats.
func wellKnown(c gazetteer.Candidate) bool {
	return c.Kind == gazetteer.KindCity && (c.FeatureCode == "PPLC" || c.FeatureCode == "PPLG" ||
		c.Population >= 1000000 || c.FeatureCode == "PPLA" && c.Population >= 300000)
}

// cueBonus scores the agreement of a candidate's kind with a cue.
func cueBonus(c gazetteer.Candidate, hint string) float64 {
	switch hint {
	case "":
		return 0
	case gazetteer.KindAdmin1:
		if c.Kind == gazetteer.KindAdmin1 {
			return 90
		}
	case gazetteer.KindAdmin2:
		if c.Kind == gazetteer.KindAdmin2 {
			return 90
		}
		if c.Kind == gazetteer.KindAdmin1 {
			return 20
		}
	case gazetteer.KindCity:
		if c.Kind == gazetteer.KindCity {
			return 60
		}
	case gazetteer.KindFeature:
		if c.Kind == gazetteer.KindFeature {
			return 60
		}
	case gazetteer.KindRegion:
		if c.Kind == gazetteer.KindRegion || c.Kind == gazetteer.KindAdmin1 {
			return 60
		}
		if c.Kind == gazetteer.KindAdmin2 {
			return 30
		}
	}
	return 0
}

// score is a candidate's prior plus its agreement with the cue and the
// article's context.
func (s *Locations) score(ev *evidence, m *mention, c gazetteer.Candidate) float64 {
	sc := c.Prior() + cueBonus(c, m.hint)
	if c.Kind == gazetteer.KindCountry {
		// A country outranks a city of its name ("Singapore") and an
		// admin-1 unit of another country ("the territory of Georgia").
		if m.hint == gazetteer.KindCity {
			return sc
		}
		return sc + 100
	}
	if w := ev.doc[c.Country]; w > 0 {
		// The bonus grows with the country's share of the article: the
		// United States, named in passing everywhere, does not make every
		// Geneva or Paris American.
		bonus := 15 + 45*w/ev.total() + 4*min(w, 5)
		if ev.sent[m.sent][c.Country] > 0 {
			bonus += 10
		}
		if c.Kind == gazetteer.KindAdmin2 && m.hint != gazetteer.KindAdmin2 {
			bonus /= 2 // districts share names with towns everywhere
		}
		sc += bonus
	} else if c.Country != "" {
		for _, n := range s.gz.Neighbours(c.Country) {
			if ev.doc[n] > 0 {
				sc += 12
				break
			}
		}
	}
	if c.Admin1 != "" && c.Kind != gazetteer.KindAdmin1 && ev.admin1[c.Admin1] {
		sc += 25
	}
	if c.Kind == gazetteer.KindAdmin1 && ev.admin1[c.Admin1] {
		sc += 15
	}
	return sc
}

// resolve picks each gazetteer mention's place and decides whether the
// mention is accepted. Mentions of one name share one reading.
func (s *Locations) resolve(c *docCtx, ms []mention, ev *evidence) {
	type group struct {
		idx []int
	}
	groups := map[string]*group{}
	var order []string
	for i := range ms {
		m := &ms[i]
		if m.drop || m.src != srcGazetteer {
			continue
		}
		k := m.key + "\x00" + m.hint
		g := groups[k]
		if g == nil {
			g = &group{}
			groups[k] = g
			order = append(order, k)
		}
		g.idx = append(g.idx, i)
	}
	for pass := 0; pass < 2; pass++ {
		for _, k := range order {
			g := groups[k]
			m0 := &ms[g.idx[0]]
			best, bestSc := -1, 0.0
			for ci, cand := range m0.cands {
				sc := 0.0
				for _, i := range g.idx {
					sc += s.score(ev, &ms[i], cand)
				}
				sc /= float64(len(g.idx))
				if best < 0 || sc > bestSc {
					best, bestSc = ci, sc
				}
			}
			if best < 0 {
				continue
			}
			cand := m0.cands[best]
			ok := s.accept(ev, g.idx, ms, cand)
			for _, i := range g.idx {
				ms[i].best, ms[i].resolved = cand, ok
				ms[i].conf = confidence(ev, cand, &ms[i])
			}
			if ok && pass == 0 && cand.Kind != gazetteer.KindCountry {
				ev.add(cand.Country, m0.sent, 0.3)
				if cand.Admin1 != "" {
					ev.admin1[cand.Admin1] = true
				}
			}
		}
	}
}

// accept decides whether the chosen reading of a name is a place mention
// here: strong names always, others need a cue or country context.
func (s *Locations) accept(ev *evidence, idx []int, ms []mention, c gazetteer.Candidate) bool {
	hint, weak, prep, loose, sentStartOnly := "", true, false, false, true
	for _, i := range idx {
		m := &ms[i]
		if m.hint != "" {
			hint = m.hint
		}
		if !m.weak {
			weak = false
		}
		if m.prep {
			prep = true
		}
		if m.loose {
			loose = true
		}
		if !m.sentStartWord {
			sentStartOnly = false
		}
	}
	inDoc := ev.doc[c.Country] > 0
	if weak && !(inDoc && (prep || hint != "")) && c.Kind != gazetteer.KindCountry {
		return false
	}
	switch c.Kind {
	case gazetteer.KindCountry:
		return true
	case gazetteer.KindRegion, gazetteer.KindFeature, gazetteer.KindFacility:
		return c.Flag != gazetteer.FlagLoose || inDoc
	case gazetteer.KindAdmin1:
		if hint == gazetteer.KindAdmin1 {
			return true
		}
		if c.Flag != gazetteer.FlagMain && !strings.Contains(ms[idx[0]].key, " ") && !prep && !ev.admin1[c.Admin1] {
			return false // a one-word variant ("Commonwealth") needs "in X", "X province" or a town of it
		}
		if inDoc {
			return true
		}
		if genericName(fold.Key(c.Name)) {
			return false // "West Coast", "Central" need their country in the article
		}
		if cc, ok := s.gz.CountryByCode(c.Country); ok && cc.Population < 1000000 {
			return false // parishes of small countries: "St Peter", "German"
		}
		return c.Flag == gazetteer.FlagMain && !loose
	case gazetteer.KindAdmin2:
		if hint == gazetteer.KindAdmin2 {
			return true
		}
		own := c.Flag == gazetteer.FlagMain || c.Flag == gazetteer.FlagLoose // "North Waziristan" of "North Wazīristān District"
		return inDoc && (ev.admin1[c.Admin1] || own && prep)
	}
	// Cities.
	if sentStartOnly && !inDoc && !wellKnown(c) {
		return false
	}
	if c.Flag == gazetteer.FlagAlternate || c.Flag == gazetteer.FlagLoose {
		// Alternate names collide with words and other names ("Cheng" is
		// not Zhengzhou); a short form of a big city's name is safe ("New
		// York", "Washington DC").
		if wellKnown(c) && partOfName(ms[idx[0]].key, c.Name) {
			return true
		}
		return inDoc && (ev.admin1[c.Admin1] || hint == gazetteer.KindCity || prep)
	}
	return wellKnown(c) || inDoc
}

// genericName reports names made only of direction and landform words.
func genericName(key string) bool {
	for w := range strings.SplitSeq(key, " ") {
		if !directionWord(w) && !genericLand(w) {
			return false
		}
	}
	return true
}

// partOfName reports whether the folded alternate key has several words
// and starts with the first word of the place's own name ("new york" of
// New York City, "washington dc" of Washington).
func partOfName(key, name string) bool {
	first, _, _ := strings.Cut(fold.Key(name), " ")
	kf, rest, multi := strings.Cut(key, " ")
	return multi && rest != "" && kf == first
}

// confidence is a rough probability that the mention is this place.
func confidence(ev *evidence, c gazetteer.Candidate, m *mention) float64 {
	switch c.Kind {
	case gazetteer.KindCountry:
		return 0.95
	case gazetteer.KindRegion, gazetteer.KindFeature, gazetteer.KindFacility:
		return 0.85
	}
	p := 0.55
	if ev.doc[c.Country] > 0 {
		p += 0.2
	}
	if m.hint != "" {
		p += 0.1
	}
	if wellKnown(c) {
		p += 0.1
	}
	if len(m.cands) == 1 {
		p += 0.05
	}
	if p > 0.95 {
		p = 0.95
	}
	return p
}
