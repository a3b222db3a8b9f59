// Package pipeline runs extraction stages over one article.
//
// A Pipeline is a plain list of stages, wired by the caller. Each stage reads
// the Document and adds its records to it. Stages never modify the article
// text; every record they add carries byte offsets into it.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"

	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/pkg/ner"
)

// Document is one article on its way through the pipeline.
// Text is the article body and is never modified; NLP is set by the Analyze
// stage; Out collects the records.
type Document struct {
	Article events.Article
	Text    string
	NLP     *ner.Analysis
	Out     events.Document
}

// NewDocument returns a Document for a, with empty (non-nil) record lists.
func NewDocument(a events.Article, version string) *Document {
	return &Document{
		Article: a,
		Text:    a.Body,
		Out: events.Document{
			ID: a.ID, URL: a.URL, PublishedAt: a.PublishedAt, ExtractorVersion: version,
			Actors: []events.Actor{}, Locations: []events.Location{},
			Casualties: []events.Casualty{}, Quotes: []events.Quote{},
		},
	}
}

// Problemf records a content problem on the document; extraction goes on.
func (d *Document) Problemf(format string, args ...any) {
	d.Out.Problems = append(d.Out.Problems, fmt.Sprintf(format, args...))
}

// Stage is one step of extraction. Process adds records to d. It returns an
// error only for failures that should stop the article (infrastructure, a
// cancelled context); content problems go to d.Problemf.
type Stage interface {
	Name() string
	Process(ctx context.Context, d *Document) error
}

// ErrPanic marks an error made from a stage panic.
var ErrPanic = errors.New("panic")

// Pipeline runs its stages in order.
type Pipeline struct {
	Stages  []Stage
	Version string // extractor version stamped on every document
}

// Run extracts from one article. The article must have passed
// events.CheckBody. A panicking stage is recovered and reported as an error
// wrapping ErrPanic, naming the stage and the article.
func (p *Pipeline) Run(ctx context.Context, a events.Article) (*Document, error) {
	d := NewDocument(a, p.Version)
	for _, s := range p.Stages {
		if err := ctx.Err(); err != nil {
			return d, err
		}
		if err := runStage(ctx, s, d); err != nil {
			return d, err
		}
	}
	return d, nil
}

func runStage(ctx context.Context, s Stage, d *Document) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pipeline: stage %s: article %q: %w: %v\n%s", s.Name(), d.Article.ID, ErrPanic, r, debug.Stack())
		}
	}()
	if err := s.Process(ctx, d); err != nil {
		return fmt.Errorf("pipeline: stage %s: article %q: %w", s.Name(), d.Article.ID, err)
	}
	return nil
}

// Analyze is the first stage: it sets Document.NLP.
type Analyze struct {
	Model *ner.Model
}

var _ Stage = (*Analyze)(nil)

// Name implements Stage.
func (*Analyze) Name() string { return "analyze" }

// Process implements Stage.
func (s *Analyze) Process(_ context.Context, d *Document) error {
	d.NLP = s.Model.Analyze(d.Text)
	return nil
}
