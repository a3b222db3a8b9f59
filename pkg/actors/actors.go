// Package actors is the actors extraction stage: it finds the named persons,
// organizations and states of an article (GUIDELINES "Actors") and writes
// them to Document.Out.Actors.
//
// It reads the NLP tokens (capitalised runs, POS tags), the gazetteer (a
// capitalised run that is a place is not a person; countries, demonyms and
// capitals name states), the locations found by the geo stage, the actor
// lexicons and context cues (titles before a name, roles in apposition,
// said/told after a name, possessives). Every actor carries the byte spans
// of all its mentions, in text order, each inside the text; the text is
// never modified.
//
// An affiliation to an organization is that organization's actor name in
// the article ("UN" -> "United Nations", "Red Cross" -> "Kenya Red Cross
// Society"); an organization cue (an office of an international body, a
// party) beats a nationality cue of the same strength, and explicit cues
// beat the inferred main country. A state acts by its name or capital, its
// government, officials or forces, a government named by its leader ("the
// Obama administration"), or its head of state in an act of state ("the
// country's president signed").
package actors

import (
	"context"

	"github.com/newsdesk/extractor/pkg/gazetteer"
	"github.com/newsdesk/extractor/pkg/lexicon"
	"github.com/newsdesk/extractor/pkg/pipeline"
)

// Options configure the stage. The zero value is the default.
type Options struct {
	// MinConfidence drops actors below this confidence; 0 keeps all.
	MinConfidence float64
	// NoInferredAffiliation leaves an affiliation empty when the article
	// only implies it. By default it is inferred from context, as the gold
	// annotation does: a country named in the sentence of a person's first
	// mention, else the article's main country (not for international
	// bodies, NGOs and media).
	NoInferredAffiliation bool
}

// Actors is the actors stage. It is immutable after New and safe for
// concurrent use.
type Actors struct {
	opts Options
	gz   *gazetteer.Gazetteer
	lex  *lexicon.Lexicon
}

var _ pipeline.Stage = (*Actors)(nil)

// Name implements pipeline.Stage.
func (*Actors) Name() string { return "actors" }

// Process implements pipeline.Stage. It needs d.NLP (the analyze stage);
// without it the document gets no actors and a problem note.
func (s *Actors) Process(ctx context.Context, d *pipeline.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if d.NLP == nil {
		d.Problemf("actors: no NLP analysis")
		return nil
	}
	a := newAnalysis(s, d)
	a.run()
	d.Out.Actors = append(d.Out.Actors, a.output()...)
	return nil
}

// New returns the stage. A nil gazetteer loads the embedded one; a nil
// lexicon is replaced by an empty one, so the stage still runs (with fewer
// cues).
func New(gz *gazetteer.Gazetteer, lex *lexicon.Lexicon, opts Options) *Actors {
	if gz == nil {
		gz, _ = gazetteer.Load()
	}
	if lex == nil {
		lex = &lexicon.Lexicon{}
	}
	return &Actors{opts: opts, gz: gz, lex: lex}
}
