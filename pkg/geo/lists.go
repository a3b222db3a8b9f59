package geo

import (
	"sort"

	"github.com/newsdesk/extractor/pkg/gazetteer"
)

// listItem is one member of a comma/"and" list of names.
type listItem struct {
	a, b int // word range
	m    int // index of its mention, -1 for an unknown name
}

// promoteLists reads lists of names ("Suba, Migori, Homabay, ... and
// Bunyala"; "towns such as Busia, ..., Mtito Andei and Mombasa"): when most
// members are accepted places, or a cue names the list's kind, the members
// the gazetteer could not place, or does not know, are places of the same
// kind and country. It returns the mentions with the new ones added.
func (s *Locations) promoteLists(c *docCtx, ms []mention) []mention {
	ws := c.ws
	at := map[int]int{} // start word -> mention index (gazetteer or cue, not dropped-for-structure)
	for i := range ms {
		m := &ms[i]
		if m.drop && !listable(m) {
			continue
		}
		if _, ok := at[m.first]; !ok {
			at[m.first] = i
		}
	}
	var added []mention
	for i := 0; i < len(ws); {
		items, end := s.readList(c, at, ms, i)
		if len(items) < 2 {
			i++
			continue
		}
		i = end
		s.promote(c, ms, items, &added)
	}
	if len(added) == 0 {
		return ms
	}
	ms = append(ms, added...)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].span.Start < ms[j].span.Start })
	return ms
}

// listable reports dropped mentions that may still be list members: those
// dropped for being common words, not for being part of a longer name.
func listable(m *mention) bool {
	switch m.why {
	case "sentence start":
		return true
	}
	return len(m.why) > 10 && m.why[:10] == "stop word "
}

// readList reads a list starting at word i; it returns its items and the
// word after it.
func (s *Locations) readList(c *docCtx, at map[int]int, ms []mention, i int) ([]listItem, int) {
	ws := c.ws
	var items []listItem
	j := i
	for j < len(ws) {
		it, ok := s.listItemAt(c, at, ms, j)
		if !ok {
			break
		}
		if len(items) > 0 && ws[it.a].sent != ws[items[0].a].sent {
			break
		}
		items = append(items, it)
		j = it.b
		// Separators: ",", "and", "or", ", and".
		k := j
		sep := 0
		for k < len(ws) && listWord(&ws[k]) && sep < 2 && ws[k].sent == ws[it.a].sent {
			k++
			sep++
		}
		if sep == 0 {
			break
		}
		j = k
	}
	if len(items) < 2 {
		return nil, i + 1
	}
	// A list of two needs "and"/"or" between them.
	if len(items) == 2 {
		between := ws[items[0].b:items[1].a]
		ok := false
		for k := range between {
			if between[k].key == "and" || between[k].key == "or" {
				ok = true
			}
		}
		if !ok {
			return nil, i + 1
		}
	}
	return items, items[len(items)-1].b
}

// listItemAt reads one list member at word j: a mention, or an unknown
// capitalised name of one to three words.
func (s *Locations) listItemAt(c *docCtx, at map[int]int, ms []mention, j int) (listItem, bool) {
	ws := c.ws
	if k, ok := at[j]; ok && !(ms[k].drop && upperAfter(ws, ms[k].last-1)) {
		return listItem{a: j, b: ms[k].last, m: k}, true
	}
	if !ws[j].upper || !ws[j].isNNP() || functionWord(ws[j].key) || titleWord(ws[j].key) || calendarWord(ws[j].key) {
		return listItem{}, false
	}
	e := j + 1
	for e < len(ws) && e-j < 3 && ws[e].upper && gapOK(c.text, &ws[e-1], &ws[e]) && !unitSuffix(ws[e].key) &&
		!pluralUnit(ws[e].key) {
		e++
	}
	if e < len(ws) && ws[e].upper && gapOK(c.text, &ws[e-1], &ws[e]) {
		return listItem{}, false // a longer name
	}
	return listItem{a: j, b: e, m: -1}, true
}

// promote applies a list's evidence to its members.
func (s *Locations) promote(c *docCtx, ms []mention, items []listItem, added *[]mention) {
	ws := c.ws
	accepted, other := 0, 0
	countries := map[string]int{}
	kinds := map[string]int{}
	for _, it := range items {
		if it.m < 0 {
			continue
		}
		m := &ms[it.m]
		switch {
		case m.drop:
		case m.src == srcCue:
			accepted++
			kinds[m.cueKind]++
		case m.resolved && m.best.Kind == gazetteer.KindCountry:
			other++ // "Queensland, Australia and Paul McGuigan" is no list of places
		case m.resolved:
			accepted++
			kinds[m.best.Kind]++
			countries[m.best.Country]++
		default:
			other++
		}
	}
	first, last := items[0], items[len(items)-1]
	cue := c.listCue(first.a)
	if cue == "" {
		if n := nextWord(ws, last.b-1); n >= 0 && (pluralUnit(ws[n].key) || pluralFeature(ws[n].key)) {
			cue = unitCue(ws[n].key)
			if pluralFeature(ws[n].key) {
				cue = gazetteer.KindFeature
			}
		}
	}
	if accepted < 1 || cue == "" && (accepted < 2 || accepted*2 < len(items) || len(items) < 3) {
		return
	}
	kind := cue
	if kind == "" {
		best := 0
		for k, n := range kinds {
			if n > best || n == best && k < kind {
				kind, best = k, n
			}
		}
	}
	switch kind {
	case gazetteer.KindCity, gazetteer.KindAdmin1, gazetteer.KindAdmin2, gazetteer.KindRegion, gazetteer.KindFeature:
	default:
		return // lists of countries are complete; facilities are not listed by name alone
	}
	cc, best := "", 0
	for k, n := range countries {
		if n > best || n == best && k < cc {
			cc, best = k, n
		}
	}
	for _, it := range items {
		if it.m >= 0 {
			m := &ms[it.m]
			if m.src != srcGazetteer || m.resolved {
				continue
			}
			m.drop, m.why = false, ""
			if m.best.ID != 0 && m.best.Country == cc && (m.best.Kind == kind || cue == "") {
				m.resolved = true
				continue
			}
			if top := bestOfKind(m.cands, kind, cc); top != nil {
				m.best, m.resolved = *top, true
				continue
			}
			m.src, m.cueKind, m.hint, m.listCountry = srcCue, kind, kind, cc
			continue
		}
		if s.isDemonym(textOf(c.text, ws, it.a, it.b)) || c.persons[ws[it.a].key] {
			continue
		}
		if _, stop := s.gz.StopWord(ws[it.a].key); stop && it.b-it.a == 1 {
			continue
		}
		nm := s.cueMention(c, it.a, it.b, kind, kind)
		nm.listCountry = cc
		nm.conf = 0.5
		*added = append(*added, nm)
	}
}

// bestOfKind returns the most likely candidate of a kind in a country.
func bestOfKind(cands []gazetteer.Candidate, kind, cc string) *gazetteer.Candidate {
	var best *gazetteer.Candidate
	for i := range cands {
		c := &cands[i]
		if c.Country != cc || c.Kind != kind {
			continue
		}
		if best == nil || c.Prior() > best.Prior() {
			best = c
		}
	}
	return best
}
