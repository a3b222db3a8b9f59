// Package quotes is the quotes extraction stage.
package quotes

import (
	"context"

	"github.com/newsdesk/extractor/pkg/gazetteer"
	"github.com/newsdesk/extractor/pkg/pipeline"
)

// Options configure the stage. The zero value is the default.
type Options struct{}

// Quotes is the quotes stage.
type Quotes struct {
	opts Options
}

var _ pipeline.Stage = (*Quotes)(nil)

// Name implements pipeline.Stage.
func (*Quotes) Name() string { return "quotes" }

// Process implements pipeline.Stage.
func (s *Quotes) Process(_ context.Context, d *pipeline.Document) error {
	return nil
}

// New returns the stage.
func New(gz *gazetteer.Gazetteer, opts Options) *Quotes { return &Quotes{opts: opts} }
