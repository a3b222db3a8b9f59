// Package geo is the geo extraction stage.
package geo

import (
	"context"

	"github.com/newsdesk/extractor/pkg/gazetteer"
	"github.com/newsdesk/extractor/pkg/pipeline"
)

// Options configure the stage. The zero value is the default.
type Options struct{}

// Locations is the geo stage.
type Locations struct {
	opts Options
}

var _ pipeline.Stage = (*Locations)(nil)

// Name implements pipeline.Stage.
func (*Locations) Name() string { return "geo" }

// Process implements pipeline.Stage.
func (s *Locations) Process(_ context.Context, d *pipeline.Document) error {
	return nil
}

// New returns the stage.
func New(gz *gazetteer.Gazetteer, opts Options) *Locations { return &Locations{opts: opts} }
