// Package stream runs the extractor as a Kafka service: it consumes JSON
// articles in a consumer group, extracts them with a pool of workers, and
// produces one event per extracted record (and optionally the article
// document) before it commits the input offsets.
//
// Delivery is at-least-once. A message's offset is committed only when it
// and every message before it in its partition are done: extracted with
// its events acknowledged by all in-sync replicas, or dead-lettered. Bad
// input never blocks a partition: it goes to the dead-letter topic with its
// original bytes. Event ids are deterministic, so redelivered articles give
// identical events. A rebalance or a stop drains in-flight work and commits
// before the partitions are given up.
package stream

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/pkg/extract"
	"github.com/newsdesk/extractor/pkg/pipeline"
	"github.com/newsdesk/extractor/schemas"
)

// Extractor extracts one article; *extract.Extractor implements it. It must
// be safe for concurrent use.
type Extractor interface {
	Extract(ctx context.Context, a events.Article) (*events.Document, error)
}

// Options configure a Service.
type Options struct {
	// Config is defaulted (Config.WithDefaults) and validated by New.
	Config Config
	// Extractor nil means the standard pipeline (extract.New) with the
	// config's MaxMessageBytes as body limit.
	Extractor Extractor
	// Logger nil discards the logs.
	Logger *slog.Logger
}

// Header names of produced messages.
const (
	HeaderEventType        = "event_type"
	HeaderSchemaVersion    = "schema_version"
	HeaderExtractorVersion = "extractor_version"
	HeaderSourceTopic      = "source_topic"
	HeaderSourcePartition  = "source_partition"
	HeaderSourceOffset     = "source_offset"

	HeaderDLQReason    = "dlq.reason"
	HeaderDLQError     = "dlq.error"
	HeaderDLQTopic     = "dlq.topic"
	HeaderDLQPartition = "dlq.partition"
	HeaderDLQOffset    = "dlq.offset"
	HeaderDLQTimestamp = "dlq.timestamp"
	HeaderDLQTruncated = "dlq.truncated" // "true" when the value was cut to fit
	HeaderDLQSize      = "dlq.original_size"
)

// Tuning that needs no flag.
const (
	workerQueue      = 2           // jobs buffered per worker
	maxErrorHeader   = 8 << 10     // bytes of dlq.error kept
	messageOverhead  = 512         // record framing beside key, value and headers
	joinBackoff      = time.Second // wait after a failed group join
	produceBackoff   = 100 * time.Millisecond
	produceBackoffMx = 5 * time.Second
	commitAttempts   = 3 // final commit of a generation
)

// Service is the streaming extractor. Build it with New and call Run once.
type Service struct {
	cfg     Config
	ex      Extractor
	log     *slog.Logger
	conn    *conn
	dec     *Decoder
	writer  *kafka.Writer
	metrics *metrics
	health  health
	workers []chan *job
	started atomic.Bool
	addr    atomic.Pointer[string]
}

// generation is the work of one group generation: its tracker, and the
// context of its jobs, cancelled when its remaining work is abandoned (it
// will be redelivered).
type generation struct {
	id      int32
	tracker *Tracker
	ctx     context.Context
	cancel  context.CancelFunc
}

// job is one fetched message on its way through a worker.
type job struct {
	gen *generation
	msg kafka.Message
}

// New checks the config, loads TLS material and builds the extractor (when
// none is given) and the producer. It does not connect; Run does.
func New(opts Options) (*Service, error) {
	cfg := opts.Config.WithDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("stream: config: %w", err)
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	cn, err := newConn(cfg)
	if err != nil {
		return nil, err
	}
	ex := opts.Extractor
	if ex == nil {
		e, err := extract.New(extract.Options{MaxBodyBytes: cfg.MaxMessageBytes})
		if err != nil {
			return nil, fmt.Errorf("stream: %w", err)
		}
		ex = e
	}
	v, err := schemas.NewValidator()
	if err != nil {
		return nil, fmt.Errorf("stream: %w", err)
	}
	s := &Service{
		cfg: cfg, ex: ex, log: log, conn: cn,
		dec:     NewDecoder(cfg.MaxMessageBytes, v),
		metrics: newMetrics(),
	}
	s.writer = &kafka.Writer{
		Addr:                   kafka.TCP(cfg.Brokers...),
		Balancer:               &kafka.Murmur2Balancer{},
		RequiredAcks:           kafka.RequireAll,
		BatchSize:              cfg.BatchSize,
		BatchBytes:             int64(cfg.BatchBytes),
		BatchTimeout:           cfg.Linger,
		Compression:            compressions[cfg.Compression],
		MaxAttempts:            5,
		WriteBackoffMin:        50 * time.Millisecond,
		WriteBackoffMax:        time.Second,
		ReadTimeout:            10 * time.Second,
		WriteTimeout:           10 * time.Second,
		Transport:              cn.trans,
		AllowAutoTopicCreation: false,
		ErrorLogger:            kafkaLogger(log, slog.LevelDebug),
	}
	s.health.producing.Store(true)
	return s, nil
}

// Addr returns the address the HTTP server listens on, once Run started
// it ("" before, or without --http-addr).
func (s *Service) Addr() string {
	if p := s.addr.Load(); p != nil {
		return *p
	}
	return ""
}

// Handler serves /metrics, /healthz and /readyz (what Run serves on
// Config.HTTPAddr).
func (s *Service) Handler() http.Handler { return s.handler() }

// Run serves until ctx ends, then stops gracefully: it stops fetching,
// finishes and produces the in-flight articles, commits, leaves the group
// and closes the producer, within Config.ShutdownTimeout. Broker and group
// failures are retried; Run returns an error only when it cannot start
// (HTTP listen, a missing topic) or the stop overran its bound.
func (s *Service) Run(ctx context.Context) error {
	if !s.started.CompareAndSwap(false, true) {
		return errors.New("stream: Run called twice")
	}
	stopHTTP, err := s.serveHTTP()
	if err != nil {
		return err
	}
	defer stopHTTP()

	if err := ensureTopics(ctx, s.cfg, s.conn, s.log); err != nil {
		_ = s.writer.Close()
		if ctx.Err() != nil {
			s.log.Info("stopped before the topics were ready")
			return nil
		}
		return err
	}

	var wg sync.WaitGroup
	s.workers = make([]chan *job, s.cfg.Concurrency)
	for i := range s.workers {
		s.workers[i] = make(chan *job, workerQueue)
		wg.Go(func() { s.work(s.workers[i]) })
	}

	start := kafka.FirstOffset
	if s.cfg.StartOffset == "latest" {
		start = kafka.LastOffset
	}
	cg, err := kafka.NewConsumerGroup(kafka.ConsumerGroupConfig{
		ID:                     s.cfg.Group,
		Brokers:                s.cfg.Brokers,
		Dialer:                 s.conn.dialer,
		Topics:                 []string{s.cfg.InputTopic},
		HeartbeatInterval:      s.cfg.HeartbeatInterval,
		SessionTimeout:         s.cfg.SessionTimeout,
		RebalanceTimeout:       s.cfg.RebalanceTimeout,
		JoinGroupBackoff:       joinBackoff,
		WatchPartitionChanges:  true,
		PartitionWatchInterval: 5 * time.Second,
		StartOffset:            start,
		Logger:                 kafkaLogger(s.log, slog.LevelDebug),
		ErrorLogger:            kafkaLogger(s.log, slog.LevelDebug),
	})
	if err != nil {
		_ = s.writer.Close()
		return fmt.Errorf("stream: consumer group: %w", err)
	}
	s.log.Info("started", "group", s.cfg.Group, "input_topic", s.cfg.InputTopic, "workers", s.cfg.Concurrency)

	// Stopping closes the group: that ends the running generation, which
	// drains and commits before the group is left.
	var stopAt atomic.Pointer[time.Time]
	left := make(chan struct{})
	go func() {
		<-ctx.Done()
		now := time.Now()
		stopAt.Store(&now)
		s.health.stopping.Store(true)
		s.log.Info("stopping", "cause", context.Cause(ctx).Error())
		_ = cg.Close()
		close(left)
	}()

	for {
		gen, err := cg.Next(ctx)
		if err != nil {
			if ctx.Err() != nil || errors.Is(err, kafka.ErrGroupClosed) {
				break
			}
			s.metrics.groupErrors.Inc()
			s.log.Warn("consumer group", "err", err.Error())
			continue
		}
		done := make(chan struct{})
		gen.Start(func(gctx context.Context) {
			defer close(done)
			s.runGeneration(ctx, gctx, gen)
		})
		<-done
	}
	<-left

	for _, ch := range s.workers {
		close(ch)
	}
	deadline := *stopAt.Load()
	deadline = deadline.Add(s.cfg.ShutdownTimeout)
	workersDone := make(chan struct{})
	go func() { wg.Wait(); close(workersDone) }()
	var errs []error
	select {
	case <-workersDone:
	case <-time.After(time.Until(deadline)):
		errs = append(errs, errors.New("workers still busy"))
	}
	closed := make(chan error, 1)
	go func() { closed <- s.writer.Close() }()
	select {
	case err := <-closed:
		if err != nil {
			errs = append(errs, fmt.Errorf("close producer: %w", err))
		}
	case <-time.After(max(time.Until(deadline), time.Second)):
		errs = append(errs, errors.New("producer close timed out"))
	}
	if err := errors.Join(errs...); err != nil {
		s.log.Error("stop overran or failed", "err", err.Error())
		return fmt.Errorf("stream: stop: %w", err)
	}
	s.log.Info("stopped", "took", time.Since(*stopAt.Load()).Round(time.Millisecond).String())
	return nil
}

// serveHTTP starts the HTTP server when configured; the returned function
// stops it.
func (s *Service) serveHTTP() (func(), error) {
	if s.cfg.HTTPAddr == "" {
		return func() {}, nil
	}
	ln, err := net.Listen("tcp", s.cfg.HTTPAddr)
	if err != nil {
		return nil, fmt.Errorf("stream: http: %w", err)
	}
	addr := ln.Addr().String()
	s.addr.Store(&addr)
	srv := &http.Server{Handler: s.handler(), ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.log.Error("http server", "err", err.Error())
		}
	}()
	s.log.Info("http listening", "addr", addr)
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	}, nil
}

// runGeneration consumes the partitions of one generation until it ends
// (rebalance, lost broker) or ctx ends (stop); then it stops fetching,
// waits for the in-flight work (bounded), commits and returns.
func (s *Service) runGeneration(ctx, gctx context.Context, gen *kafka.Generation) {
	g := &generation{id: gen.ID, tracker: NewTracker()}
	g.ctx, g.cancel = context.WithCancel(context.Background())
	defer g.cancel()
	assigned := gen.Assignments[s.cfg.InputTopic]
	parts := make([]string, len(assigned))
	for i, pa := range assigned {
		parts[i] = fmt.Sprintf("%d@%s", pa.ID, offsetName(pa.Offset))
		if pa.Offset >= 0 {
			g.tracker.Committed(map[int]int64{pa.ID: pa.Offset})
		}
	}
	s.metrics.rebalances.Inc()
	s.metrics.partitions.Set(float64(len(assigned)))
	s.health.assigned.Store(int32(len(assigned)))
	s.health.inGroup.Store(true)
	s.log.Info("joined generation", "generation", gen.ID, "member", gen.MemberID, "partitions", strings.Join(parts, ","))

	fetchCtx, stopFetch := context.WithCancel(context.Background())
	defer stopFetch()
	fetchFailed := make(chan struct{}, len(assigned))
	var fwg sync.WaitGroup
	readers := make([]*kafka.Reader, 0, len(assigned))
	for _, pa := range assigned {
		r := kafka.NewReader(kafka.ReaderConfig{
			Brokers:         s.cfg.Brokers,
			Topic:           s.cfg.InputTopic,
			Partition:       pa.ID,
			Dialer:          s.conn.dialer,
			MinBytes:        1,
			MaxBytes:        s.cfg.FetchMaxBytes,
			MaxWait:         s.cfg.FetchMaxWait,
			ReadLagInterval: -1,
			IsolationLevel:  kafka.ReadCommitted,
			Logger:          kafkaLogger(s.log, slog.LevelDebug),
			ErrorLogger:     kafkaLogger(s.log, slog.LevelWarn),
		})
		if err := r.SetOffset(pa.Offset); err != nil {
			s.log.Error("set offset", "partition", pa.ID, "err", err.Error())
		}
		readers = append(readers, r)
		fwg.Go(func() {
			if err := s.fetch(fetchCtx, r, pa.ID, g); err != nil {
				s.log.Error("fetch", "partition", pa.ID, "err", err.Error())
				fetchFailed <- struct{}{}
			}
		})
	}

	ticker := time.NewTicker(s.cfg.CommitInterval)
	cause := "generation ended"
loop:
	for {
		select {
		case <-ticker.C:
			_ = s.commit(gen, g)
		case <-gctx.Done():
			break loop
		case <-ctx.Done():
			cause = "stop"
			break loop
		case <-fetchFailed:
			cause = "fetch failed"
			break loop
		}
	}
	ticker.Stop()
	stopFetch()
	fwg.Wait()

	budget := min(s.cfg.ShutdownTimeout, s.cfg.RebalanceTimeout) * 2 / 3
	dctx, cancel := context.WithTimeout(context.Background(), budget)
	err := g.tracker.Wait(dctx)
	cancel()
	if err != nil {
		s.log.Warn("in-flight work not done in time; it will be redelivered",
			"generation", gen.ID, "pending", g.tracker.Pending(), "waited", budget.String())
	}
	g.cancel()
	for attempt := 1; attempt <= commitAttempts; attempt++ {
		if s.commit(gen, g) == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}

	var cwg sync.WaitGroup
	for _, r := range readers {
		cwg.Go(func() { _ = r.Close() })
	}
	cwg.Wait()
	for _, pa := range assigned {
		s.metrics.dropLag(s.cfg.InputTopic, pa.ID)
	}
	s.metrics.partitions.Set(0)
	s.health.assigned.Store(0)
	s.health.inGroup.Store(false)
	s.log.Info("left generation", "generation", gen.ID, "cause", cause)
}

func offsetName(off int64) string {
	switch off {
	case kafka.FirstOffset:
		return "earliest"
	case kafka.LastOffset:
		return "latest"
	}
	return strconv.FormatInt(off, 10)
}

// commit commits the committable offsets of g, if any.
func (s *Service) commit(gen *kafka.Generation, g *generation) error {
	offs := g.tracker.Committable()
	if len(offs) == 0 {
		return nil
	}
	if err := gen.CommitOffsets(map[string]map[int]int64{s.cfg.InputTopic: offs}); err != nil {
		s.metrics.commitFailures.Inc()
		s.log.Warn("commit failed", "generation", g.id, "err", err.Error())
		return err
	}
	g.tracker.Committed(offs)
	s.metrics.commits.Inc()
	s.log.Debug("committed", "generation", g.id, "offsets", fmt.Sprint(offs))
	return nil
}

// fetch reads one partition and hands each message to its worker, in
// offset order, until ctx ends. An error means the tracker refused an
// offset (out of order), which ends the generation.
func (s *Service) fetch(ctx context.Context, r *kafka.Reader, p int, g *generation) error {
	for {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			s.log.Warn("fetch", "partition", p, "err", err.Error())
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(200 * time.Millisecond):
			}
			continue
		}
		s.metrics.consumed.Inc()
		s.metrics.setLag(m.Topic, p, max(m.HighWaterMark-m.Offset-1, 0))
		if err := g.tracker.Add(p, m.Offset); err != nil {
			return err
		}
		s.metrics.inFlight.Inc()
		select {
		case s.workers[s.workerFor(m)] <- &job{gen: g, msg: m}:
		case <-ctx.Done():
			g.tracker.Withdraw(p, m.Offset)
			s.metrics.inFlight.Dec()
			return nil
		}
	}
}

// workerFor picks the worker of a message: by key, so that the messages of
// one key are processed in order; unkeyed messages are spread by offset.
func (s *Service) workerFor(m kafka.Message) int {
	n := uint32(len(s.workers))
	if len(m.Key) == 0 {
		return int(uint64(m.Offset) % uint64(n))
	}
	h := fnv.New32a()
	_, _ = h.Write(m.Key)
	return int(h.Sum32() % n)
}

// outcome is a prepared job: the messages to produce, or why it is
// dead-lettered.
type outcome struct {
	j      *job
	id     string // article id, once decoded
	outs   []kafka.Message
	reason string // dead-letter reason; "" to produce outs
	cause  error
}

// work runs one worker: it extracts jobs from ch in order and hands the
// outcomes, in order, to its delivery goroutine, so the next article is
// extracted while the last one's messages are produced. Jobs of an
// abandoned generation are skipped (they are redelivered). It returns
// when ch is closed and everything taken is delivered or abandoned.
func (s *Service) work(ch <-chan *job) {
	outcomes := make(chan *outcome, workerQueue)
	var wg sync.WaitGroup
	wg.Go(func() {
		for o := range outcomes {
			if o.j.gen.ctx.Err() == nil && s.deliver(o) {
				o.j.gen.tracker.Done(o.j.msg.Partition, o.j.msg.Offset)
			}
			s.metrics.inFlight.Dec()
		}
	})
	for j := range ch {
		if j.gen.ctx.Err() != nil {
			s.metrics.inFlight.Dec()
			continue
		}
		outcomes <- s.prepare(j)
	}
	close(outcomes)
	wg.Wait()
}

// prepare decodes and extracts one message. A panic anywhere in it
// becomes an extraction_panic dead letter.
func (s *Service) prepare(j *job) (o *outcome) {
	defer func() {
		if r := recover(); r != nil {
			o = &outcome{j: j, reason: ReasonExtractionPanic,
				cause: fmt.Errorf("stream: %w: %v\n%s", pipeline.ErrPanic, r, debug.Stack())}
		}
	}()
	a, err := s.dec.Decode(j.msg.Value)
	if err != nil {
		var bi *BadInput
		if !errors.As(err, &bi) {
			bi = &BadInput{Reason: ReasonSchema, Err: err}
		}
		return &outcome{j: j, reason: bi.Reason, cause: bi.Err}
	}
	t0 := time.Now()
	outs, err := s.extract(j.gen.ctx, a, j.msg)
	switch {
	case j.gen.ctx.Err() != nil: // abandoned: deliver skips it
	case errors.Is(err, pipeline.ErrPanic):
		return &outcome{j: j, id: a.ID, reason: ReasonExtractionPanic, cause: err}
	case err != nil:
		return &outcome{j: j, id: a.ID, reason: ReasonExtractionError, cause: err}
	default:
		s.metrics.latency.Observe(time.Since(t0).Seconds())
	}
	return &outcome{j: j, id: a.ID, outs: outs}
}

// deliver produces an outcome's messages, or its dead letter. It reports
// false when the job was abandoned before it was done.
func (s *Service) deliver(o *outcome) bool {
	ctx, m := o.j.gen.ctx, o.j.msg
	if o.reason != "" {
		return s.deadLetter(ctx, m, o.reason, o.cause)
	}
	if err := s.produce(ctx, o.outs); err != nil {
		if ctx.Err() != nil {
			return false
		}
		return s.deadLetter(ctx, m, ReasonOutputTooLarge, err)
	}
	s.metrics.extracted.Inc()
	for _, out := range o.outs {
		if out.Topic == s.cfg.OutputTopic {
			s.metrics.events.WithLabelValues(headerValue(out.Headers, HeaderEventType)).Inc()
		} else {
			s.metrics.documents.Inc()
		}
	}
	s.log.Debug("extracted", "article", o.id, "partition", m.Partition, "offset", m.Offset, "messages", len(o.outs))
	return true
}

// extract runs the extractor and builds the output messages; a panic
// anywhere in it is returned as an error wrapping pipeline.ErrPanic.
func (s *Service) extract(ctx context.Context, a events.Article, m kafka.Message) (outs []kafka.Message, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("stream: article %q: %w: %v\n%s", a.ID, pipeline.ErrPanic, r, debug.Stack())
		}
	}()
	doc, err := s.ex.Extract(ctx, a)
	if err != nil {
		return nil, err
	}
	if doc == nil {
		return nil, fmt.Errorf("stream: article %q: extractor returned no document", a.ID)
	}
	source := []kafka.Header{
		{Key: HeaderSourceTopic, Value: []byte(m.Topic)},
		{Key: HeaderSourcePartition, Value: []byte(strconv.Itoa(m.Partition))},
		{Key: HeaderSourceOffset, Value: []byte(strconv.FormatInt(m.Offset, 10))},
	}
	key := []byte(doc.ID)
	evs := doc.Events()
	for i := range evs {
		b, err := marshal(evs[i])
		if err != nil {
			return nil, fmt.Errorf("stream: article %q: event %s: %w", a.ID, evs[i].EventID, err)
		}
		hs := append([]kafka.Header{
			{Key: HeaderEventType, Value: []byte(evs[i].Type)},
			{Key: HeaderSchemaVersion, Value: []byte(evs[i].SchemaVersion)},
			{Key: HeaderExtractorVersion, Value: []byte(evs[i].ExtractorVersion)},
		}, source...)
		outs = append(outs, kafka.Message{Topic: s.cfg.OutputTopic, Key: key, Value: b, Headers: hs})
	}
	if s.cfg.DocumentsTopic != "" {
		b, err := marshal(doc)
		if err != nil {
			return nil, fmt.Errorf("stream: article %q: document: %w", a.ID, err)
		}
		hs := append([]kafka.Header{
			{Key: HeaderSchemaVersion, Value: []byte(events.SchemaVersion)},
			{Key: HeaderExtractorVersion, Value: []byte(doc.ExtractorVersion)},
		}, source...)
		outs = append(outs, kafka.Message{Topic: s.cfg.DocumentsTopic, Key: key, Value: b, Headers: hs})
	}
	return outs, nil
}

// marshal is json.Marshal without HTML escaping and trailing newline, as
// the extract command writes.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// produce writes msgs with acks from all in-sync replicas, retrying
// transient failures (only the failed messages) until ctx ends. It returns
// ctx's error, or a permanent error: a message too large to produce.
func (s *Service) produce(ctx context.Context, msgs []kafka.Message) error {
	if len(msgs) == 0 {
		return nil
	}
	backoff := produceBackoff
	for attempt := 1; ; attempt++ {
		err := s.writer.WriteMessages(ctx, msgs...)
		if err == nil {
			s.health.producing.Store(true)
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if tooLarge(err) {
			return fmt.Errorf("stream: produce: %w", err)
		}
		var werrs kafka.WriteErrors
		if errors.As(err, &werrs) && len(werrs) == len(msgs) {
			var failed []kafka.Message
			for i, e := range werrs {
				if e != nil {
					failed = append(failed, msgs[i])
				}
			}
			if len(failed) > 0 {
				msgs = failed
			}
		}
		s.metrics.produceErrors.Inc()
		s.health.producing.Store(false)
		level := slog.LevelDebug
		if attempt == 1 || attempt%10 == 0 {
			level = slog.LevelWarn
		}
		s.log.Log(ctx, level, "produce failed, retrying", "attempt", attempt, "messages", len(msgs), "err", err.Error())
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, produceBackoffMx)
	}
}

// tooLarge reports whether err says a message can never be produced
// because of its size.
func tooLarge(err error) bool {
	var mtl kafka.MessageTooLargeError
	if errors.As(err, &mtl) || errors.Is(err, kafka.MessageSizeTooLarge) || errors.Is(err, kafka.RecordListTooLarge) {
		return true
	}
	var werrs kafka.WriteErrors
	if errors.As(err, &werrs) {
		for _, e := range werrs {
			if e != nil && tooLarge(e) {
				return true
			}
		}
	}
	return false
}

// deadLetter produces m to the dead-letter topic with its original key,
// value and headers, and headers saying why and where from. A value too
// large for the producer is cut (dlq.truncated). It reports false only
// when ctx ended first.
func (s *Service) deadLetter(ctx context.Context, m kafka.Message, reason string, cause error) bool {
	msg := cause.Error()
	if len(msg) > maxErrorHeader {
		msg = strings.ToValidUTF8(msg[:maxErrorHeader], "")
	}
	meta := []kafka.Header{
		{Key: HeaderDLQReason, Value: []byte(reason)},
		{Key: HeaderDLQError, Value: []byte(msg)},
		{Key: HeaderDLQTopic, Value: []byte(m.Topic)},
		{Key: HeaderDLQPartition, Value: []byte(strconv.Itoa(m.Partition))},
		{Key: HeaderDLQOffset, Value: []byte(strconv.FormatInt(m.Offset, 10))},
		{Key: HeaderDLQTimestamp, Value: []byte(m.Time.UTC().Format(time.RFC3339Nano))},
		{Key: HeaderExtractorVersion, Value: []byte(extract.Version)},
	}
	// Tries: everything (value cut to fit), then without the original
	// headers and at most 64 KiB of value, then no value at all.
	all := append(append([]kafka.Header{}, m.Headers...), meta...)
	fit := func(hs []kafka.Header) int { return s.cfg.BatchBytes - messageOverhead - len(m.Key) - headersSize(hs) }
	tries := []struct {
		headers []kafka.Header
		room    int
	}{{all, fit(all)}, {meta, min(fit(meta), 64<<10)}, {meta, 0}}
	for i, t := range tries {
		hs, v := t.headers, m.Value
		if len(v) > t.room {
			v = v[:max(t.room, 0)]
			hs = append(append([]kafka.Header{}, hs...),
				kafka.Header{Key: HeaderDLQTruncated, Value: []byte("true")},
				kafka.Header{Key: HeaderDLQSize, Value: []byte(strconv.Itoa(len(m.Value)))})
		}
		err := s.produce(ctx, []kafka.Message{{Topic: s.cfg.DeadLetterTopic, Key: m.Key, Value: v, Headers: hs}})
		if err == nil {
			break
		}
		if ctx.Err() != nil {
			return false
		}
		if i == len(tries)-1 {
			// Nothing left to cut: keep it in the log, never block the partition.
			s.log.Error("dead letter could not be produced; message skipped", "reason", reason,
				"topic", m.Topic, "partition", m.Partition, "offset", m.Offset, "err", err.Error())
		}
	}
	s.metrics.deadLetters.WithLabelValues(reason).Inc()
	first, _, _ := strings.Cut(msg, "\n")
	s.log.Warn("dead-lettered", "reason", reason, "topic", m.Topic, "partition", m.Partition,
		"offset", m.Offset, "err", first)
	return true
}

func headersSize(hs []kafka.Header) int {
	n := 0
	for _, h := range hs {
		n += len(h.Key) + len(h.Value) + 8
	}
	return n
}

func headerValue(hs []kafka.Header, key string) string {
	for _, h := range hs {
		if h.Key == key {
			return string(h.Value)
		}
	}
	return ""
}
