package quotes

import (
	"unicode"
	"unicode/utf8"
)

// Noun-phrase chunking over the tagged tokens: enough to pick out the
// speaker next to a reporting verb.

// isMark reports whether s is a single quotation mark.
func isMark(s string) bool {
	switch s {
	case "\"", "\u201c", "\u201d", "\u201e", "'", "\u2018", "\u2019", "\u201a", "``", "''":
		return true
	}
	return false
}

func isCap(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// isPunct reports whether s has no letter or digit.
func isPunct(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func isVerbTag(tag string) bool { return len(tag) >= 2 && tag[:2] == "VB" }

func isFinite(tag string) bool { return tag == "VBD" || tag == "VBZ" || tag == "VBP" || tag == "MD" }

// npDeterminers may open a noun phrase.
var npDeterminers = set("the a an this these those some both another each all many several its their his her our " +
	"your my no any one two three four five most other such")

// internalPreps may join two parts of one noun phrase ("Ministry of Foreign
// Affairs", "police in Ishaqi", "a spokesman for the ministry").
var internalPreps = set("of from for at in to")

// nameParticles are lower-case words inside names ("al", "bin", "de").
var nameParticles = set("al al- bin ibn bint de del della da di du van von der den la le el ul")

// notNPCap are capitalised words that do not start or join a noun phrase.
var notNPCap = set("according meanwhile however but and or so then also although though while when " +
	"after before if because since as in on at for with by from to of the a an this that these those " +
	"it he she they we i there here his her their its our")

// functionWords are never part of a speaker phrase, whatever their tag.
var functionWords = set("whilst whereas amid amidst despite via per versus vs also although though " +
	"unless until since yet thus hence therefore meanwhile however moreover furthermore instead " +
	"that according")

// isNPWord reports whether token i may be part of a noun phrase (other
// than a determiner or a joining word).
func (a *article) isNPWord(i int) bool {
	t := a.toks[i]
	if isMark(t.Text) || isPunct(t.Text) {
		return false
	}
	if notNPCap[a.low[i]] || functionWords[a.low[i]] {
		return false
	}
	switch t.Tag {
	case "NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "CD", "POS":
		return true
	}
	l := a.low[i]
	if l == "'s" || l == "\u2019s" {
		return true
	}
	if isCap(t.Text) && hasLetter(t.Text) && !notNPCap[l] {
		if isVerbTag(t.Tag) && a.sentFirst(i) {
			return false
		}
		return true
	}
	if (t.Tag == "VBN" || t.Tag == "VBG") && i+1 < len(a.toks) {
		switch a.toks[i+1].Tag {
		case "NN", "NNS", "JJ", "NNP", "NNPS":
			return !verbLike(l)
		}
	}
	return false
}

// verbLike reports whether l is a reporting or cue verb form.
func verbLike(l string) bool {
	_, ok := verbForms[l]
	_, ok2 := directOnly[l]
	return ok || ok2
}

// sentFirst reports whether token i opens its sentence.
func (a *article) sentFirst(i int) bool {
	si := a.nlp.SentenceAt(a.toks[i].Start)
	return si >= 0 && a.nlp.Sentences[si].First == i
}

// isJoin reports whether token i joins the two parts of a noun phrase on
// either side of it ("of" in "Ministry of Foreign Affairs").
func (a *article) isJoin(i int) bool {
	if i <= 0 || i+1 >= len(a.toks) {
		return false
	}
	l := a.low[i]
	left, right := a.toks[i-1].Text, a.toks[i+1].Text
	switch {
	case internalPreps[l]:
		return a.isNPWord(i-1) && !isPunct(left) && (a.isNPWord(i+1) || npDeterminers[a.low[i+1]])
	case l == "and" || l == "&":
		return isCap(left) && isCap(right) && !notNPCap[a.low[i+1]]
	case nameParticles[l]:
		return isCap(left) || isCap(right)
	}
	return false
}

// npBack returns the start of the noun phrase that ends just before end,
// not reaching before lo; it returns end when there is none.
func (a *article) npBack(end, lo int) int {
	start := end
	for j := end - 1; j >= lo && end-j <= 16; j-- {
		l := a.low[j]
		switch {
		case a.isNPWord(j):
			start = j
			continue
		case npDeterminers[l] && a.toks[j].Tag != "CD" && start < end:
			start = j
			if j-1 >= lo && a.isJoin(j-1) {
				continue
			}
			return a.trimFront(start, end)
		case start < end && a.isJoin(j) && j-1 >= lo:
			continue
		}
		break
	}
	return a.trimFront(start, end)
}

// trimFront drops joining words from the front of [start, end).
func (a *article) trimFront(start, end int) int {
	for start < end && (internalPreps[a.low[start]] || a.low[start] == "and" || a.toks[start].Tag == "POS") {
		start++
	}
	return start
}

// npFwd returns the end of the noun phrase that starts at start, not
// reaching hi; it returns start when there is none. simple keeps it to
// one phrase without joined parts (an object: "told reporters").
func (a *article) npFwd(start, hi int, simple bool) int {
	i := start
	if i < hi && npDeterminers[a.low[i]] && a.toks[i].Tag != "CD" {
		i++
	}
	end := start
	for ; i < hi && i-start <= 16; i++ {
		switch {
		case a.isNPWord(i):
			end = i + 1
			continue
		case !simple && end > start && a.isJoin(i):
			if i+1 < hi && npDeterminers[a.low[i+1]] {
				i++
			}
			continue
		}
		break
	}
	for end > start && (a.toks[end-1].Tag == "POS" || a.low[end-1] == "\u2019s" ||
		end-1 > start && timeWords[a.low[end-1]] && !isCap(a.toks[end-1].Text)) {
		end--
	}
	return end
}

// headOf returns the index of the head token of the phrase [s, e): the last
// token before a joining preposition, or the last token.
func (a *article) headOf(s, e int) int {
	for i := s + 1; i < e-1; i++ {
		if internalPreps[a.low[i]] {
			return i - 1
		}
	}
	return e - 1
}
