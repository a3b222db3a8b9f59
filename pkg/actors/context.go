package actors

import (
	"strings"
	"unicode"

	"github.com/newsdesk/extractor/pkg/fold"
	"github.com/newsdesk/extractor/pkg/lexicon"
)

// sentEnd returns the index after the last token of the sentence of token i.
func (a *analysis) sentEnd(i int) int {
	if i < 0 || i >= len(a.toks) {
		return len(a.toks)
	}
	return a.sents[a.toks[i].sent].Last
}

// sentStart returns the index of the first token of the sentence of token i.
func (a *analysis) sentStart(i int) int {
	if i < 0 || i >= len(a.toks) {
		return 0
	}
	return a.sents[a.toks[i].sent].First
}

// mentionAt returns the mention whose run covers token i.
func (a *analysis) mentionAt(i int) *mention {
	if i < 0 || i >= len(a.tokMention) {
		return nil
	}
	if k := a.tokMention[i]; k >= 0 {
		return a.mentions[k]
	}
	return nil
}

func (a *analysis) indexMentions() {
	a.tokMention = make([]int32, len(a.toks))
	for i := range a.tokMention {
		a.tokMention[i] = -1
	}
	for k, m := range a.mentions {
		for i := m.first; i < m.last && i < len(a.toks); i++ {
			a.tokMention[i] = int32(k)
		}
	}
}

// readContext adds the cues around a mention: roles and affiliation of a
// possible person, the country of an organization, whether a country
// acts.
func (a *analysis) readContext(m *mention) {
	switch m.kind {
	case kUnknown, kPerson:
		a.personContext(m)
	case kOrg:
		a.orgContext(m)
	case kCountry, kCapital:
		m.acting = a.acting(m.first, m.last)
	}
}

func (a *analysis) addRoles(m *mention, rp roleParse) {
	if len(rp.roles) > 0 {
		m.pScore += 2
		m.pStrong = true
	}
	for _, r := range rp.roles {
		w := strings.Fields(r)
		if last := w[len(w)-1]; relationalNouns[last] {
			// "Jangeli's Sudanese counterpart", "their French colleague":
			// the office of the person compared with, not the word
			if rp.possPerson != nil && rp.possPerson != m {
				for _, pr := range a.personRoles(rp.possPerson) {
					m.roles = appendUnique(m.roles, pr)
				}
			}
			continue
		}
		m.roles = appendUnique(m.roles, cleanRole(r))
	}
	if rp.aff != "" {
		a.setAff(m, rp.aff, rp.affRank)
	}
}

// personRoles returns the roles known for the person of mention o, from
// all its mentions read so far.
func (a *analysis) personRoles(o *mention) []string {
	if len(o.roles) > 0 {
		return o.roles
	}
	w := a.nameWords(o.text)
	for _, m := range a.mentions {
		if m == o || m.start >= o.start || len(m.roles) == 0 {
			continue
		}
		if subseq(w, a.nameWords(m.text)) {
			return m.roles
		}
	}
	return nil
}

// quantifiers open a description but are no part of a role.
var quantifiers = map[string]bool{"two": true, "three": true, "four": true, "five": true, "several": true, "many": true, "other": true, "some": true, "all": true, "both": true, "another": true, "few": true}

// cleanRole drops quantifiers and stance adjectives from a role and keeps at most the last
// four words before its head phrase ("two pan-democratic veteran
// politicians" -> "pan-democratic veteran politician").
func cleanRole(r string) string {
	w := strings.Fields(r)
	for len(w) > 1 && (quantifiers[w[0]] || stanceWord(w[0])) {
		w = w[1:]
	}
	return strings.Join(w, " ")
}

// stanceWord reports whether a modifier states a political stance rather
// than an office: "pro-Beijing", "anti-war", "pan-democratic".
func stanceWord(w string) bool {
	switch {
	case strings.HasPrefix(w, "pro-"), strings.HasPrefix(w, "anti-"):
		return true
	case strings.HasPrefix(w, "pan-"):
		return strings.HasSuffix(w, "ic") || strings.HasSuffix(w, "ist")
	}
	return false
}

// setAff sets m's affiliation when aff is stronger than the one it has.
func (a *analysis) setAff(m *mention, aff string, rank int) {
	if aff != "" && affScore(aff, rank) > affScore(m.aff, m.affRank) {
		m.aff, m.affRank = aff, rank
	}
}

// affScore orders affiliations: by rank, and an organization cue before a
// nationality cue of the same rank ("the South Korean UN chief").
func affScore(aff string, rank int) int {
	if aff == "" {
		return 0
	}
	s := 2 * rank
	if rank >= 2 && affOrgName(aff) != "" {
		s++
	}
	return s
}

// affOf is the affiliation a mention gives: a country's code, a government
// body's country, or an organization's name (marked with orgAff).
func (a *analysis) affOf(o *mention) string {
	switch o.kind {
	case kCountry, kCapital, kDemonym, kGovPhrase:
		return o.iso2
	case kOrg:
		if o.orgKind == "gov" && len(o.aff) == 2 && o.org == nil && a.ministryName(o.text) {
			return o.aff // a ministry's staff speak for the country
		}
		return orgAff(o.text)
	case kUnknown:
		if o.acronym {
			return orgAff(o.text) // "MDC leader": an acronym before a role
		}
	}
	return ""
}

// orgMark starts an affiliation that names an organization, so that an
// acronym ("EU", "AU") is never read as a country code.
const orgMark = "\x00"

// orgAff marks an organization name as an affiliation.
func orgAff(name string) string {
	if name == "" || strings.HasPrefix(name, orgMark) {
		return name
	}
	return orgMark + name
}

// affOrgName returns the organization an affiliation names, or "" for a
// country code. An unmarked value longer than two letters (from the
// lexicon) is an organization too.
func affOrgName(aff string) string {
	if strings.HasPrefix(aff, orgMark) {
		return aff[len(orgMark):]
	}
	if len(aff) > 2 {
		return aff
	}
	return ""
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// speechAfter reports whether a speech verb follows at token j (after
// adverbs and auxiliaries).
func (a *analysis) speechAfter(j int) bool {
	end := a.sentEnd(j)
	for k := 0; j < end && k < 3; k++ {
		t := a.toks[j]
		if speechVerbs[t.low] {
			return true
		}
		if t.Tag == "RB" || auxWords[t.low] {
			j++
			continue
		}
		return false
	}
	return false
}

// roleWord reports whether t is a role noun ("analyst", "spokesman").
func (a *analysis) roleWord(t tok) bool { return a.roleWordLow(t.low) }

// roleModifier reports whether a lower-case token may be part of a role
// description ("foreign", "ministry", "political", "senior").
func (a *analysis) roleModifier(t tok) bool {
	if t.cap || !hasLetter(t.Text) || strings.ContainsAny(t.Text, "0123456789") {
		return false
	}
	if determiners[t.low] || possPronouns[t.low] || roleStop[t.low] || t.low == "and" || t.low == "or" || t.low == "of" || t.low == "to" || t.low == "for" {
		return false
	}
	switch t.Tag {
	case "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "VBN", "VBG", "RB":
		return t.Tag != "RB" || t.low == "vice"
	}
	return a.roleWord(t)
}

// resolvePronoun finds what "its"/"their" at token j refers to: the
// nearest country, government or organization mentioned before it in the
// sentence, else the first one of the sentence before.
func (a *analysis) resolvePronoun(j int) *mention {
	s := a.sentStart(j)
	for k := j - 1; k >= s; k-- {
		if o := a.mentionAt(k); o != nil && (o.kind == kCountry || o.kind == kOrg || o.kind == kCapital || o.kind == kGovPhrase) {
			return o
		}
	}
	if s > 0 {
		ps := a.sentStart(s - 1)
		for k := ps; k < s; k++ {
			if o := a.mentionAt(k); o != nil && (o.kind == kCountry || o.kind == kOrg || o.kind == kCapital || o.kind == kGovPhrase) {
				return o
			}
		}
	}
	return nil
}

// orgContext reads an organization's country from a possessor or a
// demonym right before it: "Pakistan's Ministry of Foreign Affairs", "the
// Iraqi Justice Ministry".
func (a *analysis) orgContext(m *mention) {
	if m.first >= 2 && isPossessive(a.toks[m.first-1]) {
		if o := a.mentionAt(m.first - 2); o != nil && (o.kind == kCountry || o.kind == kCapital) {
			a.setAff(m, o.iso2, 4)
		}
	}
	a.cueCountry(m)
	if m.first >= 1 && (a.toks[m.first-1].low == "its" || a.toks[m.first-1].low == "their") {
		if o := a.resolvePronoun(m.first - 1); o != nil && (o.kind == kCountry || o.kind == kCapital) {
			a.setAff(m, o.iso2, 3)
		}
	}
	if m.orgKind == "gov" || m.orgKind == "armed" {
		m.acting = a.acting(m.first, m.last)
	}
}

// cueCountry reads an organization's country from a country or demonym
// before the noun that introduces it: "the Israeli daily Haaretz", "South
// Korean carrier Asiana Airlines", "Israel's state broadcaster IBA".
func (a *analysis) cueCountry(m *mention) {
	// "Dubai-based television network Al Jazeera"
	for k := m.first - 1; k >= 0 && k >= m.first-4 && a.toks[k].sent == a.toks[m.first].sent; k-- {
		t := a.toks[k]
		if place, ok := strings.CutSuffix(t.Text, "-based"); ok {
			if cc := a.placeCountry(place); cc != "" {
				a.setAff(m, cc, 4)
			}
			return
		}
		if t.cap || !a.roleModifier(t) && !a.lex.Is(lexicon.OrgCue, t.low) {
			break
		}
	}
	if k := m.first - 1; k >= 1 && a.lex.Is(lexicon.OrgCue, a.toks[k].low) && !a.toks[k].cap {
		for k > 0 && k > m.first-3 && !a.toks[k-1].cap && a.roleModifier(a.toks[k-1]) {
			k--
		}
		if k >= 2 && isPossessive(a.toks[k-1]) {
			k--
		}
		if o := a.mentionAt(k - 1); o != nil && o.last == k && (o.kind == kCountry || o.kind == kDemonym || o.kind == kCapital) {
			a.setAff(m, o.iso2, 4)
		}
	}
}

// placeCountry returns the country of a place name: a country, a
// capital, or a city of the gazetteer.
func (a *analysis) placeCountry(s string) string {
	if cc, ok := a.countryByName(s); ok {
		return cc
	}
	if cc, ok := a.capitalOf(s); ok {
		return cc
	}
	if ps := a.lookup(s); len(ps) > 0 && ps[0].Country != "" && ps[0].Population > 50000 && fold.Key(ps[0].Name) == fold.Key(s) {
		return ps[0].Country
	}
	return ""
}

// prepositions before a name show that it is not the subject.
var prepositions = map[string]bool{
	"in": true, "inside": true, "within": true, "from": true, "for": true, "of": true, "to": true, "with": true,
	"at": true, "on": true, "into": true, "against": true, "between": true, "near": true, "across": true,
	"toward": true, "towards": true, "over": true, "under": true, "about": true, "via": true, "through": true,
	"among": true, "during": true, "without": true,
	"by": true, "onto": true, "upon": true, "throughout": true, "outside": true, "beyond": true, "around": true,
}

// ministryName reports whether an organization name is a ministry or
// government ("Ministry of Foreign Affairs", "Foreign Office").
func (a *analysis) ministryName(s string) bool {
	f := fold.Key(s)
	if containsWord(f, "ministry") || containsWord(f, "government") || containsWord(f, "cabinet") {
		return true
	}
	v, ok := a.lex.Word(lexicon.GovBody, f)
	return ok && v == "GOV" && !containsWord(f, "embassy") && !containsWord(f, "consulate")
}

// acting reports whether the phrase at tokens [first, last) is the subject
// of an action or speech verb ("Tehran said", "Iran strongly condemned",
// "Iran and Pakistan continue"), the agent of a passive ("launched by
// Pakistan") or a source ("according to Pakistan"). A name after a
// preposition ("in Iran") or in "City, Country" is not a subject.
func (a *analysis) acting(first, last int) bool {
	s, end := a.sentStart(first), a.sentEnd(first)
	p := a.listStart(first) - 1
	if p >= s && a.toks[p].low == "the" {
		p--
	}
	prev := ""
	if p >= s {
		prev = a.toks[p].low
		if prev == "by" && a.vbnBefore(p, s) {
			return true
		}
		if prev == "to" && p-1 >= s && a.toks[p-1].low == "according" {
			return true
		}
		if prepositions[prev] && prev != "with" {
			return false
		}
		if prev == "," && p-1 >= s {
			if o := a.mentionAt(p - 1); o != nil && (o.kind == kPlace || o.kind == kCapital || o.kind == kUnknown && o.placeScore > 0) {
				return false // "Rome, Italy said"
			}
		}
	}
	j := last
	if j < end && isPossessive(a.toks[j]) {
		return false
	}
	// "Iran and Pakistan continue": skip coordinated names
	for j+1 < end && (a.toks[j].low == "and" || a.toks[j].Text == ",") {
		k := j + 1
		if k < end && a.toks[k].low == "and" {
			k++
		}
		if k < end && a.toks[k].low == "the" {
			k++
		}
		o := a.mentionAt(k)
		if o == nil || o.first != k || (o.kind != kCountry && o.kind != kCapital) {
			break
		}
		j = o.last
	}
	be, perfect := false, false
	for k := 0; j < end && k < 4; k++ {
		t := a.toks[j]
		if t.Tag == "RB" || auxWords[t.low] {
			switch t.low {
			case "is", "are", "was", "were", "been", "be":
				be = true
			case "has", "have", "had":
				perfect = true
			}
			j++
			continue
		}
		break
	}
	if j >= end {
		return false
	}
	t := a.toks[j]
	if !isVerbTag(t.Tag) || beVerbs[t.low] || a.roleWord(t) {
		return false
	}
	switch {
	case prev == "with":
		return t.Tag == "VBG" // "with Libya, France and the United States providing"
	case t.Tag == "VBN" && be:
		return false // passive: "Iran was attacked"
	case t.Tag == "VBN" && !perfect:
		// a participle right after a name modifies it ("Iran based")
		return speechVerbs[t.low]
	case t.Tag == "VBG":
		return be // "the Ugandan government are providing"
	}
	return true
}

// listStart returns the first token of a list of countries that the
// country at first ends: "Libya, France, and the United States".
func (a *analysis) listStart(first int) int {
	s := a.sentStart(first)
	for {
		k := first - 1
		if k >= s && a.toks[k].low == "the" {
			k--
		}
		if k >= s && a.toks[k].low == "and" {
			k--
		}
		if k < s || a.toks[k].Text != "," && a.toks[k].low != "and" && !(k+1 < first && a.toks[k+1].low == "and") {
			return first
		}
		if a.toks[k].Text == "," || a.toks[k].low == "and" {
			k--
		}
		o := a.mentionAt(k)
		if o == nil || o.last != k+1 || (o.kind != kCountry && o.kind != kCapital) {
			return first
		}
		first = o.first
	}
}

// vbnBefore reports whether a past participle comes shortly before token p
// in its sentence ("considered a terrorist body by").
func (a *analysis) vbnBefore(p, s int) bool {
	for k := p - 1; k >= s && k >= p-8; k-- {
		if a.toks[k].Tag == "VBN" {
			return true
		}
		if a.toks[k].Text == "," || a.toks[k].Text == ";" {
			return false
		}
	}
	return false
}

// govHead reports whether a lower-case word names a government or its
// organs ("authorities", "police", "ministry").
func (a *analysis) govHead(t tok) bool {
	return a.lex.Is(lexicon.GovNoun, t.low) && (!t.cap || t.Start == 0 || a.text[t.Start-1] == '\n' || a.toks[a.sents[t.sent].First].Start == t.Start)
}

// govPhrases finds countries acting through their governments: a demonym
// or country followed by a governing noun ("Pakistani authorities said",
// "Turkish police arrested", "United Kingdom forces patrolled", "Iran's
// foreign ministry said", "pressure from the French government"),
// "troops from Sudan", and government bodies of a country that act.
func (a *analysis) govPhrases() {
	var extra []*mention
	add := func(first, last int, iso2 string) {
		g := &mention{first: first, last: last, core: first, kind: kGovPhrase, iso2: iso2, actor: -1, acting: true}
		g.start, g.end = a.toks[first].Start, a.toks[last-1].End
		g.text = a.text[g.start:g.end]
		extra = append(extra, g)
	}
	for _, m := range a.mentions {
		if m.kind != kDemonym && m.kind != kCountry && m.kind != kCapital {
			continue
		}
		end := a.sentEnd(m.first)
		j := m.last
		if j < end && isPossessive(a.toks[j]) {
			j++
		}
		// "French and African authorities": a coordinated demonym
		if m.kind == kDemonym && j+1 < end && a.toks[j].low == "and" {
			if o := a.mentionAt(j + 1); o != nil && o.kind == kDemonym && o.first == j+1 {
				j = o.last
			}
		}
		k, head := j, -1
		for k < end && k-j < 4 {
			t := a.toks[k]
			if a.govHead(t) {
				head = k
				k++
				continue
			}
			if !t.cap && a.roleModifier(t) && !a.roleWord(t) && t.low != "news" && t.low != "press" && t.low != "media" && t.low != "state" {
				k++
				continue
			}
			break
		}
		if head < 0 || head+1 < end && (a.toks[head+1].Tag == "NN" || a.toks[head+1].Tag == "NNS") && !a.govHead(a.toks[head+1]) {
			continue // "an Afghan army uniform"
		}
		// a country's government or officials named by its adjective or
		// name are the state wherever they stand; its military, police
		// or forces when they act
		if v, _ := a.lex.Word(lexicon.GovNoun, a.toks[head].low); v == "strong" && m.kind != kCapital || a.acting(m.first, head+1) {
			add(m.first, head+1, m.iso2)
		}
	}
	// "troops from Sudan and Tanzania"; "the government of Guinea said"
	for i := 0; i+2 < len(a.toks); i++ {
		if !a.govHead(a.toks[i]) || (a.toks[i+1].low != "from" && a.toks[i+1].low != "of" && a.toks[i+1].low != "in") {
			continue
		}
		if a.toks[i+1].low != "from" {
			// "the government of Guinea said", "Police in Denmark have
			// shot", "Officials in Ankara denied"
			o := a.mentionAt(i + 2)
			if o == nil || o.first != i+2 || !(o.kind == kCountry || o.kind == kCapital && a.strongGov(a.toks[i])) || !a.acting(i, o.last) {
				continue
			}
			if p := a.mentionAt(i - 1); p != nil && p.kind != kDemonym || i > 0 && strings.HasPrefix(a.toks[i-1].Tag, "NN") {
				continue // "UN officials in Rome": someone else's officials
			}
		}
		for k := i + 2; k < a.sentEnd(i); {
			o := a.mentionAt(k)
			if o == nil || o.first != k || !(o.kind == kCountry || o.kind == kCapital && k == i+2 && a.toks[i+1].low == "in") {
				break
			}
			add(o.first, o.last, o.iso2)
			k = o.last
			if k+1 < len(a.toks) && (a.toks[k].low == "and" || a.toks[k].Text == ",") {
				k++
				if k < len(a.toks) && a.toks[k].low == "and" {
					k++
				}
				continue
			}
			break
		}
	}
	a.leaderActs(add)
	// "the Obama administration", "Mr. Kibaki's government", "Gaddafi
	// forces attacked": the leader's country, known once persons are
	// grouped (groupStates)
	for _, m := range a.mentions {
		if !(m.kind == kUnknown && !m.acronym && (m.placeScore < 2 || a.lex.Surname(m.text)) || m.kind == kPerson) {
			continue
		}
		h := m.last
		if m.possessive {
			h++
		}
		if h >= a.sentEnd(m.first) || a.toks[h].cap || !a.lex.Is(lexicon.GovNoun, a.toks[h].low) ||
			h+1 < len(a.toks) && strings.HasPrefix(a.toks[h+1].Tag, "NN") || a.allCommon(m.core, m.last) ||
			!(m.last-m.core == 1 || a.lex.GivenName(a.toks[m.core].Text) && m.last-m.core == 2) || !a.leaderName(a.toks[m.last-1]) {
			continue
		}
		if !a.strongGov(a.toks[h]) && !a.acting(m.first, h+1) {
			continue // "Qaddafi forces" only when they act
		}
		m.pScore += 2 // a leader's name
		g := &mention{first: m.first, last: h + 1, core: m.first, kind: kGovPhrase, actor: -1, acting: true, inner: m}
		g.start, g.end = a.toks[g.first].Start, a.toks[h].End
		g.text = a.text[g.start:g.end]
		a.leaderGovs = append(a.leaderGovs, g)
	}
	a.mentions = append(a.mentions, extra...)
}

// leaderName reports whether t, before "government" or "administration",
// is a leader's surname ("the Monti government") rather than an adjective
// ("the Conservative government", "the Federal government").
func (a *analysis) leaderName(t tok) bool {
	if a.lex.Surname(t.Text) {
		return true
	}
	if a.lex.Is(lexicon.NotAlone, t.fold) || a.lex.Is(lexicon.Relig, t.fold) || a.lex.Is(lexicon.Common, t.low) {
		return false
	}
	for _, suf := range []string{"ive", "al", "ist", "ic", "ian", "ary", "ory", "ed", "ish", "ese"} {
		if strings.HasSuffix(t.low, suf) {
			return false
		}
	}
	return true
}

// strongGov reports whether t names a government itself ("government",
// "officials", "authorities"), not only one of its forces.
func (a *analysis) strongGov(t tok) bool {
	v, ok := a.lex.Word(lexicon.GovNoun, t.low)
	return ok && v == "strong"
}

// headOfState are the titles of heads of state and government.
var headOfState = map[string]bool{
	"president": true, "prime minister": true, "premier": true, "king": true, "queen": true, "emir": true,
	"chancellor": true, "sultan": true, "monarch": true, "crown prince": true,
}

// stateActs are acts that a head of state or government performs for the
// state: "signed", "ordered", "pardoned".
var stateActs = map[string]bool{
	"signed": true, "signs": true, "ordered": true, "orders": true, "declared": true, "declares": true,
	"decreed": true, "approved": true, "approves": true, "pardoned": true, "pardons": true, "vetoed": true,
	"ratified": true, "recognised": true, "recognized": true, "appointed": true, "appoints": true,
	"dismissed": true, "sacked": true, "congratulated": true, "invited": true, "expelled": true,
	"imposed": true, "lifted": true, "granted": true, "dissolved": true, "dissolves": true, "suspended": true,
}

// leaderActs finds a country acting through its head of state or
// government in an act of state: "the country's president signed a
// decree", "UK Prime Minister David Cameron congratulated Modi". A leader
// who only speaks or travels does not make the state (GUIDELINES).
func (a *analysis) leaderActs(add func(first, last int, iso2 string)) {
	for _, m := range a.mentions {
		cc, ccFirst, ccLast := "", -1, -1
		switch {
		case m.kind == kUnknown || m.kind == kPerson:
			// "UK Prime Minister David Cameron": the country in the title
			if !headOfState[m.titleRole] || m.affRank < 3 || len(m.aff) != 2 || !a.isDemonymOrCountry(a.toks[m.first].Text) {
				continue
			}
			cc, ccFirst, ccLast = m.aff, m.first, m.first+1
		case m.kind == kCountry || m.kind == kDemonym:
			// "Madagascar's president signed", "the Zimbabwean president
			// Robert Mugabe ordered"
			j := m.last
			if j < len(a.toks) && isPossessive(a.toks[j]) {
				j++
			}
			if o := a.mentionAt(j); o != nil && o.first == j && (o.kind == kUnknown || o.kind == kPerson) {
				// "US" + "President Barack Obama"
				if !headOfState[o.titleRole] {
					continue
				}
				j = o.last
			} else {
				t, n := a.titleAt(j)
				if !headOfState[t] {
					continue
				}
				j += n
				if o := a.mentionAt(j); o != nil && o.first == j && (o.kind == kUnknown || o.kind == kPerson) {
					j = o.last
				}
			}
			if !a.actAfter(a.skipCoordinated(j)) {
				continue
			}
			add(m.first, m.last, m.iso2)
			continue
		default:
			continue
		}
		if a.actAfter(a.skipCoordinated(m.last)) {
			add(ccFirst, ccLast, cc)
		}
	}
	// "the country's president signed"
	for i := 0; i+3 < len(a.toks); i++ {
		if a.toks[i].low != "the" || a.toks[i+1].low != "country" || !isPossessive(a.toks[i+2]) {
			continue
		}
		t, n := a.titleAt(i + 3)
		if !headOfState[t] || !a.actAfter(i+3+n) {
			continue
		}
		if o := a.previousCountry(i); o != nil {
			add(i, i+3+n, o.iso2)
		}
	}
}

// titleAt returns the lower-case title at token j ("president", "prime
// minister") and its number of tokens.
func (a *analysis) titleAt(j int) (string, int) {
	if j >= len(a.toks) {
		return "", 0
	}
	if j+1 < len(a.toks) && headOfState[a.toks[j].low+" "+a.toks[j+1].low] {
		return a.toks[j].low + " " + a.toks[j+1].low, 2
	}
	return a.toks[j].low, 1
}

// skipCoordinated skips "and <name>" after a name: "US President Barack
// Obama and UK Prime Minister David Cameron have both congratulated".
func (a *analysis) skipCoordinated(j int) int {
	end := a.sentEnd(j - 1)
	for j+1 < end && a.toks[j].low == "and" {
		o := a.mentionAt(j + 1)
		if o == nil || o.first != j+1 {
			break
		}
		j = o.last
		for o := a.mentionAt(j); o != nil && o.first == j; o = a.mentionAt(j) {
			j = o.last // "UK" + "Prime Minister David Cameron"
		}
	}
	return j
}

// actAfter reports whether an act of state follows at token j, after
// auxiliaries and adverbs.
func (a *analysis) actAfter(j int) bool {
	end := a.sentEnd(j - 1)
	for k := 0; j < end && k < 4; k++ {
		t := a.toks[j]
		if stateActs[t.low] {
			return true
		}
		if t.Tag == "RB" || t.low == "both" || t.low == "has" || t.low == "have" || t.low == "had" || t.low == "also" {
			j++
			continue
		}
		return false
	}
	return false
}

// previousCountry returns the nearest country named before token i in its
// sentence or the one before ("the country's president").
func (a *analysis) previousCountry(i int) *mention {
	s := a.sentStart(i)
	if s > 0 {
		s = a.sentStart(s - 1)
	}
	for k := i - 1; k >= s; k-- {
		if o := a.mentionAt(k); o != nil && o.kind == kCountry {
			return o
		}
	}
	return nil
}

// acronymPhrases turns "Iraqi security forces (ISF)" into an organization
// mention of the phrase whose initials spell the acronym.
func (a *analysis) acronymPhrases() {
	a.indexMentions()
	var extra []*mention
	for i := 1; i+2 < len(a.toks); i++ {
		if a.toks[i].Text != "(" || a.toks[i+2].Text != ")" || !isAllCaps(a.toks[i+1].Text) {
			continue
		}
		acr := strings.ReplaceAll(a.toks[i+1].Text, ".", "")
		if len(acr) < 2 || len(acr) > 6 {
			continue
		}
		if m := a.mentionAt(i - 1); m != nil {
			continue // a named run before it: linked when grouping
		}
		s := a.sentStart(i)
		// take words back from i-1 whose initials spell acr
		k, n := i-1, len(acr)-1
		for k >= s && n >= 0 {
			t := a.toks[k]
			if t.low == "of" || t.low == "and" || t.low == "for" || t.low == "the" && n > 0 {
				k--
				continue
			}
			r := []rune(t.Text)
			if len(r) == 0 || unicode.ToUpper(r[0]) != rune(acr[n]) {
				break
			}
			n--
			k--
		}
		if n >= 0 {
			continue
		}
		first := k + 1
		head := a.toks[i-1]
		if !a.lex.Is(lexicon.GovNoun, head.low) && !a.lex.Is(lexicon.OrgHead, head.fold) && !a.lex.Is(lexicon.OrgTail, head.fold) {
			continue
		}
		m := &mention{first: first, last: i, core: first, kind: kOrg, orgKind: "gov", actor: -1}
		m.start, m.end = a.toks[first].Start, a.toks[i-1].End
		m.text = a.text[m.start:m.end]
		if cc, ok := a.demonym(a.toks[first].Text); ok {
			m.aff, m.affRank = cc, 3
		}
		extra = append(extra, m)
	}
	if len(extra) > 0 {
		var keep []*mention
		for _, m := range a.mentions {
			inside := false
			for _, e := range extra {
				if e.first <= m.first && m.last <= e.last {
					inside = true
				}
			}
			if !inside {
				keep = append(keep, m)
			}
		}
		a.mentions = append(keep, extra...)
		a.sortMentions()
	}
	a.indexMentions()
}
