package stream

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"regexp"
	"runtime"
	"strings"
	"time"
)

// Config configures a Service. Each field documents its zero-value
// default, applied by WithDefaults; Brokers, InputTopic and OutputTopic are
// required.
type Config struct {
	// Brokers are the bootstrap addresses, host:port.
	Brokers []string
	// InputTopic holds the articles, one JSON article per message.
	InputTopic string
	// OutputTopic receives one message per extracted record (an event),
	// keyed by article id.
	OutputTopic string
	// DocumentsTopic, when set, receives the whole article document keyed by
	// article id; it is meant to be compacted.
	DocumentsTopic string
	// DeadLetterTopic receives the messages that cannot be extracted;
	// "" means InputTopic + ".dlq".
	DeadLetterTopic string
	// Group is the consumer group id; "" means "extractor".
	Group string
	// ClientID names the client to the brokers; "" means "extractor".
	ClientID string

	TLS  TLSConfig
	SASL SASLConfig

	// Compression of produced batches: none, gzip, snappy, lz4 or zstd;
	// "" means none.
	Compression string
	// BatchSize is the most messages per produced batch; 0 means 100.
	BatchSize int
	// BatchBytes is the largest produced batch (and so message); 0 means
	// 1 MiB, the broker's default message.max.bytes.
	BatchBytes int
	// Linger is how long a batch waits to fill before it is sent; 0 means
	// 5 ms.
	Linger time.Duration

	// Concurrency is the number of extraction workers; 0 means GOMAXPROCS.
	Concurrency int
	// MaxMessageBytes is the largest input message (and article body)
	// extracted; larger ones are dead-lettered. 0 means 1 MiB.
	MaxMessageBytes int
	// FetchMaxWait bounds how long a fetch waits for new messages (and so
	// how long stopping a partition reader takes); 0 means 500 ms.
	FetchMaxWait time.Duration
	// FetchMaxBytes is the largest fetch response per partition; 0 means
	// 10 MiB.
	FetchMaxBytes int
	// CommitInterval is how often done offsets are committed; 0 means 1 s.
	CommitInterval time.Duration
	// StartOffset is where a partition without a committed offset starts:
	// earliest or latest; "" means earliest.
	StartOffset string
	// SessionTimeout, HeartbeatInterval and RebalanceTimeout tune the group
	// membership; 0 means 30 s, 3 s and 30 s.
	SessionTimeout    time.Duration
	HeartbeatInterval time.Duration
	RebalanceTimeout  time.Duration
	// ShutdownTimeout bounds a graceful stop (drain, produce, commit,
	// close); 0 means 30 s.
	ShutdownTimeout time.Duration

	// CreateTopics creates the topics on start when missing (development).
	CreateTopics bool
	// Partitions and ReplicationFactor of created topics; 0 means 3 and 1.
	Partitions        int
	ReplicationFactor int

	// HTTPAddr is the listen address of /metrics, /healthz and /readyz; ""
	// means no HTTP server.
	HTTPAddr string
	// LogLevel is debug, info, warn or error; "" means info.
	LogLevel string
}

// TLSConfig enables TLS to the brokers. Enable is implied by a CA or a
// client certificate.
type TLSConfig struct {
	Enable bool
	// CAFile is a PEM bundle of the CAs to trust; "" means the system pool.
	CAFile string
	// CertFile and KeyFile are the PEM client certificate and key (mTLS).
	CertFile string
	KeyFile  string
	// InsecureSkipVerify turns certificate verification off; never use it
	// in production.
	InsecureSkipVerify bool
}

// Enabled reports whether TLS is used.
func (c TLSConfig) Enabled() bool {
	return c.Enable || c.CAFile != "" || c.CertFile != "" || c.InsecureSkipVerify
}

// SASLConfig authenticates to the brokers. Mechanism is "" (none), plain,
// scram-sha-256 or scram-sha-512.
type SASLConfig struct {
	Mechanism string
	Username  string
	// Password is a secret: it is never logged (see Config.LogValue).
	Password string
}

// Defaults of the zero-valued Config fields.
const (
	DefaultGroup           = "extractor"
	DefaultClientID        = "extractor"
	DefaultBatchSize       = 100
	DefaultBatchBytes      = 1 << 20
	DefaultLinger          = 5 * time.Millisecond
	DefaultMaxMessageBytes = 1 << 20
	DefaultFetchMaxWait    = 500 * time.Millisecond
	DefaultFetchMaxBytes   = 10 << 20
	DefaultCommitInterval  = time.Second
	DefaultSessionTimeout  = 30 * time.Second
	DefaultHeartbeat       = 3 * time.Second
	DefaultRebalance       = 30 * time.Second
	DefaultShutdownTimeout = 30 * time.Second
	DefaultPartitions      = 3
	DefaultReplication     = 1
	DeadLetterSuffix       = ".dlq"
)

// redacted replaces secrets in logged values.
const redacted = "[REDACTED]"

// WithDefaults returns c with every zero field set to its default.
func (c Config) WithDefaults() Config {
	setS := func(p *string, v string) {
		if *p == "" {
			*p = v
		}
	}
	setI := func(p *int, v int) {
		if *p == 0 {
			*p = v
		}
	}
	setD := func(p *time.Duration, v time.Duration) {
		if *p == 0 {
			*p = v
		}
	}
	setS(&c.DeadLetterTopic, c.InputTopic+DeadLetterSuffix)
	setS(&c.Group, DefaultGroup)
	setS(&c.ClientID, DefaultClientID)
	setS(&c.Compression, "none")
	setS(&c.StartOffset, "earliest")
	setS(&c.LogLevel, "info")
	setI(&c.BatchSize, DefaultBatchSize)
	setI(&c.BatchBytes, DefaultBatchBytes)
	setI(&c.Concurrency, runtime.GOMAXPROCS(0))
	setI(&c.MaxMessageBytes, DefaultMaxMessageBytes)
	setI(&c.FetchMaxBytes, DefaultFetchMaxBytes)
	setI(&c.Partitions, DefaultPartitions)
	setI(&c.ReplicationFactor, DefaultReplication)
	setD(&c.Linger, DefaultLinger)
	setD(&c.FetchMaxWait, DefaultFetchMaxWait)
	setD(&c.CommitInterval, DefaultCommitInterval)
	setD(&c.SessionTimeout, DefaultSessionTimeout)
	setD(&c.HeartbeatInterval, DefaultHeartbeat)
	setD(&c.RebalanceTimeout, DefaultRebalance)
	setD(&c.ShutdownTimeout, DefaultShutdownTimeout)
	c.SASL.Mechanism = strings.ToLower(c.SASL.Mechanism)
	c.Compression = strings.ToLower(c.Compression)
	c.StartOffset = strings.ToLower(c.StartOffset)
	c.LogLevel = strings.ToLower(c.LogLevel)
	return c
}

// topicRe is Kafka's legal topic alphabet.
var topicRe = regexp.MustCompile(`^[A-Za-z0-9._-]{1,249}$`)

// Validate reports every problem of a defaulted config (see WithDefaults),
// joined. Messages never include the SASL password.
func (c Config) Validate() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if len(c.Brokers) == 0 {
		bad("no brokers (--brokers)")
	}
	for _, b := range c.Brokers {
		if i := strings.LastIndexByte(b, ':'); i <= 0 || i == len(b)-1 {
			bad("broker %q is not host:port", b)
		}
	}
	topics := map[string]string{}
	for _, t := range []struct{ flag, name string }{
		{"input-topic", c.InputTopic}, {"output-topic", c.OutputTopic},
		{"documents-topic", c.DocumentsTopic}, {"dead-letter-topic", c.DeadLetterTopic},
	} {
		if t.name == "" {
			if t.flag == "input-topic" || t.flag == "output-topic" {
				bad("no --%s", t.flag)
			}
			continue
		}
		if !topicRe.MatchString(t.name) || t.name == "." || t.name == ".." {
			bad("--%s %q is not a legal topic name", t.flag, t.name)
		}
		if other, dup := topics[t.name]; dup {
			bad("--%s and --%s are both %q", other, t.flag, t.name)
		}
		topics[t.name] = t.flag
	}
	if c.Group == "" {
		bad("empty --group")
	}
	switch c.SASL.Mechanism {
	case "":
		if c.SASL.Username != "" || c.SASL.Password != "" {
			bad("SASL username or password given without --sasl-mechanism")
		}
	case "plain", "scram-sha-256", "scram-sha-512":
		if c.SASL.Username == "" || c.SASL.Password == "" {
			bad("--sasl-mechanism %s needs a username and a password", c.SASL.Mechanism)
		}
	default:
		bad("--sasl-mechanism %q: want plain, scram-sha-256 or scram-sha-512", c.SASL.Mechanism)
	}
	if (c.TLS.CertFile == "") != (c.TLS.KeyFile == "") {
		bad("--tls-cert and --tls-key go together")
	}
	if _, ok := compressions[c.Compression]; !ok {
		bad("--compression %q: want none, gzip, snappy, lz4 or zstd", c.Compression)
	}
	if c.StartOffset != "earliest" && c.StartOffset != "latest" {
		bad("--start-offset %q: want earliest or latest", c.StartOffset)
	}
	if _, ok := logLevels[c.LogLevel]; !ok {
		bad("--log-level %q: want debug, info, warn or error", c.LogLevel)
	}
	positive := []struct {
		flag string
		v    int64
	}{
		{"batch-size", int64(c.BatchSize)}, {"batch-bytes", int64(c.BatchBytes)},
		{"concurrency", int64(c.Concurrency)}, {"max-message-bytes", int64(c.MaxMessageBytes)},
		{"fetch-max-bytes", int64(c.FetchMaxBytes)}, {"partitions", int64(c.Partitions)},
		{"replication-factor", int64(c.ReplicationFactor)},
		{"linger", int64(c.Linger)}, {"fetch-max-wait", int64(c.FetchMaxWait)},
		{"commit-interval", int64(c.CommitInterval)}, {"session-timeout", int64(c.SessionTimeout)},
		{"heartbeat-interval", int64(c.HeartbeatInterval)}, {"rebalance-timeout", int64(c.RebalanceTimeout)},
		{"shutdown-timeout", int64(c.ShutdownTimeout)},
	}
	for _, p := range positive {
		if p.v <= 0 {
			bad("--%s must be positive", p.flag)
		}
	}
	if c.Partitions > 1<<20 || c.ReplicationFactor > 1<<10 || c.Concurrency > 1<<12 {
		bad("--partitions, --replication-factor or --concurrency out of range")
	}
	if c.HeartbeatInterval >= c.SessionTimeout {
		bad("--heartbeat-interval must be shorter than --session-timeout")
	}
	return errors.Join(errs...)
}

// LogValue implements slog.LogValuer: the config with the SASL password
// replaced by [REDACTED].
func (c Config) LogValue() slog.Value {
	pw := ""
	if c.SASL.Password != "" {
		pw = redacted
	}
	return slog.GroupValue(
		slog.String("brokers", strings.Join(c.Brokers, ",")),
		slog.String("input_topic", c.InputTopic),
		slog.String("output_topic", c.OutputTopic),
		slog.String("documents_topic", c.DocumentsTopic),
		slog.String("dead_letter_topic", c.DeadLetterTopic),
		slog.String("group", c.Group),
		slog.String("client_id", c.ClientID),
		slog.Group("tls", slog.Bool("enabled", c.TLS.Enabled()), slog.String("ca", c.TLS.CAFile),
			slog.String("cert", c.TLS.CertFile), slog.String("key", c.TLS.KeyFile),
			slog.Bool("insecure_skip_verify", c.TLS.InsecureSkipVerify)),
		slog.Group("sasl", slog.String("mechanism", c.SASL.Mechanism),
			slog.String("username", c.SASL.Username), slog.String("password", pw)),
		slog.String("compression", c.Compression),
		slog.Int("batch_size", c.BatchSize),
		slog.Int("batch_bytes", c.BatchBytes),
		slog.String("linger", c.Linger.String()),
		slog.Int("concurrency", c.Concurrency),
		slog.Int("max_message_bytes", c.MaxMessageBytes),
		slog.String("fetch_max_wait", c.FetchMaxWait.String()),
		slog.Int("fetch_max_bytes", c.FetchMaxBytes),
		slog.String("commit_interval", c.CommitInterval.String()),
		slog.String("start_offset", c.StartOffset),
		slog.String("session_timeout", c.SessionTimeout.String()),
		slog.String("heartbeat_interval", c.HeartbeatInterval.String()),
		slog.String("rebalance_timeout", c.RebalanceTimeout.String()),
		slog.String("shutdown_timeout", c.ShutdownTimeout.String()),
		slog.Bool("create_topics", c.CreateTopics),
		slog.Int("partitions", c.Partitions),
		slog.Int("replication_factor", c.ReplicationFactor),
		slog.String("http_addr", c.HTTPAddr),
		slog.String("log_level", c.LogLevel),
	)
}

// String is the redacted config, for %v.
func (c Config) String() string { return c.LogValue().String() }

// logLevels maps --log-level values to slog levels.
var logLevels = map[string]slog.Level{
	"debug": slog.LevelDebug, "info": slog.LevelInfo, "warn": slog.LevelWarn, "error": slog.LevelError,
}

// Level returns the slog level of c.LogLevel (info when unknown).
func (c Config) Level() slog.Level { return logLevels[strings.ToLower(c.LogLevel)] }

// EnvPrefix starts the environment variable of every flag: --batch-size is
// EXTRACTOR_BATCH_SIZE.
const EnvPrefix = "EXTRACTOR_"

// EnvName returns the environment variable that sets a flag.
func EnvName(flagName string) string {
	return EnvPrefix + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// Usage is the help text printed before the flag list.
const Usage = `Usage: extractor stream [flags]

Consumes JSON articles from a Kafka topic in a consumer group, extracts them
and produces one event per extracted record to the output topic (key: article
id; headers: event_type, schema_version, extractor_version), and optionally
the article document to a compacted documents topic. Messages that cannot be
extracted (invalid JSON, schema violation, missing body, oversize, extraction
panic) go to the dead-letter topic with their original bytes; headers say why
(dlq.reason, dlq.error) and where from (dlq.topic, dlq.partition, dlq.offset).

Delivery is at-least-once: events are acknowledged by all in-sync replicas
before the input offset is committed, and event ids are deterministic, so a
redelivered article produces identical events.

Every flag can be set by an environment variable: EXTRACTOR_ and the flag
name in capitals with '-' as '_' (--input-topic is EXTRACTOR_INPUT_TOPIC). A
flag on the command line wins over the environment. Give the SASL password
by EXTRACTOR_SASL_PASSWORD or --sasl-password-file rather than on the
command line; it is never logged.

HTTP (--http-addr): /metrics (Prometheus), /healthz (alive), /readyz (in the
group and producing). Logs are JSON lines on standard error. SIGTERM or
SIGINT stops gracefully: stop fetching, finish and produce in-flight
articles, commit, leave the group, within --shutdown-timeout.

Example:
  extractor stream --brokers kafka1:9092,kafka2:9092 --input-topic articles \
    --output-topic article-events --documents-topic article-documents

Flags (environment variable in brackets):
`

// ParseConfig builds a Config from the environment and the command line
// (which wins), applies the defaults and validates it. It returns
// flag.ErrHelp after printing the help for --help. getenv is os.Getenv in
// production. Errors never contain the SASL password.
func ParseConfig(args []string, getenv func(string) string, output io.Writer) (Config, error) {
	var c Config
	var brokers, passwordFile string
	fl := flag.NewFlagSet("stream", flag.ContinueOnError)
	fl.SetOutput(output)
	str := func(p *string, name, def, usage string) { fl.StringVar(p, name, def, usage) }
	num := func(p *int, name string, def int, usage string) { fl.IntVar(p, name, def, usage) }
	dur := func(p *time.Duration, name string, def time.Duration, usage string) {
		fl.DurationVar(p, name, def, usage)
	}
	str(&brokers, "brokers", "", "comma-separated bootstrap `addresses` host:port (required)")
	str(&c.InputTopic, "input-topic", "", "`topic` of the input articles (required)")
	str(&c.OutputTopic, "output-topic", "", "`topic` of the produced events (required)")
	str(&c.DocumentsTopic, "documents-topic", "", "compacted `topic` for article documents keyed by article id (optional)")
	str(&c.DeadLetterTopic, "dead-letter-topic", "", "dead-letter `topic` (default: input topic + \".dlq\")")
	str(&c.Group, "group", DefaultGroup, "consumer group `id`")
	str(&c.ClientID, "client-id", DefaultClientID, "client `id` sent to the brokers")
	fl.BoolVar(&c.TLS.Enable, "tls", false, "connect with TLS (implied by --tls-ca or --tls-cert)")
	str(&c.TLS.CAFile, "tls-ca", "", "PEM `file` of CAs to trust (default: system roots)")
	str(&c.TLS.CertFile, "tls-cert", "", "PEM client certificate `file` (with --tls-key)")
	str(&c.TLS.KeyFile, "tls-key", "", "PEM client key `file`")
	fl.BoolVar(&c.TLS.InsecureSkipVerify, "tls-insecure-skip-verify", false, "do not verify the broker certificates (testing only)")
	str(&c.SASL.Mechanism, "sasl-mechanism", "", "SASL `mechanism`: plain, scram-sha-256 or scram-sha-512")
	str(&c.SASL.Username, "sasl-username", "", "SASL `user` name")
	str(&c.SASL.Password, "sasl-password", "", "SASL `password` (prefer the environment or --sasl-password-file)")
	str(&passwordFile, "sasl-password-file", "", "`file` holding the SASL password (trailing newline dropped)")
	str(&c.Compression, "compression", "none", "produce `codec`: none, gzip, snappy, lz4 or zstd")
	num(&c.BatchSize, "batch-size", DefaultBatchSize, "most `messages` per produced batch")
	num(&c.BatchBytes, "batch-bytes", DefaultBatchBytes, "largest produced batch and message in `bytes`")
	dur(&c.Linger, "linger", DefaultLinger, "how long a produced batch waits to fill")
	num(&c.Concurrency, "concurrency", runtime.GOMAXPROCS(0), "extraction `workers`")
	num(&c.MaxMessageBytes, "max-message-bytes", DefaultMaxMessageBytes, "largest input message in `bytes`; larger ones are dead-lettered")
	dur(&c.FetchMaxWait, "fetch-max-wait", DefaultFetchMaxWait, "longest wait of a fetch for new messages")
	num(&c.FetchMaxBytes, "fetch-max-bytes", DefaultFetchMaxBytes, "largest fetch per partition in `bytes`")
	dur(&c.CommitInterval, "commit-interval", DefaultCommitInterval, "how often done offsets are committed")
	str(&c.StartOffset, "start-offset", "earliest", "`where` a partition without committed offset starts: earliest or latest")
	dur(&c.SessionTimeout, "session-timeout", DefaultSessionTimeout, "group session timeout")
	dur(&c.HeartbeatInterval, "heartbeat-interval", DefaultHeartbeat, "group heartbeat interval")
	dur(&c.RebalanceTimeout, "rebalance-timeout", DefaultRebalance, "group rebalance timeout")
	dur(&c.ShutdownTimeout, "shutdown-timeout", DefaultShutdownTimeout, "bound of a graceful stop")
	fl.BoolVar(&c.CreateTopics, "create-topics", false, "create missing topics on start (development)")
	num(&c.Partitions, "partitions", DefaultPartitions, "`partitions` of created topics")
	num(&c.ReplicationFactor, "replication-factor", DefaultReplication, "replication `factor` of created topics")
	str(&c.HTTPAddr, "http-addr", ":8080", "listen `address` of /metrics, /healthz, /readyz (\"\" disables)")
	str(&c.LogLevel, "log-level", "info", "log `level`: debug, info, warn or error")

	fl.VisitAll(func(f *flag.Flag) { f.Usage += " [" + EnvName(f.Name) + "]" })
	fl.Usage = func() {
		fmt.Fprint(output, Usage)
		fl.PrintDefaults()
	}
	// The environment first, so that the command line wins.
	var envErrs []error
	fl.VisitAll(func(f *flag.Flag) {
		name := EnvName(f.Name)
		v := getenv(name)
		if v == "" {
			return
		}
		if err := fl.Set(f.Name, v); err != nil {
			envErrs = append(envErrs, fmt.Errorf("%s: invalid value for --%s", name, f.Name))
		}
	})
	if err := errors.Join(envErrs...); err != nil {
		return Config{}, err
	}
	if err := fl.Parse(args); err != nil {
		return Config{}, err
	}
	if fl.NArg() > 0 {
		return Config{}, fmt.Errorf("unexpected arguments: %q", fl.Args())
	}
	if passwordFile != "" {
		b, err := os.ReadFile(passwordFile)
		if err != nil {
			return Config{}, fmt.Errorf("--sasl-password-file: %w", err)
		}
		c.SASL.Password = strings.TrimRight(string(b), "\r\n")
	}
	c.Brokers = ParseBrokers(brokers)
	c = c.WithDefaults()
	if err := c.Validate(); err != nil {
		return Config{}, err
	}
	return c, nil
}

// ParseBrokers splits a comma-separated address list, trimming spaces; it
// never returns empty entries.
func ParseBrokers(s string) []string {
	var out []string
	for _, b := range strings.Split(s, ",") {
		if b = strings.TrimSpace(b); b != "" {
			out = append(out, b)
		}
	}
	return out
}
