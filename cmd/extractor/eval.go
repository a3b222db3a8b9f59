package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strings"

	"github.com/newsdesk/extractor/pkg/eval"
	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/pkg/extract"
)

const evalUsage = `Usage: extractor eval --gold DIR --articles FILE [--predictions DIR] [--json] [--detail]

Scores extractions against the gold files <id>.json of DIR, as
GUIDELINES.md "How it is scored" defines it: precision, recall and F1 per
kind of record (micro-averaged over articles) and accuracies of fields of
matched records.

Without --predictions, the extractor is run on every article of FILE (JSONL,
one article per line, as ../shared/corpus/articles.jsonl) that has a gold
file; a gold article missing from FILE is an error. With --predictions, the
documents <id>.json of that folder (gold file format; a missing file or list
is an empty one) are scored instead and --articles is not needed.

Output: a table, or with --json the structure of
../shared/gold/scoring-vectors/*.expected.json. --detail adds, per article,
the gold records missed, the predicted records that match nothing and the
matched records with a wrong kind, role, affiliation, country, qualifier or
speaker (with --json: a "details" list).

Flags:
`

// evalOptions are the parsed flags of "extractor eval".
type evalOptions struct {
	gold, articles, predictions string
	json, detail                bool
}

// runEval implements "extractor eval".
func runEval(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("eval", flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	var o evalOptions
	fl.StringVar(&o.gold, "gold", "", "folder of gold files `DIR`/<id>.json (required)")
	fl.StringVar(&o.articles, "articles", "", "articles `FILE`, JSONL (required without --predictions)")
	fl.StringVar(&o.predictions, "predictions", "", "score the documents `DIR`/<id>.json instead of running the extractor")
	fl.BoolVar(&o.json, "json", false, "write the scores as JSON")
	fl.BoolVar(&o.detail, "detail", false, "list missed, spurious and wrong records per article")
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, evalUsage)
			fl.SetOutput(stdout)
			fl.PrintDefaults()
			return 0
		}
		fmt.Fprintf(stderr, "extractor eval: %v (see extractor eval --help)\n", err)
		return 2
	}
	switch {
	case fl.NArg() > 0:
		fmt.Fprintf(stderr, "extractor eval: unexpected argument %q (see extractor eval --help)\n", fl.Arg(0))
		return 2
	case o.gold == "":
		fmt.Fprintln(stderr, "extractor eval: --gold is required (see extractor eval --help)")
		return 2
	case o.predictions == "" && o.articles == "":
		fmt.Fprintln(stderr, "extractor eval: --articles or --predictions is required (see extractor eval --help)")
		return 2
	}

	gold, err := eval.LoadDir(o.gold)
	if err != nil {
		fmt.Fprintf(stderr, "extractor eval: gold: %v\n", err)
		return 1
	}
	if len(gold) == 0 {
		fmt.Fprintf(stderr, "extractor eval: no gold files <id>.json in %s\n", o.gold)
		return 1
	}
	var pred map[string]*events.Document
	failed := 0
	if o.predictions != "" {
		pred, err = eval.LoadDir(o.predictions)
		if err != nil {
			fmt.Fprintf(stderr, "extractor eval: predictions: %v\n", err)
			return 1
		}
	} else {
		pred, failed, err = extractGold(o.articles, gold, stderr)
		if err != nil {
			fmt.Fprintf(stderr, "extractor eval: %v\n", err)
			return 1
		}
	}

	report := eval.Score(gold, pred)
	out := bufio.NewWriter(stdout)
	if o.json {
		err = writeEvalJSON(out, report, o.detail)
	} else {
		writeEvalTable(out, report, o)
		if o.detail {
			writeEvalDetail(out, report)
		}
	}
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "extractor eval: write output: %v\n", err)
		return 1
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "extractor eval: %d articles failed and were scored as empty\n", failed)
		return 1
	}
	return 0
}

// extractGold runs the extractor on every article of the JSONL file that
// has a gold document. An article that fails is reported on stderr and left
// without prediction (scored as empty); failed counts them.
func extractGold(path string, gold map[string]*events.Document, stderr io.Writer) (pred map[string]*events.Document, failed int, err error) {
	articles, err := readArticles(path, gold)
	if err != nil {
		return nil, 0, err
	}
	ex, err := extract.New(extract.Options{})
	if err != nil {
		return nil, 0, err
	}
	pred = make(map[string]*events.Document, len(articles))
	for _, id := range eval.IDs(gold) {
		doc, err := ex.Extract(context.Background(), articles[id])
		if err != nil {
			failed++
			fmt.Fprintf(stderr, "extractor eval: %s: %v\n", id, err)
			continue
		}
		pred[id] = doc
	}
	return pred, failed, nil
}

// readArticles reads the articles of a JSONL file that have a gold document.
// Every gold document needs its article; a line that is not a valid article
// is an error.
func readArticles(path string, gold map[string]*events.Document) (map[string]events.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	defer f.Close()
	articles := make(map[string]events.Article, len(gold))
	r := bufio.NewReaderSize(f, 1<<20)
	for line := 1; ; line++ {
		raw, err := r.ReadBytes('\n')
		if len(bytes.TrimSpace(raw)) > 0 {
			a, derr := events.DecodeArticle(raw, 0)
			if derr != nil {
				return nil, fmt.Errorf("%s:%d: %v", path, line, derr)
			}
			if gold[a.ID] != nil {
				articles[a.ID] = a
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("articles: %w", err)
		}
	}
	var missing []string
	for _, id := range eval.IDs(gold) {
		if _, ok := articles[id]; !ok {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%d gold articles missing from %s: %s", len(missing), path, strings.Join(missing, ", "))
	}
	return articles, nil
}

// writeEvalJSON writes the report as the scoring vectors do (one-space
// indent), with a "details" list when asked.
func writeEvalJSON(w io.Writer, r *eval.Report, detail bool) error {
	var v any = r
	if detail {
		v = struct {
			*eval.Report
			Details []eval.ArticleResult `json:"details"`
		}{r, r.Results}
	}
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

// countRows and accRows list the table rows in output order.
func countRows(s *eval.Scores) []struct {
	name string
	c    eval.Counts
} {
	return []struct {
		name string
		c    eval.Counts
	}{
		{eval.KindActors, s.Actors}, {eval.KindStates, s.States}, {eval.KindLocations, s.Locations},
		{eval.KindCasualties, s.Casualties}, {eval.KindQuotesDirect, s.QuotesDirect}, {eval.KindQuotesIndirect, s.QuotesIndirect},
	}
}

func accRows(s *eval.Scores) []struct {
	name string
	a    eval.Accuracy
} {
	return []struct {
		name string
		a    eval.Accuracy
	}{
		{eval.KindActorKind, s.ActorKind}, {eval.KindActorRole, s.ActorRole}, {eval.KindActorAffiliation, s.ActorAffiliation},
		{eval.KindLocationCountry, s.LocationCountry}, {eval.KindCasualtyQualifier, s.CasualtyQualifier},
		{eval.KindSpeakerDirect, s.SpeakerDirect}, {eval.KindSpeakerIndirect, s.SpeakerIndirect},
	}
}

// writeEvalTable writes the scores as a readable table.
func writeEvalTable(w io.Writer, r *eval.Report, o evalOptions) {
	src := "extractor " + extract.Version
	if o.predictions != "" {
		src = o.predictions
	}
	fmt.Fprintf(w, "%d articles, gold %s, predictions %s\n\n", r.Articles, o.gold, src)
	fmt.Fprintf(w, "%-18s %6s %6s %6s %6s %6s %6s\n", "kind", "P", "R", "F1", "tp", "fp", "fn")
	for _, row := range countRows(&r.Scores) {
		fmt.Fprintf(w, "%-18s %6.3f %6.3f %6.3f %6d %6d %6d\n", row.name,
			row.c.Precision(), row.c.Recall(), row.c.F1(), row.c.TP, row.c.FP, row.c.FN)
	}
	fmt.Fprintf(w, "\n%-18s %6s %6s\n", "accuracy", "acc", "n")
	for _, row := range accRows(&r.Scores) {
		acc := "-"
		if v := row.a.Value(); !math.IsNaN(v) {
			acc = fmt.Sprintf("%.3f", v)
		}
		fmt.Fprintf(w, "%-18s %6s %6d\n", row.name, acc, row.a.N)
	}
}

// writeEvalDetail lists the mistakes of every article that has some.
func writeEvalDetail(w io.Writer, r *eval.Report) {
	for _, a := range r.Results {
		if len(a.Missed)+len(a.Spurious)+len(a.Wrong) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n== %s\n", a.ID)
		for _, row := range countRows(&a.Scores) {
			if row.c.FP+row.c.FN == 0 {
				continue
			}
			fmt.Fprintf(w, "  %s: tp %d, fp %d, fn %d\n", row.name, row.c.TP, row.c.FP, row.c.FN)
			for _, f := range a.Missed {
				if f.Kind == row.name {
					fmt.Fprintf(w, "    - missed   %s\n", f.Record)
				}
			}
			for _, f := range a.Spurious {
				if f.Kind == row.name {
					fmt.Fprintf(w, "    + spurious %s\n", f.Record)
				}
			}
		}
		wrong := append([]eval.Finding(nil), a.Wrong...)
		sort.SliceStable(wrong, func(i, j int) bool { return wrong[i].Kind < wrong[j].Kind })
		for _, f := range wrong {
			fmt.Fprintf(w, "  %s wrong: %s: gold %q, predicted %q\n", f.Kind, f.Record, f.Gold, f.Pred)
		}
	}
}
