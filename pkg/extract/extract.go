// Package extract wires the standard pipeline: analyze, locations, actors,
// quotes, casualties. Build one Extractor per process and share it; it is
// safe for concurrent use.
package extract

import (
	"context"
	"fmt"

	"github.com/newsdesk/extractor/pkg/actors"
	"github.com/newsdesk/extractor/pkg/casualties"
	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/pkg/gazetteer"
	"github.com/newsdesk/extractor/pkg/geo"
	"github.com/newsdesk/extractor/pkg/lexicon"
	"github.com/newsdesk/extractor/pkg/ner"
	"github.com/newsdesk/extractor/pkg/pipeline"
	"github.com/newsdesk/extractor/pkg/quotes"
)

// Version is the extractor version stamped on every document and event.
const Version = "0.1.0"

// Options configure an Extractor. The zero value is the full pipeline.
type Options struct {
	// MaxBodyBytes is the largest body extracted from; 0 means
	// events.MaxBodyBytes.
	MaxBodyBytes int
}

// Extractor runs the standard pipeline.
type Extractor struct {
	opts     Options
	pipeline *pipeline.Pipeline
}

// New loads the model and the embedded tables once and wires the stages.
func New(opts Options) (*Extractor, error) {
	gz, err := gazetteer.Load()
	if err != nil {
		return nil, fmt.Errorf("extract: load gazetteer: %w", err)
	}
	lex, err := lexicon.Load()
	if err != nil {
		return nil, fmt.Errorf("extract: load lexicon: %w", err)
	}
	model, err := ner.NewModel(ner.Options{})
	if err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	p := &pipeline.Pipeline{
		Version: Version,
		Stages: []pipeline.Stage{
			&pipeline.Analyze{Model: model},
			geo.New(gz, geo.Options{}),
			actors.New(gz, lex, actors.Options{}),
			quotes.New(gz, quotes.Options{}),
			casualties.New(casualties.Options{}),
		},
	}
	return &Extractor{opts: opts, pipeline: p}, nil
}

// Extract checks the article body and runs the pipeline on it. Content
// problems are in the returned document's Problems; an error means the
// article could not be extracted at all (bad body, a stage failure or
// panic, a cancelled context).
func (e *Extractor) Extract(ctx context.Context, a events.Article) (*events.Document, error) {
	if err := events.CheckBody(a.Body, e.opts.MaxBodyBytes); err != nil {
		return nil, fmt.Errorf("article %q: %w", a.ID, err)
	}
	d, err := e.pipeline.Run(ctx, a)
	if err != nil {
		return nil, err
	}
	d.Out.Normalize()
	d.Out.AssignIDs()
	return &d.Out, nil
}
