// Package casualties is the casualties extraction stage.
package casualties

import (
	"context"

	"github.com/newsdesk/extractor/pkg/pipeline"
)

// Options configure the stage. The zero value is the default.
type Options struct{}

// Casualties is the casualties stage.
type Casualties struct {
	opts Options
}

var _ pipeline.Stage = (*Casualties)(nil)

// Name implements pipeline.Stage.
func (*Casualties) Name() string { return "casualties" }

// Process implements pipeline.Stage.
func (s *Casualties) Process(_ context.Context, d *pipeline.Document) error {
	return nil
}

// New returns the stage.
func New(opts Options) *Casualties { return &Casualties{opts: opts} }
