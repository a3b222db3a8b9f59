package extract

import (
	"bufio"
	"context"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/newsdesk/extractor/fixtures"
	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/pkg/ner"
)

// countTokens counts the tokens of the articles, for the tokens/s metric.
func countTokens(arts []events.Article) int {
	m, err := ner.NewModel(ner.Options{NoTagging: true})
	if err != nil {
		panic(err)
	}
	n := 0
	for _, a := range arts {
		n += len(m.Analyze(a.Body).Tokens)
	}
	return n
}

func benchArticles(b *testing.B, arts []events.Article) {
	ex := testExtractor(b)
	tokens := countTokens(arts)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			if _, err := ex.Extract(ctx, a); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.StopTimer()
	perArticle := float64(b.Elapsed().Nanoseconds()) / float64(b.N*len(arts))
	b.ReportMetric(perArticle, "ns/article")
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkExtractSeed is full extraction of the seed article.
func BenchmarkExtractSeed(b *testing.B) {
	a, err := fixtures.Article(fixtures.SeedID)
	require.NoError(b, err)
	benchArticles(b, []events.Article{a})
}

// BenchmarkExtractCorpus is full extraction of every corpus article (the
// fixtures when the corpus is absent).
func BenchmarkExtractCorpus(b *testing.B) {
	var arts []events.Article
	if f, err := os.Open(corpusPath()); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		for sc.Scan() {
			a, err := events.DecodeArticle(sc.Bytes(), 0)
			require.NoError(b, err)
			arts = append(arts, a)
		}
	} else {
		for _, id := range fixtures.IDs() {
			a, err := fixtures.Article(id)
			require.NoError(b, err)
			arts = append(arts, a)
		}
	}
	benchArticles(b, arts)
}
