package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsdesk/extractor/fixtures"
)

// evalData is the scorer's copy of the dev gold files and scoring vectors.
var evalData = filepath.Join("..", "..", "pkg", "eval", "testdata")

func evalCmd(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = runEval(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestEvalPredictions(t *testing.T) {
	gold := filepath.Join(evalData, "gold")
	for _, name := range []string{"prose-as-shipped", "compromise"} {
		t.Run(name+" json", func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join(evalData, "predictions", name+".expected.json"))
			require.NoError(t, err)
			code, out, errs := evalCmd("--gold", gold, "--predictions", filepath.Join(evalData, "predictions", name), "--json")
			require.Equal(t, 0, code, errs)
			assert.Empty(t, errs)
			assert.Equal(t, string(want), out)
		})
	}

	t.Run("table", func(t *testing.T) {
		code, out, errs := evalCmd("--gold", gold, "--predictions", filepath.Join(evalData, "predictions", "compromise"))
		require.Equal(t, 0, code, errs)
		assert.Contains(t, out, "kind                    P      R     F1     tp     fp     fn\n")
		assert.Contains(t, out, "locations           0.480  0.505  0.492    251    272    246\n")
		assert.Contains(t, out, "quotes_direct       0.986  0.929  0.956    274      4     21\n")
		assert.Contains(t, out, "speaker_direct      0.000    274\n")
		assert.Contains(t, out, "speaker_indirect        -      0\n")
		assert.NotContains(t, out, "== ")
	})

	t.Run("detail", func(t *testing.T) {
		code, out, errs := evalCmd("--gold", gold, "--predictions", filepath.Join(evalData, "predictions", "compromise"), "--detail")
		require.Equal(t, 0, code, errs)
		for _, want := range []string{
			"\n== gum-news-clock\n  actors: tp 10, fp 22, fn 11\n",
			"    - missed   Barack Obama (person, US) [president]\n",
			"    + spurious Irving (person)\n",
			`  actor_affiliation wrong: Mark Zuckerberg: gold "Facebook", predicted ""` + "\n",
		} {
			assert.True(t, strings.Contains(out, want), "output lacks %q", want)
		}
	})

	t.Run("detail json", func(t *testing.T) {
		code, out, errs := evalCmd("--gold", gold, "--predictions", filepath.Join(evalData, "predictions", "compromise"), "--detail", "--json")
		require.Equal(t, 0, code, errs)
		var got struct {
			Articles int `json:"articles"`
			Details  []struct {
				ID     string `json:"id"`
				Missed []struct {
					Kind, Record string
				} `json:"missed"`
			} `json:"details"`
		}
		require.NoError(t, json.Unmarshal([]byte(out), &got))
		assert.Equal(t, 60, got.Articles)
		require.Len(t, got.Details, 60)
		assert.Equal(t, "gum-news-clock", got.Details[0].ID)
		assert.Equal(t, "actors", got.Details[0].Missed[0].Kind)
		assert.Equal(t, "Barack Obama (person, US) [president]", got.Details[0].Missed[0].Record)
	})
}

func TestEvalExtract(t *testing.T) {
	dir := t.TempDir()
	goldDir := filepath.Join(dir, "gold")
	require.NoError(t, os.Mkdir(goldDir, 0o755))
	g, err := fixtures.Gold(fixtures.SeedID)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(goldDir, fixtures.SeedID+".json"), g, 0o644))
	raw, err := fixtures.ArticleJSON(fixtures.SeedID)
	require.NoError(t, err)
	var a bytes.Buffer
	require.NoError(t, json.Compact(&a, raw))
	other := `{"id":"other","text":"An article without a gold file."}`
	articles := filepath.Join(dir, "articles.jsonl")
	require.NoError(t, os.WriteFile(articles, []byte(other+"\n"+a.String()+"\n\n"), 0o644))

	code, out, errs := evalCmd("--gold", goldDir, "--articles", articles, "--json")
	require.Equal(t, 0, code, errs)
	var got map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.Equal(t, "1", string(got["articles"]))
	assert.Len(t, got, 14)

	t.Run("gold article missing from the articles", func(t *testing.T) {
		require.NoError(t, os.WriteFile(filepath.Join(goldDir, "absent.json"), []byte(`{"id":"absent"}`), 0o644))
		defer os.Remove(filepath.Join(goldDir, "absent.json"))
		code, out, errs := evalCmd("--gold", goldDir, "--articles", articles)
		assert.Equal(t, 1, code)
		assert.Empty(t, out)
		assert.Equal(t, "extractor eval: 1 gold articles missing from "+articles+": absent\n", errs)
	})
}

func TestEvalErrors(t *testing.T) {
	gold := filepath.Join(evalData, "gold")
	preds := filepath.Join(evalData, "predictions", "compromise")
	dir := t.TempDir()
	badLine := filepath.Join(dir, "bad.jsonl")
	require.NoError(t, os.WriteFile(badLine, []byte("{\"id\":\"x\",\"text\":\"ok\"}\nnot json\n"), 0o644))
	badGold := filepath.Join(dir, "badgold")
	require.NoError(t, os.Mkdir(badGold, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(badGold, "x.json"), []byte(`{"actors": 3}`), 0o644))
	empty := filepath.Join(dir, "empty")
	require.NoError(t, os.Mkdir(empty, 0o755))

	tests := []struct {
		name string
		args []string
		code int
		err  string // a part of the one-line error
	}{
		{"unknown flag", []string{"--gold", gold, "--nope"}, 2, "flag provided but not defined: -nope"},
		{"argument", []string{"--gold", gold, "--predictions", preds, "extra"}, 2, `unexpected argument "extra"`},
		{"no gold", []string{"--predictions", preds}, 2, "--gold is required"},
		{"no articles nor predictions", []string{"--gold", gold}, 2, "--articles or --predictions is required"},
		{"unreadable gold folder", []string{"--gold", filepath.Join(dir, "nothere"), "--predictions", preds}, 1, "gold: eval: read folder"},
		{"gold folder without gold files", []string{"--gold", empty, "--predictions", preds}, 1, "no gold files"},
		{"bad gold file", []string{"--gold", badGold, "--predictions", preds}, 1, "x.json: json: cannot unmarshal"},
		{"unreadable predictions", []string{"--gold", gold, "--predictions", filepath.Join(dir, "nothere")}, 1, "predictions: eval: read folder"},
		{"unreadable articles", []string{"--gold", gold, "--articles", filepath.Join(dir, "nothere.jsonl")}, 1, "articles: open"},
		{"bad articles line", []string{"--gold", gold, "--articles", badLine}, 1, "bad.jsonl:2: invalid JSON"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := evalCmd(tc.args...)
			assert.Equal(t, tc.code, code)
			assert.Empty(t, out)
			assert.Contains(t, errs, tc.err)
			assert.True(t, strings.HasPrefix(errs, "extractor eval: "), errs)
			assert.Equal(t, 1, strings.Count(errs, "\n"), errs)
		})
	}
}

func TestEvalHelp(t *testing.T) {
	code, out, errs := evalCmd("--help")
	assert.Equal(t, 0, code)
	assert.Empty(t, errs)
	for _, flag := range []string{"-gold DIR", "-articles FILE", "-predictions DIR", "-json", "-detail"} {
		assert.Contains(t, out, flag)
	}
}
