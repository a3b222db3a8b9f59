// Package kafkatest connects tests to a real Kafka broker, such as the
// single-node one that scripts/kafka.sh runs. Tests that call Brokers are
// skipped unless KAFKA_BROKERS is set, so `go test ./...` passes without one.
//
//	scripts/kafka.sh start
//	KAFKA_BROKERS=127.0.0.1:9092 go test ./internal/kafkatest/
package kafkatest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
)

// EnvBrokers names the environment variable that lists the brokers to test
// against: comma-separated host:port addresses.
const EnvBrokers = "KAFKA_BROKERS"

// opTimeout bounds each admin operation (create, wait for leaders, delete).
const opTimeout = 30 * time.Second

// maxTopicLen is Kafka's limit on topic name length.
const maxTopicLen = 249

// Brokers returns the addresses in KAFKA_BROKERS, spaces trimmed and empty
// entries dropped. It skips the test when none is given.
func Brokers(t testing.TB) []string {
	t.Helper()
	brokers := parseBrokers(os.Getenv(EnvBrokers))
	if len(brokers) == 0 {
		t.Skip("KAFKA_BROKERS not set: start a broker with scripts/kafka.sh start and export KAFKA_BROKERS=127.0.0.1:9092")
	}
	return brokers
}

// parseBrokers splits a comma-separated address list; it never returns
// empty entries.
func parseBrokers(s string) []string {
	var out []string
	for _, b := range strings.Split(s, ",") {
		if b = strings.TrimSpace(b); b != "" {
			out = append(out, b)
		}
	}
	return out
}

// TopicName returns a topic name that no other call returns:
// "test-<test name>-<16 hex digits>", where the test name keeps only
// [A-Za-z0-9-] (other bytes become '-') and is shortened so that the
// result fits Kafka's 249 characters. Use it for consumer group IDs too.
func TopicName(t testing.TB) string {
	t.Helper()
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatalf("kafkatest: random topic suffix: %v", err)
	}
	return topicName(t.Name(), hex.EncodeToString(b[:]))
}

// topicName builds "test-<sanitized name>-<suffix>" within maxTopicLen.
func topicName(testName, suffix string) string {
	clean := []byte(testName)
	for i, c := range clean {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			clean[i] = '-'
		}
	}
	if room := maxTopicLen - len("test--") - len(suffix); len(clean) > room {
		clean = clean[:max(room, 0)]
	}
	return "test-" + string(clean) + "-" + suffix
}

// CreateTopic creates the topic with the given number of partitions and
// replication factor 1, waits until every partition has a leader (so a
// producer started next does not race the metadata), and deletes the topic
// when the test ends. Any failure fails the test.
func CreateTopic(t testing.TB, brokers []string, name string, partitions int) {
	t.Helper()
	client := &kafka.Client{Addr: kafka.TCP(brokers...), Timeout: opTimeout}
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()

	resp, err := client.CreateTopics(ctx, &kafka.CreateTopicsRequest{
		Topics: []kafka.TopicConfig{{Topic: name, NumPartitions: partitions, ReplicationFactor: 1}},
	})
	if err == nil {
		err = resp.Errors[name]
	}
	if err != nil {
		t.Fatalf("kafkatest: create topic %q on %v: %v", name, brokers, err)
	}
	t.Cleanup(func() { deleteTopic(t, client, name) })

	if err := waitForLeaders(ctx, client, name, partitions); err != nil {
		t.Fatalf("kafkatest: topic %q: %v", name, err)
	}
}

// waitForLeaders polls the metadata until the topic has the given number of
// partitions and each has a leader.
func waitForLeaders(ctx context.Context, client *kafka.Client, name string, partitions int) error {
	last := errors.New("no metadata yet")
	for {
		meta, err := client.Metadata(ctx, &kafka.MetadataRequest{Topics: []string{name}})
		if err == nil {
			err = leadersReady(meta, name, partitions)
		}
		if err == nil {
			return nil
		}
		last = err
		select {
		case <-ctx.Done():
			return fmt.Errorf("partition leaders not ready: %w (last: %v)", ctx.Err(), last)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// leadersReady reports why the topic is not usable yet, or nil.
func leadersReady(meta *kafka.MetadataResponse, name string, partitions int) error {
	for _, topic := range meta.Topics {
		if topic.Name != name {
			continue
		}
		if topic.Error != nil {
			return topic.Error
		}
		if len(topic.Partitions) != partitions {
			return fmt.Errorf("%d of %d partitions in metadata", len(topic.Partitions), partitions)
		}
		for _, p := range topic.Partitions {
			if p.Error != nil {
				return fmt.Errorf("partition %d: %w", p.ID, p.Error)
			}
			if p.Leader.Host == "" {
				return fmt.Errorf("partition %d has no leader", p.ID)
			}
		}
		return nil
	}
	return errors.New("topic not in metadata")
}

// deleteTopic removes a test topic; a failure is logged, not fatal.
func deleteTopic(t testing.TB, client *kafka.Client, name string) {
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	resp, err := client.DeleteTopics(ctx, &kafka.DeleteTopicsRequest{Topics: []string{name}})
	if err == nil {
		err = resp.Errors[name]
	}
	if err != nil {
		t.Logf("kafkatest: delete topic %q: %v", name, err)
	}
}
