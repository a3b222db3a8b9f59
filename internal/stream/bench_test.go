package stream

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/newsdesk/extractor/internal/kafkatest"
	"github.com/newsdesk/extractor/internal/stream/streamtest"
	"github.com/newsdesk/extractor/pkg/events"
)

// BenchmarkStreamThroughput measures articles/s end to end through the
// real broker (produce the corpus, wait until every article's document is
// read back) next to in-process extraction of the same articles with as
// many workers, and reports the ratio. Each iteration is one pass over the
// corpus (/work/shared/corpus/articles.jsonl, or the fixtures), e.g.
//
//	KAFKA_BROKERS=127.0.0.1:9092 go test -run '^$' -bench StreamThroughput -benchtime 3x ./internal/stream/
func BenchmarkStreamThroughput(b *testing.B) {
	brokers := kafkatest.Brokers(b)
	corpus := streamtest.CorpusArticles(b)
	workers := runtime.GOMAXPROCS(0)
	ex := testExtractor(b)

	// In process: the same articles through the same number of workers.
	arts := make([]events.Article, len(corpus))
	for i, raw := range corpus {
		a, err := events.DecodeArticle(raw, 0)
		require.NoError(b, err)
		arts[i] = a
	}
	extractRate := extractRate(b, ex, arts, workers)

	tp := streamtest.NewTopics(b, brokers, 3)
	out := tp.CollectOutputs(b, brokers)
	cfg := testConfig(brokers, tp, kafkatest.TopicName(b))
	cfg.Concurrency = workers
	svc, err := New(Options{Config: cfg, Extractor: ex})
	require.NoError(b, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- svc.Run(ctx) }()
	defer func() {
		cancel()
		require.NoError(b, <-done)
	}()
	deadline := time.Now().Add(time.Minute)
	for svc.health.assigned.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}

	batches := make([][]streamtest.Input, b.N)
	for i := range batches {
		batches[i] = streamtest.Articles(b, fmt.Sprintf("bench%d", i), len(corpus))
	}
	b.ResetTimer()
	for i := range b.N {
		streamtest.Produce(b, brokers, tp.In, batches[i])
		want := (i + 1) * len(corpus)
		deadline := time.Now().Add(5 * time.Minute)
		for out.Accounted() < want {
			if time.Now().After(deadline) {
				b.Fatalf("%d of %d articles after 5 minutes", out.Accounted(), want)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	b.StopTimer()
	e2eRate := float64(b.N*len(corpus)) / b.Elapsed().Seconds()
	b.ReportMetric(e2eRate, "articles/s")
	b.ReportMetric(extractRate, "extract-articles/s")
	b.ReportMetric(e2eRate/extractRate, "ratio")
	b.ReportMetric(float64(len(corpus)), "articles/op")
}

// extractRate returns articles/s of in-process extraction of arts with
// the given number of workers (best of two passes).
func extractRate(b *testing.B, ex Extractor, arts []events.Article, workers int) float64 {
	best := 0.0
	for range 2 {
		jobs := make(chan events.Article)
		var wg sync.WaitGroup
		t0 := time.Now()
		for range workers {
			wg.Go(func() {
				for a := range jobs {
					if _, err := ex.Extract(context.Background(), a); err != nil {
						b.Error(err)
					}
				}
			})
		}
		for _, a := range arts {
			jobs <- a
		}
		close(jobs)
		wg.Wait()
		best = max(best, float64(len(arts))/time.Since(t0).Seconds())
	}
	return best
}
