// Package streamtest helps the Kafka tests of the streaming service: test
// articles, producing them, collecting what the service produced and
// checking that every input is accounted for. It needs a real broker (see
// internal/kafkatest).
package streamtest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsdesk/extractor/fixtures"
	"github.com/newsdesk/extractor/internal/kafkatest"
	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/schemas"
)

// Input is one input message: Key is the article id for good articles
// (and a unique label for bad ones), Raw the message value.
type Input struct {
	Key string
	Raw []byte
	Bad string // expected dead-letter reason; "" for a good article
}

// CorpusPath is the shared corpus beside the project; EXTRACTOR_CORPUS
// overrides it.
func CorpusPath() string {
	if p := os.Getenv("EXTRACTOR_CORPUS"); p != "" {
		return p
	}
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "..", "shared", "corpus", "articles.jsonl")
}

// CorpusArticles returns the raw corpus articles (JSON lines), or the
// fixture articles when the corpus is absent.
func CorpusArticles(t testing.TB) [][]byte {
	t.Helper()
	var out [][]byte
	if f, err := os.Open(CorpusPath()); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		for sc.Scan() {
			if line := bytes.TrimSpace(sc.Bytes()); len(line) > 0 {
				out = append(out, bytes.Clone(line))
			}
		}
		require.NoError(t, sc.Err())
	}
	if len(out) == 0 {
		for _, id := range fixtures.IDs() {
			raw, err := fixtures.ArticleJSON(id)
			require.NoError(t, err)
			out = append(out, raw)
		}
	}
	return out
}

// Articles returns n good articles from the corpus (fixtures when absent),
// cycling through it; each gets the id prefix + "-" + index, so ids are
// unique and say which test made them.
func Articles(t testing.TB, prefix string, n int) []Input {
	t.Helper()
	corpus := CorpusArticles(t)
	out := make([]Input, n)
	for i := range out {
		var m map[string]any
		require.NoError(t, json.Unmarshal(corpus[i%len(corpus)], &m))
		id := fmt.Sprintf("%s-%03d", prefix, i)
		m["id"] = id
		raw, err := json.Marshal(m)
		require.NoError(t, err)
		out[i] = Input{Key: id, Raw: raw}
	}
	return out
}

// Produce writes the inputs to topic, keyed by Input.Key, acknowledged by
// all in-sync replicas, in order.
func Produce(t testing.TB, brokers []string, topic string, inputs []Input) {
	t.Helper()
	w := &kafka.Writer{
		Addr: kafka.TCP(brokers...), Topic: topic, Balancer: &kafka.Hash{},
		RequiredAcks: kafka.RequireAll, BatchTimeout: 2 * time.Millisecond, BatchBytes: 4 << 20,
	}
	defer w.Close()
	msgs := make([]kafka.Message, len(inputs))
	for i, in := range inputs {
		msgs[i] = kafka.Message{Key: []byte(in.Key), Value: in.Raw}
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	require.NoError(t, w.WriteMessages(ctx, msgs...), "produce %d inputs to %s", len(inputs), topic)
}

// Collector reads every partition of a topic from the start, in the
// background, until the test ends.
type Collector struct {
	Topic string
	mu    sync.Mutex
	msgs  []kafka.Message
}

// Collect starts a Collector on a topic with the given partitions.
func Collect(t testing.TB, brokers []string, topic string, partitions int) *Collector {
	t.Helper()
	c := &Collector{Topic: topic}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for p := range partitions {
		r := kafka.NewReader(kafka.ReaderConfig{
			Brokers: brokers, Topic: topic, Partition: p, MaxWait: 100 * time.Millisecond,
			ReadLagInterval: -1, MaxBytes: 10 << 20,
		})
		wg.Go(func() {
			defer r.Close()
			for {
				m, err := r.FetchMessage(ctx)
				if err != nil {
					if ctx.Err() != nil {
						return
					}
					continue
				}
				c.mu.Lock()
				c.msgs = append(c.msgs, m)
				c.mu.Unlock()
			}
		})
	}
	t.Cleanup(func() {
		cancel()
		wg.Wait()
	})
	return c
}

// Messages returns a copy of the messages read so far.
func (c *Collector) Messages() []kafka.Message {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.msgs)
}

// DistinctKeys counts the distinct keys read so far.
func (c *Collector) DistinctKeys() int {
	seen := map[string]bool{}
	for _, m := range c.Messages() {
		seen[string(m.Key)] = true
	}
	return len(seen)
}

// Patience bounds the waits of the Kafka tests for something that must
// happen: generous, because a loaded 2-core machine also runs the broker.
const Patience = 90 * time.Second

// Eventually polls cond every 50 ms until it holds, failing the test with
// what() after timeout.
func Eventually(t testing.TB, timeout time.Duration, cond func() bool, what func() string) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("after %v: %s", timeout, what())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Outputs are the collectors of the service's output topics.
type Outputs struct {
	Events, Documents, DeadLetters *Collector
}

// Accounted counts the inputs with a document or a dead letter.
func (o Outputs) Accounted() int { return o.Documents.DistinctKeys() + o.DeadLetters.DistinctKeys() }

// DistinctEvents counts the distinct event ids read so far.
func (o Outputs) DistinctEvents() int {
	seen := map[string]bool{}
	for _, m := range o.Events.Messages() {
		var ev struct {
			EventID string `json:"event_id"`
		}
		if json.Unmarshal(m.Value, &ev) == nil {
			seen[ev.EventID] = true
		}
	}
	return len(seen)
}

// WaitAccounted waits until every input has a document or a dead letter.
func (o Outputs) WaitAccounted(t testing.TB, inputs []Input, timeout time.Duration) {
	t.Helper()
	Eventually(t, timeout, func() bool { return o.Accounted() >= len(inputs) }, func() string {
		return fmt.Sprintf("%d of %d inputs accounted for (%d documents, %d dead letters)",
			o.Accounted(), len(inputs), o.Documents.DistinctKeys(), o.DeadLetters.DistinctKeys())
	})
}

// Report is what Check found.
type Report struct {
	Documents, DeadLetters, Events int // messages read, duplicates included
	Duplicates                     int // messages beyond the first copy
}

// Check verifies that every input is accounted for: a good article by one
// document and exactly the expected events (want: article id -> event
// ids), a bad one by a dead letter with the expected reason and its
// original bytes; that nothing else was produced; that every event and
// document validates against schemas/ and carries the right key and
// headers; and that one article's events share one partition. With
// exactlyOnce, no message may be repeated; otherwise repeats must be
// byte-identical.
func Check(t testing.TB, o Outputs, inputs []Input, want map[string][]string, exactlyOnce bool) Report {
	t.Helper()
	v, err := schemas.NewValidator()
	require.NoError(t, err)
	var rep Report
	byKey := map[string]Input{}
	for _, in := range inputs {
		byKey[in.Key] = in
	}

	// Documents: one per good article.
	docs := map[string][]byte{}
	for _, m := range o.Documents.Messages() {
		rep.Documents++
		key := string(m.Key)
		if prev, dup := docs[key]; dup {
			rep.Duplicates++
			assert.False(t, exactlyOnce, "document %s produced twice", key)
			assert.Equal(t, string(prev), string(m.Value), "document %s: repeated with other content", key)
			continue
		}
		docs[key] = m.Value
		in, ok := byKey[key]
		if !assert.True(t, ok, "document for unknown key %q", key) {
			continue
		}
		assert.Empty(t, in.Bad, "input %s should have been dead-lettered (%s)", key, in.Bad)
		assert.NoError(t, v.ValidateJSON(schemas.Document, m.Value), "document %s", key)
		var d events.Document
		require.NoError(t, json.Unmarshal(m.Value, &d))
		assert.Equal(t, key, d.ID)
		assert.Equal(t, events.SchemaVersion, header(m, "schema_version"))
	}

	// Dead letters: one per bad input, with its original bytes.
	dead := map[string][]byte{}
	for _, m := range o.DeadLetters.Messages() {
		rep.DeadLetters++
		key := string(m.Key)
		if prev, dup := dead[key]; dup {
			rep.Duplicates++
			assert.False(t, exactlyOnce, "dead letter %s produced twice", key)
			assert.Equal(t, string(prev), string(m.Value), "dead letter %s: repeated with other content", key)
			continue
		}
		dead[key] = m.Value
		in, ok := byKey[key]
		if !assert.True(t, ok, "dead letter for unknown key %q", key) {
			continue
		}
		assert.Equal(t, in.Bad, header(m, "dlq.reason"), "input %s: dead-letter reason (error: %s)", key, header(m, "dlq.error"))
		assert.True(t, bytes.Equal(in.Raw, m.Value), "input %s: dead letter keeps the original bytes", key)
		assert.NotEmpty(t, header(m, "dlq.error"), "input %s", key)
		assert.NotEmpty(t, header(m, "dlq.topic"), "input %s", key)
		_, err := strconv.Atoi(header(m, "dlq.partition"))
		assert.NoError(t, err, "input %s: dlq.partition", key)
		_, err = strconv.ParseInt(header(m, "dlq.offset"), 10, 64)
		assert.NoError(t, err, "input %s: dlq.offset", key)
	}

	// Events: exactly the expected ids per article, valid, keyed, in one partition.
	got := map[string]map[string]bool{}
	values := map[string][]byte{}
	partition := map[string]int{}
	for _, m := range o.Events.Messages() {
		rep.Events++
		var ev struct {
			EventID   string `json:"event_id"`
			Type      string `json:"type"`
			ArticleID string `json:"article_id"`
		}
		require.NoError(t, json.Unmarshal(m.Value, &ev))
		if prev, dup := values[ev.EventID]; dup {
			rep.Duplicates++
			assert.False(t, exactlyOnce, "event %s produced twice", ev.EventID)
			assert.Equal(t, string(prev), string(m.Value), "event %s: repeated with other content", ev.EventID)
			continue
		}
		values[ev.EventID] = m.Value
		assert.NoError(t, v.ValidateJSON(schemas.Event, m.Value), "event %s", ev.EventID)
		assert.Equal(t, ev.ArticleID, string(m.Key), "event %s: key is the article id", ev.EventID)
		assert.Equal(t, ev.Type, header(m, "event_type"), "event %s", ev.EventID)
		assert.Equal(t, events.SchemaVersion, header(m, "schema_version"), "event %s", ev.EventID)
		assert.NotEmpty(t, header(m, "extractor_version"), "event %s", ev.EventID)
		if p, ok := partition[ev.ArticleID]; ok {
			assert.Equal(t, p, m.Partition, "article %s: events in one partition", ev.ArticleID)
		}
		partition[ev.ArticleID] = m.Partition
		if got[ev.ArticleID] == nil {
			got[ev.ArticleID] = map[string]bool{}
		}
		got[ev.ArticleID][ev.EventID] = true
	}

	for _, in := range inputs {
		if in.Bad != "" {
			assert.Contains(t, dead, in.Key, "bad input %s (%s) not dead-lettered", in.Key, in.Bad)
			assert.NotContains(t, got, in.Key, "bad input %s has events", in.Key)
			continue
		}
		assert.Contains(t, docs, in.Key, "article %s has no document", in.Key)
		assert.NotContains(t, dead, in.Key, "article %s was dead-lettered", in.Key)
		assert.Equal(t, want[in.Key], sortedKeys(got[in.Key]), "article %s: event ids", in.Key)
	}
	for id := range got {
		_, ok := byKey[id]
		assert.True(t, ok, "events for unknown article %s", id)
	}
	return rep
}

func sortedKeys(m map[string]bool) []string {
	out := []string{}
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// header returns the value of a message header, "" when absent.
func header(m kafka.Message, key string) string {
	for _, h := range m.Headers {
		if h.Key == key {
			return string(h.Value)
		}
	}
	return ""
}

// Header returns the value of a message header, "" when absent.
func Header(m kafka.Message, key string) string { return header(m, key) }

// Extractor is what ExpectedEvents runs (stream.Extractor).
type Extractor interface {
	Extract(ctx context.Context, a events.Article) (*events.Document, error)
}

// ExpectedEvents extracts the good inputs in process and returns, per
// article id, the sorted event ids the service must produce.
func ExpectedEvents(t testing.TB, ex Extractor, inputs []Input) map[string][]string {
	t.Helper()
	want := map[string][]string{}
	for _, in := range inputs {
		if in.Bad != "" {
			continue
		}
		a, err := events.DecodeArticle(in.Raw, 0)
		require.NoError(t, err, in.Key)
		doc, err := ex.Extract(context.Background(), a)
		require.NoError(t, err, in.Key)
		ids := []string{}
		for _, ev := range doc.Events() {
			ids = append(ids, ev.EventID)
		}
		sort.Strings(ids)
		want[in.Key] = ids
	}
	return want
}

// Topics are the topics of one test, created with kafkatest.CreateTopic
// (and deleted when the test ends).
type Topics struct {
	In, Out, Docs, DLQ string
	Partitions         int
}

// NewTopics creates the four topics of a test with the given partitions.
func NewTopics(t testing.TB, brokers []string, partitions int) Topics {
	t.Helper()
	base := kafkatest.TopicName(t)
	tp := Topics{In: base + "-in", Out: base + "-out", Docs: base + "-docs", DLQ: base + "-dlq", Partitions: partitions}
	for _, name := range []string{tp.In, tp.Out, tp.Docs, tp.DLQ} {
		kafkatest.CreateTopic(t, brokers, name, partitions)
	}
	return tp
}

// CollectOutputs starts collectors on the output topics.
func (tp Topics) CollectOutputs(t testing.TB, brokers []string) Outputs {
	return Outputs{
		Events:      Collect(t, brokers, tp.Out, tp.Partitions),
		Documents:   Collect(t, brokers, tp.Docs, tp.Partitions),
		DeadLetters: Collect(t, brokers, tp.DLQ, tp.Partitions),
	}
}

// Committed returns the committed offset of each partition of topic for
// group (-1: none).
func Committed(t testing.TB, brokers []string, group, topic string, partitions int) map[int]int64 {
	t.Helper()
	client := &kafka.Client{Addr: kafka.TCP(brokers...), Timeout: 10 * time.Second}
	ids := make([]int, partitions)
	for i := range ids {
		ids[i] = i
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	resp, err := client.OffsetFetch(ctx, &kafka.OffsetFetchRequest{GroupID: group, Topics: map[string][]int{topic: ids}})
	require.NoError(t, err)
	require.NoError(t, resp.Error)
	out := map[int]int64{}
	for _, p := range resp.Topics[topic] {
		require.NoError(t, p.Error)
		out[p.Partition] = p.CommittedOffset
	}
	return out
}

// EndOffsets returns the offset after the last message of each partition.
func EndOffsets(t testing.TB, brokers []string, topic string, partitions int) map[int]int64 {
	t.Helper()
	client := &kafka.Client{Addr: kafka.TCP(brokers...), Timeout: 10 * time.Second}
	reqs := make([]kafka.OffsetRequest, partitions)
	for p := range reqs {
		reqs[p] = kafka.LastOffsetOf(p)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	resp, err := client.ListOffsets(ctx, &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{topic: reqs}})
	require.NoError(t, err)
	out := map[int]int64{}
	for _, p := range resp.Topics[topic] {
		require.NoError(t, p.Error)
		out[p.Partition] = p.LastOffset
	}
	return out
}

// WaitRead waits until the collector has read every partition of its
// topic up to the current end offsets (test topics are not compacted and
// not transactional, so offsets are dense).
func (c *Collector) WaitRead(t testing.TB, brokers []string, partitions int) {
	t.Helper()
	ends := EndOffsets(t, brokers, c.Topic, partitions)
	read := func() map[int]int64 {
		next := map[int]int64{}
		for _, m := range c.Messages() {
			next[m.Partition] = max(next[m.Partition], m.Offset+1)
		}
		return next
	}
	Eventually(t, Patience, func() bool {
		next := read()
		for p, end := range ends {
			if next[p] < end {
				return false
			}
		}
		return true
	}, func() string { return fmt.Sprintf("%s: read up to %v of %v", c.Topic, read(), ends) })
}

// CheckCommittedCover asserts that the committed offsets are exactly the
// processed prefix: the source offset of every document and dead letter
// read is below the committed offset of its partition (no processed
// article is left uncommitted), and every offset below it has an output
// (nothing committed was skipped). Wait for the collectors (WaitRead)
// first. It returns the number of inputs with output.
func CheckCommittedCover(t testing.TB, o Outputs, committed map[int]int64) int {
	t.Helper()
	type pos struct {
		p   int
		off int64
	}
	seen := map[pos]bool{}
	for _, c := range []*Collector{o.Documents, o.DeadLetters} {
		srcP, srcOff := "source_partition", "source_offset"
		if c == o.DeadLetters {
			srcP, srcOff = "dlq.partition", "dlq.offset"
		}
		for _, m := range c.Messages() {
			p, err := strconv.Atoi(header(m, srcP))
			require.NoError(t, err)
			off, err := strconv.ParseInt(header(m, srcOff), 10, 64)
			require.NoError(t, err)
			assert.Less(t, off, committed[p], "%s %s from partition %d offset %d is not committed", c.Topic, m.Key, p, off)
			seen[pos{p, off}] = true
		}
	}
	for p, end := range committed {
		for off := int64(0); off < end; off++ {
			assert.True(t, seen[pos{p, off}], "partition %d offset %d committed without output", p, off)
		}
	}
	return len(seen)
}
