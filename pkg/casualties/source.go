package casualties

import (
	"strings"

	"github.com/newsdesk/extractor/pkg/events"
)

// reportVerbs attribute a figure to the subject before them.
var reportVerbs = map[string]bool{
	"said": true, "say": true, "says": true, "reported": true, "reports": true, "report": true,
	"told": true, "tells": true, "stated": true, "states": true, "confirmed": true, "confirms": true,
	"claimed": true, "claims": true, "claim": true, "estimated": true, "estimate": true, "estimates": true,
	"added": true, "announced": true, "announces": true, "indicate": true, "indicated": true, "indicates": true,
	"suggest": true, "suggests": true, "suggested": true, "showed": true, "show": true, "shows": true,
	"noted": true, "wrote": true, "writes": true, "quoted": true, "testified": true, "acknowledged": true,
	"fear": true, "feared": true, "believe": true, "believed": true, "put": true,
}

// attribute sets the source of record c: the speaker of a quote that holds
// it, else "according to X" or "X said" in its sentence, else "".
func (a *article) attribute(c *events.Casualty) {
	for _, q := range a.d.Out.Quotes {
		if q.Span.Start <= c.Span.Start && c.Span.End <= q.Span.End && q.Speaker != "" {
			c.Source = q.Speaker
			if q.SpeakerSpan != nil {
				sp := *q.SpeakerSpan
				c.SourceSpan = &sp
			}
			return
		}
	}
	si := a.d.NLP.SentenceAt(c.Span.Start)
	if si < 0 {
		return
	}
	sn := a.d.NLP.Sentences[si]
	first, last := sn.First, sn.Last
	// "according to X"
	for k := first; k+2 < last; k++ {
		if a.low[k] == "according" && a.low[k+1] == "to" {
			s, e := a.subjectAfter(k+2, last)
			if s < e {
				a.setSource(c, s, e)
				return
			}
		}
	}
	// "X said (that) ..." before the figure, or ", X said" after it.
	for k := first; k < last; k++ {
		if !reportVerbs[a.low[k]] || a.toks[k].Tag == "VBN" && a.low[k] != "said" && a.low[k] != "reported" {
			continue
		}
		if a.low[k] == "put" && !(k+2 < last && a.low[k+1] == "the" && a.low[k+2] == "toll") {
			continue
		}
		s, e := a.subjectBefore(k, first)
		if s >= e {
			continue
		}
		if a.toks[k].Start < c.Span.Start || (k > first && a.low[s-1] == ",") || s == first {
			a.setSource(c, s, e)
			return
		}
	}
}

// setSource sets the source of c to the tokens [s, e) without a leading
// article.
func (a *article) setSource(c *events.Casualty, s, e int) {
	for s < e && (a.low[s] == "the" || a.low[s] == "a" || a.low[s] == "an") {
		s++
	}
	if s >= e {
		return
	}
	sp := events.Span{Start: a.toks[s].Start, End: a.toks[e-1].End}
	c.Source = a.text[sp.Start:sp.End]
	c.SourceSpan = &sp
}

// subjectAfter returns the noun phrase from k ("Saudi Arabia's Civil
// Defense Authority") up to a comma or a clause word.
func (a *article) subjectAfter(k, last int) (int, int) {
	e := k
	for e < last && e < k+10 {
		w, tag := a.low[e], a.toks[e].Tag
		if w == "," || w == "." || w == ";" || w == "that" || strings.HasPrefix(tag, "VB") || tag == "CD" ||
			(tag == "IN" && w != "of") {
			break
		}
		e++
	}
	for e > k && !isNoun(a.toks[e-1].Tag) {
		e--
	}
	return k, e
}

// subjectBefore returns the subject noun phrase that ends right before the
// reporting verb at k, skipping adverbs and auxiliaries.
func (a *article) subjectBefore(k, first int) (int, int) {
	e := k
	for e > first {
		w, tag := a.low[e-1], a.toks[e-1].Tag
		if tag == "RB" || w == "have" || w == "has" || w == "had" || w == "also" || w == "now" || w == "later" ||
			w == "reportedly" || w == "previously" || w == "earlier" {
			e--
			continue
		}
		break
	}
	s := e
	for s > first && s > e-8 {
		w, tag := a.low[s-1], a.toks[s-1].Tag
		if isNoun(tag) || isAdj(tag) || tag == "POS" || tag == "DT" && w != "that" || tag == "NNP" || w == "-" {
			s--
			continue
		}
		break
	}
	if s >= e || !isNoun(a.toks[e-1].Tag) {
		return 0, 0
	}
	if a.low[e-1] == "who" || pronouns[a.low[e-1]] {
		return 0, 0
	}
	return s, e
}
