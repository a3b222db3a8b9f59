// Package casualties is the casualties extraction stage: it finds the
// figures of people killed, injured, missing, kidnapped, arrested or
// displaced that an article reports (GUIDELINES "Casualties") and writes them
// to Document.Out.Casualties.
//
// The stage works on the tagged tokens of each sentence. Figures come from
// numparse (digits, number words, ranges, qualifiers, vague quantities),
// from singular noun phrases ("a soldier", "an eight-year-old girl"), from
// named persons and from groups without a number ("terrorists", "the
// wounded", "freshly displaced people"). A figure becomes a record when a
// cue links it to a category: a verb before it ("killing at least nine
// people", "shot a Palestinian man"), a predicate after its noun phrase ("12
// were killed", "one soldier died", "45 people dead", "X, kidnapped on
// August 11,"), an inverted predicate ("Also killed was X", "Among the dead
// were ..."), a harm noun as its head ("45 deaths") or before it ("the
// bodies of their dead mothers", "Baby P's death"), a toll ("the death toll
// rose to 25", "the number of homeless has grown to 300,000"), or
// coordination with a linked figure. People on board a craft that the
// article reports lost take its fate (missing, killed, or kidnapped by
// pirates). Parts that the same sentence gives of a total become its
// breakdown. Every record carries byte offsets into the article text,
// which is never modified.
package casualties

import (
	"context"
	"slices"
	"strings"
	"unicode"

	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/pkg/pipeline"
)

// Options configure the stage. The zero value is the default.
type Options struct {
	// NoUnspecified drops records without any quantity ("terrorists were
	// killed"), which are the least reliable.
	NoUnspecified bool
}

// Casualties is the casualties stage. It is safe for concurrent use.
type Casualties struct {
	opts Options
}

var _ pipeline.Stage = (*Casualties)(nil)

// New returns the stage.
func New(opts Options) *Casualties { return &Casualties{opts: opts} }

// Name implements pipeline.Stage.
func (*Casualties) Name() string { return "casualties" }

// Process implements pipeline.Stage. It needs Document.NLP; without it the
// stage records a problem and adds nothing. It reads Document.Out.Quotes and
// Document.Out.Actors when earlier stages filled them.
func (s *Casualties) Process(ctx context.Context, d *pipeline.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if d.NLP == nil {
		d.Problemf("casualties: no NLP analysis")
		return nil
	}
	a := newArticle(s, d)
	for si := range d.NLP.Sentences {
		a.sentence(si)
	}
	out := a.merge()
	pl := newPlacer(d)
	for i := range out {
		a.attribute(&out[i])
		out[i].Place = pl.place(&out[i])
		out[i].PublishedAt = d.Article.PublishedAt
	}
	if d.Out.Casualties == nil {
		d.Out.Casualties = []events.Casualty{}
	}
	d.Out.Casualties = append(d.Out.Casualties, out...)
	return nil
}

// merge folds records of the same figure into one (extra spans) and returns
// them in the order they were found. Figures are the same when category and
// numbers agree and their qualifiers do not contradict (a plain figure
// restates "at least" or "about" the same number, not "over" or "nearly").
// A figure of one merges only with the same victims, and an indefinite one
// ("a pilot was killed") never with another indefinite one; named persons
// merge on the surname. Figures of a list ("five children, four women and
// two men") merge only with the same victims. A record without any number
// is left out when a counted figure of its harm names the same victims
// (it restates that figure); so are "X was shot" records of persons the
// article says were killed, and figures that a later definite figure sums
// up ("the four officers").
func (a *article) merge() []events.Casualty {
	var out []events.Casualty
	var aliases []string   // per out record
	var partitive []bool   // per out record
	var indef []bool       // per out record: an indefinite figure of one
	var listed []bool      // per out record: one of a list of figures
	var names [][]string   // per out record: the words of the person's name
	var persons [][]string // per out record: surnames of the named persons
	index := map[string][]int{}
	counted := map[string][][]string{} // per category: victim words of the counted figures
	for _, c := range a.cands {
		if c.qual != events.QualUnspecified {
			counted[c.cat] = append(counted[c.cat], victimWords(c.victims))
		}
	}
	absorbed := a.sums()
	dead := map[string]bool{} // surnames of the persons killed
	for _, c := range a.cands {
		if c.cat == events.Killed {
			for _, p := range c.persons {
				dead[p] = true
			}
		}
	}
	for ci, c := range a.cands {
		if absorbed[ci] {
			continue
		}
		if c.shot && len(c.persons) > 0 && dead[c.persons[0]] {
			continue // "X was shot" of someone the article says was killed
		}
		// "terrorists were killed" stands unless a counted figure of that
		// harm names the same victims: then it restates that figure.
		if c.qual == events.QualUnspecified && (a.s.opts.NoUnspecified || restates(victimWords(c.victims), counted[c.cat])) {
			continue
		}
		key := c.key()
		merged := false
		for _, i := range index[key] {
			r := &out[i]
			if r.Qualifier != c.qual && !restatedQual(r.Qualifier, c.qual) {
				continue // "over 50" and "50" are different figures
			}
			if c.indef && indef[i] {
				continue // "a pilot was killed" twice is two pilots
			}
			if c.value != nil && *c.value <= 3 && distinctVictims(r.Victims, c.victims) {
				continue // "two soldiers", later "two captors"
			}
			if (c.listed || listed[i]) && lastWord(r.Victims) != lastWord(c.victims) {
				continue // "four people", later "five children, four women and two men"
			}
			if c.partitive != partitive[i] {
				continue // "at least seventeen of the dead" is a part of a figure
			}
			r.Spans = append(r.Spans, events.Span{Start: c.start, End: c.end})
			if len(r.Breakdown) == 0 && len(c.breakdown) > 0 {
				r.Breakdown = c.breakdown
			}
			if c.conf > r.Confidence {
				r.Confidence = c.conf
			}
			merged = true
			break
		}
		if !merged && c.value != nil && *c.value == 1 {
			// "a Turkish employee was arrested" ... "Metin Topuz, a
			// Turkish employee at the embassy, was arrested"; "one
			// journalist, Munir Shakir" ... "Shakir"
			for i := range out {
				r := &out[i]
				if r.Category == c.cat && r.Count != nil && (*r.Count == 1 &&
					(c.alias != "" && c.alias == r.Victims || aliases[i] != "" && aliases[i] == c.victims) ||
					c.name != "" && slices.Contains(persons[i], surname(c.name)) ||
					c.short != "" && slices.Contains(names[i], c.short)) {
					r.Spans = append(r.Spans, events.Span{Start: c.start, End: c.end})
					merged = true
					break
				}
			}
		}
		if merged {
			continue
		}
		aliases = append(aliases, c.alias)
		persons = append(persons, c.persons)
		partitive = append(partitive, c.partitive)
		indef = append(indef, c.indef)
		listed = append(listed, c.listed)
		names = append(names, c.nameWords)
		index[key] = append(index[key], len(out))
		sp := events.Span{Start: c.start, End: c.end}
		bd := c.breakdown
		if bd == nil {
			bd = []events.Breakdown{}
		}
		out = append(out, events.Casualty{
			Category:   c.cat,
			Count:      c.value,
			CountMax:   c.max,
			Qualifier:  c.qual,
			Phrase:     a.text[c.start:c.end],
			Victims:    c.victims,
			Breakdown:  bd,
			Estimate:   c.est,
			Span:       sp,
			Spans:      []events.Span{sp},
			Sentence:   c.sentence,
			Confidence: c.conf,
		})
	}
	return out
}

// sums finds definite figures that sum up figures told just before ("two
// colonels and two lieutenants" were arrested; "the four officers were
// arrested"): those become the breakdown of the definite figure, which
// states the same people again. It returns the absorbed candidates.
func (a *article) sums() map[int]bool {
	var out map[int]bool
	for i := range a.cands {
		c := &a.cands[i]
		if !c.definite || c.value == nil || c.max != nil || c.qual != events.QualExact || len(c.breakdown) > 0 {
			continue
		}
		// the parts: exact figures of the same harm in one earlier
		// sentence, at most four sentences back
		for j := i - 1; j >= 0; j-- {
			p := a.cands[j]
			if p.sentence == c.sentence || p.cat != c.cat {
				continue
			}
			if a.sentencesBetween(p.sentence, c.sentence) > 3 {
				break
			}
			var parts []int
			sum := 0
			for k := j; k >= 0 && a.cands[k].sentence == p.sentence; k-- {
				q := a.cands[k]
				if q.cat == c.cat && q.value != nil && q.qual == events.QualExact && q.max == nil && len(q.breakdown) == 0 {
					parts = append(parts, k)
					sum += *q.value
				}
			}
			if len(parts) >= 2 && sum == *c.value {
				if out == nil {
					out = map[int]bool{}
				}
				slices.Reverse(parts)
				for _, k := range parts {
					out[k] = true
					c.breakdown = append(c.breakdown, events.Breakdown{Group: a.cands[k].victims, Count: *a.cands[k].value})
				}
			}
			break
		}
	}
	return out
}

// sentencesBetween counts the sentences that lie between spans x and y.
func (a *article) sentencesBetween(x, y events.Span) int {
	n := 0
	for _, sn := range a.d.NLP.Sentences {
		if sn.Start >= x.End && sn.End <= y.Start {
			n++
		}
	}
	return n
}

// restatedQual reports whether a figure with qualifier p may restate one
// with qualifier q: a plain figure restates "at least" or "about" the same
// number.
func restatedQual(p, q string) bool {
	if q == events.QualExact {
		p, q = q, p
	}
	return p == events.QualExact && (q == events.QualAtLeast || q == events.QualAbout)
}

// key identifies the figure of a candidate for merging.
func (c *cand) key() string {
	var b strings.Builder
	b.WriteString(c.cat)
	b.WriteByte('|')
	switch {
	case c.value == nil:
		b.WriteString(c.qual)
		b.WriteByte('|')
		if c.qual == events.QualUnspecified {
			b.WriteString(c.victims) // "people" and "displaced people" differ
		} else {
			b.WriteString(lastWord(c.victims))
		}
		if c.est != nil {
			// "many" and "hundreds of thousands" are different figures
			b.WriteByte('~')
			b.WriteString(itoa(*c.est))
		}
	default:
		b.WriteString(itoa(*c.value))
		if c.max != nil {
			b.WriteByte('-')
			b.WriteString(itoa(*c.max))
		}
		switch {
		case c.name != "":
			b.WriteByte('|')
			b.WriteString(lastWord(strings.ToLower(c.name)))
		case *c.value == 1:
			b.WriteByte('|')
			b.WriteString(c.victims)
		}
	}
	return b.String()
}

// distinctVictims reports whether two victims phrases name different
// kinds of people (not a generic word like "people" or "others").
func distinctVictims(a, b string) bool {
	ha, hb := lastWord(a), lastWord(b)
	if ha == hb || genericVictims[ha] || genericVictims[hb] {
		return false
	}
	return true
}

var genericVictims = map[string]bool{
	"people": true, "persons": true, "others": true, "victims": true, "dead": true, "bodies": true,
	"casualties": true, "injured": true, "wounded": true, "individuals": true, "more": true,
}

// victimWords returns the content words of a victims phrase, singular
// ("the police officers" -> "police", "officer"); generic words ("people")
// only when nothing else is left.
func victimWords(v string) []string {
	var all, kept []string
	for _, w := range strings.FieldsFunc(v, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		w = singular(w)
		all = append(all, w)
		if !victimStop[w] {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		return all
	}
	return kept
}

// victimStop are the words that say nothing of who was harmed.
var victimStop = map[string]bool{
	"people": true, "the": true, "a": true, "an": true, "of": true, "and": true, "including": true,
	"at": true, "least": true, "person": true,
}

// genericWords are victims that restate any figure of their harm.
var genericWords = map[string]bool{
	"victim": true, "casualtie": true, "casualty": true, "other": true,
	"individual": true, "men": true, "man": true,
}

// restates reports whether unspecified victims v name the same people as
// one of the counted figures' victims.
func restates(v []string, counted [][]string) bool {
	if len(counted) == 0 {
		return false
	}
	if len(v) == 1 && genericWords[v[0]] {
		return true
	}
	for _, c := range counted {
		for _, w := range c {
			if slices.Contains(v, w) {
				return true
			}
		}
	}
	return false
}

// singular strips a plural "s" ("officers" -> "officer").
func singular(w string) string {
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return w[:len(w)-1]
	}
	return w
}

// surname returns the lower-case last word of a person's name.
func surname(name string) string { return lastWord(strings.ToLower(name)) }

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

func itoa(v int) string {
	if v == 0 {
		return "0"
	}
	neg := v < 0
	if neg {
		v = -v
	}
	var buf [24]byte
	i := len(buf)
	for v > 0 {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}
