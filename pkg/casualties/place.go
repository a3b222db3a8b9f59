package casualties

import (
	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/pkg/pipeline"
)

// specificity ranks location kinds: a figure happens at the most specific
// place its context names.
var specificity = map[string]int{
	events.LocFacility: 6, events.LocCity: 5, events.LocAdmin2: 4, events.LocAdmin1: 3,
	events.LocFeature: 3, events.LocRegion: 2, events.LocCountry: 1,
}

// placer finds where figures happened, from the locations stage's records.
type placer struct {
	d    *pipeline.Document
	main *events.Place // the article's place, when it is clear
}

func newPlacer(d *pipeline.Document) *placer {
	p := &placer{d: d}
	p.main = p.articlePlace()
	return p
}

// place returns where c happened: the most specific place named in its
// sentence (the nearest to the figure among equals); else the nearest
// place named earlier in the same paragraph; else the article's place.
// It returns nil when none of these is clear.
func (p *placer) place(c *events.Casualty) *events.Place {
	nlp := p.d.NLP
	if pl := p.best(c.Sentence, c.Span.Start); pl != nil {
		return pl
	}
	si := nlp.SentenceAt(c.Span.Start)
	if si >= 0 {
		para := nlp.Sentences[si].Para
		for j := si - 1; j >= 0 && nlp.Sentences[j].Para == para; j-- {
			s := nlp.Sentences[j]
			if pl := p.best(events.Span{Start: s.Start, End: s.End}, s.End); pl != nil {
				return pl
			}
		}
	}
	return p.main
}

// best returns the most specific place mentioned inside within, nearest
// to off among the equally specific ones.
func (p *placer) best(within events.Span, off int) *events.Place {
	var out *events.Place
	rank, dist := 0, 0
	for i := range p.d.Out.Locations {
		l := &p.d.Out.Locations[i]
		r := specificity[l.Kind]
		for _, sp := range l.Spans {
			if !within.Contains(sp) {
				continue
			}
			dd := abs(sp.Start - off)
			if r > rank || r == rank && dd < dist {
				rank, dist = r, dd
				out = &events.Place{Name: l.Name, GeonameID: l.GeonameID, Country: l.Country, Span: sp}
			}
		}
	}
	return out
}

// articlePlace returns the article's place when it is clear: the place
// below country level mentioned most often, if no other such place is
// mentioned as often; else the only country the article names.
func (p *placer) articlePlace() *events.Place {
	var top *events.Location
	topN, tie := 0, false
	countries := 0
	var country *events.Location
	for i := range p.d.Out.Locations {
		l := &p.d.Out.Locations[i]
		if l.Kind == events.LocCountry {
			countries++
			country = l
			continue
		}
		if specificity[l.Kind] < specificity[events.LocAdmin1] {
			continue
		}
		switch n := len(l.Spans); {
		case n > topN:
			top, topN, tie = l, n, false
		case n == topN:
			tie = true
		}
	}
	pick := func(l *events.Location) *events.Place {
		return &events.Place{Name: l.Name, GeonameID: l.GeonameID, Country: l.Country, Span: l.Spans[0]}
	}
	switch {
	case top != nil && !tie:
		return pick(top)
	case countries == 1 && len(country.Spans) > 0:
		return pick(country)
	}
	return nil
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
