package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
	"github.com/segmentio/kafka-go"

	"github.com/newsdesk/extractor/internal/input"
	"github.com/newsdesk/extractor/pkg/events"
)

// KafkaInput replays a topic: every partition from From (zero: the first
// offset) up to To (zero: the end offset when the run starts), exclusive.
type KafkaInput struct {
	Brokers []string
	Topic   string
	From    time.Time
	To      time.Time
	// Dialer carries TLS and SASL; nil means a plain kafka.Dialer.
	Dialer *kafka.Dialer
}

// PartitionRange is the offsets [Start, End) of one partition replayed.
type PartitionRange struct {
	Partition int   `json:"partition"`
	Start     int64 `json:"start"`
	End       int64 `json:"end"`
}

// dataExts are the names Expand picks up inside a directory, before an
// optional .gz or .zst.
var dataExts = []string{".jsonl", ".ndjson", ".json"}

// Expand turns INPUT arguments into file names in a deterministic order:
// a glob is expanded (sorted), a directory is walked for *.jsonl, *.ndjson
// and *.json files (plain, .gz or .zst; lexical order), anything else is a
// file name; "-" is standard input. A name given twice is read once.
func Expand(args []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	add := func(name string) {
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	for _, arg := range args {
		names := []string{arg}
		if arg != "-" && strings.ContainsAny(arg, "*?[") {
			m, err := filepath.Glob(arg)
			if err != nil {
				return nil, fmt.Errorf("batch: glob %q: %w", arg, err)
			}
			if len(m) == 0 {
				return nil, fmt.Errorf("batch: no file matches %q", arg)
			}
			sort.Strings(m)
			names = m
		}
		for _, name := range names {
			if name == "-" {
				add(name)
				continue
			}
			st, err := os.Stat(name)
			if err != nil {
				return nil, fmt.Errorf("batch: input: %w", err)
			}
			if !st.IsDir() {
				add(name)
				continue
			}
			err = filepath.WalkDir(name, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if d.Type().IsRegular() && isDataFile(p) {
					add(p)
				}
				return nil
			})
			if err != nil {
				return nil, fmt.Errorf("batch: walk %s: %w", name, err)
			}
		}
	}
	if len(out) == 0 {
		return nil, errors.New("batch: no input files")
	}
	return out, nil
}

func isDataFile(name string) bool {
	base := strings.TrimSuffix(strings.TrimSuffix(name, ".gz"), ".zst")
	for _, ext := range dataExts {
		if strings.HasSuffix(base, ext) {
			return true
		}
	}
	return false
}

// countingReader counts the bytes read through it into n.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c countingReader) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	c.n.Add(int64(k))
	return k, err
}

// decompress wraps r by the name's extension: .gz (gzip, multi-member) or
// .zst (zstd, multi-frame); other names are read as they are.
func decompress(r io.Reader, name string) (io.ReadCloser, error) {
	switch {
	case strings.HasSuffix(name, ".gz"):
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("batch: gzip %s: %w", name, err)
		}
		return zr, nil
	case strings.HasSuffix(name, ".zst"):
		zr, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1))
		if err != nil {
			return nil, fmt.Errorf("batch: zstd %s: %w", name, err)
		}
		return zr.IOReadCloser(), nil
	}
	return io.NopCloser(r), nil
}

// readFiles calls fn for every item of every file, in order. It counts
// the (compressed) bytes read into p.done.
func readFiles(names []string, stdin io.Reader, opts input.Options, p *progress, fn func(input.Item) error) error {
	for _, name := range names {
		if err := readFile(name, stdin, opts, p, fn); err != nil {
			return err
		}
	}
	return nil
}

func readFile(name string, stdin io.Reader, opts input.Options, p *progress, fn func(input.Item) error) error {
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("batch: %w", err)
		}
		defer f.Close()
		r = f
	}
	zr, err := decompress(countingReader{r: r, n: &p.done}, name)
	if err != nil {
		return err
	}
	defer zr.Close()
	return input.Read(zr, name, opts, fn)
}

// filesSize is the total on-disk size of the named files (stdin counts 0).
func filesSize(names []string) int64 {
	var n int64
	for _, name := range names {
		if st, err := os.Stat(name); err == nil && name != "-" {
			n += st.Size()
		}
	}
	return n
}

func (k *KafkaInput) dialer() *kafka.Dialer {
	if k.Dialer != nil {
		return k.Dialer
	}
	return &kafka.Dialer{Timeout: 10 * time.Second, DualStack: true}
}

// Ranges resolves the offsets to replay of every partition, sorted by
// partition.
func (k *KafkaInput) Ranges(ctx context.Context) ([]PartitionRange, error) {
	d := k.dialer()
	if len(k.Brokers) == 0 {
		return nil, errors.New("batch: kafka: no brokers")
	}
	parts, err := d.LookupPartitions(ctx, "tcp", k.Brokers[0], k.Topic)
	if err != nil {
		return nil, fmt.Errorf("batch: kafka: partitions of %s: %w", k.Topic, err)
	}
	if len(parts) == 0 {
		return nil, fmt.Errorf("batch: kafka: topic %s has no partitions", k.Topic)
	}
	var out []PartitionRange
	for _, p := range parts {
		r, err := k.partitionRange(ctx, d, p.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Partition < out[j].Partition })
	return out, nil
}

func (k *KafkaInput) partitionRange(ctx context.Context, d *kafka.Dialer, part int) (PartitionRange, error) {
	c, err := d.DialLeader(ctx, "tcp", k.Brokers[0], k.Topic, part)
	if err != nil {
		return PartitionRange{}, fmt.Errorf("batch: kafka: leader of %s/%d: %w", k.Topic, part, err)
	}
	defer c.Close()
	first, last, err := c.ReadOffsets()
	if err != nil {
		return PartitionRange{}, fmt.Errorf("batch: kafka: offsets of %s/%d: %w", k.Topic, part, err)
	}
	r := PartitionRange{Partition: part, Start: first, End: last}
	if !k.From.IsZero() {
		if r.Start, err = c.ReadOffset(k.From); err != nil {
			return r, fmt.Errorf("batch: kafka: offset at %s of %s/%d: %w", k.From, k.Topic, part, err)
		}
	}
	if !k.To.IsZero() {
		if r.End, err = c.ReadOffset(k.To); err != nil {
			return r, fmt.Errorf("batch: kafka: offset at %s of %s/%d: %w", k.To, k.Topic, part, err)
		}
	}
	r.Start = max(r.Start, first)
	r.End = min(r.End, last)
	r.End = max(r.End, r.Start)
	return r, nil
}

// readKafka reads every range in order and calls fn with one item per
// message; Where is "topic/partition@offset".
func (k *KafkaInput) read(ctx context.Context, ranges []PartitionRange, maxBody int, p *progress, fn func(input.Item) error) error {
	for _, pr := range ranges {
		if pr.End <= pr.Start {
			continue
		}
		if err := k.readRange(ctx, pr, maxBody, p, fn); err != nil {
			return err
		}
	}
	return nil
}

func (k *KafkaInput) readRange(ctx context.Context, pr PartitionRange, maxBody int, p *progress, fn func(input.Item) error) error {
	r := kafka.NewReader(kafka.ReaderConfig{
		Brokers: k.Brokers, Topic: k.Topic, Partition: pr.Partition, Dialer: k.dialer(),
		MinBytes: 1, MaxBytes: 10 << 20, MaxWait: 500 * time.Millisecond,
	})
	defer r.Close()
	if err := r.SetOffset(pr.Start); err != nil {
		return fmt.Errorf("batch: kafka: seek %s/%d: %w", k.Topic, pr.Partition, err)
	}
	for {
		m, err := r.ReadMessage(ctx)
		if err != nil {
			return fmt.Errorf("batch: kafka: read %s/%d: %w", k.Topic, pr.Partition, err)
		}
		if m.Offset >= pr.End {
			return nil
		}
		p.done.Add(1)
		a, derr := events.DecodeArticle(m.Value, maxBody)
		it := input.Item{Article: a, Err: derr, Raw: m.Value,
			Where: fmt.Sprintf("%s/%d@%d", k.Topic, pr.Partition, m.Offset)}
		if err := fn(it); err != nil {
			return err
		}
		if m.Offset+1 >= pr.End {
			return nil
		}
	}
}

// rangesTotal is the number of messages in the ranges.
func rangesTotal(ranges []PartitionRange) int64 {
	var n int64
	for _, r := range ranges {
		n += r.End - r.Start
	}
	return n
}
