package stream

import (
	"bytes"
	"encoding/json"
	"flag"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// envOf returns a getenv over a map.
func envOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

var required = []string{"--brokers", "b1:9092", "--input-topic", "in", "--output-topic", "out"}

func TestParseConfig(t *testing.T) {
	tests := map[string]struct {
		args  []string
		env   map[string]string
		check func(t *testing.T, c Config)
	}{
		"defaults": {
			args: required,
			check: func(t *testing.T, c Config) {
				assert.Equal(t, []string{"b1:9092"}, c.Brokers)
				assert.Equal(t, "in.dlq", c.DeadLetterTopic)
				assert.Equal(t, "extractor", c.Group)
				assert.Equal(t, "none", c.Compression)
				assert.Equal(t, 100, c.BatchSize)
				assert.Equal(t, 5*time.Millisecond, c.Linger)
				assert.Equal(t, 1<<20, c.MaxMessageBytes)
				assert.Equal(t, "earliest", c.StartOffset)
				assert.Equal(t, ":8080", c.HTTPAddr)
				assert.False(t, c.TLS.Enabled())
				assert.False(t, c.TLS.InsecureSkipVerify, "skip-verify is off by default")
				assert.Empty(t, c.SASL.Mechanism)
				assert.Positive(t, c.Concurrency)
			},
		},
		"environment only": {
			env: map[string]string{
				"EXTRACTOR_BROKERS": " k1:9092 , k2:9093,", "EXTRACTOR_INPUT_TOPIC": "articles",
				"EXTRACTOR_OUTPUT_TOPIC": "events", "EXTRACTOR_DOCUMENTS_TOPIC": "docs",
				"EXTRACTOR_DEAD_LETTER_TOPIC": "bad", "EXTRACTOR_GROUP": "g1",
				"EXTRACTOR_COMPRESSION": "ZSTD", "EXTRACTOR_BATCH_SIZE": "500", "EXTRACTOR_LINGER": "20ms",
				"EXTRACTOR_CONCURRENCY": "6", "EXTRACTOR_CREATE_TOPICS": "true", "EXTRACTOR_PARTITIONS": "12",
				"EXTRACTOR_TLS_INSECURE_SKIP_VERIFY": "1", "EXTRACTOR_SASL_MECHANISM": "SCRAM-SHA-512",
				"EXTRACTOR_SASL_USERNAME": "svc", "EXTRACTOR_SASL_PASSWORD": "pw",
			},
			check: func(t *testing.T, c Config) {
				assert.Equal(t, []string{"k1:9092", "k2:9093"}, c.Brokers)
				assert.Equal(t, "articles", c.InputTopic)
				assert.Equal(t, "events", c.OutputTopic)
				assert.Equal(t, "docs", c.DocumentsTopic)
				assert.Equal(t, "bad", c.DeadLetterTopic)
				assert.Equal(t, "g1", c.Group)
				assert.Equal(t, "zstd", c.Compression)
				assert.Equal(t, 500, c.BatchSize)
				assert.Equal(t, 20*time.Millisecond, c.Linger)
				assert.Equal(t, 6, c.Concurrency)
				assert.True(t, c.CreateTopics)
				assert.Equal(t, 12, c.Partitions)
				assert.True(t, c.TLS.Enabled())
				assert.Equal(t, SASLConfig{Mechanism: "scram-sha-512", Username: "svc", Password: "pw"}, c.SASL)
			},
		},
		"flags win over the environment": {
			args: append([]string{"--group", "from-flag", "--batch-size", "7", "--create-topics=false"}, required...),
			env:  map[string]string{"EXTRACTOR_GROUP": "from-env", "EXTRACTOR_BATCH_SIZE": "9", "EXTRACTOR_CREATE_TOPICS": "true", "EXTRACTOR_LINGER": "1ms"},
			check: func(t *testing.T, c Config) {
				assert.Equal(t, "from-flag", c.Group)
				assert.Equal(t, 7, c.BatchSize)
				assert.False(t, c.CreateTopics)
				assert.Equal(t, time.Millisecond, c.Linger, "env still applies where no flag is given")
			},
		},
		"tls files imply tls": {
			args: append([]string{"--tls-ca", "ca.pem", "--tls-cert", "c.pem", "--tls-key", "k.pem"}, required...),
			check: func(t *testing.T, c Config) {
				assert.True(t, c.TLS.Enabled())
				assert.Equal(t, TLSConfig{CAFile: "ca.pem", CertFile: "c.pem", KeyFile: "k.pem"}, c.TLS)
			},
		},
		"sasl plain": {
			args: append([]string{"--sasl-mechanism", "plain", "--sasl-username", "u"}, required...),
			env:  map[string]string{"EXTRACTOR_SASL_PASSWORD": "secret"},
			check: func(t *testing.T, c Config) {
				assert.Equal(t, SASLConfig{Mechanism: "plain", Username: "u", Password: "secret"}, c.SASL)
			},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			c, err := ParseConfig(tc.args, envOf(tc.env), &out)
			require.NoError(t, err)
			require.NoError(t, c.Validate())
			tc.check(t, c)
		})
	}
}

func TestParseConfigErrors(t *testing.T) {
	tests := map[string]struct {
		args []string
		env  map[string]string
		want string // in the error
	}{
		"no brokers":            {args: []string{"--input-topic", "a", "--output-topic", "b"}, want: "no brokers"},
		"no topics":             {args: []string{"--brokers", "b:1"}, want: "no --input-topic"},
		"bad broker":            {args: append([]string{"--brokers", "nohost"}, required[2:]...), want: `broker "nohost" is not host:port`},
		"same topic twice":      {args: append([]string{"--dead-letter-topic", "out"}, required...), want: "both \"out\""},
		"illegal topic":         {args: append([]string{"--documents-topic", "a b"}, required...), want: "not a legal topic name"},
		"unknown mechanism":     {args: append([]string{"--sasl-mechanism", "gssapi", "--sasl-username", "u", "--sasl-password", "p"}, required...), want: "want plain"},
		"mechanism needs creds": {args: append([]string{"--sasl-mechanism", "plain"}, required...), want: "needs a username and a password"},
		"creds without mech":    {args: required, env: map[string]string{"EXTRACTOR_SASL_USERNAME": "u"}, want: "without --sasl-mechanism"},
		"cert without key":      {args: append([]string{"--tls-cert", "c.pem"}, required...), want: "--tls-cert and --tls-key"},
		"bad compression":       {args: append([]string{"--compression", "brotli"}, required...), want: "--compression"},
		"bad start offset":      {args: append([]string{"--start-offset", "middle"}, required...), want: "--start-offset"},
		"negative batch":        {args: append([]string{"--batch-size", "-1"}, required...), want: "--batch-size must be positive"},
		"heartbeat too long":    {args: append([]string{"--heartbeat-interval", "40s"}, required...), want: "--heartbeat-interval"},
		"bad env value":         {args: required, env: map[string]string{"EXTRACTOR_BATCH_SIZE": "many"}, want: "EXTRACTOR_BATCH_SIZE: invalid value for --batch-size"},
		"bad env bool":          {args: required, env: map[string]string{"EXTRACTOR_CREATE_TOPICS": "yes please"}, want: "EXTRACTOR_CREATE_TOPICS"},
		"stray argument":        {args: append(append([]string{}, required...), "extra"), want: "unexpected arguments"},
		"unknown flag":          {args: []string{"--nope"}, want: "flag provided but not defined"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			_, err := ParseConfig(tc.args, envOf(tc.env), &out)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestParseConfigHelp(t *testing.T) {
	var out bytes.Buffer
	_, err := ParseConfig([]string{"--help"}, envOf(map[string]string{"EXTRACTOR_SASL_PASSWORD": "env-secret-7781"}), &out)
	require.ErrorIs(t, err, flag.ErrHelp)
	help := out.String()
	assert.NotContains(t, help, "env-secret-7781", "the help shows no value from the environment")
	for _, want := range []string{"Usage: extractor stream", "-brokers", "[EXTRACTOR_BROKERS]",
		"-sasl-password-file", "[EXTRACTOR_SASL_PASSWORD]", "-tls-insecure-skip-verify", "-create-topics",
		"-compression", "-linger", "-max-message-bytes", "-concurrency", "/metrics"} {
		assert.Contains(t, help, want)
	}
}

func TestParseConfigPasswordFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pw")
	require.NoError(t, os.WriteFile(path, []byte("from-file\n"), 0o600))
	args := append([]string{"--sasl-mechanism", "scram-sha-256", "--sasl-username", "u", "--sasl-password-file", path}, required...)
	c, err := ParseConfig(args, envOf(nil), &bytes.Buffer{})
	require.NoError(t, err)
	assert.Equal(t, "from-file", c.SASL.Password)

	_, err = ParseConfig(append([]string{"--sasl-password-file", path + ".missing"}, required...), envOf(nil), &bytes.Buffer{})
	assert.ErrorContains(t, err, "--sasl-password-file")
}

// TestConfigLogRedactsSecrets logs a config with credentials the way the
// command does and checks that the password appears nowhere, in the JSON
// log, in %v or in a validation error.
func TestConfigLogRedactsSecrets(t *testing.T) {
	const secret = "hunter2-Very-Secret-9f3a"
	c, err := ParseConfig(append([]string{"--sasl-mechanism", "plain", "--sasl-username", "svc"}, required...),
		envOf(map[string]string{"EXTRACTOR_SASL_PASSWORD": secret}), &bytes.Buffer{})
	require.NoError(t, err)
	require.Equal(t, secret, c.SASL.Password)

	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("config", "config", c)
	assert.NotContains(t, logs.String(), secret)
	var line struct {
		Config struct {
			Brokers string `json:"brokers"`
			SASL    struct {
				Mechanism, Username, Password string
			} `json:"sasl"`
		} `json:"config"`
	}
	require.NoError(t, json.Unmarshal(logs.Bytes(), &line))
	assert.Equal(t, "b1:9092", line.Config.Brokers)
	assert.Equal(t, "svc", line.Config.SASL.Username)
	assert.Equal(t, redacted, line.Config.SASL.Password)

	assert.NotContains(t, c.String(), secret)
	assert.NotContains(t, slogText(c), secret)

	bad := c
	bad.SASL.Mechanism = "bogus"
	assert.NotContains(t, bad.Validate().Error(), secret)
	_, err = saslMechanism(SASLConfig{Mechanism: "scram-sha-256", Username: "u", Password: "\u0007" + secret})
	if err != nil {
		assert.NotContains(t, err.Error(), secret)
	}
}

func slogText(c Config) string {
	var b strings.Builder
	slog.New(slog.NewTextHandler(&b, nil)).Info("x", "config", c)
	return b.String()
}

func TestParseBrokers(t *testing.T) {
	tests := map[string]struct {
		in   string
		want []string
	}{
		"empty":         {"", nil},
		"one":           {"a:1", []string{"a:1"}},
		"spaces":        {" a:1 ,b:2 ", []string{"a:1", "b:2"}},
		"empty entries": {",a:1,,b:2,", []string{"a:1", "b:2"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) { assert.Equal(t, tc.want, ParseBrokers(tc.in)) })
	}
}

// FuzzParseConfig checks ParseConfig's invariants for any environment: it
// never panics; a config it returns validates; and the password never
// reaches the logged config (the sasl.password field is "" or [REDACTED]).
func FuzzParseConfig(f *testing.F) {
	f.Add("b:1", "plain", "u", "p", "100", "5ms", "gzip")
	f.Add(" , ", "scram-sha-256", "", "x", "-3", "forever", "zstd")
	f.Add("h:9092,h2:9093", "SCRAM-SHA-512", "user", "pässwörd", "1", "1h", "NONE")
	f.Fuzz(func(t *testing.T, brokers, mech, user, pass, batch, linger, codec string) {
		env := map[string]string{
			"EXTRACTOR_BROKERS": brokers, "EXTRACTOR_INPUT_TOPIC": "in", "EXTRACTOR_OUTPUT_TOPIC": "out",
			"EXTRACTOR_SASL_MECHANISM": mech, "EXTRACTOR_SASL_USERNAME": user, "EXTRACTOR_SASL_PASSWORD": pass,
			"EXTRACTOR_BATCH_SIZE": batch, "EXTRACTOR_LINGER": linger, "EXTRACTOR_COMPRESSION": codec,
		}
		c, err := ParseConfig(nil, envOf(env), &bytes.Buffer{})
		if err != nil {
			if len(pass) >= 8 && strings.Contains(err.Error(), pass) {
				t.Fatalf("error reveals the password: %v", err)
			}
			return
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("returned config does not validate: %v", err)
		}
		var logs bytes.Buffer
		slog.New(slog.NewJSONHandler(&logs, nil)).Info("config", "config", c)
		var line struct {
			Config struct {
				SASL struct{ Password string } `json:"sasl"`
			} `json:"config"`
		}
		if err := json.Unmarshal(logs.Bytes(), &line); err != nil {
			t.Fatalf("log line: %v", err)
		}
		if p := line.Config.SASL.Password; p != "" && p != redacted {
			t.Fatalf("logged password %q", p)
		}
	})
}
