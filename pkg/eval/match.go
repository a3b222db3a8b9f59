package eval

import (
	"sort"

	"github.com/newsdesk/extractor/pkg/norm"
)

// pair is a candidate match of gold record G and predicted record P; a
// higher Score is a better pair.
type pair struct {
	G, P  int
	Score float64
}

// assign takes the candidate pairs best first (higher score; on a tie the
// earlier gold record, then the earlier prediction) and keeps each pair
// whose gold and predicted records are both still free. It returns, per
// gold record, the index of its prediction or -1, and per prediction the
// index of its gold record or -1.
func assign(ng, np int, pairs []pair) (goldTo, predTo []int) {
	sort.SliceStable(pairs, func(i, j int) bool {
		a, b := pairs[i], pairs[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.G != b.G {
			return a.G < b.G
		}
		return a.P < b.P
	})
	goldTo, predTo = fill(ng), fill(np)
	for _, c := range pairs {
		if goldTo[c.G] < 0 && predTo[c.P] < 0 {
			goldTo[c.G], predTo[c.P] = c.P, c.G
		}
	}
	return goldTo, predTo
}

func fill(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = -1
	}
	return s
}

// nameSet returns the distinct non-empty normal forms of name and aliases.
func nameSet(f func(string) string, name string, aliases []string) []string {
	out := make([]string, 0, 1+len(aliases))
	add := func(s string) {
		n := f(s)
		if n == "" {
			return
		}
		for _, o := range out {
			if o == n {
				return
			}
		}
		out = append(out, n)
	}
	add(name)
	for _, a := range aliases {
		add(a)
	}
	return out
}

// shared counts the names that two name sets have in common.
func shared(a, b []string) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if x == y {
				n++
				break
			}
		}
	}
	return n
}

// overlap is the size of the multiset intersection of two word lists.
func overlap(a, b []string) int {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	counts := make(map[string]int, len(a))
	for _, w := range a {
		counts[w]++
	}
	n := 0
	for _, w := range b {
		if counts[w] > 0 {
			counts[w]--
			n++
		}
	}
	return n
}

// halfOverlap reports whether the word lists overlap by at least half of
// the longer one's word count (and by one word at least).
func halfOverlap(a, b []string) bool {
	o := overlap(a, b)
	return o > 0 && 2*o >= max(len(a), len(b))
}

// victimStop are the words that victims comparison ignores unless nothing
// else is left.
var victimStop = map[string]bool{
	"people": true, "the": true, "a": true, "an": true, "of": true,
	"and": true, "including": true, "at": true, "least": true,
}

// victimWords returns the words of a victims description without the
// ignored words, or all its words when only ignored words are there.
func victimWords(s string) []string {
	all := norm.Words(s)
	kept := make([]string, 0, len(all))
	for _, w := range all {
		if !victimStop[w] {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		return all
	}
	return kept
}
