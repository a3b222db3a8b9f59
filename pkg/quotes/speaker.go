package quotes

import (
	"strings"

	"github.com/newsdesk/extractor/pkg/events"
)

// Speaker kinds, beyond the actor kinds.
const (
	kindPerson = events.KindPerson
	kindOrg    = events.KindOrganization
	kindState  = events.KindState
	kindName   = "name" // a proper name that is no known actor
	kindDesc   = "desc" // a description ("Iranian media")
)

// speaker is a resolved speaker. rank orders the quality of a resolution:
// 3 a named actor, 2 an actor reached through a title, a government or an
// organization, or a proper name, 1 a description.
type speaker struct {
	name   string
	kind   string
	span   events.Span
	conf   float64
	rank   int
	plural bool
	human  bool // a description of one person ("a security official")
	gender byte // 'm', 'f' or 0
}

// history remembers the speakers met so far, for pronouns and "the
// statement".
type history struct {
	entries      []histEntry
	statement    speaker // the owner of the last statement named
	statementPos int
	titles       map[string]speaker // "iran foreign minister" -> the person an apposition named so
}

// byTitle returns the person an earlier apposition gave the title key, or
// the one person given a title with the same head.
func (h *history) byTitle(key, head string) (speaker, bool) {
	if sp, ok := h.titles[key]; ok {
		return sp, true
	}
	var found speaker
	n := 0
	for k, sp := range h.titles {
		if strings.HasSuffix(k, " "+head) || k == head {
			if n == 0 || sp.name != found.name {
				n++
			}
			found = sp
		}
	}
	return found, n == 1
}

// learnTitle remembers that the title phrase key names sp.
func (h *history) learnTitle(key string, sp speaker) {
	if key == "" {
		return
	}
	if h.titles == nil {
		h.titles = map[string]speaker{}
	}
	h.titles[key] = sp
}

type histEntry struct {
	sp  speaker
	pos int
}

func (h *history) add(sp speaker, pos int) {
	h.entries = append(h.entries, histEntry{sp: sp, pos: pos})
}

// last returns the latest speaker before pos that ok accepts.
func (h *history) last(pos int, ok func(speaker) bool) (histEntry, bool) {
	for i := len(h.entries) - 1; i >= 0; i-- {
		e := h.entries[i]
		if e.pos < pos && ok(e.sp) {
			return e, true
		}
	}
	return histEntry{}, false
}

// lastIn returns the latest speaker met in [lo, hi) that ok accepts.
func (h *history) lastIn(lo, hi int, ok func(speaker) bool) (histEntry, bool) {
	for i := len(h.entries) - 1; i >= 0; i-- {
		e := h.entries[i]
		if e.pos >= lo && e.pos < hi && ok(e.sp) {
			return e, true
		}
	}
	return histEntry{}, false
}

// subjectMention returns the first actor mention of sentence k, before hi,
// that stands before the sentence's first verb outside quotations and that
// ok accepts.
func (a *article) subjectMention(k, hi int, ok func(events.Actor, int) bool) (mention, bool) {
	se := a.nlp.Sentences[k]
	limit := hi
	for i := se.First; i < se.Last; i++ {
		if a.inQ[i] < 0 && isFinite(a.toks[i].Tag) {
			if a.toks[i].Start < limit {
				limit = a.toks[i].Start
			}
			break
		}
	}
	for _, m := range a.ments {
		if m.start >= limit {
			break
		}
		if m.start >= se.Start && !a.inQuote(m.start) && ok(a.actors[m.actor], m.actor) {
			return m, true
		}
	}
	return mention{}, false
}

// personIn reports whether sentence k has a person mention before hi,
// outside quotations.
func (a *article) personIn(k, hi int) bool {
	se := a.nlp.Sentences[k]
	for _, m := range a.ments {
		if m.start >= hi {
			break
		}
		if m.start >= se.Start && !a.inQuote(m.start) && a.actors[m.actor].Kind == kindPerson {
			return true
		}
	}
	return false
}

// subjectSpeaker returns the person that the subject of sentence k (before
// hi) names: an actor, or a description of one person ("One of the
// victims from Saraf Jidad"). cont is set when the subject is itself "he"
// or "she".
func (a *article) subjectSpeaker(k, hi int, person func(events.Actor, int) bool, h *history) (speaker, bool, bool) {
	se := a.nlp.Sentences[k]
	i := se.First
	last := se.Last
	for last > i && a.toks[last-1].Start >= hi {
		last--
	}
	if i >= last {
		return speaker{}, false, false
	}
	switch t := a.toks[i]; {
	case t.Tag == "IN" || t.Tag == "RB" || t.Tag == "CC":
		// "In a news conference on Saturday, he urged ..."
		j := i
		for j < last && j-i <= 12 && a.low[j] != "," && a.inQ[j] < 0 && !isFinite(a.toks[j].Tag) {
			j++
		}
		if j < last && a.low[j] == "," {
			i = j + 1
		} else if t.Tag != "IN" {
			i++
		}
	}
	if i >= last || a.inQ[i] >= 0 {
		return speaker{}, false, false
	}
	if p, ok := pronouns[a.low[i]]; ok {
		return speaker{}, p == "he" || p == "she", false
	}
	e := a.npFwd(i, last, false)
	if e <= i {
		return speaker{}, false, false
	}
	head := a.headOf(i, e)
	oneOf := a.low[i] == "one" && i+1 < e && a.low[i+1] == "of"
	if oneOf {
		head = e - 1
		if h2 := a.headOf(i+2, e); h2 > i+2 {
			head = h2
		}
	}
	for _, tk := range []int{head, e - 1} {
		if m, ok := a.mentionOver(a.toks[tk].Start, a.toks[tk].End); ok {
			ac := a.actors[m.actor]
			if ac.Kind == kindPerson && person(ac, m.actor) {
				return speaker{name: ac.Name, kind: kindPerson, rank: 3, gender: a.genderOf(m.actor)}, false, true
			}
			return speaker{}, false, false
		}
	}
	hl := a.low[head]
	if humanNouns[hl] && (a.toks[head].Tag == "NN" || a.toks[head].Tag == "JJ") || oneOf && humanNouns[strings.TrimSuffix(hl, "s")] {
		sp := a.resolveNP(i, e, h)
		if sp.name != "" && (sp.kind == kindDesc || sp.kind == kindPerson || sp.kind == kindName) {
			if sp.kind == kindDesc {
				sp.human = true
			}
			return sp, false, true
		}
	}
	return speaker{}, false, false
}

// salientOrg returns the organization mentioned most often before off.
func (a *article) salientOrg(off int) (int, bool) {
	best, n := -1, 0
	count := map[int]int{}
	for _, m := range a.ments {
		if m.start >= off {
			break
		}
		if a.actors[m.actor].Kind == kindOrg {
			count[m.actor]++
			if c := count[m.actor]; c > n || c == n && m.actor < best {
				best, n = m.actor, c
			}
		}
	}
	return best, best >= 0
}

// onlyMention returns the one actor that ok accepts among the mentions of
// sentence k before hi, outside quotations.
func (a *article) onlyMention(k, hi int, ok func(events.Actor, int) bool) (mention, bool) {
	se := a.nlp.Sentences[k]
	found, n := mention{}, 0
	for _, m := range a.ments {
		if m.start >= hi {
			break
		}
		if m.start >= se.Start && !a.inQuote(m.start) && ok(a.actors[m.actor], m.actor) {
			if n == 0 || m.actor != found.actor {
				n++
			}
			found = m
		}
	}
	return found, n == 1
}

// resolveStatement resolves a speaker phrase that is a bare "the statement":
// the subject of "issued a statement", an owner after it ("a statement on
// X's website"), the owner of the statement named last, the subject of the
// sentence, or the last organization or state that spoke.
func (a *article) resolveStatement(at *attr, h *history) speaker {
	s, e := at.np[0], at.np[1]
	span := events.Span{Start: a.toks[s].Start, End: a.toks[e-1].End}
	f := s
	if si := a.nlp.SentenceAt(a.toks[s].Start); si >= 0 {
		f = a.nlp.Sentences[si].First
	}
	for k := s - 1; k >= f && k >= s-3; k-- {
		if a.statementVerb(k) {
			if np, alt, _, ok := a.subjectOf(k, f); ok {
				sp := a.resolveNP(np[0], np[1], h)
				if alt[1] > alt[0] {
					if x := a.resolveNP(alt[0], alt[1], h); x.rank > sp.rank {
						sp = x
					}
				}
				if sp.rank >= 2 {
					return sp
				}
			}
		}
	}
	if e+1 < len(a.toks) && (a.low[e] == "on" || a.low[e] == "from" || a.low[e] == "by" || a.low[e] == "of") {
		if oe := a.npFwd(e+1, len(a.toks), false); oe > e+1 {
			if sp := a.resolveNP(e+1, oe, h); sp.rank >= 2 {
				return sp
			}
		}
	}
	if h.statement.name != "" && a.nlp.ParagraphAt(span.Start)-a.nlp.ParagraphAt(h.statementPos) <= 3 {
		sp := h.statement
		sp.span, sp.conf = span, 0.8
		return sp
	}
	if f < s {
		if ne := a.npFwd(f, s, false); ne > f {
			if sp := a.resolveNP(f, ne, h); sp.rank >= 2 && sp.kind != kindPerson {
				return sp
			}
		}
	}
	if e, ok := h.last(span.Start, func(sp speaker) bool { return sp.kind == kindOrg || sp.kind == kindState }); ok {
		sp := e.sp
		sp.span, sp.conf = span, 0.5
		return sp
	}
	return a.resolveNP(s, e, h)
}

// resolveNP resolves the speaker phrase of tokens [s, e).
func (a *article) resolveNP(s, e int, h *history) speaker {
	if s >= e || s < 0 || e > len(a.toks) {
		return speaker{}
	}
	span := events.Span{Start: a.toks[s].Start, End: a.toks[e-1].End}
	if e-s == 1 {
		if p, ok := pronouns[a.low[s]]; ok {
			sp := a.resolvePronoun(p, span, h)
			return sp
		}
	}
	// "a statement from X", "a spokesman for X": X speaks.
	for k := s + 1; k < e-1; k++ {
		if !internalPreps[a.low[k]] && a.low[k] != "by" {
			continue
		}
		if sourceNouns[a.low[k-1]] {
			t := a.resolveNP(k+1, e, h)
			anyOwner := statementNouns[a.low[k-1]] || a.low[k-1] == "reports" || a.low[k-1] == "statements"
			if t.name != "" && (t.rank >= 2 || anyOwner) && (t.kind == kindOrg || t.kind == kindState || anyOwner || t.kind == kindName) {
				if t.rank > 2 {
					t.rank = 2
				}
				return t
			}
		}
		break
	}
	head := a.headOf(s, e)
	hl := a.low[head]
	// "Spielberg's statement", "the ministry's spokesman": the owner.
	if sourceNouns[hl] {
		for p := head - 1; p > s; p-- {
			if a.toks[p].Tag == "POS" || a.low[p] == "'s" || a.low[p] == "\u2019s" {
				t := a.resolveNP(p-a.npLen(s, p), p, h)
				if t.rank >= 2 && (t.kind == kindOrg || t.kind == kindState || statementNouns[hl] || t.kind == kindName) {
					t.span, t.rank = span, 2
					return t
				}
				break
			}
		}
	}
	if m, ok := a.mentionOver(a.toks[head].Start, a.toks[head].End); ok {
		ac := a.actors[m.actor]
		if ac.Kind == kindState && isCap(a.toks[head].Text) && (orgNouns[hl] || govNouns[hl]) {
			// "the Foreign Ministry of ... Afghanistan" taken for the
			// state: the body speaks.
			if ds := a.trimDet(s, e); ds < e {
				return speaker{name: a.text[a.toks[ds].Start:a.toks[e-1].End], kind: kindOrg, span: span, conf: 0.8, rank: 2}
			}
		}
		name := ac.Name
		if ac.Kind == kindPerson && !strings.Contains(name, " ") && head == e-1 {
			// "Said Mohammed" taken for "Mohammed": the longer name the
			// text gives, when no title precedes the actor's mention.
			if i := a.tokenAtOrAfter(m.start); i > s && isCap(a.toks[i-1].Text) && a.toks[i-1].Tag == "NNP" && !titleWords[a.low[i-1]] &&
				!humanNouns[a.low[i-1]] &&
				!titles[strings.TrimSuffix(a.low[i-1], ".")] && !roleHeads[a.low[i-1]] && !cutWords[a.low[i-1]] && a.countryIn(i-1, i) == "" {
				name = a.text[a.toks[i-1].Start:a.toks[e-1].End]
			}
		}
		return speaker{name: name, kind: ac.Kind, span: span, conf: 0.95, rank: 3, gender: a.genderOf(m.actor)}
	}
	if m, ok := a.mentionOver(a.toks[e-1].Start, a.toks[e-1].End); ok && a.actors[m.actor].Kind == kindPerson && a.nameBefore(m.start) {
		ac := a.actors[m.actor]
		return speaker{name: ac.Name, kind: ac.Kind, span: span, conf: 0.9, rank: 3, gender: a.genderOf(m.actor)}
	}
	code := a.countryIn(s, head)
	if (govNouns[hl] || orgNouns[hl]) && isCap(a.toks[head].Text) {
		// A named body with no actor: "Pakistan's Ministry of Foreign
		// Affairs" is the ministry.
		ds := a.trimDet(s, e)
		for p := ds; p < head; p++ {
			if a.toks[p].Tag == "POS" || a.low[p] == "'s" || a.low[p] == "\u2019s" {
				ds = p + 1
			}
		}
		if ds < e && a.allCap(ds, head+1) && (e-ds >= 2 || ds == s) {
			return speaker{name: a.text[a.toks[ds].Start:a.toks[e-1].End], kind: kindOrg, span: span, conf: 0.7, rank: 2}
		}
	}
	if govNouns[hl] && code != "" {
		if sp, ok := a.stateSpeaker(code, span); ok {
			return sp
		}
	}
	if c := a.onlyCountry(s, e); c != "" {
		if sp, ok := a.stateSpeaker(c, span); ok {
			return sp
		}
	}
	// "Ghana's electoral commission": an organization named so.
	if orgNouns[hl] && !isCap(a.toks[head].Text) {
		if ai, ok := a.orgNamed(s, head); ok {
			ac := a.actors[ai]
			return speaker{name: ac.Name, kind: ac.Kind, span: span, conf: 0.7, rank: 2}
		}
	}
	definite := a.low[s] == "the" || a.low[s] == "its" || a.low[s] == "their"
	if definite && code == "" && e-s == 2 {
		// "the airline": the organization named before; "the
		// government": the state named before.
		if orgNouns[hl] {
			if m, ok := a.lastMention(span.Start, func(ac events.Actor, _ int) bool {
				return ac.Kind == kindOrg && containsWord(strings.Fields(strings.ToLower(ac.Name)), hl)
			}); ok {
				ac := a.actors[m.actor]
				return speaker{name: ac.Name, kind: ac.Kind, span: span, conf: 0.7, rank: 2}
			}
			if e, ok := h.last(span.Start, func(sp speaker) bool { return sp.kind == kindOrg }); ok && a.nlp.ParagraphAt(span.Start)-a.nlp.ParagraphAt(e.pos) <= 3 {
				sp := e.sp
				sp.span, sp.conf = span, 0.6
				return sp
			}
			if ai, ok := a.salientOrg(span.Start); ok {
				ac := a.actors[ai]
				return speaker{name: ac.Name, kind: ac.Kind, span: span, conf: 0.6, rank: 2}
			}
		}
	}
	if definite && code == "" && !isCap(a.toks[head].Text) {
		if hl == "government" || hl == "regime" || hl == "administration" || hl == "military" || hl == "army" || hl == "junta" {
			if m, ok := a.lastMention(span.Start, func(ac events.Actor, _ int) bool { return ac.Kind == kindState }); ok {
				ac := a.actors[m.actor]
				return speaker{name: ac.Name, kind: ac.Kind, span: span, conf: 0.6, rank: 2}
			}
			if c := a.mainCountry(); c != "" {
				if sp, ok := a.stateSpeaker(c, span); ok {
					sp.conf = 0.5
					return sp
				}
			}
		}
	}
	singular := a.toks[head].Tag != "NNS" && a.toks[head].Tag != "NNPS"
	if roleHeads[hl] || memberNouns[hl] || roleHeads[strings.TrimSuffix(hl, "s")] || singular && !isCap(a.toks[head].Text) {
		if singular {
			if sp, ok := a.byRole(s, head, code, span); ok {
				return sp
			}
			if sp, ok := h.byTitle(a.titleKey(s, e), hl); ok {
				sp.span, sp.conf = span, 0.75
				return sp
			}
		}
		if memberNouns[hl] || sourceNouns[hl] {
			if m, ok := a.orgIn(s, head); ok {
				ac := a.actors[m.actor]
				return speaker{name: ac.Name, kind: ac.Kind, span: span, conf: 0.8, rank: 2}
			}
			// "a Justice Ministry statement": the name before the noun.
			if ds := a.trimDet(s, head); ds < head && a.allCap(ds, head) && code == "" && !a.sentFirst(ds) {
				return speaker{name: a.text[a.toks[ds].Start:a.toks[head-1].End], kind: kindName, span: span, conf: 0.6, rank: 2}
			}
			if code != "" && (hl == "official" || hl == "officials" || hl == "spokesman" || hl == "spokeswoman" || hl == "spokesperson") {
				if sp, ok := a.stateSpeaker(code, span); ok {
					return sp
				}
			}
		}
	}
	if sourceNouns[hl] && code != "" && !isCap(a.toks[head].Text) {
		// "a 2006 US report": the country's
		if sp, ok := a.stateSpeaker(code, span); ok {
			sp.conf = 0.6
			return sp
		}
	}
	if name, ok := a.properName(s, e); ok {
		return speaker{name: name, kind: kindName, span: span, conf: 0.8, rank: 2, gender: a.titleGender(s, e)}
	}
	// "U.S. Secretary of State Hillary Clinton": the name at the end.
	if t := a.tailName(s, e); t > s {
		if name, ok := a.properName(t, e); ok && strings.Contains(name, " ") {
			return speaker{name: name, kind: kindName, span: span, conf: 0.7, rank: 2}
		}
	}
	ds := a.trimDet(s, e)
	if ds >= e {
		return speaker{}
	}
	if a.low[s] == "the" && ds == s+1 {
		// "the official": the description met before ("a West Darfur
		// security official").
		if ps, pe, ok := a.antecedent(s, head); ok {
			ds, e = ps, pe
		}
	}
	plural := a.toks[head].Tag == "NNS" || a.toks[head].Tag == "NNPS" || strings.HasSuffix(hl, "s") && !strings.HasSuffix(hl, "ss")
	return speaker{name: a.text[a.toks[ds].Start:a.toks[e-1].End], kind: kindDesc, span: span, conf: 0.7, rank: 1,
		plural: plural, human: !plural && humanNouns[hl]}
}

// tailName returns where the run of capitalised proper-noun tokens that
// ends [s, e) starts, when it follows a title word; else s.
func (a *article) tailName(s, e int) int {
	t := e
	for t > s && isCap(a.toks[t-1].Text) && (a.toks[t-1].Tag == "NNP" || a.toks[t-1].Tag == "NNPS") && !titleWords[a.low[t-1]] && !roleHeads[a.low[t-1]] && !cutWords[a.low[t-1]] {
		t--
	}
	if t == e || t == s || e-t < 2 {
		return s
	}
	l := strings.TrimSuffix(a.low[t-1], ".")
	if titles[l] || titleWords[a.low[t-1]] || roleHeads[l] || cutWords[l] {
		return t
	}
	// "response to the allegations Richard Falk", but not "aides of
	// Muqtada al-Sadr".
	if !isCap(a.toks[t-1].Text) && !internalPreps[l] && !isPunct(l) && a.toks[t-1].Tag != "POS" {
		return t
	}
	return s
}

// npLen returns the length of the noun phrase that ends at p, from s on.
func (a *article) npLen(s, p int) int {
	return p - a.npBack(p, s)
}

// antecedent finds, before the definite description whose head is token
// head, a longer description with the same head introduced by "a"/"an";
// it returns its tokens without the article.
func (a *article) antecedent(s, head int) (int, int, bool) {
	hl := a.low[head]
	for i := s - 1; i >= 0 && s-i < 400; i-- {
		if a.low[i] != hl || a.inQ[i] >= 0 {
			continue
		}
		lo := i
		for lo > 0 && i-lo < 8 && a.para[lo-1] == a.para[i] && !isPunct(a.toks[lo-1].Text) && (a.isNPWord(lo-1) || a.low[lo-1] == "a" || a.low[lo-1] == "an") {
			lo--
			if a.low[lo] == "a" || a.low[lo] == "an" {
				if i-lo >= 2 {
					return lo + 1, i + 1, true
				}
				return 0, 0, false
			}
		}
		return 0, 0, false
	}
	return 0, 0, false
}

// trimDet skips determiners and possessive pronouns at the front of [s, e).
func (a *article) trimDet(s, e int) int {
	for s < e && (determiners[a.low[s]] || a.low[s] == "one" && s+1 < e && a.low[s+1] != "of" && a.toks[s+1].Tag != "CD") {
		s++
	}
	return s
}

// mentionOver returns the longest actor mention overlapping [start, end).
func (a *article) mentionOver(start, end int) (mention, bool) {
	best, ok := mention{}, false
	for _, m := range a.ments {
		if m.start >= end {
			break
		}
		if m.end > start && (!ok || m.end-m.start > best.end-best.start) {
			best, ok = m, true
		}
	}
	return best, ok
}

// orgIn returns an organization (or state) mention among tokens [s, head).
func (a *article) orgIn(s, head int) (mention, bool) {
	if s >= head {
		return mention{}, false
	}
	lo, hi := a.toks[s].Start, a.toks[head-1].End
	for _, m := range a.ments {
		if m.start >= hi {
			break
		}
		if m.end > lo && a.actors[m.actor].Kind == kindOrg {
			return m, true
		}
	}
	return mention{}, false
}

// countryIn returns the alpha-2 code of a country named among tokens
// [s, head) (a state mention, a country name, a capital or a demonym).
func (a *article) countryIn(s, head int) string {
	for i := s; i < head; i++ {
		t := a.toks[i]
		if !isCap(t.Text) {
			continue
		}
		if m, ok := a.mentionOver(t.Start, t.End); ok {
			ac := a.actors[m.actor]
			if ac.Kind == kindState && ac.Affiliation != "" {
				return ac.Affiliation
			}
		}
		// The longest run of capitalised words from i.
		j := i
		for j < head && (isCap(a.toks[j].Text) || nameParticles[a.low[j]]) {
			j++
		}
		for k := j; k > i; k-- {
			name := a.text[t.Start:a.toks[k-1].End]
			if c, ok := a.s.gz.CountryByName(name); ok {
				return c.ISO2
			}
		}
		if c, ok := a.s.gz.Demonym(t.Text); ok {
			return c
		}
		if c, ok := a.s.gz.CapitalOf(t.Text); ok {
			return c
		}
	}
	return ""
}

// onlyCountry returns the alpha-2 code of the country that [s, e) names
// by its name or capital and nothing else (after a determiner), or "".
func (a *article) onlyCountry(s, e int) string {
	s = a.trimDet(s, e)
	if s >= e {
		return ""
	}
	name := a.text[a.toks[s].Start:a.toks[e-1].End]
	if c, ok := a.s.gz.CountryByName(name); ok {
		return c.ISO2
	}
	if c, ok := a.s.gz.CapitalOf(name); ok {
		return c
	}
	return ""
}

// stateSpeaker returns the state actor of code, or the country's name.
func (a *article) stateSpeaker(code string, span events.Span) (speaker, bool) {
	for _, ac := range a.actors {
		if ac.Kind == kindState && strings.EqualFold(ac.Affiliation, code) {
			return speaker{name: ac.Name, kind: kindState, span: span, conf: 0.85, rank: 2}, true
		}
	}
	if c, ok := a.s.gz.CountryByCode(code); ok && c.Name != "" {
		return speaker{name: c.Name, kind: kindState, span: span, conf: 0.75, rank: 2}, true
	}
	return speaker{}, false
}

// byRole returns the person actor whose role the title [s, head] names,
// with the country code if one is given; the one mentioned nearest before
// the title wins a tie.
func (a *article) byRole(s, head int, code string, span events.Span) (speaker, bool) {
	var words []string
	for i := s; i <= head; i++ {
		l := a.low[i]
		if determiners[l] || a.toks[i].Tag == "POS" || isCap(a.toks[i].Text) && i < head {
			continue
		}
		words = append(words, l)
	}
	hl := a.low[head]
	bestScore, best := 0.0, -1
	bestDist := 1 << 30
	for ai, ac := range a.actors {
		if ac.Kind != kindPerson {
			continue
		}
		if code != "" && ac.Affiliation != "" && !strings.EqualFold(ac.Affiliation, code) {
			continue
		}
		score := 0.0
		for _, r := range append(ac.Roles, a.textRoles(ai)...) {
			rw := strings.Fields(strings.ToLower(r))
			if len(rw) == 0 || !containsWord(rw, hl) && !containsWord(rw, strings.TrimSuffix(hl, "s")) {
				continue
			}
			sc := 1.0
			for _, w := range words {
				if w != hl && containsWord(rw, w) {
					sc++
				}
			}
			sc -= 0.1 * float64(len(rw))
			if sc > score {
				score = sc
			}
		}
		if score <= 0 {
			continue
		}
		dist := a.distBefore(ai, span.Start)
		if score > bestScore || score == bestScore && dist < bestDist {
			bestScore, best, bestDist = score, ai, dist
		}
	}
	if best < 0 {
		return speaker{}, false
	}
	return speaker{name: a.actors[best].Name, kind: kindPerson, span: span, conf: 0.8, rank: 2, gender: a.genderOf(best)}, true
}

// textRoles returns the role phrases the text puts next to the mentions
// of person actor ai: before the name ("pilot Robert Mansell") or in an
// apposition after it ("Robert Mansell, the pilot,"). Built once per
// article.
func (a *article) textRoles(ai int) []string {
	if a.roles == nil {
		a.roles = make([][]string, len(a.actors))
		for _, m := range a.ments {
			if a.actors[m.actor].Kind != kindPerson {
				continue
			}
			i := a.tokenAtOrAfter(m.start)
			if i < 0 {
				continue
			}
			j := i
			for j > 0 && i-j < 4 {
				t, l := a.toks[j-1], a.low[j-1]
				if !isCap(t.Text) && (t.Tag == "NN" || t.Tag == "JJ") || isCap(t.Text) && (roleHeads[l] || titleWords[l]) {
					j--
					continue
				}
				break
			}
			if j < i {
				a.roles[m.actor] = append(a.roles[m.actor], strings.ToLower(a.text[a.toks[j].Start:a.toks[i-1].End]))
			} else if i > 0 && humanNouns[a.low[i-1]] {
				a.roles[m.actor] = append(a.roles[m.actor], a.low[i-1])
			}
			e := a.tokenAtOrAfter(m.end)
			if e >= 0 && e+1 < len(a.toks) && a.low[e] == "," {
				if ne := a.npFwd(e+1, len(a.toks), false); ne > e+1 {
					h := a.headOf(e+1, ne)
					if roleHeads[a.low[h]] || humanNouns[a.low[h]] {
						ds := a.trimDet(e+1, h+1)
						if ds <= h {
							a.roles[m.actor] = append(a.roles[m.actor], strings.ToLower(a.text[a.toks[ds].Start:a.toks[h].End]))
						}
					}
				}
			}
		}
	}
	if ai < 0 || ai >= len(a.roles) {
		return nil
	}
	return a.roles[ai]
}

func containsWord(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

// distBefore returns how far before off the last mention of actor ai ends,
// or a large number when it is only mentioned after off.
func (a *article) distBefore(ai, off int) int {
	d := 1 << 29
	for _, sp := range a.actors[ai].Spans {
		if sp.End <= off && off-sp.End < d {
			d = off - sp.End
		}
	}
	return d
}

// genderOf guesses an actor's gender from a title before its mentions.
func (a *article) genderOf(ai int) byte {
	for _, sp := range a.actors[ai].Spans {
		if g := a.titleBefore(sp.Start); g != 0 {
			return g
		}
	}
	return 0
}

// titleBefore reads "Mr."/"Mrs."/"Ms." right before byte offset off.
func (a *article) titleBefore(off int) byte {
	i := a.tokenAtOrAfter(off)
	if i <= 0 {
		return 0
	}
	return genderTitle(a.low[i-1])
}

func genderTitle(l string) byte {
	switch strings.TrimSuffix(l, ".") {
	case "mr", "sir", "lord", "king", "prince", "father", "brother":
		return 'm'
	case "mrs", "ms", "miss", "dame", "lady", "queen", "princess", "sister":
		return 'f'
	}
	return 0
}

func (a *article) titleGender(s, e int) byte {
	for i := s; i < e; i++ {
		if g := genderTitle(a.low[i]); g != 0 {
			return g
		}
	}
	return 0
}

// titleKey returns the lower-case words of a title phrase without
// determiners and possessive marks ("iran foreign minister").
func (a *article) titleKey(s, e int) string {
	var ws []string
	for i := s; i < e; i++ {
		if determiners[a.low[i]] || a.toks[i].Tag == "POS" || a.low[i] == "'s" || a.low[i] == "\u2019s" || isPunct(a.toks[i].Text) {
			continue
		}
		ws = append(ws, a.low[i])
	}
	return strings.Join(ws, " ")
}

// nameBefore reports whether a title stands right before byte offset off:
// "Undersecretary for Education Mr. Toccafondi", not "the victims from
// Saraf Jidad".
func (a *article) nameBefore(off int) bool {
	i := a.tokenAtOrAfter(off)
	if i < 0 {
		return false
	}
	if f := a.low[i]; titles[strings.TrimSuffix(f, ".")] || titles[f] {
		return true // the mention starts with its title: "Mr. Toccafondi"
	}
	if i == 0 {
		return false
	}
	l := a.low[i-1]
	if l == "." && i > 1 {
		l = a.low[i-2] // "Mr" "." as two tokens
	}
	return titles[strings.TrimSuffix(l, ".")] || titles[l]
}

// allCap reports whether tokens [s, e) are all capitalised words.
func (a *article) allCap(s, e int) bool {
	for i := s; i < e; i++ {
		if !isCap(a.toks[i].Text) || !hasLetter(a.toks[i].Text) {
			return false
		}
	}
	return s < e
}

// orgNamed returns the organization actor whose name ends with the words
// of [s, head] ("electoral commission" -> "Electoral Commission").
func (a *article) orgNamed(s, head int) (int, bool) {
	var ws []string
	for i := s; i <= head; i++ {
		if !determiners[a.low[i]] && a.toks[i].Tag != "POS" && !isCap(a.toks[i].Text) && hasLetter(a.toks[i].Text) {
			ws = append(ws, a.low[i])
		}
	}
	if len(ws) < 2 {
		return 0, false
	}
	suffix := strings.Join(ws, " ")
	for ai, ac := range a.actors {
		if ac.Kind == kindOrg && strings.HasSuffix(strings.ToLower(ac.Name), suffix) {
			return ai, true
		}
	}
	return 0, false
}

// mainCountry returns the alpha-2 code of the country the article's
// locations name most often, or "".
func (a *article) mainCountry() string {
	best, n := "", 0
	for _, l := range a.locs {
		if l.Kind == "country" && l.Country != "" && len(l.Spans) > n {
			best, n = l.Country, len(l.Spans)
		}
	}
	return best
}

// properName returns the name that the capitalised phrase [s, e) gives,
// titles dropped; a lone surname becomes the longer name ending with it
// that the article uses.
func (a *article) properName(s, e int) (string, bool) {
	s = a.trimDet(s, e)
	if s >= e {
		return "", false
	}
	for i := s; i < e; i++ {
		t := a.toks[i]
		if !isCap(t.Text) && !nameParticles[a.low[i]] && !(a.isJoin(i) && a.low[i] != "of") {
			return "", false
		}
	}
	if l := a.low[e-1]; roleHeads[l] || memberNouns[l] || orgNouns[l] || govNouns[l] || humanNouns[l] {
		return "", false // "Electoral Commission Chair" is a title, not a name
	}
	if _, ok := a.s.gz.Demonym(a.toks[e-1].Text); ok {
		return "", false // "Local Iraqis" are people described
	}
	// A long run of capitals: the name is what follows the last
	// organization word or title ("... Authority Maj. Gen. Saeed Aleem").
	if e-s >= 4 {
		for i := e - 2; i > s; i-- {
			if cutWords[a.low[i]] {
				s = i + 1
				break
			}
		}
	}
	for s < e-1 && (titles[strings.TrimSuffix(a.low[s], ".")] || titles[a.low[s]] || humanNouns[a.low[s]] || timeWords[a.low[s]] ||
		(a.toks[s].Tag == "NN" || a.toks[s].Tag == "NNS" || a.toks[s].Tag == "JJ") && a.toks[s+1].Tag == "NNP") {
		s++
	}
	name := cleanPersonName(a.text[a.toks[s].Start:a.toks[e-1].End])
	if e-s == 1 {
		if full, ok := a.nameIndex()[a.low[s]]; ok {
			return full, true
		}
	}
	return name, true
}

// nameIndex maps the last word of each multi-word capitalised name of the
// article to the first such name. Built once per article.
func (a *article) nameIndex() map[string]string {
	if a.names != nil {
		return a.names
	}
	a.names = map[string]string{}
	for i := 0; i < len(a.toks); {
		if !isCap(a.toks[i].Text) || !hasLetter(a.toks[i].Text) || notNPCap[a.low[i]] || a.inQ[i] >= 0 {
			i++
			continue
		}
		j := i
		for j < len(a.toks) && (isCap(a.toks[j].Text) && hasLetter(a.toks[j].Text) && !notNPCap[a.low[j]] || nameParticles[a.low[j]] && j > i) && a.para[j] == a.para[i] {
			j++
		}
		s := i
		for s < j && (titles[strings.TrimSuffix(a.low[s], ".")] || titles[a.low[s]] || timeWords[a.low[s]] ||
			humanNouns[a.low[s]] || titleWords[a.low[s]] || a.toks[s].Tag == "RB" || a.toks[s].Tag == "RBR" || a.toks[s].Tag == "IN") {
			s++
		}
		if j-s >= 2 {
			last := a.low[j-1]
			if _, ok := a.names[last]; !ok {
				name := cleanPersonName(a.text[a.toks[s].Start:a.toks[j-1].End])
				if strings.Contains(name, " ") {
					a.names[last] = name
				}
			}
		}
		if j == i {
			j++
		}
		i = j
	}
	return a.names
}

// resolvePronoun resolves he, she, it or they at span.
func (a *article) resolvePronoun(p string, span events.Span, h *history) speaker {
	pos := span.Start
	para := a.nlp.ParagraphAt(pos)
	near := func(e histEntry) bool {
		return para-a.nlp.ParagraphAt(e.pos) <= 2
	}
	switch p {
	case "he", "she":
		want := byte('m')
		if p == "she" {
			want = 'f'
		}
		personLike := func(sp speaker) bool {
			return (sp.kind == kindPerson || sp.kind == kindName || sp.human) && (sp.gender == 0 || sp.gender == want)
		}
		personActor := func(ac events.Actor, ai int) bool {
			g := a.genderOf(ai)
			return ac.Kind == kindPerson && (g == 0 || g == want)
		}
		// The subject of this or an earlier sentence: a speaker met
		// there, or a person named before the sentence's verb.
		si := a.nlp.SentenceAt(pos)
		for k := si; k >= 0 && si-k <= 8; k-- {
			se := a.nlp.Sentences[k]
			hi := se.End
			if k == si {
				hi = pos
			}
			if e, ok := h.lastIn(se.Start, hi, personLike); ok {
				sp := e.sp
				sp.span, sp.conf = span, 0.75
				return sp
			}
			if k >= si-1 && a.nlp.Sentences[k].Para == a.nlp.Sentences[si].Para {
				// "officials of NISA said ... \"...,\" he said": one of them.
				if e, ok := h.lastIn(se.Start, hi, func(sp speaker) bool { return sp.kind != kindPerson && sp.kind != kindName }); ok && !a.personIn(k, hi) {
					sp := e.sp
					sp.span, sp.conf = span, 0.5
					return sp
				}
			}
			sp, cont, ok := a.subjectSpeaker(k, hi, personActor, h)
			if ok {
				sp.span, sp.conf = span, 0.7
				return sp
			}
			if cont {
				continue // "He ...": the same person as before
			}
			if m, ok := a.subjectMention(k, hi, personActor); ok {
				ac := a.actors[m.actor]
				return speaker{name: ac.Name, kind: kindPerson, span: span, conf: 0.7, rank: 3, gender: a.genderOf(m.actor)}
			}
			if m, ok := a.onlyMention(k, hi, personActor); ok {
				ac := a.actors[m.actor]
				return speaker{name: ac.Name, kind: kindPerson, span: span, conf: 0.6, rank: 3, gender: a.genderOf(m.actor)}
			}
		}
		e, ok := h.last(pos, personLike)
		m, mok := a.lastMention(pos, personActor)
		switch {
		case mok && (!ok || m.start > e.pos):
			ac := a.actors[m.actor]
			return speaker{name: ac.Name, kind: kindPerson, span: span, conf: 0.6, rank: 3}
		case ok:
			sp := e.sp
			sp.span, sp.conf = span, 0.6
			if !near(e) {
				sp.conf = 0.5
			}
			return sp
		}
	case "it":
		orgLike := func(sp speaker) bool { return sp.kind == kindOrg || sp.kind == kindState }
		e, ok := h.last(pos, orgLike)
		m, mok := a.lastMention(pos, func(ac events.Actor, _ int) bool { return ac.Kind == kindOrg || ac.Kind == kindState })
		switch {
		case ok && near(e):
			sp := e.sp
			sp.span, sp.conf = span, 0.7
			return sp
		case mok:
			ac := a.actors[m.actor]
			return speaker{name: ac.Name, kind: ac.Kind, span: span, conf: 0.6, rank: 3}
		}
		if e, ok := h.last(pos, func(sp speaker) bool { return sp.kind != kindPerson && !sp.plural && sp.kind != kindName }); ok && near(e) {
			sp := e.sp
			sp.span, sp.conf = span, 0.5
			return sp
		}
	case "they":
		e, ok := h.last(pos, func(sp speaker) bool { return sp.plural || sp.kind == kindOrg || sp.kind == kindState })
		if ok && near(e) {
			sp := e.sp
			sp.span, sp.conf = span, 0.6
			return sp
		}
		m, mok := a.lastMention(pos, func(ac events.Actor, _ int) bool { return ac.Kind == kindOrg || ac.Kind == kindState })
		if mok && para-a.nlp.ParagraphAt(m.start) <= 1 {
			ac := a.actors[m.actor]
			return speaker{name: ac.Name, kind: ac.Kind, span: span, conf: 0.5, rank: 3}
		}
	}
	return speaker{}
}

// lastMention returns the last actor mention ending before pos that ok
// accepts.
func (a *article) lastMention(pos int, ok func(events.Actor, int) bool) (mention, bool) {
	best, found := mention{}, false
	for _, m := range a.ments {
		if m.start >= pos {
			break
		}
		if m.end <= pos && !a.inQuote(m.start) && ok(a.actors[m.actor], m.actor) {
			best, found = m, true
		}
	}
	return best, found
}
