package actors

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdesk/extractor/pkg/fold"
	"github.com/newsdesk/extractor/pkg/ner"
)

// tok is a token with the views the rules need.
type tok struct {
	ner.Token
	low  string // lower case text
	fold string // fold.Key(Text)
	cap  bool   // starts with an upper-case letter
	sent int    // sentence index
}

func makeToks(a *ner.Analysis) []tok {
	out := make([]tok, len(a.Tokens))
	for si, s := range a.Sentences {
		for i := s.First; i < s.Last && i < len(a.Tokens); i++ {
			t := a.Tokens[i]
			r, _ := utf8.DecodeRuneInString(t.Text)
			out[i] = tok{Token: t, low: strings.ToLower(t.Text), fold: fold.Key(t.Text), cap: unicode.IsUpper(r), sent: si}
		}
	}
	return out
}

// isPossessive reports whether t is the possessive marker "'s" or "’s".
func isPossessive(t tok) bool {
	return t.Text == "'s" || t.Text == "’s" || t.Text == "'" || t.Text == "’" || t.Tag == "POS"
}

// particlePrefixes start a lower-case name token: "al-Maliki", "bin-Laden".
var particlePrefixes = []string{"d'", "d’", "al-", "el-", "ul-", "ad-", "as-", "ash-", "at-", "az-", "ar-", "an-", "bin-", "ibn-", "abu-", "abd-", "ed-", "ud-"}

// particleName reports whether a lower-case token is a name with a
// particle prefix ("al-Sadr").
func particleName(s string) bool {
	for _, p := range particlePrefixes {
		if strings.HasPrefix(s, p) && len(s) > len(p) {
			r, _ := utf8.DecodeRuneInString(s[len(p):])
			return unicode.IsUpper(r)
		}
	}
	return false
}

// hasLetter reports whether s holds a letter.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// isAllCaps reports whether s has at least two letters and every letter is
// upper case ("NATO", "U.N.").
func isAllCaps(s string) bool { return fold.AllCaps(s) >= 2 }

// isVerbTag reports whether a POS tag is a finite or participle verb.
func isVerbTag(tag string) bool { return strings.HasPrefix(tag, "VB") }

// determiners open a noun phrase.
var determiners = map[string]bool{"a": true, "an": true, "the": true, "this": true, "that": true, "another": true}

// possPronouns are possessive pronouns that open a noun phrase.
var possPronouns = map[string]bool{"its": true, "his": true, "her": true, "their": true, "our": true, "my": true, "your": true}

// speechVerbs follow a named speaker.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "tells": true, "added": true, "adds": true, "stated": true,
	"explained": true, "noted": true, "warned": true, "claimed": true, "insisted": true, "announced": true,
	"wrote": true, "writes": true, "argued": true, "asked": true, "replied": true, "commented": true,
	"confirmed": true, "denied": true, "admitted": true, "declared": true, "urged": true, "called": true,
	"accused": true, "reported": true, "described": true, "believes": true, "believed": true, "thinks": true,
	"continued": true, "concluded": true, "testified": true, "recalled": true, "stressed": true,
}

// beVerbs are forms of be and have, which alone do not make a subject act.
var beVerbs = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true, "am": true,
	"has": true, "have": true, "had": true, "'s": true, "’s": true,
}

// auxWords may stand between a subject and its verb.
var auxWords = map[string]bool{
	"has": true, "have": true, "had": true, "will": true, "would": true, "could": true, "can": true,
	"may": true, "might": true, "must": true, "should": true, "shall": true, "is": true, "are": true,
	"was": true, "were": true, "also": true, "not": true, "never": true, "then": true, "later": true,
	"already": true, "still": true, "reportedly": true, "allegedly": true, "had been": true, "been": true,
	"repeatedly": true, "strongly": true, "once": true, "again": true, "further": true, "now": true,
	"all": true, "both": true, "jointly": true, "formally": true, "officially": true, "publicly": true,
}

// openers are tokens after which a capitalised word may be capitalised
// only because it starts a sentence or a quotation.
var openers = map[string]bool{"“": true, "\"": true, "‘": true, "'": true, "(": true, "[": true, ":": true, "—": true, "–": true, "-": true}

// connectors may join two capitalised runs into one organization name.
var connectors = map[string]bool{"to": true, "of": true, "for": true, "and": true, "&": true, "on": true, "the": true, "in": true, "de": true, "des": true, "du": true, "la": true, "del": true}

// stateHeads make a country name out of "X of Y": "Republic of", "Islamic
// Emirate of", "Government of".
var stateHeads = map[string]bool{"republic": true, "kingdom": true, "emirate": true, "emirates": true, "government": true, "state": true, "states": true, "federation": true, "commonwealth": true, "sultanate": true, "principality": true}
