package batch

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsdesk/extractor/pkg/events"
)

// fakeExtractor returns a document with one location per article so that
// tests are fast and deterministic. A body with "FAIL" fails, one with
// "PANIC" panics. The work per article varies with its id, so that
// workers finish out of order.
type fakeExtractor struct {
	calls atomic.Int64
	// before, when set, runs before each extraction.
	before func(a events.Article)
	// after, when set, runs after each extraction with the call count.
	after func(n int64)
}

func (f *fakeExtractor) Extract(ctx context.Context, a events.Article) (*events.Document, error) {
	if f.before != nil {
		f.before(a)
	}
	n := f.calls.Add(1)
	if f.after != nil {
		defer f.after(n)
	}
	h := fnv.New32a()
	h.Write([]byte(a.ID))
	for i := 0; i < int(h.Sum32()%64); i++ {
		runtime.Gosched()
	}
	switch {
	case strings.Contains(a.Body, "PANIC"):
		panic("fake panic")
	case strings.Contains(a.Body, "FAIL"):
		return nil, errors.New("fake failure")
	}
	d := &events.Document{ID: a.ID, ExtractorVersion: "test",
		Locations: []events.Location{{Name: "Kabul"}}}
	return d, nil
}

func articleLine(id, body string) string {
	b, _ := json.Marshal(map[string]string{"id": id, "body": body})
	return string(b)
}

// lines returns n good article lines with ids prefix-000...
func lines(prefix string, n int) []string {
	var out []string
	for i := range n {
		out = append(out, articleLine(fmt.Sprintf("%s-%03d", prefix, i), "Text of article "+fmt.Sprint(i)+"."))
	}
	return out
}

// writeFile writes lines as a file compressed by the name's extension.
func writeFile(t testing.TB, name string, ls []string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(name), 0o755))
	var buf bytes.Buffer
	var w io.WriteCloser = nopCloser{&buf}
	switch {
	case strings.HasSuffix(name, ".gz"):
		w = gzip.NewWriter(&buf)
	case strings.HasSuffix(name, ".zst"):
		zw, err := zstd.NewWriter(&buf)
		require.NoError(t, err)
		w = zw
	}
	_, err := io.WriteString(w, strings.Join(ls, "\n")+"\n")
	require.NoError(t, err)
	require.NoError(t, w.Close())
	require.NoError(t, os.WriteFile(name, buf.Bytes(), 0o644))
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// readLines reads a JSONL file, decompressing by its extension.
func readLines(t *testing.T, name string) []string {
	t.Helper()
	f, err := os.Open(name)
	require.NoError(t, err)
	defer f.Close()
	r, err := decompress(f, name)
	require.NoError(t, err)
	defer r.Close()
	var out []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	require.NoError(t, sc.Err())
	return out
}

// docIDs are the ids of article-format output lines, in order.
func docIDs(t *testing.T, ls []string) []string {
	t.Helper()
	var ids []string
	for _, l := range ls {
		var d events.Document
		require.NoError(t, json.Unmarshal([]byte(l), &d), l)
		ids = append(ids, d.ID)
	}
	return ids
}

func errRecords(t *testing.T, name string) []errorRecord {
	t.Helper()
	var out []errorRecord
	for _, l := range readLines(t, name) {
		var r errorRecord
		require.NoError(t, json.Unmarshal([]byte(l), &r))
		out = append(out, r)
	}
	return out
}

func ids(prefix string, n int) []string {
	var out []string
	for i := range n {
		out = append(out, fmt.Sprintf("%s-%03d", prefix, i))
	}
	return out
}

func TestRunInputs(t *testing.T) {
	tests := []struct {
		name   string
		files  map[string][]string // relative name -> lines
		inputs []string            // relative; globs allowed
		want   []string            // ids in output order
	}{
		{"plain jsonl", map[string][]string{"a.jsonl": lines("a", 5)}, []string{"a.jsonl"}, ids("a", 5)},
		{"gzip", map[string][]string{"a.jsonl.gz": lines("a", 5)}, []string{"a.jsonl.gz"}, ids("a", 5)},
		{"zstd", map[string][]string{"a.jsonl.zst": lines("a", 5)}, []string{"a.jsonl.zst"}, ids("a", 5)},
		{"glob in sorted order", map[string][]string{"2024/b.jsonl": lines("b", 2), "2023/a.jsonl.gz": lines("a", 3)},
			[]string{"*/*.jsonl*"}, append(ids("a", 3), ids("b", 2)...)},
		{"directory walked in lexical order", map[string][]string{
			"arch/2024/x.jsonl.zst": lines("x", 2), "arch/2023/y.ndjson": lines("y", 2), "arch/README.md": {"not data"}},
			[]string{"arch"}, append(ids("y", 2), ids("x", 2)...)},
		{"files in argument order, duplicates once", map[string][]string{"a.jsonl": lines("a", 2), "b.jsonl": lines("b", 2)},
			[]string{"b.jsonl", "a.jsonl", "b.jsonl"}, append(ids("b", 2), ids("a", 2)...)},
		{"many articles keep input order", map[string][]string{"a.jsonl": lines("a", 300)}, []string{"a.jsonl"}, ids("a", 300)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, ls := range tc.files {
				writeFile(t, filepath.Join(dir, name), ls)
			}
			var in []string
			for _, n := range tc.inputs {
				in = append(in, filepath.Join(dir, n))
			}
			out := filepath.Join(dir, "out.jsonl")
			sum, err := Run(context.Background(), &fakeExtractor{}, Options{Inputs: in, Output: out, Format: FormatArticle, Workers: 4})
			require.NoError(t, err)
			assert.Equal(t, tc.want, docIDs(t, readLines(t, out)))
			assert.Equal(t, int64(len(tc.want)), sum.Read)
			assert.Equal(t, int64(len(tc.want)), sum.Extracted)
			assert.Zero(t, sum.Failed)
			assert.Equal(t, map[string]int64{events.TypeLocation: int64(len(tc.want))}, sum.Events)
			assert.True(t, sum.Complete)
			assert.Empty(t, readLines(t, out+".errors.jsonl"))
		})
	}
}

func TestRunStdinAndEventsFormat(t *testing.T) {
	var out bytes.Buffer
	in := strings.Join(lines("s", 3), "\n")
	sum, err := Run(context.Background(), &fakeExtractor{}, Options{Inputs: []string{"-"}, Stdin: strings.NewReader(in), Stdout: &out})
	require.NoError(t, err)
	assert.Equal(t, int64(3), sum.Extracted)
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var ev events.Event
		require.NoError(t, json.Unmarshal([]byte(l), &ev))
		assert.Equal(t, events.TypeLocation, ev.Type)
		got = append(got, ev.ArticleID)
	}
	assert.Equal(t, ids("s", 3), got)
}

func TestRunBadArticles(t *testing.T) {
	good := lines("g", 3)
	in := []string{
		good[0],
		`{"id":"broken",`,
		articleLine("fails", "FAIL here"),
		good[1],
		`{"body":"no id"}`,
		articleLine("panics", "PANIC here"),
		articleLine("empty", "   "),
		good[2],
	}
	tests := []struct {
		name      string
		unordered bool
	}{{"ordered", false}, {"unordered", true}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			src := filepath.Join(dir, "in.jsonl.gz")
			writeFile(t, src, in)
			out := filepath.Join(dir, "out.jsonl")
			sum, err := Run(context.Background(), &fakeExtractor{}, Options{Inputs: []string{src}, Output: out,
				Format: FormatArticle, Workers: 3, Unordered: tc.unordered})
			require.NoError(t, err)
			assert.Equal(t, int64(8), sum.Read)
			assert.Equal(t, int64(3), sum.Extracted)
			assert.Equal(t, int64(5), sum.Failed)
			got := docIDs(t, readLines(t, out))
			if tc.unordered {
				sort.Strings(got)
			}
			assert.Equal(t, ids("g", 3), got)

			recs := errRecords(t, out+".errors.jsonl")
			if tc.unordered {
				sort.Slice(recs, func(i, j int) bool { return recs[i].Where < recs[j].Where })
			}
			require.Len(t, recs, 5)
			wantWhere := []string{src + ":2", src + ":3", src + ":5", src + ":6", src + ":7"}
			wantLine := []string{in[1], in[2], in[4], in[5], in[6]}
			wantReason := []string{"invalid JSON", "fake failure", "missing id", "extraction panic: fake panic", "empty body"}
			for i, r := range recs {
				assert.Equal(t, wantWhere[i], r.Where)
				assert.Equal(t, wantLine[i], r.Line)
				assert.Contains(t, r.Reason, wantReason[i])
			}
		})
	}
}

func TestRunInvalidUTF8LineIsKeptInBase64(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "in.jsonl")
	bad := []byte("{\"id\":\"x\",\"body\":\"\xff\"}")
	require.NoError(t, os.WriteFile(src, append(append([]byte(lines("a", 1)[0]+"\n"), bad...), '\n'), 0o644))
	out := filepath.Join(dir, "out.jsonl")
	sum, err := Run(context.Background(), &fakeExtractor{}, Options{Inputs: []string{src}, Output: out})
	require.NoError(t, err)
	assert.Equal(t, int64(1), sum.Failed)
	recs := errRecords(t, out+".errors.jsonl")
	require.Len(t, recs, 1)
	assert.Equal(t, src+":2", recs[0].Where)
	assert.Equal(t, bad, recs[0].LineBase64)
	assert.Empty(t, recs[0].Line)
}

func TestRunOptionErrors(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		want string
	}{
		{"no input", Options{}, "give input files or a Kafka topic"},
		{"bad format", Options{Inputs: []string{"x"}, Format: "xml"}, "format"},
		{"missing file", Options{Inputs: []string{"/nonexistent/x.jsonl"}}, "no such file"},
		{"glob without match", Options{Inputs: []string{"/nonexistent/*.jsonl"}}, "no file matches"},
		{"resume on stdout", Options{Inputs: []string{"x"}, Resume: true}, "--resume needs an output"},
		{"file and topic output", Options{Inputs: []string{"x"}, Output: "o", KafkaOut: &KafkaOutput{}}, "not both"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Run(context.Background(), &fakeExtractor{}, tc.opts)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}
