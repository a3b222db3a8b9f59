package events

import (
	"errors"
	"fmt"
)

// CheckSpans verifies the offset invariants of d against the article text:
// every span lies inside text with Start < End; a quote's text and a
// casualty's phrase are exactly the text they span; every actor and location
// has at least one mention. It returns all violations joined, or nil.
func (d *Document) CheckSpans(text string) error {
	var errs []error
	bad := func(s Span) bool { return s.Start < 0 || s.End > len(text) || s.Start >= s.End }
	mentions := func(what, name string, spans []Span) {
		if len(spans) == 0 {
			errs = append(errs, fmt.Errorf("%s %q: no mention", what, name))
		}
		for _, s := range spans {
			if bad(s) {
				errs = append(errs, fmt.Errorf("%s %q: span %v outside text", what, name, s))
			}
		}
	}
	for _, a := range d.Actors {
		mentions("actor", a.Name, a.Spans)
	}
	for _, l := range d.Locations {
		mentions("location", l.Name, l.Spans)
	}
	for _, c := range d.Casualties {
		switch {
		case bad(c.Span):
			errs = append(errs, fmt.Errorf("casualty %q: span %v outside text", c.Phrase, c.Span))
		case text[c.Span.Start:c.Span.End] != c.Phrase:
			errs = append(errs, fmt.Errorf("casualty %q: span %v holds %q", c.Phrase, c.Span, text[c.Span.Start:c.Span.End]))
		}
		for _, s := range append(c.Spans, c.Sentence) {
			if bad(s) {
				errs = append(errs, fmt.Errorf("casualty %q: span %v outside text", c.Phrase, s))
			}
		}
	}
	for _, q := range d.Quotes {
		switch {
		case bad(q.Span):
			errs = append(errs, fmt.Errorf("quote %q: span %v outside text", q.Text, q.Span))
		case text[q.Span.Start:q.Span.End] != q.Text:
			errs = append(errs, fmt.Errorf("quote %q: span %v holds %q", q.Text, q.Span, text[q.Span.Start:q.Span.End]))
		}
		for _, s := range []*Span{q.CueSpan, q.SpeakerSpan} {
			if s != nil && bad(*s) {
				errs = append(errs, fmt.Errorf("quote %q: span %v outside text", q.Text, *s))
			}
		}
	}
	return errors.Join(errs...)
}
