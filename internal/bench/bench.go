// Package bench measures the extractor over a set of articles and sets it
// next to prose's NewDocument as shipped (default options, model loaded on
// every call), the baseline a Go newsroom would otherwise start from.
//
// It reports what the speed targets are stated in: articles and tokens per
// second on the CPUs the process is given, allocation per article, the time
// to load everything (ready to serve) and the peak resident set.
package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/pkg/extract"
	"github.com/newsdesk/extractor/pkg/ner"
)

// Options configure Run. The zero value times the extractor for at least
// 3 s and prose on every article.
type Options struct {
	// MinTime is the least time spent timing the extractor; whole passes
	// over the articles are run until it is reached. 0 means 3 s.
	MinTime time.Duration
	// ProseArticles is how many articles (the first ones) prose's
	// NewDocument is timed on: 0 means all, a negative number none.
	ProseArticles int
	// CPUProfile, if set, receives a CPU profile of the extractor's timed
	// passes; MemProfile an allocation profile taken after them.
	CPUProfile io.Writer
	MemProfile io.Writer
}

// Rate is the speed of one engine over some articles.
type Rate struct {
	Articles       int     `json:"articles"` // articles processed, over all passes
	Passes         int     `json:"passes"`
	Seconds        float64 `json:"seconds"`
	ArticlesPerSec float64 `json:"articles_per_sec"`
	MsPerArticle   float64 `json:"ms_per_article"`
	TokensPerSec   float64 `json:"tokens_per_sec"`
	Failed         int     `json:"failed,omitempty"` // articles the engine failed on
}

// Report is the result of Run.
type Report struct {
	Version    string  `json:"version"`
	Articles   int     `json:"articles"`
	Tokens     int     `json:"tokens"`
	GOMAXPROCS int     `json:"gomaxprocs"`
	ReadyMs    float64 `json:"ready_ms"` // extract.New: model, gazetteer, lexicon
	Extractor  Rate    `json:"extractor"`
	// BytesPerArticle and AllocsPerArticle are heap allocation per article
	// in the timed passes.
	BytesPerArticle  float64 `json:"bytes_per_article"`
	AllocsPerArticle float64 `json:"allocs_per_article"`
	// PeakRSSBytes is the process's peak resident set after the extractor's
	// passes and before prose runs (0 where /proc is missing).
	PeakRSSBytes int64 `json:"peak_rss_bytes"`
	Prose        *Rate `json:"prose,omitempty"`
	// Ratio is the extractor's articles/s over prose's.
	Ratio float64 `json:"ratio,omitempty"`
}

// Run loads the extractor, times it over arts, then times prose on them.
func Run(ctx context.Context, arts []events.Article, opts Options) (*Report, error) {
	if len(arts) == 0 {
		return nil, errors.New("bench: no articles")
	}
	minTime := opts.MinTime
	if minTime <= 0 {
		minTime = 3 * time.Second
	}
	rep := &Report{Version: extract.Version, Articles: len(arts), GOMAXPROCS: runtime.GOMAXPROCS(0)}

	start := time.Now()
	ex, err := extract.New(extract.Options{})
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	rep.ReadyMs = float64(time.Since(start).Microseconds()) / 1000

	counter, err := ner.NewModel(ner.Options{NoTagging: true})
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	for _, a := range arts {
		rep.Tokens += len(counter.Analyze(a.Body).Tokens)
	}

	// One untimed pass warms caches and checks every article.
	for _, a := range arts {
		if _, err := ex.Extract(ctx, a); err != nil {
			return nil, fmt.Errorf("bench: article %s: %w", a.ID, err)
		}
	}
	runtime.GC()
	if opts.CPUProfile != nil {
		if err := pprof.StartCPUProfile(opts.CPUProfile); err != nil {
			return nil, fmt.Errorf("bench: cpu profile: %w", err)
		}
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start = time.Now()
	passes := 0
	for passes == 0 || time.Since(start) < minTime {
		for _, a := range arts {
			if _, err := ex.Extract(ctx, a); err != nil {
				return nil, fmt.Errorf("bench: article %s: %w", a.ID, err)
			}
		}
		passes++
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	if opts.CPUProfile != nil {
		pprof.StopCPUProfile()
	}
	if opts.MemProfile != nil {
		if err := pprof.Lookup("allocs").WriteTo(opts.MemProfile, 0); err != nil {
			return nil, fmt.Errorf("bench: allocation profile: %w", err)
		}
	}
	rep.Extractor = rate(len(arts)*passes, passes, elapsed, rep.Tokens*passes, 0)
	n := float64(len(arts) * passes)
	rep.BytesPerArticle = float64(after.TotalAlloc-before.TotalAlloc) / n
	rep.AllocsPerArticle = float64(after.Mallocs-before.Mallocs) / n
	rep.PeakRSSBytes = peakRSS()

	if opts.ProseArticles >= 0 {
		sample := arts
		if opts.ProseArticles > 0 && opts.ProseArticles < len(arts) {
			sample = arts[:opts.ProseArticles]
		}
		tokens := 0
		for _, a := range sample {
			tokens += len(counter.Analyze(a.Body).Tokens)
		}
		failed := 0
		start = time.Now()
		for _, a := range sample {
			if !proseShipped(a.Body) {
				failed++
			}
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		r := rate(len(sample), 1, time.Since(start), tokens, failed)
		rep.Prose = &r
		if r.ArticlesPerSec > 0 {
			rep.Ratio = rep.Extractor.ArticlesPerSec / r.ArticlesPerSec
		}
	}
	return rep, nil
}

// proseShipped runs prose.NewDocument with its defaults (segmentation,
// tokenization, tagging and entity extraction, its model loaded by the
// call); false when it fails or panics.
func proseShipped(text string) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	_, err := prose.NewDocument(text)
	return err == nil
}

func rate(articles, passes int, d time.Duration, tokens, failed int) Rate {
	s := d.Seconds()
	r := Rate{Articles: articles, Passes: passes, Seconds: s, Failed: failed}
	if s > 0 {
		r.ArticlesPerSec = float64(articles) / s
		r.TokensPerSec = float64(tokens) / s
	}
	if articles > 0 {
		r.MsPerArticle = s * 1000 / float64(articles)
	}
	return r
}

// peakRSS returns VmHWM from /proc/self/status in bytes, or 0.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(b)) {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(rest)
			if len(f) == 2 && f[1] == "kB" {
				if kb, err := strconv.ParseInt(f[0], 10, 64); err == nil {
					return kb * 1024
				}
			}
		}
	}
	return 0
}

// Print writes rep as a small table.
func Print(w io.Writer, rep *Report) {
	fmt.Fprintf(w, "%d articles, %d tokens, GOMAXPROCS %d\n", rep.Articles, rep.Tokens, rep.GOMAXPROCS)
	fmt.Fprintf(w, "ready (model, gazetteer, lexicon loaded)  %8.0f ms\n", rep.ReadyMs)
	if rep.PeakRSSBytes > 0 {
		fmt.Fprintf(w, "peak resident set                         %8.0f MB\n", float64(rep.PeakRSSBytes)/(1<<20))
	}
	fmt.Fprintf(w, "allocation per article                    %8.0f KB  %.0f allocs\n\n", rep.BytesPerArticle/1024, rep.AllocsPerArticle)
	fmt.Fprintf(w, "%-26s %11s %11s %11s %8s %7s\n", "engine", "articles/s", "ms/article", "tokens/s", "articles", "failed")
	row := func(name string, r Rate) {
		fmt.Fprintf(w, "%-26s %11.1f %11.2f %11.0f %8d %7d\n", name, r.ArticlesPerSec, r.MsPerArticle, r.TokensPerSec, r.Articles, r.Failed)
	}
	row("extractor "+rep.Version, rep.Extractor)
	if rep.Prose != nil {
		row("prose NewDocument", *rep.Prose)
		fmt.Fprintf(w, "\nratio (extractor / prose articles/s)      %8.1f x\n", rep.Ratio)
	}
}
