package pipeline

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsdesk/extractor/pkg/events"
)

// stageFunc adapts a function to Stage for tests.
type stageFunc struct {
	name string
	fn   func(*Document) error
}

func (s stageFunc) Name() string                                 { return s.name }
func (s stageFunc) Process(_ context.Context, d *Document) error { return s.fn(d) }

func TestRun(t *testing.T) {
	art := events.Article{ID: "a1", Body: "Iran said so.", URL: "http://x", PublishedAt: "2024-01-01"}
	var order []string
	rec := func(name string) Stage {
		return stageFunc{name, func(d *Document) error { order = append(order, name); return nil }}
	}
	tests := []struct {
		name      string
		stages    []Stage
		wantOrder []string
		wantErr   error
		errText   string
	}{
		{"stages run in order", []Stage{rec("a"), rec("b"), rec("c")}, []string{"a", "b", "c"}, nil, ""},
		{"error stops the article", []Stage{rec("a"), stageFunc{"bad", func(*Document) error { return errors.New("disk gone") }}, rec("c")},
			[]string{"a"}, nil, `pipeline: stage bad: article "a1": disk gone`},
		{"panic is recovered", []Stage{stageFunc{"boom", func(*Document) error { panic("index out of range") }}, rec("c")},
			nil, ErrPanic, `stage boom: article "a1": panic: index out of range`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			order = nil
			p := &Pipeline{Stages: tt.stages, Version: "v1"}
			d, err := p.Run(context.Background(), art)
			assert.Equal(t, tt.wantOrder, order)
			if tt.errText == "" {
				require.NoError(t, err)
				assert.Equal(t, "v1", d.Out.ExtractorVersion)
				assert.Equal(t, "http://x", d.Out.URL)
				assert.NotNil(t, d.Out.Actors)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.errText)
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
			}
		})
	}
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ran := false
	p := &Pipeline{Stages: []Stage{stageFunc{"a", func(*Document) error { ran = true; return nil }}}}
	_, err := p.Run(ctx, events.Article{ID: "x", Body: "y"})
	assert.ErrorIs(t, err, context.Canceled)
	assert.False(t, ran)
}

func TestProblemf(t *testing.T) {
	d := NewDocument(events.Article{ID: "x", Body: "y"}, "v")
	d.Problemf("quotes: unbalanced mark at %d", 12)
	assert.Equal(t, []string{"quotes: unbalanced mark at 12"}, d.Out.Problems)
}
