package actors

import (
	"sort"
	"strings"

	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/pkg/fold"
	"github.com/newsdesk/extractor/pkg/lexicon"
)

// actorRec is an actor being built from its mentions.
type actorRec struct {
	kind     string
	iso2     string // states
	mentions []*mention
	words    []string // person: name words without particles
	score    float64
}

func (a *analysis) sortMentions() {
	sort.SliceStable(a.mentions, func(i, j int) bool { return a.mentions[i].start < a.mentions[j].start })
}

// decide settles the unknown names: person, organization or nothing.
func (a *analysis) decide(m *mention) {
	if m.kind != kUnknown {
		return
	}
	n := m.last - m.core
	if n == 1 && a.docSurname(m) {
		m.kind = kPerson // "Chakrabarti" after "Abhijit Chakrabarti"
		return
	}
	switch {
	case m.placeScore >= 2 && !m.pStrong:
		m.kind = kPlace // "Los Angeles", "Abu Ghraib"
	case m.placeScore >= 3 && m.pScore < 4:
		m.kind = kPlace
	case m.acronym:
		// "NATO says", "(NTSB)": an unknown acronym needs support
		if m.oScore >= 2.5 || m.speech || a.bracketed(m) || a.initialsOfOrg(m) || a.acronymContext(m) {
			m.kind, m.orgKind = kOrg, "other"
		}
	case m.pScore >= 2 && m.pScore >= m.oScore:
		m.kind = kPerson
	case m.oScore >= 2 && m.oScore > m.pScore:
		m.kind = kOrg
		if m.orgKind == "" {
			m.orgKind = "other"
		}
	case n >= 2 && m.pScore >= 1 && m.oScore == 0:
		m.kind = kPerson
	}
}

// docSurname reports whether a one-word name is the last word of a
// person's full name elsewhere in the article.
func (a *analysis) docSurname(m *mention) bool {
	w := a.toks[m.core].fold
	for _, o := range a.mentions {
		if o == m || o.last-o.core < 2 || a.toks[o.last-1].fold != w {
			continue
		}
		if o.kind == kPerson || o.kind == kUnknown && (o.pStrong || o.pScore >= 2 && o.pScore > o.oScore && o.placeScore < 2) {
			return true
		}
	}
	return false
}

// bracketed reports whether m stands in brackets right after a name or
// phrase it abbreviates: "Iraqi security forces (ISF)".
func (a *analysis) bracketed(m *mention) bool {
	return m.first >= 2 && m.last < len(a.toks) && a.toks[m.first-1].Text == "(" && a.toks[m.last].Text == ")"
}

// acronymContext reports whether the words around an unknown acronym make
// it a name: "the BEA", "TEPCO reported", "told NTV", "according to ONEMI",
// "RCMP officer", "ONEMI's", or a second use in the article.
func (a *analysis) acronymContext(m *mention) bool {
	if m.first > 0 {
		switch a.toks[m.first-1].low {
		case "the", "told", "to", "by", "from", "with", "and":
			return true
		}
	}
	if m.last < len(a.toks) {
		n := a.toks[m.last]
		if isPossessive(n) || isVerbTag(n.Tag) && !n.cap || a.roleWord(n) && !n.cap {
			return true
		}
	}
	count := 0
	for _, o := range a.mentions {
		if o.text == m.text {
			count++
		}
	}
	return count >= 2
}

// initialsOfOrg reports whether an acronym spells the initials of an
// organization named in the article.
func (a *analysis) initialsOfOrg(m *mention) bool {
	acr := strings.ReplaceAll(m.text, ".", "")
	for _, o := range a.mentions {
		if o.kind != kOrg || o == m {
			continue
		}
		all, content := initials(o.text)
		if acr == all || acr == content {
			return true
		}
	}
	return false
}

// resolve groups mentions into actors.
func (a *analysis) resolve() {
	a.sortMentions()
	a.indexMentions()
	for _, m := range a.mentions {
		a.decide(m)
	}
	a.groupPersons()
	a.groupOrgs()
	a.groupStates()
}

// nameWords are the words of a person's name without particles, used to
// match shorter forms: "Nouri al-Maliki" -> nouri maliki. The result is
// shared between calls: read only.
func (a *analysis) nameWords(s string) []string {
	if w, ok := a.nameWordsOf[s]; ok {
		return w
	}
	var out []string
	for _, w := range strings.Fields(fold.Key(s)) {
		if a.lex.Is(lexicon.Particle, w) || a.lex.Is(lexicon.Suffix, w) || w == "sheikh" || w == "sheik" || w == "shaikh" {
			continue
		}
		out = append(out, w)
	}
	a.nameWordsOf[s] = out
	return out
}

// subseq reports whether short is a subsequence of long.
func subseq(short, long []string) bool {
	if len(short) == 0 {
		return false
	}
	i := 0
	for _, w := range long {
		if i < len(short) && short[i] == w {
			i++
		}
	}
	return i == len(short)
}

// groupPersons makes person actors: the longest forms first, then shorter
// forms (a surname, a first name, a form without a particle) join the
// actor whose name contains them, the nearest one before them when
// several do. An unknown name that matches a person's name joins too.
func (a *analysis) groupPersons() {
	var ps []*mention
	for _, m := range a.mentions {
		if m.kind == kPerson || m.kind == kUnknown || m.kind == kPlace && m.last-m.core == 1 {
			ps = append(ps, m)
		}
	}
	order := make([]*mention, len(ps))
	copy(order, ps)
	sort.SliceStable(order, func(i, j int) bool {
		wi, wj := len(a.nameWords(order[i].text)), len(a.nameWords(order[j].text))
		if wi != wj {
			return wi > wj
		}
		return order[i].start < order[j].start
	})
	var persons []*actorRec
	for _, m := range order {
		w := a.nameWords(m.text)
		if len(w) == 0 {
			continue
		}
		var best *actorRec
		bestDist := -1
		for _, p := range persons {
			if !(subseq(w, p.words) || len(w) == 1 && len(p.words) > 0 && w[0] == p.words[0]) {
				continue
			}
			d := distance(p, m)
			if best == nil || d < bestDist {
				best, bestDist = p, d
			}
		}
		switch {
		case best != nil && (m.kind == kPerson || m.kind == kUnknown || m.kind == kPlace && m.pScore > 0):
			best.mentions = append(best.mentions, m)
			m.kind = kPerson
		case m.kind == kPerson:
			p := &actorRec{kind: events.KindPerson, words: w}
			p.mentions = append(p.mentions, m)
			persons = append(persons, p)
		}
	}
	for _, p := range persons {
		a.actors = append(a.actors, p)
	}
}

// distance is how far before mention m the nearest mention of p is
// (a large number when p is only mentioned after m).
func distance(p *actorRec, m *mention) int {
	best := 1 << 30
	for _, o := range p.mentions {
		if o.start <= m.start {
			if d := m.start - o.start; d < best {
				best = d
			}
		} else if d := (1 << 20) + o.start - m.start; d < best {
			best = d
		}
	}
	return best
}

// orgKey is a key shared by the forms of one organization name: the name
// without a leading demonym or country and without a trailing "of
// <country>" ("Indian Supreme Court", "Supreme Court of India").
func (a *analysis) orgKey(m *mention) string {
	first, last := m.core, m.last
	if last-first > 1 && a.isDemonymOrCountry(a.toks[first].Text) {
		first++
	}
	for k := first + 1; k < last-1; k++ {
		if a.toks[k].low == "of" {
			rest := a.text[a.toks[k+1].Start:a.toks[last-1].End]
			if _, ok := a.countryByName(strings.TrimPrefix(rest, "the ")); ok {
				last = k
				break
			}
		}
	}
	if first >= last {
		return fold.Key(m.text)
	}
	// a possessive inside the name is dropped: "New People's Party" and
	// "New People Party" are one
	var words []string
	for k := first; k < last; k++ {
		t := a.toks[k]
		if isPossessive(t) {
			continue
		}
		words = append(words, t.fold)
	}
	return strings.Join(words, " ")
}

// groupKey is orgKey with a leading known acronym spelled out: "UN
// General Assembly" and "United Nations General Assembly" are one.
func (a *analysis) groupKey(m *mention) string {
	key := a.orgKey(m)
	t := a.toks[m.core]
	if m.last-m.core > 1 && isAllCaps(t.Text) && strings.HasPrefix(key, t.fold+" ") {
		if o, ok := a.lex.Org(t.Text); ok && a.expands(o.Name, t.Text) {
			return fold.Key(o.Name) + key[len(t.fold):]
		}
	}
	return key
}

// initials returns the capital initials of a name's words, skipping
// connectors: "Nuclear and Industrial Safety Agency" -> NISA.
func initials(s string) (string, string) {
	var all, content strings.Builder
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' }) {
		if w == "" {
			continue
		}
		r := []rune(w)[0]
		up := strings.ToUpper(string(r))
		all.WriteString(up)
		switch strings.ToLower(w) {
		case "of", "and", "for", "the", "in", "on", "&", "de":
			continue
		}
		content.WriteString(up)
	}
	return all.String(), content.String()
}

// groupOrgs makes organization actors: forms of the same name, the same
// known organization, and acronyms of a longer name join one actor; a bare
// head word ("the Ministry") joins the one organization with that head.
func (a *analysis) groupOrgs() {
	var orgs []*actorRec
	byKey := map[string]*actorRec{}
	byLex := map[string]*actorRec{}
	var acronyms []*mention
	for _, m := range a.mentions {
		if m.kind != kOrg {
			continue
		}
		if m.last-m.core == 1 && a.genericOrg(m) {
			continue
		}
		if isAllCaps(m.text) && m.org == nil {
			acronyms = append(acronyms, m)
			continue
		}
		key := a.groupKey(m)
		var r *actorRec
		if m.org != nil {
			r = byLex[m.org.Name]
		}
		if r == nil {
			if o := byKey[key]; o != nil && a.affCompatible(o, m) {
				r = o
			}
		}
		if r == nil {
			r = &actorRec{kind: events.KindOrganization}
			orgs = append(orgs, r)
		}
		r.mentions = append(r.mentions, m)
		byKey[key] = r
		if m.org != nil {
			byLex[m.org.Name] = r
		}
	}
	// acronyms: defined in brackets after a name, or the initials of one
	for _, m := range acronyms {
		acr := strings.ReplaceAll(m.text, ".", "")
		var r *actorRec
		if m.last+2 < len(a.toks) && a.toks[m.last].Text == "(" {
			// "CEI (Italian Episcopal Conference)"
			if o := a.mentionAt(m.last + 1); o != nil && o.kind == kOrg && o.first == m.last+1 && o.last < len(a.toks) && a.toks[o.last].Text == ")" {
				for _, cand := range orgs {
					for _, om := range cand.mentions {
						if om == o {
							r = cand
						}
					}
				}
			}
		}
		if m.first >= 2 && a.toks[m.first-1].Text == "(" {
			if o := a.mentionAt(m.first - 2); o != nil && o.kind == kOrg && o.actor >= 0 {
				r = a.actors[o.actor]
			}
			for _, cand := range orgs {
				for _, om := range cand.mentions {
					if om.last == m.first-1 {
						r = cand
					}
				}
			}
		}
		if r == nil {
			for _, cand := range orgs {
				for _, om := range cand.mentions {
					all, content := initials(om.text)
					if acr == content || acr == all {
						r = cand
					}
				}
			}
		}
		if r == nil {
			r = byKey[fold.Key(acr)]
		}
		if r == nil {
			r = &actorRec{kind: events.KindOrganization}
			orgs = append(orgs, r)
			byKey[fold.Key(acr)] = r
		}
		r.mentions = append(r.mentions, m)
	}
	// bare heads and shorter forms: "the Foreign Ministry" of "Foreign
	// Ministry of the Islamic Emirate of Afghanistan", "Navy" of "Royal Navy"
	for _, m := range a.mentions {
		if m.kind != kOrg || !(m.last-m.core == 1 && a.genericOrg(m)) {
			continue
		}
		var match *actorRec
		n := 0
		for _, r := range orgs {
			for _, om := range r.mentions {
				if om != m && containsWord(fold.Key(om.text), fold.Key(m.text)) {
					match = r
					n++
					break
				}
			}
		}
		if n == 1 {
			match.mentions = append(match.mentions, m)
		}
	}
	merged := a.mergeContainedOrgs(a.mergePrefixOrgs(orgs))
	for _, r := range merged {
		a.actors = append(a.actors, r)
	}
}

// affCompatible reports whether mention m may join organization r: they
// do not name different countries ("Indian Navy", "Indonesian Navy").
func (a *analysis) affCompatible(r *actorRec, m *mention) bool {
	if len(m.aff) != 2 || m.affRank < 3 {
		return true
	}
	for _, o := range r.mentions {
		if len(o.aff) == 2 && o.affRank >= 3 && o.aff != m.aff {
			return false
		}
	}
	return true
}

// mergePrefixOrgs joins an organization whose name is the head of another
// one's "X of Y" name: "Foreign Ministry" into "Foreign Ministry of the
// Islamic Emirate of Afghanistan".
func (a *analysis) mergePrefixOrgs(orgs []*actorRec) []*actorRec {
	var out []*actorRec
	for i, r := range orgs {
		short := fold.Key(r.mentions[0].text)
		var into *actorRec
		for j, o := range orgs {
			if i == j || len(o.mentions) == 0 {
				continue
			}
			long := fold.Key(o.mentions[0].text)
			key := a.orgKey(o.mentions[0])
			// "Foreign Ministry" of "Foreign Ministry of the Islamic Emirate
			// of Afghanistan", "Supreme Court" of "Italian Supreme Court of
			// Cassation"
			if strings.HasPrefix(long, short+" of ") || key != long && key != short && strings.HasPrefix(key, short+" ") && len(strings.Fields(short)) >= 2 && a.affCompatible(o, r.mentions[0]) {
				if into != nil {
					into = nil
					break
				}
				into = o
			}
		}
		if into != nil {
			into.mentions = append(into.mentions, r.mentions...)
			r.mentions = nil
			continue
		}
		out = append(out, r)
	}
	var keep []*actorRec
	for _, r := range out {
		if len(r.mentions) > 0 {
			keep = append(keep, r)
		}
	}
	return keep
}

// mergeContainedOrgs joins an organization whose name is another one's
// name without the country, place or parent body before it (and without a
// final head word): "General Assembly" into "United Nations General
// Assembly", "Red Cross" into "Kenya Red Cross Society". The longer
// organization must be the only one that fits.
func (a *analysis) mergeContainedOrgs(orgs []*actorRec) []*actorRec {
	for _, r := range orgs {
		if len(r.mentions) == 0 {
			continue
		}
		short := ""
		for _, m := range r.mentions {
			if k := fold.Key(m.text); strings.Count(k, " ") > strings.Count(short, " ") {
				short = k
			}
		}
		if !strings.Contains(short, " ") {
			continue
		}
		var into *actorRec
		n := 0
		for _, o := range orgs {
			if o == r || len(o.mentions) == 0 {
				continue
			}
			for _, m := range o.mentions {
				if a.containsOrgName(m, short) {
					if into != o {
						n++
					}
					into = o
					break
				}
			}
		}
		if n == 1 && a.affCompatible(into, r.mentions[0]) {
			into.mentions = append(into.mentions, r.mentions...)
			r.mentions = nil
		}
	}
	var keep []*actorRec
	for _, r := range orgs {
		if len(r.mentions) > 0 {
			keep = append(keep, r)
		}
	}
	return keep
}

// containsOrgName reports whether mention m reads <lead> short [<head>],
// where lead names a country, place or known organization and head is one
// organization word.
func (a *analysis) containsOrgName(m *mention, short string) bool {
	for p := m.core + 1; p < m.last; p++ {
		rest := fold.Key(a.text[a.toks[p].Start:m.end])
		if rest != short {
			tail := strings.TrimPrefix(rest, short+" ")
			if tail == rest || strings.Contains(tail, " ") || !a.lex.Is(lexicon.OrgHead, tail) && !a.lex.Is(lexicon.OrgTail, tail) {
				continue
			}
		}
		lead := a.text[a.toks[m.core].Start:a.toks[p-1].End]
		if _, ok := a.lex.Org(lead); ok {
			return true
		}
		if _, ok := a.capitalOf(lead); ok {
			return true
		}
		_, place := a.locationAt(a.toks[m.core].Start, a.toks[p-1].End)
		return a.isDemonymOrCountry(lead) || place
	}
	return false
}

func containsWord(s, w string) bool {
	for _, f := range strings.Fields(s) {
		if f == w {
			return true
		}
	}
	return false
}

// genericOrg reports whether a one-word organization mention is only a
// head word ("Ministry", "Army", "Navy", "Police").
func (a *analysis) genericOrg(m *mention) bool {
	if m.org != nil {
		return false
	}
	t := a.toks[m.core]
	if m.core > 0 && a.toks[m.core-1].Text == "The" {
		// "The Times", "The Standard"
		if v, ok := a.lex.Word(lexicon.OrgTail, t.fold); ok && v == "media" {
			return false
		}
	}
	return a.lex.Is(lexicon.OrgHead, t.fold) || a.lex.Is(lexicon.OrgTail, t.fold) || a.lex.Is(lexicon.GovNoun, t.low)
}

// groupStates makes state actors of countries that act: by their name or
// capital as subject, through a governing phrase, or through a government
// body of theirs.
func (a *analysis) groupStates() {
	byCC := map[string]*actorRec{}
	var order []string
	add := func(cc string, m *mention) {
		r := byCC[cc]
		if r == nil {
			r = &actorRec{kind: events.KindState, iso2: cc}
			byCC[cc] = r
			order = append(order, cc)
		}
		if m != nil {
			r.mentions = append(r.mentions, m)
		}
	}
	for _, m := range a.mentions {
		switch {
		case (m.kind == kCountry || m.kind == kCapital || m.kind == kGovPhrase) && m.acting:
			add(m.iso2, m)
		case m.kind == kOrg && m.acting && a.stateOrgan(m):
			// the body's mention is where the state acts; a copy, so the
			// body keeps its own mention and the state gets no alias.
			cp := *m
			add(m.aff, &cp)
		}
	}
	for _, g := range a.leaderGovs {
		if cc := a.leaderCountry(g.inner); cc != "" {
			g.iso2 = cc
			add(cc, g)
		}
	}
	// every mention of an acting country's name is a mention of the state,
	// also inside a name ("Foreign Ministry of the Islamic Emirate of
	// Afghanistan")
	for _, m := range a.mentions {
		if m.kind == kCountry && !m.acting {
			if r := byCC[m.iso2]; r != nil {
				r.mentions = append(r.mentions, m)
			}
		}
		if m.kind == kOrg && m.inner != nil {
			if r := byCC[m.inner.iso2]; r != nil {
				r.mentions = append(r.mentions, m.inner)
			}
		}
	}
	for _, cc := range order {
		a.actors = append(a.actors, byCC[cc])
	}
}

// leaderCountry returns the country of the person named by mention m, a
// leader whose government acts: the country of its person actor's
// mentions, of the lexicon, or of the sentence or article.
func (a *analysis) leaderCountry(m *mention) string {
	var rec *actorRec
	for _, r := range a.actors {
		if r.kind != events.KindPerson {
			continue
		}
		for _, o := range r.mentions {
			if o == m {
				rec = r
			}
		}
	}
	if rec == nil {
		return ""
	}
	best, score := "", 0
	for _, o := range rec.mentions {
		if s := affScore(o.aff, o.affRank); len(o.aff) == 2 && s > score {
			best, score = o.aff, s
		}
	}
	if best != "" {
		return best
	}
	for _, o := range rec.mentions {
		if aff, ok := a.lex.Person(o.text); ok && len(aff) == 2 {
			return aff
		}
	}
	if cc := a.sentenceCountry(rec.mentions[0]); cc != "" {
		return cc
	}
	return a.mainCC
}

// stateOrgan reports whether an organization is a government body or the
// military of a known country ("Indonesian Civil Aviation Authority",
// "Indian Navy", "White House"); not a non-state armed group.
func (a *analysis) stateOrgan(m *mention) bool {
	if len(m.aff) != 2 {
		return false
	}
	switch {
	case m.orgKind == "gov":
		if !a.stateBodyName(m) {
			return false // "U.S. Geological Survey" is no voice of the state
		}
		return m.affRank >= 3 || m.org != nil && m.affRank >= 2
	case m.orgKind == "armed" && m.org == nil && m.affRank >= 3:
		return a.govHead(tok{low: strings.ToLower(a.toks[m.last-1].Text)})
	}
	return false
}

// stateBodies are head words of bodies that speak or act for a state.
var stateBodies = map[string]bool{
	"ministry": true, "government": true, "cabinet": true, "office": true, "department": true, "presidency": true,
	"authority": true, "authorities": true, "agency": true, "commission": true, "council": true, "parliament": true,
	"assembly": true, "senate": true, "congress": true, "court": true, "police": true, "army": true, "navy": true,
	"military": true, "forces": true, "force": true, "guard": true, "corps": true, "embassy": true, "consulate": true,
	"directorate": true, "administration": true, "house": true, "kremlin": true, "pentagon": true,
}

// stateBodyName reports whether an organization's name has a head word of
// a state body.
func (a *analysis) stateBodyName(m *mention) bool {
	for k := m.core; k < m.last; k++ {
		if stateBodies[a.toks[k].low] {
			return true
		}
	}
	return a.ministryName(m.text)
}

// output builds the actor records.
func (a *analysis) output() []events.Actor {
	out := make([]events.Actor, 0, len(a.actors))
	for i, r := range a.actors {
		for _, m := range r.mentions {
			m.actor = i
		}
	}
	// names first: organization affiliations refer to them
	names := make([]string, len(a.actors))
	for i, r := range a.actors {
		names[i] = a.actorName(r)
	}
	affs := make([]string, len(a.actors))
	for pass := 0; pass < 2; pass++ {
		// organizations and states first: persons may refer to them
		for i, r := range a.actors {
			if (r.kind == events.KindPerson) == (pass == 0) {
				continue
			}
			affs[i] = a.affiliation(r, names, affs)
		}
	}
	for i, r := range a.actors {
		act := events.Actor{Name: names[i], Kind: r.kind, Aliases: []string{}, Roles: []string{}, Spans: []events.Span{}}
		seen := map[string]bool{fold.Key(act.Name): true}
		sort.SliceStable(r.mentions, func(x, y int) bool { return r.mentions[x].start < r.mentions[y].start })
		spanSeen := map[events.Span]bool{}
		for _, m := range r.mentions {
			sp := events.Span{Start: m.start, End: m.end}
			if !spanSeen[sp] {
				spanSeen[sp] = true
				act.Spans = append(act.Spans, sp)
			}
			for _, alias := range []string{m.text, m.titled} {
				if alias == "" || r.kind == events.KindState && (m.kind == kGovPhrase || m.kind == kOrg) {
					continue
				}
				if k := fold.Key(alias); !seen[k] {
					seen[k] = true
					act.Aliases = append(act.Aliases, alias)
				}
			}
			for _, role := range m.roles {
				act.Roles = appendUnique(act.Roles, role)
			}
		}
		act.Roles = pruneRoles(act.Roles)
		act.Affiliation = affs[i]
		act.Confidence = a.confidence(r)
		if act.Confidence < a.opts.MinConfidence {
			continue
		}
		out = append(out, act)
	}
	return out
}

// actorName picks an actor's name: the country's short name for a state,
// the longest form for a person, the longest non-acronym form for an
// organization.
func (a *analysis) actorName(r *actorRec) string {
	if r.kind == events.KindState {
		return a.countryName(r.iso2)
	}
	best, bestW := "", -1
	for _, m := range r.mentions {
		w := len(a.nameWords(m.text))
		if r.kind == events.KindOrganization && isAllCaps(m.text) {
			w = 0
		}
		if w > bestW || w == bestW && len(m.text) > len(best) {
			best, bestW = m.text, w
		}
	}
	if r.kind == events.KindOrganization && bestW == 0 {
		// only an acronym in the article: the known full name ("NATO" ->
		// "North Atlantic Treaty Organization"), the acronym an alias
		for _, m := range r.mentions {
			if m.org != nil && a.expands(m.org.Name, m.text) {
				return m.org.Name
			}
		}
	}
	return best
}

// affiliation picks the strongest affiliation of an actor's mentions. An
// organization cue beats a nationality cue of the same strength ("the South
// Korean UN chief"); an organization is named by its actor's name in the
// article (resolveOrg).
func (a *analysis) affiliation(r *actorRec, names, affs []string) string {
	if r.kind == events.KindState {
		return r.iso2
	}
	best, score := "", 0
	for _, m := range r.mentions {
		if s := affScore(m.aff, m.affRank); s > score {
			best, score = m.aff, s
		}
	}
	if best == "" && r.kind == events.KindPerson {
		for _, m := range r.mentions {
			if aff, ok := a.lex.Person(m.text); ok && aff != "" {
				best = aff
				break
			}
		}
		if best == "" {
			// the country all known persons of this last name share, when
			// the article names that country at all ("Kabila" in an
			// article about Congo, not "Paris" in one about Australia)
			name := names[a.indexOf(r)]
			if w := strings.Fields(name); len(w) > 0 {
				if aff, ok := a.lex.SurnameAffiliation(w[len(w)-1]); ok && len(aff) == 2 && a.ccCount[aff] > 0 {
					best = aff
				}
			}
		}
	}
	if org := affOrgName(best); org != "" {
		if i, ok := a.resolveOrg(org, r); ok {
			if len(affs[i]) == 2 && a.isMinistry(a.actors[i]) {
				return affs[i]
			}
			return names[i]
		}
		if o, ok := a.lex.Org(org); ok && (!isAllCaps(org) || a.expands(o.Name, org)) {
			return o.Name
		}
		return org
	}
	if best == "" && !a.opts.NoInferredAffiliation && r.kind == events.KindPerson {
		// a country named in the sentence of the person's first mention
		if cc := a.sentenceCountry(r.mentions[0]); cc != "" {
			return cc
		}
	}
	if best == "" && !a.opts.NoInferredAffiliation {
		if r.kind == events.KindOrganization {
			for _, m := range r.mentions {
				if m.org != nil && (m.org.Kind == "igo" || m.org.Kind == "ngo" || m.org.Kind == "media") {
					return ""
				}
			}
		}
		best = a.mainCC
	}
	return best
}

// resolveOrg finds the organization actor that an affiliation names: one
// with a mention of that name; the same known organization under another
// of its names ("UN" for "United Nations"); the organization an acronym
// abbreviates ("MDC"); or the one organization whose name ends with or
// holds the name ("Red Cross" for "Kenya Red Cross Society", "General
// Assembly" for "United Nations General Assembly"). self is never returned.
func (a *analysis) resolveOrg(name string, self *actorRec) (int, bool) {
	k := fold.Key(name)
	if k == "" {
		return 0, false
	}
	lo, known := a.lex.Org(name)
	acr := ""
	if isAllCaps(name) {
		acr = strings.ReplaceAll(name, ".", "")
	}
	const (
		exact = iota + 1
		lexName
		initials
		suffix
		inner
	)
	best, bestHow, n := -1, 0, 0
	for i, o := range a.actors {
		if o.kind != events.KindOrganization || o == self {
			continue
		}
		how := 0
		for _, m := range o.mentions {
			mk := fold.Key(m.text)
			h := 0
			switch {
			case mk == k:
				h = exact
			case known && (m.org != nil && m.org.Name == lo.Name || a.lexNamed(lo, mk)):
				h = lexName
			case acr != "" && !isAllCaps(m.text) && a.orgInitials(m.text, acr):
				h = initials
			case strings.HasSuffix(mk, " "+k):
				h = suffix
			case strings.Contains(" "+mk+" ", " "+k+" ") && strings.Contains(k, " "):
				h = inner
			}
			if h != 0 && (how == 0 || h < how) {
				how = h
			}
		}
		switch {
		case how == 0:
		case bestHow == 0 || how < bestHow:
			best, bestHow, n = i, how, 1
		case how == bestHow:
			n++
		}
	}
	if best < 0 || n > 1 && bestHow >= initials {
		return 0, false
	}
	return best, true
}

// lexNamed reports whether folded name k is one of a known organization's
// names.
func (a *analysis) lexNamed(o lexicon.Org, k string) bool {
	if fold.Key(o.Name) == k {
		return true
	}
	for _, al := range o.Aliases {
		if fold.Key(al) == k {
			return true
		}
	}
	return false
}

// expands reports whether a known full name spells out acronym acr
// ("United Nations" for "U.N."), so it may name the acronym's actor.
func (a *analysis) expands(full, acr string) bool {
	if isAllCaps(full) || !isAllCaps(acr) {
		return false
	}
	return a.orgInitials(full, strings.ReplaceAll(acr, ".", ""))
}

// orgInitials reports whether acronym acr spells the initials of name
// ("Movement for Democratic Change" -> MDC), also with a leading article or
// a final tail word left out.
func (a *analysis) orgInitials(name, acr string) bool {
	all, content := initials(name)
	return acr == all || acr == content
}

// sentenceCountry returns the country named (by name, capital or
// demonym) nearest to mention m in its sentence, or "".
func (a *analysis) sentenceCountry(m *mention) string {
	s, e := a.sentStart(m.first), a.sentEnd(m.first)
	best, dist := "", 1<<30
	for _, o := range a.mentions {
		if o.first < s || o.first >= e || o == m {
			continue
		}
		switch o.kind {
		case kCountry, kDemonym, kCapital, kGovPhrase:
			d := m.first - o.last
			if d < 0 {
				d = o.first - m.last + 2 // prefer a country before the name
			}
			if d < dist {
				best, dist = o.iso2, d
			}
		}
	}
	return best
}

func (a *analysis) indexOf(r *actorRec) int {
	for i, o := range a.actors {
		if o == r {
			return i
		}
	}
	return 0
}

// isMinistry reports whether an organization is a ministry or foreign
// office: its staff speak for the country.
func (a *analysis) isMinistry(r *actorRec) bool {
	for _, m := range r.mentions {
		f := fold.Key(m.text)
		// "U.S. State Department": the name without its country too
		for _, k := range []string{f, a.orgKey(m)} {
			if containsWord(k, "ministry") || a.lex.Is(lexicon.GovBody, k) && (containsWord(k, "foreign") || containsWord(k, "state")) {
				return true
			}
		}
	}
	return false
}

func (a *analysis) confidence(r *actorRec) float64 {
	switch r.kind {
	case events.KindState:
		return 0.8
	case events.KindOrganization:
		for _, m := range r.mentions {
			if m.org != nil {
				return 0.9
			}
		}
		return 0.7
	}
	s := 0.0
	for _, m := range r.mentions {
		if m.pScore > s {
			s = m.pScore
		}
	}
	c := 0.5 + 0.08*s
	if c > 0.95 {
		c = 0.95
	}
	return c
}

// pruneRoles drops a role that is part of a longer one ("minister" when
// "foreign minister" is there).
func pruneRoles(roles []string) []string {
	out := roles[:0:0]
	for i, r := range roles {
		dup := false
		for j, o := range roles {
			if i != j && len(o) > len(r) && containsPhrase(o, r) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, r)
		}
	}
	if out == nil {
		return []string{}
	}
	return out
}

func containsPhrase(long, short string) bool {
	return strings.Contains(" "+long+" ", " "+short+" ")
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
