// Package eval scores extractions against gold annotations as
// ../shared/gold/GUIDELINES.md "How it is scored" defines it: one-to-one
// matching of records within an article, candidate pairs taken best first,
// precision, recall and F1 micro-averaged over articles, and accuracies of
// record fields over matched pairs. It reproduces the scoring vectors of
// ../shared/gold/scoring-vectors exactly (see testdata).
//
// Gold files and predictions share one format, events.Document (the gold
// file format plus fields the scorer ignores); a missing field or list is an
// empty one, and a missing prediction is an empty document. Every predicted
// record counts: a duplicate is a false positive.
//
// Where GUIDELINES.md leaves a choice open, the scorer does this:
//   - Names are compared with package norm; a final "'s" is not dropped
//     ("Russia's" does not match "Russia"), as the vectors require.
//   - Actors of kind "state" (gold or predicted) are scored as states, every
//     other actor as a person or organization. A state pair needs the same
//     non-empty alpha-2 code or a shared name; sharing both is better.
//   - Pairs are ranked by the number of shared names (actors, locations),
//     by the share of the longer quote's words in common (quotes), by shared
//     victim words plus a half for the same qualifier (casualties). Ties go
//     to the earlier gold record, then the earlier prediction.
//   - Kind accuracy counts every matched person or organization; role and
//     affiliation accuracies the matched ones whose gold value is not empty
//     (states are not counted). Roles are right when the words of all roles
//     joined overlap by at least half the longer side and by one word.
//   - Country accuracy counts every matched location: an empty predicted
//     code is right for an empty gold code. Qualifier and speaker accuracies
//     count every matched casualty and quote.
//   - A predicted quote is left out when it has fewer than four words or
//     when it overlaps a left-out gold fragment of its kind by half of the
//     longer one's words.
package eval

import (
	"encoding/json"
	"math"
	"strconv"
)

// Counts are the matching counts of one kind of record.
type Counts struct {
	TP int // matched pairs
	FP int // predicted records left unmatched
	FN int // gold records left unmatched
}

// Precision is TP/(TP+FP), 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN), 0 when there is no gold record.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall, 0 when both are 0.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c *Counts) add(o Counts) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

// MarshalJSON writes {"p","r","f1","tp","fp","fn"} with the ratios rounded
// to 3 decimals.
func (c Counts) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		P  rounded `json:"p"`
		R  rounded `json:"r"`
		F1 rounded `json:"f1"`
		TP int     `json:"tp"`
		FP int     `json:"fp"`
		FN int     `json:"fn"`
	}{rounded(c.Precision()), rounded(c.Recall()), rounded(c.F1()), c.TP, c.FP, c.FN})
}

// Accuracy counts the matched pairs whose field agrees.
type Accuracy struct {
	Right int // pairs whose predicted value is right
	N     int // pairs counted
}

// Value is Right/N, NaN when N is 0.
func (a Accuracy) Value() float64 {
	if a.N == 0 {
		return math.NaN()
	}
	return float64(a.Right) / float64(a.N)
}

func (a *Accuracy) add(o Accuracy) { a.Right += o.Right; a.N += o.N }

// count adds one pair, right or not.
func (a *Accuracy) count(right bool) {
	a.N++
	if right {
		a.Right++
	}
}

// MarshalJSON writes {"acc","n"}; acc is rounded to 3 decimals, null when n
// is 0.
func (a Accuracy) MarshalJSON() ([]byte, error) {
	var acc *rounded
	if a.N > 0 {
		v := rounded(a.Value())
		acc = &v
	}
	return json.Marshal(struct {
		Acc *rounded `json:"acc"`
		N   int      `json:"n"`
	}{acc, a.N})
}

// Scores are the counts and accuracies of an article or of a whole set.
// Actors are persons and organizations together; states are apart.
type Scores struct {
	Actors            Counts   `json:"actors"`
	States            Counts   `json:"states"`
	Locations         Counts   `json:"locations"`
	Casualties        Counts   `json:"casualties"`
	QuotesDirect      Counts   `json:"quotes_direct"`
	QuotesIndirect    Counts   `json:"quotes_indirect"`
	ActorKind         Accuracy `json:"actor_kind"`
	ActorRole         Accuracy `json:"actor_role"`
	ActorAffiliation  Accuracy `json:"actor_affiliation"`
	LocationCountry   Accuracy `json:"location_country"`
	CasualtyQualifier Accuracy `json:"casualty_qualifier"`
	SpeakerDirect     Accuracy `json:"speaker_direct"`
	SpeakerIndirect   Accuracy `json:"speaker_indirect"`
}

// Add adds o to s.
func (s *Scores) Add(o Scores) {
	s.Actors.add(o.Actors)
	s.States.add(o.States)
	s.Locations.add(o.Locations)
	s.Casualties.add(o.Casualties)
	s.QuotesDirect.add(o.QuotesDirect)
	s.QuotesIndirect.add(o.QuotesIndirect)
	s.ActorKind.add(o.ActorKind)
	s.ActorRole.add(o.ActorRole)
	s.ActorAffiliation.add(o.ActorAffiliation)
	s.LocationCountry.add(o.LocationCountry)
	s.CasualtyQualifier.add(o.CasualtyQualifier)
	s.SpeakerDirect.add(o.SpeakerDirect)
	s.SpeakerIndirect.add(o.SpeakerIndirect)
}

// Report is the score of a set of predictions. Its JSON form is the one of
// ../shared/gold/scoring-vectors/*.expected.json.
type Report struct {
	Articles int `json:"articles"` // gold documents scored
	Scores
	Results []ArticleResult `json:"-"` // per article, in id order
}

// rounded is a ratio written with at most 3 decimals, as Python writes
// round(x, 3): 0.5, 0.0, 0.575.
type rounded float64

func (r rounded) MarshalJSON() ([]byte, error) {
	x := float64(r)
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return []byte("null"), nil
	}
	// 'f' with 3 digits rounds the exact binary value half to even, as
	// Python's round does; then the shortest form of that value.
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 3, 64), 64)
	s := strconv.FormatFloat(v, 'f', -1, 64)
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			return []byte(s), nil
		}
	}
	return []byte(s + ".0"), nil
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
