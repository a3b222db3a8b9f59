package bench

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsdesk/extractor/fixtures"
	"github.com/newsdesk/extractor/pkg/events"
)

func seed(t *testing.T) []events.Article {
	a, err := fixtures.Article(fixtures.SeedID)
	require.NoError(t, err)
	return []events.Article{a}
}

// TestRunReportsBothEngines checks the report's bookkeeping, not speed:
// counts, passes and the ratio agree with each other.
func TestRunReportsBothEngines(t *testing.T) {
	var cpu, mem bytes.Buffer
	rep, err := Run(context.Background(), seed(t), Options{MinTime: 1, ProseArticles: 1, CPUProfile: &cpu, MemProfile: &mem})
	require.NoError(t, err)
	assert.Equal(t, 1, rep.Articles)
	assert.Greater(t, rep.Tokens, 400, "the seed article has about 550 tokens")
	assert.Greater(t, rep.ReadyMs, 0.0)
	assert.GreaterOrEqual(t, rep.Extractor.Passes, 1)
	assert.Equal(t, rep.Extractor.Passes, rep.Extractor.Articles)
	assert.Greater(t, rep.BytesPerArticle, 0.0)
	assert.Greater(t, rep.AllocsPerArticle, 0.0)
	require.NotNil(t, rep.Prose)
	assert.Equal(t, 1, rep.Prose.Articles)
	assert.Equal(t, 0, rep.Prose.Failed)
	assert.InDelta(t, rep.Extractor.ArticlesPerSec/rep.Prose.ArticlesPerSec, rep.Ratio, 1e-9)
	assert.InDelta(t, rep.Extractor.MsPerArticle, 1000/rep.Extractor.ArticlesPerSec, 1e-6)
	assert.NotZero(t, cpu.Len(), "CPU profile written")
	assert.NotZero(t, mem.Len(), "allocation profile written")

	var out strings.Builder
	Print(&out, rep)
	assert.Contains(t, out.String(), "prose NewDocument")
	assert.Contains(t, out.String(), "ratio (extractor / prose articles/s)")
}

func TestRunWithoutProse(t *testing.T) {
	rep, err := Run(context.Background(), seed(t), Options{MinTime: 1, ProseArticles: -1})
	require.NoError(t, err)
	assert.Nil(t, rep.Prose)
	assert.Zero(t, rep.Ratio)
	var out strings.Builder
	Print(&out, rep)
	assert.NotContains(t, out.String(), "prose")
}

func TestRunErrors(t *testing.T) {
	tests := []struct {
		name string
		arts []events.Article
		want string
	}{
		{"no articles", nil, "bench: no articles"},
		{"article the extractor refuses", []events.Article{{ID: "x", Body: " "}}, "bench: article x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Run(context.Background(), tt.arts, Options{MinTime: 1, ProseArticles: -1})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestPeakRSS(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skipf("no /proc/self/status here: %v", err)
	}
	assert.Greater(t, peakRSS(), int64(1<<20))
}
