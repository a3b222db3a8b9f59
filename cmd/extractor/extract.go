package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/newsdesk/extractor/fixtures"
	"github.com/newsdesk/extractor/internal/input"
	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/pkg/extract"
)

const extractUsage = `Usage: extractor extract [flags] [FILE...]

Reads articles and writes one JSON line per event (--format events) or per
article (--format article) to standard output, in input order.

Input: a JSON article ({"id", "body" or "text", optional "title", "url",
"published_at" or "published", "source", "language"}), JSONL (one article per
line) or plain text (id derived from a hash of the text). With no FILE, reads
standard input; "-" also means standard input. --demo reads the embedded seed
article instead.

A bad article (invalid JSON, missing id or body, invalid UTF-8, empty or
oversized body) is reported on standard error as "FILE:LINE: problem" and
the rest are still processed; the exit code is then 1.

Flags:
`

// runExtract implements "extractor extract".
func runExtract(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("extract", flag.ContinueOnError)
	format := fl.String("format", "events", "output `form`: events (one line per extraction) or article (one document per article)")
	maxBody := fl.Int("max-body", events.MaxBodyBytes, "largest article body accepted, in `bytes`")
	demo := fl.Bool("demo", false, "extract from the embedded seed article (no input needed)")
	if code, ok := parseFlags(fl, args, extractUsage, stderr); !ok {
		return code
	}
	if *format != "events" && *format != "article" {
		fmt.Fprintf(stderr, "extractor extract: --format must be events or article, not %q\n", *format)
		return 2
	}
	ex, err := extract.New(extract.Options{MaxBodyBytes: *maxBody})
	if err != nil {
		fmt.Fprintf(stderr, "extractor extract: %v\n", err)
		return 1
	}
	out := bufio.NewWriterSize(stdout, 64<<10)
	w := &extractWriter{ex: ex, enc: json.NewEncoder(out), stderr: stderr, article: *format == "article"}
	w.enc.SetEscapeHTML(false)
	opts := input.Options{MaxBodyBytes: *maxBody}

	var readErr error
	switch {
	case *demo:
		raw, err := fixtures.ArticleJSON(fixtures.SeedID)
		if err != nil {
			fmt.Fprintf(stderr, "extractor extract: %v\n", err)
			return 1
		}
		readErr = input.Read(bytes.NewReader(raw), "demo", opts, w.handle)
	case fl.NArg() == 0:
		readErr = input.Read(stdin, "stdin", opts, w.handle)
	default:
		for _, name := range fl.Args() {
			if readErr = readFile(name, stdin, opts, w.handle); readErr != nil {
				break
			}
		}
	}
	if err := out.Flush(); err != nil && readErr == nil {
		readErr = fmt.Errorf("write output: %w", err)
	}
	if readErr != nil {
		fmt.Fprintf(stderr, "extractor extract: %v\n", readErr)
		return 1
	}
	if w.failed > 0 {
		fmt.Fprintf(stderr, "extractor extract: %d of %d articles failed\n", w.failed, w.seen)
		return 1
	}
	return 0
}

func readFile(name string, stdin io.Reader, opts input.Options, fn func(input.Item) error) error {
	if name == "-" {
		return input.Read(stdin, "stdin", opts, fn)
	}
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return input.Read(f, name, opts, fn)
}

// extractWriter extracts each item and writes its output lines.
type extractWriter struct {
	ex      *extract.Extractor
	enc     *json.Encoder
	stderr  io.Writer
	article bool
	seen    int
	failed  int
}

func (w *extractWriter) handle(it input.Item) error {
	w.seen++
	if it.Err != nil {
		w.failed++
		fmt.Fprintf(w.stderr, "%s: %v\n", it.Where, it.Err)
		return nil
	}
	doc, err := w.ex.Extract(context.Background(), it.Article)
	if err != nil {
		w.failed++
		fmt.Fprintf(w.stderr, "%s: %v\n", it.Where, err)
		return nil
	}
	if w.article {
		return w.enc.Encode(doc)
	}
	for _, ev := range doc.Events() {
		if err := w.enc.Encode(ev); err != nil {
			return err
		}
	}
	return nil
}
