package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsdesk/extractor/internal/kafkatest"
	"github.com/newsdesk/extractor/internal/stream/streamtest"
	"github.com/newsdesk/extractor/pkg/extract"
)

func TestStreamCommandLine(t *testing.T) {
	t.Setenv("EXTRACTOR_BROKERS", "")
	tests := map[string]struct {
		args []string
		code int
		want string // in stderr
	}{
		"help":          {[]string{"stream", "--help"}, 0, "[EXTRACTOR_BROKERS]"},
		"help command":  {[]string{"help", "stream"}, 0, "Usage: extractor stream"},
		"no brokers":    {[]string{"stream", "--input-topic", "a", "--output-topic", "b"}, 2, "no brokers"},
		"unknown flag":  {[]string{"stream", "--bogus"}, 2, "flag provided but not defined"},
		"bad mechanism": {[]string{"stream", "--brokers", "h:1", "--input-topic", "a", "--output-topic", "b", "--sasl-mechanism", "kerberos"}, 2, "--sasl-mechanism"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			code, _, stderr := runCmd(t, "", tc.args...)
			assert.Equal(t, tc.code, code, stderr)
			assert.Contains(t, stderr, tc.want)
		})
	}
}

// process is the extractor binary running "stream" as a subprocess; its
// logs go to a file that the test prints when it fails.
type process struct {
	cmd  *exec.Cmd
	logs string
	done chan struct{}
	err  error
}

func startProcess(t *testing.T, bin string, env []string, args ...string) *process {
	t.Helper()
	logs := filepath.Join(t.TempDir(), "stream.log")
	f, err := os.Create(logs)
	require.NoError(t, err)
	cmd := exec.Command(bin, append([]string{"stream"}, args...)...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout, cmd.Stderr = f, f
	require.NoError(t, cmd.Start())
	p := &process{cmd: cmd, logs: logs, done: make(chan struct{})}
	go func() {
		p.err = cmd.Wait()
		f.Close()
		close(p.done)
	}()
	t.Cleanup(func() {
		select {
		case <-p.done:
		default:
			_ = cmd.Process.Kill()
			<-p.done
		}
		if t.Failed() {
			b, _ := os.ReadFile(logs)
			t.Logf("logs of pid %d:\n%s", cmd.Process.Pid, lastLines(string(b), 80))
		}
	})
	return p
}

// wait waits for the exit and returns the exit code (-1: killed by a signal).
func (p *process) wait(t *testing.T, timeout time.Duration) int {
	t.Helper()
	select {
	case <-p.done:
	case <-time.After(timeout):
		t.Fatalf("pid %d did not exit within %v", p.cmd.Process.Pid, timeout)
	}
	return p.cmd.ProcessState.ExitCode()
}

// logValue waits for the first log line with the message msg and returns
// its field key.
func (p *process) logValue(t *testing.T, msg, key string) string {
	t.Helper()
	var val string
	streamtest.Eventually(t, streamtest.Patience, func() bool {
		f, err := os.Open(p.logs)
		if err != nil {
			return false
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var line map[string]any
			if json.Unmarshal(sc.Bytes(), &line) == nil && line["msg"] == msg {
				val = fmt.Sprint(line[key])
				return true
			}
		}
		return false
	}, func() string { return fmt.Sprintf("no log line %q", msg) })
	return val
}

func lastLines(s string, n int) string {
	ls := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(ls[max(len(ls)-n, 0):], "\n")
}

// streamArgs are the flags of a test process: short waits, a 6 s session
// (the broker's minimum), so that a killed member is replaced quickly.
func streamArgs(tp streamtest.Topics, group string) []string {
	return []string{
		"--input-topic", tp.In, "--output-topic", tp.Out, "--documents-topic", tp.Docs,
		"--dead-letter-topic", tp.DLQ, "--group", group, "--concurrency", "2",
		"--commit-interval", "200ms", "--fetch-max-wait", "100ms", "--linger", "2ms",
		"--session-timeout", "6s", "--heartbeat-interval", "500ms", "--rebalance-timeout", "10s",
		"--shutdown-timeout", "15s", "--http-addr", "127.0.0.1:0",
	}
}

// TestStreamProcess runs the real binary (built into a temp dir) against
// the broker: killed with SIGKILL mid-stream and restarted it loses
// nothing and repeats only identical messages; stopped with SIGTERM it
// exits 0 promptly with exactly its processed articles committed.
func TestStreamProcess(t *testing.T) {
	brokers := kafkatest.Brokers(t)
	bin := filepath.Join(t.TempDir(), "extractor")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, "go", "build", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, "go build: %s", out)
	ex, err := extract.New(extract.Options{})
	require.NoError(t, err)
	env := []string{"EXTRACTOR_BROKERS=" + strings.Join(brokers, ","), "EXTRACTOR_LOG_LEVEL=info"}

	t.Run("SIGKILL mid-stream", func(t *testing.T) {
		tp := streamtest.NewTopics(t, brokers, 3)
		inputs := streamtest.Articles(t, "crash", 150)
		inputs = append(inputs,
			streamtest.Input{Key: "crash-bad-json", Raw: []byte(`not json`), Bad: "invalid_json"},
			streamtest.Input{Key: "crash-bad-body", Raw: []byte(`{"id":"x"}`), Bad: "missing_body"})
		want := streamtest.ExpectedEvents(t, ex, inputs)
		outs := tp.CollectOutputs(t, brokers)
		group := kafkatest.TopicName(t)
		args := streamArgs(tp, group)

		first := startProcess(t, bin, env, args...)
		streamtest.Produce(t, brokers, tp.In, inputs)
		streamtest.Eventually(t, 2*time.Minute, func() bool { return outs.Accounted() >= 30 },
			func() string { return fmt.Sprintf("%d accounted", outs.Accounted()) })
		require.NoError(t, first.cmd.Process.Signal(syscall.SIGKILL))
		assert.Equal(t, -1, first.wait(t, 10*time.Second), "killed by the signal")
		committed := streamtest.Committed(t, brokers, group, tp.In, tp.Partitions)
		sum := int64(0)
		for _, off := range committed {
			sum += max(off, 0)
		}
		require.Less(t, sum, int64(len(inputs)), "killed mid-stream: work was left")
		t.Logf("killed with %d of %d inputs committed (%d accounted)", sum, len(inputs), outs.Accounted())

		second := startProcess(t, bin, env, args...)
		outs.WaitAccounted(t, inputs, 2*time.Minute)
		total := 0
		for _, ids := range want {
			total += len(ids)
		}
		streamtest.Eventually(t, streamtest.Patience, func() bool { return outs.DistinctEvents() >= total },
			func() string { return fmt.Sprintf("%d of %d events", outs.DistinctEvents(), total) })
		require.NoError(t, second.cmd.Process.Signal(syscall.SIGTERM))
		assert.Equal(t, 0, second.wait(t, streamtest.Patience), "graceful exit")

		rep := streamtest.Check(t, outs, inputs, want, false)
		t.Logf("%d inputs: %d documents, %d events, %d dead letters read; %d repeats, all identical",
			len(inputs), rep.Documents, rep.Events, rep.DeadLetters, rep.Duplicates)
		assert.Equal(t, streamtest.EndOffsets(t, brokers, tp.In, tp.Partitions),
			streamtest.Committed(t, brokers, group, tp.In, tp.Partitions), "all committed after the graceful stop")
	})

	t.Run("SIGTERM mid-stream", func(t *testing.T) {
		tp := streamtest.NewTopics(t, brokers, 2)
		inputs := streamtest.Articles(t, "term", 120)
		outs := tp.CollectOutputs(t, brokers)
		group := kafkatest.TopicName(t)
		args := append(streamArgs(tp, group), "--commit-interval", "1h") // only the stop commits

		p := startProcess(t, bin, env, args...)
		base := "http://" + p.logValue(t, "http listening", "addr")
		streamtest.Eventually(t, streamtest.Patience, func() bool { return httpGet(t, base+"/readyz") == http.StatusOK },
			func() string { return "/readyz never 200" })
		assert.Equal(t, http.StatusOK, httpGet(t, base+"/healthz"))
		streamtest.Produce(t, brokers, tp.In, inputs)
		streamtest.Eventually(t, 2*time.Minute, func() bool { return outs.Accounted() >= 20 },
			func() string { return fmt.Sprintf("%d accounted", outs.Accounted()) })
		t0 := time.Now()
		require.NoError(t, p.cmd.Process.Signal(syscall.SIGTERM))
		assert.Equal(t, 0, p.wait(t, streamtest.Patience), "graceful exit")
		took := time.Since(t0)
		assert.Less(t, took, 15*time.Second, "within --shutdown-timeout")

		outs.Documents.WaitRead(t, brokers, tp.Partitions)
		outs.DeadLetters.WaitRead(t, brokers, tp.Partitions)
		committed := streamtest.Committed(t, brokers, group, tp.In, tp.Partitions)
		n := streamtest.CheckCommittedCover(t, outs, committed)
		assert.Less(t, n, len(inputs), "stopped mid-stream")
		t.Logf("SIGTERM after %d articles: exit 0 in %v; committed %v covers exactly them", n, took.Round(time.Millisecond), committed)
	})
}

func httpGet(t *testing.T, url string) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode
}
