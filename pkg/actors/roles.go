package actors

import (
	"strings"

	"github.com/newsdesk/extractor/pkg/fold"
	"github.com/newsdesk/extractor/pkg/lexicon"
)

// roleParse is a role description read from the text.
type roleParse struct {
	roles   []string
	aff     string
	affRank int
	end     int  // token after the description
	det     bool // opened by an article, "one" or a possessor
	plural  bool // a plural role noun ("Crown lawyers")
	headIdx int  // index of the last role noun
	// possPerson is the person whose "counterpart" or "equivalent" this
	// is ("Jangeli's Sudanese counterpart", "her Indonesian equivalent")
	possPerson *mention
}

// roleStop ends a role description.
var roleStop = map[string]bool{
	"who": true, "which": true, "that": true, "said": true, "says": true, "told": true,
	"in": true, "on": true, "at": true, "with": true, "from": true, "by": true, "after": true, "before": true,
	"since": true, "during": true, "when": true, "where": true, "as": true, "than": true, "into": true,
	"including": true, "like": true, "such": true,
}

// relationalNouns name a person by the office of another: "his British
// counterpart" holds the same office as the person "his" refers to.
var relationalNouns = map[string]bool{
	"counterpart": true, "counterparts": true, "equivalent": true, "colleague": true, "colleagues": true,
	"predecessor": true, "successor": true,
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// postTitles follow a title noun and belong to it: "minister designate",
// "president-elect", "secretary general".
var postTitles = map[string]bool{"designate": true, "elect": true, "emeritus": true, "general": true, "emerita": true}

// relationalTo are role nouns whose "to" object stays in the role:
// "ambassador to India", "special representative to Afghanistan".
var relationalTo = map[string]bool{"ambassador": true, "envoy": true, "representative": true, "emissary": true, "delegate": true, "consul": true, "commissioner": true}

// predicateVerbs link a name to a role: "X is the president", "X had been
// the driver".
var predicateVerbs = map[string]bool{"is": true, "was": true, "became": true, "becomes": true, "remains": true, "remained": true, "served": true}

// personContext reads roles and affiliation around a possible person name.
func (a *analysis) personContext(m *mention) {
	if m.kind == kUnknown {
		a.cueCountry(m) // "the Israeli daily Haaretz"
	}
	end := a.sentEnd(m.first)
	j := m.last
	if j < end && a.speechAfter(j) {
		m.speech = true
		m.pScore += 0.5
	}
	if m.titleRole != "" {
		m.roles = append(m.roles, m.titleRole)
		// "UN Secretary-General Ban Ki-moon", "MDC President Morgan
		// Tsvangirai": the name right before the title is whom the office
		// belongs to
		if o := a.mentionAt(m.first - 1); o != nil && o.last == m.first && o.first >= a.sentStart(m.first) && !a.objectOfTitle(o.first) {
			switch {
			case o.kind == kOrg || o.kind == kCountry || o.kind == kUnknown && o.acronym && len(o.text) > 2:
				a.setAff(m, a.affOf(o), 3)
			case o.kind == kDemonym:
				a.setAff(m, o.iso2, 3)
			}
		}
	}
	if k, ok := a.skipAge(j, end); ok {
		m.pScore += 2
		j = k
	}
	switch {
	case j+1 < end && a.toks[j].Text == ",":
		// apposition after: "Tariq Farhadi, a political analyst"; not
		// when a name follows the description ("a Kikuyu, defeat
		// opposition candidate Raila Odinga")
		// nor when the name ends a phrase and a verb follows the
		// description: "According to Rathbun, a detective for the
		// sheriff's office was provided with material"
		if rp, ok := a.parseRoleNP(j+1, end); ok && !(rp.end < end && rp.end == rp.headIdx+1 && a.nameTok(rp.end) && !isPossessive(a.toks[rp.end])) && !(m.first > 0 && prepositions[a.toks[m.first-1].low] && a.clauseAfter(rp.end, end)) {
			a.addRoles(m, rp)
		}
	case j+1 < end && (a.toks[j].Text == "(" || a.toks[j].Text == "["):
		// "Hu Jintao [President of China]"
		if rp, ok := a.parseRoleNP(j+1, end); ok && rp.end < end && (a.toks[rp.end].Text == ")" || a.toks[rp.end].Text == "]") {
			a.addRoles(m, rp)
		}
	case j+1 < end && a.toks[j].low == "the":
		// "said Chandrashekhar Dasgupta the chief Indian negotiator"
		if rp, ok := a.parseRoleNP(j, end); ok && (rp.end >= end || a.punct(rp.end)) {
			a.addRoles(m, rp)
		}
	}
	// predicate: "X is the president of Y", "X, who is a lawyer", "X had
	// been the driver", "keep X as their prime minister"
	k := j
	if k < end && a.toks[k].Text == "," {
		k++
	}
	if k < end && a.toks[k].low == "who" {
		if k > j && (m.first == 0 || !prepositions[a.toks[m.first-1].low]) {
			m.pScore += 2 // "X, who ...": a person; not "members of X, who"
		}
		k++
		a.verbRole(m, k, end)
	}
	if k+1 < end && (a.toks[k].low == "had" || a.toks[k].low == "has") && a.toks[k+1].low == "been" {
		k += 2
	} else if k < end && predicateVerbs[a.toks[k].low] {
		k++
	} else if k < end && a.toks[k].low == "as" && k == j {
		k++
	} else {
		k = -1
	}
	if k > 0 && k < end {
		if rp, ok := a.parseRoleNP(k, end); ok && rp.det {
			a.addRoles(m, rp)
		}
	}
	// "X of Human Rights Watch", "Lee Cheuk-yan of the Labour Party",
	// "Christopher Cobb-Smith, with Amnesty International"
	if j+2 < end && a.toks[j].Text == "," && (a.toks[j+1].low == "with" || a.toks[j+1].low == "of" || a.toks[j+1].low == "from") {
		j++
	}
	if j+1 < end && (a.toks[j].low == "of" || a.toks[j].low == "from" || a.toks[j].low == "at" || a.toks[j].low == "with") {
		k := j + 1
		if k < end && a.toks[k].low == "the" {
			k++
		}
		k = a.skipToOrg(k, end) // "of the West Bengal ruling Trinamool Congress party"
		if o := a.mentionAt(k); o != nil && o.first == k {
			switch {
			case o.kind == kOrg || o.kind == kCountry:
				a.setAff(m, a.affOf(o), 2)
			case o.kind == kUnknown && m.pScore >= 2 && o.placeScore < 2 && o.pScore < 3 && !a.sameName(m, o) &&
				!(o.last < end && a.toks[o.last].Tag == "VBG"):
				// not "..., with Boswell stating"
				o.oScore += 2.5
				a.setAff(m, orgAff(o.text), 2)
			}
		}
	}
	// apposition before: "Iran's foreign minister, Hossein Amir-Abdollahian"
	if m.first >= 2 && a.toks[m.first-1].Text == "," {
		if start := a.npStart(m.first - 2); start >= 0 && !a.objectNP(start, m.last) {
			if rp, ok := a.parseRoleNP(start, m.first-1); ok && rp.end == m.first-1 {
				a.addRoles(m, rp)
			}
		}
	}
	// "identified the suspect as 21-year-old Patrick Crusius"
	if k := m.first - 1; k >= 2 {
		if strings.ContainsAny(a.toks[k].Text, "0123456789") {
			k--
		}
		if k >= 1 && a.toks[k].low == "as" && a.roleWord(a.toks[k-1]) && !a.toks[k-1].cap {
			m.roles = appendUnique(m.roles, a.toks[k-1].low)
			m.pScore += 2
			m.pStrong = true
		}
	}
	a.ledBy(m)
	// role noun right before: "Shia cleric Muqtada al-Sadr"
	if rp, ok := a.preRole(m); ok {
		a.addRoles(m, rp)
		if rp.plural {
			m.pluralRole = rp.roles[0]
		}
	}
	// "Crown lawyers Matthew Sullivan and Howard Piafsky", "councillors
	// Alvin Yeung from the Civic Party, Fernando Cheung of the Labour
	// Party, and Leung Kwok-hung": a plural role shared along a list;
	// "The candidates elected were X, Y and Z"
	if len(m.roles) == 0 {
		if r := a.listRole(m); r != "" {
			m.roles = appendUnique(m.roles, r)
			m.pluralRole = r
			m.pScore += 2
			m.pStrong = true
		}
	}
	// possessor right before: "Human Rights Watch's Corinne Dufka"
	if m.first >= 2 && isPossessive(a.toks[m.first-1]) {
		if o := a.mentionAt(m.first - 2); o != nil {
			switch {
			case o.kind == kOrg || o.kind == kCountry:
				a.setAff(m, a.affOf(o), 3)
			case o.kind == kUnknown && m.pScore >= 2 && o.placeScore < 2 && o.pScore < 3:
				// "DAB's Ben Chan"
				o.oScore += 2.5
				a.setAff(m, orgAff(o.text), 3)
			}
		}
	}
}

// listAfter reports whether another name follows m in a list: "X and
// Y", "X of DAB, Y of BPA".
func (a *analysis) listAfter(m *mention) bool {
	e, end := m.last, a.sentEnd(m.first)
	if e+1 < end && (a.toks[e].low == "of" || a.toks[e].low == "from") {
		k := e + 1
		if a.toks[k].low == "the" {
			k++
		}
		if o := a.mentionAt(k); o != nil && o.first == k {
			e = o.last
		}
	}
	if e+1 >= end || a.toks[e].low != "and" && a.toks[e].Text != "," {
		return false
	}
	if a.mentionAt(e+1) != nil {
		return true
	}
	return e+2 < end && a.toks[e+1].low == "and" && a.mentionAt(e+2) != nil
}

// sameName reports whether o repeats a word of m's name ("Caitlin
// Boswell, with Boswell stating").
func (a *analysis) sameName(m, o *mention) bool {
	for _, w := range a.nameWords(o.text) {
		if containsWord(fold.Key(m.text), w) {
			return true
		}
	}
	return false
}

// clauseAfter reports whether a finite verb follows at token k, so that
// the description before it is a subject, not an apposition.
func (a *analysis) clauseAfter(k, end int) bool {
	if k >= end {
		return false
	}
	switch a.toks[k].Tag {
	case "VBD", "VBZ", "VBP", "MD":
		return !a.toks[k].cap
	}
	return false
}

// skipToOrg skips the modifiers before an organization's name at token k
// ("the feminist protest group FEMEN", "the West Bengal ruling Trinamool
// Congress party"): lower-case modifiers and places. It returns k when no
// organization follows within four tokens.
func (a *analysis) skipToOrg(k, limit int) int {
	q := k
	for n := 0; q < limit && n < 4; n++ {
		if o := a.mentionAt(q); o != nil && o.first == q {
			if o.kind == kOrg || o.kind == kUnknown && o.acronym {
				return q
			}
			if o.kind != kPlace && o.kind != kCountry && o.kind != kDemonym && !(o.kind == kUnknown && o.placeScore >= 2) {
				return k
			}
			q = o.last
			continue
		}
		t := a.toks[q]
		if t.cap || !a.roleModifier(t) && !a.lex.Is(lexicon.OrgCue, t.low) {
			return k
		}
		q++
	}
	return k
}

// objectNP reports whether the description starting at token start is
// the object of a verb before it and the name after its comma the subject
// of the next clause, not an apposition: "after calling his mother,
// Montalvo was ...". A name closed by a comma stays an apposition ("named
// its new chief, X, on Monday").
func (a *analysis) objectNP(start, nameEnd int) bool {
	if start <= a.sentStart(start) {
		return false
	}
	p := a.toks[start-1]
	if !isVerbTag(p.Tag) || p.cap {
		return false
	}
	return nameEnd < a.sentEnd(start) && !a.punct(nameEnd) && a.toks[nameEnd].Text != "("
}

// objectOfTitle reports whether the name at token i is the object of an
// "of/for" phrase ("Chief of National Disaster Management Authority").
func (a *analysis) objectOfTitle(i int) bool {
	k := i - 1
	if k >= 0 && a.toks[k].low == "the" {
		k--
	}
	return k >= 0 && (a.toks[k].low == "of" || a.toks[k].low == "for")
}

// byRoles turn a passive participle before "by" and a name into the role
// of the name: "a faction of the MDC led by Arthur Mutambara" -> leader.
var byRoles = map[string]string{
	"led": "leader", "headed": "head", "founded": "founder", "chaired": "chair", "directed": "director",
	"commanded": "commander", "coached": "coach", "owned": "owner", "run": "head", "edited": "editor",
}

// ledBy reads "<organization> led by <name>": the role from the verb, the
// organization just before it the affiliation.
func (a *analysis) ledBy(m *mention) {
	k := m.first - 2
	if k < a.sentStart(m.first)+1 || a.toks[k+1].low != "by" {
		return
	}
	role, ok := byRoles[a.toks[k].low]
	if !ok {
		return
	}
	p := k - 1
	if a.toks[p].Text == "," && p > 0 {
		p--
	}
	if o := a.mentionAt(p); o != nil && o.last == p+1 && (o.kind == kOrg || o.kind == kUnknown && o.acronym) {
		m.roles = appendUnique(m.roles, role)
		m.pScore += 2
		m.pStrong = true
		a.setAff(m, a.affOf(o), 2)
	}
}

// verbRoles turn the verb of a relative clause into the role it states:
// "X, who coaches the team" -> coach.
var verbRoles = map[string]string{
	"coaches": "coach", "coached": "coach", "leads": "leader", "led": "leader", "heads": "head", "headed": "head",
	"chairs": "chair", "chaired": "chair", "founded": "founder", "co-founded": "co-founder", "owns": "owner",
	"owned": "owner", "manages": "manager", "managed": "manager", "directs": "director", "directed": "director",
	"edits": "editor", "edited": "editor", "commands": "commander", "commanded": "commander", "teaches": "teacher",
	"taught": "teacher", "captains": "captain", "captained": "captain", "presides": "president", "presided": "president",
}

// verbRole reads a role from a relative clause at token k: "who coaches
// the team", "who founded Facebook" (the organization it names is the
// affiliation), "who now heads the party".
func (a *analysis) verbRole(m *mention, k, end int) {
	for k < end && (a.toks[k].Tag == "RB" || a.toks[k].low == "also") {
		k++
	}
	if k >= end {
		return
	}
	role, ok := verbRoles[a.toks[k].low]
	if !ok {
		return
	}
	m.roles = appendUnique(m.roles, role)
	m.pScore += 2
	m.pStrong = true
	k++
	if k < end && (a.toks[k].low == "over" || a.toks[k].low == "the") {
		k++
	}
	if k < end && a.toks[k].low == "the" {
		k++
	}
	if o := a.mentionAt(k); o != nil && o.first == k {
		switch {
		case o.kind == kOrg || o.kind == kUnknown && o.acronym:
			a.setAff(m, a.affOf(o), 2)
		case o.kind == kUnknown && o.placeScore < 2 && o.pScore < 3:
			o.oScore += 2.5
			a.setAff(m, orgAff(o.text), 2)
		}
	}
}

// listRole returns the plural role that a list of names shares, when m is
// a later item of such a list or the list follows "<roles> were".
func (a *analysis) listRole(m *mention) string {
	s := a.sentStart(m.first)
	k := m.first - 1
	// skip a possessor before the name: "DAB's Ben Chan"
	if k >= s+1 && isPossessive(a.toks[k]) {
		if o := a.mentionAt(k - 1); o != nil {
			k = o.first - 1
		}
	}
	for k >= s && k > m.first-40 {
		t := a.toks[k]
		switch {
		case t.Text == "," || t.low == "and":
			k--
			continue
		case t.low == "were" || t.low == "are" || t.low == "include" || t.low == "included":
			// "The pro-Beijing camp candidates elected were ..."
			for q := k - 1; q >= s && q > k-8; q-- {
				w := a.toks[q]
				if sg := singular(w.low); sg != w.low && !w.cap && a.roleWordLow(sg) {
					return sg
				}
			}
			return ""
		}
		o := a.mentionAt(k)
		if o == nil {
			return ""
		}
		if o.pluralRole != "" {
			return o.pluralRole
		}
		// a name with "of/from (the) ORG" after it, or an organization
		k = o.first - 1
		if k >= s && (a.toks[k].low == "the") {
			k--
		}
		if k >= s && (a.toks[k].low == "of" || a.toks[k].low == "from") {
			k--
			continue
		}
		if k >= s+1 && isPossessive(a.toks[k]) {
			if p := a.mentionAt(k - 1); p != nil {
				k = p.first - 1
			}
		}
	}
	return ""
}

// wordCount counts the words of a role as the scorer does (hyphens split).
func wordCount(ws []string) int {
	n := 0
	for _, w := range ws {
		n += len(strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == ' ' || r == '.' }))
	}
	return n
}

// punct reports whether token k is sentence punctuation or a quote.
func (a *analysis) punct(k int) bool {
	switch a.toks[k].Text {
	case ",", ".", ";", ":", "!", "?", "\"", "“", "”", ")", "]":
		return true
	}
	return false
}

// skipAge skips an age after a name: ", 24," ", aged 32," "(32)". It
// returns the index of the comma after the age (or after the bracket).
func (a *analysis) skipAge(j, end int) (int, bool) {
	if j+2 < end && a.toks[j].Text == "," && isNumber(a.toks[j+1].Text) && (a.toks[j+2].Text == "," || a.toks[j+2].Text == ".") {
		return j + 2, true
	}
	if j+3 < end && a.toks[j].Text == "," && (a.toks[j+1].low == "aged" || a.toks[j+1].low == "age") && isNumber(a.toks[j+2].Text) {
		return j + 3, true
	}
	if j+2 < end && a.toks[j].Text == "(" && isNumber(a.toks[j+1].Text) && a.toks[j+2].Text == ")" {
		return j + 3, true
	}
	return j, false
}

// parseRoleNP reads a role description starting at token i and ending
// before limit: an optional article or possessor ("Iran's", "its", "one
// of the"), modifiers, a role noun, and optionally "of/for/to ...", "in/at
// <place or organization>". Demonyms and countries give the affiliation
// and are left out of the role; coordinated roles ("ambassador and
// special representative to Afghanistan") are split.
func (a *analysis) parseRoleNP(i, limit int) (roleParse, bool) {
	var rp roleParse
	if i >= limit || limit > len(a.toks) {
		return rp, false
	}
	pronAff, demAff := false, ""
	j := i
	plural := false
	if j+2 < limit && a.toks[j].low == "one" && a.toks[j+1].low == "of" {
		j += 2 // "one of the protesters"
		plural = true
		rp.det = true
	}
	t := a.toks[j]
	switch {
	case determiners[t.low]:
		rp.det = true
		j++
	case t.low == "one" && j+1 < limit && !a.toks[j+1].cap:
		rp.det = true // "One suspect, Vinod Mistri"
		j++
	case possPronouns[t.low]:
		rp.det = true
		switch t.low {
		case "its", "their":
			if o := a.resolvePronoun(j); o != nil {
				rp.aff, rp.affRank = a.affOf(o), 3
				pronAff = true
			}
			rp.possPerson = a.previousPerson(j) // "their French colleague"
		case "his", "her":
			rp.possPerson = a.previousPerson(j)
		}
		j++
	default:
		if o := a.mentionAt(j); o != nil && o.first == j && o.last < limit && isPossessive(a.toks[o.last]) {
			switch o.kind {
			case kCountry, kOrg, kCapital, kDemonym:
				rp.aff, rp.affRank = a.affOf(o), 3
			case kUnknown, kPerson:
				if o.kind == kUnknown && o.acronym {
					o.oScore += 2.5 // "CHP's leader"
					rp.aff, rp.affRank = orgAff(o.text), 3
					break
				}
				rp.possPerson = o // "Aisyah's lawyer", "Jangeli's counterpart"
			}
			rp.det = true
			j = o.last + 1
		}
	}
	var cur []string
	headSeen := false
	finish := func() {
		if plural && len(cur) > 0 {
			// the head is the word before an of-phrase: "officials of a
			// volunteer ambulance service"
			h := len(cur) - 1
			for i, w := range cur {
				if i > 0 && (w == "of" || w == "for" || w == "to") {
					h = i - 1
					break
				}
			}
			cur[h] = singular(cur[h])
			headSeen = a.roleWord(tok{low: cur[h]})
		}
		if headSeen && len(cur) > 0 {
			rp.roles = append(rp.roles, strings.Join(cur, " "))
		}
		cur, headSeen = nil, false
	}
	done := func() (roleParse, bool) {
		finish()
		rp.end = j
		if n := len(rp.roles); n > 0 && pronAff && relationalNouns[lastWord(rp.roles[n-1])] {
			// "their French colleague": a colleague of the persons named
			// before, of the country the demonym names
			rp.aff, rp.affRank = demAff, 2
		}
		return rp, len(rp.roles) > 0
	}
	for j < limit {
		t := a.toks[j]
		switch {
		case t.low == "and" && headSeen:
			if !a.roleAhead(j+1, limit) {
				return done()
			}
			finish()
			j++
			if j < limit && determiners[a.toks[j].low] {
				j++
			}
		case (t.low == "of" || t.low == "for" || t.low == "to") && headSeen:
			next, words, aff, ok := a.rolePP(j, limit, cur[len(cur)-1])
			if !ok {
				return done()
			}
			if aff != "" && rp.affRank < 2 {
				rp.aff, rp.affRank = aff, 2
			}
			cur = append(cur, words...)
			if len(words) == 0 && !(next < limit && (a.toks[next].low == "of" || a.toks[next].low == "for")) {
				// "leader of a faction of the MDC": the next "of" may
				// name the organization
				next = a.skipPhrase(next, limit)
			}
			j = next
		case (t.low == "in" || t.low == "from" || t.low == "at" || t.low == "with" || t.low == "on") && headSeen:
			// "an entrepreneur in Fukushima", "a security analyst at the
			// Center for Strategic and International Studies"
			k := j + 1
			if k < limit && a.toks[k].low == "the" {
				k++
			}
			if t.low == "at" && k == j+1 && k < limit && a.toks[k].low == "large" {
				cur = append(cur, "at", "large") // "editor at large"
				j = k + 1
				continue
			}
			k = a.skipToOrg(k, limit) // "an activist with the feminist protest group FEMEN"
			o := a.mentionAt(k)
			if o == nil || o.first != k || o.last > limit {
				return done()
			}
			switch {
			case o.kind == kOrg:
				if rp.affRank < 2 {
					rp.aff, rp.affRank = a.affOf(o), 2
				}
			case o.kind == kUnknown && o.placeScore < 2 && o.pScore < 3 && t.low != "in" && t.low != "from":
				o.oScore += 2.5
				if rp.affRank < 2 {
					rp.aff, rp.affRank = orgAff(o.text), 2
				}
			case o.kind == kCountry || o.kind == kCapital || o.kind == kPlace || o.kind == kUnknown:
			default:
				return done()
			}
			j = a.skipPhrase(o.last, limit)
		case t.Text == "(" || t.Text == "[":
			k := a.closeBracket(j, limit)
			if k < 0 || !headSeen {
				return done()
			}
			j = k
		case strings.ContainsAny(t.Text, "0123456789") && !t.cap:
			j++ // "a 28-year-old resident"
		case t.cap:
			if cc, ok := a.demonym(t.Text); ok {
				if rp.affRank < 2 {
					rp.aff, rp.affRank = cc, 2
				}
				demAff = cc
				j++
				continue
			}
			if cc, ok := a.countryByName(t.Text); ok && !headSeen {
				if rp.affRank < 2 {
					rp.aff, rp.affRank = cc, 2
				}
				j++
				continue
			}
			if o := a.mentionAt(j); o != nil && o.first == j && o.last < limit && !headSeen && (o.kind == kPlace || o.kind == kUnknown && o.placeScore >= 2) {
				if n := a.toks[o.last]; a.roleWord(n) || !n.cap && a.roleModifier(n) {
					j = o.last // "the El Paso mayor"
					continue
				}
			}
			if o := a.mentionAt(j); o != nil && o.first == j && o.last < limit && !headSeen && o.kind == kUnknown && o.acronym {
				// "the MDC leader": an unknown acronym before a role
				if n := a.toks[o.last]; a.roleWord(n) || !n.cap && a.roleModifier(n) || isPossessive(n) {
					o.oScore += 2.5
					rp.aff, rp.affRank = orgAff(o.text), 2
					j = o.last
					if isPossessive(n) {
						rp.affRank = 3
						j++
					}
					continue
				}
			}
			if o := a.mentionAt(j); o != nil && o.first == j && o.last < limit && !headSeen && (o.kind == kOrg || o.kind == kCountry || o.kind == kCapital) {
				n := a.toks[o.last]
				switch {
				case isPossessive(n):
					// "The Foreign Ministry's spokesman"
					rp.aff, rp.affRank = a.affOf(o), 3
					j = o.last + 1
					continue
				case a.roleWord(n) || !n.cap && a.roleModifier(n):
					// "a Sunday Times journalist", "Electoral Commission Chair"
					rp.aff, rp.affRank = a.affOf(o), 2
					j = o.last
					continue
				}
			}
			if a.lex.Is(lexicon.Relig, t.fold) || a.titleWord(t) || a.roleWord(t) || a.capModifier(j, limit) {
				// "Human Rights Minister", "Shiite cleric"
				cur = append(cur, a.titleText(t))
				headSeen = a.roleWord(t)
				if headSeen {
					rp.headIdx = j
				}
				j++
				continue
			}
			return done()
		case isPossessive(t) && !headSeen && len(cur) > 0:
			cur = nil // "the Afghan team's coach": the possessor is no role
			j++
		case headSeen && postTitles[t.low]:
			cur = append(cur, t.low) // "prime minister designate"
			j++
		case headSeen && (t.Tag == "VBG" || t.Tag == "VBN") && !a.roleWord(t):
			return done() // "the Tanzanian President chairing the summit"
		case len(cur) == 0 && (quantifiers[t.low] || t.Tag == "CD" && !t.cap):
			j++ // "one of two deputy prime ministers"
		case a.roleModifier(t) || plural && !t.cap && hasLetter(t.Text) && a.roleWord(tok{low: singular(t.low)}):
			cur = append(cur, t.low)
			headSeen = a.roleWord(t) || plural && a.roleWord(tok{low: singular(t.low)})
			if headSeen {
				rp.headIdx = j
			}
			j++
		default:
			return done()
		}
	}
	return done()
}

// skipPhrase skips the rest of a noun phrase after a prepositional object
// ("the Juba region in Somalia"): lower-case words and names up to
// punctuation, a verb, "and", "who" or "which".
func (a *analysis) skipPhrase(k, limit int) int {
	for ; k < limit; k++ {
		t := a.toks[k]
		if a.punct(k) || t.Text == "(" || t.low == "and" || t.low == "who" || t.low == "which" || t.low == "that" || isVerbTag(t.Tag) && t.Tag != "VBN" && t.Tag != "VBG" {
			break
		}
	}
	return k
}

// previousPerson returns the nearest likely person named before token j in
// its sentence or the one before ("her" in "... Julie Bishop telephoned
// her Indonesian equivalent").
func (a *analysis) previousPerson(j int) *mention {
	s := a.sentStart(j)
	if s > 0 {
		s = a.sentStart(s - 1)
	}
	for k := j - 1; k >= s; k-- {
		if o := a.mentionAt(k); o != nil && (o.kind == kPerson || o.kind == kUnknown && o.pScore >= 2) {
			return o
		}
	}
	return nil
}

// closeBracket returns the index after the bracket closing the one at j,
// or -1.
func (a *analysis) closeBracket(j, limit int) int {
	want := ")"
	if a.toks[j].Text == "[" {
		want = "]"
	}
	for k := j + 1; k < limit && k < j+12; k++ {
		if a.toks[k].Text == want {
			return k + 1
		}
	}
	return -1
}

// singular turns a plural role noun into the singular: "protesters" ->
// "protester".
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "men"):
		return strings.TrimSuffix(w, "men") + "man"
	case strings.HasSuffix(w, "ies"):
		return strings.TrimSuffix(w, "ies") + "y"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return strings.TrimSuffix(w, "s")
	}
	return w
}

// capModifier reports whether a capitalised common word at j is part of a
// capitalised role ("Human" in "Human Rights Minister"): common words up to
// a title or role word.
func (a *analysis) capModifier(j, limit int) bool {
	for k := j; k < limit && k < j+4; k++ {
		t := a.toks[k]
		if !t.cap {
			return false
		}
		if a.titleWord(t) || a.roleWord(t) {
			return k > j
		}
		if !a.lex.Is(lexicon.Common, t.low) {
			return false
		}
	}
	return false
}

// roleAhead reports whether a role description starts at token k: an
// optional article, modifiers and a role noun.
func (a *analysis) roleAhead(k, limit int) bool {
	if k < limit && determiners[a.toks[k].low] {
		k++
	}
	for ; k < limit && k < len(a.toks); k++ {
		t := a.toks[k]
		if a.roleWord(t) {
			return true
		}
		if !a.roleModifier(t) {
			return false
		}
	}
	return false
}

// rolePP reads "of/for/to <object>" after a role noun. It returns the
// token after it, the words to add to the role, the affiliation when the
// object is a country or an organization, and false when the words are no
// such phrase. A lower-case object without an article stays in the role
// ("minister of education"); one with an article or with a name in it is
// skipped ("head of the office", "nephew of Faez Khalaf"), except "to
// <country>" after an ambassador. An unknown name as object ("director of
// Walhi") is taken to be an organization.
func (a *analysis) rolePP(j, limit int, head string) (int, []string, string, bool) {
	prep := a.toks[j].low
	k := j + 1
	det := false
	if k < limit && (determiners[a.toks[k].low] || possPronouns[a.toks[k].low]) {
		det = true
		k++
	}
	if k >= limit {
		return j, nil, "", false
	}
	if det {
		// "leader of the main opposition Republican People's Party":
		// lower-case modifiers before a named organization
		q := k
		for q < limit && q < k+3 && !a.toks[q].cap && a.roleModifier(a.toks[q]) {
			q++
		}
		if q > k && q < limit {
			if o := a.mentionAt(q); o != nil && o.first == q && o.last <= limit && (o.kind == kOrg || o.kind == kUnknown && o.acronym) {
				k = q
			}
		}
	}
	if o := a.mentionAt(k); o != nil && o.first == k && o.last+1 < limit && isPossessive(a.toks[o.last]) && (o.kind == kUnknown || o.kind == kPerson) {
		// "a spokesman for Tsvangirai's Movement for Democratic Change":
		// the possessor's organization
		if p := a.mentionAt(o.last + 1); p != nil && p.first == o.last+1 && (p.kind == kOrg || p.kind == kUnknown && p.acronym) {
			k = p.first
		}
	}
	if o := a.mentionAt(k); o != nil && o.first == k && o.last <= limit {
		if prep != "to" && a.titleComplement(o, det) {
			// "Secretary of State", "Director of Medical Service": the
			// object is part of the title, not an organization
			o.kind = kNonActor
			w := []string{prep}
			if det {
				w = append(w, a.toks[k-1].low)
			}
			return o.last, append(w, strings.Fields(strings.ToLower(o.text))...), "", true
		}
		switch o.kind {
		case kCountry, kCapital, kOrg:
			if prep == "to" && relationalTo[head] {
				return o.last, strings.Fields(strings.ToLower(a.text[a.toks[j].Start:a.toks[o.last-1].End])), "", true
			}
			if prep == "to" {
				return o.last, nil, "", true
			}
			// "head of EU foreign policy": the field after the name stays
			// in the role, the name is the affiliation
			q := o.last
			for q < limit && q < o.last+3 && !a.toks[q].cap && (a.toks[q].Tag == "NN" || a.toks[q].Tag == "JJ") && a.roleModifier(a.toks[q]) {
				q++
			}
			if q > o.last && (q >= limit || a.punct(q)) && (a.toks[q-1].Tag == "NN") {
				w := []string{prep}
				for _, t := range a.toks[o.last:q] {
					w = append(w, t.low)
				}
				return q, w, a.affOf(o), true
			}
			return o.last, nil, a.affOf(o), true
		case kUnknown:
			if prep != "to" && o.placeScore < 2 && o.pScore < 3 {
				o.oScore += 2.5
				return o.last, nil, orgAff(o.text), true
			}
		}
		return o.last, nil, "", true
	}
	words := []string{prep}
	if det {
		words = append(words, a.toks[k-1].low)
	}
	mixed := false
	n := 0
	if k < limit && (a.toks[k].low == "one" || isNumber(a.toks[k].Text)) {
		det = true // "of one of the listed groups"
	}
	for ; k < limit && n < 6; k++ {
		t := a.toks[k]
		if a.punct(k) || t.Text == "(" || roleStop[t.low] || t.low == "and" || t.low == "of" || t.low == "for" || t.low == "to" ||
			isVerbTag(t.Tag) && t.Tag != "VBN" && t.Tag != "VBG" {
			break
		}
		if t.cap || isPossessive(t) || t.Tag == "CD" {
			mixed = true
			break
		}
		words = append(words, t.low)
		n++
	}
	if n == 0 && !mixed {
		return j, nil, "", false
	}
	if det && !mixed && a.officePhrase(prep, head, words) {
		// "head of the disaster management centre", "undersecretary to
		// the prime minister": an office, not a thing or a person
		return k, words, "", true
	}
	if det || mixed {
		return k, nil, "", true
	}
	return k, words, "", true
}

// officePhrase reports whether "<head> <prep> the ... <last>" names an
// office: an institution after of/for ("president of the court martial
// board"), or an office holder after a role of service ("adviser to the
// prime minister").
func (a *analysis) officePhrase(prep, head string, words []string) bool {
	last := words[len(words)-1]
	if prep == "to" {
		return serviceRoles[head] && a.roleWordLow(last)
	}
	if len(words) >= 4 && a.lex.Is(lexicon.GovBody, strings.Join(words[2:], " ")) {
		return true // "chief of the general staff"
	}
	return singular(last) == last && (a.lex.Is(lexicon.OrgHead, last) || a.lex.Is(lexicon.OrgTail, last))
}

// serviceRoles serve an office holder: "undersecretary to the prime
// minister".
var serviceRoles = map[string]bool{"undersecretary": true, "adviser": true, "advisor": true, "aide": true, "assistant": true, "secretary": true, "deputy": true, "counsellor": true, "counselor": true}

// titleComplement reports whether a capitalised run after "of"/"for" is
// the field of a title ("State", "Foreign Affairs", "Medical Service"):
// at most three common words, no known organization, country or person.
func (a *analysis) titleComplement(o *mention, det bool) bool {
	if o.kind != kOrg && o.kind != kUnknown || o.org != nil || o.core != o.first || o.last-o.first > 3 {
		return false
	}
	if det && (a.toks[o.first-1].low != "the" || !a.lex.Is(lexicon.GovBody, o.text)) {
		return false // "Chief of the General Staff"; not "of the Freedom Forum"
	}
	for k := o.first; k < o.last; k++ {
		t := a.toks[k]
		if !t.cap || !a.lex.Is(lexicon.Common, t.low) {
			return false
		}
	}
	return true
}

// roleWordLow reports whether a lower-case word is a role noun.
func (a *analysis) roleWordLow(w string) bool {
	w = strings.TrimSuffix(w, ".")
	if relationalNouns[w] {
		return true
	}
	if a.lex.Is(lexicon.RoleHead, w) || a.lex.Is(lexicon.TitleHead, w) {
		return true
	}
	if i := strings.LastIndexByte(w, '-'); i > 0 {
		return a.lex.Is(lexicon.RoleHead, w[i+1:]) || a.lex.Is(lexicon.TitleHead, w[i+1:])
	}
	return false
}

// npStart finds where a role description that ends at token j (before a
// comma) begins, by scanning left to an article, a possessor, a comma or
// the sentence start. It returns -1 when the words cannot be one.
func (a *analysis) npStart(j int) int {
	s := a.sentStart(j)
	if j < s {
		return -1
	}
	k := j + 1
	for k > s {
		t := a.toks[k-1]
		switch {
		case (determiners[t.low] || possPronouns[t.low]) && k-3 >= s && (a.toks[k-2].low == "of" || a.toks[k-2].low == "for" || a.toks[k-2].low == "to" || a.toks[k-2].low == "in" || a.toks[k-2].low == "at") && a.roleWord(a.toks[k-3]):
			k-- // "the president of the Lombardy region"
		case determiners[t.low] || possPronouns[t.low] || t.low == "one":
			return k - 1
		case t.Text == ")" || t.Text == "]":
			open := k - 2
			for open >= s && a.toks[open].Text != "(" && a.toks[open].Text != "[" {
				open--
			}
			if open < s {
				return -1
			}
			k = open
		case t.Text == "," || t.Text == ";" || t.Text == ":" || t.Text == "“" || t.Text == "\"" || t.Text == "(":
			return k
		case isPossessive(t):
			if o := a.mentionAt(k - 2); o != nil {
				return o.first
			}
			k-- // "the Afghan team's coach": a common possessor
			continue
		case isVerbTag(t.Tag) && t.Tag != "VBN" && t.Tag != "VBG" && !t.cap && !a.roleWord(t):
			return k
		case (t.Tag == "IN" || t.Tag == "TO") && !t.cap && (k-2 < s || !a.roleWord(a.toks[k-2]) && a.mentionAt(k-2) == nil):
			return k // "According to Electoral Commission Chair, X"
		case t.cap || hasLetter(t.Text):
			k--
		default:
			return k
		}
	}
	return k
}

// preRole reads a role noun phrase right before a name: "Shia cleric
// Muqtada al-Sadr", "Iraqi political analyst Hazem al-Nuaeimi", "UNHCR
// spokesperson Rupert Colville", "Crown lawyers Matthew Sullivan".
func (a *analysis) preRole(m *mention) (roleParse, bool) {
	var rp roleParse
	j := m.first - 1
	s := a.sentStart(m.first)
	if j < s {
		return rp, false
	}
	var tail []string
	if a.toks[j].cap {
		// "US ambassador to the United Nations Susan Rice"
		o := a.mentionAt(j)
		if o == nil || o.last != m.first || (o.kind != kOrg && o.kind != kCountry) {
			return rp, false
		}
		p := o.first - 1
		if p >= s && a.toks[p].low == "the" {
			p--
		}
		if p-1 < s || (a.toks[p].low != "to" && a.toks[p].low != "of" && a.toks[p].low != "for") || !a.roleWord(a.toks[p-1]) || a.toks[p-1].cap {
			return rp, false
		}
		if a.toks[p].low == "to" && relationalTo[a.toks[p-1].low] {
			tail = strings.Fields(strings.ToLower(a.text[a.toks[p].Start:a.toks[o.last-1].End]))
		} else {
			rp.aff, rp.affRank = a.affOf(o), 2
		}
		j = p - 1
	}
	if postTitles[a.toks[j].low] && j-1 >= s && a.roleWord(a.toks[j-1]) && !a.toks[j-1].cap {
		// "agriculture deputy minister designate Roy Bennett"
		tail = append([]string{a.toks[j].low}, tail...)
		j--
	}
	head := a.toks[j].low
	switch a.toks[j].Tag {
	case "VBD", "VBZ", "VBP":
		// "Mugabe accused British Prime Minister Gordon Brown"; the tagger
		// also calls "journalist" a verb, so the form must be a verb's
		if strings.HasSuffix(head, "ed") || strings.HasSuffix(head, "s") {
			return rp, false
		}
	}
	if !a.roleWord(a.toks[j]) {
		if sg := singular(head); sg != head && a.roleWordLow(sg) {
			rp.plural = true
		} else {
			return rp, false
		}
	}
	var words []string
	k := j
scan:
	for k >= s {
		t := a.toks[k]
		switch {
		case !t.cap && (a.roleModifier(t) || k == j):
			words = append([]string{t.low}, words...)
			k--
			continue
		case t.cap && (a.lex.Is(lexicon.Relig, t.fold) || k == s && a.lex.Is(lexicon.Common, t.low) && !a.isDemonymOrCountry(t.Text)):
			// "Shiite cleric", sentence-initial "Crown lawyers"
			words = append([]string{t.low}, words...)
			k--
			continue
		case t.cap:
			if o := a.mentionAt(k); o != nil {
				switch {
				case o.kind == kCountry || o.kind == kDemonym || o.kind == kOrg || o.kind == kCapital:
					rp.aff, rp.affRank = a.affOf(o), 2
				case o.kind == kUnknown && o.acronym && o.last == k+1:
					o.oScore += 2.5 // "MDC leader Morgan Tsvangirai"
					rp.aff, rp.affRank = orgAff(o.text), 2
				}
			} else if cc, ok := a.demonym(t.Text); ok {
				rp.aff, rp.affRank = cc, 2
			}
		case isPossessive(t):
			if o := a.mentionAt(k - 1); o != nil {
				switch o.kind {
				case kCountry, kOrg, kCapital:
					rp.aff, rp.affRank = a.affOf(o), 3
				}
			}
		case t.low == "its" || t.low == "their":
			if o := a.resolvePronoun(k); o != nil {
				rp.aff, rp.affRank = a.affOf(o), 3
			}
		}
		break scan
	}
	if len(words) == 0 {
		return rp, false
	}
	if rp.plural {
		// "Crown lawyers Matthew Sullivan and Howard Piafsky"; but not
		// "told the judges Hoare then grabbed": a plural needs a list
		if !a.listAfter(m) {
			return rp, false
		}
		words[len(words)-1] = singular(words[len(words)-1])
	}
	// a role before a name is short: the head and at most two more words
	// ("pan-democracy camp councillors" -> "camp councillor")
	for len(words) > 1 && wordCount(words) > 3 {
		words = words[1:]
	}
	words = append(words, tail...)
	rp.roles = []string{cleanRole(strings.Join(words, " "))}
	return rp, true
}
