package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/newsdesk/extractor/internal/batch"
	"github.com/newsdesk/extractor/internal/stream"
	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/pkg/extract"
)

const batchUsage = `Usage: extractor batch [flags] INPUT...
       extractor batch [flags] --brokers HOST:PORT --input-topic TOPIC [--from T] [--to T]

Reprocesses archived articles. INPUT is a JSONL file (plain, .gz or .zst), a
directory (its *.jsonl, *.ndjson and *.json files, plain or compressed, in
lexical order) or a glob; "-" is standard input. Or a Kafka topic is replayed
from the beginning (or --from, an RFC 3339 time) to its end when the run
starts (or --to, exclusive).

Output (--output, standard output by default) is JSONL: one event per line
(--format events) or one document per article (--format article), in input
order unless --unordered; a name ending in .gz or .zst is compressed. Or
--output-topic produces each line as a message keyed by article id.

Extraction runs on --workers goroutines (default: GOMAXPROCS). Bad articles
go to the errors file (OUTPUT.errors.jsonl by default): one JSON line with
where (FILE:LINE or TOPIC/PARTITION@OFFSET), reason and the original line.
They never stop the run; the exit code is 1 when any failed.

Resume: a checkpoint (OUTPUT.checkpoint by default) is saved every
--checkpoint-every articles and every 5 s, after the output up to it has been
flushed and synced. After an interruption (Ctrl-C, crash) run the same
command with --resume: the output is cut back to the checkpoint and the run
goes on without redoing or skipping articles. A Kafka output is at least
once: lines after the last checkpoint may be produced twice.

On a terminal a progress line is drawn on standard error; a summary is
printed at the end. --quiet prints neither. Exit codes: 0 all extracted, 1
some articles failed or the run failed, 2 bad usage, 130 interrupted.

Flags:
`

// runBatch implements "extractor batch".
func runBatch(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop() // a second Ctrl-C kills at once
	}()
	return batchMain(ctx, args, stdin, stdout, stderr, os.Getenv)
}

// batchMain is runBatch with the context and environment given.
func batchMain(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	fl := flag.NewFlagSet("batch", flag.ContinueOnError)
	var o batch.Options
	fl.StringVar(&o.Output, "output", "", "output `file` (.gz, .zst compress; default standard output)")
	fl.StringVar(&o.Output, "o", "", "short for --output")
	fl.StringVar(&o.Format, "format", batch.FormatEvents, "output `form`: events or article")
	fl.IntVar(&o.Workers, "workers", 0, "extraction `workers` (default GOMAXPROCS)")
	fl.BoolVar(&o.Unordered, "unordered", false, "write output in completion order, not input order")
	fl.StringVar(&o.ErrorsPath, "errors", "", "errors `file` (default OUTPUT.errors.jsonl; on standard error without an output file)")
	fl.StringVar(&o.CheckpointPath, "checkpoint", "", "checkpoint `file` (default OUTPUT.checkpoint)")
	fl.BoolVar(&o.Resume, "resume", false, "continue from the checkpoint")
	fl.IntVar(&o.CheckpointEvery, "checkpoint-every", 1000, "most `articles` between checkpoints")
	fl.IntVar(&o.MaxBodyBytes, "max-body", events.MaxBodyBytes, "largest article body accepted, in `bytes`")
	quiet := fl.Bool("quiet", false, "no progress line and no summary")
	var sc stream.Config
	var brokers, inTopic, outTopic, from, to, pwFile string
	fl.StringVar(&brokers, "brokers", getenv(stream.EnvName("brokers")), "comma-separated Kafka `addresses` host:port")
	fl.StringVar(&inTopic, "input-topic", "", "replay this `topic` instead of INPUT files")
	fl.StringVar(&from, "from", "", "replay messages from this `time` (RFC 3339) on")
	fl.StringVar(&to, "to", "", "replay messages before this `time` (RFC 3339)")
	fl.StringVar(&outTopic, "output-topic", "", "produce the output lines to this `topic`")
	fl.BoolVar(&sc.TLS.Enable, "tls", false, "connect with TLS")
	fl.StringVar(&sc.TLS.CAFile, "tls-ca", "", "PEM `file` of CAs to trust")
	fl.StringVar(&sc.TLS.CertFile, "tls-cert", "", "PEM client certificate `file`")
	fl.StringVar(&sc.TLS.KeyFile, "tls-key", "", "PEM client key `file`")
	fl.BoolVar(&sc.TLS.InsecureSkipVerify, "tls-insecure-skip-verify", false, "do not verify broker certificates (testing only)")
	fl.StringVar(&sc.SASL.Mechanism, "sasl-mechanism", "", "SASL `mechanism`: plain, scram-sha-256 or scram-sha-512")
	fl.StringVar(&sc.SASL.Username, "sasl-username", "", "SASL `user`")
	fl.StringVar(&pwFile, "sasl-password-file", "", "`file` with the SASL password (or EXTRACTOR_SASL_PASSWORD)")
	if code, ok := parseFlags(fl, args, batchUsage, stderr); !ok {
		return code
	}
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "extractor batch: "+format+"\n", a...)
		return 2
	}
	o.Inputs, o.Stdin, o.Stdout, o.Log = fl.Args(), stdin, stdout, stderr
	if inTopic != "" || outTopic != "" {
		sc.Brokers = stream.ParseBrokers(brokers)
		if len(sc.Brokers) == 0 {
			return usageErr("--input-topic and --output-topic need --brokers")
		}
		sc.ClientID = "extractor-batch"
		sc.SASL.Mechanism = strings.ToLower(sc.SASL.Mechanism)
		sc.SASL.Password = getenv(stream.EnvName("sasl-password"))
		if pwFile != "" {
			b, err := os.ReadFile(pwFile)
			if err != nil {
				return usageErr("--sasl-password-file: %v", err)
			}
			sc.SASL.Password = strings.TrimRight(string(b), "\r\n")
		}
		dialer, trans, err := stream.Clients(sc)
		if err != nil {
			return usageErr("%v", err)
		}
		if inTopic != "" {
			if len(o.Inputs) > 0 {
				return usageErr("give INPUT files or --input-topic, not both")
			}
			o.Kafka = &batch.KafkaInput{Brokers: sc.Brokers, Topic: inTopic, Dialer: dialer}
			for _, t := range []struct {
				flag, v string
				p       *time.Time
			}{{"from", from, &o.Kafka.From}, {"to", to, &o.Kafka.To}} {
				if t.v == "" {
					continue
				}
				if *t.p, err = time.Parse(time.RFC3339, t.v); err != nil {
					return usageErr("--%s: %v", t.flag, err)
				}
			}
		}
		if outTopic != "" {
			o.KafkaOut = &batch.KafkaOutput{Brokers: sc.Brokers, Topic: outTopic, Transport: trans}
		}
	} else if from != "" || to != "" {
		return usageErr("--from and --to need --input-topic")
	}
	if o.Kafka == nil && len(o.Inputs) == 0 {
		fl.Usage()
		return 2
	}
	if o.Format != batch.FormatEvents && o.Format != batch.FormatArticle {
		return usageErr("--format must be events or article, not %q", o.Format)
	}
	if !*quiet && isTerminal(stderr) {
		o.Progress = stderr
	}
	ex, err := extract.New(extract.Options{MaxBodyBytes: o.MaxBodyBytes})
	if err != nil {
		fmt.Fprintf(stderr, "extractor batch: %v\n", err)
		return 1
	}
	sum, err := batch.Run(ctx, ex, o)
	if !*quiet && (sum.Read > 0 || sum.Skipped > 0 || err == nil) {
		fmt.Fprint(stderr, sum.String())
	}
	switch {
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "extractor batch: interrupted")
		return 130
	case err != nil:
		fmt.Fprintf(stderr, "extractor batch: %v\n", err)
		return 1
	case sum.Failed+sum.FailedBefore > 0:
		if !*quiet {
			fmt.Fprintf(stderr, "extractor batch: %d articles failed (see the errors file)\n", sum.Failed+sum.FailedBefore)
		}
		return 1
	}
	return 0
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
