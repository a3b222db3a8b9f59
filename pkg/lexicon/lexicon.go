// Package lexicon holds the embedded actor lexicons (organizations, armed
// groups, news agencies, government bodies, known persons, given names,
// titles, roles and cue words) generated from ../shared/data by ./gen
// (go generate). Load once; a Lexicon is immutable and safe for concurrent
// use. Every look-up folds its argument with fold.Key first.
package lexicon

//go:generate go run ./gen -src ../../../shared/data -out data

import (
	_ "embed" // the tables
	"fmt"
	"strings"

	"github.com/newsdesk/extractor/pkg/fold"
)

// The generated tables, embedded as strings so that look-up keys are
// slices of them (no copy per line).
var (
	//go:embed data/orgs.tsv
	orgsData string
	//go:embed data/persons.tsv
	personsData string
	//go:embed data/surnames.tsv
	surnamesData string
	//go:embed data/given.txt
	givenData string
	//go:embed data/words.tsv
	wordsData string
)

// Class is a word class of the word table.
type Class string

// Word classes (see gen/manual.tsv for their meaning).
const (
	Honorific Class = "honorific" // Mr, Mrs
	TitleHead Class = "titlehead" // President, Gen; value: the role spelled out
	TitleMod  Class = "titlemod"  // Prime, Deputy, Foreign
	Title     Class = "title"     // Xponents person titles (broad)
	RoleHead  Class = "rolehead"  // analyst, spokesman
	Role      Class = "role"      // role phrases; value: CAMEO-like category
	OrgHead   Class = "orghead"   // Ministry, Party; value: organization kind
	OrgTail   Class = "orgtail"   // Airlines, Times (last word only)
	OrgCue    Class = "orgcue"    // newspaper, company (next to a name)
	GovNoun   Class = "govnoun"   // government, authorities, police
	GovBody   Class = "govbody"   // "foreign ministry", "c foreign ministry" (c = country)
	NonActor  Class = "nonactor"  // Street, Airport, Olympics; value: place|facility|event|work
	StopCap   Class = "stopcap"   // month, day and holiday names
	NotAlone  Class = "notalone"  // not a name on its own: North, National
	Relig     Class = "relig"     // Muslim, Shia, Arab
	Particle  Class = "particle"  // al, bin, van
	Suffix    Class = "suffix"    // Jr, III
	Common    Class = "common"    // common English words (written in lower case)
)

// Org is a known organization. Name is its display name, Aliases its other
// names and acronyms; Country is an ISO alpha-2 code or ""; Kind is one of
// armed, igo, ngo, media, company, gov, party, edu, other.
type Org struct {
	Name    string
	Aliases []string
	Country string
	Kind    string
}

// Lexicon answers actor look-ups.
type Lexicon struct {
	orgs      []Org
	orgIndex  map[string][]int32
	orgTokens int
	persons   sortedTable // folded full name -> affiliation
	surnames  sortedTable // folded last name -> shared affiliation or "*"
	given     map[string]struct{}
	words     map[Class]map[string]string
}

// Load reads the embedded tables (a few milliseconds).
func Load() (*Lexicon, error) {
	l := &Lexicon{
		orgIndex: make(map[string][]int32, 20000),
		persons:  newSortedTable(personsData),
		surnames: newSortedTable(surnamesData),
		given:    make(map[string]struct{}, 3000),
		words:    map[Class]map[string]string{},
	}
	if err := eachLine("orgs.tsv", orgsData, l.addOrgLine); err != nil {
		return nil, err
	}
	if err := eachLine("given.txt", givenData, func(s string) error {
		l.given[s] = struct{}{}
		return nil
	}); err != nil {
		return nil, err
	}
	if err := eachLine("words.tsv", wordsData, func(s string) error {
		c := strings.SplitN(s, "\t", 3)
		if len(c) < 2 {
			return fmt.Errorf("bad word line %q", s)
		}
		m := l.words[Class(c[0])]
		if m == nil {
			m = map[string]string{}
			l.words[Class(c[0])] = m
		}
		if len(c) == 3 {
			m[c[1]] = c[2]
		} else {
			m[c[1]] = ""
		}
		return nil
	}); err != nil {
		return nil, err
	}
	return l, nil
}

// eachLine calls fn with every line of data that is not empty or a
// comment.
func eachLine(name, data string, fn func(string) error) error {
	for len(data) > 0 {
		line := data
		if i := strings.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = ""
		}
		line = strings.TrimSuffix(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		if err := fn(line); err != nil {
			return fmt.Errorf("lexicon: %s: %w", name, err)
		}
	}
	return nil
}

func (l *Lexicon) addOrgLine(s string) error {
	c := strings.SplitN(s, "\t", 3)
	if len(c) != 3 {
		return fmt.Errorf("bad organization line %q", s)
	}
	names := strings.Split(c[2], "|")
	o := Org{Name: names[0], Aliases: names[1:], Country: c[1], Kind: c[0]}
	id := int32(len(l.orgs))
	l.orgs = append(l.orgs, o)
	for _, n := range names {
		k := fold.Key(n)
		if k == "" {
			continue
		}
		if ids := l.orgIndex[k]; len(ids) == 0 || ids[len(ids)-1] != id {
			l.orgIndex[k] = append(ids, id)
		}
		if t := strings.Count(k, " ") + 1; t > l.orgTokens {
			l.orgTokens = t
		}
	}
	return nil
}

// Org returns the known organization that name (as written in the text)
// denotes. An all-capital alias ("IRNA") matches only text written the same
// way (dots ignored), so "Irna" is not IRNA.
func (l *Lexicon) Org(name string) (Org, bool) {
	k := fold.Key(name)
	ids := l.orgIndex[k]
	if len(ids) == 0 {
		return Org{}, false
	}
	plain := strings.ReplaceAll(name, ".", "")
	for _, id := range ids {
		o := l.orgs[id]
		for _, n := range append([]string{o.Name}, o.Aliases...) {
			if fold.Key(n) != k {
				continue
			}
			if !isCaps(n) || strings.ReplaceAll(n, ".", "") == plain {
				return o, true
			}
		}
	}
	return Org{}, false
}

// OrgMaxTokens is the largest number of words in an organization name.
func (l *Lexicon) OrgMaxTokens() int { return l.orgTokens }

// isCaps reports whether s has at least two letters and no lower-case one.
func isCaps(s string) bool {
	n := 0
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			n++
		}
	}
	return n >= 2
}

// Person returns the affiliation (ISO alpha-2 code or organization name) of
// a known person's full name.
func (l *Lexicon) Person(name string) (string, bool) {
	return l.persons.get(fold.Key(name))
}

// Surname reports whether word is the last name of a known person.
func (l *Lexicon) Surname(word string) bool {
	_, ok := l.surnames.get(fold.Key(word))
	return ok
}

// SurnameAffiliation returns the affiliation that every known person with
// this last name shares ("Ahmadinejad" -> IR); false when there is none or
// they differ.
func (l *Lexicon) SurnameAffiliation(word string) (string, bool) {
	v, ok := l.surnames.get(fold.Key(word))
	if !ok || v == "" || v == "*" {
		return "", false
	}
	return v, true
}

// GivenName reports whether word is a known given name.
func (l *Lexicon) GivenName(word string) bool {
	_, ok := l.given[fold.Key(word)]
	return ok
}

// Word looks phrase up in a word class and returns its value.
func (l *Lexicon) Word(c Class, phrase string) (string, bool) {
	v, ok := l.words[c][fold.Key(phrase)]
	return v, ok
}

// Is reports whether phrase belongs to word class c.
func (l *Lexicon) Is(c Class, phrase string) bool {
	_, ok := l.words[c][fold.Key(phrase)]
	return ok
}

// sortedTable is a sorted list of "key\tvalue" lines searched by binary
// search: no map to build at load time.
type sortedTable []string

// newSortedTable indexes the lines of a generated, sorted table.
func newSortedTable(data string) sortedTable {
	t := make(sortedTable, 0, strings.Count(data, "\n"))
	_ = eachLine("", data, func(s string) error {
		t = append(t, s)
		return nil
	})
	return t
}

// get returns the value of key.
func (t sortedTable) get(key string) (string, bool) {
	lo, hi := 0, len(t)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		k, _, _ := strings.Cut(t[mid], "\t")
		if k < key {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(t) {
		if k, v, _ := strings.Cut(t[lo], "\t"); k == key {
			return v, true
		}
	}
	return "", false
}
