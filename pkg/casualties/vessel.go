package casualties

import (
	"github.com/newsdesk/extractor/pkg/events"
)

// vessels are the nouns of craft that carry people.
var vessels = map[string]bool{
	"plane": true, "planes": true, "jet": true, "jetliner": true, "airliner": true, "aircraft": true,
	"flight": true, "helicopter": true, "ship": true, "ferry": true, "boat": true, "vessel": true,
	"submarine": true, "airplane": true, "aeroplane": true, "chopper": true, "craft": true,
	"tanker": true, "freighter": true, "yacht": true, "trawler": true, "airliners": true,
}

// vanishWords say that a craft is lost.
var vanishWords = map[string]bool{
	"vanished": true, "vanishes": true, "vanish": true, "disappeared": true, "disappears": true,
	"disappearance": true, "missing": true,
}

// allDeadWords state that the people on board died ("All on board
// perished").
var allDeadWords = map[string]bool{
	"died": true, "perished": true, "killed": true, "dead": true, "survivors": true,
}

// vesselFate reads the fate of the people on board of a craft that the
// article reports lost: events.Killed when all on board died ("All 65
// people on board were presumed dead"), else events.Missing when a craft
// vanished or went missing, else events.Kidnapped when pirates hold a
// ship, else "". A figure on board ("155 passengers and seven crew were on
// board", "the flight carried 162 people") then takes that category.
func (a *article) vesselFate() string {
	// one map lookup per token; most articles have no craft at all
	var seen uint8
	for _, w := range a.low {
		seen |= fateWords[w]
	}
	if seen&fwCraft == 0 && seen&(fwAll|fwBoard|fwDead) != fwAll|fwBoard|fwDead {
		return ""
	}
	killed, missing, hijacked := false, false, false
	for _, sn := range a.d.NLP.Sentences {
		var in uint8
		for k := sn.First; k < sn.Last; k++ {
			in |= fateWords[a.low[k]]
			if a.low[k] == "lost" && k+1 < sn.Last && (a.low[k+1] == "contact" || a.low[k+1] == "radar") {
				in |= fwVanish
			}
		}
		missing = missing || in&(fwCraft|fwVanish) == fwCraft|fwVanish
		killed = killed || in&(fwAll|fwBoard|fwDead) == fwAll|fwBoard|fwDead
		hijacked = hijacked || in&(fwCraft|fwPirates) == fwCraft|fwPirates
	}
	switch {
	case killed:
		return events.Killed
	case missing:
		return events.Missing
	case hijacked:
		return events.Kidnapped // the crew of a ship held by pirates
	}
	return ""
}

// Kinds of the words that tell the fate of a craft.
const (
	fwCraft uint8 = 1 << iota
	fwVanish
	fwAll
	fwBoard
	fwDead
	fwPirates
)

// fateWords maps each word that tells the fate of a craft to its kinds.
var fateWords = func() map[string]uint8 {
	m := map[string]uint8{}
	for w := range vessels {
		m[w] |= fwCraft
	}
	for w := range vanishWords {
		m[w] |= fwVanish
	}
	for w := range allDeadWords {
		m[w] |= fwDead
	}
	for _, w := range []string{"board", "aboard", "onboard", "passengers"} {
		m[w] |= fwBoard
	}
	for _, w := range []string{"pirates", "hijacked", "hijackers", "hijacking"} {
		m[w] |= fwPirates
	}
	m["all"] |= fwAll
	return m
}()

// vanishIn reports a lost craft in tokens [first, last): a craft noun and
// "vanished", "went missing", "lost contact".
func (a *article) vanishIn(first, last int) bool {
	var in uint8
	for k := first; k < last; k++ {
		in |= fateWords[a.low[k]]
		if a.low[k] == "lost" && k+1 < last && (a.low[k+1] == "contact" || a.low[k+1] == "radar") {
			in |= fwVanish
		}
	}
	return in&(fwCraft|fwVanish) == fwCraft|fwVanish
}

// boardFate returns the category of a figure on board in the sentence: a
// craft lost in the same sentence makes it missing, else the article's
// fate applies.
func (st *sent) boardFate() string {
	if st.vanish {
		return events.Missing
	}
	return st.a.fate
}

// onBoardAt reports "on board", "onboard" or "aboard" at token k and
// returns the token after it.
func (st *sent) onBoardAt(k int) (int, bool) {
	a := st.a
	switch a.low[k] {
	case "onboard", "aboard":
		return k + 1, true
	case "on":
		if k+1 < st.last && a.low[k+1] == "board" {
			return k + 2, true
		}
	}
	return 0, false
}

// boardNouns name the people a craft carries.
var boardNouns = map[string]bool{
	"passengers": true, "crew": true, "crewmembers": true, "crewmen": true, "occupants": true,
}

// isOnBoard reports "on board", "onboard" or "aboard" at k.
func (st *sent) isOnBoard(k int) bool {
	_, ok := st.onBoardAt(k)
	return ok
}

// prevRecord returns the last record of the sentence before this one, or
// nil.
func (st *sent) prevRecord() *cand {
	a := st.a
	if len(a.cands) == 0 {
		return nil
	}
	c := &a.cands[len(a.cands)-1]
	if c.sentence.End > st.span.Start {
		return nil // a record of this sentence
	}
	for _, sn := range a.d.NLP.Sentences {
		if sn.Start > c.sentence.End && sn.End <= st.span.Start {
			return nil // a sentence between them
		}
	}
	return c
}

// boardFigure records figure m as people on board a lost craft when the
// article has one: a figure of passengers or crew ("Among the 155
// passengers", "There were 4 Armenian passengers"), or, shortly after a
// figure on board, a figure said to be of some kind ("Most were
// Indonesians", "There are sixteen children and an infant", "one of the
// pilots was German"). It reports whether it recorded m.
func (st *sent) boardFigure(m *mention, npEnd int) bool {
	a := st.a
	fate := st.boardFate()
	if fate == "" || m.kind == mkBare || st.hypotheticalBefore(m.a) {
		return false
	}
	prev := ""
	if m.a > st.first {
		prev = a.low[m.a-1]
	}
	existential := m.a-2 >= st.first && a.low[m.a-2] == "there" && (prev == "were" || prev == "are" || prev == "was" || prev == "is")
	if m.kind == mkNumber && m.value != nil && m.np.head < 0 && m.a-4 >= st.first && prev == "of" && boardNouns[a.low[m.a-2]] &&
		a.low[m.a-3] == "a" && (a.low[m.a-4] == "had" || a.low[m.a-4] == "carried" || a.low[m.a-4] == "carrying") {
		// "the plane had a crew of six"
		st.record(m, fate, npEnd, npEnd, nil, false)
		c := &a.cands[m.rec]
		c.victims = a.low[m.a-2]
		c.start = a.toks[m.a-3].Start
		return true
	}
	if m.kind == mkNumber && m.np.head >= 0 && !m.np.partitive && boardNouns[a.low[m.np.head]] {
		switch {
		case existential, prev == "the" || prev == "with" || prev == "including" || prev == "had" || prev == "and":
		case (prev == "among" || prev == "amongst") && m.qual == events.QualExact:
		default:
			return false
		}
		st.record(m, fate, npEnd, npEnd, nil, false)
		return true
	}
	if !st.recentFate(fate) {
		return false
	}
	if existential && (m.kind == mkNumber || m.kind == mkSingular) && m.np.head >= 0 {
		st.record(m, fate, npEnd, npEnd, nil, false)
		return true
	}
	if st.parts && m.kind != mkSingular && (m.np.head >= 0 && capitalised(a.toks[m.np.head].Text) || m.kind == mkName) {
		// "Most were Indonesians, but for three South Koreans, one
		// Malaysian and French national Plesel"
		st.record(m, fate, npEnd, npEnd, nil, false)
		return true
	}
	// "Most were Indonesians", "one of the pilots was German"
	k := st.skipPP(npEnd)
	if k+1 >= st.last || m.a != st.first && a.low[m.a-1] != "," && a.low[m.a-1] != "and" {
		return false
	}
	switch a.low[k] {
	case "was", "were", "is", "are":
	default:
		return false
	}
	c := a.toks[k+1]
	if !(capitalised(c.Text) && (isAdj(c.Tag) || isNoun(c.Tag))) && !(personNouns[a.low[k+1]] && plural(a.low[k+1])) {
		return false
	}
	if k+2 < st.last && alnumStart(a.low[k+2]) && a.low[k+2] != "and" {
		return false // "were Indonesian officials": a phrase of its own
	}
	st.record(m, fate, npEnd, k+2, nil, false)
	if m.np.head < 0 {
		a.cands[m.rec].victims = a.low[k+1]
	}
	st.parts = true
	return true
}

// recentFate reports a record of category fate in this sentence or the
// three before it.
func (st *sent) recentFate(fate string) bool {
	a := st.a
	for i := len(a.cands) - 1; i >= 0; i-- {
		c := &a.cands[i]
		if c.cat != fate {
			continue
		}
		n := 0
		for _, sn := range a.d.NLP.Sentences {
			if sn.Start >= c.sentence.End && sn.End <= st.span.Start {
				n++
			}
		}
		return n <= 3
	}
	return false
}
