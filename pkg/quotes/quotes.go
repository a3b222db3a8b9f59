// Package quotes is the quotes stage: it finds direct quotes (words inside
// quotation marks) and indirect quotes (reported speech: "X said (that)
// ...", "..., X said", "according to X, ...") with their speaker, cue and
// byte offsets, as GUIDELINES "Quotes" defines them.
//
// Speakers are resolved to the canonical name of an actor of d.Out.Actors
// (filled by the actors stage) when the speaker mention lies inside one of
// an actor's spans, or is a pronoun, a title ("Iran's foreign minister"), a
// described government ("Pakistani authorities") or an unnamed member of a
// named organization; otherwise the speaker is the description as the text
// gives it, without a leading article.
package quotes

import (
	"context"
	"sort"
	"strings"

	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/pkg/gazetteer"
	"github.com/newsdesk/extractor/pkg/ner"
	"github.com/newsdesk/extractor/pkg/pipeline"
	"github.com/newsdesk/extractor/pkg/quotes/scan"
)

// Options configure the stage. The zero value is the default.
type Options struct {
	// MinDirectWords is the fewest words a direct quote needs to be kept;
	// 0 means 1 (every attributed quotation that is not a scare quote).
	MinDirectWords int
	// NoIndirect turns off indirect quotes.
	NoIndirect bool
}

// Quotes is the quotes stage. It is safe for concurrent use.
type Quotes struct {
	opts Options
	gz   *gazetteer.Gazetteer
}

var _ pipeline.Stage = (*Quotes)(nil)

// New returns the stage. gz resolves countries, capitals and demonyms of
// described governments ("Pakistani authorities" -> Pakistan); nil loads
// the embedded gazetteer.
func New(gz *gazetteer.Gazetteer, opts Options) *Quotes {
	if opts.MinDirectWords <= 0 {
		opts.MinDirectWords = 1
	}
	if gz == nil {
		gz, _ = gazetteer.Load()
	}
	return &Quotes{opts: opts, gz: gz}
}

// Name implements pipeline.Stage.
func (*Quotes) Name() string { return "quotes" }

// Process implements pipeline.Stage. It needs d.NLP (the analyze stage)
// and reads d.Out.Actors; it appends to d.Out.Quotes, in text order. Every
// record's Span covers its Text exactly.
func (s *Quotes) Process(ctx context.Context, d *pipeline.Document) error {
	if d.NLP == nil {
		d.Problemf("quotes: no NLP analysis; quotes skipped")
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	a := newArticle(s, d.Text, d.NLP, d.Out.Actors)
	a.locs = d.Out.Locations
	if !s.opts.NoIndirect {
		a.findIndirect()
	}
	a.findDirect()
	d.Out.Quotes = append(d.Out.Quotes, a.resolveAll()...)
	return nil
}

// article is the working state of one document.
type article struct {
	s      *Quotes
	text   string
	nlp    *ner.Analysis
	toks   []ner.Token
	low    []string // lower-case token texts
	inQ    []int    // index in quotes of the quotation a token lies in (marks included), or -1
	para   []int    // paragraph of each token
	actors []events.Actor
	locs   []events.Location
	ments  []mention // actor mentions by start
	quotes []scan.Quote
	attrs  []*attr
	names  map[string]string // last word of a multi-word name -> the name
	roles  [][]string        // role phrases the text gives each person actor
}

type scanQuote = scan.Quote

// inQuote reports whether byte offset off lies inside a quotation.
func (a *article) inQuote(off int) bool {
	i := sort.Search(len(a.quotes), func(i int) bool { return a.quotes[i].Close > off })
	return i < len(a.quotes) && a.quotes[i].Open <= off
}

// mention is one span of an actor.
type mention struct {
	start, end int
	actor      int
}

// attr is one quote found, waiting for its speaker to be resolved.
type attr struct {
	kind       string
	start, end int // text span
	cue        string
	cueSpan    *events.Span
	np         [2]int // speaker noun phrase tokens [from, to); from == to when none
	alt        [2]int // an apposition of np ("X, Iran's foreign minister,")
	pos        int    // byte offset that orders resolution
	inherit    *attr  // take the speaker of this one
	conf       float64
	statement  bool // the speaker is "the statement": its owner speaks
	continued  bool // a direct quote with no attribution of its own
	sp         speaker
	resolved   bool
}

// newArticle indexes the tokens, quotations and actor mentions of a text.
func newArticle(s *Quotes, text string, nlp *ner.Analysis, actors []events.Actor) *article {
	a := &article{s: s, text: text, nlp: nlp, toks: nlp.Tokens}
	n := len(a.toks)
	a.low = make([]string, n)
	a.inQ = make([]int, n)
	a.para = make([]int, n)
	for i, t := range a.toks {
		a.low[i] = strings.ToLower(t.Text)
		a.inQ[i] = -1
	}
	for _, se := range nlp.Sentences {
		for i := se.First; i < se.Last && i < n; i++ {
			a.para[i] = se.Para
		}
	}
	a.quotes = scan.Scan(text)
	qi := 0
	for i, t := range a.toks {
		for qi < len(a.quotes) && a.quotes[qi].Close <= t.Start {
			qi++
		}
		if qi < len(a.quotes) && t.Start >= a.quotes[qi].Open && t.End <= a.quotes[qi].Close {
			a.inQ[i] = qi
		}
	}
	// A copy, with person names cleaned of titles the actors stage may
	// have left in them ("Country Director Dr. David Okello").
	a.actors = make([]events.Actor, len(actors))
	copy(a.actors, actors)
	for i := range a.actors {
		if a.actors[i].Kind == events.KindPerson {
			a.actors[i].Name = cleanPersonName(a.actors[i].Name)
		}
	}
	for ai, ac := range actors {
		for _, sp := range ac.Spans {
			if sp.Start >= 0 && sp.End <= len(text) && sp.Start < sp.End {
				a.ments = append(a.ments, mention{start: sp.Start, end: sp.End, actor: ai})
			}
		}
	}
	sort.Slice(a.ments, func(i, j int) bool { return a.ments[i].start < a.ments[j].start })
	return a
}

// resolveAll resolves the speakers of all quotes in text order and returns
// the records, without duplicates.
func (a *article) resolveAll() []events.Quote {
	sort.SliceStable(a.attrs, func(i, j int) bool { return a.attrs[i].pos < a.attrs[j].pos })
	h := &history{}
	for _, at := range a.attrs {
		a.resolveAttr(at, h)
	}
	sort.SliceStable(a.attrs, func(i, j int) bool { return a.attrs[i].start < a.attrs[j].start })
	out := []events.Quote{}
	seen := map[string]bool{}
	for _, at := range a.attrs {
		if at.sp.name == "" {
			continue
		}
		txt := a.text[at.start:at.end]
		key := at.kind + "|" + normKey(txt)
		if seen[key] {
			continue
		}
		seen[key] = true
		q := events.Quote{
			Kind: at.kind, Text: txt, Speaker: at.sp.name, Cue: at.cue,
			Span: events.Span{Start: at.start, End: at.end}, CueSpan: at.cueSpan,
			Confidence: round2(at.conf * at.sp.conf),
		}
		if at.sp.span.End > at.sp.span.Start {
			sp := at.sp.span
			q.SpeakerSpan = &sp
		}
		out = append(out, q)
	}
	return out
}

// resolveAttr sets the speaker of at (and of the quote it inherits from)
// and records it in h.
func (a *article) resolveAttr(at *attr, h *history) {
	if at.resolved {
		return
	}
	at.resolved = true
	switch {
	case at.inherit != nil:
		a.resolveAttr(at.inherit, h)
		at.sp = at.inherit.sp
		if at.cue == "" {
			at.cue, at.cueSpan = at.inherit.cue, at.inherit.cueSpan
		}
	case at.statement:
		at.sp = a.resolveStatement(at, h)
	default:
		at.sp = a.resolveNP(at.np[0], at.np[1], h)
		if at.alt[1] > at.alt[0] {
			alt := a.resolveNP(at.alt[0], at.alt[1], h)
			a.learnApposition(at.np, at.sp, at.alt, alt, h)
			titled := a.isTitle(at.np) && (alt.kind == kindPerson || alt.kind == kindName)
			if alt.rank > at.sp.rank || alt.rank == at.sp.rank && (titled || alt.kind == kindPerson && at.sp.kind != kindPerson && at.sp.kind != kindName) {
				at.sp = alt
			}
		}
	}
	if at.sp.name != "" {
		pos := at.pos
		if at.sp.span.End > at.sp.span.Start {
			pos = at.sp.span.Start
		}
		h.add(at.sp, pos)
		if a.mentionsStatement(at) && (at.sp.kind == kindOrg || at.sp.kind == kindState) {
			h.statement, h.statementPos = at.sp, pos
		}
	}
}

// learnApposition remembers, from "X, Iran's foreign minister, said", that
// the title names X, for a later "Iran's foreign minister said".
func (a *article) learnApposition(np [2]int, sp speaker, alt [2]int, altSp speaker, h *history) {
	person := func(x speaker) bool { return x.kind == kindPerson || x.kind == kindName }
	switch {
	case person(sp) && !person(altSp) && a.isTitle(alt):
		h.learnTitle(a.titleKey(alt[0], alt[1]), sp)
	case person(altSp) && !person(sp) && a.isTitle(np):
		h.learnTitle(a.titleKey(np[0], np[1]), altSp)
	}
}

// isTitle reports whether the phrase r is headed by a role noun.
func (a *article) isTitle(r [2]int) bool {
	if r[1] <= r[0] {
		return false
	}
	head := a.low[a.headOf(r[0], r[1])]
	return roleHeads[head] || humanNouns[head]
}

// mentionsStatement reports whether the attribution of at names a
// statement ("in a statement", "according to a statement from X").
func (a *article) mentionsStatement(at *attr) bool {
	lo, hi := at.np[0], at.np[1]
	if at.cueSpan != nil {
		if i := a.tokenAtOrAfter(at.cueSpan.Start); i >= 0 && i < lo {
			lo = i
		}
	}
	hi += 6
	if hi > len(a.toks) {
		hi = len(a.toks)
	}
	for i := lo; i < hi; i++ {
		if statementNouns[a.low[i]] && a.inQ[i] < 0 {
			return true
		}
	}
	return false
}

// tokenAtOrAfter returns the first token starting at or after off, or -1.
func (a *article) tokenAtOrAfter(off int) int {
	i := sort.Search(len(a.toks), func(i int) bool { return a.toks[i].Start >= off })
	if i >= len(a.toks) {
		return -1
	}
	return i
}

// normKey is a rough normal form for spotting a quote printed twice.
func normKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && r != '\u2019' && r != '\u201c' && r != '\u201d' {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	return b.String()
}

// cleanPersonName drops titles and other words before a person's name:
// everything up to the last title, role or organization word, when at
// least two words remain.
func cleanPersonName(name string) string {
	ws := strings.Fields(name)
	for i := len(ws) - 3; i >= 0; i-- {
		l := strings.TrimSuffix(strings.ToLower(ws[i]), ".")
		if titles[l] || titles[l+"."] || roleHeads[l] || cutWords[l] || humanNouns[l] || l == "of" || l == "the" || l == "for" {
			return strings.Join(ws[i+1:], " ")
		}
	}
	return name
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }
