package ner

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"math"
	"regexp"
	"strings"

	"github.com/jdkato/prose/v2"
	"github.com/mingrammer/commonregex"
)

// tagger is an averaged perceptron part-of-speech tagger that runs prose
// v2's trained English model (the port of TextBlob's tagger) with the same
// features and decisions, over compact tables.
//
// prose names each feature by a string ("i-1 tag+i word NNP said") and
// builds those strings per token. Here a feature is its template and the
// vocabulary ids of its values: the weights of a one-value feature are found
// by indexing a dense table, those of a two-value feature by one integer
// map look-up, and the features of the two tags before a token are summed
// once per pair of tags at load time. A token costs a few string look-ups
// (its word, the suffixes) and no allocation.
//
// prose rounds its weights to three decimals, so they are kept exactly as
// integer thousandths. Where two tags tie exactly prose picks one at random
// (map order); the tagger picks the first in prose's class order.
type tagger struct {
	classes []string
	dict    map[string]int   // prose's dictionary of unambiguous words: word → tagIndex
	vocab   map[string]int32 // every value some feature names
	pref1   [256]int32       // vocab id of each first byte, read as a rune
	// single[v*len(templates)+tmpl] locates the weights of the one-value
	// feature tmpl with value v, pairs2 those of two-value features (keys
	// from featKey), both as start<<8 | count in weights.
	single  []uint32
	pairs2  map[uint64]uint32
	weights []int32 // weight in thousandths << 8 | class
	// tagIndex numbers the classes, then -START- and -START2-; prevOf
	// holds each as context.
	tagIndex map[string]int
	prevOf   []prevTag
	// pairs[a*len(tagIndex)+b] is the score of the features that depend
	// only on the two tags before a token, when they are a and b.
	pairs []scores
}

// The feature templates of prose's tagger, in its order. A feature name is
// the template's name, a space and its values joined by a space.
const (
	tBias = iota
	tSuffix
	tPref1
	tTag1
	tTag2
	tTag12
	tWord
	tTag1Word
	tWord1
	tSuffix1
	tWord2
	tWordNext
	tSuffixNext
	tWordNext2
)

var templates = [...]string{
	tBias: "bias", tSuffix: "i suffix", tPref1: "i pref1", tTag1: "i-1 tag",
	tTag2: "i-2 tag", tTag12: "i tag+i-2 tag", tWord: "i word",
	tTag1Word: "i-1 tag+i word", tWord1: "i-1 word", tSuffix1: "i-1 suffix",
	tWord2: "i-2 word", tWordNext: "i+1 word", tSuffixNext: "i+1 suffix",
	tWordNext2: "i+2 word",
}

// featKey packs a template and up to two vocabulary ids (below 1<<24).
func featKey(tmpl int, v1, v2 int32) uint64 {
	return uint64(tmpl)<<48 | uint64(v1)<<24 | uint64(v2)
}

// parseFeature splits a feature name of prose's model into its template
// and values; ok is false for a name no template makes.
func parseFeature(name string) (tmpl int, v1, v2 string, ok bool) {
	if name == templates[tBias] {
		return tBias, "", "", true
	}
	for tm, prefix := range templates {
		rest, found := strings.CutPrefix(name, prefix+" ")
		if !found || tm == tBias {
			continue
		}
		if twoValued(tm) {
			// The first value is a tag, which has no space.
			v1, v2, ok = strings.Cut(rest, " ")
			return tm, v1, v2, ok
		}
		return tm, rest, "", true
	}
	return 0, "", "", false
}

// loadTagger builds the tagger from the model files embedded in prose.
func loadTagger() (*tagger, error) {
	t := &tagger{}
	var weights map[string]map[string]float64
	var dict map[string]string
	for _, f := range []struct {
		name string
		into any
	}{
		{"classes.gob", &t.classes},
		{"tags.gob", &dict},
		{"weights.gob", &weights},
	} {
		b, err := prose.Asset("model/AveragedPerceptron/" + f.name)
		if err != nil {
			return nil, fmt.Errorf("ner: load tagger: %w", err)
		}
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(f.into); err != nil {
			return nil, fmt.Errorf("ner: load tagger %s: %w", f.name, err)
		}
	}
	if len(t.classes) > 64 {
		return nil, fmt.Errorf("ner: load tagger: %d classes, at most 64 supported", len(t.classes))
	}
	index := make(map[string]uint8, len(t.classes))
	for i, c := range t.classes {
		index[c] = uint8(i)
	}
	t.vocab = make(map[string]int32)
	id := func(v string) int32 {
		if i, ok := t.vocab[v]; ok {
			return i
		}
		i := int32(len(t.vocab))
		t.vocab[v] = i
		return i
	}
	id("") // 0: the missing second value, and bias's values
	n := 0
	for _, ws := range weights {
		n += len(ws)
	}
	if n >= 1<<24 {
		return nil, fmt.Errorf("ner: load tagger: %d weights, at most 1<<24 supported", n)
	}
	type located struct {
		tmpl   int
		v1, v2 int32
		at     uint32
	}
	feats := make([]located, 0, len(weights))
	seen := make(map[[3]int32]bool, len(weights))
	t.weights = make([]int32, 0, n)
	for f, ws := range weights {
		tmpl, v1, v2, ok := parseFeature(f)
		if !ok {
			return nil, fmt.Errorf("ner: load tagger: unknown feature %q", f)
		}
		lf := located{tmpl, id(v1), id(v2), uint32(len(t.weights))<<8 | uint32(len(ws))}
		k := [3]int32{int32(tmpl), lf.v1, lf.v2}
		if seen[k] {
			return nil, fmt.Errorf("ner: load tagger: feature %q parses like another", f)
		}
		seen[k] = true
		if len(ws) >= 1<<8 {
			return nil, fmt.Errorf("ner: load tagger: feature %q weighs %d classes", f, len(ws))
		}
		feats = append(feats, lf)
		for c, w := range ws {
			ci, ok := index[c]
			if !ok {
				return nil, fmt.Errorf("ner: load tagger: feature %q has unknown class %q", f, c)
			}
			milli := math.Round(w * 1000)
			if math.Abs(w*1000-milli) > 1e-6 || math.Abs(milli) >= 1<<23 {
				return nil, fmt.Errorf("ner: load tagger: weight %v of %q is not in thousandths below 8388", w, f)
			}
			t.weights = append(t.weights, int32(milli)<<8|int32(ci))
		}
	}
	if len(t.vocab) >= 1<<24 {
		return nil, fmt.Errorf("ner: load tagger: %d values, at most 1<<24 supported", len(t.vocab))
	}
	t.single = make([]uint32, len(t.vocab)*len(templates))
	t.pairs2 = make(map[uint64]uint32)
	for _, f := range feats {
		if twoValued(f.tmpl) {
			t.pairs2[featKey(f.tmpl, f.v1, f.v2)] = f.at
		} else {
			t.single[int(f.v1)*len(templates)+f.tmpl] = f.at
		}
	}
	for b := range t.pref1 {
		t.pref1[b] = t.lookup(string(rune(b)))
	}
	contexts := append(t.classes[:len(t.classes):len(t.classes)], "-START-", "-START2-")
	t.tagIndex = make(map[string]int, len(contexts))
	for i, c := range contexts {
		t.tagIndex[c] = i
	}
	nt := len(t.tagIndex)
	t.prevOf = make([]prevTag, nt)
	for tag, i := range t.tagIndex {
		t.prevOf[i] = t.prev(tag)
	}
	t.dict = make(map[string]int, len(dict))
	for w, tag := range dict {
		i, ok := t.tagIndex[tag]
		if !ok || i >= len(t.classes) {
			return nil, fmt.Errorf("ner: load tagger: word %q has unknown tag %q", w, tag)
		}
		t.dict[w] = i
	}
	t.pairs = make([]scores, nt*nt)
	for a, ta := range contexts {
		for b, tb := range contexts {
			t.tagScores(&t.pairs[a*nt+b], t.lookup(ta), t.lookup(tb))
		}
	}
	return t, nil
}

// lookup returns the vocabulary id of v, or -1 when no feature names it.
func (t *tagger) lookup(v string) int32 {
	if i, ok := t.vocab[v]; ok {
		return i
	}
	return -1
}

// lookupBytes is lookup for a byte slice, without allocation.
func (t *tagger) lookupBytes(v []byte) int32 {
	if i, ok := t.vocab[string(v)]; ok {
		return i
	}
	return -1
}

// scratch is the reusable memory of one Analyze call.
type scratch struct {
	pieces []piece
	words  []string
	tags   []string
	arena  []byte     // a normalised context word
	ctx    [][2]int32 // vocab ids of each context word and of its suffix
}

// tag sets tags[i] to the tag of words[i], a sentence's tokens in order.
// The context is -START-, -START2-, the normalised words, -END-, -END2-.
func (t *tagger) tag(words, tags []string, s *scratch) {
	s.ctx = s.ctx[:0]
	push := func(w []byte) {
		s.ctx = append(s.ctx, [2]int32{t.lookupBytes(w), t.lookupBytes(w[len(w)-min(len(w), 3):])})
	}
	push([]byte("-START-"))
	push([]byte("-START2-"))
	for _, w := range words {
		s.arena = appendNormal(s.arena[:0], w)
		push(s.arena)
	}
	push([]byte("-END-"))
	push([]byte("-END2-"))
	var p [2]prevTag // the tags before the token, last first
	for k, tag := range [...]string{"-START-", "-START2-"} {
		p[k] = t.prev(tag)
	}
	for i, w := range words {
		tag := fixedTag(w)
		if tag != "" {
			tags[i] = tag
			p[1], p[0] = p[0], t.prev(tag)
			continue
		}
		c, ok := t.dict[w]
		if !ok {
			c = t.predict(i, w, p, s)
		}
		next := prevTag{-1, -1}
		if c >= 0 {
			tags[i], next = t.classes[c], t.prevOf[c]
		} else {
			tags[i] = ""
			next = t.prev("")
		}
		p[1], p[0] = p[0], next
	}
}

var (
	noneRE = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	keepRE = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

// fixedTag is the tag prose gives w before consulting its model, or "".
func fixedTag(w string) string {
	switch {
	case w == "-":
		return "-"
	case isEmoticon(w):
		return "SYM"
	case strings.IndexByte(w, '.') >= 0 && commonregex.LinkRegex.MatchString(w),
		strings.IndexByte(w, '@') >= 0 && commonregex.EmailRegex.MatchString(w):
		return "NN"
	case (w[0] == '0' || w[0] == '*') && noneRE.MatchString(w):
		return "-NONE-"
	case w[0] == '-' && keepRE.MatchString(w):
		return w
	}
	return ""
}

func isEmoticon(w string) bool {
	_, ok := emoticons[w]
	return ok
}

// prevTag is a tag as the context of the next tokens: its vocabulary id and
// its tagIndex, or -1 for a tag outside it.
type prevTag struct {
	id    int32
	index int
}

func (t *tagger) prev(tag string) prevTag {
	i, ok := t.tagIndex[tag]
	if !ok {
		i = -1
	}
	return prevTag{t.lookup(tag), i}
}

// tagScores adds the features that depend only on the tags before a token
// (vocabulary ids p1 and p2) and the bias.
func (t *tagger) tagScores(sc *scores, p1, p2 int32) {
	t.score(sc, tBias, 0, 0)
	t.score(sc, tTag1, p1, 0)
	t.score(sc, tTag2, p2, 0)
	t.score(sc, tTag12, p1, p2)
}

// predict scores the 14 features of prose's tagger for words[i], given the
// two tags before it (p[0] the last), and returns the index of the best tag
// in classes, or -1. Only tags that some present feature weighs are
// candidates.
func (t *tagger) predict(i int, w string, p [2]prevTag, s *scratch) int {
	var sc scores
	if p[0].index >= 0 && p[1].index >= 0 {
		sc = t.pairs[p[0].index*len(t.tagIndex)+p[1].index]
	} else {
		t.tagScores(&sc, p[0].id, p[1].id)
	}
	p1 := p[0].id
	c := s.ctx[i : i+5] // c[2] is words[i]
	t.score(&sc, tSuffix, t.lookup(w[len(w)-min(len(w), 3):]), 0)
	t.score(&sc, tPref1, t.pref1[w[0]], 0)
	t.score(&sc, tWord, c[2][0], 0)
	t.score(&sc, tTag1Word, p1, c[2][0])
	t.score(&sc, tWord1, c[1][0], 0)
	t.score(&sc, tSuffix1, c[1][1], 0)
	t.score(&sc, tWord2, c[0][0], 0)
	t.score(&sc, tWordNext, c[3][0], 0)
	t.score(&sc, tSuffixNext, c[3][1], 0)
	t.score(&sc, tWordNext2, c[4][0], 0)
	best := -1
	for c := range t.classes {
		if sc.seen&(1<<c) != 0 && (best < 0 || sc.score[c] > sc.score[best]) {
			best = c
		}
	}
	return best
}

// scores are the running scores of the classes; seen has bit c set once a
// feature weighs class c.
type scores struct {
	score [64]int32
	seen  uint64
}

// twoValued reports whether template tmpl has two values.
func twoValued(tmpl int) bool { return tmpl == tTag12 || tmpl == tTag1Word }

// score adds the weights of the feature of template tmpl with values v1
// and v2 (0 for a one-value template), if the model has it. A value of -1
// is in no feature.
func (t *tagger) score(sc *scores, tmpl int, v1, v2 int32) {
	if v1 < 0 || v2 < 0 {
		return
	}
	var f uint32
	if twoValued(tmpl) {
		f = t.pairs2[featKey(tmpl, v1, v2)]
	} else {
		f = t.single[int(v1)*len(templates)+tmpl]
	}
	for _, e := range t.weights[f>>8 : f>>8+f&0xff] {
		c := e & 0xff
		sc.score[c] += e >> 8
		sc.seen |= 1 << c
	}
}

// appendNormal appends prose's normal form of a context word: !HYPHEN,
// !YEAR, !DIGITS or the word in lower case.
func appendNormal(b []byte, w string) []byte {
	switch {
	case w == "":
		return b
	case w[0] != '-' && strings.IndexByte(w, '-') >= 0:
		return append(b, "!HYPHEN"...)
	case len(w) == 4 && isInt(w):
		return append(b, "!YEAR"...)
	case '0' <= w[0] && w[0] <= '9':
		return append(b, "!DIGITS"...)
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			return append(b, strings.ToLower(w)...)
		}
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// isInt reports whether strconv.Atoi accepts w: an optional sign and
// decimal digits.
func isInt(w string) bool {
	if w[0] == '+' || w[0] == '-' {
		w = w[1:]
	}
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}
