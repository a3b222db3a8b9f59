package geo

import (
	"strings"

	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/pkg/fold"
	"github.com/newsdesk/extractor/pkg/gazetteer"
)

// maxWords is the longest name, in words, looked up in the gazetteer.
const maxWords = 8

// Mention sources.
const (
	srcGazetteer = iota // a gazetteer name
	srcCue              // a name made a place by a cue word, maybe unknown to the gazetteer
)

// mention is one place name found in the text.
type mention struct {
	first, last   int         // word range [first, last) of the name
	span          events.Span // surface, with a unit word that belongs to it
	key           string      // folded name without the unit word
	src           int
	cands         []gazetteer.Candidate
	loose         bool   // matched through the loose key
	hint          string // location kind a cue word points to
	cueKind       string // kind of a cue-made place ("facility", "feature", "city", ...)
	weak          bool   // a common word or person name as well: needs context
	prep          bool   // after a locative preposition ("in X")
	ext           bool   // span extended by a unit word after the name
	nameEnd       int    // end of the name inside span (0: span.End), for cue-made names
	listCountry   string // country of the list the name is a member of
	possessor     int    // word index of the "'s" after a place owning a cue-made facility, or -1
	sentStartWord bool   // the name starts its sentence
	sent          int
	drop          bool
	why           string // reason of a drop, for debugging

	// Resolution.
	best     gazetteer.Candidate
	resolved bool
	conf     float64
}

// textOf returns the text of words [i, j).
func textOf(text string, ws []word, i, j int) string { return text[ws[i].start:ws[j-1].end] }

// gapOK reports whether words a and b (b right after a) may be parts of one
// name: the same sentence and only spaces, or a hyphen, between them.
func gapOK(text string, a, b *word) bool {
	if a.sent != b.sent {
		return false
	}
	if b.joined && b.tok == a.tok {
		return true
	}
	if b.start == a.end && b.key == "s" && strings.ContainsAny(b.text[:1], "'") || strings.HasPrefix(b.text, "’") && b.start == a.end {
		return true // possessive "'s"
	}
	if b.start-a.end > 3 {
		return false
	}
	for _, r := range text[a.end:b.start] {
		if r != ' ' && r != '\u00a0' {
			return false
		}
	}
	return b.start > a.end
}

// isPossessive reports the token "'s" or "’s".
func isPossessive(w *word) bool {
	return w.key == "s" && (strings.HasPrefix(w.text, "'") || strings.HasPrefix(w.text, "\u2019"))
}

// startable reports whether a name may start at word i.
func startable(ws []word, i int) bool {
	w := &ws[i]
	if w.upper {
		return true
	}
	// "al-Anbar", "as-Suwayda": a lower-case article joined to a name.
	switch w.key {
	case "al", "el", "ad", "ar", "as", "ash", "az", "an", "at":
		return i+1 < len(ws) && ws[i+1].joined && ws[i+1].upper
	}
	return false
}

// runEnd returns how far (exclusive, at most i+maxWords) words from i can
// form one name: spaces or hyphens between them, capitalised words or
// connectors.
func runEnd(text string, ws []word, i int) int {
	j := i + 1
	for j < len(ws) && j-i < maxWords && gapOK(text, &ws[j-1], &ws[j]) {
		w := &ws[j]
		if !w.upper && !connector(w.key) && !isDigits(w.key) {
			break
		}
		j++
	}
	return j
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// scanGazetteer finds the longest gazetteer names in the text, left to
// right. It does not judge whether they are places here.
func (s *Locations) scanGazetteer(text string, ws []word) []mention {
	var out []mention
	for i := 0; i < len(ws); {
		if !startable(ws, i) {
			i++
			continue
		}
		end := runEnd(text, ws, i)
		found := false
		for j := end; j > i; j-- {
			last := &ws[j-1]
			if !last.upper && !isDigits(last.key) {
				continue
			}
			key := fold.Key(textOf(text, ws, i, j))
			if key == "" {
				continue
			}
			cands := s.filterFlags(s.gz.Candidates(key), ws, i, j)
			if ws[i].key == "the" {
				cands = theNames(cands)
			}
			loose := false
			if len(cands) == 0 && j-i >= 2 && looseShape(ws, i, j) {
				if l := fold.Loose(key); l != "" && l != key {
					cands = notCountries(s.filterFlags(s.gz.Candidates(l), ws, i, j))
					loose = true
				}
			}
			if len(cands) == 0 {
				continue
			}
			m := mention{first: i, last: j, key: key, src: srcGazetteer, cands: cands, loose: loose, sent: ws[i].sent,
				sentStartWord: ws[i].sentStart}
			m.span = events.Span{Start: ws[i].start, End: ws[j-1].end}
			out = append(out, m)
			i = j
			found = true
			break
		}
		if !found {
			i++
		}
	}
	return out
}

// looseShape reports whether words [i, j) may be read by their loose key:
// the words the loose key drops are connectors inside the name or one unit
// word at its end ("Sistan-o-Baluchistan", "Awaran District"), never its
// first word ("District and the Irving") nor a run of unit words ("United
// States State Department").
func looseShape(ws []word, i, j int) bool {
	dropped := func(k int) bool { return fold.Loose(ws[k].key) == "" }
	if dropped(i) {
		return false
	}
	last := j - 1
	for last > i && dropped(last) && !connector(ws[last].key) {
		last--
	}
	if j-1-last > 1 {
		return false
	}
	for k := i + 1; k < last; k++ {
		if dropped(k) && !connector(ws[k].key) {
			return false
		}
	}
	return true
}

// notCountries drops countries: their names are matched exactly.
func notCountries(cands []gazetteer.Candidate) []gazetteer.Candidate {
	out := cands[:0:0]
	for _, c := range cands {
		if c.Kind != gazetteer.KindCountry {
			out = append(out, c)
		}
	}
	return out
}

// theNames keeps the candidates whose own name starts with "the" ("The
// Hague"): elsewhere a leading "The" is the article.
func theNames(cands []gazetteer.Candidate) []gazetteer.Candidate {
	out := cands[:0:0]
	for _, c := range cands {
		if strings.HasPrefix(fold.Key(c.Name), "the ") {
			out = append(out, c)
		}
	}
	return out
}

// filterFlags keeps the candidates whose name flag the text satisfies:
// capital-only aliases need capitals, "the"-names need "the" before.
func (s *Locations) filterFlags(cands []gazetteer.Candidate, ws []word, i, j int) []gazetteer.Candidate {
	if len(cands) == 0 {
		return nil
	}
	caps := true
	letters := 0
	if ws[i].key == "the" && j-i > 1 {
		i++
	}
	for k := i; k < j; k++ {
		for _, r := range ws[k].text {
			if r >= 'a' && r <= 'z' || r > 0x7f && strings.ToUpper(string(r)) != string(r) {
				caps = false
			}
			if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' {
				letters++
			}
		}
	}
	acronym := caps && letters <= 5
	the := i > 0 && ws[i-1].key == "the" && ws[i-1].sent == ws[i].sent
	out := cands[:0:0]
	for _, c := range cands {
		switch {
		case c.Flag == gazetteer.FlagCaps && !caps:
		case c.Flag == gazetteer.FlagThe && !the:
		case acronym && c.Flag != gazetteer.FlagCaps && !(c.Kind == gazetteer.KindCountry && c.Flag == gazetteer.FlagMain):
			// "IRNA" is not Salerno's "Irna".
		default:
			out = append(out, c)
		}
	}
	return out
}
