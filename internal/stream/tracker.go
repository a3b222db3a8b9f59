package stream

import (
	"context"
	"fmt"
	"sync"
)

// Tracker follows, for the partitions of one group generation, the messages
// handed to workers and tells which offsets may be committed. Messages are
// added in fetch order (ascending offsets per partition) and may be done in
// any order. The committable offset of a partition is the offset of its
// oldest message not yet done, or the offset after the last added message
// when all are done: every message below it is done, so committing it loses
// nothing. Offsets need not be dense (compaction, transaction markers).
// A Tracker is safe for concurrent use.
type Tracker struct {
	mu      sync.Mutex
	parts   map[int]*partTrack
	pending int
	idle    chan struct{} // closed while pending == 0
}

// partTrack is one partition: queue holds the added offsets not retired,
// ascending, and its head is never done.
type partTrack struct {
	queue     []int64
	done      map[int64]bool
	next      int64 // offset after the last added message; -1 before any
	committed int64 // last committed offset; -1 before any
}

// NewTracker returns an empty Tracker.
func NewTracker() *Tracker {
	idle := make(chan struct{})
	close(idle)
	return &Tracker{parts: map[int]*partTrack{}, idle: idle}
}

func (t *Tracker) part(p int) *partTrack {
	pt := t.parts[p]
	if pt == nil {
		pt = &partTrack{done: map[int64]bool{}, next: -1, committed: -1}
		t.parts[p] = pt
	}
	return pt
}

// Add records that the message at offset off of partition p was handed to
// a worker. Offsets must ascend per partition; Add refuses (and records
// nothing) otherwise.
func (t *Tracker) Add(p int, off int64) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	pt := t.part(p)
	if off < 0 || off < pt.next {
		return fmt.Errorf("stream: partition %d: offset %d added after %d", p, off, pt.next-1)
	}
	pt.queue = append(pt.queue, off)
	pt.next = off + 1
	if t.pending == 0 {
		t.idle = make(chan struct{})
	}
	t.pending++
	return nil
}

// Withdraw undoes the last Add of partition p, for a message that could
// not be handed to a worker after all; it is then neither pending nor done.
// Withdraw of anything but the last added offset is ignored.
func (t *Tracker) Withdraw(p int, off int64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	pt := t.parts[p]
	if pt == nil || len(pt.queue) == 0 || pt.queue[len(pt.queue)-1] != off {
		return
	}
	pt.queue = pt.queue[:len(pt.queue)-1]
	pt.next = off
	t.settle(1)
}

// Done marks a message done. It reports false for a message that is not
// pending (never added, withdrawn or already done).
func (t *Tracker) Done(p int, off int64) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	pt := t.parts[p]
	if pt == nil || len(pt.queue) == 0 || off < pt.queue[0] || off >= pt.next || pt.done[off] {
		return false
	}
	if off == pt.queue[0] {
		pt.queue = pt.queue[1:]
		for len(pt.queue) > 0 && pt.done[pt.queue[0]] {
			delete(pt.done, pt.queue[0])
			pt.queue = pt.queue[1:]
		}
	} else {
		if !contains(pt.queue, off) {
			return false
		}
		pt.done[off] = true
	}
	t.settle(1)
	return true
}

// contains reports whether the ascending slice q holds v.
func contains(q []int64, v int64) bool {
	lo, hi := 0, len(q)
	for lo < hi {
		m := (lo + hi) / 2
		if q[m] < v {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(q) && q[lo] == v
}

// settle lowers pending by n and wakes waiters at zero; t.mu is held.
func (t *Tracker) settle(n int) {
	t.pending -= n
	if t.pending == 0 {
		close(t.idle)
	}
}

// position is the committable offset of pt, or -1.
func (pt *partTrack) position() int64 {
	if len(pt.queue) > 0 {
		return pt.queue[0]
	}
	return pt.next
}

// Committable returns, per partition, the offset to commit now: the
// committable offset where it is past the last committed one.
func (t *Tracker) Committable() map[int]int64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := map[int]int64{}
	for p, pt := range t.parts {
		if pos := pt.position(); pos >= 0 && pos > pt.committed {
			out[p] = pos
		}
	}
	return out
}

// Committed records offsets the broker accepted (from Committable).
func (t *Tracker) Committed(offsets map[int]int64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for p, off := range offsets {
		if pt := t.part(p); off > pt.committed {
			pt.committed = off
		}
	}
}

// Pending returns the number of messages added and not yet done.
func (t *Tracker) Pending() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.pending
}

// Wait blocks until no message is pending or ctx ends.
func (t *Tracker) Wait(ctx context.Context) error {
	t.mu.Lock()
	idle := t.idle
	t.mu.Unlock()
	select {
	case <-idle:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
