package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsdesk/extractor/fixtures"
	"github.com/newsdesk/extractor/pkg/events"
)

// fixtureJSONL writes the fixture articles and one bad line (line 3) to a
// JSONL file and returns its path and the good ids in order.
func fixtureJSONL(t *testing.T) (string, []string) {
	t.Helper()
	var lines, ids []string
	for i, id := range fixtures.IDs() {
		if i == 2 {
			lines = append(lines, `{"id":"broken"`)
		}
		a, err := fixtures.Article(id)
		require.NoError(t, err)
		b, err := json.Marshal(a)
		require.NoError(t, err)
		lines = append(lines, string(b))
		ids = append(ids, a.ID)
	}
	path := filepath.Join(t.TempDir(), "in.jsonl")
	require.NoError(t, os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644))
	return path, ids
}

func TestBatchCommand(t *testing.T) {
	in, ids := fixtureJSONL(t)
	noEnv := func(string) string { return "" }
	tests := []struct {
		name       string
		args       func(out string) []string
		wantCode   int
		wantStderr []string
		noStderr   bool
		wantDocs   bool
	}{
		{"no input is a usage error", func(string) []string { return nil }, 2, []string{"Usage: extractor batch"}, false, false},
		{"help", func(string) []string { return []string{"--help"} }, 0, []string{"--resume"}, false, false},
		{"bad format", func(o string) []string { return []string{"--format", "xml", in} }, 2, []string{"--format must be"}, false, false},
		{"time range needs a topic", func(o string) []string { return []string{"--from", "2024-01-01T00:00:00Z", in} }, 2, []string{"need --input-topic"}, false, false},
		{"topic needs brokers", func(o string) []string { return []string{"--input-topic", "articles"} }, 2, []string{"need --brokers"}, false, false},
		{"bad time", func(o string) []string {
			return []string{"--brokers", "127.0.0.1:1", "--input-topic", "a", "--from", "yesterday"}
		}, 2, []string{"--from"}, false, false},
		{"a bad line fails the run, the rest is written", func(o string) []string {
			return []string{"--format", "article", "-o", o, "--workers", "2", in}
		}, 1, []string{"batch complete: 8 articles read, 7 extracted, 1 failed", "articles/s", "1 articles failed"}, false, true},
		{"quiet prints nothing", func(o string) []string {
			return []string{"--quiet", "--format", "article", "-o", o, in}
		}, 1, nil, true, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out.jsonl.gz")
			var stdout, stderr bytes.Buffer
			code := batchMain(context.Background(), tc.args(out), strings.NewReader(""), &stdout, &stderr, noEnv)
			assert.Equal(t, tc.wantCode, code, stderr.String())
			for _, s := range tc.wantStderr {
				assert.Contains(t, stderr.String(), s)
			}
			if tc.noStderr {
				assert.Empty(t, stderr.String())
			}
			if !tc.wantDocs {
				return
			}
			assert.Equal(t, ids, docIDsOf(t, gunzipLines(t, out)))
			errs, err := os.ReadFile(out + ".errors.jsonl")
			require.NoError(t, err)
			assert.Contains(t, string(errs), `"where":"`+in+`:3"`)
		})
	}
}

func TestBatchCommandInterruptAndResume(t *testing.T) {
	in, ids := fixtureJSONL(t)
	out := filepath.Join(t.TempDir(), "out.jsonl")
	args := []string{"--format", "article", "--resume", "-o", out, in}
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // interrupted before anything is read
	var stderr bytes.Buffer
	code := batchMain(ctx, args, strings.NewReader(""), &bytes.Buffer{}, &stderr, func(string) string { return "" })
	assert.Equal(t, 130, code, stderr.String())
	assert.Contains(t, stderr.String(), "interrupted")

	stderr.Reset()
	code = batchMain(context.Background(), args, strings.NewReader(""), &bytes.Buffer{}, &stderr, func(string) string { return "" })
	assert.Equal(t, 1, code, stderr.String())
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, ids, docIDsOf(t, strings.Split(strings.TrimSpace(string(b)), "\n")))
}

func TestBatchEventsToStdout(t *testing.T) {
	a, err := fixtures.ArticleJSON(fixtures.SeedID)
	require.NoError(t, err)
	var stdout, stderr bytes.Buffer
	code := batchMain(context.Background(), []string{"--quiet", "-"}, bytes.NewReader(a), &stdout, &stderr, func(string) string { return "" })
	require.Equal(t, 0, code, stderr.String())
	for _, l := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		var ev events.Event
		require.NoError(t, json.Unmarshal([]byte(l), &ev))
		assert.Equal(t, fixtures.SeedID, ev.ArticleID)
	}
}

func gunzipLines(t *testing.T, name string) []string {
	t.Helper()
	f, err := os.Open(name)
	require.NoError(t, err)
	defer f.Close()
	zr, err := gzipReader(f)
	require.NoError(t, err)
	var buf bytes.Buffer
	_, err = buf.ReadFrom(zr)
	require.NoError(t, err)
	return strings.Split(strings.TrimSpace(buf.String()), "\n")
}

func docIDsOf(t *testing.T, lines []string) []string {
	t.Helper()
	var ids []string
	for _, l := range lines {
		var d events.Document
		require.NoError(t, json.Unmarshal([]byte(l), &d), l)
		ids = append(ids, d.ID)
	}
	return ids
}

func gzipReader(f *os.File) (*gzip.Reader, error) { return gzip.NewReader(f) }
