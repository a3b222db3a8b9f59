package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/newsdesk/extractor/fixtures"
	"github.com/newsdesk/extractor/internal/bench"
	"github.com/newsdesk/extractor/internal/input"
	"github.com/newsdesk/extractor/pkg/events"
)

const benchUsage = `Usage: extractor bench [flags] [FILE...]

Times full extraction over the articles of FILE (JSON, JSONL or text; the
embedded fixture articles when no FILE is given) on --cpu cores, then prose's
NewDocument as shipped (default options, model loaded per call) on the same
articles, and prints both speeds and their ratio, with the time to load
(ready), allocation per article and the peak resident set.

  extractor bench ../shared/corpus/articles.jsonl

A bad article stops the run: the numbers would not be comparable.

Flags:
`

// runBench implements "extractor bench".
func runBench(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("bench", flag.ContinueOnError)
	minTime := fl.Duration("min-time", 0, "least `time` spent timing the extractor, in whole passes (0: 3s)")
	proseN := fl.Int("prose", 0, "time prose on the first `N` articles only (0: all, -1: skip prose)")
	cpu := fl.Int("cpu", 1, "GOMAXPROCS: the number of `cores` used")
	asJSON := fl.Bool("json", false, "print the report as JSON")
	cpuProfile := fl.String("cpuprofile", "", "write a CPU profile of the extractor's passes to `file`")
	memProfile := fl.String("memprofile", "", "write an allocation profile of the extractor's passes to `file`")
	if code, ok := parseFlags(fl, args, benchUsage, stderr); !ok {
		return code
	}
	if *cpu < 1 {
		fmt.Fprintf(stderr, "extractor bench: --cpu must be at least 1, not %d\n", *cpu)
		return 2
	}
	arts, err := benchArticles(fl.Args())
	if err != nil {
		fmt.Fprintf(stderr, "extractor bench: %v\n", err)
		return 1
	}
	opts := bench.Options{MinTime: *minTime, ProseArticles: *proseN}
	for _, p := range []struct {
		name string
		into *io.Writer
	}{{*cpuProfile, &opts.CPUProfile}, {*memProfile, &opts.MemProfile}} {
		if p.name == "" {
			continue
		}
		f, err := os.Create(p.name)
		if err != nil {
			fmt.Fprintf(stderr, "extractor bench: %v\n", err)
			return 1
		}
		defer f.Close()
		*p.into = f
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(*cpu))
	rep, err := bench.Run(context.Background(), arts, opts)
	if err != nil {
		fmt.Fprintf(stderr, "extractor bench: %v\n", err)
		return 1
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			fmt.Fprintf(stderr, "extractor bench: %v\n", err)
			return 1
		}
		return 0
	}
	bench.Print(stdout, rep)
	return 0
}

// benchArticles reads the articles of files, or the embedded fixtures.
func benchArticles(files []string) ([]events.Article, error) {
	var arts []events.Article
	if len(files) == 0 {
		for _, id := range fixtures.IDs() {
			a, err := fixtures.Article(id)
			if err != nil {
				return nil, err
			}
			arts = append(arts, a)
		}
		return arts, nil
	}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		err = input.Read(f, name, input.Options{}, func(it input.Item) error {
			if it.Err != nil {
				return fmt.Errorf("%s: %w", it.Where, it.Err)
			}
			arts = append(arts, it.Article)
			return nil
		})
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	return arts, nil
}
