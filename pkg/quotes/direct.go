package quotes

import (
	"strings"

	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/pkg/ner"
)

// findDirect attributes every quotation that is not a scare quote. The
// attribution is looked for right after the closing mark (`"...," X said`,
// `"...," said X`), then before the opening mark in the same sentence
// (`X said: "..."`, `X called it "..."`), then at the end of the previous
// paragraph when it ends with a colon; a quotation with none of these that
// follows an attributed one within a paragraph continues its speaker.
func (a *article) findDirect() {
	for qi := range a.quotes {
		q := a.quotes[qi]
		if q.Scare || q.Words() < a.s.opts.MinDirectWords {
			continue
		}
		start, end := ner.Trim(a.text, q.Start, q.End)
		if start >= end {
			continue
		}
		at := &attr{kind: events.QuoteDirect, start: start, end: end, pos: start, conf: 0.9}
		oi := a.tokenAtOrAfter(q.Open)
		ci := a.tokenAtOrAfter(q.Close)
		switch {
		case a.afterAttr(q, ci, at):
		case oi >= 0 && a.beforeAttr(q, oi, at):
		case oi >= 0 && a.colonAttr(oi, at):
			at.conf = 0.8
		default:
			prev := a.attrBefore(q.Open)
			if prev == nil || q.Words() < 4 || a.nlp.ParagraphAt(q.Open)-a.nlp.ParagraphAt(prev.end-1) > 1 {
				continue
			}
			at.inherit = prev
			at.continued = true
			at.conf = 0.7
		}
		a.attrs = append(a.attrs, at)
	}
}

// attrBefore returns the quote found last before byte offset off, or nil.
func (a *article) attrBefore(off int) *attr {
	var best *attr
	for _, at := range a.attrs {
		if at.end <= off && (best == nil || at.end > best.end) {
			best = at
		}
	}
	return best
}

// isTerminator reports whether token i ends a sentence outside quotes.
func (a *article) isTerminator(i int) bool {
	switch a.toks[i].Text {
	case ".", "!", "?":
		return a.inQ[i] < 0
	}
	return false
}

// afterAttr looks for the attribution right after the closing mark of q;
// ci is the first token after it.
func (a *article) afterAttr(q scanQuote, ci int, at *attr) bool {
	if ci < 0 || q.Close <= q.Open {
		return false
	}
	para := a.nlp.ParagraphAt(q.Close - 1)
	hi := ci
	for hi < len(a.toks) && a.para[hi] == para && a.inQ[hi] < 0 && !a.isTerminator(hi) && hi-ci < 30 {
		hi++
	}
	if endsSentence(q.Text) && ci < hi && isCap(a.toks[ci].Text) {
		// `"... ." NATO says ...`: a new sentence, unless it is only the
		// attribution (`"... ." He said.`).
		if _, ok := pronouns[a.low[ci]]; !ok || ci+1 >= hi || !a.isCue(ci+1, true) {
			return false
		}
	}
	k := ci
	for k < hi && k-ci < 2 && (a.low[k] == "," || a.low[k] == "\u2014" || a.low[k] == "\u2013" || a.low[k] == "-" || a.low[k] == "--") {
		k++
	}
	if k >= hi {
		return false
	}
	// "according to X"
	if a.low[k] == "according" && k+1 < hi && a.low[k+1] == "to" {
		ne := a.npFwd(k+2, hi, false)
		if ne > k+2 {
			at.np = [2]int{k + 2, ne}
			at.statement = a.isBareStatement(k+2, ne)
			a.setCue(at, k, k+2)
			return true
		}
	}
	if a.toks[k].Tag == "VBG" {
		return false // `", expressing his sadness`: the sentence's subject speaks
	}
	// `," said X` (inverted)
	if a.isCue(k, true) {
		ne := a.npFwd(k+1, hi, false)
		if ne > k+1 && a.nounHead(ne-1) {
			at.np = [2]int{k + 1, ne}
			if ne+1 < hi && a.low[ne] == "," {
				if e2 := a.npFwd(ne+1, hi, false); e2 > ne+1 {
					at.alt = [2]int{ne + 1, e2}
				}
			}
			at.statement = a.isBareStatement(k+1, ne)
			a.setCue(at, k, k+1)
			return true
		}
		return false
	}
	// `," X said` with an optional apposition: `," X, Y, said`.
	var ne int
	if p, ok := pronouns[a.low[k]]; ok && p != "" {
		ne = k + 1
	} else {
		ne = a.npFwd(k, hi, false)
	}
	if ne <= k {
		return false
	}
	np := [2]int{k, ne}
	var alt [2]int
	v := ne
	if v+1 < hi && a.low[v] == "," {
		// `," X, editor at large at the Saudi Gazette, said`
		for k2 := v + 1; k2 < hi && k2-v <= 15; k2++ {
			if isFinite(a.toks[k2].Tag) && !a.isCue(k2, true) {
				break
			}
			if a.low[k2] == "," {
				if e2 := a.npFwd(v+1, k2, false); e2 > v+1 {
					alt = [2]int{v + 1, e2}
				}
				v = k2 + 1
				break
			}
		}
	}
	v, cueFrom, ok := a.skipToVerb(v, hi, true)
	if !ok || !a.nounHead(np[1]-1) && np[1]-np[0] != 1 {
		return false
	}
	at.np, at.alt = np, alt
	at.statement = a.isBareStatement(np[0], np[1])
	a.setCue(at, cueFrom, v+1)
	return true
}

// endsSentence reports whether s ends with a full stop, "!" or "?" (or an
// ellipsis), after any closing brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " )]'\u2019")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "\u2026")
}

// skipToVerb skips adverbs and auxiliaries from v and returns the cue verb
// index and where the cue phrase starts ("was quoted as saying").
func (a *article) skipToVerb(v, hi int, direct bool) (int, int, bool) {
	from := v
	for v < hi && (adverbs[a.low[v]] || auxiliaries[a.low[v]] || a.toks[v].Tag == "RB" && !a.isCue(v, direct)) {
		v++
	}
	from = v
	if v+3 < hi+1 && v+3 <= len(a.toks)-1 && passives[a.low[v]] && a.low[v+1] == "quoted" && a.low[v+2] == "as" {
		if a.low[v+3] == "saying" {
			return v + 3, from, true
		}
	}
	if v >= hi || passives[a.low[v]] || !a.isCue(v, direct) {
		return v, from, false
	}
	return v, from, true
}

// beforeAttr looks for the attribution in the sentence before the opening
// mark of q (oi is the opening mark's token): the nearest reporting verb
// with a speaker, else the nearest other cue verb with one.
func (a *article) beforeAttr(q scanQuote, oi int, at *attr) bool {
	para := a.nlp.ParagraphAt(q.Open)
	lo := oi
	for lo > 0 && a.para[lo-1] == para && !a.isTerminator(lo-1) {
		if qi := a.inQ[lo-1]; qi >= 0 && !a.quotes[qi].Scare && a.quotes[qi].Words() > 2 {
			break // another quotation: `"...," he said, "..."`
		}
		lo--
	}
	return a.verbAttrIn(lo, oi, at)
}

// verbAttrIn finds the attribution among tokens [lo, hi).
func (a *article) verbAttrIn(lo, hi int, at *attr) bool {
	var weak *attr
	for v := hi - 1; v >= lo; v-- {
		if a.low[v] == "according" && v+1 < hi && a.low[v+1] == "to" {
			ne := a.npFwd(v+2, hi, false)
			if ne > v+2 {
				at.np = [2]int{v + 2, ne}
				at.statement = a.isBareStatement(v+2, ne)
				a.setCue(at, v, v+2)
				return true
			}
			continue
		}
		if !a.isCue(v, true) && !a.statementVerb(v) {
			continue
		}
		var np, alt [2]int
		from, ok := v, false
		if a.isParticiple(v, lo) {
			np, alt, ok = a.participleSubject(v, lo)
		} else {
			np, alt, from, ok = a.subjectOf(v, lo)
		}
		if !ok {
			continue
		}
		if _, reporting := verbForms[a.low[v]]; reporting {
			at.np, at.alt = np, alt
			at.statement = a.isBareStatement(np[0], np[1])
			a.setCue(at, from, v+1)
			return true
		}
		if weak == nil && (hi-v <= 6 || a.quoteHasVerb(hi)) {
			// a cue that is not a reporting verb must stand close to
			// the quotation ("called it \"...\"")
			weak = &attr{np: np, alt: alt}
			a.setCue(weak, from, v+1)
		}
	}
	if weak != nil {
		at.np, at.alt, at.cue, at.cueSpan = weak.np, weak.alt, weak.cue, weak.cueSpan
		at.statement = a.isBareStatement(at.np[0], at.np[1])
		at.conf = 0.8
		return true
	}
	return false
}

// quoteHasVerb reports whether the quotation opened at token oi holds a
// verb, so it is a statement rather than a name or a term.
func (a *article) quoteHasVerb(oi int) bool {
	qi := a.inQ[oi]
	if qi < 0 {
		return false
	}
	for k := oi + 1; k < len(a.toks) && a.inQ[k] == qi; k++ {
		if isVerbTag(a.toks[k].Tag) || a.toks[k].Tag == "MD" {
			return true
		}
	}
	return false
}

// colonAttr attributes a quotation that opens its paragraph to the last
// sentence of the previous paragraph when that ends with a colon.
func (a *article) colonAttr(oi int, at *attr) bool {
	if oi == 0 || a.para[oi-1] == a.para[oi] || a.low[oi-1] != ":" {
		return false
	}
	hi := oi - 1
	lo := hi
	for lo > 0 && a.para[lo-1] == a.para[hi] && !a.isTerminator(lo-1) {
		lo--
	}
	return a.verbAttrIn(lo, hi, at)
}

// subjectOf returns the speaker phrase of the cue verb v, not before lo:
// the noun phrase before it (skipping adverbs, auxiliaries, "in a
// statement" and the like), with its apposition, or a pronoun. from is
// where the cue phrase starts.
func (a *article) subjectOf(v, lo int) (np, alt [2]int, from int, ok bool) {
	from = v
	j := v - 1
	if a.low[v] == "saying" && j-2 >= lo && a.low[j] == "as" && a.low[j-1] == "quoted" && passives[a.low[j-2]] {
		j -= 3
		from = j + 1
	} else {
		for j >= lo && (adverbs[a.low[j]] || auxiliaries[a.low[j]] || a.toks[j].Tag == "RB" && !notAdverb(a.low[j])) {
			j--
		}
		if j >= lo && (passives[a.low[j]] || a.low[j] == "to") {
			return np, alt, from, false
		}
	}
	// "X, who ... said": the phrase before the relative pronoun.
	if j >= lo && (a.low[j] == "who" || a.low[j] == "which") {
		j--
		if j >= lo && a.low[j] == "," {
			j--
		}
	}
	// "X in a statement said", "X on Monday said"
	for k := 0; k < 3 && j >= lo; k++ {
		s := a.npBack(j+1, lo)
		cut := false
		if ppHeads[a.low[j]] {
			for p := s; p <= j; p++ {
				if ppPreps[a.low[p]] {
					j, cut = p-1, true
					break
				}
			}
			if !cut && s-1 >= lo && ppPreps[a.low[s-1]] {
				j, cut = s-2, true
			}
		}
		if !cut && s <= j && allTime(a.low[s:j+1]) && s > lo {
			j = s - 1
			if j >= lo && (ppPreps[a.low[j]] || a.low[j] == "late" || a.low[j] == "early") {
				j--
			}
			cut = true
		}
		if !cut {
			break
		}
	}
	// `X, "condemned" the agitation`: a short quotation round the verb or
	// before it.
	if j >= lo && a.inQ[j] >= 0 && a.quotes[a.inQ[j]].Words() <= 2 {
		for j >= lo && a.inQ[j] >= 0 && a.toks[j].Start >= a.quotes[a.inQ[j]].Open {
			j--
		}
	}
	if j >= lo && a.inQ[j] >= 0 && isPunct(a.toks[j].Text) {
		return np, alt, from, false // `"...," said X`: the quotation's own attribution
	}
	if j < lo {
		return np, alt, from, false
	}
	if _, ok := pronouns[a.low[j]]; ok {
		return [2]int{j, j + 1}, alt, from, true
	}
	if a.low[j] == "and" {
		// "X tweeted to Mohamed and said": the subject of the first verb.
		np, alt, ok = a.participleSubject(j+1, lo)
		return np, alt, from, ok
	}
	// "X, nephew of Y, who was killed, said", "X who is the owner of Y,
	// made": drop the relative clause.
	if a.low[j] == "," {
		for k := j - 1; k > lo && j-k <= 15; k-- {
			if a.inQ[k] >= 0 {
				break
			}
			if a.low[k] == "who" || a.low[k] == "which" {
				switch {
				case a.low[k-1] == ",":
					j = k - 1
				case a.low[k] == "who" && a.nounHead(k-1):
					j = k - 1
				}
				break
			}
			if a.low[k] == "," {
				break
			}
		}
	}
	if a.low[j] == "," {
		// "A, B, said": B right before the comma, A before the comma that
		// opens the apposition.
		b := a.npBack(j, lo)
		if b >= j || !a.nounHead(j-1) {
			// "X of Y, the agency where Z was working, told"
			if k := a.appositionStart(j, lo); k > lo {
				if c := a.npBack(k, lo); c < k && a.nounHead(k-1) {
					return [2]int{c, k}, alt, from, true
				}
			}
			return np, alt, from, false
		}
		last := [2]int{b, j}
		// Walk back over "X, A, B," as long as each phrase follows a comma
		// (or opens the sentence).
		first := last
		for end := b - 1; end > lo && a.low[end] == ","; {
			c := a.npBack(end, lo)
			if c >= end || !a.nounHead(end-1) {
				break
			}
			if c > lo && a.low[c-1] != "," {
				break // "condemned the strikes, ...": an object, not an apposition
			}
			first = [2]int{c, end}
			end = c - 1
		}
		if first != last {
			return first, last, from, true
		}
		if k := a.appositionStart(j, lo); k > lo {
			if c := a.npBack(k, lo); c < k && a.nounHead(k-1) {
				return [2]int{c, k}, last, from, true
			}
		}
		return last, alt, from, true
	}
	// "Nugoroho today said"
	for j > lo && timeWords[a.low[j]] && !isCap(a.toks[j].Text) && a.isNPWord(j-1) {
		j--
	}
	// "A man who recounted missing the flight told"
	if w := a.relativeStart(j, lo); w > lo {
		if c := a.npBack(w, lo); c < w && a.nounHead(w-1) {
			return [2]int{c, j + 1}, alt, from, true
		}
	}
	s := a.npBack(j+1, lo)
	if s > j || !a.nounHead(j) {
		return np, alt, from, false
	}
	if s-1 > lo && (a.low[s-1] == "quoting" || a.low[s-1] == "citing") {
		if s2 := a.npBack(s-1, lo); s2 < s-1 {
			return [2]int{s2, s - 1}, alt, from, true
		}
	}
	// "Ahmed, Khalaf's brother said": a name opening the sentence.
	if s-1 > lo && a.low[s-1] == "," {
		if c := a.npBack(s-1, lo); c == lo && a.nounHead(s-2) {
			alt = [2]int{c, s - 1}
		}
	}
	return [2]int{s, j + 1}, alt, from, true
}

// appositionStart returns the comma that opens the apposition closed by
// the comma j ("A, B, said"), or -1: no verb or quotation between them.
func (a *article) appositionStart(j, lo int) int {
	relative := false
	for k := j - 1; k >= lo && j-k <= 25; k-- {
		switch {
		case a.inQ[k] >= 0:
			return -1
		case a.low[k] == ",":
			return k
		case a.low[k] == "who" || a.low[k] == "where" || a.low[k] == "which" || a.low[k] == "whose":
			relative = true
		case isFinite(a.toks[k].Tag) && !relative:
			// a verb is allowed only inside a relative clause, which is
			// met later walking back; look ahead for one.
			if !a.relativeBefore(k, lo) {
				return -1
			}
		}
	}
	return -1
}

// relativeBefore reports whether a relative word stands before token k
// within its comma-delimited segment.
func (a *article) relativeBefore(k, lo int) bool {
	for i := k - 1; i >= lo && k-i <= 12; i-- {
		switch a.low[i] {
		case ",":
			return false
		case "who", "where", "which", "whose":
			return true
		}
	}
	return false
}

// relativeStart returns the "who" that opens a relative clause ending at
// token j ("a man who recounted missing the flight"), or -1.
func (a *article) relativeStart(j, lo int) int {
	for k := j; k > lo && j-k <= 10; k-- {
		switch {
		case a.inQ[k] >= 0 || a.low[k] == "," || isPunct(a.toks[k].Text):
			return -1
		case a.low[k] == "who":
			return k
		}
	}
	return -1
}

// participleSubject returns the speaker of a participle cue after a comma
// (", saying ..."): the subject of the main clause, that is of the first
// finite verb of [lo, v) that has one. A verb in a short quotation
// ("\"condemned\" the agitation") counts.
func (a *article) participleSubject(v, lo int) (np, alt [2]int, ok bool) {
	for k := lo; k < v-1; k++ {
		short := a.inQ[k] >= 0 && a.quotes[a.inQ[k]].Words() <= 2
		if a.inQ[k] >= 0 && !short || !isFinite(a.toks[k].Tag) && !(short && isVerbTag(a.toks[k].Tag)) {
			continue
		}
		if np, alt, _, ok := a.subjectOf(k, lo); ok {
			return np, alt, true
		}
	}
	return np, alt, false
}

// isParticiple reports whether cue v is a participle after a comma.
func (a *article) isParticiple(v, lo int) bool {
	if a.toks[v].Tag != "VBG" {
		return false
	}
	j := v - 1
	for j > lo && adverbs[a.low[j]] {
		j--
	}
	return j > lo && (a.low[j] == "," || a.low[j] == "while" || a.low[j] == "whilst")
}

// statementVerb reports whether v issues a statement ("made a statement").
func (a *article) statementVerb(v int) bool {
	switch a.low[v] {
	case "made", "issued", "released", "make", "issue", "release", "makes", "issues", "releases", "put":
	default:
		return false
	}
	for k := v + 1; k < len(a.toks) && k <= v+3; k++ {
		if statementNouns[a.low[k]] {
			return true
		}
	}
	return false
}

// notAdverb lists RB-tagged words that end the search for a speaker.
func notAdverb(l string) bool { return l == "not" || l == "n't" || l == "never" || l == "as" }

func allTime(ws []string) bool {
	for _, w := range ws {
		if !timeWords[w] {
			return false
		}
	}
	return len(ws) > 0
}

// nounHead reports whether token i can head a speaker phrase.
func (a *article) nounHead(i int) bool {
	if i < 0 || i >= len(a.toks) {
		return false
	}
	t := a.toks[i]
	switch t.Tag {
	case "NN", "NNS", "NNP", "NNPS", "PRP", "CD":
		l := a.low[i]
		return !verbLike(l) || isCap(t.Text) || !strings.HasSuffix(l, "ed") && l != "said" && l != "told" && l != "says" && l != "wrote"
	case "JJ":
		l := a.low[i]
		if govNouns[l] || humanNouns[l] || memberNouns[l] || orgNouns[l] || roleHeads[l] {
			return true
		}
	}
	return isCap(t.Text) && hasLetter(t.Text) && !notNPCap[a.low[i]]
}

// isCue reports whether token i is a cue verb outside quotations: a
// reporting verb, or with direct a cue of direct quotes only.
func (a *article) isCue(i int, direct bool) bool {
	if i < 0 || i >= len(a.toks) || a.inQ[i] >= 0 {
		return false
	}
	l := a.low[i]
	base, ok := verbForms[l]
	if !ok && direct {
		base, ok = directOnly[l]
	}
	if !ok {
		return false
	}
	switch {
	case l == "said" || l == "says" || l == "told" || l == "added" || l == "say":
	case isVerbTag(a.toks[i].Tag):
	case i+1 < len(a.toks) && a.low[i+1] == "that" && i > 0 && a.isNPWord(i-1):
		// "Officials estimate that", the tagger's noun
	case verbForms[l] == l && i > 0 && i+1 < len(a.toks) && (a.toks[i-1].Tag == "NNS" || a.toks[i-1].Tag == "NNPS") &&
		a.clauseOpening(i+1):
		// "Early reports claim little damage was done"
	default:
		return false
	}
	if base == "point" && (i+1 >= len(a.toks) || a.low[i+1] != "out") {
		return false
	}
	return true
}

// clauseOpening reports whether token i may open a reported clause.
func (a *article) clauseOpening(i int) bool {
	switch a.toks[i].Tag {
	case "DT", "JJ", "JJS", "CD", "PRP", "NNP", "NNPS", "NN", "NNS", "PRP$", "EX":
		return true
	}
	return false
}

// setCue sets the cue of at to tokens [from, to), extended by the object
// of "told" ("told reporters") and the particle of "pointed out".
func (a *article) setCue(at *attr, from, to int) {
	if to <= from {
		return
	}
	last := to - 1
	switch {
	case verbForms[a.low[last]] == "tell" && last+1 < len(a.toks):
		if e := a.npFwd(last+1, len(a.toks), true); e > last+1 && e-last <= 4 && a.nounHead(e-1) {
			to = e
		}
	case verbForms[a.low[last]] == "point" && last+1 < len(a.toks) && a.low[last+1] == "out":
		to = last + 2
	case a.low[last] == "called" && last+1 < len(a.toks) && (a.low[last+1] == "on" || a.low[last+1] == "for"):
		to = last + 2
	}
	sp := events.Span{Start: a.toks[from].Start, End: a.toks[to-1].End}
	at.cue = a.text[sp.Start:sp.End]
	at.cueSpan = &sp
}

// isBareStatement reports whether [s, e) is "the statement" or the like,
// with no owner named in it.
func (a *article) isBareStatement(s, e int) bool {
	if e <= s || !statementNouns[a.low[e-1]] {
		return false
	}
	for i := s; i < e-1; i++ {
		if isCap(a.toks[i].Text) || a.toks[i].Tag == "POS" {
			return false
		}
	}
	return true
}
