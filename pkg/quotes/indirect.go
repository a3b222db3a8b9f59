package quotes

import (
	"github.com/newsdesk/extractor/pkg/events"
)

// clauseOpeners are the subordinators that may open a reported clause
// without "that" ("said if ...").
var clauseOpeners = set("if while when because although though after before since unless once whether")

// findIndirect finds reported speech outside quotation marks, sentence by
// sentence: "X said (that) C", "C, X said", "C, said X", "according to X,
// C", "C, according to X", and a participle ", adding (that) C" that takes
// the speaker of the sentence's attribution. The text is the clause C as
// printed, without a leading "that" and without the final full stop.
func (a *article) findIndirect() {
	for _, se := range a.nlp.Sentences {
		a.sentenceIndirect(se.First, se.Last)
	}
}

// sentenceIndirect finds the indirect quotes of the sentence of tokens
// [f, l).
func (a *article) sentenceIndirect(f, l int) {
	if f >= l || l > len(a.toks) {
		return
	}
	end := l
	if a.isTerminator(end - 1) {
		end--
	}
	var main *attr
	for v := f; v < end; v++ {
		if a.inQ[v] >= 0 {
			continue
		}
		if a.low[v] == "according" && v+1 < end && a.low[v+1] == "to" {
			ns := v + 2
			ne := a.npFwd(ns, end, false)
			if _, ok := pronouns[a.low[ns]]; ok && ne <= ns {
				ne = ns + 1 // "according to him"
			}
			if ne <= ns {
				continue
			}
			at := &attr{kind: events.QuoteIndirect, np: [2]int{ns, ne}, conf: 0.85, statement: a.isBareStatement(ns, ne)}
			a.setCue(at, v, v+2)
			before := v
			if v-1 > f && a.low[v-1] == "," {
				before = v - 1
			}
			switch {
			case ne < end && a.low[ne] == "," && a.isClause(ne+1, a.cutClause(ne+1, end), false):
				a.addIndirect(at, ne+1, a.cutClause(ne+1, end))
			case before > f && (before < v || ne >= end || a.low[ne] == ","):
				// "C, according to X." and "C according to X."
				cs := a.clauseStart(f, before)
				if a.isClause(cs, before, false) && !a.endsInQuote(before) {
					a.addIndirect(at, cs, before)
				}
			case v == f && ne < end && a.clauseOpening(ne) && a.isClause(ne, a.cutClause(ne, end), false):
				// "According to Reuters there is ..."
				a.addIndirect(at, ne, a.cutClause(ne, end))
			}
			if at.start < at.end {
				main = at
			}
			v = ne - 1
			continue
		}
		if !a.isCue(v, false) {
			continue
		}
		base := verbForms[a.low[v]]
		// ", adding that C": the speaker of the sentence.
		if a.isParticiple(v, f) {
			cs, that := a.complementStart(v, end, base)
			if cs < 0 {
				continue
			}
			ce := a.cutClause(cs, end)
			if !a.isClause(cs, ce, that) {
				continue
			}
			at := &attr{kind: events.QuoteIndirect, conf: 0.75}
			a.setCue(at, v, v+1)
			if main != nil {
				at.inherit = main
			} else if np, alt, ok := a.participleSubject(v, f); ok {
				at.np, at.alt = np, alt
			} else {
				continue
			}
			a.addIndirect(at, cs, ce)
			continue
		}
		// "C, said X." and "C, claim residents."
		if v-1 > f && a.low[v-1] == "," && a.toks[v].Tag != "VBG" && a.toks[v].Tag != "VBN" && invertible[base] && !a.hasRelative(f, v-1) {
			ne := a.npFwd(v+1, end, false)
			if ne > v+1 && (ne >= end || a.low[ne] == ",") && a.nounHead(ne-1) {
				cs := a.clauseStart(f, v-1)
				if a.isClause(cs, v-1, false) && !a.endsInQuote(v-1) {
					at := &attr{kind: events.QuoteIndirect, np: [2]int{v + 1, ne}, conf: 0.8}
					if ne+1 < end && a.low[ne] == "," {
						// "..., claimed the press secretary, Ozcan Yalcin."
						if e2 := a.npFwd(ne+1, end, false); e2 > ne+1 && (e2 >= end || a.low[e2] == ",") {
							at.alt = [2]int{ne + 1, e2}
						}
					}
					a.setCue(at, v, v+1)
					a.addIndirect(at, cs, v-1)
					main = at
				}
				continue
			}
		}
		np, alt, from, ok := a.subjectOf(v, f)
		if !ok {
			continue
		}
		if a.toks[v].Tag == "VBN" && !a.hasPerfect(v, f) {
			continue // "the attack reported by", a participle
		}
		at := &attr{kind: events.QuoteIndirect, np: np, alt: alt, conf: 0.85, statement: a.isBareStatement(np[0], np[1])}
		a.setCue(at, from, v+1)
		cueEnd := v + 1
		if at.cueSpan != nil {
			cueEnd = a.tokenAtOrAfter(at.cueSpan.End)
			if cueEnd < 0 {
				cueEnd = end
			}
		}
		if a.attrEnds(cueEnd, end) {
			// "C, X said."
			first := np[0]
			if alt[1] > alt[0] && alt[0] < first {
				first = alt[0]
			}
			if first-1 > f && (a.low[first-1] == "," || a.low[first-1] == "\u2014") && !a.endsInQuote(first-1) {
				cs := a.clauseStart(f, first-1)
				if a.isClause(cs, first-1, false) {
					a.addIndirect(at, cs, first-1)
					main = at
				}
			}
			continue
		}
		cs, that := a.complementStart(v, end, base)
		if cs < 0 {
			continue
		}
		ce := a.cutClause(cs, end)
		switch {
		case base == "accuse":
			if !a.hasWord(cs, ce, "of") {
				continue
			}
		case a.isClause(cs, ce, that):
		case (base == "report" || base == "claim" || base == "deny" || base == "admit") && a.gerundClause(cs, ce):
		case base == "claim" && ce-cs >= 4 && a.low[cs] == "to" && a.low[cs+1] == "have":
		default:
			continue
		}
		a.addIndirect(at, cs, ce)
		main = at
	}
}

// invertible are the reporting verbs that may precede their speaker ("...,
// said X", "..., claim residents").
var invertible = set("say add claim report write explain note insist warn state continue reply respond " +
	"comment argue confirm suggest estimate allege tell believe fear")

// hasRelative reports whether tokens [s, e) hold ", who" or ", which": the
// phrase before a comma is then a subject, not a reported clause.
func (a *article) hasRelative(s, e int) bool {
	for k := s; k+1 < e; k++ {
		if a.low[k] == "," && (a.low[k+1] == "who" || a.low[k+1] == "which") {
			return true
		}
	}
	return false
}

// addIndirect gives at the text of tokens [cs, ce), trimmed of trailing
// commas and the like, and records it.
func (a *article) addIndirect(at *attr, cs, ce int) {
	for ce > cs && isPunct(a.toks[ce-1].Text) && !isMark(a.toks[ce-1].Text) && a.toks[ce-1].Text != ")" && a.toks[ce-1].Text != "]" {
		ce--
	}
	for cs < ce && isPunct(a.toks[cs].Text) && !isMark(a.toks[cs].Text) {
		cs++
	}
	if cs >= ce {
		return
	}
	// A trailing quotation mark belongs to the text only with its opening.
	if isMark(a.toks[ce-1].Text) && a.inQ[ce-1] >= 0 && a.quotes[a.inQ[ce-1]].Open < a.toks[cs].Start {
		for ce > cs && isMark(a.toks[ce-1].Text) {
			ce--
		}
	}
	if cs >= ce {
		return
	}
	at.start, at.end = a.toks[cs].Start, a.toks[ce-1].End
	at.pos = at.start
	a.attrs = append(a.attrs, at)
}

// hasPerfect reports whether a have-auxiliary stands before the participle v.
func (a *article) hasPerfect(v, f int) bool {
	for j := v - 1; j >= f && v-j <= 3; j-- {
		switch a.low[j] {
		case "has", "have", "had", "'ve", "'d":
			return true
		}
		if !adverbs[a.low[j]] && a.toks[j].Tag != "RB" {
			return false
		}
	}
	return false
}

// attrEnds reports whether nothing but a prepositional phrase, a time or a
// comma follows a cue verb: the clause it reports stands before it.
func (a *article) attrEnds(i, end int) bool {
	if i >= end {
		return true
	}
	switch a.low[i] {
	case ",", ";", ")", ":", "\u2014", "--":
		return a.low[i] != ":"
	case "that":
		return false
	}
	t := a.toks[i]
	if !(t.Tag == "IN" || t.Tag == "TO" || timeWords[a.low[i]]) || clauseOpeners[a.low[i]] {
		return false
	}
	for k := i; k < end; k++ {
		if a.low[k] == "," || a.low[k] == ";" || a.low[k] == ":" || isMark(a.toks[k].Text) {
			break
		}
		if a.low[k] == "that" || isFinite(a.toks[k].Tag) {
			return false
		}
	}
	return true
}

// complementStart returns where the clause reported by cue verb v starts
// and whether "that" introduced it, or -1: after the object of "told",
// after "that" when one follows within a short phrase ("said on Monday
// that").
func (a *article) complementStart(v, end int, base string) (int, bool) {
	j := v + 1
	if base == "point" {
		j++
	}
	if base == "tell" || base == "inform" || base == "assure" || base == "accuse" {
		if e := a.npFwd(j, end, true); e > j {
			if base == "accuse" {
				return j, false
			}
			j = e
		}
	}
	if j >= end {
		return -1, false
	}
	for k := j; k < end && k-j <= 8; k++ {
		if a.low[k] == "that" {
			return k + 1, true
		}
		if a.inQ[k] >= 0 || isFinite(a.toks[k].Tag) || a.low[k] == "," || a.toks[k].Tag == "TO" && k == j {
			break
		}
	}
	if a.low[j] == "," || a.low[j] == ":" {
		return -1, false
	}
	// "said yesterday cranes will ...": the time belongs to the verb
	for j+1 < end && timeWords[a.low[j]] && !isCap(a.toks[j].Text) && a.clauseOpening(j+1) && a.toks[j+1].Tag != "NN" {
		j++
	}
	return j, false
}

// isClause reports whether tokens [s, e) read as a reported clause: a
// subject-like opening and a finite verb.
func (a *article) isClause(s, e int, that bool) bool {
	if e-s < 2 {
		return false
	}
	t := a.toks[s]
	if isMark(t.Text) && a.inQ[s] >= 0 && a.quotes[a.inQ[s]].Close >= a.toks[e-1].End {
		return false // the whole clause is a direct quote
	}
	if !that && !a.quantityStart(s, e) {
		switch {
		case nameParticles[a.low[s]]:
		case t.Tag == "WP" || t.Tag == "WDT" || a.low[s] == "who" || a.low[s] == "which":
			return false // ", who said ...": a relative clause
		case isVerbTag(t.Tag) || t.Tag == "MD" || t.Tag == "TO":
			return false
		case t.Tag == "IN" && !clauseOpeners[a.low[s]]:
			return false
		case t.Tag == "RB" && a.low[s] != "only" && a.low[s] != "rather":
			return false
		case isPunct(t.Text) && !isMark(t.Text):
			return false
		}
	}
	for k := s + 1; k < e; k++ {
		if a.verbish(k, s) {
			// "some progress ... but warned that": a verb of the speaker's,
			// not of a clause
			l := a.low[k-1]
			return that || l != "but" && l != "and" && l != "or"
		}
	}
	return false
}

// hasVerb reports whether tokens [s, e) hold a finite verb outside quotes.
func (a *article) hasVerb(s, e int) bool {
	for k := s; k < e; k++ {
		if a.inQ[k] < 0 && a.verbish(k, s) {
			return true
		}
	}
	return false
}

// gerundClause reports whether [s, e) reads as a gerund clause ("seeing
// planes", "four girls being taken").
func (a *article) gerundClause(s, e int) bool {
	if e-s < 3 || isPunct(a.toks[s].Text) {
		return false
	}
	for k := s; k < e && k <= s+8; k++ {
		if a.toks[k].Tag == "VBG" && a.inQ[k] < 0 {
			return true
		}
		if a.low[k] == "," {
			return false
		}
	}
	return false
}

// quantityStart reports whether tokens from s open with a quantity ("at
// least 157 people", "more than 500", "nearly 800").
func (a *article) quantityStart(s, e int) bool {
	for k := s; k < e && k <= s+2; k++ {
		if a.toks[k].Tag == "CD" {
			return k > s
		}
		switch a.low[k] {
		case "at", "least", "more", "than", "up", "to", "about", "around", "over", "nearly", "almost",
			"some", "roughly", "approximately", "fewer", "less", "as", "many", "under", "just", "anywhere", "between":
			continue
		}
		return false
	}
	return false
}

// verbish reports whether token k of a clause starting at s is a finite
// verb, also one the tagger took for a plural noun ("Mohamed wishes to").
func (a *article) verbish(k, s int) bool {
	t := a.toks[k]
	if isFinite(t.Tag) {
		return true
	}
	if t.Tag != "NNS" || k == s || k+1 >= len(a.toks) {
		return false
	}
	switch a.toks[k-1].Tag {
	case "NNP", "PRP":
	default:
		return false
	}
	switch a.toks[k+1].Tag {
	case "TO", "DT", "IN", "PRP$", "PRP", "RB":
		return true
	}
	return false
}

// cutClause returns where the reported clause starting at s ends, at most
// end: before ", adding", ", according to", ", and <verb>" or a trailing
// ", X said".
func (a *article) cutClause(s, end int) int {
	firstTag := ""
	for k := s; k < end; k++ {
		if a.inQ[k] < 0 && a.verbish(k, s) {
			firstTag = a.toks[k].Tag
			break
		}
	}
	for k := s + 1; k < end-1; k++ {
		if a.inQ[k] >= 0 {
			// A full quoted sentence after the clause is a direct quote.
			q := a.quotes[a.inQ[k]]
			if a.toks[k].Start == q.Open && k > s+2 && q.Words() >= 4 && startsUpper(q.Text) && !a.isCue(k-1, true) {
				return k
			}
			continue
		}
		n := a.low[k+1]
		if a.low[k] == "and" && a.toks[k+1].Tag == "VBD" && firstTag != "" && firstTag != "VBD" {
			return k // "he is heading to X and thanked ...": the speaker's own verb
		}
		if a.low[k] == ";" {
			return k
		}
		if a.low[k] != "," {
			continue
		}
		if clauseCuts[n] || n == "while" || n == "whereas" || n == "with" {
			return k
		}
		if (n == "which" || n == "who") && a.hasVerb(s, k) {
			return k // a relative clause on the clause's last noun
		}
		if n == "and" && k+2 < end && isVerbTag(a.toks[k+2].Tag) && a.toks[k+2].Tag != "VBG" &&
			(a.toks[k+2].Tag != "VBN" || verbLike(a.low[k+2])) {
			return k // ", and called on ...": the speaker's next act
		}
		if ne := a.npFwd(k+1, end, false); ne > k+1 {
			if v, _, ok := a.skipToVerb(ne, end, false); ok && a.attrEnds(v+1, end) {
				return k
			}
		}
		// ", and observers say ...", ", where he says ...", ", Malaysia
		// has stated ...": another attribution begins.
		for j := k + 1; j < end && j <= k+8; j++ {
			if a.inQ[j] >= 0 || a.low[j] == "," {
				break
			}
			if a.isCue(j, false) && (a.toks[j].Tag != "VBN" || a.hasPerfect(j, k+1)) && a.toks[j].Tag != "VBG" {
				if _, _, _, ok := a.subjectOf(j, k+1); ok {
					return k
				}
				break
			}
		}
	}
	return end
}

func startsUpper(s string) bool {
	for _, r := range s {
		if isMark(string(r)) || r == ' ' || r == '(' || r == '[' {
			continue
		}
		return isCap(string(r))
	}
	return false
}

// clauseStart returns where the clause that ends at e begins: the sentence
// start f, or after a direct quote that closes before it.
func (a *article) clauseStart(f, e int) int {
	for k := e - 1; k >= f; k-- {
		if a.inQ[k] >= 0 && isMark(a.toks[k].Text) && a.quotes[a.inQ[k]].Close == a.toks[k].End && a.quotes[a.inQ[k]].Open < a.toks[f].Start {
			return k + 1
		}
	}
	return f
}

// endsInQuote reports whether the token before i closes a quotation: the
// clause before is a direct quote, not reported speech.
func (a *article) endsInQuote(i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if a.inQ[k] >= 0 {
			return true
		}
		if !isPunct(a.toks[k].Text) {
			return false
		}
	}
	return false
}

func (a *article) hasWord(s, e int, w string) bool {
	for k := s; k < e && k-s <= 14; k++ {
		if a.low[k] == w {
			return true
		}
	}
	return false
}
