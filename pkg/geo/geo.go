// Package geo is the locations stage: it finds every named place mentioned in
// an article (countries, admin-1 and admin-2 units, populated places,
// regions, physical features and facilities), resolves it against the
// embedded gazetteer and writes one events.Location per place with the byte
// offsets of every mention.
//
// Names are found by longest match of token sequences against the
// gazetteer index, then judged in context: a place name inside a longer
// proper name ("Kyoto Protocol", "University of Tehran"), after a title or
// a first name ("President Jordan", "George Washington"), a nationality
// adjective ("Iranian media") or a common word is not a place mention. Cue
// words add places the gazetteer lacks ("the village of X", "X Airport",
// "Mount X"). Ambiguous names are decided by the article's other places,
// its nationality words, cue words and population.
package geo

import (
	"context"

	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/pkg/gazetteer"
	"github.com/newsdesk/extractor/pkg/ner"
	"github.com/newsdesk/extractor/pkg/pipeline"
)

// Options configure the stage. The zero value is the default.
type Options struct {
	// MinConfidence drops locations whose confidence is below it; 0 keeps
	// every accepted location.
	MinConfidence float64
}

// Locations is the geo stage. It is immutable and safe for concurrent use.
type Locations struct {
	gz   *gazetteer.Gazetteer
	opts Options
}

var _ pipeline.Stage = (*Locations)(nil)

// New returns the stage. gz must be a loaded gazetteer.
func New(gz *gazetteer.Gazetteer, opts Options) *Locations { return &Locations{gz: gz, opts: opts} }

// Name implements pipeline.Stage.
func (*Locations) Name() string { return "geo" }

// Process implements pipeline.Stage: it appends the article's locations to
// d.Out.Locations. It needs d.NLP (the analyze stage).
func (s *Locations) Process(ctx context.Context, d *pipeline.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if d.NLP == nil {
		d.Problemf("geo: no NLP analysis, locations skipped")
		return nil
	}
	if s.gz == nil {
		d.Problemf("geo: no gazetteer, locations skipped")
		return nil
	}
	d.Out.Locations = append(d.Out.Locations, s.Extract(d.NLP)...)
	return nil
}

// Extract returns the locations of an analysed text, in order of first
// mention. Every span is a byte range of a.Text; every location has at least
// one span, and Name is never empty.
func (s *Locations) Extract(a *ner.Analysis) []events.Location {
	if a == nil || s.gz == nil {
		return nil
	}
	ws := splitWords(a)
	c := newDocCtx(a.Text, ws)
	for _, st := range a.Sentences {
		c.sentPara = append(c.sentPara, st.Para)
	}
	raw := s.scanGazetteer(a.Text, ws)
	c.index(raw)
	for i := range raw {
		s.extendUnit(c, &raw[i])
	}
	for i := range raw {
		s.judge(c, &raw[i])
	}
	chainDrops(c, raw)
	// A name used as a person's name elsewhere is a person here too.
	dropPersons(c, raw)
	cues := s.scanCues(c)
	all := mergeMentions(raw, cues)
	ev := s.collectEvidence(c, all)
	s.resolve(c, all, ev)
	all = s.promoteLists(c, all)
	return s.records(c, all, ev)
}
