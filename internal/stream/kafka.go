package stream

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/segmentio/kafka-go/sasl"
	"github.com/segmentio/kafka-go/sasl/plain"
	"github.com/segmentio/kafka-go/sasl/scram"
)

// compressions maps --compression values to kafka-go codecs (0: none).
var compressions = map[string]kafka.Compression{
	"none": 0, "gzip": kafka.Gzip, "snappy": kafka.Snappy, "lz4": kafka.Lz4, "zstd": kafka.Zstd,
}

// dialTimeout bounds connecting to a broker.
const dialTimeout = 10 * time.Second

// conn is what every Kafka client of the service shares: TLS and SASL.
type conn struct {
	brokers []string
	tls     *tls.Config
	sasl    sasl.Mechanism
	dialer  *kafka.Dialer
	trans   *kafka.Transport
}

// newConn loads the TLS files and builds the SASL mechanism.
func newConn(c Config) (*conn, error) {
	tc, err := tlsConfig(c.TLS)
	if err != nil {
		return nil, err
	}
	mech, err := saslMechanism(c.SASL)
	if err != nil {
		return nil, err
	}
	return &conn{
		brokers: c.Brokers,
		tls:     tc,
		sasl:    mech,
		dialer: &kafka.Dialer{
			ClientID: c.ClientID, Timeout: dialTimeout, DualStack: true,
			TLS: tc, SASLMechanism: mech,
		},
		trans: &kafka.Transport{
			ClientID: c.ClientID, DialTimeout: dialTimeout, IdleTimeout: time.Minute,
			MetadataTTL: 5 * time.Second, TLS: tc, SASL: mech,
		},
	}, nil
}

func tlsConfig(c TLSConfig) (*tls.Config, error) {
	if !c.Enabled() {
		return nil, nil
	}
	tc := &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: c.InsecureSkipVerify} //nolint:gosec // opt-in flag
	if c.CAFile != "" {
		pem, err := os.ReadFile(c.CAFile)
		if err != nil {
			return nil, fmt.Errorf("stream: tls ca: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("stream: tls ca %s: no PEM certificate", c.CAFile)
		}
		tc.RootCAs = pool
	}
	if c.CertFile != "" {
		cert, err := tls.LoadX509KeyPair(c.CertFile, c.KeyFile)
		if err != nil {
			return nil, fmt.Errorf("stream: tls client certificate: %w", err)
		}
		tc.Certificates = []tls.Certificate{cert}
	}
	return tc, nil
}

func saslMechanism(c SASLConfig) (sasl.Mechanism, error) {
	switch c.Mechanism {
	case "":
		return nil, nil
	case "plain":
		return plain.Mechanism{Username: c.Username, Password: c.Password}, nil
	case "scram-sha-256", "scram-sha-512":
		algo := scram.SHA256
		if c.Mechanism == "scram-sha-512" {
			algo = scram.SHA512
		}
		m, err := scram.Mechanism(algo, c.Username, c.Password)
		if err != nil {
			// The error of the scram package may quote its input: say only what failed.
			return nil, fmt.Errorf("stream: sasl %s: invalid username or password (SASLprep)", c.Mechanism)
		}
		return m, nil
	default:
		return nil, fmt.Errorf("stream: unknown sasl mechanism %q", c.Mechanism)
	}
}

// kafkaLogger adapts kafka-go's printf logging to slog at one level.
func kafkaLogger(log *slog.Logger, level slog.Level) kafka.Logger {
	return kafka.LoggerFunc(func(format string, args ...any) {
		log.Log(context.Background(), level, "kafka: "+fmt.Sprintf(format, args...))
	})
}

// topicSpec is one topic the service uses.
type topicSpec struct {
	name    string
	compact bool
}

// topics lists the service's topics.
func (c Config) topics() []topicSpec {
	ts := []topicSpec{{name: c.InputTopic}, {name: c.OutputTopic}, {name: c.DeadLetterTopic}}
	if c.DocumentsTopic != "" {
		ts = append(ts, topicSpec{name: c.DocumentsTopic, compact: true})
	}
	return ts
}

// errMissingTopic marks a topic that does not exist (and is not created).
var errMissingTopic = errors.New("topic does not exist")

// ensureTopics creates the missing topics when c.CreateTopics is set and
// then checks that every topic exists and each partition has a leader.
// Unreachable brokers are retried until ctx ends; a missing topic is an
// error at once.
func ensureTopics(ctx context.Context, c Config, cn *conn, log *slog.Logger) error {
	client := &kafka.Client{Addr: kafka.TCP(cn.brokers...), Transport: cn.trans, Timeout: 10 * time.Second}
	backoff := 100 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := checkTopics(ctx, c, client, log)
		if err == nil || errors.Is(err, errMissingTopic) {
			return err
		}
		if ctx.Err() != nil {
			return fmt.Errorf("stream: topics: %w (last: %v)", ctx.Err(), err)
		}
		level := slog.LevelDebug
		if attempt >= 5 {
			level = slog.LevelWarn
		}
		log.Log(ctx, level, "topics not ready, retrying", "err", err.Error(), "backoff", backoff)
		select {
		case <-ctx.Done():
			return fmt.Errorf("stream: topics: %w (last: %v)", ctx.Err(), err)
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, 5*time.Second)
	}
}

func checkTopics(ctx context.Context, c Config, client *kafka.Client, log *slog.Logger) error {
	specs := c.topics()
	names := make([]string, len(specs))
	for i, s := range specs {
		names[i] = s.name
	}
	meta, err := client.Metadata(ctx, &kafka.MetadataRequest{Topics: names})
	if err != nil {
		return fmt.Errorf("metadata: %w", err)
	}
	state := map[string]error{}
	for _, t := range meta.Topics {
		state[t.Name] = topicReady(t)
	}
	var create []kafka.TopicConfig
	for _, s := range specs {
		err, known := state[s.name]
		switch {
		case known && err == nil:
			continue
		case known && !errors.Is(err, kafka.UnknownTopicOrPartition):
			return fmt.Errorf("topic %s: %w", s.name, err)
		case !c.CreateTopics:
			return fmt.Errorf("stream: %s: %w (create it, or pass --create-topics in development)", s.name, errMissingTopic)
		}
		tc := kafka.TopicConfig{Topic: s.name, NumPartitions: c.Partitions, ReplicationFactor: c.ReplicationFactor}
		if s.compact {
			tc.ConfigEntries = []kafka.ConfigEntry{{ConfigName: "cleanup.policy", ConfigValue: "compact"}}
		}
		create = append(create, tc)
	}
	if len(create) == 0 {
		return nil
	}
	resp, err := client.CreateTopics(ctx, &kafka.CreateTopicsRequest{Topics: create})
	if err != nil {
		return fmt.Errorf("create topics: %w", err)
	}
	for _, tc := range create {
		switch err := resp.Errors[tc.Topic]; {
		case err == nil:
			log.Info("created topic", "topic", tc.Topic, "partitions", tc.NumPartitions,
				"replication_factor", tc.ReplicationFactor, "compacted", len(tc.ConfigEntries) > 0)
		case errors.Is(err, kafka.TopicAlreadyExists):
		default:
			return fmt.Errorf("stream: create topic %s: %w", tc.Topic, err)
		}
	}
	return errors.New("topics created, waiting for leaders")
}

// topicReady reports why a topic from the metadata is not usable, or nil.
func topicReady(t kafka.Topic) error {
	if t.Error != nil {
		return t.Error
	}
	if len(t.Partitions) == 0 {
		return kafka.UnknownTopicOrPartition
	}
	for _, p := range t.Partitions {
		if p.Error != nil {
			return fmt.Errorf("partition %d: %w", p.ID, p.Error)
		}
		if p.Leader.Host == "" {
			return fmt.Errorf("partition %d has no leader", p.ID)
		}
	}
	return nil
}
