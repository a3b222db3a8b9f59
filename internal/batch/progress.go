package batch

import (
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"time"
)

// progress holds the counters a progress bar reads while a run goes on.
// done and total are in input units (bytes of files or Kafka messages).
type progress struct {
	done      atomic.Int64
	total     int64
	articles  atomic.Int64
	failed    atomic.Int64
	started   time.Time
	barWidth  int
	lastWidth int
}

// line renders one progress line at now.
func (p *progress) line(now time.Time) string {
	el := now.Sub(p.started)
	n := p.articles.Load()
	rate := 0.0
	if el > 0 {
		rate = float64(n) / el.Seconds()
	}
	var b strings.Builder
	if p.total > 0 {
		f := min(float64(p.done.Load())/float64(p.total), 1)
		fill := int(f * float64(p.barWidth))
		fmt.Fprintf(&b, "[%s%s] %5.1f%% ", strings.Repeat("#", fill), strings.Repeat(".", p.barWidth-fill), 100*f)
		fmt.Fprintf(&b, "%d articles  %.1f/s", n, rate)
		if f > 0 && f < 1 {
			eta := time.Duration(float64(el) * (1 - f) / f).Round(time.Second)
			fmt.Fprintf(&b, "  ETA %s", eta)
		}
	} else {
		fmt.Fprintf(&b, "%d articles  %.1f/s", n, rate)
	}
	if f := p.failed.Load(); f > 0 {
		fmt.Fprintf(&b, "  %d failed", f)
	}
	return b.String()
}

// run redraws the line on w every interval until stop is closed, then
// clears it.
func (p *progress) run(w io.Writer, interval time.Duration, stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-stop:
			fmt.Fprintf(w, "\r%s\r", strings.Repeat(" ", p.lastWidth))
			return
		case now := <-t.C:
			s := p.line(now)
			pad := max(p.lastWidth-len(s), 0)
			p.lastWidth = len(s)
			fmt.Fprintf(w, "\r%s%s", s, strings.Repeat(" ", pad))
		}
	}
}
