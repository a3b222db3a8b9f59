package batch

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsdesk/extractor/fixtures"
	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/pkg/extract"
)

// corpusPath is the shared corpus relative to this package.
var corpusPath = filepath.Join("..", "..", "..", "shared", "corpus", "articles.jsonl")

// corpusLines returns the corpus lines when it is present, otherwise the
// fixture articles as JSONL.
func corpusLines(t testing.TB) []string {
	t.Helper()
	if f, err := os.Open(corpusPath); err == nil {
		defer f.Close()
		var out []string
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for sc.Scan() {
			if strings.TrimSpace(sc.Text()) != "" {
				out = append(out, sc.Text())
			}
		}
		require.NoError(t, sc.Err())
		return out
	}
	var out []string
	for _, id := range fixtures.IDs() {
		a, err := fixtures.Article(id)
		require.NoError(t, err)
		b, err := json.Marshal(a)
		require.NoError(t, err)
		out = append(out, string(b))
	}
	return out
}

func TestRunCorpusAccountsForEveryArticleOnce(t *testing.T) {
	ex, err := extract.New(extract.Options{})
	require.NoError(t, err)
	ls := corpusLines(t)
	// Two bad lines among them, which must land in the errors file.
	ls = append([]string{`{"id":"bad-json"`}, ls...)
	ls = append(ls, articleLine("empty-body", " "))
	dir := t.TempDir()
	src := filepath.Join(dir, "corpus.jsonl.zst")
	writeFile(t, src, ls)
	var want []string
	for i, l := range ls {
		if a, err := events.DecodeArticle([]byte(l), 0); err == nil {
			want = append(want, a.ID)
		} else {
			want = append(want, fmt.Sprintf("%s:%d", src, i+1))
		}
	}

	for _, tc := range []struct {
		name      string
		unordered bool
	}{{"ordered", false}, {"unordered", true}} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, tc.name+".jsonl.gz")
			sum, err := Run(context.Background(), ex, Options{Inputs: []string{src}, Output: out,
				Format: FormatArticle, Workers: 2, Unordered: tc.unordered})
			require.NoError(t, err)
			assert.Equal(t, int64(len(ls)), sum.Read)
			assert.Equal(t, int64(2), sum.Failed)
			assert.Equal(t, int64(len(ls)-2), sum.Extracted)

			seen := map[string]int{}
			for _, id := range docIDs(t, readLines(t, out)) {
				seen[id]++
			}
			for _, r := range errRecords(t, out+".errors.jsonl") {
				seen[r.Where]++
			}
			for _, w := range want {
				assert.Equal(t, 1, seen[w], "%s accounted for once", w)
			}
			assert.Len(t, seen, len(want))
			if !tc.unordered {
				got := docIDs(t, readLines(t, out))
				assert.Equal(t, want[1:len(want)-1], got, "input order")
			}
		})
	}
}

// BenchmarkBatch measures the throughput of the whole batch run (read,
// extract, encode, write) over the corpus with 1 and 2 workers.
func BenchmarkBatch(b *testing.B) {
	ex, err := extract.New(extract.Options{})
	require.NoError(b, err)
	ls := corpusLines(b)
	dir := b.TempDir()
	src := filepath.Join(dir, "corpus.jsonl")
	writeFile(b, src, ls)
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", w), func(b *testing.B) {
			out := filepath.Join(dir, fmt.Sprintf("out-%d.jsonl", w))
			var n int64
			for b.Loop() {
				sum, err := Run(context.Background(), ex, Options{Inputs: []string{src}, Output: out, Workers: w})
				require.NoError(b, err)
				n += sum.Extracted
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
