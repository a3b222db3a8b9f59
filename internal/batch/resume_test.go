package batch

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsdesk/extractor/pkg/events"
)

// resumeInput writes 200 articles with a bad line every 23 over two files
// and returns their glob.
func resumeInput(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for f, name := range []string{"a.jsonl.gz", "b.jsonl"} {
		var ls []string
		for i, l := range lines(fmt.Sprintf("f%d", f), 100) {
			if i%23 == 5 {
				l = fmt.Sprintf(`{"id":"bad-%d-%d",`, f, i)
			}
			ls = append(ls, l)
		}
		writeFile(t, filepath.Join(dir, name), ls)
	}
	return filepath.Join(dir, "*.jsonl*")
}

// reference runs without interruption and returns the output and errors
// lines.
func reference(t *testing.T, glob, ext string, unordered bool) (out, errs []string) {
	t.Helper()
	o := filepath.Join(t.TempDir(), "ref.jsonl"+ext)
	_, err := Run(context.Background(), &fakeExtractor{}, Options{Inputs: []string{glob}, Output: o, Workers: 3, Unordered: unordered})
	require.NoError(t, err)
	return readLines(t, o), readLines(t, o+".errors.jsonl")
}

func sorted(s []string) []string {
	s = append([]string(nil), s...)
	sort.Strings(s)
	return s
}

func TestRunResume(t *testing.T) {
	tests := []struct {
		name       string
		ext        string
		unordered  bool
		interrupts []int64 // cancel after this many extractions, run by run
		tornTail   bool    // append a partial line to the outputs before resuming
	}{
		{"ordered plain", "", false, []int64{40}, false},
		{"ordered gzip", ".gz", false, []int64{40}, false},
		{"ordered zstd", ".zst", false, []int64{40}, false},
		{"unordered", "", true, []int64{40}, false},
		{"interrupted twice", "", false, []int64{30, 70}, false},
		{"torn tail after a crash", "", false, []int64{50}, true},
		{"unordered torn tail after a crash", ".gz", true, []int64{50}, true},
		{"interrupted before the first checkpoint", "", false, []int64{1}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			glob := resumeInput(t)
			wantOut, wantErrs := reference(t, glob, tc.ext, tc.unordered)
			out := filepath.Join(t.TempDir(), "out.jsonl"+tc.ext)
			opts := Options{Inputs: []string{glob}, Output: out, Workers: 3, Unordered: tc.unordered,
				CheckpointEvery: 7, Resume: true}
			var done int64 // items accounted for by the checkpoint before each run
			for _, n := range tc.interrupts {
				ctx, cancel := context.WithCancel(context.Background())
				ex := &fakeExtractor{after: func(c int64) {
					if c == n {
						cancel()
					}
				}}
				sum, err := Run(ctx, ex, opts)
				cancel()
				require.ErrorIs(t, err, context.Canceled)
				assert.False(t, sum.Complete)
				assert.Equal(t, done, sum.Skipped)
				ck, ok, err := loadCheckpoint(out + ".checkpoint")
				require.NoError(t, err)
				require.True(t, ok)
				assert.False(t, ck.Complete)
				done = ck.Next + int64(len(ck.Done))
				assert.Less(t, done, int64(200))
				if tc.tornTail {
					for _, f := range []string{out, out + ".errors.jsonl"} {
						fh, err := os.OpenFile(f, os.O_WRONLY|os.O_APPEND, 0)
						require.NoError(t, err)
						_, err = fh.WriteString(`{"id":"torn`)
						require.NoError(t, err)
						require.NoError(t, fh.Close())
					}
				}
			}
			sum, err := Run(context.Background(), &fakeExtractor{}, opts)
			require.NoError(t, err)
			assert.True(t, sum.Complete)
			assert.Equal(t, done, sum.Skipped)
			assert.Equal(t, int64(200), sum.Skipped+sum.Read, "every item read or skipped once")
			assert.Equal(t, int64(10), sum.FailedBefore+sum.Failed, "failures over all runs")

			gotOut, gotErrs := readLines(t, out), readLines(t, out+".errors.jsonl")
			if tc.unordered {
				assert.Equal(t, sorted(wantOut), sorted(gotOut))
				assert.Equal(t, sorted(wantErrs), sorted(gotErrs))
			} else {
				assert.Equal(t, wantOut, gotOut)
				assert.Equal(t, wantErrs, gotErrs)
			}
			if tc.ext == "" && !tc.unordered {
				ref := filepath.Join(t.TempDir(), "ref.jsonl")
				_, err := Run(context.Background(), &fakeExtractor{}, Options{Inputs: []string{glob}, Output: ref, Workers: 1})
				require.NoError(t, err)
				assertSameFile(t, ref, out)
				assertSameFile(t, ref+".errors.jsonl", out+".errors.jsonl")
			}
		})
	}
}

func assertSameFile(t *testing.T, want, got string) {
	t.Helper()
	a, err := os.ReadFile(want)
	require.NoError(t, err)
	b, err := os.ReadFile(got)
	require.NoError(t, err)
	assert.Equal(t, string(a), string(b))
}

func TestRunResumeEdgeCases(t *testing.T) {
	t.Run("resume of a complete run does nothing", func(t *testing.T) {
		glob := resumeInput(t)
		out := filepath.Join(t.TempDir(), "out.jsonl")
		opts := Options{Inputs: []string{glob}, Output: out, Resume: true}
		_, err := Run(context.Background(), &fakeExtractor{}, opts)
		require.NoError(t, err)
		before, err := os.ReadFile(out)
		require.NoError(t, err)
		ex := &fakeExtractor{}
		sum, err := Run(context.Background(), ex, opts)
		require.NoError(t, err)
		assert.Equal(t, int64(200), sum.Skipped)
		assert.Zero(t, sum.Read)
		assert.Zero(t, ex.calls.Load())
		after, err := os.ReadFile(out)
		require.NoError(t, err)
		assert.Equal(t, string(before), string(after))
	})
	t.Run("without resume a run starts afresh", func(t *testing.T) {
		glob := resumeInput(t)
		out := filepath.Join(t.TempDir(), "out.jsonl")
		for range 2 {
			sum, err := Run(context.Background(), &fakeExtractor{}, Options{Inputs: []string{glob}, Output: out})
			require.NoError(t, err)
			assert.Zero(t, sum.Skipped)
		}
		assert.Len(t, readLines(t, out), 200-10)
	})
	t.Run("changed inputs refuse to resume", func(t *testing.T) {
		glob := resumeInput(t)
		out := filepath.Join(t.TempDir(), "out.jsonl")
		_, err := Run(context.Background(), &fakeExtractor{}, Options{Inputs: []string{glob}, Output: out})
		require.NoError(t, err)
		writeFile(t, filepath.Join(filepath.Dir(glob), "c.jsonl"), lines("c", 1))
		_, err = Run(context.Background(), &fakeExtractor{}, Options{Inputs: []string{glob}, Output: out, Resume: true})
		require.ErrorContains(t, err, "inputs differ")
	})
	t.Run("changed format refuses to resume", func(t *testing.T) {
		glob := resumeInput(t)
		out := filepath.Join(t.TempDir(), "out.jsonl")
		_, err := Run(context.Background(), &fakeExtractor{}, Options{Inputs: []string{glob}, Output: out})
		require.NoError(t, err)
		_, err = Run(context.Background(), &fakeExtractor{}, Options{Inputs: []string{glob}, Output: out, Resume: true, Format: FormatArticle})
		require.ErrorContains(t, err, "--format")
	})
}

// Environment of the crash helper process.
const (
	envCrashInput  = "BATCH_TEST_CRASH_INPUT"
	envCrashOutput = "BATCH_TEST_CRASH_OUTPUT"
	envCrashOrder  = "BATCH_TEST_CRASH_UNORDERED"
)

// TestCrashHelper is the process that TestRunResumeAfterKill kills: it
// extracts 60 articles and then hangs; unordered, article f0-010 hangs
// from the start.
func TestCrashHelper(t *testing.T) {
	in, out := os.Getenv(envCrashInput), os.Getenv(envCrashOutput)
	if in == "" {
		t.Skip("helper process of TestRunResumeAfterKill")
	}
	unordered := os.Getenv(envCrashOrder) == "1"
	ex := &fakeExtractor{before: func(a events.Article) {
		if unordered && a.ID == "f0-010" {
			select {} // later items complete past it: the checkpoint has Done
		}
	}, after: func(n int64) {
		if n >= 60 {
			select {}
		}
	}}
	_, _ = Run(context.Background(), ex, Options{Inputs: []string{in}, Output: out, Workers: 2, CheckpointEvery: 5,
		Unordered: unordered})
}

func TestRunResumeAfterKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a subprocess")
	}
	for _, tc := range []struct {
		name      string
		unordered bool
	}{{"ordered", false}, {"unordered", true}} {
		t.Run(tc.name, func(t *testing.T) {
			glob := resumeInput(t)
			wantOut, wantErrs := reference(t, glob, "", tc.unordered)
			out := filepath.Join(t.TempDir(), "out.jsonl")
			flag := "0"
			if tc.unordered {
				flag = "1"
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestCrashHelper$")
			cmd.Env = append(os.Environ(), envCrashInput+"="+glob, envCrashOutput+"="+out, envCrashOrder+"="+flag)
			require.NoError(t, cmd.Start())
			// Wait (bounded) for a checkpoint past 20 items, then kill.
			var ck Checkpoint
			for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
				b, err := os.ReadFile(out + ".checkpoint")
				ck = Checkpoint{}
				if err == nil && json.Unmarshal(b, &ck) == nil && ck.Next+int64(len(ck.Done)) >= 20 {
					break
				}
			}
			require.NoError(t, cmd.Process.Kill())
			_ = cmd.Wait()
			require.GreaterOrEqual(t, ck.Next+int64(len(ck.Done)), int64(20), "the helper saved no checkpoint")
			if tc.unordered {
				assert.NotEmpty(t, ck.Done, "items finished past the stuck one")
			}
			t.Logf("killed after checkpoint next=%d done=%v", ck.Next, ck.Done)

			sum, err := Run(context.Background(), &fakeExtractor{}, Options{Inputs: []string{glob}, Output: out,
				Workers: 3, Resume: true, Unordered: tc.unordered})
			require.NoError(t, err)
			assert.GreaterOrEqual(t, sum.Skipped, int64(20))
			assert.Equal(t, int64(200), sum.Skipped+sum.Read)
			gotOut, gotErrs := readLines(t, out), readLines(t, out+".errors.jsonl")
			if tc.unordered {
				assert.Equal(t, sorted(wantOut), sorted(gotOut))
				assert.Equal(t, sorted(wantErrs), sorted(gotErrs))
			} else {
				assert.Equal(t, wantOut, gotOut)
				assert.Equal(t, wantErrs, gotErrs)
			}
		})
	}
}
