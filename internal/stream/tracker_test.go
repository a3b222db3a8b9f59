package stream

import (
	"context"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// step is one tracker operation of a table test.
type step struct {
	op  string // add, done, withdraw, commit (record Committable as committed)
	p   int
	off int64
}

func add(p int, off int64) step      { return step{"add", p, off} }
func done(p int, off int64) step     { return step{"done", p, off} }
func withdraw(p int, off int64) step { return step{"withdraw", p, off} }

var commitStep = step{op: "commit"}

func TestTrackerCommittable(t *testing.T) {
	tests := map[string]struct {
		steps   []step
		want    map[int]int64
		pending int
	}{
		"nothing fetched": {
			want: map[int]int64{},
		},
		"fetched, none done": {
			steps: []step{add(0, 0), add(0, 1)},
			want:  map[int]int64{0: 0}, pending: 2,
		},
		"in order": {
			steps: []step{add(0, 0), add(0, 1), add(0, 2), done(0, 0), done(0, 1)},
			want:  map[int]int64{0: 2}, pending: 1,
		},
		"all done commits after the last": {
			steps: []step{add(0, 5), add(0, 6), done(0, 5), done(0, 6)},
			want:  map[int]int64{0: 7},
		},
		"out of order: a gap holds the commit back": {
			steps: []step{add(0, 0), add(0, 1), add(0, 2), add(0, 3), done(0, 1), done(0, 3)},
			want:  map[int]int64{0: 0}, pending: 2,
		},
		"out of order: filling the gap releases the prefix": {
			steps: []step{add(0, 0), add(0, 1), add(0, 2), add(0, 3), done(0, 1), done(0, 3), done(0, 0)},
			want:  map[int]int64{0: 2}, pending: 1,
		},
		"out of order: reverse completion": {
			steps: []step{add(0, 0), add(0, 1), add(0, 2), done(0, 2), done(0, 1), done(0, 0)},
			want:  map[int]int64{0: 3},
		},
		"sparse offsets (compaction, transaction markers)": {
			steps: []step{add(0, 10), add(0, 13), add(0, 20), done(0, 13), done(0, 10)},
			want:  map[int]int64{0: 20}, pending: 1,
		},
		"partitions are independent": {
			steps: []step{
				add(0, 0), add(1, 0), add(0, 1), add(1, 1), add(2, 7),
				done(1, 1), done(0, 0), done(2, 7),
			},
			want: map[int]int64{0: 1, 1: 0, 2: 8}, pending: 2,
		},
		"committed positions are not repeated": {
			steps: []step{add(0, 0), add(0, 1), done(0, 0), commitStep, add(1, 4)},
			want:  map[int]int64{1: 4}, pending: 2,
		},
		"progress after a commit is offered again": {
			steps: []step{add(0, 0), add(0, 1), done(0, 0), commitStep, done(0, 1)},
			want:  map[int]int64{0: 2},
		},
		"done twice counts once": {
			steps: []step{add(0, 0), add(0, 1), done(0, 1), done(0, 1)},
			want:  map[int]int64{0: 0}, pending: 1,
		},
		"done of unknown offsets is ignored": {
			steps: []step{add(0, 3), done(0, 2), done(0, 4), done(5, 0)},
			want:  map[int]int64{0: 3}, pending: 1,
		},
		"withdrawn message is not pending and not committed": {
			steps: []step{add(0, 0), add(0, 1), done(0, 0), withdraw(0, 1)},
			want:  map[int]int64{0: 1},
		},
		"withdraw of an older offset is ignored": {
			steps: []step{add(0, 0), add(0, 1), withdraw(0, 0)},
			want:  map[int]int64{0: 0}, pending: 2,
		},
		"refetch after withdraw": {
			steps: []step{add(0, 0), withdraw(0, 0), add(0, 0), done(0, 0)},
			want:  map[int]int64{0: 1},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			tr := NewTracker()
			for _, s := range tc.steps {
				switch s.op {
				case "add":
					require.NoError(t, tr.Add(s.p, s.off))
				case "done":
					tr.Done(s.p, s.off)
				case "withdraw":
					tr.Withdraw(s.p, s.off)
				case "commit":
					tr.Committed(tr.Committable())
				}
			}
			assert.Equal(t, tc.want, tr.Committable())
			assert.Equal(t, tc.pending, tr.Pending())
		})
	}
}

func TestTrackerRefusesDescendingOffsets(t *testing.T) {
	tr := NewTracker()
	require.NoError(t, tr.Add(0, 5))
	assert.Error(t, tr.Add(0, 5), "same offset twice")
	assert.Error(t, tr.Add(0, 4), "descending")
	assert.Error(t, tr.Add(1, -1), "negative")
	assert.Equal(t, 1, tr.Pending())
	assert.Equal(t, map[int]int64{0: 5}, tr.Committable())
}

func TestTrackerDoneReports(t *testing.T) {
	tr := NewTracker()
	require.NoError(t, tr.Add(0, 1))
	require.NoError(t, tr.Add(0, 2))
	assert.True(t, tr.Done(0, 2))
	assert.False(t, tr.Done(0, 2), "already done")
	assert.True(t, tr.Done(0, 1))
	assert.False(t, tr.Done(0, 1), "retired")
	assert.False(t, tr.Done(0, 3), "never added")
}

func TestTrackerCommittedFromAssignment(t *testing.T) {
	tr := NewTracker()
	tr.Committed(map[int]int64{0: 40})
	require.NoError(t, tr.Add(0, 40))
	assert.Empty(t, tr.Committable(), "the broker already holds 40")
	tr.Done(0, 40)
	assert.Equal(t, map[int]int64{0: 41}, tr.Committable())
}

func TestTrackerWait(t *testing.T) {
	tr := NewTracker()
	require.NoError(t, tr.Wait(context.Background()), "idle at start")
	require.NoError(t, tr.Add(0, 0))
	require.NoError(t, tr.Add(1, 0))

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	assert.ErrorIs(t, tr.Wait(ctx), context.DeadlineExceeded, "pending work")

	go func() {
		tr.Done(1, 0)
		tr.Done(0, 0)
	}()
	ctx2, cancel2 := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel2()
	require.NoError(t, tr.Wait(ctx2))
	assert.Equal(t, 0, tr.Pending())
}

// TestTrackerRandomOrder checks the invariant against a model: after any
// completion order, the committable offset of a partition is the first
// offset not done (or one past the last), and every offset below it is done.
func TestTrackerRandomOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		tr := NewTracker()
		n := 1 + rng.IntN(40)
		offs := make([]int64, n)
		next := int64(rng.IntN(5))
		for i := range offs {
			offs[i] = next
			require.NoError(t, tr.Add(3, next))
			next += 1 + int64(rng.IntN(3))
		}
		order := rng.Perm(n)
		doneSet := map[int64]bool{}
		for k, i := range order[:rng.IntN(n+1)] {
			require.True(t, tr.Done(3, offs[i]), "round %d step %d", round, k)
			doneSet[offs[i]] = true
		}
		want := offs[n-1] + 1 // all done
		for _, o := range offs {
			if !doneSet[o] {
				want = o
				break
			}
		}
		assert.Equal(t, map[int]int64{3: want}, tr.Committable(), "round %d", round)
		assert.Equal(t, n-len(doneSet), tr.Pending(), "round %d", round)
	}
}
