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
		if last := w[len(w)-1]; (last == "counterpart" || last == "equivalent") && rp.possPerson != nil && rp.possPerson != m {
			// "Jangeli's Sudanese counterpart": the same office elsewhere
			for _, pr := range a.personRoles(rp.possPerson) {
				m.roles = appendUnique(m.roles, pr)
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

// cleanRole drops quantifiers from a role and keeps at most the last
// four words before its head phrase ("two pan-democratic veteran
// politicians" -> "pan-democratic veteran politician").
func cleanRole(r string) string {
	w := strings.Fields(r)
	for len(w) > 1 && quantifiers[w[0]] {
		w = w[1:]
	}
	return strings.Join(w, " ")
}

func (a *analysis) setAff(m *mention, aff string, rank int) {
	if aff != "" && rank > m.affRank {
		m.aff, m.affRank = aff, rank
	}
}

// affOf is the affiliation a mention gives: a country's code, a government
// body's country, or an organization's name.
func (a *analysis) affOf(o *mention) string {
	switch o.kind {
	case kCountry, kCapital, kDemonym, kGovPhrase:
		return o.iso2
	case kOrg:
		if (o.orgKind == "gov" || o.orgKind == "armed" && o.affRank >= 3) && o.aff != "" && len(o.aff) == 2 && o.org == nil {
			return o.aff
		}
		return o.text
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
	if m.first >= 1 && (a.toks[m.first-1].low == "its" || a.toks[m.first-1].low == "their") {
		if o := a.resolvePronoun(m.first - 1); o != nil && (o.kind == kCountry || o.kind == kCapital) {
			a.setAff(m, o.iso2, 3)
		}
	}
	if m.orgKind == "gov" {
		m.acting = a.acting(m.first, m.last)
	}
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
	return a.lex.Is(lexicon.GovNoun, t.low) && (!t.cap || t.Start == 0 || a.text[t.Start-1] == '\n')
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
			// "the government of Guinea said", "Police in Denmark have shot"
			o := a.mentionAt(i + 2)
			if o == nil || o.first != i+2 || o.kind != kCountry || !a.acting(i, o.last) {
				continue
			}
		}
		for k := i + 2; k < a.sentEnd(i); {
			o := a.mentionAt(k)
			if o == nil || o.first != k || o.kind != kCountry {
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
	a.mentions = append(a.mentions, extra...)
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
