package extract

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsdesk/extractor/fixtures"
	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/schemas"
)

var update = flag.Bool("update", false, "rewrite the golden files under fixtures/golden")

// corpusPath is the shared evaluation corpus, present beside the project in
// development and CI; EXTRACTOR_CORPUS overrides it.
func corpusPath() string {
	if p := os.Getenv("EXTRACTOR_CORPUS"); p != "" {
		return p
	}
	return filepath.Join("..", "..", "..", "shared", "corpus", "articles.jsonl")
}

var (
	extractorOnce = sync.OnceValues(func() (*Extractor, error) { return New(Options{}) })
	validatorOnce = sync.OnceValues(schemas.NewValidator)
)

func testExtractor(tb testing.TB) *Extractor {
	tb.Helper()
	ex, err := extractorOnce()
	require.NoError(tb, err)
	return ex
}

// checkDocument asserts the invariants every output must hold: offsets
// point at the text they claim, and the document and each event validate
// against schemas/.
func checkDocument(t *testing.T, text string, doc *events.Document) {
	t.Helper()
	v, err := validatorOnce()
	require.NoError(t, err)
	require.NoError(t, doc.CheckSpans(text))
	require.NoError(t, v.Validate(schemas.Document, doc))
	for _, ev := range doc.Events() {
		require.NoError(t, v.Validate(schemas.Event, ev), "event %s", ev.Type)
	}
}

func TestGolden(t *testing.T) {
	ex := testExtractor(t)
	for _, id := range fixtures.IDs() {
		t.Run(id, func(t *testing.T) {
			a, err := fixtures.Article(id)
			require.NoError(t, err)
			doc, err := ex.Extract(context.Background(), a)
			require.NoError(t, err)
			checkDocument(t, a.Body, doc)

			got, err := json.MarshalIndent(doc, "", " ")
			require.NoError(t, err)
			got = append(got, '\n')
			var evs bytes.Buffer
			enc := json.NewEncoder(&evs)
			enc.SetEscapeHTML(false)
			for _, ev := range doc.Events() {
				require.NoError(t, enc.Encode(ev))
			}
			for name, data := range map[string][]byte{id + ".json": got, id + ".events.jsonl": evs.Bytes()} {
				path := filepath.Join("..", "..", "fixtures", "golden", name)
				if *update {
					require.NoError(t, os.WriteFile(path, data, 0o644))
					continue
				}
				want, err := os.ReadFile(path)
				require.NoError(t, err, "golden file missing: run go test ./pkg/extract -run TestGolden -update")
				assert.Equal(t, string(want), string(data), "output differs from %s (rewrite with -update if intended)", path)
			}
		})
	}
}

func TestDeterministicEventIDs(t *testing.T) {
	ex := testExtractor(t)
	a, err := fixtures.Article(fixtures.SeedID)
	require.NoError(t, err)
	d1, err := ex.Extract(context.Background(), a)
	require.NoError(t, err)
	d2, err := ex.Extract(context.Background(), a)
	require.NoError(t, err)
	e1, e2 := d1.Events(), d2.Events()
	require.Equal(t, len(e1), len(e2))
	seen := map[string]bool{}
	for i := range e1 {
		assert.Equal(t, e1[i].EventID, e2[i].EventID)
		assert.False(t, seen[e1[i].EventID], "duplicate event id %s", e1[i].EventID)
		seen[e1[i].EventID] = true
	}
}

func TestExtractBadBody(t *testing.T) {
	ex := testExtractor(t)
	tests := []struct {
		name string
		body string
		want error
	}{
		{"empty body", "", events.ErrEmptyBody},
		{"blank body", " \n ", events.ErrEmptyBody},
		{"invalid UTF-8", "Iran \xff said", events.ErrInvalidUTF8},
		{"too large", string(bytes.Repeat([]byte("word "), 1<<20)), events.ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ex.Extract(context.Background(), events.Article{ID: "bad", Body: tt.body})
			require.ErrorIs(t, err, tt.want)
			assert.Contains(t, err.Error(), `"bad"`)
		})
	}
}

func TestExtractCancelled(t *testing.T) {
	ex := testExtractor(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := ex.Extract(ctx, events.Article{ID: "c", Body: "Iran said so."})
	require.ErrorIs(t, err, context.Canceled)
}

// TestCorpus runs the whole corpus and checks every output's invariants.
func TestCorpus(t *testing.T) {
	f, err := os.Open(corpusPath())
	if os.IsNotExist(err) {
		t.Skipf("corpus not found at %s (set EXTRACTOR_CORPUS); fixtures are covered by TestGolden", corpusPath())
	}
	require.NoError(t, err)
	defer f.Close()
	ex := testExtractor(t)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	n := 0
	for sc.Scan() {
		a, err := events.DecodeArticle(sc.Bytes(), 0)
		require.NoError(t, err)
		doc, err := ex.Extract(context.Background(), a)
		require.NoError(t, err, a.ID)
		t.Run(a.ID, func(t *testing.T) { checkDocument(t, a.Body, doc) })
		n++
	}
	require.NoError(t, sc.Err())
	assert.Greater(t, n, 100)
}
