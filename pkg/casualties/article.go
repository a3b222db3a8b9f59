package casualties

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/pkg/ner"
	"github.com/newsdesk/extractor/pkg/numparse"
	"github.com/newsdesk/extractor/pkg/pipeline"
)

// article is the per-article state of the stage.
type article struct {
	s     *Casualties
	d     *pipeline.Document
	text  string
	toks  []ner.Token
	low   []string // lower-case token texts
	names []nameSpan
	cands []cand
	fate  string // the category of figures on board of a lost craft, or ""
}

// nameSpan is a mention of a named person (from the actors stage).
type nameSpan struct {
	start, end int
	name       string
}

// cand is a record before merging.
type cand struct {
	cat, qual       string
	value, max, est *int
	start, end      int // phrase span
	victims         string
	breakdown       []events.Breakdown
	sentence        events.Span
	conf            float64
	name            string   // the named person of a figure of one
	alias           string   // the name's description in an appositive
	partitive       bool     // "nine of the victims"
	persons         []string // surnames of the named persons it counts
	indef           bool     // an indefinite figure of one: "a pilot"
	shot            bool     // hurt by a shooting without outcome: "X was shot"
	definite        bool     // "the four officers": may sum up figures told before
	listed          bool     // one of a list of figures of different people
	nameWords       []string // the words of the person's full name
	short           string   // a one-word mention of the person: "Kim"
}

func newArticle(s *Casualties, d *pipeline.Document) *article {
	a := &article{s: s, d: d, text: d.Text, toks: d.NLP.Tokens}
	a.low = make([]string, len(a.toks))
	for i, t := range a.toks {
		a.low[i] = strings.ToLower(t.Text)
	}
	for _, act := range d.Out.Actors {
		if act.Kind != events.KindPerson {
			continue
		}
		for _, sp := range act.Spans {
			if sp.Start < 0 || sp.End > len(a.text) || sp.Start >= sp.End {
				continue
			}
			r, _ := utf8.DecodeRuneInString(a.text[sp.Start:])
			if !unicode.IsUpper(r) || pronouns[strings.ToLower(a.text[sp.Start:sp.End])] {
				continue
			}
			a.names = append(a.names, nameSpan{sp.Start, sp.End, act.Name})
		}
	}
	slices.SortFunc(a.names, func(x, y nameSpan) int { return x.start - y.start })
	a.fate = a.vesselFate()
	return a
}

var pronouns = map[string]bool{"he": true, "she": true, "him": true, "her": true, "they": true, "it": true, "his": true, "i": true, "we": true}

// mention is a figure in a sentence: a quantity, a singular noun phrase or a
// named person, with the noun phrase that follows it.
type mention struct {
	a, b            int // token range of the quantity (or determiner, or name)
	value, max, est *int
	qual            string
	start           int // byte start of the phrase
	np              nounPhrase
	kind            int // mkNumber, mkSingular, mkName, mkBare
	name            string
	used            bool // consumed by a record or a breakdown
	rec             int  // index in article.cands, or -1
	active          bool // linked as the object of a verb
	stmtEnd         int  // token after the statement of its record
	alias           string
	persons         []string // surnames of names joined to this figure
	listEnd         int      // end of a list of people joined to a number
	harm            bool     // a harm noun without a number: "casualties were reported"
	part            int      // 1 + the record this figure is a part of, or 0
	listed          bool     // one of a list of figures: "five children, four women and two men"
}

const (
	mkNumber = iota
	mkSingular
	mkName
	mkBare
)

// nounPhrase is the noun phrase after a quantity: [a, b) tokens, head the
// head noun or -1.
type nounPhrase struct {
	a, b      int
	head      int
	partitive bool
	cueMod    string // category of a harm modifier ("displaced people")
}

// sent is one sentence being read.
type sent struct {
	a           *article
	first, last int
	span        events.Span
	ms          []*mention
	at          map[int]*mention // first token -> mention
	lastRec     int              // last record of this sentence, or -1
	cue         int              // the cue of the last predicate found
	vanish      bool             // a craft is lost in this sentence
	parts       bool             // the sentence lists kinds of people on board: "Most were Indonesians"
	shot        bool             // the last cue read was a shooting without outcome
	bareAt      int              // the first token of the subject being read
}

func (a *article) sentence(si int) {
	sn := a.d.NLP.Sentences[si]
	if sn.First >= sn.Last {
		return
	}
	st := &sent{a: a, first: sn.First, last: sn.Last, span: events.Span{Start: sn.Start, End: sn.End},
		at: map[int]*mention{}, lastRec: -1}
	if a.fate != "" {
		st.vanish = a.vanishIn(sn.First, sn.Last)
	}
	st.findMentions(sn.End)
	if len(st.ms) == 0 {
		return
	}
	// "20 of the 25 employees": a figure inside a partitive is no figure of
	// its own
	for _, m := range st.ms {
		if m.np.partitive {
			for _, o := range st.ms {
				if o != m && o.a > m.a && o.a < m.np.b {
					o.used = true
				}
			}
		}
	}
	for _, m := range st.ms {
		if !m.used {
			st.link(m)
		}
	}
	st.tolls()
}

func isNoun(tag string) bool { return strings.HasPrefix(tag, "NN") }

func isAdj(tag string) bool { return strings.HasPrefix(tag, "JJ") }

func alnumStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// findMentions collects the figures of the sentence, which ends at byte
// end.
func (st *sent) findMentions(end int) {
	a := st.a
	prefix := a.text[:end]
	nameAt := 0
	for k := st.first; k < st.last; k++ {
		t := a.toks[k]
		if !alnumStart(t.Text) {
			continue
		}
		// A named person.
		for nameAt < len(a.names) && a.names[nameAt].start < t.Start {
			nameAt++
		}
		if nameAt < len(a.names) && a.names[nameAt].start == t.Start {
			ns := a.names[nameAt]
			b := k
			for b < st.last && a.toks[b].End <= ns.end {
				b++
			}
			if b > k {
				st.add(&mention{a: k, b: b, value: intp(1), qual: events.QualExact, start: t.Start,
					np: nounPhrase{a: b, b: b, head: b - 1}, kind: mkName, name: ns.name})
				k = b - 1
				continue
			}
		}
		var n numparse.Number
		isNum := false
		if a.canStart(k) {
			n, isNum = numparse.Parse(prefix, t.Start)
		}
		if e := st.nameRun(k); e > 0 && !isNum {
			st.add(&mention{a: k, b: e, value: intp(1), qual: events.QualExact, start: t.Start,
				np: nounPhrase{a: e, b: e, head: e - 1}, kind: mkName, name: a.text[t.Start:a.toks[e-1].End]})
			k = e - 1
			continue
		}
		if isNum {
			b := st.tokenEnd(k, n.End)
			if b < 0 {
				continue // the figure ends inside a token: "25-man", "24-year-old"
			}
			if n.Qualifier == numparse.Range && k > st.first && a.low[k-1] == "from" {
				// "risen from four to eleven" is two figures.
				if n1, ok := numparse.ParseOpts(prefix, t.Start, numparse.Options{NoRange: true}); ok {
					if b1 := st.tokenEnd(k, n1.End); b1 > 0 {
						n, b = n1, b1
					}
				}
			}
			m := &mention{a: k, b: b, value: n.Value, max: n.Max, est: n.Estimate, qual: n.Qualifier,
				start: n.Start, kind: mkNumber}
			m.np = st.nounPhrase(b)
			if st.figure(m) {
				st.add(m)
			}
			k = b - 1
			continue
		}
		switch a.low[k] {
		case "a", "an", "another", "the", "his", "her", "their", "my", "our":
			np := st.nounPhrase(k + 1)
			if np.head >= 0 && !np.partitive && a.toks[np.head].Tag != "NNS" && a.toks[np.head].Tag != "NNPS" &&
				personNouns[a.low[np.head]] && !plural(a.low[np.head]) && !st.negated(k) {
				if collective[a.low[np.head]] {
					// "a French family was murdered": people, no number
					st.add(&mention{a: k, b: k + 1, qual: events.QualUnspecified, start: t.Start, np: np, kind: mkBare})
					break
				}
				st.add(&mention{a: k, b: k + 1, value: intp(1), qual: events.QualExact, start: t.Start, np: np, kind: mkSingular})
				break
			}
			// "one of the pilots escaped but the other was killed"
			if a.low[k] == "the" && k+2 < st.last && a.low[k+1] == "other" && aux[a.low[k+2]] {
				st.add(&mention{a: k, b: k + 1, value: intp(1), qual: events.QualExact, start: t.Start,
					np: nounPhrase{a: k + 1, b: k + 2, head: -1}, kind: mkSingular})
			}
		case "most":
			// "Most were Indonesians" on a lost plane
			if a.fate != "" && (k == st.first || a.low[k-1] == ",") {
				m := &mention{a: k, b: k + 1, qual: events.QualVague, start: t.Start, kind: mkNumber}
				m.np = st.nounPhrase(k + 1)
				st.add(m)
			}
		case "some":
			if k+1 < st.last && a.low[k+1] == "of" {
				m := &mention{a: k, b: k + 1, qual: events.QualVague, est: intp(10), start: t.Start, kind: mkNumber}
				m.np = st.nounPhrase(k + 1)
				st.add(m)
			}
		case "entire", "whole":
			// "almost the entire population (of 10,600) was displaced"
			if k+1 >= st.last || a.low[k+1] != "population" {
				break
			}
			s, near := k, false
			if s > st.first && a.low[s-1] == "the" {
				s--
			}
			if s > st.first && (a.low[s-1] == "almost" || a.low[s-1] == "nearly" || a.low[s-1] == "virtually") {
				s--
				near = true
			}
			m := &mention{a: s, b: k + 2, qual: events.QualVague, start: a.toks[s].Start, kind: mkNumber,
				np: nounPhrase{a: k + 1, b: k + 2, head: k + 1}}
			if k+3 < st.last && a.low[k+2] == "of" {
				if n, ok := numparse.Parse(prefix, a.toks[k+3].Start); ok && n.Value != nil && n.Max == nil {
					if e := st.tokenEnd(k+3, n.End); e > 0 {
						m.value, m.qual, m.np.b, m.b = n.Value, n.Qualifier, e, e
						if near && n.Qualifier == numparse.Exact {
							m.qual = events.QualUpTo
						}
					}
				}
			}
			st.add(m)
			k = m.b - 1
		case "casualties", "deaths", "fatalities", "injuries":
			// "casualties were reported": harm without any number
			if (k == st.first || !negators[a.low[k-1]] && a.toks[k-1].Tag != "CD" && !isAdj(a.toks[k-1].Tag)) &&
				(k-2 < st.first || !negators[a.low[k-2]]) && (k-3 < st.first || !negators[a.low[k-3]]) &&
				k+2 < st.last && (a.low[k+1] == "were" || a.low[k+1] == "have" || a.low[k+1] == "had") {
				i := k + 1
				for i < st.last && (aux[a.low[i]] || a.toks[i].Tag == "RB") && a.low[i] != "reported" {
					i++
				}
				if i < st.last && (a.low[i] == "reported" || a.low[i] == "confirmed") {
					st.add(&mention{a: k, b: k + 1, qual: events.QualUnspecified, start: t.Start,
						np: nounPhrase{a: k, b: k + 1, head: k}, kind: mkBare, harm: true})
					break
				}
			}
			if s := st.harmNounStart(k); s >= 0 {
				// "caused casualties", "the injuries that occurred"
				st.add(&mention{a: k, b: k + 1, qual: events.QualUnspecified, start: a.toks[s].Start,
					np: nounPhrase{a: k, b: k + 1, head: k}, kind: mkBare, harm: true})
			}
		default:
			if m := st.harmModified(prefix, k); m != nil {
				// "freshly displaced people", "the wounded", "the bodies
				// of their dead mothers"
				st.add(m)
				k = max(m.np.b, m.b) - 1
				break
			}
			if st.bareStart(k) {
				np := st.nounPhrase(k)
				if np.head >= 0 && plural(a.low[np.head]) && (personNouns[a.low[np.head]] || demonymPlural(a.toks[np.head])) &&
					!st.quantityIn(prefix, k, np.b) {
					st.add(&mention{a: k, b: k, qual: events.QualUnspecified, start: t.Start, np: np, kind: mkBare})
					k = np.b - 1
				}
			}
		}
	}
}

// harmVerbs take a harm noun without a number as their object: "caused
// casualties", "suffered injuries".
var harmVerbs = map[string]bool{
	"caused": true, "causing": true, "inflicted": true, "inflicting": true, "suffered": true,
	"suffering": true, "sustained": true, "sustaining": true, "reported": true, "reporting": true,
	"in": true, // "resulted in casualties"
}

// harmNounStart reports a harm noun at k with no number that states harm
// on its own: the object of a harm verb ("caused heavy casualties") or the
// subject of "occurred" ("the injuries that occurred"). It returns the
// first token of the phrase, or -1.
func (st *sent) harmNounStart(k int) int {
	a := st.a
	s := k
	for s > st.first && s > k-3 {
		switch a.low[s-1] {
		case "the", "heavy", "serious", "severe", "civilian", "minor", "grave", "critical", "fatal":
			s--
			continue
		}
		break
	}
	for i := s - 1; i >= st.first && i >= s-4; i-- {
		if negators[a.low[i]] || hypothetical[a.low[i]] {
			return -1
		}
	}
	if s > st.first && a.toks[s-1].Tag == "CD" {
		return -1
	}
	if s > st.first && harmVerbs[a.low[s-1]] {
		if a.low[s-1] != "in" || s-2 >= st.first && (a.low[s-2] == "resulted" || a.low[s-2] == "resulting") {
			return s
		}
	}
	if k+2 < st.last && (a.low[k+1] == "that" || a.low[k+1] == "which") &&
		(a.low[k+2] == "occurred" || a.low[k+2] == "were" && k+3 < st.last && (a.low[k+3] == "sustained" || a.low[k+3] == "suffered" || a.low[k+3] == "caused")) {
		return s
	}
	return -1
}

// harmModified reads an unquantified group of people that a harm word
// modifies, starting at token k: "freshly displaced people", "the injured
// crew", "the wounded" (as a noun), "their dead mothers". The mention's
// np.cueMod holds the harm.
func (st *sent) harmModified(prefix string, k int) *mention {
	a := st.a
	s := k
	i := k
	if a.toks[i].Tag == "RB" && strings.HasSuffix(a.low[i], "ly") && i+1 < st.last {
		i++ // "freshly displaced"
	}
	cat, ok := passiveCues[a.low[i]]
	if !ok || a.low[i] == "die" || a.low[i] == "dies" || a.low[i] == "died" || a.low[i] == "fled" ||
		a.low[i] == "hurt" || a.low[i] == "seized" || a.low[i] == "left" {
		return nil
	}
	if s > st.first {
		p := a.low[s-1]
		if a.toks[s-1].Tag == "CD" || st.at[s-1] != nil || negators[p] || aux[p] && !(p == "left") || isNoun(a.toks[s-1].Tag) ||
			p == "of" && (i == s) && !(s-2 >= st.first && ofNounCues[a.low[s-2]] != "") {
			return nil
		}
		if isAdj(a.toks[s-1].Tag) || a.toks[s-1].Tag == "RB" {
			return nil
		}
	}
	next := ""
	if i+1 < st.last {
		next = a.low[i+1]
	}
	// "the wounded", "the injured" as nouns
	if (a.low[i] == "wounded" || a.low[i] == "injured") && s > st.first && a.low[s-1] == "the" &&
		(i+1 >= st.last || !isNoun(a.toks[i+1].Tag) && !isAdj(a.toks[i+1].Tag) && next != "of" && next != "and") &&
		(s-2 < st.first || a.low[s-2] != "of" && a.low[s-2] != "among" && a.low[s-2] != "amongst" && a.low[s-2] != "for") {
		return &mention{a: s - 1, b: i + 1, qual: events.QualUnspecified, start: a.toks[s-1].Start, kind: mkBare,
			np: nounPhrase{a: i, b: i + 1, head: i, cueMod: cat}}
	}
	np := st.simpleNP(i + 1)
	if np.head < 0 || np.a != i+1 || !plural(a.low[np.head]) || !(personNouns[a.low[np.head]] || demonymPlural(a.toks[np.head])) ||
		st.quantityIn(prefix, i+1, np.b) || np.head+1 < st.last && a.low[np.head+1] == "of" {
		return nil
	}
	if collective[a.low[np.head]] && a.low[np.head] != "crew" {
		return nil
	}
	return &mention{a: s, b: s, qual: events.QualUnspecified, start: a.toks[s].Start, kind: mkBare,
		np: nounPhrase{a: s, b: np.b, head: np.head, cueMod: cat}}
}

// canStart is a cheap test whether a quantity phrase may start at token k:
// a digit, or a first word that opens one ("at", "twenty", "dozens").
func (a *article) canStart(k int) bool {
	w := a.low[k]
	if w == "" {
		return false
	}
	if w[0] >= '0' && w[0] <= '9' {
		return true
	}
	e := 0
	for e < len(w) && w[e] >= 'a' && w[e] <= 'z' {
		e++
	}
	if e == len(w) && a.toks[k].End < len(a.text) && alnumStart(a.text[a.toks[k].End:]) {
		return numparse.CanStart(a.text, a.toks[k].Start) // the word goes on past the token
	}
	if e < len(w) && w[e] >= 0x80 {
		return numparse.CanStart(a.text, a.toks[k].Start)
	}
	return numparse.Opener(w[:e])
}

// quantityIn reports a quantity word among tokens [k, e).
func (st *sent) quantityIn(prefix string, k, e int) bool {
	for i := k; i < e; i++ {
		if st.a.canStart(i) {
			if _, ok := numparse.Parse(prefix, st.a.toks[i].Start); ok {
				return true
			}
		}
	}
	return false
}

// tokenEnd returns the index after the last token of a figure that starts
// at token k and ends at byte end, or -1 when end falls inside a token.
func (st *sent) tokenEnd(k, end int) int {
	b := k
	for b < st.last && st.a.toks[b].End <= end {
		b++
	}
	if b == k || (b < st.last && st.a.toks[b].Start < end) {
		return -1
	}
	return b
}

func (st *sent) add(m *mention) {
	m.rec = -1
	st.ms = append(st.ms, m)
	st.at[m.a] = m
}

func intp(v int) *int { return &v }

func plural(w string) bool {
	switch w {
	case "people", "children", "women", "men", "police", "crew", "staff", "personnel", "troops", "policemen",
		"gunmen", "servicemen", "militiamen", "fishermen", "crewmen", "elderly", "population", "family":
		return true
	}
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

// demonymPlural reports a capitalised plural like "Iraqis", "Kikuyus".
func demonymPlural(t ner.Token) bool {
	return (t.Tag == "NNPS" || t.Tag == "NNS") && capitalised(t.Text) && strings.HasSuffix(t.Text, "s")
}

// bareStart reports whether an unquantified noun phrase starts at k: a
// word after nothing that quantifies it ("terrorists were killed").
func (st *sent) bareStart(k int) bool {
	a := st.a
	tag := a.toks[k].Tag
	if !isNoun(tag) && !isAdj(tag) {
		return false
	}
	if k == st.first {
		return true
	}
	p := a.low[k-1]
	ptag := a.toks[k-1].Tag
	if isNoun(ptag) || isAdj(ptag) || ptag == "CD" || ptag == "POS" || negators[p] {
		return false
	}
	// "the bodies of (the) civilians"
	ofNoun := func(i int) bool {
		return i >= st.first && a.low[i] == "of" && i > st.first && ofNounCues[a.low[i-1]] != ""
	}
	switch p {
	case "of":
		return ofNoun(k-1) || k-2 >= st.first && a.low[k-2] == "number" // "the number of people fleeing"
	case "his", "her", "their", "our", "its":
		return ofNoun(k - 2)
	case "some", "all", "most", "few", "both", "each", "every", "any", "those", "these", "many", "several",
		"a", "an", "another", "no", "other", "more":
		return false
	case "the":
		if k-1 > st.first && a.low[k-2] == "of" && !ofNoun(k-2) {
			return false // "either of the journalists": a part of a figure
		}
	}
	return true
}

// collective nouns name a group: "a family" is no figure of one.
var collective = map[string]bool{
	"family": true, "crew": true, "group": true, "population": true, "staff": true, "team": true,
	"couple": true, "household": true, "community": true, "delegation": true, "convoy": true,
}

// negated reports a negator right before token k ("no one", "not a").
func (st *sent) negated(k int) bool {
	return k > st.first && negators[st.a.low[k-1]]
}

// stopWords end a noun phrase.
var stopWords = map[string]bool{
	"yesterday": true, "today": true, "tonight": true, "overnight": true, "monday": true, "tuesday": true,
	"wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true, "last": true,
	"this": true, "earlier": true, "later": true, "ago": true, "who": true, "which": true, "that": true,
	"were": true, "was": true, "are": true, "is": true, "have": true, "has": true, "had": true,
	"remain": true, "remained": true, "remains": true, "died": true, "including": true,
	"onboard": true, "aboard": true,
}

// nounPhrase reads the noun phrase that starts at token j: "foreign
// nationals", "more bodies", "of the victims", "US Air Force (USAF) men".
func (st *sent) nounPhrase(j int) nounPhrase {
	a := st.a
	p := nounPhrase{a: j, b: j, head: -1}
	if j >= st.last {
		return p
	}
	if a.low[j] == "of" && j+1 < st.last {
		k := j + 1
		switch a.low[k] {
		case "them", "those", "whom", "these", "us":
			return nounPhrase{a: j, b: k + 1, head: k, partitive: true}
		case "the", "their", "his", "her", "its", "our":
			k++
		}
		if k < st.last {
			switch a.low[k] {
			case "dead", "injured", "wounded", "missing", "victims", "deceased", "casualties", "hostages":
				return nounPhrase{a: j, b: k + 1, head: k, partitive: true}
			}
			// "20 of the 25 employees": the whole is no figure of its own
			for k < st.last && a.toks[k].Tag == "CD" {
				k++
			}
		}
		inner := st.simpleNP(k)
		if inner.head < 0 {
			return p
		}
		// "nine of the victims" is a part; "dozens of civilians" is not
		inner.a, inner.partitive = j, k > j+1
		return inner
	}
	return st.simpleNP(j)
}

// simpleNP reads modifiers and a head noun from j.
func (st *sent) simpleNP(j int) nounPhrase {
	a := st.a
	p := nounPhrase{a: j, b: j, head: -1}
	k := j
	for k < st.last {
		switch a.low[k] {
		case "more", "other", "additional", "further", "extra":
			k++
			continue
		}
		break
	}
	p.b = k // "seven more" has no head but covers "more"
	if k < st.last && a.low[k] == "others" {
		return nounPhrase{a: j, b: k + 1, head: k}
	}
	n := 0
	for k < st.last && n < 8 {
		w, tag := a.low[k], a.toks[k].Tag
		next := ""
		if k+1 < st.last {
			next = a.toks[k+1].Tag
		}
		if stopWords[w] || tag == "CD" || w == "dozen" || !alnumStart(w) && w != "(" && tag != "POS" {
			break
		}
		if personNouns[w] && isAdj(tag) && !strings.HasSuffix(w, "ed") {
			tag = "NN" // "an individual", tagged JJ
		}
		if p.head >= 0 && personNouns[a.low[p.head]] && isNoun(tag) && strings.HasSuffix(w, "ed") {
			break // "an individual suspected of", "suspected" tagged NN
		}
		if p.head >= 0 && personNouns[a.low[p.head]] && strings.HasSuffix(w, "ing") {
			break // "people fleeing violence"
		}
		if cat, ok := passiveCues[w]; ok {
			if !isNoun(next) || st.at[k+1] != nil {
				break
			}
			p.cueMod = cat
		} else if tag == "POS" {
			if p.head < 0 {
				break
			}
		} else if w == "(" {
			e := k + 1
			for e < st.last && e < k+6 && a.low[e] != ")" {
				e++
			}
			if e >= st.last || a.low[e] != ")" {
				break
			}
			k = e + 1
			n++
			continue
		} else if isNoun(tag) || personNouns[w] && tag != "DT" && tag != "IN" {
			if k > j && !capitalised(a.toks[k].Text) && capitalised(a.toks[k-1].Text) && p.head == k-1 && a.toks[k-1].Tag == "NNP" && months[a.low[k-1]] {
				break
			}
			p.head = k
		} else if isAdj(tag) || ((tag == "VBN" || tag == "VBG") && (isNoun(next) || strings.HasPrefix(next, "JJ"))) || tag == "HYPH" ||
			tag == "RB" && strings.HasSuffix(w, "ly") && (next == "VBN" || isAdj(next)) {
			// "internally displaced people"
			// modifier
		} else {
			break
		}
		k++
		n++
	}
	if p.head >= 0 {
		p.b = p.head + 1
	}
	return p
}

// nameStop are words that make a capitalised run something other than a
// person's name.
var nameStop = map[string]bool{
	"ministry": true, "police": true, "army": true, "forces": true, "force": true, "party": true, "council": true,
	"union": true, "republic": true, "province": true, "university": true, "hospital": true, "airport": true,
	"news": true, "times": true, "street": true, "road": true, "government": true, "agency": true,
	"authority": true, "committee": true, "court": true, "department": true, "office": true, "bank": true,
	"company": true, "airlines": true, "airways": true, "front": true, "center": true, "centre": true,
	"media": true, "international": true, "national": true, "united": true, "states": true, "kingdom": true,
	"nations": true, "organization": true, "organisation": true, "association": true, "group": true,
	"corporation": true, "inc": true, "ltd": true, "club": true, "school": true, "college": true,
	"institute": true, "foundation": true, "embassy": true, "mosque": true, "church": true, "temple": true,
	"bridge": true, "river": true, "lake": true, "sea": true, "ocean": true, "mountains": true, "island": true,
	"islands": true, "valley": true, "desert": true, "city": true, "county": true, "district": true,
	"region": true, "north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "central": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true, "sunday": true, "al-qaida": true, "al-qaeda": true,
	"taliban": true, "council's": true, "service": true, "services": true, "guard": true, "corps": true,
	"command": true, "network": true, "press": true, "post": true, "tv": true, "television": true, "radio": true,
	"reuters": true, "associated": true, "agence": true, "bbc": true, "cnn": true, "al": true, "the": true,
	"state": true, "security": true, "military": true, "navy": true, "air": true, "coast": true, "border": true,
	"red": true, "cross": true, "crescent": true, "mission": true, "operation": true, "world": true, "war": true,
	"day": true, "cup": true, "games": true, "olympic": true, "olympics": true, "airline": true, "flight": true,
	"god": true, "allah": true, "christmas": true, "prize": true, "award": true, "act": true, "law": true,
}

// sentenceWords are capitalised at the start of a sentence but are no name.
var sentenceWords = map[string]bool{
	"though": true, "although": true, "but": true, "and": true, "when": true, "while": true, "after": true,
	"before": true, "if": true, "as": true, "since": true, "because": true, "meanwhile": true, "however": true,
	"also": true, "then": true, "in": true, "on": true, "at": true, "this": true, "that": true, "there": true,
	"here": true, "his": true, "her": true, "their": true, "its": true, "our": true, "we": true, "they": true,
	"he": true, "she": true, "it": true, "yet": true, "so": true, "even": true, "unlike": true, "like": true,
	"with": true, "without": true, "for": true, "from": true, "by": true, "during": true, "until": true,
	"local": true, "police": true, "officials": true, "authorities": true, "reports": true, "witnesses": true,
}

// nameRun returns the end token of a run of capitalised proper nouns from
// k that looks like a person's name ("Arthur Mutambara", "Osama bin
// Laden"), or -1. Runs that overlap a location or a non-person actor are no
// names.
func (st *sent) nameRun(k int) int {
	a := st.a
	if k == st.first || a.toks[k-1].Tag == "``" || a.low[k-1] == "\"" {
		if sentenceWords[a.low[k]] {
			return -1
		}
	}
	if k > st.first && (a.low[k-1] == "the" || a.toks[k-1].Tag == "POS") {
		return -1 // "the Daily Egyptian", "Iran's Kalameh Sabz"
	}
	e := k
	words := 0
	for e < st.last && e < k+5 {
		t := a.toks[e]
		if t.Tag == "NNP" && capitalised(t.Text) && alnumStart(t.Text) && !strings.HasSuffix(t.Text, ".") {
			if nameStop[a.low[e]] || months[a.low[e]] {
				return -1
			}
			words++
			e++
			continue
		}
		if words > 0 && e+1 < st.last && a.toks[e+1].Tag == "NNP" {
			switch a.low[e] {
			case "bin", "ibn", "de", "da", "van", "von", "al", "el", "abu", "abd", "del", "der", "di", "le":
				e++
				continue
			}
		}
		break
	}
	if words < 2 {
		return -1
	}
	if e < st.last && (a.toks[e].Tag == "NNP" || a.toks[e].Tag == "NNPS") {
		return -1
	}
	sp := events.Span{Start: a.toks[k].Start, End: a.toks[e-1].End}
	for _, l := range a.d.Out.Locations {
		for _, ls := range l.Spans {
			if ls.Overlaps(sp) {
				return -1
			}
		}
	}
	for _, act := range a.d.Out.Actors {
		if act.Kind == events.KindPerson {
			continue
		}
		for _, as := range act.Spans {
			if as.Overlaps(sp) {
				return -1
			}
		}
	}
	return e
}

// figure filters numeric mentions that are not counts of people: zero,
// years, dates, times, money, measures, labels, ages.
func (st *sent) figure(m *mention) bool {
	a := st.a
	if m.value != nil && *m.value == 0 {
		return false
	}
	if m.value == nil && m.a > st.first {
		switch a.low[m.a-1] {
		case "so", "how", "too", "as", "very", "not":
			return false // "so many people", "how many"
		}
	}
	tok := a.toks[m.a]
	prev, prevTag := "", ""
	if m.a > st.first {
		prev, prevTag = a.low[m.a-1], a.toks[m.a-1].Tag
	}
	next := ""
	if m.b < st.last {
		next = a.low[m.b]
	}
	// year: four plain digits
	numTok := a.toks[m.b-1]
	if m.value != nil && m.max == nil && len(numTok.Text) == 4 && isDigits(numTok.Text) && *m.value >= 1800 && *m.value <= 2100 {
		if m.np.head < 0 || !personNouns[a.low[m.np.head]] {
			return false
		}
	}
	if m.max != nil && *m.value >= 1800 && *m.max <= 2100 && *m.max > 1800 {
		return false
	}
	if months[prev] && capitalised(a.toks[m.a-1].Text) || months[next] && m.b < st.last && capitalised(a.toks[m.b].Text) {
		return false
	}
	switch prev {
	case "$", "£", "€", "¥", "us$", "rs", "rs.", "usd", "no.", "no", "number", "flight", "route", "resolution",
		"article", "chapter", "section", "page", "room", "highway", "gate", "level", "phase", "grade",
		"category", "version", "model", "round", "stage", "act", "item", "point", "aged", "age", "ages",
		"magnitude", "minus", "plus", "channel", "line", "platform", "terminal", "bus", "car", "unit",
		"zone", "sector", "block", "building", "floor", "exit", "km", "mile", "kilometre", "kilometer", "top",
		"under-", "x", "vs", "vs.", "v", "score", "scored", "by":
		return false
	}
	if (prevTag == "NNP" || prevTag == "NNPS") && alnumStart(prev) && m.start == tok.Start && isDigits(strings.ReplaceAll(tok.Text, ",", "")) {
		return false // "Flight 17", "Boeing 737"
	}
	for i := m.a - 1; i >= st.first && i >= m.a-3; i-- {
		if a.low[i] == "aged" || a.low[i] == "ages" {
			return false // "aged 22 and 23"
		}
	}
	if badHeads[next] || strings.HasPrefix(next, "%") || next == "-" {
		return false
	}
	if m.np.head >= 0 && badHeads[a.low[m.np.head]] {
		return false
	}
	// ages: "Arid Uka, 22, killed"
	if prev == "," && (next == "," || next == "." && m.b+1 >= st.last) && m.a-2 >= st.first && a.toks[m.a-2].Tag == "NNP" && m.value != nil && *m.value < 120 {
		return false
	}
	// o'clock and units glued as the next token
	if next == "am" || next == "pm" || next == "a.m." || next == "p.m." {
		return false
	}
	return true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
