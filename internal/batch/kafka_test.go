package batch

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsdesk/extractor/internal/kafkatest"
)

// produceArticles writes n articles k-000... to topic, article i with the
// timestamp base + i minutes, and one bad message at base - 1 minute.
func produceArticles(t *testing.T, brokers []string, topic string, base time.Time, first, n int) {
	t.Helper()
	w := &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: topic, Balancer: &kafka.Hash{}, RequiredAcks: kafka.RequireAll}
	defer w.Close()
	var msgs []kafka.Message
	if first == 0 {
		msgs = append(msgs, kafka.Message{Key: []byte("bad"), Value: []byte(`{"id":"bad",`), Time: base.Add(-time.Minute)})
	}
	for i := first; i < first+n; i++ {
		id := fmt.Sprintf("k-%03d", i)
		msgs = append(msgs, kafka.Message{Key: []byte(id), Value: []byte(articleLine(id, "Text.")), Time: base.Add(time.Duration(i) * time.Minute)})
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	require.NoError(t, w.WriteMessages(ctx, msgs...))
}

func TestRunKafkaReplay(t *testing.T) {
	brokers := kafkatest.Brokers(t)
	topic := kafkatest.TopicName(t)
	kafkatest.CreateTopic(t, brokers, topic, 2)
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	produceArticles(t, brokers, topic, base, 0, 20)

	tests := []struct {
		name     string
		from, to time.Time
		want     []string
		wantBad  int
	}{
		{"from the beginning", time.Time{}, time.Time{}, ids("k", 20), 1},
		{"between two timestamps", base.Add(5 * time.Minute), base.Add(15 * time.Minute), ids("k", 15)[5:], 0},
		{"from a timestamp to the end", base.Add(18 * time.Minute), time.Time{}, ids("k", 20)[18:], 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out.jsonl")
			in := &KafkaInput{Brokers: brokers, Topic: topic, From: tc.from, To: tc.to}
			sum, err := Run(context.Background(), &fakeExtractor{}, Options{Kafka: in, Output: out, Format: FormatArticle})
			require.NoError(t, err)
			got := docIDs(t, readLines(t, out))
			sort.Strings(got)
			assert.Equal(t, tc.want, got)
			assert.Equal(t, int64(tc.wantBad), sum.Failed)
			recs := errRecords(t, out+".errors.jsonl")
			require.Len(t, recs, tc.wantBad)
			for _, r := range recs {
				assert.True(t, strings.HasPrefix(r.Where, topic+"/"), r.Where)
				assert.Contains(t, r.Where, "@")
				assert.Equal(t, `{"id":"bad",`, r.Line)
			}
		})
	}

	t.Run("resume replays the checkpointed ranges", func(t *testing.T) {
		topic := kafkatest.TopicName(t)
		kafkatest.CreateTopic(t, brokers, topic, 2)
		produceArticles(t, brokers, topic, base, 0, 30)
		out := filepath.Join(t.TempDir(), "out.jsonl")
		in := &KafkaInput{Brokers: brokers, Topic: topic}
		opts := Options{Kafka: in, Output: out, Format: FormatArticle, Resume: true, CheckpointEvery: 4, Workers: 2}
		ctx, cancel := context.WithCancel(context.Background())
		_, err := Run(ctx, &fakeExtractor{after: func(n int64) {
			if n == 10 {
				cancel()
			}
		}}, opts)
		cancel()
		require.ErrorIs(t, err, context.Canceled)
		// Messages that arrive after the run began are not part of it.
		produceArticles(t, brokers, topic, base, 30, 5)
		sum, err := Run(context.Background(), &fakeExtractor{}, opts)
		require.NoError(t, err)
		assert.Equal(t, int64(31), sum.Read+sum.Skipped)
		got := docIDs(t, readLines(t, out))
		sort.Strings(got)
		assert.Equal(t, ids("k", 30), got)
	})

	t.Run("output to a topic", func(t *testing.T) {
		outTopic := kafkatest.TopicName(t)
		kafkatest.CreateTopic(t, brokers, outTopic, 1)
		in := &KafkaInput{Brokers: brokers, Topic: topic, From: base}
		sum, err := Run(context.Background(), &fakeExtractor{}, Options{Kafka: in,
			KafkaOut: &KafkaOutput{Brokers: brokers, Topic: outTopic}, Format: FormatArticle})
		require.NoError(t, err)
		require.Equal(t, int64(20), sum.Extracted)

		r := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, Topic: outTopic, Partition: 0, MaxWait: 200 * time.Millisecond})
		defer r.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		var keys []string
		for len(keys) < 20 {
			m, err := r.ReadMessage(ctx)
			require.NoError(t, err)
			keys = append(keys, string(m.Key))
			assert.Contains(t, string(m.Value), `"id":"`+string(m.Key)+`"`)
		}
		sort.Strings(keys)
		assert.Equal(t, ids("k", 20), keys)
	})
}
