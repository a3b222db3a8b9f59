package casualties

import (
	"strings"

	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/pkg/ner"
)

// prepositions that may open a phrase between a subject and its predicate
// ("Four others in the compound were killed").
var prepositions = map[string]bool{
	"in": true, "on": true, "at": true, "from": true, "aboard": true, "inside": true, "near": true,
	"of": true, "with": true, "onboard": true, "across": true, "around": true, "outside": true,
	"during": true, "within": true, "throughout": true, "along": true, "for": true, "under": true,
}

// link finds the cue of mention m and records it.
func (st *sent) link(m *mention) {
	a := st.a
	st.shot = false
	npEnd := m.b
	if m.np.b > npEnd {
		npEnd = m.np.b
	}
	// 0. An inverted predicate before it: "Also killed was Matt Jones",
	// "Among the dead were three children".
	if m.kind != mkBare {
		st.cue = -1
		if cat, ok := st.invertedBefore(m); ok {
			if st.partOf(m, cat, st.cue, m.a) {
				return
			}
			bd, _, _ := st.breakdownAfter(npEnd)
			st.record(m, cat, npEnd, npEnd, bd, false)
			// "Amongst those seized was X, who died in custody"
			if cat2, cueEnd, _, ok := st.predicateAfter(npEnd, m); ok && cat2 != cat {
				c := a.cands[m.rec]
				c.cat = cat2
				a.cands = append(a.cands, c)
				m.stmtEnd = cueEnd
			}
			return
		}
	}
	// 1. A predicate after the noun phrase: "12 were killed", "one soldier died".
	if cat, cueEnd, bd, ok := st.predicateAfter(npEnd, m); ok {
		if st.partOf(m, cat, st.cue, cueEnd) {
			return
		}
		st.record(m, cat, max(npEnd, m.np.b), cueEnd, bd, false)
		st.secondCue(m, cat, cueEnd)
		return
	}
	if m.kind == mkBare {
		switch {
		case m.harm:
			// "casualties were reported"
			for _, o := range st.ms {
				if o.rec >= 0 && o.a < m.a && o.stmtEnd > m.a {
					return // "two soldiers suffered minor injuries"
				}
			}
			cat := nounCues[a.low[m.a]]
			st.record(m, cat, m.a+1, m.a+1, nil, false)
			a.cands[m.rec].victims = "people"
			if m.a > st.first && a.low[m.a-1] == "civilian" {
				a.cands[m.rec].victims = "civilians"
			}
		case m.np.cueMod != "":
			// "freshly displaced people", "the wounded"
			st.record(m, m.np.cueMod, m.np.b, m.np.b, nil, false)
		case m.a-2 >= st.first:
			// "the bodies of civilians", "the arrest of opposition leaders"
			j := st.skipDet(m.a - 1)
			if a.low[j] != "of" || j-1 < st.first {
				break
			}
			noun := a.low[j-1]
			if (noun == "bodies" || noun == "remains" || noun == "corpses") && (j-2 < st.first || st.skipDet(j-2) == j-2) {
				break // "walked over bodies of the women": no dead without "the bodies"
			}
			if cat, ok := ofNounCues[noun]; ok && noun != "lives" && !st.hypotheticalBefore(j-1) {
				st.record(m, cat, m.np.b, m.np.b, nil, false)
			}
		}
		return
	}
	// "forcing 2,000 people to flee"
	if m.a > st.first && npEnd+1 < st.last && a.low[npEnd] == "to" {
		switch a.low[m.a-1] {
		case "forcing", "forced", "forces", "force":
			switch a.low[npEnd+1] {
			case "flee", "leave", "abandon", "evacuate":
				st.record(m, events.Displaced, npEnd, npEnd+2, nil, true)
				return
			}
		}
	}
	// 2. A verb before it: "killing at least nine people".
	if cat, ok := st.activeBefore(m); ok {
		bd, _, _ := st.breakdownAfter(npEnd)
		st.record(m, cat, npEnd, npEnd, bd, true)
		return
	}
	// "Baby P's death", "Khashoggi's murder", "Bemba's arrest"
	if (m.kind == mkName || m.kind == mkSingular && !st.definite(m)) && npEnd+1 < st.last && a.toks[npEnd].Tag == "POS" {
		if cat, ok := possessedHarm[a.low[npEnd+1]]; ok && !st.hypotheticalBefore(m.a) &&
			(npEnd+2 >= st.last || !isNoun(a.toks[npEnd+2].Tag) || capitalised(a.toks[npEnd+2].Text)) {
			st.record(m, cat, npEnd+2, npEnd+2, nil, false)
			return
		}
	}
	// 2b. People on board a lost craft: "There were 4 Armenian
	// passengers", "Most were Indonesians".
	if st.boardFigure(m, npEnd) {
		return
	}
	if m.kind != mkNumber {
		if !st.coordinate(m, npEnd) {
			st.beingAfter(m, npEnd)
		}
		return
	}
	// 3. A harm noun as its head: "45 deaths", "98 bodies", "displaced
	// people", "four of the victims".
	if m.np.head >= 0 && !m.np.partitive {
		if cat, ok := nounCues[a.low[m.np.head]]; ok && a.low[m.np.head] != "dead" {
			st.record(m, cat, npEnd, npEnd, nil, false)
			c := &a.cands[m.rec]
			// "numerous killings and abductions"
			cat2, after := "", npEnd
			if npEnd+1 < st.last && a.low[npEnd] == "and" {
				if c2, ok := nounCues[a.low[npEnd+1]]; ok && c2 != cat {
					cat2, after = c2, npEnd+2
				}
			}
			if v := st.ofVictims(after); v != "" {
				c.victims = v
			} else if cueNounVictims[a.low[m.np.head]] {
				c.victims = st.contextVictims(m, false)
			}
			if cat2 != "" {
				c2 := *c
				c2.cat = cat2
				c2.end = a.toks[after-1].End
				a.cands = append(a.cands, c2)
			}
			return
		}
	}
	// "2,600 government and security forces deaths": the harm noun
	// closes a coordinated noun phrase
	if m.np.head >= 0 && !m.np.partitive && m.np.b < st.last && a.low[m.np.b] == "and" {
		for i := m.np.b + 1; i < st.last && i < m.np.b+5; i++ {
			if !isNoun(a.toks[i].Tag) && !isAdj(a.toks[i].Tag) || st.at[i] != nil {
				break
			}
			if cat, ok := nounCues[a.low[i]]; ok && cueNounVictims[a.low[i]] {
				st.record(m, cat, i+1, i+1, nil, false)
				a.cands[m.rec].victims = st.words(st.victimStart(m), i)
				return
			}
		}
	}
	if m.np.head >= 0 && m.np.partitive {
		cat := ""
		switch a.low[m.np.head] {
		case "dead", "victims", "deceased", "fatalities":
			cat = events.Killed
		case "injured", "wounded":
			cat = events.Injured
		case "missing":
			cat = events.Missing
		}
		if cat != "" && !st.verbAfter(npEnd) {
			st.record(m, cat, npEnd, npEnd, nil, false)
			return
		}
	}
	if m.np.cueMod != "" && !m.np.partitive {
		st.record(m, m.np.cueMod, npEnd, npEnd, nil, false)
		return
	}
	// 4. Coordination with an earlier figure, or a harm told later.
	if !st.coordinate(m, npEnd) {
		st.beingAfter(m, npEnd)
	}
}

// secondCue records a second harm of the same figure joined to its cue,
// which ends at token e: "was arrested and hanged", "were kidnapped and
// later killed".
func (st *sent) secondCue(m *mention, cat string, e int) {
	a := st.a
	if e+1 >= st.last || a.low[e] != "and" {
		return
	}
	k := e + 1
	for k < st.last && a.toks[k].Tag == "RB" {
		k++
	}
	if k >= st.last || st.at[k] != nil || !strings.HasPrefix(a.toks[k].Tag, "VB") {
		return
	}
	cat2, end, ok := st.cueAt(k)
	if !ok || cat2 == cat {
		return
	}
	c := a.cands[m.rec]
	c.cat = cat2
	c.breakdown = nil
	a.cands = append(a.cands, c)
	m.stmtEnd = end
}

// beingAfter links the subject m of a clause to a harm told in an
// adverbial later in the sentence: "Tendai Biti appeared in court today
// after being arrested on Thursday", "X, having been shot, ...". m must be
// the first figure of the sentence and no other figure may stand between.
func (st *sent) beingAfter(m *mention, npEnd int) bool {
	a := st.a
	cs := st.first // the clause of m starts at cs
	for i := m.a - 1; i > st.first; i-- {
		if w := a.low[i]; (w == "and" || w == "but" || w == ";") && a.toks[i-1].Tag != "NNP" {
			cs = i + 1
			break
		}
	}
	for _, o := range st.ms {
		if o != m && o.kind != mkBare && o.a < m.a && o.a >= cs {
			return false
		}
	}
	for i := cs; i < m.a; i++ {
		switch a.toks[i].Tag {
		case "VBD", "VBZ", "VBP", "MD":
			return false // m is no subject: "Police said X ..."
		}
	}
	for k := npEnd; k+1 < st.last && k < npEnd+20; k++ {
		w := a.low[k]
		if o := st.fig(k); w == ";" || w == ":" || o != nil && o != m && (o.np.head < 0 || personNouns[a.low[o.np.head]]) {
			return false
		}
		if _, _, cue := st.cueAt(k); cue && k > npEnd {
			return false // a harm of its own: the object's
		}
		if w != "being" && !(w == "been" && a.low[k-1] == "having") {
			continue
		}
		switch a.low[k-1] {
		case "after", "before", "since", "upon", "following", "having", "while":
		default:
			continue
		}
		if cat, end, ok := st.cueAt(k + 1); ok && !st.hypotheticalBefore(k-1) {
			st.record(m, cat, npEnd, end, nil, false)
			return true
		}
		if a.low[k+1] == "shot" || a.low[k+1] == "stabbed" {
			st.record(m, st.shotCategory(), npEnd, k+2, nil, false)
			return true
		}
		return false
	}
	return false
}

// invertedBefore reads an inverted predicate right before mention m:
// "Also killed was Matt Jones", "Among the dead were three children",
// "Among those arrested was X".
func (st *sent) invertedBefore(m *mention) (string, bool) {
	a := st.a
	k := m.a - 1
	if k > st.first && strings.HasSuffix(a.low[k], "-old") {
		k-- // "was 42-year-old Xue Jinbo"
	}
	if k <= st.first {
		return "", false
	}
	switch a.low[k] {
	case "was", "were", "is", "are":
	default:
		return "", false
	}
	opens := func(i int) bool { // a clause starts at i
		for i > st.first && (a.low[i-1] == "also" || a.toks[i-1].Tag == "RB") {
			i--
		}
		return i == st.first || a.low[i-1] == "," || a.low[i-1] == ";" || a.low[i-1] == "and" || a.low[i-1] == "\"" || a.low[i-1] == "“"
	}
	j := k - 1
	if cat, ok := passiveCues[a.low[j]]; ok && opens(j) && a.toks[j].Tag != "NNS" {
		return cat, true
	}
	if fate := st.boardFate(); fate != "" {
		// "Also on board was Junaid Jamshed"
		b := j
		if a.low[b] == "board" && b > st.first {
			b--
		}
		if st.isOnBoard(b) && opens(b) {
			return fate, true
		}
	}
	for s := j; s >= st.first && s >= j-12; s-- {
		if a.low[s] == "among" || a.low[s] == "amongst" {
			if !opens(s) {
				break
			}
			if cat, e, ok := st.cueAt(s); ok && e == k {
				st.cue = s
				return cat, true
			}
			// "Among the 155 passengers and seven crew flying to
			// Singapore are ..." a lost plane
			if fate := st.boardFate(); fate != "" {
				for i := s + 1; i < k; i++ {
					switch a.toks[i].Tag {
					case "VBD", "VBZ", "VBP", "MD":
						return "", false
					}
				}
				for i := s + 1; i < k && i < s+6; i++ {
					if boardNouns[a.low[i]] {
						st.cue = s
						return fate, true
					}
				}
			}
			break
		}
	}
	return "", false
}

// partOf handles a figure that the cue at token cue makes a part of a
// total: "Two colonels and two lieutenants were among the 40 people
// detained", "..., and two colonels were among those detained" after a
// figure of the same harm in the sentence. The part becomes a breakdown
// of the total's record; partOf reports whether it did so.
func (st *sent) partOf(m *mention, cat string, cue, cueEnd int) bool {
	a := st.a
	if cue < 0 || cue >= st.last || (a.low[cue] != "among" && a.low[cue] != "amongst") || m.value == nil || m.kind == mkBare {
		return false
	}
	var total *mention
	for i := cue + 1; i < cueEnd; i++ {
		if o := st.at[i]; o != nil && o.kind == mkNumber && o.value != nil {
			total = o
			break
		}
	}
	rec := -1
	switch {
	case total != nil:
		if total.rec < 0 {
			e := max(total.b, total.np.b)
			st.record(total, cat, e, cueEnd, nil, false)
		}
		if m.kind != mkNumber {
			return false // "Ibrahim Sahin was among the 40 arrested": a record of one
		}
		rec = total.rec
	default:
		// the last record of the same harm before it in the sentence
		for _, o := range st.ms {
			if o.rec >= 0 && o.a < m.a && a.cands[o.rec].cat == cat && a.cands[o.rec].value != nil &&
				*a.cands[o.rec].value > *m.value {
				rec = o.rec
			}
		}
	}
	if rec < 0 {
		return false
	}
	st.addPart(m, rec)
	return true
}

// addPart makes figure m a part of record rec.
func (st *sent) addPart(m *mention, rec int) {
	c := &st.a.cands[rec]
	c.breakdown = append(c.breakdown, events.Breakdown{Group: st.victimsOf(m), Count: *m.value})
	m.used = true
	m.part = rec + 1
	m.stmtEnd = max(st.skipPP(max(m.b, m.np.b)), max(m.b, m.np.b))
}

// coordinate links mention m to the record of an earlier figure that it is
// coordinated with, the cue shared or elided: "killed seven CIA employees
// and one Jordanian intelligence officer", "45 people dead in Nyanza
// Province, 12 in North Eastern Province", "around 100 deaths in Hama and
// several dozen more", "murdering David Miller, 24, from Jersey, and
// Hannah Witheridge", "killed more than a dozen members and, according to
// medics, several civilians".
func (st *sent) coordinate(m *mention, npEnd int) bool {
	a := st.a
	k := m.a - 1
	if k > st.first && a.low[k] == "," {
		// ", according to medics on the scene," before the figure
		for i := k - 1; i > st.first && i >= k-10; i-- {
			if a.low[i] == "," {
				if a.low[i+1] == "according" {
					k = i
				}
				break
			}
		}
		if k < m.a-1 && k > st.first && a.low[k-1] == "and" {
			k--
		}
	}
	if k > st.first && a.low[k] == "and" && a.low[k-1] == "," {
		k--
	}
	if m.np.partitive && m.np.head >= 0 && (a.low[m.np.head] == "whom" || a.low[m.np.head] == "them") {
		return false // "several of whom" qualifies the figure before
	}
	if k <= st.first || (a.low[k] != "and" && a.low[k] != ",") || st.ownPredicate(npEnd) {
		return false
	}
	for _, o := range st.ms {
		if o.rec < 0 && o.part == 0 || o == m || o.a >= m.a || o.stmtEnd <= 0 {
			continue
		}
		if m.kind != mkNumber && m.kind != mkBare && o.kind == mkBare {
			continue
		}
		e := o.stmtEnd
		for n := 0; n < 4 && e != k; n++ {
			if p := st.skipPP(e); p != e {
				e = p
				continue
			}
			if e < st.last && a.low[e] == "," {
				// ", 24, from Jersey,": appositives between the two
				if c := st.appositive(e); c > e {
					e = c
					continue
				}
			}
			break
		}
		if e == k {
			if o.part > 0 && m.value != nil {
				st.addPart(m, o.part-1) // "among the 40 are two colonels and two lieutenants"
				return true
			}
			if m.kind == mkSingular && (o.kind == mkName || o.kind == mkSingular) && k == m.a-1 && a.low[k] == "," && !st.listGoesOn(npEnd) {
				// "Arthur Mutambara, the leader of ...": an appositive
				// describes the person before
				if o.kind == mkName {
					a.cands[o.rec].victims = st.victimsOf(m)
				}
				m.used = true
				return true
			}
			m.listed = m.kind == mkNumber && o.kind == mkNumber
			if m.listed {
				a.cands[o.rec].listed = true
			}
			st.record(m, a.cands[o.rec].cat, npEnd, npEnd, nil, o.active)
			m.stmtEnd = max(st.skipPP(npEnd), npEnd)
			return true
		}
	}
	return false
}

// predicateAfter looks for the predicate of mention m as a subject, from
// token j: "were killed", "died", "remain missing", "lost their lives",
// "were taken to hospital". It returns the category, the token after the
// cue and the breakdown met on the way.
func (st *sent) predicateAfter(j int, m *mention) (string, int, []events.Breakdown, bool) {
	a := st.a
	k := j
	// "Daparkhel, kidnapped on August 11, is ...", "Australian David Hicks,
	// held for the past five years at ...": a participle of harm in an
	// appositive
	if k+2 < st.last && a.low[k] == "," && (a.toks[k+1].Tag == "VBN" || a.toks[k+1].Tag == "VBD") && m.kind != mkBare {
		if cat, end, ok := st.cueAt(k + 1); ok && !st.hypotheticalBefore(k+1) && a.low[k+1] != "died" && a.low[k+1] != "dead" {
			if _, obj := st.activeBefore(m); !obj { // not "killed at least 28, wounded 130"
				st.cue = k + 1
				return cat, end, nil, true
			}
		}
	}
	var bd []events.Breakdown
	var joined, inPP []*mention
	pps, coords, lastPP := 0, 0, -1
	skipped := false // an appositive was passed: a relative "who" is not ours
	listEnd := -1    // end of a list of people joined to a figure
	listed := false  // m heads a list of figures
	alias := ""      // the appositive of a name: "Metin Topuz, a Turkish employee,"
skip:
	for k < st.last {
		w := a.low[k]
		switch {
		case w == "," || w == "—" || w == "–" || w == "(":
			if k+1 < st.last && (a.low[k+1] == "including" || a.low[k+1] == "among") {
				items, e, ok := st.breakdownAt(k + 1)
				if !ok {
					return "", 0, nil, false
				}
				bd = append(bd, items...)
				k = e
				if k < st.last && a.low[k] == "," {
					k++
				}
				continue
			}
			e := st.appositive(k)
			if e < 0 && k == j && k+1 < st.last && (a.low[k+1] == "who" || a.low[k+1] == "which") {
				k++ // "Faez Khalaf, who was killed,"
				continue
			}
			if e >= 0 {
				for i := k + 1; i < e; i++ {
					if o := st.at[i]; o != nil && o.kind != mkNumber {
						inPP = append(inPP, o) // "X, a Turkish employee, was"
						if o.kind == mkSingular && alias == "" {
							alias = st.victimsOf(o)
						}
					}
				}
				if alias == "" && m.kind == mkName {
					alias = st.description(k+1, e) // "X, a personal trainer,"
				}
				k = e + 1
				if k < st.last && (a.low[k] == "which" || a.low[k] == "who" || a.low[k] == "whose") {
					k = e // ", who co-directed the film Restrepo, which was nominated ...,"
				}
				skipped = true
				continue
			}
			// "..., Rémi Ochlik, were killed"
			if w == "," && k > j && k+1 < st.last && aux[a.low[k+1]] && a.toks[k+1].Tag != "RB" {
				k++
				continue
			}
			// "five children, four women and two men were shot"
			if o := st.fig(k + 1); w == "," && o != nil && coords < 3 && o.kind == mkNumber && m.kind == mkNumber &&
				!o.used && o.np.head >= 0 {
				if e := max(o.b, o.np.b); e < st.last && (a.low[e] == "and" || a.low[e] == ",") {
					if _, ok := st.activeBefore(m); !ok {
						coords++
						listed, o.listed = true, true
						k = e
						continue
					}
				}
			}
			// a list: "twenty motorcyclists, car drivers and passengers"
			if w == "," && coords < 3 && m.kind != mkBare && st.fig(k+1) == nil {
				if e := st.skipNP(k + 1); e > k+1 && e < st.last && (a.low[e] == "and" || a.low[e] == "or" || a.low[e] == ",") {
					inPP = append(inPP, st.bareIn(k+1, e)...)
					coords++
					k = e
					continue
				}
			}
			break skip
		case w == "including" && k == j:
			items, e, ok := st.breakdownAt(k)
			if !ok {
				return "", 0, nil, false
			}
			bd = append(bd, items...)
			k = e
		case st.boardFate() != "" && st.isOnBoard(k):
			break skip
		case prepositions[w] && pps < 2 && m.kind != mkBare:
			e := st.skipNP(k + 1)
			if e == k+1 {
				break skip
			}
			for i := k + 1; i < e; i++ {
				if o := st.at[i]; o != nil && o.kind != mkNumber {
					inPP = append(inPP, o)
				}
			}
			pps++
			k = e
			lastPP = e
		case (w == "and" || w == "or") && lastPP == k && m.kind != mkBare:
			// "the brother of former president and reformist X": the
			// phrase goes on.
			e := st.skipNP(k + 1)
			if e == k+1 {
				break skip
			}
			for i := k + 1; i < e; i++ {
				if o := st.at[i]; o != nil && o.kind != mkNumber {
					inPP = append(inPP, o)
				}
			}
			k = e
		case (w == "and" || w == "or") && coords < 3 && m.kind != mkBare:
			if (m.kind == mkSingular || m.kind == mkName) && w == "and" && k+2 < st.last &&
				(a.low[k+1] == "her" || a.low[k+1] == "his" || a.low[k+1] == "their") {
				// "a mother and her two children": one record of three
				if o := st.fig(k + 2); o != nil && o.kind == mkNumber && o.value != nil && o.max == nil &&
					o.qual == events.QualExact && !o.used {
					joined = append(joined, o)
					k = st.skipPP(max(o.b, o.np.b))
					coords++
					continue
				}
			}
			if o := st.fig(k + 1); o != nil {
				// "Aziz Akyavaş and Richard Engel went missing": one
				// record of two.
				if (o.kind == mkName || o.kind == mkSingular) && !o.used {
					if m.kind == mkName || m.kind == mkSingular {
						joined = append(joined, o)
					}
					// "four generals and a head of the church were
					// detained": each its own record
					k = st.skipPP(max(o.b, o.np.b))
					coords++
					continue
				}
				// "The 155 passengers and seven crew died": each its own
				// record, unless a verb before makes m an object ("killed
				// 5 people and 12 soldiers were injured").
				if o.kind == mkNumber && !o.used && m.kind == mkNumber && o.np.head >= 0 {
					if _, ok := st.activeBefore(m); !ok {
						k = st.skipPP(max(o.b, o.np.b))
						coords++
						listed, o.listed = true, true
						continue
					}
				}
				break skip
			}
			e := st.skipNP(k + 1)
			if e == k+1 {
				break skip
			}
			if m.kind == mkNumber && m.np.head >= 0 {
				// "twenty motorcyclists, car drivers and passengers": one
				// figure of a list of people
				inPP = append(inPP, st.bareIn(k+1, e)...)
				listEnd = e
			}
			if m.kind == mkName || m.kind == mkSingular {
				// "Aziz Akyavaş and US journalist Richard Engel"
				for i := k + 1; i < e; i++ {
					if o := st.at[i]; o != nil && (o.kind == mkName || o.kind == mkSingular) && !o.used {
						joined = append(joined, o)
						break
					}
				}
			}
			coords++
			k = e
		case (a.toks[k].Tag == "VBN" || a.toks[k].Tag == "VBG" || a.toks[k].Tag == "VBD" && strings.HasSuffix(w, "ed")) &&
			k == j && passiveCues[w] == "" && !aux[w] &&
			k+1 < st.last && (prepositions[a.low[k+1]] || a.low[k+1] == "to" || a.low[k+1] == "by"):
			// "workers attached to a UN project were kidnapped"
			if _, _, ok := st.cueAt(k); ok {
				break skip
			}
			e := st.skipNP(k + 2)
			if e == k+2 {
				break skip
			}
			k = e
		case (a.toks[k].Tag == "VBN" || a.toks[k].Tag == "VBD") && strings.HasSuffix(w, "ed") && k == j &&
			passiveCues[w] == "" && !aux[w] && k+1 < st.last && (a.low[k+1] == "were" || a.low[k+1] == "was"):
			k++ // "one of the two women involved were arrested"
		case (w == "who" || w == "that") && !skipped:
			k++
		default:
			break skip
		}
	}
	// auxiliaries and adverbs
	hasAux := false
	perfect := false // "have" right before the verb: "Police have arrested"
	for k < st.last {
		w, tag := a.low[k], a.toks[k].Tag
		if hypothetical[w] {
			return "", 0, nil, false
		}
		if w == "to" && !hasAux {
			return "", 0, nil, false // "the fifth legislator to be arrested"
		}
		if k+1 < st.last && hasAux && (w == "alive" || w == "conscious" || w == "stable") && a.low[k+1] == "but" {
			k += 2 // "is alive but critically injured"
			continue
		}
		if aux[w] || (tag == "RB" && w != "not" && w != "n't" && w != "onboard" && w != "aboard") {
			switch w {
			case "was", "were", "is", "are", "be", "been", "being", "have", "has", "had", "'s", "’s",
				"appear", "appears", "appeared", "seem", "seems", "seemed", "remain", "remains", "remained":
				hasAux = true
			}
			switch w {
			case "have", "has", "had":
				perfect = true
			case "been", "was", "were", "is", "are", "be", "being":
				perfect = false
			}
			// "were left homeless": "left" is the aux; "left dead" too.
			k++
			continue
		}
		break
	}
	if k >= st.last {
		return "", 0, nil, false
	}
	st.bareAt = m.a
	if m.kind == mkBare && !hasAux && !(k == j && a.low[k] == "fleeing") && !st.reducedRelative(k, j) {
		return "", 0, nil, false // "people fleeing violence" needs none
	}
	// "three people had been rescued and taken to hospital"
	if _, _, ok := st.cueAt(k); !ok && a.toks[k].Tag == "VBN" && k+2 < st.last && a.low[k+1] == "and" {
		k += 2
	}
	cat, end, ok := st.cueAt(k)
	if !ok && hasAux && !perfect && (a.low[k] == "shot" || a.low[k] == "stabbed") && m.kind != mkBare && !st.definite(m) &&
		(k+1 >= st.last || a.low[k+1] != "at") {
		// "a Palestinian man was shot": hurt, unless the sentence tells
		// of the dead
		cat, end, ok = st.shotCategory(), k+1, true
		st.shot = true
	}
	if !ok {
		return "", 0, nil, false
	}
	st.cue = k
	if _, act := activeCues[a.low[k]]; act && perfect && a.low[k] != "hurt" {
		return "", 0, nil, false // "Police have arrested six people": the subject acts
	}
	if cat == events.Displaced && (m.kind == mkName || m.kind == mkSingular) && !strings.HasPrefix(a.low[k], "displace") &&
		!strings.HasPrefix(a.low[k], "evacuate") && a.low[k] != "homeless" {
		return "", 0, nil, false // "Bemba, who fled the DRC": one person fleeing is no displacement
	}
	if !hasAux {
		// "killed" after a plain subject is active ("Police killed two",
		// "the bomber who killed seven"): only a passive or intransitive
		// reading counts.
		if _, act := activeCues[a.low[k]]; act && a.low[k] != "hurt" && k+1 < st.last && st.objectFollows(k+1) {
			return "", 0, nil, false
		}
		if _, act := activeCues[a.low[k]]; act && m.kind == mkName {
			return "", 0, nil, false
		}
		// "one of the men kidnapped had been wounded": the reduced
		// relative is not the predicate.
		if e := st.skipPP(end); e < st.last && (a.low[e] == "had" || a.low[e] == "has" || a.low[e] == "have" ||
			a.low[e] == "was" || a.low[e] == "were") {
			if cat2, end2, bd2, ok := st.predicateAfter(e, m); ok {
				return cat2, end2, append(bd, bd2...), true
			}
		}
	}
	if more, _, ok := st.breakdownAfter(end); ok {
		bd = append(bd, more...)
	}
	for _, o := range inPP {
		o.used = true
	}
	m.alias = alias
	m.listed = m.listed || listed
	if listEnd > 0 && coords > 0 {
		m.listEnd = listEnd
	}
	if len(joined) > 0 && m.value != nil {
		v := *m.value
		for _, o := range joined {
			v += *o.value
			o.used = true
			if o.kind == mkName {
				m.persons = append(m.persons, surname(o.name))
			}
		}
		m.value = &v
		m.np.b = max(joined[len(joined)-1].b, joined[len(joined)-1].np.b)
	}
	return cat, end, bd, true
}

// reducedRelative reports a participle of harm at k right after a noun
// phrase ending at j, closing it or followed by a phrase: "the police
// officers injured in this brutal act".
func (st *sent) reducedRelative(k, j int) bool {
	a := st.a
	if k != j || a.toks[k].Tag != "VBN" {
		return false
	}
	if s := st.bareAt; s <= st.first || a.low[s-1] != "the" {
		return false // "refugees displaced by World War II": background
	}
	switch a.low[k] {
	case "died", "dead", "fled", "left", "hurt":
		return false
	}
	if _, ok := passiveCues[a.low[k]]; !ok {
		return false
	}
	if k+1 >= st.last {
		return true
	}
	next := a.low[k+1]
	return prepositions[next] || next == "," || next == "." || next == "by" || next == "and" || next == "during" || next == "since"
}

// verbAfter reports a verb other than "be" as the next predicate after
// token j (phrases and appositives skipped): "One of the victims, who was
// 80, recalled ..." has one.
func (st *sent) verbAfter(j int) bool {
	a := st.a
	k := st.skipPP(j)
	if k < st.last && a.low[k] == "," {
		if e := st.appositive(k); e >= 0 {
			k = e + 1
		}
	}
	for k < st.last && a.toks[k].Tag == "RB" {
		k++
	}
	if k >= st.last {
		return false
	}
	switch a.low[k] {
	case "was", "were", "is", "are", "be", "been", "being":
		return false
	}
	return strings.HasPrefix(a.toks[k].Tag, "VB") || a.toks[k].Tag == "MD"
}

// possessedHarm are harm nouns after a person's possessive: "Baby P's
// death".
var possessedHarm = map[string]string{
	"death": events.Killed, "murder": events.Killed, "killing": events.Killed, "assassination": events.Killed,
	"execution": events.Killed, "arrest": events.Arrested, "detention": events.Arrested,
	"abduction": events.Kidnapped, "kidnapping": events.Kidnapped, "disappearance": events.Missing,
}

// partOfFigure are heads of a partitive that name an earlier figure:
// "nine of the victims", "at least seventeen of the dead".
var partOfFigure = map[string]bool{
	"dead": true, "victims": true, "injured": true, "wounded": true, "missing": true, "casualties": true,
	"hostages": true, "deceased": true, "fatalities": true, "bodies": true,
}

// cueNounVictims are harm nouns that say nothing of who was harmed.
var cueNounVictims = map[string]bool{
	"deaths": true, "death": true, "fatalities": true, "killings": true, "murders": true, "injuries": true,
	"kidnappings": true, "abductions": true, "arrests": true, "detentions": true, "casualties": true,
}

// ofVictims reads the victims of "... of journalists" (also "particularly
// of journalists") after token k, or "".
func (st *sent) ofVictims(k int) string {
	a := st.a
	if k < st.last && a.low[k] == "," {
		k++
	}
	if k < st.last && a.toks[k].Tag == "RB" {
		k++
	}
	if k+1 >= st.last || a.low[k] != "of" {
		return ""
	}
	np := st.simpleNP(k + 1)
	if np.head < 0 || !personNouns[a.low[np.head]] {
		return ""
	}
	return a.low[np.head]
}

// ownPredicate reports a finite predicate of its own after token j that
// is no harm cue: "two were rescued", "one reporter saw". Non-finite
// verbs ("an elderly man being carried away") do not count.
func (st *sent) ownPredicate(j int) bool {
	a := st.a
	k := st.skipPP(j)
	for k < st.last && (a.toks[k].Tag == "RB" || reflexive[a.low[k]]) {
		k++
	}
	if k >= st.last {
		return false
	}
	switch a.low[k] {
	case "was", "were", "is", "are", "has", "have", "had":
		i := k + 1
		for i < st.last && (a.toks[i].Tag == "RB" || a.low[i] == "been") {
			i++
		}
		if i < st.last {
			if _, _, cue := st.cueAt(i); cue {
				return false
			}
		}
		return true
	}
	switch a.toks[k].Tag {
	case "VBD", "VBZ", "VBP", "MD":
		_, _, cue := st.cueAt(k)
		return !cue
	}
	return false
}

var reflexive = map[string]bool{"himself": true, "herself": true, "themselves": true, "itself": true}

// fig returns the figure (not a bare noun phrase) that starts at token k.
func (st *sent) fig(k int) *mention {
	if m := st.at[k]; m != nil && m.kind != mkBare {
		return m
	}
	return nil
}

// listGoesOn reports whether a list of people goes on after token j
// (phrases skipped): ", and a girl", "and two men".
func (st *sent) listGoesOn(j int) bool {
	a := st.a
	k := st.skipPP(j)
	if k+1 < st.last && a.low[k] == "," && a.low[k+1] == "and" {
		k++
	}
	if k+1 < st.last && a.low[k] == "," {
		return st.fig(k+1) != nil
	}
	return k+1 < st.last && a.low[k] == "and" && st.fig(k+1) != nil
}

// skipDet steps back over a determiner at k: "of their" -> "of".
func (st *sent) skipDet(k int) int {
	switch st.a.low[k] {
	case "the", "their", "his", "her", "its", "our", "these", "those":
		if k > st.first {
			return k - 1
		}
	}
	return k
}

// bareIn returns the unquantified noun phrases that start in [i, e).
func (st *sent) bareIn(i, e int) []*mention {
	var out []*mention
	for ; i < e; i++ {
		if o := st.at[i]; o != nil && o.kind == mkBare {
			out = append(out, o)
		}
	}
	return out
}

// skipPP skips up to two prepositional phrases at k ("in the city of
// Hama").
func (st *sent) skipPP(k int) int {
	for n := 0; n < 2 && k < st.last && prepositions[st.a.low[k]] && !(st.a.fate != "" && st.isOnBoard(k)); n++ {
		e := st.skipNP(k + 1)
		if e == k+1 {
			break
		}
		k = e
	}
	return k
}

// objectFollows reports an object after a verb at k: a figure, a
// determiner or a noun.
func (st *sent) objectFollows(k int) bool {
	if st.at[k] != nil {
		return true
	}
	switch st.a.low[k] {
	case "a", "an", "the", "his", "her", "their", "its", "at", "more", "about", "some", "up", "nearly", "over":
		return true
	}
	return isNoun(st.a.toks[k].Tag)
}

// cueAt reads a predicate cue at token k and returns its category and the
// token after it.
func (st *sent) cueAt(k int) (string, int, bool) {
	a := st.a
	w := a.low[k]
	at := func(i int) string {
		if i < st.last {
			return a.low[i]
		}
		return ""
	}
	if fate := st.boardFate(); fate != "" {
		if e, ok := st.onBoardAt(k); ok {
			return fate, e, true // "155 passengers were on board" a lost plane
		}
	}
	switch w {
	case "lost":
		if (at(k+1) == "their" || at(k+1) == "his" || at(k+1) == "her") && (at(k+2) == "lives" || at(k+2) == "life") {
			return events.Killed, k + 3, true
		}
		return "", 0, false
	case "succumbed":
		// "eventually succumbed to his injury"
		if at(k+1) == "to" {
			return events.Killed, k + 2, true
		}
		return "", 0, false
	case "surrendered":
		// "the suspected gunman surrendered himself to police"
		if reflexive[at(k+1)] || at(k+1) == "to" && (at(k+2) == "police" || at(k+3) == "police" || at(k+2) == "authorities" || at(k+3) == "authorities") {
			return events.Arrested, k + 2, true
		}
		return "", 0, false
	case "taken", "held", "kept":
		switch at(k + 1) {
		case "hostage", "hostages", "captive", "prisoner":
			return events.Kidnapped, k + 2, true
		case "for", "at", "without", "incommunicado", "under", "since":
			// "held for the past five years at Guantanamo Bay"
			if w == "held" {
				return events.Arrested, k + 2, true
			}
		case "into":
			if at(k+2) == "custody" {
				return events.Arrested, k + 3, true
			}
		case "to":
			if w == "taken" && (at(k+2) == "hospital" || at(k+3) == "hospital" || at(k+3) == "hospitals") {
				return events.Injured, k + 3, true
			}
		}
		return "", 0, false
	case "rushed", "admitted", "brought", "airlifted", "hospitalized", "hospitalised":
		if w == "hospitalized" || w == "hospitalised" {
			return events.Injured, k + 1, true
		}
		if at(k+1) == "to" {
			for i := k + 2; i < st.last && i < k+9; i++ {
				if strings.HasPrefix(a.low[i], "hospital") {
					return events.Injured, i + 1, true
				}
				if a.low[i] == "," || a.low[i] == "." {
					break
				}
			}
		}
		return "", 0, false
	case "released", "freed", "rescued":
		// "released after being held captive"
		if at(k+1) == "after" && at(k+2) == "being" {
			if cat, e, ok := st.cueAt(k + 3); ok && cat == events.Kidnapped {
				return cat, e, true
			}
		}
		return "", 0, false
	case "living", "sheltering", "seeking", "staying", "housed", "sleeping", "crammed", "camped":
		for i := k + 1; i < st.last && i < k+6; i++ {
			switch a.low[i] {
			case "shelters", "shelter", "camps", "camp", "tents", "refuge":
				return events.Displaced, i + 1, true
			}
			if a.low[i] == "," || a.low[i] == "." {
				break
			}
		}
		return "", 0, false
	case "treated":
		if at(k+1) == "for" || (at(k+1) == "in" && (at(k+2) == "hospital" || at(k+3) == "hospital")) {
			return events.Injured, k + 2, true
		}
		return "", 0, false
	case "suffered", "sustained", "received", "suffering", "sustaining", "suffer":
		for i := k + 1; i < st.last && i < k+5; i++ {
			switch a.low[i] {
			case "injuries", "wounds", "burns", "injury", "wound", "fractures":
				return events.Injured, i + 1, true
			}
			if !isAdj(a.toks[i].Tag) && !isNoun(a.toks[i].Tag) && a.low[i] != "only" && a.low[i] != "and" && a.toks[i].Tag != "RB" {
				break
			}
		}
		return "", 0, false
	case "forced", "driven", "forcing":
		if at(k+1) == "to" {
			switch at(k + 2) {
			case "flee", "leave", "abandon", "evacuate":
				return events.Displaced, k + 3, true
			}
		}
		if at(k+1) == "from" || at(k+1) == "out" {
			return events.Displaced, k + 2, true
		}
		return "", 0, false
	case "rounded":
		if at(k+1) == "up" {
			return events.Arrested, k + 2, true
		}
		return "", 0, false
	case "shot", "stabbed", "beaten", "burned", "burnt", "hacked", "crushed", "gunned", "struck", "hit", "run",
		"bludgeoned", "strangled", "starved", "trampled", "buried", "stoned", "clubbed", "tortured":
		switch at(k + 1) {
		case "dead":
			return events.Killed, k + 2, true
		case "alive":
			if w == "burned" || w == "burnt" || w == "buried" {
				return events.Killed, k + 2, true
			}
		case "to":
			if at(k+2) == "death" {
				return events.Killed, k + 3, true
			}
		case "down":
			if w == "gunned" {
				return events.Killed, k + 2, true
			}
		case "and":
			if cat, ok := passiveCues[at(k+2)]; ok && cat == events.Killed {
				return cat, k + 3, true
			}
		}
		if w == "beaten" {
			return events.Injured, k + 1, true
		}
		return "", 0, false
	case "among", "amongst":
		i := k + 1
		switch at(i) {
		case "those", "the":
			// "among those (who were) detained", "among the 40 people
			// arrested"
			j := i + 1
			if at(i) == "the" {
				for j < st.last && j < i+6 && (st.at[j] != nil && st.at[j].kind == mkNumber || a.toks[j].Tag == "CD" ||
					isAdj(a.toks[j].Tag) || isNoun(a.toks[j].Tag) && !capitalised(a.toks[j].Text)) {
					if _, cue := passiveCues[a.low[j]]; cue && isAdj(a.toks[j].Tag) && j > i+1 {
						break
					}
					j++
				}
				if j == i+1 {
					break
				}
			}
			if at(j) == "who" && (at(j+1) == "were" || at(j+1) == "was" || at(j+1) == "had" || at(j+1) == "have") {
				j += 2
				if at(j) == "been" {
					j++
				}
			}
			if j < st.last {
				if cat, ok := passiveCues[at(j)]; ok && at(j) != "die" && at(j) != "dies" {
					return cat, j + 1, true
				}
				if at(j) == "taken" && at(j+1) == "hostage" {
					return events.Kidnapped, j + 2, true
				}
			}
		}
		if at(i) == "the" {
			i++
		}
		switch at(i) {
		case "dead", "killed", "victims", "fatalities":
			return events.Killed, i + 1, true
		case "injured", "wounded", "casualties":
			if at(i) == "casualties" {
				return events.Killed, i + 1, true
			}
			return events.Injured, i + 1, true
		case "missing":
			return events.Missing, i + 1, true
		}
		return "", 0, false
	case "went", "gone":
		if at(k+1) == "missing" {
			return events.Missing, k + 2, true
		}
		return "", 0, false
	case "unaccounted":
		e := k + 1
		if at(e) == "for" {
			e++
		}
		return events.Missing, e, true
	case "fled", "flee", "fleeing":
		return events.Displaced, k + 1, true
	}
	if cat, ok := passiveCues[w]; ok {
		return cat, k + 1, true
	}
	return "", 0, false
}

// activeBefore looks for a verb or a harm noun with "of" before mention m:
// "killing at least nine people", "the blast killed 12", "the deaths of
// more than 200,000 people".
func (st *sent) activeBefore(m *mention) (string, bool) {
	a := st.a
	k := m.a - 1
	if m.kind == mkName {
		// "the murder of Armenian officer Gurgen Margaryan"
		for i := 0; i < 4 && k > st.first && (isAdj(a.toks[k].Tag) || isNoun(a.toks[k].Tag)) && alnumStart(a.low[k]); i++ {
			if _, cue := activeCues[a.low[k]]; cue {
				break
			}
			k--
		}
	}
	// "killed, according to the local Jewish community, Dan Uzan",
	// "included amongst others, according to reports, a baby"
	if k > st.first && a.low[k] == "," {
		for i := k - 1; i > st.first && i >= k-10; i-- {
			if a.low[i] == "," {
				if a.low[i+1] == "according" || a.low[i+1] == "accordingly" || reportVerbs[a.low[k-1]] {
					k = i - 1
				}
				break
			}
		}
	}
	if k-1 > st.first && a.low[k] == "others" && (a.low[k-1] == "among" || a.low[k-1] == "amongst") {
		k -= 2
	}
	for k >= st.first {
		w := a.low[k]
		switch {
		case w == "\"" || w == "“" || w == "'" || w == "‘" || w == "another" || w == "all" || w == "only" ||
			w == "reportedly" || w == "allegedly" || w == "also" || w == "an" || w == "additional" || w == "further" ||
			w == "a" && k+1 < m.a:
			k--
			continue
		case w == "of" && k-2 >= st.first && a.low[k-1] == "total" && a.low[k-2] == "a":
			k -= 3
			continue
		case a.toks[k].Tag == "RB" && w != "not" && w != "n't" && w != "never":
			k--
			continue
		}
		break
	}
	if k < st.first {
		return "", false
	}
	w := a.low[k]
	head := ""
	if m.np.head >= 0 {
		head = a.low[m.np.head]
	}
	if w == "of" && k-1 >= st.first {
		noun := a.low[k-1]
		cat, ok := ofNounCues[noun]
		if !ok {
			return "", false
		}
		if noun == "lives" {
			if k-3 < st.first {
				return "", false
			}
			switch a.low[k-3] {
			case "claimed", "claiming", "claims", "claim", "took", "taking", "cost", "costing", "lost":
			default:
				return "", false
			}
		}
		if st.hypotheticalBefore(k - 1) {
			return "", false
		}
		return cat, true
	}
	if w == "dead" && k-1 >= st.first && a.low[k-1] == "shot" {
		return events.Killed, !st.hypotheticalBefore(k - 1)
	}
	if w == "up" && k-1 >= st.first && a.low[k-1] == "rounded" {
		return events.Arrested, !st.hypotheticalBefore(k - 1)
	}
	if w == "shot" && k-1 >= st.first && a.low[k-1] == "fatally" {
		return events.Killed, !st.hypotheticalBefore(k - 1)
	}
	if (w == "shot" || w == "stabbed") && m.kind != mkBare && !st.definite(m) && a.toks[k].Tag != "NN" && (k == st.first || a.low[k-1] != "a") {
		// "Israeli forces shot a Palestinian man"
		st.shot = true
		return st.shotCategory(), !st.hypotheticalBefore(k)
	}
	if (w == "included" || w == "include" || w == "includes") && k > st.first {
		// "the dead included six members of the same family"
		switch a.low[k-1] {
		case "dead", "victims", "killed", "fatalities", "deceased":
			return events.Killed, true
		case "injured", "wounded":
			return events.Injured, true
		case "missing":
			return events.Missing, true
		case "hostages", "abducted", "kidnapped":
			return events.Kidnapped, true
		case "arrested", "detained", "detainees":
			return events.Arrested, true
		case "passengers", "crew", "board", "aboard", "onboard":
			// "Other passengers included X and two infants"
			if fate := st.boardFate(); fate != "" {
				return fate, true
			}
		case "these", "they", "those":
			// "These included a three-month-old baby": parts of the
			// figure of the sentence before
			if c := st.prevRecord(); c != nil {
				return c.cat, true
			}
		}
	}
	cat, ok := activeCues[w]
	if ok && (isNoun(a.toks[k].Tag) || k > st.first && (a.toks[k-1].Tag == "DT" || a.toks[k-1].Tag == "PRP$" ||
		a.low[k-1] == "for" || a.low[k-1] == "of" || a.low[k-1] == "in")) && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing") {
		return "", false // "for murder", "an arrest": a noun
	}
	if !ok {
		switch w {
		case "took", "cost", "costing", "taking", "take", "claim":
			if head == "lives" {
				return events.Killed, !st.hypotheticalBefore(k)
			}
		case "carried", "carrying", "carries":
			// "the flight carried 162 people" that went missing
			if fate := st.boardFate(); fate != "" && !st.hypotheticalBefore(k) {
				for i := k - 1; i >= st.first && i >= k-4; i-- {
					if vessels[a.low[i]] {
						return fate, true
					}
				}
			}
		case "left":
			// "left N dead" is read by the predicate; "left" alone is not a cue.
		}
		return "", false
	}
	switch w {
	case "claimed", "claiming", "claims":
		if head != "lives" {
			return "", false
		}
	}
	// passive "were killed 5 days ago" is no object
	i := k - 1
	for i >= st.first && a.toks[i].Tag == "RB" && a.low[i] != "not" && a.low[i] != "n't" {
		i--
	}
	if i >= st.first {
		switch a.low[i] {
		case "was", "were", "is", "are", "be", "been", "being":
			return "", false
		}
	}
	if st.hypotheticalBefore(k) || k > st.first && a.low[k-1] == "to" && !strings.HasSuffix(w, "ing") && !st.realizedTo(k-1) {
		return "", false // "could kill thousands", "refused to arrest"; not "pled guilty to murdering"
	}
	return cat, true
}

// definite reports a singular figure with a definite determiner ("the
// guard", "his son"), which most likely refers back to someone counted.
func (st *sent) definite(m *mention) bool {
	if m.kind != mkSingular {
		return false
	}
	switch st.a.low[m.a] {
	case "a", "an", "another":
		return false
	}
	return true
}

// realizedTo reports a "to" at k whose infinitive tells of a deed done:
// "has forced China to evacuate", "used his pistol to kill".
func (st *sent) realizedTo(k int) bool {
	for i := k - 1; i >= st.first && i >= k-4; i-- {
		switch st.a.low[i] {
		case "forced", "forcing", "forces", "used", "managed":
			return !st.hypotheticalBefore(i)
		case ",", ";", "not", "never":
			return false
		}
	}
	return false
}

// shotCategory is the harm of a shooting or stabbing without a stated
// outcome: injured, or killed when the sentence tells of the dead ("were
// shot in the head, and the bodies were dumped").
func (st *sent) shotCategory() string {
	for k := st.first; k < st.last; k++ {
		switch st.a.low[k] {
		case "dead", "died", "killed", "bodies", "body", "death", "murdered", "executed", "corpses", "fatally", "killing":
			return events.Killed
		}
	}
	return events.Injured
}

// hypotheticalBefore reports a modal, negation or intention within the
// three tokens before k: "could kill", "did not kill", "threatened to kill".
func (st *sent) hypotheticalBefore(k int) bool {
	for i := k - 1; i >= st.first && i >= k-3; i-- {
		w := st.a.low[i]
		if hypothetical[w] {
			return true
		}
		if w == "," || w == ";" || st.at[i] != nil {
			return false
		}
	}
	return false
}

// skipNP skips a short noun phrase from j (determiners, modifiers, nouns,
// possessives) and returns the token after it; j when there is none.
func (st *sent) skipNP(j int) int {
	a := st.a
	k := j
	seenNoun := false
	for k < st.last && k < j+7 {
		w, tag := a.low[k], a.toks[k].Tag
		if st.at[k] != nil && st.at[k].kind == mkNumber {
			break
		}
		if w == "(" {
			e := k + 1
			for e < st.last && e < k+6 && a.low[e] != ")" {
				e++
			}
			if e < st.last && a.low[e] == ")" {
				k = e + 1
				continue
			}
			break
		}
		next := ""
		if k+1 < st.last {
			next = a.toks[k+1].Tag
		}
		if tag == "DT" || tag == "PRP$" || tag == "POS" || isAdj(tag) || tag == "CD" || tag == "HYPH" ||
			((tag == "VBN" || tag == "VBG" || tag == "RB") && (isNoun(next) || isAdj(next) || next == "VBG")) {
			k++
			continue
		}
		if (isNoun(tag) || personNouns[w]) && !stopWords[w] && alnumStart(w) {
			seenNoun = true
			k++
			continue
		}
		break
	}
	if !seenNoun {
		return j
	}
	return k
}

// appositive returns the index of the comma (or dash) closing a short
// appositive or parenthesis that opens at k, or -1. It holds no figure and
// no finite verb: ", a Turkish employee at the embassy,".
func (st *sent) appositive(k int) int {
	a := st.a
	open := a.low[k]
	closer := open
	if open == "(" {
		closer = ")"
	}
	relative := k+1 < st.last && (a.low[k+1] == "which" || a.low[k+1] == "who" || a.low[k+1] == "whose")
	limit := k + 12
	if open == "," && k+1 < st.last {
		switch {
		case relative:
			limit = k + 25 // "X, who co-directed the film Restrepo, which was nominated ..., died"
		case a.low[k+1] == "a" || a.low[k+1] == "an" || a.low[k+1] == "the" || a.low[k+1] == "one":
			limit = k + 25 // "X, a member of the Center for ... and editor of ..., was"
		}
	}
	for i := k + 1; i < st.last && i <= limit; i++ {
		w, tag := a.low[i], a.toks[i].Tag
		if relative && w == closer && i > k+2 {
			return i
		}
		if relative {
			if _, cue := passiveCues[w]; cue && w != "fled" || st.at[i] != nil && st.at[i].kind == mkNumber {
				return -1 // "Bemba, who fled the DRC in 2007, was arrested" goes on
			}
			continue
		}
		if w == closer || (open == "—" && w == "–") {
			if i == k+1 {
				return -1
			}
			return i
		}
		if st.at[i] != nil && st.at[i].kind == mkNumber && !(i == k+1 && a.low[i] == "one" && i+1 < st.last && a.low[i+1] == "of") {
			return -1 // not "X, one of the former vice presidents,"
		}
		switch tag {
		case "VBD", "VBZ", "VBP", "MD", "VB":
			if w != "aged" {
				return -1
			}
		}
		if w == ";" || w == ":" || w == "\"" || w == "“" || w == "”" {
			return -1
		}
	}
	return -1
}

// breakdownAt reads "including 3 women and 4 children" (or "among them
// two police officers") from token k; it returns the parts and the token
// after them.
func (st *sent) breakdownAt(k int) ([]events.Breakdown, int, bool) {
	a := st.a
	i := k + 1
	if a.low[k] == "among" {
		if i >= st.last || (a.low[i] != "them" && a.low[i] != "whom" && a.low[i] != "those") {
			return nil, 0, false
		}
		i++
	}
	var out []events.Breakdown
	for i < st.last {
		m := st.at[i]
		if m == nil || m.value == nil || m.kind == mkBare {
			break
		}
		e := max(m.b, m.np.b)
		group := st.victimsOf(m)
		if group == "" {
			// a bare number is no part: "including 6 children, and more
			// than 40 were wounded" starts a figure of its own.
			break
		}
		out = append(out, events.Breakdown{Group: group, Count: *m.value})
		m.used = true
		i = e
		if i+1 < st.last && (a.low[i] == "and" || a.low[i] == ",") && st.at[i+1] != nil {
			i++
			continue
		}
		if i+2 < st.last && a.low[i] == "," && a.low[i+1] == "and" && st.at[i+2] != nil {
			i += 2
			continue
		}
		break
	}
	if len(out) == 0 {
		return nil, 0, false
	}
	return out, i, true
}

// breakdownAfter reads a breakdown right after a predicate ending at k,
// possibly after a phrase: "107 had died, including 57 children".
func (st *sent) breakdownAfter(k int) ([]events.Breakdown, int, bool) {
	a := st.a
	i := k
	if i < st.last && prepositions[a.low[i]] {
		i = st.skipNP(i + 1)
	}
	if i < st.last && a.low[i] == "," {
		i++
	}
	if i < st.last && (a.low[i] == "including" || a.low[i] == "among") {
		return st.breakdownAt(i)
	}
	return nil, 0, false
}

// record turns mention m into a record of category cat. npEnd is the token
// after its noun phrase; active marks an object of a verb.
func (st *sent) record(m *mention, cat string, npEnd, cueEnd int, bd []events.Breakdown, active bool) {
	a := st.a
	c := cand{cat: cat, qual: m.qual, value: m.value, max: m.max, est: m.est, sentence: st.span,
		partitive: m.np.partitive && m.np.head >= 0 && partOfFigure[a.low[m.np.head]]}
	if m.kind == mkBare {
		c.qual = events.QualUnspecified
	}
	c.start = m.start
	var end int
	switch {
	case m.kind == mkBare:
		end = a.toks[max(m.np.b, m.a+1)-1].End
	case npEnd > m.b && npEnd-1 < st.last:
		end = a.toks[npEnd-1].End
	default:
		end = a.toks[m.b-1].End
	}
	c.end = end
	if m.kind == mkSingular {
		switch a.low[m.a] {
		case "a", "an", "another":
			c.indef = true
		}
	}
	c.listed = m.listed
	c.definite = m.kind == mkNumber && m.value != nil && m.a > st.first && a.low[m.a-1] == "the"
	var desc string
	if m.kind == mkName {
		c.name = m.name
		c.alias = m.alias
		c.persons = append(c.persons, surname(m.name))
		c.nameWords = strings.Fields(strings.ToLower(m.name))
		if m.b == m.a+1 {
			c.short = a.low[m.a] // "Kim's death" after "Kim Jong Nam"
		}
		// "British soldier Lee Rigby": the description is the victims
		var ds int
		if ds, desc = st.preDescription(m); ds >= 0 {
			c.start = a.toks[ds].Start
		}
		if m.alias != "" {
			desc = m.alias
		} else if d := st.postDescription(m); d != "" && desc == "" {
			desc = d
		}
	}
	c.persons = append(c.persons, m.persons...)
	// "one journalist, Munir Shakir,": the name is the figure's
	if e := max(npEnd, m.b); m.kind != mkName && e+1 < st.last && a.low[e] == "," {
		if o := st.at[e+1]; o != nil && o.kind == mkName && !o.used {
			o.used = true
			c.persons = append(c.persons, surname(o.name))
		}
	}
	c.victims = st.victimsOf(m)
	if desc != "" {
		c.victims = desc
	}
	if c.victims == "" {
		c.victims = st.contextVictims(m, active)
	}
	if m.listEnd > npEnd && m.np.head >= 0 {
		// "twenty motorcyclists, car drivers and passengers"
		c.end = a.toks[m.listEnd-1].End
		c.victims = strings.ToLower(a.text[a.toks[st.victimStart(m)].Start:c.end])
	}
	c.breakdown = bd
	c.shot = st.shot && cat == events.Injured
	if len(bd) > 0 {
		// extend the phrase over an attached "including ..." part
		if e := st.breakdownEnd(npEnd); e > c.end {
			c.end = e
		}
	}
	switch {
	case m.kind == mkBare:
		c.conf = 0.5
	case m.kind == mkName || m.kind == mkSingular:
		c.conf = 0.6
	case m.value == nil:
		c.conf = 0.7
	default:
		c.conf = 0.85
	}
	m.used = true
	m.active = active
	m.stmtEnd = cueEnd
	m.rec = len(a.cands)
	st.lastRec = m.rec
	a.cands = append(a.cands, c)
}

// breakdownEnd returns the byte end of an ", including ..." part that
// directly follows token npEnd, or -1.
func (st *sent) breakdownEnd(npEnd int) int {
	a := st.a
	i := npEnd
	if i < st.last && a.low[i] == "," {
		i++
	}
	if i < st.last && (a.low[i] == "including" || a.low[i] == "among") {
		if _, e, ok := st.breakdownAt(i); ok && e > 0 {
			return a.toks[e-1].End
		}
	}
	return -1
}

// preDescription reads the description right before the name of m
// ("British soldier Lee Rigby", "Pilot Andy Hill", "The Standard editor
// X") and returns its first token and its lower-case words, or -1. The
// description ends in a person noun.
func (st *sent) preDescription(m *mention) (int, string) {
	a := st.a
	// the name itself may start with the description: "Pilot Andy Hill"
	lead := m.a
	for lead < m.b-2 && personNouns[a.low[lead]] && !plural(a.low[lead]) {
		lead++
	}
	if lead > m.a {
		return -1, st.words(m.a, lead)
	}
	k := m.a - 1
	if k >= st.first && capitalised(a.toks[k].Text) && isAdj(a.toks[k].Tag) && isAdjForm(a.low[k]) &&
		(k == st.first || !alnumStart(a.low[k-1]) || a.toks[k-1].Tag == "DT" || a.toks[k-1].Tag == "IN") {
		return k, "" // "Australian David Hicks": a nationality, no description
	}
	if k < st.first || !personNouns[a.low[k]] && !agentNoun(a.toks[k]) || plural(a.low[k]) || capitalised(a.toks[k].Text) && k != st.first ||
		!isNoun(a.toks[k].Tag) && !isAdj(a.toks[k].Tag) && !(k == st.first && capitalised(a.toks[k].Text)) {
		return -1, ""
	}
	s := k
	for s > st.first && s > k-3 {
		t := a.toks[s-1]
		if !alnumStart(t.Text) || !(isAdj(t.Tag) || t.Tag == "NN" || t.Tag == "HYPH" || t.Tag == "NNP" && capitalised(t.Text) && isAdjForm(a.low[s-1])) {
			break
		}
		if t.Tag == "NN" && !personNouns[a.low[s-1]] && capitalised(t.Text) {
			break
		}
		s--
	}
	return s, st.words(s, k+1)
}

// postDescription reads a description after the name of m: "Matt Jones,
// 24, who worked as a personal trainer", "X, a Sunday Times journalist".
func (st *sent) postDescription(m *mention) string {
	a := st.a
	k := m.b
	at := func(i int) string {
		if i < st.last {
			return a.low[i]
		}
		return ""
	}
	if at(k) != "," {
		return ""
	}
	k++
	if a := at(k); a != "" && st.a.toks[k].Tag == "CD" && at(k+1) == "," {
		k += 2 // the age
	}
	switch at(k) {
	case "who", "whose":
		k++
		for at(k) == "was" || at(k) == "is" || at(k) == "worked" || at(k) == "works" || at(k) == "served" || at(k) == "as" {
			k++
		}
		if k == m.b+2 {
			return ""
		}
	}
	e := k
	for e < st.last && e < k+8 && a.low[e] != "," && a.low[e] != "." {
		e++
	}
	return st.description(k, e)
}

// agentNoun reports a common noun shaped like a person's occupation:
// "photojournalist", "trainer", "consultant", "politician".
func agentNoun(t ner.Token) bool {
	if t.Tag != "NN" || capitalised(t.Text) {
		return false
	}
	w := strings.ToLower(t.Text)
	for _, suf := range []string{"ist", "er", "or", "ian", "ant", "ent"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// isAdjForm reports a word shaped like a nationality adjective: "British",
// "Turkish", "Iranian", "Japanese", "Iraqi".
func isAdjForm(w string) bool {
	for _, suf := range []string{"ish", "an", "ese", "ic"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// words returns the lower-case text of tokens [i, e).
func (st *sent) words(i, e int) string {
	if i >= e {
		return ""
	}
	return strings.ToLower(st.a.text[st.a.toks[i].Start:st.a.toks[e-1].End])
}

// description reads an appositive noun phrase in [i, e) ("a personal
// trainer", "the leader of ...") and returns its lower-case words without
// the determiner and the phrases after the head, or "".
func (st *sent) description(i, e int) string {
	a := st.a
	if i >= e {
		return ""
	}
	switch a.low[i] {
	case "a", "an", "the":
		i++
	default:
		return ""
	}
	k := i
	for k < e && k < i+5 && alnumStart(a.low[k]) && (isNoun(a.toks[k].Tag) || isAdj(a.toks[k].Tag) ||
		a.toks[k].Tag == "VBN" || a.toks[k].Tag == "VBG" || a.toks[k].Tag == "HYPH") {
		k++
	}
	if k == i || a.toks[k-1].Tag == "VBN" || a.toks[k-1].Tag == "VBG" {
		return ""
	}
	return st.words(i, k)
}

// victimStart returns the first token of the victims words of m's noun
// phrase: determiners and "more" left out.
func (st *sent) victimStart(m *mention) int {
	i := m.np.a
	for i < m.np.head {
		switch st.a.low[i] {
		case "of", "the", "their", "his", "her", "its", "our", "more", "other", "additional", "further", "extra":
			i++
			continue
		}
		break
	}
	return i
}

// victimsOf returns the lower-case victims noun phrase of m ("" when the
// figure has no noun).
func (st *sent) victimsOf(m *mention) string {
	a := st.a
	switch m.kind {
	case mkName:
		return strings.ToLower(m.name)
	}
	if m.np.head < 0 {
		return ""
	}
	i := st.victimStart(m)
	if a.low[m.np.head] == "them" || a.low[m.np.head] == "those" || a.low[m.np.head] == "whom" {
		return ""
	}
	var b strings.Builder
	for k := i; k <= m.np.head; k++ {
		t := a.toks[k]
		if t.Tag == "POS" || t.Tag == "CD" || a.low[k] == "(" || a.low[k] == ")" || strings.Contains(a.low[k], "-old") {
			continue // "a 23-year-old Kenyan man": the age is no victim
		}
		if k > i && t.Start > a.toks[k-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(a.low[k])
	}
	return strings.TrimSpace(b.String())
}

// contextVictims returns victims for a figure without a noun ("12 were
// killed", "some of them"): the victims of the sentence's previous plural
// record, else the first plural person noun after the figure, else
// "people".
func (st *sent) contextVictims(m *mention, active bool) string {
	a := st.a
	if st.lastRec >= 0 && st.lastRec != m.rec {
		if v := a.cands[st.lastRec].victims; plural(lastWord(v)) && nounCues[lastWord(v)] == "" {
			return v
		}
	}
	// "some of them": the nearest plural person noun before, unless the
	// figure is the object of a verb, whose subject is no victim
	if !active {
		for k := m.a - 1; k >= st.first; k-- {
			w := a.low[k]
			if isNoun(a.toks[k].Tag) && personNouns[w] && plural(w) && w != "others" && w != "people" {
				return w
			}
		}
	}
	// "dozens injured when forces opened fire on protesters"
	for k := max(m.b, m.np.b); k < st.last; k++ {
		w := a.low[k]
		if isNoun(a.toks[k].Tag) && personNouns[w] && plural(w) && w != "others" && w != "people" && !collective[w] {
			return w
		}
	}
	return "people"
}

// tolls links figures to a toll: "the death toll rose to 25", "put the
// toll at seventeen", "the number of dead reached 48".
func (st *sent) tolls() {
	a := st.a
	for k := st.first; k < st.last; k++ {
		cat := ""
		switch a.low[k] {
		case "toll", "tally":
			cat = events.Killed
			if k > st.first {
				switch a.low[k-1] {
				case "injury", "injuries":
					cat = events.Injured
				case "casualty":
					cat = events.Killed
				}
			}
		case "total":
			// "reaching a total of six": the harm of the figure before
			if k+1 < st.last && (a.low[k+1] == "of" || a.low[k+1] == "to") {
				var prev *mention
				for _, o := range st.ms {
					if o.rec >= 0 && o.a < k && (prev == nil || o.a > prev.a) {
						prev = o
					}
				}
				if prev != nil {
					cat = a.cands[prev.rec].cat
				}
			}
		case "number":
			if k+2 < st.last && a.low[k+1] == "of" {
				// "the number of people killed"
				for i := k + 2; i < st.last && i < k+6; i++ {
					if c, ok := passiveCues[a.low[i]]; ok && isNoun(a.toks[i-1].Tag) {
						cat = c
						break
					}
				}
				switch a.low[k+2] {
				case "dead", "deaths", "fatalities", "casualties", "victims", "killed":
					cat = events.Killed
				case "injured", "wounded", "injuries":
					cat = events.Injured
				case "missing":
					cat = events.Missing
				case "displaced", "homeless", "refugees", "evacuees":
					cat = events.Displaced
				case "arrests", "arrested", "detained":
					cat = events.Arrested
				}
			}
		}
		strict := false // the figure must follow "at", "to" or "reached"
		switch a.low[k] {
		case "deaths", "casualties", "fatalities":
			// "The UN puts deaths at 10,000"
			if k > st.first && (a.toks[k-1].Tag == "CD" || st.at[k-1] != nil || a.low[k-1] == "of") {
				break
			}
			cat, strict = events.Killed, true
		case "figure", "tally", "count":
			// "For the injured, the latest figure is 446": the harm
			// named before it in the sentence
			if cat != "" && a.low[k] == "tally" {
				break
			}
			for i := k - 1; i > st.first && i >= k-8; i-- {
				if c, ok := passiveCues[a.low[i]]; ok && a.low[i-1] == "the" {
					cat, strict = c, true
					break
				}
			}
		}
		if cat == "" {
			continue
		}
		linked := 0
		for i := k + 1; i < st.last && (i <= k+16 || linked > 0); i++ {
			w := a.low[i]
			if w == ";" || hypothetical[w] || w == "expected" {
				break
			}
			if c, ok := passiveCues[w]; ok && linked == 0 && st.at[i] == nil {
				// "the toll of those feared dead has reached 130" goes on,
				// and so does "the number of homeless".
				if w != "dead" && w != "killed" && !(a.low[k] == "number" && c == cat && i <= k+6) {
					break
				}
			}
			m := st.at[i]
			if m == nil || m.kind != mkNumber || m.value == nil {
				continue
			}
			if m.used {
				break
			}
			if strict {
				if p := a.low[m.a-1]; p != "at" && p != "to" && p != "reached" && p != "is" && p != "was" {
					break
				}
				if i > k+10 {
					break
				}
			}
			st.record(m, cat, max(m.b, m.np.b), max(m.b, m.np.b), nil, false)
			if a.low[k] == "number" && k+2 < st.last && m.np.head < 0 {
				switch w := a.low[k+2]; w {
				case "homeless", "refugees", "evacuees", "displaced":
					a.cands[m.rec].victims = w // "the number of homeless"
				}
			}
			linked++
			e := max(m.b, m.np.b)
			if e < st.last && a.low[e] == "to" && st.at[e+1] != nil && !st.at[e+1].used && st.at[e+1].kind == mkNumber {
				i = e
				continue
			}
			break
		}
	}
}
