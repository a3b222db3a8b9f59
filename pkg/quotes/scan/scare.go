package scan

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// speechWords mark reported speech; one of them in the sentence of a short
// quotation makes it speech rather than a term.
var speechWords = makeSet(
	"say", "said", "says", "saying", "tell", "told", "tells", "telling", "add", "added", "adds", "adding",
	"state", "stated", "states", "stating", "claim", "claimed", "claims", "claiming", "report", "reported",
	"reports", "announce", "announced", "announces", "warn", "warned", "warns", "warning", "insist",
	"insisted", "insists", "deny", "denied", "denies", "confirm", "confirmed", "confirms", "write", "wrote",
	"writes", "written", "accuse", "accused", "accuses", "ask", "asked", "asks", "reply", "replied",
	"replies", "declare", "declared", "declares", "chant", "chanted", "chanting", "shout", "shouted",
	"shouting", "explain", "explained", "explains", "note", "noted", "notes", "according", "quoted",
	"quoting", "tweet", "tweeted", "stress", "stressed", "stresses", "remark", "remarked", "comment",
	"commented", "argue", "argued", "argues", "allege", "alleged", "alleges", "admit", "admitted",
	"admits", "testify", "testified", "read", "reads", "promise", "promised", "vow", "vowed", "demand",
	"demanded", "urge", "urged", "urges", "describe", "described", "describes", "suggest", "suggested",
	"believe", "believes", "believed", "estimate", "estimated", "acknowledge", "acknowledged",
	"predict", "predicted", "recall", "recalled", "recalls", "spokesman", "spokeswoman", "spokesperson",
	"statement", "interview",
)

func makeSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// introducers, right before the opening mark, introduce a term or a name.
var introducers = map[string]bool{
	"so-called": true, "dubbed": true, "called": true, "named": true, "termed": true, "titled": true,
	"entitled": true, "nicknamed": true, "labelled": true, "labeled": true, "branded": true,
	"codenamed": true, "code-named": true, "word": true, "term": true, "phrase": true,
}

// articles may stand between an introducer and the marks ("called an").
var articles = map[string]bool{"a": true, "an": true, "the": true, "its": true, "their": true, "his": true, "her": true}

// asIntroducers introduce a term when "as" follows them ("known as").
var asIntroducers = map[string]bool{
	"known": true, "referred": true, "described": true, "billed": true, "designated": true, "listed": true,
}

// smallWords may be lower case inside a title.
var smallWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "and": true, "or": true, "in": true, "on": true,
	"for": true, "to": true, "at": true, "by": true, "with": true, "from": true, "de": true, "la": true,
}

// isScare reports whether q looks like marks around a term, a name or a
// title rather than speech.
func isScare(text string, q Quote) bool {
	words := strings.Fields(q.Text)
	if len(words) == 0 {
		return true
	}
	prev := lastWords(text, q.Open, 4)
	for len(prev) > 1 && articles[prev[len(prev)-1]] {
		prev = prev[:len(prev)-1]
	}
	if len(prev) > 2 {
		prev = prev[len(prev)-2:]
	}
	if len(prev) > 0 && len(words) <= 6 {
		last := prev[len(prev)-1]
		if introducers[last] || (last == "as" && len(prev) == 2 && asIntroducers[prev[0]]) {
			return true
		}
	}
	if hasSentencePunct(q.Text) {
		return false
	}
	if len(words) > 8 {
		return false
	}
	if len(words) > 3 && !isTitle(words) {
		return false
	}
	return !speechNearby(text, q)
}

// hasSentencePunct reports whether s contains a sentence end or a comma.
func hasSentencePunct(s string) bool {
	return strings.ContainsAny(s, ".!?,;:")
}

// isTitle reports whether words are in title case: capitalised except for
// small function words, the first one capitalised.
func isTitle(words []string) bool {
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			continue
		}
		if i > 0 && smallWords[strings.ToLower(w)] {
			continue
		}
		return false
	}
	return true
}

// speechNearby reports whether a speech word stands in the sentence around
// q, outside q.
func speechNearby(text string, q Quote) bool {
	lo := sentenceStart(text, q.Open)
	hi := sentenceEnd(text, q.Close)
	for _, w := range wordsOf(text[lo:q.Open]) {
		if speechWords[w] {
			return true
		}
	}
	for _, w := range wordsOf(text[q.Close:hi]) {
		if speechWords[w] {
			return true
		}
	}
	return false
}

// sentenceStart returns the start of the sentence holding offset i: just
// after the last '.', '!', '?' or line break before i.
func sentenceStart(text string, i int) int {
	for j := i - 1; j >= 0; j-- {
		switch text[j] {
		case '\n':
			return j + 1
		case '.', '!', '?':
			if j+1 < len(text) && text[j+1] == ' ' {
				return j + 1
			}
		}
	}
	return 0
}

// sentenceEnd returns the end of the sentence holding offset i.
func sentenceEnd(text string, i int) int {
	for j := i; j < len(text); j++ {
		switch text[j] {
		case '\n':
			return j
		case '.', '!', '?':
			if j+1 >= len(text) || text[j+1] == ' ' || text[j+1] == '\n' {
				return j
			}
		}
	}
	return len(text)
}

// lastWords returns up to n lower-case words right before offset i.
func lastWords(text string, i, n int) []string {
	lo := i - 40
	if lo < 0 {
		lo = 0
	}
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	ws := wordsOf(text[lo:i])
	if len(ws) > n {
		ws = ws[len(ws)-n:]
	}
	return ws
}

// wordsOf splits s into lower-case words of letters, digits and hyphens.
func wordsOf(s string) []string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	})
	return f
}
