package batch

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestProgressLine(t *testing.T) {
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name                          string
		total, done, articles, failed int64
		want                          string
	}{
		{"total known: bar, percentage and ETA", 1000, 250, 50, 0,
			"[#######.......................]  25.0% 50 articles  5.0/s  ETA 30s"},
		{"total unknown: count and rate", 0, 250, 50, 2, "50 articles  5.0/s  2 failed"},
		{"done: no ETA", 1000, 1000, 200, 0,
			"[##############################] 100.0% 200 articles  20.0/s"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := &progress{started: start, total: tc.total, barWidth: 30}
			p.done.Store(tc.done)
			p.articles.Store(tc.articles)
			p.failed.Store(tc.failed)
			assert.Equal(t, tc.want, p.line(start.Add(10*time.Second)))
		})
	}
}
