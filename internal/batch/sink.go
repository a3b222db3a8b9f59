package batch

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
	"github.com/segmentio/kafka-go"
)

// record is one output line; key is the article id (the Kafka key).
type record struct {
	key  string
	line []byte // with its trailing newline
}

// sink receives records in delivery order. commit makes everything written
// durable and returns the durable byte length (files) or 0 (Kafka).
type sink interface {
	write(recs []record) error
	commit() (int64, error)
	close() error
}

// fileSink writes JSONL to a file, compressed by the name's extension (.gz,
// .zst). Each commit ends the current gzip member or zstd frame, so the
// file is valid up to every committed length and later members can be
// appended after a truncation.
type fileSink struct {
	name string
	f    *os.File      // nil for a plain writer (stdout)
	w    io.Writer     // f or the plain writer
	n    int64         // bytes written to w
	buf  *bufio.Writer // over countW
	zw   io.WriteCloser
	comp string // "", "gz" or "zst"
}

// countW counts bytes written to the sink's destination.
type countW struct{ s *fileSink }

func (c countW) Write(p []byte) (int, error) {
	k, err := c.s.w.Write(p)
	c.s.n += int64(k)
	return k, err
}

func compressionOf(name string) string {
	switch {
	case strings.HasSuffix(name, ".gz"):
		return "gz"
	case strings.HasSuffix(name, ".zst"):
		return "zst"
	}
	return ""
}

// openFileSink creates name, or with resume opens it and truncates it to
// size (which must not exceed its length).
func openFileSink(name string, resume bool, size int64) (*fileSink, error) {
	flags := os.O_RDWR | os.O_CREATE
	if !resume {
		flags |= os.O_TRUNC
	}
	f, err := os.OpenFile(name, flags, 0o644)
	if err != nil {
		return nil, fmt.Errorf("batch: output: %w", err)
	}
	if resume {
		st, err := f.Stat()
		if err == nil && st.Size() < size {
			err = fmt.Errorf("%s is %d bytes, shorter than the checkpointed %d", name, st.Size(), size)
		}
		if err == nil {
			err = f.Truncate(size)
		}
		if err == nil {
			_, err = f.Seek(size, io.SeekStart)
		}
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("batch: resume output: %w", err)
		}
	}
	s := &fileSink{name: name, f: f, w: f, n: size, comp: compressionOf(name)}
	s.buf = bufio.NewWriterSize(countW{s}, 256<<10)
	return s, nil
}

// newWriterSink writes plain JSONL to w (standard output); commit flushes.
func newWriterSink(w io.Writer) *fileSink {
	s := &fileSink{name: "stdout", w: w}
	s.buf = bufio.NewWriterSize(countW{s}, 64<<10)
	return s
}

func (s *fileSink) writer() (io.Writer, error) {
	if s.zw != nil {
		return s.zw, nil
	}
	switch s.comp {
	case "gz":
		s.zw = gzip.NewWriter(s.buf)
	case "zst":
		zw, err := zstd.NewWriter(s.buf, zstd.WithEncoderConcurrency(1))
		if err != nil {
			return nil, fmt.Errorf("batch: zstd %s: %w", s.name, err)
		}
		s.zw = zw
	default:
		return s.buf, nil
	}
	return s.zw, nil
}

func (s *fileSink) write(recs []record) error {
	w, err := s.writer()
	if err != nil {
		return err
	}
	for _, r := range recs {
		if _, err := w.Write(r.line); err != nil {
			return fmt.Errorf("batch: write %s: %w", s.name, err)
		}
	}
	return nil
}

func (s *fileSink) commit() (int64, error) {
	if s.zw != nil {
		err := s.zw.Close()
		s.zw = nil
		if err != nil {
			return 0, fmt.Errorf("batch: write %s: %w", s.name, err)
		}
	}
	if err := s.buf.Flush(); err != nil {
		return 0, fmt.Errorf("batch: write %s: %w", s.name, err)
	}
	if s.f != nil {
		if err := s.f.Sync(); err != nil {
			return 0, fmt.Errorf("batch: sync %s: %w", s.name, err)
		}
	}
	return s.n, nil
}

func (s *fileSink) close() error {
	_, err := s.commit()
	if s.f != nil {
		if cerr := s.f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("batch: close %s: %w", s.name, cerr)
		}
	}
	return err
}

// KafkaOutput produces every output line as one message keyed by article
// id. Delivery is at least once: lines produced after the last checkpoint
// are produced again on resume (event ids are deterministic).
type KafkaOutput struct {
	Brokers []string
	Topic   string
	// Transport carries TLS and SASL; nil means kafka-go's default.
	Transport *kafka.Transport
}

// kafkaSink buffers records and produces them, acknowledged by all in-sync
// replicas, when the buffer fills and at every commit.
type kafkaSink struct {
	w   *kafka.Writer
	buf []kafka.Message
}

const kafkaFlushAt = 500

func newKafkaSink(o *KafkaOutput) *kafkaSink {
	w := &kafka.Writer{
		Addr: kafka.TCP(o.Brokers...), Topic: o.Topic, Balancer: &kafka.Hash{},
		RequiredAcks: kafka.RequireAll, BatchSize: kafkaFlushAt, BatchBytes: 1 << 20,
	}
	if o.Transport != nil {
		w.Transport = o.Transport
	}
	return &kafkaSink{w: w}
}

func (k *kafkaSink) write(recs []record) error {
	for _, r := range recs {
		line := r.line[:len(r.line)-1] // no newline in a message
		k.buf = append(k.buf, kafka.Message{Key: []byte(r.key), Value: line})
	}
	if len(k.buf) >= kafkaFlushAt {
		_, err := k.commit()
		return err
	}
	return nil
}

func (k *kafkaSink) commit() (int64, error) {
	if len(k.buf) == 0 {
		return 0, nil
	}
	if err := k.w.WriteMessages(context.Background(), k.buf...); err != nil {
		return 0, fmt.Errorf("batch: produce to %s: %w", k.w.Topic, err)
	}
	k.buf = k.buf[:0]
	return 0, nil
}

func (k *kafkaSink) close() error {
	_, err := k.commit()
	if cerr := k.w.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("batch: close producer: %w", cerr)
	}
	return err
}
