package geo

import (
	"sort"
	"strconv"
	"strings"

	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/pkg/fold"
	"github.com/newsdesk/extractor/pkg/gazetteer"
)

// mergeMentions joins gazetteer and cue mentions. A cue name that contains
// a gazetteer name replaces it ("Frankfurt Airport" over "Frankfurt"); a
// gazetteer name that covers the same words or more wins. Dropped gazetteer
// mentions are kept (marked) because they give a facility its country.
func mergeMentions(raw, cues []mention) []mention {
	all := make([]mention, 0, len(raw)+len(cues))
	all = append(all, raw...)
	for _, cm := range cues {
		keep := true
		for i := range raw {
			g := &all[i]
			if !g.span.Overlaps(cm.span) {
				continue
			}
			if g.drop {
				continue
			}
			switch {
			case g.span == cm.span || g.span.Contains(cm.span):
				keep = false
			case cm.span.Contains(g.span):
				g.drop, g.why = true, "inside "+cm.key
			case g.span.Len() >= cm.span.Len():
				keep = false
			default:
				g.drop, g.why = true, "overlaps "+cm.key
			}
		}
		if keep {
			all = append(all, cm)
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].span.Start < all[j].span.Start })
	return all
}

// record is one location being built.
type record struct {
	loc  events.Location
	seen map[events.Span]bool
}

// absorb adds the mentions of o that r does not have yet.
func (r *record) absorb(o *record) {
	for _, sp := range o.loc.Spans {
		if !r.seen[sp] {
			r.seen[sp] = true
			r.loc.Spans = append(r.loc.Spans, sp)
		}
	}
}

func (r *record) add(m *mention) {
	if m.conf > r.loc.Confidence {
		r.loc.Confidence = m.conf
	}
	if !r.seen[m.span] {
		r.seen[m.span] = true
		r.loc.Spans = append(r.loc.Spans, m.span)
	}
}

// records turns the accepted mentions into locations, one per place.
func (s *Locations) records(c *docCtx, ms []mention, ev *evidence) []events.Location {
	s.settleCues(c, ms)
	var recs []*record
	byEnt := map[int]*record{}
	byKey := map[string]*record{}
	// Gazetteer places first, so that a cue-made name equal to a place's
	// name joins it.
	for i := range ms {
		m := &ms[i]
		if m.drop || m.src != srcGazetteer || !m.resolved {
			continue
		}
		p := m.best
		r := byEnt[p.ID]
		if r == nil {
			r = &record{seen: map[events.Span]bool{}}
			r.loc = events.Location{Name: p.Name, Kind: p.Kind, Country: p.Country, GeonameID: p.GeonameID,
				Admin1: p.Admin1, Admin1Name: p.Admin1Name, Aliases: []string{}}
			if p.HasCoord {
				lat, lon := p.Lat, p.Lon
				r.loc.Lat, r.loc.Lon = &lat, &lon
			}
			byEnt[p.ID] = r
			if k := recordKey(p.Name); byKey[k] == nil {
				byKey[k] = r
			}
			recs = append(recs, r)
		}
		r.add(m)
	}
	for i := range ms {
		m := &ms[i]
		if m.drop || m.src != srcCue {
			continue
		}
		end := m.span.End
		if m.nameEnd > m.span.Start && m.nameEnd < end {
			end = m.nameEnd
		}
		name := cueName(c.text[m.span.Start:end])
		key := s.cueKey(c, ms, i, name)
		if key == "" {
			continue
		}
		if m.conf == 0 {
			m.conf = 0.6
		}
		r := byKey[recordKey(name)]
		if r == nil {
			r = byKey[key]
		}
		if r == nil {
			r = byKey[coreKey(key)]
		}
		if r == nil {
			r = &record{seen: map[events.Span]bool{}}
			kind := m.cueKind
			if m.hint != "" {
				kind = m.hint
			}
			r.loc = events.Location{Name: name, Kind: kind, Country: s.cueCountry(c, ms, i, ev), Aliases: []string{}}
			byKey[key] = r
			if ck := coreKey(key); ck != key && byKey[ck] == nil {
				byKey[ck] = r
			}
			recs = append(recs, r)
		}
		r.add(m)
	}
	// A bare name that was rejected alone joins a cue-made unit of that
	// name: "Nyanza" after "Nyanza Province".
	for i := range ms {
		m := &ms[i]
		if m.drop || m.src != srcGazetteer || m.resolved || m.hint != "" {
			continue
		}
		if r := byKey[m.key]; r != nil && r.loc.GeonameID == 0 {
			r.add(m)
		}
	}
	recs = mergeFacilityTails(recs)
	recs = mergeFacilityHeads(recs)
	recs = mergeSpellings(recs)
	out := make([]events.Location, 0, len(recs))
	for _, r := range recs {
		if r.loc.Confidence < s.opts.MinConfidence {
			continue
		}
		sort.Slice(r.loc.Spans, func(i, j int) bool { return r.loc.Spans[i].Start < r.loc.Spans[j].Start })
		seen := map[string]bool{r.loc.Name: true}
		for _, sp := range r.loc.Spans {
			t := c.text[sp.Start:sp.End]
			if !seen[t] {
				seen[t] = true
				r.loc.Aliases = append(r.loc.Aliases, t)
			}
		}
		out = append(out, r.loc)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Spans[0].Start < out[j].Spans[0].Start })
	return out
}

// mergeInto moves each record r for which into returns another record
// into that one, and returns the records left, in order. into sees the
// index of r in recs.
func mergeInto(recs []*record, into func(i int, r *record) *record) []*record {
	out := recs[:0]
	for i, r := range recs {
		if o := into(i, r); o != nil {
			o.absorb(r)
			continue
		}
		out = append(out, r)
	}
	return out
}

// mergeFacilityTails joins a cue-made facility whose name is the tail of
// another's ("the Islamic Centre" after "Salaheddin Islamic Centre").
func mergeFacilityTails(recs []*record) []*record {
	return mergeInto(recs, func(i int, r *record) *record {
		if r.loc.GeonameID != 0 || r.loc.Kind != gazetteer.KindFacility {
			return nil
		}
		k := recordKey(r.loc.Name)
		for j, o := range recs {
			if j == i || o.loc.Kind != gazetteer.KindFacility || len(o.loc.Name) <= len(r.loc.Name) {
				continue
			}
			if ok := recordKey(o.loc.Name); strings.Contains(k, " ") && strings.HasSuffix(ok, " "+k) {
				return o
			}
		}
		return nil
	})
}

// mergeFacilityHeads joins an unknown place whose name starts a cue-made
// facility's name to it ("at Juanda" after "Juanda International
// Airport").
func mergeFacilityHeads(recs []*record) []*record {
	return mergeInto(recs, func(_ int, r *record) *record {
		if r.loc.GeonameID != 0 || r.loc.Kind != gazetteer.KindCity {
			return nil
		}
		k := recordKey(r.loc.Name)
		for _, o := range recs {
			if o != r && o.loc.Kind == gazetteer.KindFacility && o.loc.GeonameID == 0 &&
				strings.HasPrefix(recordKey(o.loc.Name), k+" ") {
				return o
			}
		}
		return nil
	})
}

// mergeSpellings joins cue-made places whose names differ by one letter
// (transliterations: "Marja" and "Marjah", "Krudttønden" and
// "Krudttoenden").
func mergeSpellings(recs []*record) []*record {
	return mergeInto(recs, func(i int, r *record) *record {
		if r.loc.GeonameID != 0 {
			return nil
		}
		k := recordKey(r.loc.Name)
		for _, o := range recs[:i] {
			if o.loc.GeonameID != 0 || o.loc.Kind != r.loc.Kind {
				continue
			}
			if ok := recordKey(o.loc.Name); len(k) >= 5 && len(ok) >= 5 && editDistance1(k, ok) {
				return o
			}
		}
		return nil
	})
}

// editDistance1 reports whether a and b differ by at most one inserted,
// deleted or replaced byte.
func editDistance1(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return i == len(a) || a[i+1:] == b[i+1:]
	}
	return a[i:] == b[i+1:]
}

// settleCues applies the cue words to the resolved gazetteer mentions: a
// bare name whose unit-cued form names a unit here is that unit ("Awaran"
// after "Awaran district", "Gaza" after "Gaza Strip"); a unit cue that the
// gazetteer cannot honour makes a cue-made place ("Nyanza Province",
// "Juba region").
func (s *Locations) settleCues(c *docCtx, ms []mention) {
	cued := map[string]gazetteer.Candidate{}
	for i := range ms {
		m := &ms[i]
		if m.drop || !m.resolved || m.src != srcGazetteer {
			continue
		}
		switch m.best.Kind {
		case gazetteer.KindAdmin1, gazetteer.KindAdmin2, gazetteer.KindRegion, gazetteer.KindFeature:
			if m.hint != "" {
				cued[m.key] = m.best
			}
			nk := fold.Key(m.best.Name)
			if i := strings.LastIndexByte(nk, ' '); i > 0 && (unitSuffix(nk[i+1:]) || regionHead(nk[i+1:]) || featureHead(nk[i+1:])) {
				cued[nk[:i]] = m.best
			}
		}
	}
	for i := range ms {
		m := &ms[i]
		if m.drop || !m.resolved || m.src != srcGazetteer || m.hint != "" {
			continue
		}
		if u, ok := cued[m.key]; ok && m.best.Kind != gazetteer.KindCountry && u.ID != m.best.ID {
			m.best = u
		}
	}
	for i := range ms {
		m := &ms[i]
		if m.drop || m.src != srcGazetteer {
			continue
		}
		mismatch := m.resolved && m.best.Kind == gazetteer.KindCity &&
			(m.hint == gazetteer.KindAdmin1 || m.hint == gazetteer.KindAdmin2 || m.hint == gazetteer.KindRegion ||
				m.hint == gazetteer.KindFeature)
		if mismatch || !m.resolved && m.hint != "" {
			m.src, m.cueKind, m.resolved = srcCue, m.hint, false
		}
	}
}

// possessive drops a possessive "'s" inside a name.
var possessive = strings.NewReplacer("'s ", " ", "’s ", " ")

// recordKey is the identity of a cue-made name: folded, without a
// possessive "'s" and a leading "the".
func recordKey(name string) string {
	k := fold.Key(possessive.Replace(name))
	return strings.TrimPrefix(k, "the ")
}

// coreKey drops a trailing unit word from a key ("nyanza province" ->
// "nyanza").
func coreKey(k string) string {
	if i := strings.LastIndexByte(k, ' '); i > 0 && unitSuffix(k[i+1:]) {
		return k[:i]
	}
	return k
}

// cueKey is the identity of a cue-made place. Facilities named by one place
// and a head noun are one facility however they are written ("University
// of Tehran", "Teheran University").
func (s *Locations) cueKey(c *docCtx, ms []mention, i int, name string) string {
	m := &ms[i]
	if m.cueKind == gazetteer.KindFacility {
		var inner *mention
		n := 0
		for j := range ms {
			g := &ms[j]
			if j != i && g.src == srcGazetteer && m.span.Contains(g.span) && len(g.cands) > 0 && innerPlace(g) {
				inner = g
				n++
			}
		}
		if n == 1 {
			head := c.ws[m.last-1].key
			if facilityFirst(c.ws[m.first].key) {
				head = c.ws[m.first].key
			}
			top, _ := topTwo(inner.cands, "")
			if top != nil && (facilityHead(head) || lowerFacility(head)) {
				return "facility|" + strconv.Itoa(top.ID) + "|" + head
			}
		}
	}
	return recordKey(name)
}

// dominant returns the heaviest key of w and whether it outweighs the
// second by half again (ties broken by key).
func dominant(w map[string]float64) (string, bool) {
	top, topW, second := "", 0.0, 0.0
	for k, v := range w {
		switch {
		case v > topW || v == topW && k < top:
			second = topW
			top, topW = k, v
		case v > second:
			second = v
		}
	}
	return top, topW > 0 && topW >= 1.5*second
}

// innerPlace reports whether a gazetteer name inside a cue-made name is a
// place name there (not a dropped common word such as "University").
func innerPlace(g *mention) bool {
	if g.weak || facilityHead(g.key) || featureHead(g.key) || facilityFirst(g.key) || featureFirst(g.key) {
		return false
	}
	if !g.drop {
		return true
	}
	switch {
	case g.why == "part of a facility or feature", g.why == "followed by a name part", g.why == "part of a district name",
		g.why == "inside a longer name", strings.HasPrefix(g.why, "inside "), strings.HasPrefix(g.why, "overlaps "):
		return true
	}
	return false
}

// cueName is the name of a cue-made place: its text without a leading "the".
func cueName(t string) string {
	for _, p := range []string{"the ", "The "} {
		if strings.HasPrefix(t, p) {
			return t[len(p):]
		}
	}
	return t
}

// cueCountry finds the country of a cue-made place: a place right after it
// ("Juanda International Airport in Surabaya"), the place named inside it
// ("Frankfurt Airport"), the article's main country, or the nearest place
// of the sentence.
func (s *Locations) cueCountry(c *docCtx, ms []mention, i int, ev *evidence) string {
	m := &ms[i]
	ws := c.ws
	if m.listCountry != "" {
		return m.listCountry
	}
	if m.possessor > 0 {
		for j := range ms {
			g := &ms[j]
			if g.src == srcGazetteer && g.last == m.possessor && len(g.cands) > 0 {
				if g.resolved {
					return g.best.Country
				}
				if top, _ := topTwo(g.cands, ""); top != nil {
					return top.Country
				}
			}
		}
	}
	// "X in Y", "X near Y", "X, Y", "the X region of Y".
	if p := nextWord(ws, m.last-1); p >= 0 && (ws[p].key == "in" || ws[p].key == "near" || ws[p].key == "of" || ws[p].text == ",") {
		for j := range ms {
			g := &ms[j]
			if g.first == p+1 && g.src == srcGazetteer && g.resolved && !g.drop && g.best.Country != "" {
				return g.best.Country
			}
		}
	}
	head := ws[m.last-1].key
	if head != "embassy" && head != "embassies" && head != "consulate" {
		bestSc, cc, prior, fallback := 0.0, "", 0.0, ""
		for j := range ms {
			g := &ms[j]
			if j == i || g.src != srcGazetteer || !m.span.Contains(g.span) || !innerPlace(g) {
				continue
			}
			for _, cand := range g.cands {
				ok := cand.Kind == gazetteer.KindCountry || ev.doc[cand.Country] > 0 || wellKnown(cand) && cand.Flag == gazetteer.FlagMain
				if sc := s.score(ev, g, cand); ok && (cc == "" || sc > bestSc) {
					bestSc, cc = sc, cand.Country
				}
				if p := cand.Prior(); fallback == "" || p > prior {
					prior, fallback = p, cand.Country
				}
			}
		}
		if cc != "" {
			return cc
		}
		if m.cueKind == gazetteer.KindFacility && fallback != "" {
			return fallback // "Aberdeen prison", "Frankfurt Airport"
		}
	}
	// The place named just before it in the sentence ("the war in
	// Afghanistan ... the town of Marja").
	if m.cueKind != gazetteer.KindFacility {
		near, dist := "", 200
		for j := range ms {
			g := &ms[j]
			if g.drop || g.src != srcGazetteer || !g.resolved || g.best.Country == "" || g.sent != m.sent || g.span.End > m.span.Start {
				continue
			}
			if d := m.span.Start - g.span.End; d < dist {
				near, dist = g.best.Country, d
			}
		}
		if near != "" {
			return near
		}
	}
	// Where the article's named places lie, or its main country.
	top, topOK := dominant(ev.doc)
	places := map[string]float64{}
	for j := range ms {
		g := &ms[j]
		if !g.drop && g.src == srcGazetteer && g.resolved && g.best.Kind != gazetteer.KindCountry && g.best.Country != "" {
			places[g.best.Country]++
		}
	}
	if cc, ok := dominant(places); ok {
		return cc
	}
	if topOK {
		return top
	}
	near, dist := "", 1<<30
	para := c.para(m.first)
	for j := range ms {
		g := &ms[j]
		if g.drop || g.src != srcGazetteer || !g.resolved || g.best.Country == "" || c.para(g.first) != para {
			continue
		}
		d := m.span.Start - g.span.End
		if d < 0 {
			d = g.span.Start - m.span.End + 300 // later: weaker
		}
		if g.sent != m.sent {
			d += 1000
		}
		if d < dist {
			near, dist = g.best.Country, d
		}
	}
	if near == "" {
		return top
	}
	return near
}
