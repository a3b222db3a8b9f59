// Command extractor extracts actors, locations, casualty figures and quotes
// from news articles.
//
//	extractor extract [flags] [FILE...]   articles in, JSONL out
//	extractor eval --gold DIR --articles FILE   score against gold files
//	extractor stream [flags]              Kafka topic in, events out
//	extractor batch [flags] INPUT...       reprocess archives
//	extractor bench [flags] [FILE...]     speed next to prose's NewDocument
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

const usage = `extractor: news extraction: actors, locations, casualty figures, quotes.

Usage:
  extractor extract [flags] [FILE...]    extract from articles (JSON, JSONL or text; stdin when no FILE)
  extractor eval [flags]                 score extraction against gold files
  extractor stream [flags]               consume articles from Kafka, produce events
  extractor batch [flags] INPUT...       reprocess archives (files, globs, a Kafka topic)
  extractor bench [flags] [FILE...]      time extraction next to prose's NewDocument as shipped
  extractor help COMMAND                 help for one command

Run 'extractor COMMAND --help' for the flags of a command.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run dispatches a command line and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "extract":
		return runExtract(rest, stdin, stdout, stderr)
	case "eval":
		return runEval(rest, stdout, stderr)
	case "stream":
		return runStream(rest, stdout, stderr)
	case "batch":
		return runBatch(rest, stdin, stdout, stderr)
	case "bench":
		return runBench(rest, stdout, stderr)
	case "help", "-h", "--help", "-help":
		if len(rest) > 0 {
			return run([]string{rest[0], "--help"}, stdin, stdout, stderr)
		}
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "extractor: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
}

// parseFlags parses args into fl, whose usage text is usage followed by the
// flag defaults. ok is false when the command should stop with code: 0
// after --help, 2 after a bad flag (fl has reported it on stderr).
func parseFlags(fl *flag.FlagSet, args []string, usage string, stderr io.Writer) (code int, ok bool) {
	fl.SetOutput(stderr)
	fl.Usage = func() {
		fmt.Fprint(stderr, usage)
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		return 2, false
	}
	return 0, true
}
