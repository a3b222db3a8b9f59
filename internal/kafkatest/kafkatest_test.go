package kafkatest

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// validTopic is Kafka's legal topic alphabet restricted to what topicName emits.
var validTopic = regexp.MustCompile(`^test-[A-Za-z0-9-]*-[0-9a-f]+$`)

// legalTopic is the subset of Kafka's topic alphabet that topicName may use.
var legalTopic = regexp.MustCompile(`^[A-Za-z0-9-]+$`)

func TestParseBrokers(t *testing.T) {
	tests := map[string]struct {
		in   string
		want []string
	}{
		"unset":            {"", nil},
		"only separators":  {" , ,", nil},
		"one":              {"127.0.0.1:9092", []string{"127.0.0.1:9092"}},
		"several trimmed":  {" a:1, b:2 ,c:3", []string{"a:1", "b:2", "c:3"}},
		"trailing comma":   {"a:1,", []string{"a:1"}},
		"empty in between": {"a:1,,b:2", []string{"a:1", "b:2"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, tc.want, parseBrokers(tc.in))
		})
	}
}

func TestBrokersSkipsWithoutEnv(t *testing.T) {
	for name, value := range map[string]string{"unset": "", "blank": " , "} {
		reached := false
		t.Run(name, func(t *testing.T) {
			t.Setenv(EnvBrokers, value)
			Brokers(t)
			reached = true
		})
		assert.False(t, reached, "Brokers must skip the test")
	}
}

func TestTopicName(t *testing.T) {
	long := strings.Repeat("x", 300)
	tests := map[string]struct {
		test, suffix, want string
	}{
		"top level": {"TestRoundTrip", "00ff", "test-TestRoundTrip-00ff"},
		"subtest":   {"TestX/case_one", "01", "test-TestX-case-one-01"},
		"non-ascii": {"TestÜ.a", "02", "test-Test---a-02"},
		"truncated": {long, "0123456789abcdef", "test-" + long[:249-6-16] + "-0123456789abcdef"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got := topicName(tc.test, tc.suffix)
			assert.Equal(t, tc.want, got)
			assert.LessOrEqual(t, len(got), maxTopicLen)
		})
	}

	t.Run("unique and valid", func(t *testing.T) {
		a, b := TopicName(t), TopicName(t)
		assert.NotEqual(t, a, b)
		assert.Regexp(t, validTopic, a)
		assert.True(t, strings.HasPrefix(a, "test-TestTopicName-unique-and-valid-"), a)
	})
}

func TestLeadersReady(t *testing.T) {
	leader := kafka.Broker{Host: "127.0.0.1", Port: 9092, ID: 1}
	part := func(id int, l kafka.Broker) kafka.Partition { return kafka.Partition{Topic: "t", ID: id, Leader: l} }
	tests := map[string]struct {
		topics []kafka.Topic
		ready  bool
	}{
		"missing":         {nil, false},
		"other topic":     {[]kafka.Topic{{Name: "u", Partitions: []kafka.Partition{part(0, leader)}}}, false},
		"topic error":     {[]kafka.Topic{{Name: "t", Error: kafka.LeaderNotAvailable}}, false},
		"too few":         {[]kafka.Topic{{Name: "t", Partitions: []kafka.Partition{part(0, leader)}}}, false},
		"no leader":       {[]kafka.Topic{{Name: "t", Partitions: []kafka.Partition{part(0, leader), part(1, kafka.Broker{ID: -1})}}}, false},
		"all have leader": {[]kafka.Topic{{Name: "t", Partitions: []kafka.Partition{part(0, leader), part(1, leader)}}}, true},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			err := leadersReady(&kafka.MetadataResponse{Topics: tc.topics}, "t", 2)
			assert.Equal(t, tc.ready, err == nil, "err: %v", err)
		})
	}
}

// TestRoundTrip needs a broker: it creates a topic, produces with acks=all,
// consumes in a group with explicit commits, and checks that the group
// resumes after its committed offsets.
func TestRoundTrip(t *testing.T) {
	brokers := Brokers(t)
	topic := TopicName(t)
	group := TopicName(t)
	const partitions, n = 3, 30
	CreateTopic(t, brokers, topic, partitions)

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	w := &kafka.Writer{
		Addr:                   kafka.TCP(brokers...),
		Topic:                  topic,
		Balancer:               &kafka.Hash{},
		RequiredAcks:           kafka.RequireAll,
		BatchTimeout:           5 * time.Millisecond,
		AllowAutoTopicCreation: false,
	}
	defer w.Close()
	want := map[string][]string{} // key -> values in produce order
	msgs := make([]kafka.Message, n)
	for i := range msgs {
		key, value := fmt.Sprintf("key-%d", i%7), fmt.Sprintf("value-%02d", i)
		msgs[i] = kafka.Message{Key: []byte(key), Value: []byte(value)}
		want[key] = append(want[key], value)
	}
	require.NoError(t, w.WriteMessages(ctx, msgs...))

	newReader := func() *kafka.Reader {
		return kafka.NewReader(kafka.ReaderConfig{
			Brokers:     brokers,
			GroupID:     group,
			Topic:       topic,
			StartOffset: kafka.FirstOffset,
			MaxWait:     100 * time.Millisecond,
		})
	}

	r := newReader()
	got := map[string][]string{}
	next := map[int]int64{} // partition -> offset after the last message read
	for range n {
		m, err := r.FetchMessage(ctx)
		require.NoError(t, err)
		require.Equal(t, next[m.Partition], m.Offset, "partition %d: offsets are dense and ordered", m.Partition)
		next[m.Partition] = m.Offset + 1
		got[string(m.Key)] = append(got[string(m.Key)], string(m.Value))
		require.NoError(t, r.CommitMessages(ctx, m))
	}
	require.NoError(t, r.Close())
	assert.Equal(t, want, got, "every message once, in order per key")

	t.Run("committed offsets", func(t *testing.T) {
		client := &kafka.Client{Addr: kafka.TCP(brokers...), Timeout: opTimeout}
		resp, err := client.OffsetFetch(ctx, &kafka.OffsetFetchRequest{
			GroupID: group,
			Topics:  map[string][]int{topic: {0, 1, 2}},
		})
		require.NoError(t, err)
		require.NoError(t, resp.Error)
		committed := map[int]int64{}
		for _, p := range resp.Topics[topic] {
			require.NoError(t, p.Error)
			committed[p.Partition] = p.CommittedOffset
		}
		wantCommitted := map[int]int64{0: -1, 1: -1, 2: -1} // -1: nothing committed
		for p, off := range next {
			wantCommitted[p] = off
		}
		assert.Equal(t, wantCommitted, committed)
	})

	t.Run("group resumes after commit", func(t *testing.T) {
		require.NoError(t, w.WriteMessages(ctx, kafka.Message{Key: []byte("key-0"), Value: []byte("after")}))
		r := newReader()
		defer r.Close()
		m, err := r.FetchMessage(ctx)
		require.NoError(t, err)
		assert.Equal(t, "after", string(m.Value))
		assert.Equal(t, next[m.Partition], m.Offset)
		require.NoError(t, r.CommitMessages(ctx, m))
	})
}

// TestCreateTopicTwiceFails checks that a name clash is reported, not hidden.
func TestCreateTopicTwiceFails(t *testing.T) {
	brokers := Brokers(t)
	topic := TopicName(t)
	CreateTopic(t, brokers, topic, 1)

	client := &kafka.Client{Addr: kafka.TCP(brokers...), Timeout: opTimeout}
	resp, err := client.CreateTopics(context.Background(), &kafka.CreateTopicsRequest{
		Topics: []kafka.TopicConfig{{Topic: topic, NumPartitions: 1, ReplicationFactor: 1}},
	})
	require.NoError(t, err)
	assert.True(t, errors.Is(resp.Errors[topic], kafka.TopicAlreadyExists), "got %v", resp.Errors[topic])
}

// FuzzParseBrokers checks parseBrokers' invariant: no entry is empty, has
// surrounding spaces or contains a comma.
func FuzzParseBrokers(f *testing.F) {
	for _, s := range []string{"", "a:1", " a:1 , b:2,", ",,,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, b := range parseBrokers(s) {
			if b == "" || b != strings.TrimSpace(b) || strings.Contains(b, ",") {
				t.Fatalf("parseBrokers(%q): bad entry %q", s, b)
			}
		}
	})
}

// FuzzTopicName checks topicName's invariant: a legal Kafka topic name of at
// most 249 characters that ends with the suffix.
func FuzzTopicName(f *testing.F) {
	f.Add("TestX/sub case", "0123456789abcdef")
	f.Add(strings.Repeat("é", 200), "00")
	f.Fuzz(func(t *testing.T, test, suffix string) {
		suffix = fmt.Sprintf("%x", suffix)
		if len(suffix) > 32 {
			suffix = suffix[:32]
		}
		got := topicName(test, suffix)
		if len(got) > maxTopicLen || !strings.HasSuffix(got, "-"+suffix) ||
			!legalTopic.MatchString(got) {
			t.Fatalf("topicName(%q, %q) = %q", test, suffix, got)
		}
	})
}
