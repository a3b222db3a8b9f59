// Package casualties is the casualties extraction stage: it finds the
// figures of people killed, injured, missing, kidnapped, arrested or
// displaced that an article reports (GUIDELINES "Casualties") and writes them
// to Document.Out.Casualties.
//
// The stage works on the tagged tokens of each sentence. Figures come from
// numparse (digits, number words, ranges, qualifiers, vague quantities) and
// from singular noun phrases ("a soldier", a named person). A figure becomes
// a record when a cue links it to a category: a verb before it ("killing at
// least nine people"), a predicate after its noun phrase ("12 were
// killed", "one soldier died", "45 people dead"), a harm noun as its head
// ("45 deaths") or a toll ("the death toll rose to 25"). Every record carries
// byte offsets into the article text, which is never modified.
package casualties

import (
	"context"
	"slices"
	"strings"

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
	for i := range out {
		a.attribute(&out[i])
	}
	if d.Out.Casualties == nil {
		d.Out.Casualties = []events.Casualty{}
	}
	d.Out.Casualties = append(d.Out.Casualties, out...)
	return nil
}

// merge folds records of the same figure into one (extra spans) and returns
// them in text order. Figures are the same when category and numbers agree
// and their qualifiers do not contradict (a plain figure restates a
// qualified one). A figure of one merges only with the same victims ("a
// soldier was killed" twice may be two soldiers); named persons merge on
// the surname.
func (a *article) merge() []events.Casualty {
	var out []events.Casualty
	var aliases []string   // per out record
	var partitive []bool   // per out record
	var persons [][]string // per out record: surnames of the named persons
	index := map[string][]int{}
	quantified := map[string]bool{}
	for _, c := range a.cands {
		if c.qual != events.QualUnspecified {
			quantified[c.cat] = true
		}
	}
	for _, c := range a.cands {
		// "terrorists were killed" stands only when the article gives no
		// other figure of that harm: otherwise it restates one.
		if c.qual == events.QualUnspecified && (a.s.opts.NoUnspecified || quantified[c.cat]) {
			continue
		}
		key := c.key()
		merged := false
		for _, i := range index[key] {
			r := &out[i]
			if r.Qualifier != c.qual && r.Qualifier != events.QualExact && c.qual != events.QualExact {
				continue
			}
			if c.value != nil && *c.value <= 3 && distinctVictims(r.Victims, c.victims) {
				continue // "two soldiers", later "two captors"
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
					c.name != "" && slices.Contains(persons[i], surname(c.name))) {
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

// key identifies the figure of a candidate for merging.
func (c *cand) key() string {
	var b strings.Builder
	b.WriteString(c.cat)
	b.WriteByte('|')
	switch {
	case c.value == nil:
		b.WriteString(c.qual)
		b.WriteByte('|')
		b.WriteString(lastWord(c.victims))
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
