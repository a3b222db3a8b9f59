package main

import (
	"bufio"
	"bytes"
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
	"github.com/newsdesk/extractor/schemas"
)

func runCmd(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// articles150 writes a JSONL file of 150 articles: the first 150 of the
// corpus when it is present, otherwise copies of the fixtures with new ids.
func articles150(t *testing.T) (path string, ids []string) {
	t.Helper()
	var lines []string
	if f, err := os.Open(filepath.Join("..", "..", "..", "shared", "corpus", "articles.jsonl")); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		for sc.Scan() && len(lines) < 150 {
			lines = append(lines, sc.Text())
		}
	}
	for i := 0; len(lines) < 150; i++ {
		a, err := fixtures.Article(fixtures.IDs()[i%len(fixtures.IDs())])
		require.NoError(t, err)
		a.ID = fmt.Sprintf("%s-%03d", a.ID, i)
		b, err := json.Marshal(a)
		require.NoError(t, err)
		lines = append(lines, string(b))
	}
	for _, l := range lines {
		a, err := events.DecodeArticle([]byte(l), 0)
		require.NoError(t, err)
		ids = append(ids, a.ID)
	}
	path = filepath.Join(t.TempDir(), "articles.jsonl")
	require.NoError(t, os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644))
	return path, ids
}

func TestExtractArticleFormatKeepsOrder(t *testing.T) {
	path, ids := articles150(t)
	code, out, errs := runCmd(t, "", "extract", "--format", "article", path)
	require.Equal(t, 0, code, errs)
	v, err := schemas.NewValidator()
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.Len(t, lines, 150)
	for i, l := range lines {
		require.NoError(t, v.ValidateJSON(schemas.Document, []byte(l)), "line %d", i+1)
		var d events.Document
		require.NoError(t, json.Unmarshal([]byte(l), &d))
		assert.Equal(t, ids[i], d.ID, "line %d", i+1)
	}
}

func TestExtractEventsDemo(t *testing.T) {
	code, out, errs := runCmd(t, "", "extract", "--demo")
	require.Equal(t, 0, code, errs)
	v, err := schemas.NewValidator()
	require.NoError(t, err)
	n := 0
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l == "" {
			continue
		}
		require.NoError(t, v.ValidateJSON(schemas.Event, []byte(l)))
		var ev events.Event
		require.NoError(t, json.Unmarshal([]byte(l), &ev))
		assert.Equal(t, fixtures.SeedID, ev.ArticleID)
		n++
	}
	assert.Greater(t, n, 0, "the demo article yields events")
}

func TestExtractBadInputBatch(t *testing.T) {
	big := strings.Repeat("word ", 1<<20)
	in := strings.Join([]string{
		`{"id":"good1","body":"Iran said it struck militants in Pakistan."}`,
		`{"id": "broken"`,
		`{"body":"no id here"}`,
		`{"id":"nobody"}`,
		"{\"id\":\"badutf\",\"body\":\"caf\xe9\"}",
		`{"id":"empty","body":""}`,
		`{"id":"huge","body":"` + big + `"}`,
		`{"id":"good2","text":"Pakistan denied it."}`,
	}, "\n")
	code, out, errs := runCmd(t, in, "extract", "--format", "article")
	assert.Equal(t, 1, code)
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var d events.Document
		require.NoError(t, json.Unmarshal([]byte(l), &d))
		got = append(got, d.ID)
	}
	assert.Equal(t, []string{"good1", "good2"}, got, "good articles around bad ones are extracted")
	for _, want := range []string{
		"stdin:2: invalid JSON",
		"stdin:3: missing id",
		`stdin:4: article "nobody": missing body`,
		"stdin:5: invalid UTF-8",
		`stdin:6: article "empty": empty body`,
		`stdin:7: article "huge": body too large`,
		"6 of 8 articles failed",
	} {
		assert.Contains(t, errs, want)
	}
}

func TestExtractPlainText(t *testing.T) {
	code, out, errs := runCmd(t, "Iran said it struck militants.\n", "extract", "--format", "article")
	require.Equal(t, 0, code, errs)
	var d events.Document
	require.NoError(t, json.Unmarshal([]byte(out), &d))
	assert.True(t, strings.HasPrefix(d.ID, "sha256:"))
}

func TestCommandLine(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no command", nil, 2, "Usage:"},
		{"unknown command", []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"extract help", []string{"extract", "--help"}, 0, "Usage: extractor extract"},
		{"help extract", []string{"help", "extract"}, 0, "Usage: extractor extract"},
		{"bad format", []string{"extract", "--format", "xml"}, 2, "--format must be events or article"},
		{"unknown flag", []string{"extract", "--nope"}, 2, "flag provided but not defined"},
		{"missing file", []string{"extract", "/does/not/exist.jsonl"}, 1, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runCmd(t, "", tt.args...)
			assert.Equal(t, tt.code, code)
			assert.Contains(t, out+errs, tt.want)
		})
	}
}
