// Package actors is the actors extraction stage.
package actors

import (
	"context"

	"github.com/newsdesk/extractor/pkg/gazetteer"
	"github.com/newsdesk/extractor/pkg/lexicon"
	"github.com/newsdesk/extractor/pkg/pipeline"
)

// Options configure the stage. The zero value is the default.
type Options struct{}

// Actors is the actors stage.
type Actors struct {
	opts Options
}

var _ pipeline.Stage = (*Actors)(nil)

// Name implements pipeline.Stage.
func (*Actors) Name() string { return "actors" }

// Process implements pipeline.Stage.
func (s *Actors) Process(_ context.Context, d *pipeline.Document) error {
	return nil
}

// New returns the stage.
func New(gz *gazetteer.Gazetteer, lex *lexicon.Lexicon, opts Options) *Actors {
	return &Actors{opts: opts}
}
