// Package batch reprocesses archives: articles from JSONL files (plain,
// .gz, .zst), directories, globs or a Kafka topic range are extracted by a
// pool of workers and written, in input order unless told otherwise, to a
// JSONL file or a Kafka topic. Bad articles go to an errors file and never
// stop a run. A checkpoint makes an interrupted run resumable without
// redoing or skipping articles.
package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/newsdesk/extractor/internal/input"
	"github.com/newsdesk/extractor/pkg/events"
)

// Extractor extracts one article; *extract.Extractor is one. It must be
// safe for concurrent use.
type Extractor interface {
	Extract(ctx context.Context, a events.Article) (*events.Document, error)
}

// Output formats.
const (
	FormatEvents  = "events"
	FormatArticle = "article"
)

// Options configure Run. Exactly one input (Inputs or Kafka) and at most one
// output (Output or KafkaOut; neither means Stdout) are given.
type Options struct {
	// Inputs are files, directories and globs (see Expand); "-" is Stdin.
	Inputs []string
	Stdin  io.Reader
	// Kafka, when set, replays a topic instead of Inputs.
	Kafka *KafkaInput

	// Output is the output file, compressed when it ends in .gz or .zst;
	// "" or "-" means Stdout.
	Output string
	Stdout io.Writer
	// KafkaOut, when set, produces to a topic instead of Output.
	KafkaOut *KafkaOutput

	// Format is FormatEvents (one line per event; "" means it) or
	// FormatArticle (one document per article).
	Format string
	// Workers is the number of extraction workers; 0 means GOMAXPROCS.
	Workers int
	// Unordered writes output in completion order instead of input order.
	Unordered bool
	// MaxBodyBytes is the largest body accepted; 0 means events.MaxBodyBytes.
	MaxBodyBytes int

	// ErrorsPath receives one JSON line per bad article: where, reason and
	// the original line. "" means Output + ".errors.jsonl" for a file
	// output, else "where: reason" lines on Log.
	ErrorsPath string
	// Log receives those lines when there is no errors file; nil discards.
	Log io.Writer

	// CheckpointPath is the checkpoint file; "" means Output + ".checkpoint"
	// for a file output, else no checkpoint.
	CheckpointPath string
	// Resume continues from the checkpoint when there is one: the output
	// and errors files are truncated to their checkpointed lengths and the
	// items done are skipped. Without Resume a run starts afresh.
	Resume bool
	// CheckpointEvery is the most items between checkpoints; 0 means 1000.
	CheckpointEvery int
	// CheckpointInterval is the longest time between checkpoints; 0 means
	// 5 s.
	CheckpointInterval time.Duration

	// Progress, when set, gets a progress line redrawn every
	// ProgressInterval (0 means 250 ms); it is cleared at the end.
	Progress         io.Writer
	ProgressInterval time.Duration
}

// Summary counts one run. Read counts the items read in this run (good and
// bad), Skipped those a resumed run found already done, FailedBefore the
// failures among those.
type Summary struct {
	Read         int64
	Skipped      int64
	Extracted    int64
	Failed       int64
	FailedBefore int64
	Events       map[string]int64
	Wall         time.Duration
	Resumed      bool
	Complete     bool
}

// Rate is the articles (extracted or failed) per second of wall time.
func (s Summary) Rate() float64 {
	if s.Wall <= 0 {
		return 0
	}
	return float64(s.Extracted+s.Failed) / s.Wall.Seconds()
}

// String is a short multi-line report.
func (s Summary) String() string {
	var b strings.Builder
	state := "complete"
	if !s.Complete {
		state = "interrupted (continue with --resume)"
	}
	fmt.Fprintf(&b, "batch %s: %d articles read, %d extracted, %d failed", state, s.Read, s.Extracted, s.Failed)
	if s.Resumed {
		fmt.Fprintf(&b, ", %d already done before resume (%d failed)", s.Skipped, s.FailedBefore)
	}
	fmt.Fprintf(&b, "\nevents:")
	types := make([]string, 0, len(s.Events))
	for t := range s.Events {
		types = append(types, t)
	}
	sort.Strings(types)
	if len(types) == 0 {
		b.WriteString(" none")
	}
	for _, t := range types {
		fmt.Fprintf(&b, " %s=%d", t, s.Events[t])
	}
	fmt.Fprintf(&b, "\nwall time %s, %.1f articles/s\n", s.Wall.Round(time.Millisecond), s.Rate())
	return b.String()
}

// job is one item for a worker; result is what the writer gets. A skip
// result stands for an item done before a resume.
type job struct {
	seq  int64
	item input.Item
}

type result struct {
	seq    int64
	skip   bool
	recs   []record
	types  map[string]int64
	failed *record
}

// errStop ends reading when the run is cancelled.
var errStop = errors.New("batch: stopped")

// Run processes every input item once and returns the summary. A
// cancelled ctx stops reading; items in flight are finished and written and
// a final checkpoint is saved, and Run returns ctx's error. Bad articles
// are counted in Summary.Failed, never returned as an error.
func Run(ctx context.Context, ex Extractor, opts Options) (Summary, error) {
	start := time.Now()
	sum := Summary{Events: map[string]int64{}}
	o, err := opts.withDefaults()
	if err != nil {
		return sum, err
	}
	plan := Checkpoint{Version: checkpointVersion, Format: o.Format}
	p := &progress{started: start, barWidth: 30}

	var names []string
	if o.Kafka != nil {
		if plan.Kafka, err = o.Kafka.Ranges(ctx); err != nil {
			return sum, err
		}
		p.total = rangesTotal(plan.Kafka)
		for _, r := range plan.Kafka {
			plan.Inputs = append(plan.Inputs, fmt.Sprintf("kafka:%s/%d:%d-%d", o.Kafka.Topic, r.Partition, r.Start, r.End))
		}
	} else {
		if names, err = Expand(o.Inputs); err != nil {
			return sum, err
		}
		plan.Inputs = names
		p.total = filesSize(names)
	}

	ck := plan
	if o.Resume && o.CheckpointPath != "" {
		old, ok, err := loadCheckpoint(o.CheckpointPath)
		if err != nil {
			return sum, err
		}
		if ok {
			if o.Kafka != nil {
				// Replay the ranges that were resolved when the run began.
				plan.Kafka, plan.Inputs = old.Kafka, old.Inputs
				p.total = rangesTotal(plan.Kafka)
			}
			if err := old.compatible(plan); err != nil {
				return sum, err
			}
			ck, sum.Resumed, sum.FailedBefore = old, true, old.Failed
		}
	}

	out, errOut, err := o.openSinks(sum.Resumed, ck)
	if err != nil {
		return sum, err
	}
	w := &writer{o: o, out: out, errs: errOut, ck: ck, sum: &sum, p: p,
		done: map[int64]bool{}, pending: map[int64]*result{}, last: time.Now()}
	for _, s := range ck.Done {
		w.done[s] = true
	}

	var stopBar, barDone chan struct{}
	if o.Progress != nil {
		stopBar, barDone = make(chan struct{}), make(chan struct{})
		go p.run(o.Progress, o.ProgressInterval, stopBar, barDone)
	}

	rctx, cancelRead := context.WithCancel(ctx)
	defer cancelRead()
	w.cancel = cancelRead
	window := max(8*o.Workers, 16)
	sem := make(chan struct{}, window)
	w.sem = sem
	jobs := make(chan job, o.Workers)
	results := make(chan *result, window)
	var wg sync.WaitGroup
	exCtx := context.WithoutCancel(ctx)
	for range o.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- extractOne(exCtx, ex, o.Format, j)
			}
		}()
	}

	var readErr error
	startNext, startDone := ck.Next, slices.Clone(ck.Done) // fixed while reading
	skipped := func(seq int64) bool {
		return seq < startNext || slices.Contains(startDone, seq)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(jobs)
		var seq int64
		fn := func(it input.Item) error {
			if rctx.Err() != nil {
				return errStop
			}
			select {
			case <-rctx.Done():
				return errStop
			case sem <- struct{}{}:
			}
			s := seq
			seq++
			switch {
			case skipped(s):
				results <- &result{seq: s, skip: true}
			case it.Err != nil:
				results <- failure(s, it, it.Err)
			default:
				jobs <- job{seq: s, item: it}
			}
			return nil
		}
		inOpts := input.Options{MaxBodyBytes: o.MaxBodyBytes}
		var err error
		if o.Kafka != nil {
			err = o.Kafka.read(rctx, plan.Kafka, o.MaxBodyBytes, p, fn)
		} else {
			err = readFiles(names, o.Stdin, inOpts, p, fn)
		}
		if err != nil && !errors.Is(err, errStop) && rctx.Err() == nil {
			readErr = err
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	for r := range results {
		w.receive(r)
	}
	// Interrupted or failed runs stop early; the checkpoint says so.
	w.ck.Complete = readErr == nil && ctx.Err() == nil && w.err == nil
	w.checkpoint()
	if err := out.close(); err != nil && w.err == nil {
		w.err = err
	}
	if errOut != nil {
		if err := errOut.close(); err != nil && w.err == nil {
			w.err = err
		}
	}
	if stopBar != nil {
		close(stopBar)
		<-barDone
	}
	sum.Wall = time.Since(start)
	sum.Complete = w.ck.Complete
	switch {
	case w.err != nil:
		return sum, w.err
	case readErr != nil:
		return sum, readErr
	case ctx.Err() != nil:
		return sum, ctx.Err()
	}
	return sum, nil
}

func (o Options) withDefaults() (Options, error) {
	if o.Format == "" {
		o.Format = FormatEvents
	}
	if o.Format != FormatEvents && o.Format != FormatArticle {
		return o, fmt.Errorf("batch: format %q: want events or article", o.Format)
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if (o.Kafka == nil) == (len(o.Inputs) == 0) {
		return o, errors.New("batch: give input files or a Kafka topic, not both or neither")
	}
	if o.Output == "-" {
		o.Output = ""
	}
	if o.KafkaOut != nil && o.Output != "" {
		return o, errors.New("batch: give an output file or a Kafka topic, not both")
	}
	if o.Output != "" {
		if o.ErrorsPath == "" {
			o.ErrorsPath = o.Output + ".errors.jsonl"
		}
		if o.CheckpointPath == "" {
			o.CheckpointPath = o.Output + ".checkpoint"
		}
	}
	if o.Output == "" && o.KafkaOut == nil && o.Resume {
		return o, errors.New("batch: --resume needs an output file or topic (standard output cannot be truncated)")
	}
	if o.Stdin == nil {
		o.Stdin = strings.NewReader("")
	}
	if o.Stdout == nil {
		o.Stdout = io.Discard
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	if o.CheckpointEvery <= 0 {
		o.CheckpointEvery = 1000
	}
	if o.CheckpointInterval <= 0 {
		o.CheckpointInterval = 5 * time.Second
	}
	if o.ProgressInterval <= 0 {
		o.ProgressInterval = 250 * time.Millisecond
	}
	return o, nil
}

// openSinks opens the output and the errors file (nil when none).
func (o Options) openSinks(resume bool, ck Checkpoint) (sink, *fileSink, error) {
	var out sink
	switch {
	case o.KafkaOut != nil:
		out = newKafkaSink(o.KafkaOut)
	case o.Output != "":
		f, err := openFileSink(o.Output, resume, ck.OutputBytes)
		if err != nil {
			return nil, nil, err
		}
		out = f
	default:
		out = newWriterSink(o.Stdout)
	}
	if o.ErrorsPath == "" {
		return out, nil, nil
	}
	errs, err := openFileSink(o.ErrorsPath, resume, ck.ErrorsBytes)
	if err != nil {
		out.close()
		return nil, nil, err
	}
	return out, errs, nil
}

// extractOne runs the extractor on one article and encodes its lines.
func extractOne(ctx context.Context, ex Extractor, format string, j job) (r *result) {
	defer func() {
		if p := recover(); p != nil {
			r = failure(j.seq, j.item, fmt.Errorf("extraction panic: %v", p))
		}
	}()
	doc, err := ex.Extract(ctx, j.item.Article)
	if err != nil {
		return failure(j.seq, j.item, err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	r = &result{seq: j.seq, types: map[string]int64{}}
	id := j.item.Article.ID
	add := func(v any) error {
		buf.Reset()
		if err := enc.Encode(v); err != nil {
			return err
		}
		r.recs = append(r.recs, record{key: id, line: bytes.Clone(buf.Bytes())})
		return nil
	}
	evs := doc.Events()
	for _, ev := range evs {
		r.types[ev.Type]++
	}
	if format == FormatArticle {
		err = add(doc)
	} else {
		for _, ev := range evs {
			if err = add(ev); err != nil {
				break
			}
		}
	}
	if err != nil {
		return failure(j.seq, j.item, fmt.Errorf("encode output: %w", err))
	}
	return r
}

// errorRecord is one line of the errors file. Line is the original input
// line; when it is not valid UTF-8 it is in LineBase64 instead.
type errorRecord struct {
	Where      string `json:"where"`
	Reason     string `json:"reason"`
	Line       string `json:"line,omitempty"`
	LineBase64 []byte `json:"line_base64,omitempty"`
}

func failure(seq int64, it input.Item, err error) *result {
	rec := errorRecord{Where: it.Where, Reason: err.Error()}
	if utf8.Valid(it.Raw) {
		rec.Line = string(it.Raw)
	} else {
		rec.LineBase64 = it.Raw
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(rec) // strings and bytes always encode
	return &result{seq: seq, failed: &record{key: it.Article.ID, line: buf.Bytes()}}
}

// writer delivers results (in order unless Unordered), counts them and
// checkpoints. It runs on Run's goroutine only.
type writer struct {
	o       Options
	out     sink
	errs    *fileSink
	ck      Checkpoint
	sum     *Summary
	p       *progress
	sem     chan struct{}
	cancel  context.CancelFunc
	done    map[int64]bool    // items at or above ck.Next already delivered
	pending map[int64]*result // ordered mode: results waiting for ck.Next
	since   int               // items delivered since the last checkpoint
	last    time.Time
	err     error // first write error; later results are dropped
}

func (w *writer) receive(r *result) {
	switch {
	case r.skip:
		w.sum.Skipped++
		<-w.sem
		if r.seq >= w.ck.Next {
			w.done[r.seq] = true
		}
	case w.o.Unordered:
		w.deliver(r)
		if r.seq >= w.ck.Next {
			w.done[r.seq] = true
		}
	default:
		w.pending[r.seq] = r
	}
	for {
		if w.done[w.ck.Next] {
			delete(w.done, w.ck.Next)
			w.ck.Next++
			continue
		}
		if p, ok := w.pending[w.ck.Next]; ok {
			delete(w.pending, w.ck.Next)
			w.deliver(p)
			w.ck.Next++
			continue
		}
		break
	}
	if w.since >= w.o.CheckpointEvery || time.Since(w.last) >= w.o.CheckpointInterval {
		w.checkpoint()
	}
}

// deliver writes one result and counts it.
func (w *writer) deliver(r *result) {
	defer func() { <-w.sem }()
	w.sum.Read++
	w.since++
	w.p.articles.Add(1)
	if r.failed != nil {
		w.sum.Failed++
		w.p.failed.Add(1)
	} else {
		w.sum.Extracted++
		for t, n := range r.types {
			w.sum.Events[t] += n
		}
	}
	if w.err != nil {
		return
	}
	var err error
	switch {
	case r.failed != nil && w.errs != nil:
		err = w.errs.write([]record{*r.failed})
	case r.failed != nil:
		var rec errorRecord
		_ = json.Unmarshal(r.failed.line, &rec)
		_, _ = fmt.Fprintf(w.o.Log, "%s: %s\n", rec.Where, rec.Reason)
	default:
		err = w.out.write(r.recs)
	}
	w.fail(err)
}

// fail keeps the first write error and stops reading.
func (w *writer) fail(err error) {
	if err != nil && w.err == nil {
		w.err = err
		w.cancel()
	}
}

// checkpoint makes the output durable, then records how far it goes.
func (w *writer) checkpoint() {
	w.since, w.last = 0, time.Now()
	if w.err != nil {
		return
	}
	n, err := w.out.commit()
	if err != nil {
		w.fail(err)
		return
	}
	w.ck.OutputBytes = n
	w.ck.Failed = w.sum.FailedBefore + w.sum.Failed
	if w.errs != nil {
		if w.ck.ErrorsBytes, err = w.errs.commit(); err != nil {
			w.fail(err)
			return
		}
	}
	if w.o.CheckpointPath == "" {
		return
	}
	w.ck.Done = nil
	for s := range w.done {
		w.ck.Done = append(w.ck.Done, s)
	}
	sort.Slice(w.ck.Done, func(i, j int) bool { return w.ck.Done[i] < w.ck.Done[j] })
	w.fail(w.ck.save(w.o.CheckpointPath))
}
