package geo

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkExtract measures the stage on the seed article (about 550
// tokens), without the NLP analysis it receives.
func BenchmarkExtract(b *testing.B) {
	text, err := os.ReadFile("testdata/pakistan-iran.txt")
	if err != nil {
		b.Fatal(err)
	}
	s, m := setup(b)
	a := m.Analyze(string(text))
	b.ReportAllocs()
	for b.Loop() {
		s.Extract(a)
	}
}

// BenchmarkExtractLong checks that time grows linearly with the text: the
// seed article 20 times over.
func BenchmarkExtractLong(b *testing.B) {
	text, err := os.ReadFile("testdata/pakistan-iran.txt")
	if err != nil {
		b.Fatal(err)
	}
	s, m := setup(b)
	a := m.Analyze(strings.Repeat(string(text)+"\n", 20))
	b.ReportAllocs()
	for b.Loop() {
		s.Extract(a)
	}
}
