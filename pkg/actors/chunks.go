package actors

import (
	"strings"

	"github.com/newsdesk/extractor/pkg/lexicon"
)

// span is a token range [first, last) of one sentence. When nameAt > 0
// the tokens [first, nameAt) are a title with an "of" phrase ("Secretary of
// State") and the name starts at nameAt.
type span struct{ first, last, nameAt int }

// nameTok reports whether token i can be part of a proper name.
func (a *analysis) nameTok(i int) bool {
	if i < 0 || i >= len(a.toks) {
		return false
	}
	t := a.toks[i]
	if isPossessive(t) {
		return false
	}
	if t.cap && hasLetter(t.Text) {
		// "T-shirt", "X-ray": a letter and a lower-case word
		if len(t.Text) > 2 && t.Text[1] == '-' && t.Text[2] >= 'a' && t.Text[2] <= 'z' {
			return false
		}
		return t.Text != "I"
	}
	return particleName(t.Text)
}

// particle reports whether token i is a lower-case name particle.
func (a *analysis) particle(i int) bool {
	if i < 0 || i >= len(a.toks) {
		return false
	}
	t := a.toks[i]
	return !t.cap && a.lex.Is(lexicon.Particle, t.low) && t.low == t.Text
}

// leadParticles may begin a name: "bin Laden", "al Qaeda".
var leadParticles = map[string]bool{"al": true, "el": true, "bin": true, "ibn": true, "bint": true, "abu": true}

// modifierSuffixes make a capitalised token an adjective: "New York-based".
var modifierSuffixes = []string{"-based", "-led", "-backed", "-born", "-owned", "-run", "-controlled", "-held", "-style", "-made", "-bound", "-linked", "-allied", "-funded", "-sponsored", "-era"}

func isModifierTok(t tok) bool {
	for _, s := range modifierSuffixes {
		if strings.HasSuffix(t.low, s) {
			return true
		}
	}
	return strings.HasPrefix(t.low, "pro-") || strings.HasPrefix(t.low, "anti-") || strings.HasPrefix(t.low, "non-")
}

// chunks returns the capitalised runs of sentence si, trimmed of
// sentence-initial common words, leading articles and month or day names,
// and split where an organization name runs into a title and name.
func (a *analysis) chunks(si int) []span {
	s := a.sents[si]
	var out []span
	i := s.First
	for i < s.Last {
		lead := a.particle(i) && leadParticles[a.toks[i].low] && i+1 < s.Last && a.nameTok(i+1)
		if !a.nameTok(i) && !lead {
			i++
			continue
		}
		j := i + 1
		for j < s.Last {
			if a.nameTok(j) {
				j++
				continue
			}
			if a.particle(j) && j+1 < s.Last && a.nameTok(j+1) {
				j++
				continue
			}
			// "George W. Bush" when the tokenizer split the initial's stop
			if a.toks[j].Text == "." && j+1 < s.Last && a.nameTok(j+1) && len(a.toks[j-1].Text) == 1 && a.toks[j-1].End == a.toks[j].Start {
				j++
				continue
			}
			break
		}
		// "New York-based Human Rights Watch": drop the modifier
		start := i
		for k := i; k < j; k++ {
			if isModifierTok(a.toks[k]) {
				start = k + 1
			}
		}
		if start < j {
			for _, c := range a.trimChunk(s.First, start, j) {
				out = append(out, a.splitRun(c)...)
			}
		}
		i = j
	}
	return out
}

// trimChunk drops what cannot begin or end a name from [i, j): a
// sentence-initial common word, a leading article, month and day names.
// It may split the run at a month or day name.
func (a *analysis) trimChunk(sentFirst, i, j int) []span {
	for i < j {
		t := a.toks[i]
		initial := i == sentFirst || openers[a.toks[i-1].Text]
		switch {
		case t.low == "the" || t.low == "a" || t.low == "an":
			i++
			continue
		case a.lex.Is(lexicon.StopCap, t.fold) && !a.orgRun(i, j):
			i++ // "Monday", but "Sunday Times"
			continue
		case initial && a.commonInitial(t) && !a.orgRun(i, j) && !a.titleWord(t) && !a.honorificTok(t) &&
			!(i+1 < j && a.lex.GivenName(t.Text) && (a.lex.GivenName(a.toks[i+1].Text) || a.lex.Surname(a.toks[i+1].Text) || a.personCueAfter(j))):
			i++
			continue
		}
		break
	}
	for j > i && a.lex.Is(lexicon.StopCap, a.toks[j-1].fold) {
		j--
	}
	if i >= j {
		return nil
	}
	for k := i + 1; k < j; k++ {
		if a.lex.Is(lexicon.StopCap, a.toks[k].fold) {
			return append(a.trimChunk(sentFirst, i, k), a.trimChunk(sentFirst, k+1, j)...)
		}
	}
	return []span{{first: i, last: j}}
}

// personCueAfter reports whether the words at token j mark the name
// before them as a person's: ", who", a speech verb.
func (a *analysis) personCueAfter(j int) bool {
	if j+1 < len(a.toks) && a.toks[j].Text == "," && a.toks[j+1].low == "who" {
		return true
	}
	return j < len(a.toks) && a.speechAfter(j)
}

// orgRun reports whether tokens [i, j) read as an organization name (a
// known one, or one with a head word), so a common first word stays.
func (a *analysis) orgRun(i, j int) bool {
	if j-i < 2 {
		return false
	}
	txt := a.text[a.toks[i].Start:a.toks[j-1].End]
	if _, ok := a.lex.Org(txt); ok {
		return true
	}
	if _, ok := a.countryByName(txt); ok {
		return true // "United Kingdom forces patrolled"
	}
	for k := i + 1; k < j; k++ {
		if a.lex.Is(lexicon.OrgHead, a.toks[k].fold) {
			return true
		}
	}
	return a.lex.Is(lexicon.OrgTail, a.toks[j-1].fold)
}

// commonInitial reports whether a sentence-initial capitalised token is an
// ordinary word rather than a name.
func (a *analysis) commonInitial(t tok) bool {
	if a.knownName(t.Text) || isAllCaps(t.Text) && t.Text != "A" {
		return false
	}
	if t.Tag == "NNP" || t.Tag == "NNPS" {
		// prose tags many capitalised words NNP; trust it only for words
		// that are not common English words
		return a.lex.Is(lexicon.Common, t.low)
	}
	return a.lex.Is(lexicon.Common, t.low) || t.Tag != "NN" && t.Tag != "NNS" && t.Tag != "JJ"
}

// knownName reports whether s is a known given name, organization or
// country.
func (a *analysis) knownName(s string) bool {
	if a.lex.GivenName(s) && !a.lex.Is(lexicon.Common, strings.ToLower(s)) {
		return true
	}
	if _, ok := a.lex.Org(s); ok {
		return true
	}
	if _, ok := a.countryByName(s); ok {
		return true
	}
	if _, ok := a.demonym(s); ok {
		return true
	}
	return false
}

// splitRun splits a run where an organization name is followed by a title
// and a name: "World Health Organization Country Director Dr. David
// Okello", "Disaster Management Authority Maj. Gen. Saeed Aleem".
func (a *analysis) splitRun(c span) []span {
	// a known organization or country followed by a person's name or
	// another known name: "United Nations Susan Rice", "South Korea UN"
	for k := c.last - 1; k > c.first; k-- {
		left := a.text[a.toks[c.first].Start:a.toks[k-1].End]
		_, lorg := a.lex.Org(left)
		_, lcc := a.countryByName(left)
		lorg = lorg && !lcc // "U.S." is a country before it is any list's organization
		if _, dem := a.demonym(left); dem {
			lorg = false // "Russian Prime Minister Vladimir Putin" stays one run
		}
		if !lorg && !lcc {
			continue
		}
		right := a.text[a.toks[k].Start:a.toks[c.last-1].End]
		_, rorg := a.lex.Org(right)
		_, rcc := a.countryByName(right)
		rp := a.personLike(span{first: k, last: c.last})
		rt := a.honorificTok(a.toks[k]) || a.titleWord(a.toks[k]) && c.last-k >= 2 && !a.hasOrgHead(span{first: k, last: c.last})
		// "United Nations Susan Rice", "South Korea UN"; but "U.S.
		// President Donald Trump" keeps its country with the title
		_, rAcr := a.lex.Org(a.toks[k].Text)
		rAcr = rAcr && isAllCaps(a.toks[k].Text) // "South Korea UN Secretary-General"
		if lcc && (rorg || rcc || rAcr || rp && !a.titleWord(a.toks[k])) || lorg && (rp || rt || rcc || rorg && isAllCaps(right)) {
			return append([]span{{first: c.first, last: k}}, a.splitRun(span{first: k, last: c.last})...)
		}
		break
	}
	// "Abdel Baqi al-Jailani Sudan's Minister": a country before a
	// possessive is no part of the name before it
	if c.last-c.first >= 3 && c.last < len(a.toks) && isPossessive(a.toks[c.last]) {
		if _, ok := a.countryByName(a.toks[c.last-1].Text); ok && a.personLike(span{first: c.first, last: c.last - 1}) {
			return []span{{first: c.first, last: c.last - 1}, {first: c.last - 1, last: c.last}}
		}
	}
	for k := c.last - 2; k > c.first; k-- {
		if a.personLike(span{first: k, last: c.last}) && a.hasOrgHead(span{first: c.first, last: k}) && !a.hasOrgHead(span{first: k, last: c.last}) &&
			!a.titleWord(a.toks[k-1]) && !a.honorificTok(a.toks[k-1]) {
			return []span{{first: c.first, last: k}, {first: k, last: c.last}}
		}
	}
	for k := c.first + 2; k < c.last; k++ {
		if !a.hasOrgHead(span{first: c.first, last: k}) || a.lex.Is(lexicon.OrgHead, a.toks[k].fold) {
			continue
		}
		if _, ok := a.lex.Org(a.text[a.toks[k].Start:a.toks[c.last-1].End]); ok {
			return []span{{first: c.first, last: k}, {first: k, last: c.last}}
		}
	}
	// an organization followed by a role word: "BBC Correspondent"
	if c.last-c.first >= 2 {
		t := a.toks[c.last-1]
		if a.roleWord(t) && !a.lex.Is(lexicon.OrgHead, t.fold) && !a.lex.Is(lexicon.OrgTail, t.fold) {
			left := span{first: c.first, last: c.last - 1}
			_, lcc := a.countryByName(a.spanText(left))
			if _, ok := a.lex.Org(a.spanText(left)); !lcc && (ok || a.hasOrgHead(left) || isAllCaps(a.spanText(left))) {
				return []span{left}
			}
		}
	}
	for k := c.first + 1; k < c.last-1; k++ {
		left := a.toks[k-1]
		if !a.lex.Is(lexicon.OrgHead, left.fold) && !a.lex.Is(lexicon.OrgTail, left.fold) && !isAllCaps(left.Text) {
			continue
		}
		t := k
		// one modifier before the title: "Country Director"
		if !a.titleWord(a.toks[t]) && !a.honorificTok(a.toks[t]) && t+1 < c.last && a.lex.Is(lexicon.Common, a.toks[t].low) {
			t++
		}
		head := false
		for t < c.last && (a.titleWord(a.toks[t]) || a.honorificTok(a.toks[t])) {
			head = head || a.titleHead(a.toks[t]) || a.honorificTok(a.toks[t])
			t++
		}
		if head && t < c.last && t > k {
			return append([]span{{first: c.first, last: k}}, a.splitRun(span{first: k, last: c.last})...)
		}
	}
	return []span{c}
}

func (a *analysis) honorificTok(t tok) bool {
	return t.cap && a.lex.Is(lexicon.Honorific, strings.TrimSuffix(t.low, "."))
}

// mergeChunks joins adjacent runs of one sentence into organization names
// across connectors ("Ministry" of "Foreign Affairs", "Center" for
// "Strategic" and "International Studies"), across a possessive inside a
// name ("New People" 's "Party"), and a title with an "of" phrase before a
// name ("Secretary" of "State Hillary Clinton").
func (a *analysis) mergeChunks(cs []span) []span {
	if len(cs) < 2 {
		return cs
	}
	out := []span{cs[0]}
	orgMode := a.hasOrgHead(cs[0])
	for k := 1; k < len(cs); k++ {
		prev := &out[len(out)-1]
		cur := cs[k]
		gap := a.toks[prev.last:cur.first]
		if q, sp, ok := a.titleOfChain(*prev, cs, k); ok {
			*prev = sp
			k = q
			orgMode = false
			continue
		}
		merged := false
		switch {
		case len(gap) == 0 || prev.nameAt > 0:
		case a.bracketJoin(*prev, gap, cur):
			merged = true
		case a.ofJoin(*prev, gap, cur, orgMode):
			merged = true
		case len(gap) == 1 && isPossessive(gap[0]) && a.possJoin(*prev, cur):
			merged = true
		}
		if merged {
			prev.last = cur.last
			orgMode = true
			continue
		}
		orgMode = a.hasOrgHead(cur)
		out = append(out, cur)
	}
	return out
}

// bracketJoin reports whether prev + gap + cur is one name because the
// acronym in brackets after it spells its initials: "United Nations Relief
// and Works Agency (UNRWA)".
func (a *analysis) bracketJoin(prev span, gap []tok, cur span) bool {
	if len(gap) > 2 {
		return false
	}
	for _, t := range gap {
		if !connectors[t.low] {
			return false
		}
	}
	k := cur.last
	if k+2 >= len(a.toks) || a.toks[k].Text != "(" || a.toks[k+2].Text != ")" || !isAllCaps(a.toks[k+1].Text) {
		return false
	}
	acr := strings.ReplaceAll(a.toks[k+1].Text, ".", "")
	all, content := initials(a.text[a.toks[prev.first].Start:a.toks[cur.last-1].End])
	return len(acr) >= 3 && (acr == all || acr == content)
}

// hasOrgHead reports whether a run holds an organization head word.
func (a *analysis) hasOrgHead(c span) bool {
	for k := c.first; k < c.last; k++ {
		if a.lex.Is(lexicon.OrgHead, a.toks[k].fold) {
			return true
		}
	}
	return a.lex.Is(lexicon.OrgTail, a.toks[c.last-1].fold)
}

// titleOfChain joins "Secretary" of "State Hillary Rodham Clinton" and
// "Minister" of "State" for "Public Service Dalmas Otieno": a run of title
// words, then "of"/"for" phrases, the last of which runs into a name that
// starts with a known given name. It returns the index of the last run
// used and the joined span.
func (a *analysis) titleOfChain(prev span, cs []span, k int) (int, span, bool) {
	if prev.nameAt > 0 || !a.allTitle(prev) {
		return 0, span{}, false
	}
	last := prev
	for q := k; q < len(cs); q++ {
		gap := a.toks[last.last:cs[q].first]
		if len(gap) == 0 || len(gap) > 2 || (gap[0].low != "of" && gap[0].low != "for" && gap[0].low != "to") || len(gap) == 2 && gap[1].low != "the" {
			return 0, span{}, false
		}
		c := cs[q]
		for p := c.first + 1; p < c.last; p++ {
			t := a.toks[p]
			if a.lex.GivenName(t.Text) || !a.lex.Is(lexicon.Common, t.low) {
				// "State" + "Hillary Clinton", "Public Service" + "Dalmas Otieno"
				if c.last-p >= 2 || a.lex.Surname(t.Text) {
					return q, span{first: prev.first, last: c.last, nameAt: p}, true
				}
				break
			}
		}
		// "Ambassador to the United Nations" + "Susan Rice", "Director of
		// Medical Service" + "Dr. James Nyikal"
		if q+1 < len(cs) && cs[q+1].first == c.last && (a.personLike(cs[q+1]) || a.personWithTitle(cs[q+1]) && !a.hasOrgHead(c)) {
			return q + 1, span{first: prev.first, last: cs[q+1].last, nameAt: cs[q+1].first}, true
		}
		last = c
	}
	return 0, span{}, false
}

// personWithTitle reports whether a run is a person's name, maybe after an
// honorific or title ("Dr. James Nyikal").
func (a *analysis) personWithTitle(c span) bool {
	for c.last-c.first > 2 && (a.honorificTok(a.toks[c.first]) || a.titleWord(a.toks[c.first])) {
		c.first++
	}
	return a.personLike(c)
}

// allTitle reports whether a run is title words ending in a title noun.
func (a *analysis) allTitle(c span) bool {
	k0 := c.first
	// a leading demonym or country: "Israeli Minister" of "the Interior
	// Arye Derry", "United Kingdom Minister" for "the Olympics Tessa Jowell"
	for n := 3; n >= 1; n-- {
		if c.last-c.first > n && a.isDemonymOrCountry(a.text[a.toks[c.first].Start:a.toks[c.first+n-1].End]) {
			k0 = c.first + n
			break
		}
	}
	for k := k0; k < c.last; k++ {
		if !a.titleWord(a.toks[k]) {
			return false
		}
	}
	return a.titleHead(a.toks[c.last-1])
}

// ofJoin decides whether prev + gap + cur is one organization name.
func (a *analysis) ofJoin(prev span, gap []tok, cur span, orgMode bool) bool {
	words := make([]string, 0, len(gap))
	for _, t := range gap {
		words = append(words, t.low)
		if !connectors[t.low] {
			return false
		}
	}
	conn := strings.Join(words, " ")
	last := a.toks[prev.last-1]
	head := a.lex.Is(lexicon.OrgHead, last.fold) || stateHeads[last.low] || a.hyphenHead(last)
	switch conn {
	case "of", "of the", "for", "for the", "on", "de", "des", "du", "de la", "del", "to":
		if conn == "to" {
			// "Committee to Protect Journalists"
			return head && !a.personLike(cur) && !a.isPlace(a.spanText(cur)) && cur.last-cur.first >= 2
		}
		if strings.ContainsAny(a.spanText(cur), "0123456789") {
			return false // "Kennedy Space Center on STS-1"
		}
		if _, cc := a.countryByName(a.spanText(cur)); cc && cur.last < len(a.toks) && isPossessive(a.toks[cur.last]) {
			return false // "the International Criminal Court for Sudan's President"
		}
		if head {
			return !a.personLike(cur)
		}
		// "Union of Rationalist Atheists": within an organization name
		return orgMode && !a.personLike(cur)
	case "and", "&":
		txt := a.spanText(cur)
		if _, ok := a.lex.Org(txt); ok {
			return false
		}
		if _, ok := a.countryByName(txt); ok {
			return false
		}
		if a.personLike(cur) {
			return false
		}
		if orgMode {
			// "Center for Strategic and International Studies",
			// "Kandilli Observatory and Earthquake Research Institute";
			// not "Massachusetts Institute of Technology and Colorado State
			// University", two names with heads of their own
			if a.connected(prev) {
				return !a.hasOrgHead(cur) && !a.isPlace(a.spanText(cur))
			}
			return a.hasOrgHead(prev) && a.hasOrgHead(cur) && cur.last-cur.first >= 2
		}
		// "Food and Agriculture Organization", "Justice and Equality
		// Movement": a short first part and a head word at the end
		return prev.last-prev.first <= 2 && a.hasOrgHead(cur) && !a.hasOrgHead(prev) && !a.isPlace(a.spanText(prev))
	case "in", "in the":
		// "al-Qaida in Iraq", "UN Mission in Darfur"
		if last.low == "mission" {
			return a.isPlace(a.spanText(cur))
		}
		o, ok := a.lex.Org(a.spanText(prev))
		return ok && o.Kind == "armed" && a.isPlace(a.spanText(cur))
	}
	return false
}

// connected reports whether a run already spans a connector (it was made by
// a join).
func (a *analysis) connected(c span) bool {
	for k := c.first; k < c.last; k++ {
		if connectors[a.toks[k].low] {
			return true
		}
	}
	return false
}

// hyphenHead reports whether a hyphenated token ends in an organization
// head word ("Sub-Committee").
func (a *analysis) hyphenHead(t tok) bool {
	if i := strings.LastIndexByte(t.low, '-'); i >= 0 {
		return a.lex.Is(lexicon.OrgHead, t.low[i+1:])
	}
	return false
}

// possJoin decides whether prev 's cur is one name: "New People's Party",
// "Kurdistan Worker's Party", "King's College London".
func (a *analysis) possJoin(prev, cur span) bool {
	last := a.toks[cur.last-1]
	if !a.lex.Is(lexicon.OrgHead, last.fold) && !a.lex.Is(lexicon.OrgTail, last.fold) && !a.lex.Is(lexicon.OrgHead, a.toks[cur.first].fold) {
		return false
	}
	p := a.toks[prev.last-1]
	if !a.lex.Is(lexicon.Common, p.low) {
		return false
	}
	txt := a.spanText(prev)
	if _, ok := a.countryByName(txt); ok {
		return false
	}
	if _, ok := a.lex.Org(txt); ok {
		return false
	}
	return !a.isPlaceName(txt)
}

// personLike reports whether a run starts with a known given name and has
// at least two words.
func (a *analysis) personLike(c span) bool {
	if c.last-c.first < 2 {
		return false
	}
	t, u := a.toks[c.first], a.toks[c.first+1]
	// "Hossein Amir-Abdollahian"; "Bill Ingalls" (a given name that is a
	// common word, before a name that is not)
	return a.lex.GivenName(t.Text) && (!a.lex.Is(lexicon.Common, t.low) || !a.lex.Is(lexicon.Common, u.low)) &&
		!a.lex.Is(lexicon.OrgHead, a.toks[c.last-1].fold) && !a.lex.Is(lexicon.OrgTail, a.toks[c.last-1].fold)
}

// spanText returns the text of tokens [first, last).
func (a *analysis) spanText(c span) string {
	if c.first >= c.last {
		return ""
	}
	return a.text[a.toks[c.first].Start:a.toks[c.last-1].End]
}
