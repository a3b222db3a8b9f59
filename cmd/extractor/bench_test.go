package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsdesk/extractor/fixtures"
	"github.com/newsdesk/extractor/internal/bench"
	"github.com/newsdesk/extractor/pkg/extract"
)

func TestBenchCommandLine(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	require.NoError(t, os.WriteFile(bad, []byte("{\"id\":\"a\",\"body\":\"ok text.\"}\n{not json\n"), 0o644))
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"help", []string{"bench", "--help"}, 0, "Usage: extractor bench"},
		{"zero cores", []string{"bench", "--cpu", "0"}, 2, "--cpu must be at least 1"},
		{"missing file", []string{"bench", "/does/not/exist.jsonl"}, 1, "no such file"},
		{"bad article stops the run", []string{"bench", "--prose", "-1", bad}, 1, bad + ":2:"},
		{"table without prose", []string{"bench", "--min-time", "1ns", "--prose", "-1"}, 0, "extractor " + extract.Version},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runCmd(t, "", tt.args...)
			assert.Equal(t, tt.code, code, errs)
			assert.Contains(t, out+errs, tt.want)
		})
	}
}

func TestBenchJSONOnFixtures(t *testing.T) {
	code, out, errs := runCmd(t, "", "bench", "--json", "--min-time", "1ns", "--prose", "-1", "--cpu", "1")
	require.Equal(t, 0, code, errs)
	var rep bench.Report
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.Equal(t, len(fixtures.IDs()), rep.Articles, "every embedded fixture article is timed")
	assert.Equal(t, 1, rep.GOMAXPROCS)
	assert.Nil(t, rep.Prose)
}
