// Package numparse parses the quantity phrases of news text: digits with
// separators ("1,200", "1.2 million"), number words ("twenty-five", "one
// hundred and twelve", "a dozen"), ranges ("10-15", "between 10 and 15",
// "10 to 15", "10 or 15"), qualifiers ("at least", "more than", "up to",
// "about", ...) and vague quantity words ("dozens", "several", "a number of").
//
// Parsing is over the raw text: a Number reports the byte span it covers and
// its value depends on that span only, so parsing the span on its own gives
// the same Number (shifted to offset 0). Parsers never panic on any input.
package numparse

import (
	"unicode"
	"unicode/utf8"
)

// Qualifiers, the values of Number.Qualifier. They are the casualty
// qualifiers of the gold guidelines.
const (
	Exact    = "exact"
	AtLeast  = "at_least"
	MoreThan = "more_than"
	UpTo     = "up_to"
	About    = "about"
	Range    = "range"
	Vague    = "vague"
)

// maxValue bounds parsed values; larger figures are not parsed.
const maxValue = 1_000_000_000_000

// Number is one parsed quantity phrase. Value is nil for a vague quantity,
// which then carries a conventional Estimate (dozens = 12, hundreds = 100,
// thousands = 1000, several/many/a number of = 10). Max is the high end of a
// range. [Start, End) is the byte span of the phrase in the parsed input,
// qualifier words included; [NumStart, End) leaves out a leading qualifier.
type Number struct {
	Value     *int
	Max       *int
	Estimate  *int
	Qualifier string
	Start     int
	NumStart  int
	End       int
}

// Equal reports whether n and o state the same quantity (spans aside).
func (n Number) Equal(o Number) bool {
	return eqPtr(n.Value, o.Value) && eqPtr(n.Max, o.Max) && eqPtr(n.Estimate, o.Estimate) && n.Qualifier == o.Qualifier
}

func eqPtr(a, b *int) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// Options select what Parse accepts. The zero value accepts every form.
type Options struct {
	// NoRange stops after the first figure: "four to eleven" gives 4.
	NoRange bool
}

// Parse parses the longest quantity phrase that starts exactly at byte i of
// s (i must start a word). It reports false when none starts there.
func Parse(s string, i int) (Number, bool) { return ParseOpts(s, i, Options{}) }

// ParseOpts is Parse with options.
func ParseOpts(s string, i int, opts Options) (Number, bool) {
	if i < 0 || i >= len(s) {
		return Number{}, false
	}
	p := parser{s: s}
	return p.phrase(i, opts)
}

// CanStart is a cheap test before Parse(s, i): it reports false when no
// quantity phrase can start at byte i of s (the word there is neither a
// number nor a word that opens a phrase); Parse then reports false too.
func CanStart(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	if isDigit(s[i]) {
		return true
	}
	w, _ := parser{s: s}.word(i)
	return starters[w]
}

// Opener reports whether the lower-case word w can open a quantity phrase
// ("twenty", "at", "dozens", "a"); a phrase that starts with a letter
// always starts with such a word.
func Opener(w string) bool { return starters[w] }

// Find returns the quantity phrases of s in text order, without overlaps.
// It tries every word start, so a phrase never begins inside a word.
func Find(s string) []Number {
	var out []Number
	i := 0
	for i < len(s) {
		if wordStart(s, i) {
			if n, ok := Parse(s, i); ok {
				out = append(out, n)
				i = n.End
				continue
			}
		}
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
	return out
}

// wordStart reports whether a word or a number begins at i.
func wordStart(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	if !isAlnum(r) {
		return false
	}
	if i == 0 {
		return true
	}
	pr, n := utf8.DecodeLastRuneInString(s[:i])
	switch pr {
	case '.', ',', ':', '/':
		return false
	case '-', '–':
		// "2012-13": no figure starts after a digit and a dash.
		if b, _ := utf8.DecodeLastRuneInString(s[:i-n]); unicode.IsDigit(b) {
			return false
		}
	}
	return !isAlnum(pr)
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func intp(v int) *int { return &v }

// parser reads words and numbers of s.
type parser struct{ s string }

// maxWord is longer than any word the parser knows; longer words are not
// read to their end, which keeps parsing linear in long inputs.
const maxWord = 24

// unknown stands for a word outside the parser's vocabulary.
const unknown = "\x00"

// vocab maps every word the parser knows to itself, so that word can
// return a lower-case form without allocating.
var vocab = func() map[string]string {
	m := map[string]string{}
	add := func(ws ...string) {
		for _, w := range ws {
			m[w] = w
		}
	}
	for _, q := range qualifiers {
		add(q.words...)
	}
	for _, v := range vagueWords {
		add(v.words...)
	}
	for w := range units {
		add(w)
	}
	for w := range tens {
		add(w)
	}
	for w := range scales {
		add(w)
	}
	add("or", "more", "even", "so", "plus", "odd", "to", "and", "between", "anywhere", "a", "an", "half", "dozen",
		"couple", "of", "few", "several", "approx")
	return m
}()

// word returns the word (a run of letters) at i, lower-cased, and its end;
// "" when no letter starts at i or the word is longer than maxWord bytes,
// unknown when the parser does not know the word.
func (p parser) word(i int) (string, int) {
	j := i
	ascii := true
	for j < len(p.s) {
		r, n := utf8.DecodeRuneInString(p.s[j:])
		if !unicode.IsLetter(r) {
			break
		}
		if r >= utf8.RuneSelf {
			ascii = false
		}
		j += n
		if j-i > maxWord {
			return "", i
		}
	}
	if j == i {
		return "", i
	}
	w := p.s[i:j]
	if v, ok := vocab[w]; ok {
		return v, j
	}
	if !ascii {
		return unknown, j
	}
	var buf [maxWord]byte
	for k := 0; k < len(w); k++ {
		c := w[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	if v, ok := vocab[string(buf[:len(w)])]; ok {
		return v, j
	}
	return unknown, j
}

// maxSpace is the longest run of white space read as a word separator.
const maxSpace = 16

// space skips the white space at i and returns its end; a run longer than
// maxSpace bytes separates nothing (i is returned).
func (p parser) space(i int) int {
	j := i
	for j < len(p.s) {
		r, n := utf8.DecodeRuneInString(p.s[j:])
		if !unicode.IsSpace(r) {
			break
		}
		j += n
		if j-i > maxSpace {
			return i
		}
	}
	return j
}

// words matches the lower-case word sequence ws at i (single spaces in ws
// match any run of white space; words must end at a word boundary). It
// returns the end of the match.
func (p parser) words(i int, ws ...string) (int, bool) {
	for k, w := range ws {
		if k > 0 {
			j := p.space(i)
			if j == i {
				return 0, false
			}
			i = j
		}
		got, end := p.word(i)
		if got != w {
			return 0, false
		}
		i = end
	}
	return i, true
}

// nextWord returns the word after the white space at i.
func (p parser) nextWord(i int) (string, int, int) {
	j := p.space(i)
	if j == i {
		return "", j, j
	}
	w, end := p.word(j)
	return w, j, end
}

// qualifier is a qualifier phrase and the qualifier it gives.
type qualifier struct {
	words []string
	qual  string
}

// qualifiers, longest first within a leading word.
var qualifiers = []qualifier{
	{[]string{"at", "least"}, AtLeast},
	{[]string{"no", "fewer", "than"}, AtLeast},
	{[]string{"no", "less", "than"}, AtLeast},
	{[]string{"not", "less", "than"}, AtLeast},
	{[]string{"not", "fewer", "than"}, AtLeast},
	{[]string{"a", "minimum", "of"}, AtLeast},
	{[]string{"well", "over"}, MoreThan},
	{[]string{"well", "above"}, MoreThan},
	{[]string{"just", "over"}, MoreThan},
	{[]string{"more", "than"}, MoreThan},
	{[]string{"over"}, MoreThan},
	{[]string{"upwards", "of"}, MoreThan},
	{[]string{"upward", "of"}, MoreThan},
	{[]string{"in", "excess", "of"}, MoreThan},
	{[]string{"greater", "than"}, MoreThan},
	{[]string{"above"}, MoreThan},
	{[]string{"up", "to"}, UpTo},
	{[]string{"as", "many", "as"}, UpTo},
	{[]string{"as", "high", "as"}, UpTo},
	{[]string{"nearly"}, UpTo},
	{[]string{"almost"}, UpTo},
	{[]string{"fewer", "than"}, UpTo},
	{[]string{"less", "than"}, UpTo},
	{[]string{"just", "under"}, UpTo},
	{[]string{"under"}, UpTo},
	{[]string{"close", "to"}, UpTo},
	{[]string{"at", "most"}, UpTo},
	{[]string{"no", "more", "than"}, UpTo},
	{[]string{"not", "more", "than"}, UpTo},
	{[]string{"about"}, About},
	{[]string{"around"}, About},
	{[]string{"some"}, About},
	{[]string{"approximately"}, About},
	{[]string{"roughly"}, About},
	{[]string{"an", "estimated"}, About},
	{[]string{"estimated"}, About},
	{[]string{"an", "approximate"}, About},
	{[]string{"approx"}, About},
	{[]string{"circa"}, About},
	{[]string{"perhaps"}, About},
	{[]string{"possibly"}, About},
	{[]string{"more", "or", "less"}, About},
}

// starters are the words a quantity phrase can start with.
var starters = func() map[string]bool {
	m := map[string]bool{"a": true, "an": true, "half": true, "dozen": true, "between": true, "anywhere": true}
	for _, q := range qualifiers {
		m[q.words[0]] = true
	}
	for _, v := range vagueWords {
		m[v.words[0]] = true
	}
	for _, t := range []map[string]int{units, tens, scales} {
		for w := range t {
			m[w] = true
		}
	}
	return m
}()

// vagueByFirst indexes vague quantities by their first word.
var vagueByFirst = func() map[string][]vagueWord {
	m := map[string][]vagueWord{}
	for _, v := range vagueWords {
		m[v.words[0]] = append(m[v.words[0]], v)
	}
	return m
}()

// qualifiersByFirst indexes qualifiers by their first word.
var qualifiersByFirst = func() map[string][]qualifier {
	m := map[string][]qualifier{}
	for _, q := range qualifiers {
		m[q.words[0]] = append(m[q.words[0]], q)
	}
	return m
}()

// phrase parses [qualifier] quantity [range | "or more" | "or so"] at i.
func (p parser) phrase(i int, opts Options) (Number, bool) {
	first, _ := p.word(i)
	switch {
	case i < len(p.s) && isDigit(p.s[i]):
		first = unknown
	case first == "" || first == unknown || !starters[first]:
		return Number{}, false
	}
	qual := ""
	numStart := i
	for _, q := range qualifiersByFirst[first] {
		end, ok := p.words(i, q.words...)
		if !ok {
			continue
		}
		// "approx." may carry a full stop.
		if q.words[0] == "approx" && end < len(p.s) && p.s[end] == '.' {
			end++
		}
		j := p.space(end)
		if j == end {
			continue
		}
		qual, numStart = q.qual, j
		break
	}
	if qual == "" {
		if n, ok := p.between(i, opts); ok {
			return n, true
		}
	}
	if qual != "" {
		// "around 40 to 50": a range keeps its own qualifier.
		if n, ok := p.between(numStart, opts); ok {
			n.Start = i
			return n, true
		}
	}
	if n, ok := p.vague(numStart); ok {
		n.Start = i
		if qual != "" {
			n.Qualifier = Vague
		}
		return n, true
	}
	v, end, ok := p.quantity(numStart)
	if !ok {
		return Number{}, false
	}
	n := Number{Value: intp(v), Qualifier: Exact, Start: i, NumStart: numStart, End: end}
	if qual != "" {
		n.Qualifier = qual
	}
	if !opts.NoRange {
		if hi, hend, ok := p.rangeTail(end, v); ok {
			n.Max, n.End, n.Qualifier = intp(hi), hend, Range
			return n, true
		}
	}
	// "107 or more", "40 or so", "100-plus"; "up to 150 or even more"
	// keeps its qualifier.
	if w, _, wend := p.nextWord(end); w == "or" {
		w2, _, w2end := p.nextWord(wend)
		if w2 == "even" {
			if w3, _, w3end := p.nextWord(w2end); w3 == "more" {
				w2, w2end = w3, w3end
			}
		}
		switch {
		case w2 == "more" && n.Qualifier == Exact:
			n.Qualifier, n.End = AtLeast, w2end
		case w2 == "more":
			n.End = w2end
		case w2 == "so" && n.Qualifier == Exact:
			n.Qualifier, n.End = About, w2end
		}
	} else if w == "plus" && n.Qualifier == Exact {
		n.Qualifier, n.End = MoreThan, wend
	}
	if n.Qualifier == Exact && end < len(p.s) && p.s[end] == '-' {
		if w, wend := p.word(end + 1); w == "plus" {
			n.Qualifier, n.End = MoreThan, wend
		} else if w == "odd" {
			n.Qualifier, n.End = About, wend
		}
	}
	return n, true
}

// between parses "between X and Y" (also "anywhere between").
func (p parser) between(i int, opts Options) (Number, bool) {
	if opts.NoRange {
		return Number{}, false
	}
	j := i
	if end, ok := p.words(i, "anywhere"); ok {
		j = p.space(end)
	}
	end, ok := p.words(j, "between")
	if !ok {
		return Number{}, false
	}
	k := p.space(end)
	if k == end {
		return Number{}, false
	}
	lo, lend, ok := p.quantity(k)
	if !ok {
		return Number{}, false
	}
	aend, ok := p.words(p.space(lend), "and")
	if !ok || p.space(lend) == lend {
		return Number{}, false
	}
	m := p.space(aend)
	if m == aend {
		return Number{}, false
	}
	hi, hend, ok := p.quantity(m)
	if !ok || hi <= lo {
		return Number{}, false
	}
	return Number{Value: intp(lo), Max: intp(hi), Qualifier: Range, Start: i, NumStart: k, End: hend}, true
}

// rangeTail parses "-Y", "–Y", " to Y" or " or Y" after a figure lo ending
// at i, with Y > lo.
func (p parser) rangeTail(i, lo int) (int, int, bool) {
	if i >= len(p.s) {
		return 0, 0, false
	}
	r, sz := utf8.DecodeRuneInString(p.s[i:])
	if r == '-' || r == '–' || r == '—' {
		hi, end, ok := p.quantity(i + sz)
		if ok && hi > lo {
			return hi, end, true
		}
		return 0, 0, false
	}
	w, _, wend := p.nextWord(i)
	if w != "to" && w != "or" {
		return 0, 0, false
	}
	j := p.space(wend)
	if j == wend {
		return 0, 0, false
	}
	hi, end, ok := p.quantity(j)
	if ok && hi > lo {
		return hi, end, true
	}
	return 0, 0, false
}

// vagueWord is a quantity word with no number and its estimate.
type vagueWord struct {
	words []string
	est   int
}

// vagueWords are quantity words with no number, longest first within a
// leading word.
var vagueWords = []vagueWord{
	{[]string{"tens", "of", "thousands"}, 10000},
	{[]string{"hundreds", "of", "thousands"}, 100000},
	{[]string{"tens", "of", "millions"}, 10000000},
	{[]string{"hundreds", "of", "millions"}, 100000000},
	{[]string{"several", "dozen"}, 12},
	{[]string{"a", "few", "dozen"}, 12},
	{[]string{"a", "large", "number", "of"}, 10},
	{[]string{"a", "great", "number", "of"}, 10},
	{[]string{"a", "small", "number", "of"}, 10},
	{[]string{"large", "numbers", "of"}, 10},
	{[]string{"a", "number", "of"}, 10},
	{[]string{"a", "handful", "of"}, 5},
	{[]string{"a", "few"}, 3},
	{[]string{"dozens"}, 12},
	{[]string{"scores"}, 20},
	{[]string{"hundreds"}, 100},
	{[]string{"thousands"}, 1000},
	{[]string{"millions"}, 1000000},
	{[]string{"several"}, 10},
	{[]string{"many"}, 10},
	{[]string{"numerous"}, 10},
	{[]string{"countless"}, 10},
	{[]string{"multiple"}, 10},
}

// vague parses a vague quantity at i.
func (p parser) vague(i int) (Number, bool) {
	// "several hundred", "a few hundred thousand": the scale words give the
	// estimate.
	end, ok := p.words(i, "several")
	if !ok {
		end, ok = p.words(i, "a", "few")
	}
	if ok {
		est, e := 1, end
		for n := 0; n < 3; n++ {
			w, _, wend := p.nextWord(e)
			sc, isScale := scales[w]
			if !isScale || est > maxValue/sc {
				break
			}
			est, e = est*sc, wend
		}
		if e > end {
			return Number{Qualifier: Vague, Estimate: intp(est), Start: i, NumStart: i, End: e}, true
		}
	}
	first, _ := p.word(i)
	for _, v := range vagueByFirst[first] {
		end, ok := p.words(i, v.words...)
		if !ok {
			continue
		}
		// "hundreds" must not be the start of "hundreds of thousands"
		// already tried; a digit right after the word is not this phrase.
		if end < len(p.s) {
			if r, _ := utf8.DecodeRuneInString(p.s[end:]); unicode.IsDigit(r) {
				continue
			}
		}
		return Number{Qualifier: Vague, Estimate: intp(v.est), Start: i, NumStart: i, End: end}, true
	}
	return Number{}, false
}

// units are the number words below twenty and the tens.
var units = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}

var tens = map[string]int{
	"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90,
}

var scales = map[string]int{
	"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000,
}

// quantity parses a number at i: digits ("1,200", "350", "1.2 million",
// "20 thousand") or words ("twenty-five", "a dozen", "one hundred and
// twelve"), with "two dozen" and "a million and a half". It returns the
// value and the end of the number.
func (p parser) quantity(i int) (int, int, bool) {
	if i >= len(p.s) {
		return 0, 0, false
	}
	var v, end int
	var ok bool
	r, _ := utf8.DecodeRuneInString(p.s[i:])
	if r >= '0' && r <= '9' {
		v, end, ok = p.digits(i)
	} else {
		v, end, ok = p.numberWords(i)
	}
	if !ok {
		return 0, 0, false
	}
	if w, _, wend := p.nextWord(end); w == "dozen" && v > 0 && v < 100 {
		return v * 12, wend, true
	}
	if v >= 1000 {
		if e, ok := p.words(p.space(end), "and", "a", "half"); ok && p.space(end) > end {
			for _, sc := range []int{1_000_000_000, 1_000_000, 1000} {
				if v%sc == 0 && v/sc < 1000 && v/sc > 0 {
					return v + sc/2, e, true
				}
			}
		}
	}
	return v, end, true
}

// digits parses a digit figure with optional thousands separators, an
// optional decimal part (only before a scale word) and an optional scale
// word.
func (p parser) digits(i int) (int, int, bool) {
	s := p.s
	j := i
	for j < len(s) && isDigit(s[j]) && j-i <= 13 {
		j++
	}
	if j-i > 13 {
		return 0, 0, false
	}
	intPart := s[i:j]
	// Thousands groups: ",ddd" (or " ddd"? no: too ambiguous).
	if j-i <= 3 {
		for j+4 <= len(s) && s[j] == ',' && isDigit(s[j+1]) && isDigit(s[j+2]) && isDigit(s[j+3]) &&
			(j+4 == len(s) || !isDigit(s[j+4])) {
			intPart += s[j+1 : j+4]
			j += 4
			if len(intPart) > 13 {
				return 0, 0, false
			}
		}
	}
	v := 0
	for k := 0; k < len(intPart); k++ {
		v = v*10 + int(intPart[k]-'0')
	}
	frac := ""
	if j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
		k := j + 1
		for k < len(s) && isDigit(s[k]) && k-j <= 10 {
			k++
		}
		frac = s[j+1 : k]
		j = k
	}
	if j < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[j:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return 0, 0, false // "4th", "1.5m", "9/11" is handled below
		}
		if (s[j] == ':' || s[j] == '/') && j+1 < len(s) && isDigit(s[j+1]) {
			return 0, 0, false // times, dates, fractions
		}
		if s[j] == ',' && j+1 < len(s) && isDigit(s[j+1]) {
			return 0, 0, false // a malformed group: "1,20"
		}
	}
	end := j
	w, _, wend := p.nextWord(j)
	if sc, ok := scales[w]; ok {
		val, ok := scaleDecimal(v, frac, sc)
		if !ok {
			return 0, 0, false
		}
		return val, wend, true
	}
	if frac != "" {
		return 0, 0, false // "7.7" is not a count
	}
	if v > maxValue {
		return 0, 0, false
	}
	return v, end, true
}

// scaleDecimal returns (v.frac) * sc, which must be a whole number.
func scaleDecimal(v int, frac string, sc int) (int, bool) {
	if len(frac) > 9 {
		return 0, false
	}
	if v > maxValue/sc {
		return 0, false
	}
	total := v * sc
	div := 1
	f := 0
	for k := 0; k < len(frac); k++ {
		f = f*10 + int(frac[k]-'0')
		div *= 10
	}
	if f*sc%div != 0 {
		return 0, false
	}
	total += f * sc / div
	if total > maxValue {
		return 0, false
	}
	return total, true
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// numberWords parses a spelled-out number: "nine", "twenty-five", "twenty
// six", "one hundred and twelve", "two thousand five hundred", "a dozen",
// "half a dozen", "a hundred", "a couple of".
func (p parser) numberWords(i int) (int, int, bool) {
	w, end := p.word(i)
	switch w {
	case "":
		return 0, 0, false
	case "a", "an":
		n, _, nend := p.nextWord(end)
		switch n {
		case "dozen":
			return 12, nend, true
		case "couple":
			if oend, ok := p.words(p.space(nend), "of"); ok && p.space(nend) > nend {
				return 2, oend, true
			}
			return 0, 0, false
		case "hundred", "thousand", "million", "billion":
			// "a hundred and twenty" is rare; keep "a hundred".
			return p.compound(p.space(end))
		}
		return 0, 0, false
	case "half":
		if aend, ok := p.words(p.space(end), "a", "dozen"); ok && p.space(end) > end {
			return 6, aend, true
		}
		return 0, 0, false
	case "dozen":
		return 12, end, true
	}
	return p.compound(i)
}

// compound parses a sequence of unit, tens and scale words. The leading
// word may be a scale word ("hundred" after "a").
func (p parser) compound(i int) (int, int, bool) {
	total, cur := 0, 0 // cur is the part below the last big scale word
	lastBig := 0       // the last thousand/million/billion applied
	have := false      // any number word read
	lastEnd := i       // end of the last word taken
	lastKind := ""     // "unit", "teen", "tens", "scale"
	pos := i
	for {
		start := pos
		if have {
			// separators: white space, a hyphen between tens and units, or
			// "and" after a scale word.
			j := p.space(pos)
			switch {
			case j == pos && j < len(p.s) && p.s[j] == '-' && lastKind == "tens":
				j++
			case j == pos:
				return total + cur, lastEnd, true
			}
			if w, aend := p.word(j); w == "and" && lastKind == "scale" {
				k := p.space(aend)
				if k == aend {
					break
				}
				j = k
			}
			start = j
		}
		w, end := p.word(start)
		if w == "" || (end < len(p.s) && isDigit(p.s[end])) {
			break
		}
		if v, ok := units[w]; ok {
			if have && lastKind != "tens" && lastKind != "scale" {
				break
			}
			if lastKind == "tens" && (v == 0 || v >= 10) {
				break
			}
			if lastKind == "scale" && cur%100 != 0 {
				break
			}
			cur += v
			lastKind = "unit"
			if v >= 10 {
				lastKind = "teen"
			}
		} else if v, ok := tens[w]; ok {
			if have && lastKind != "scale" {
				break
			}
			if lastKind == "scale" && cur%100 != 0 {
				break
			}
			cur += v
			lastKind = "tens"
		} else if sc, ok := scales[w]; ok {
			if sc == 100 {
				if cur >= 100 || (cur == 0 && have) {
					break
				}
				if cur == 0 {
					cur = 1
				}
				cur *= 100
			} else {
				if cur == 0 && !have {
					cur = 1
				}
				if cur == 0 || (lastBig != 0 && sc >= lastBig) {
					break
				}
				total += cur * sc
				cur = 0
				lastBig = sc
			}
			if total+cur > maxValue {
				return 0, 0, false
			}
			lastKind = "scale"
		} else {
			break
		}
		have = true
		lastEnd = end
		pos = end
	}
	if !have {
		return 0, 0, false
	}
	return total + cur, lastEnd, true
}
