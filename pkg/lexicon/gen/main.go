// Command gen builds the embedded actor lexicon tables of package lexicon
// from the reference data in ../shared/data and the project's own word
// lists (manual.tsv next to this file):
//
//	go run ./pkg/lexicon/gen -src ../shared/data -out pkg/lexicon/data
//
// Sources: CAMEO/Phoenix actor dictionaries (MIT, Open Event Data Alliance),
// the UCDP actor list v22.1 (CC BY 4.0), the project's curated seeds, the
// Xponents person filters (Apache-2.0, MITRE), GeoNames countryInfo (CC BY
// 4.0, only for ISO3 -> ISO2) and given names from GUM person annotations
// (CC BY 4.0; news documents, which overlap the evaluation corpus, are left
// out). Output is deterministic: sorted, de-duplicated TSV files.
package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/newsdesk/extractor/pkg/fold"
)

func main() {
	src := flag.String("src", "../shared/data", "reference data folder")
	out := flag.String("out", "pkg/lexicon/data", "output folder")
	manual := flag.String("manual", "", "project word list (default: manual.tsv next to this command)")
	flag.Parse()
	if *manual == "" {
		*manual = filepath.Join(filepath.Dir(*out), "gen", "manual.tsv")
	}
	g := &gen{src: *src, orgs: map[string]*orgRec{}, orgByName: map[string]string{}, persons: map[string]string{}, words: map[string]string{}, given: map[string]int{}}
	steps := []func() error{
		g.countries, g.readManual(*manual), g.cameoCountries, g.cameoInternational, g.cameoMilNonState,
		g.ucdp, g.newsAgencies, g.govBodies, g.roleSeeds, g.xponents, g.agents, g.gum,
	}
	for _, s := range steps {
		if err := s(); err != nil {
			log.Fatalf("lexicon gen: %v", err)
		}
	}
	if err := g.write(*out); err != nil {
		log.Fatalf("lexicon gen: %v", err)
	}
}

type orgRec struct {
	key, kind, country string
	names              []string
}

type gen struct {
	src        string
	iso3       map[string]string // ISO3 -> ISO2
	countryKey map[string]bool   // folded country names
	orgs       map[string]*orgRec
	orgByName  map[string]string // folded name -> key in orgs
	orgOrder   []string
	persons    map[string]string // folded name -> affiliation
	words      map[string]string // class \t folded phrase -> value
	given      map[string]int
	orgWords   map[string]bool // folded words that mark an organization name
	titleWords map[string]bool
	codeOrg    map[string]string // CAMEO code -> organization name
}

func (g *gen) path(p string) string { return filepath.Join(g.src, p) }

// countries reads GeoNames countryInfo for the ISO3 -> ISO2 map and the
// country names that must not become persons or organizations.
func (g *gen) countries() error {
	f, err := os.Open(g.path("geonames/countryInfo.txt"))
	if err != nil {
		return err
	}
	defer f.Close()
	g.iso3, g.countryKey = map[string]string{}, map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) < 5 {
			continue
		}
		g.iso3[c[1]] = c[0]
		g.countryKey[fold.Key(c[4])] = true
	}
	return sc.Err()
}

func (g *gen) readManual(path string) func() error {
	return func() error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		g.orgWords, g.titleWords = map[string]bool{}, map[string]bool{}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := sc.Text()
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			c := strings.Split(line, "\t")
			if len(c) < 2 {
				return fmt.Errorf("%s: bad line %q", path, line)
			}
			val := ""
			if len(c) > 2 {
				val = c[2]
			}
			if c[0] == "org" {
				cc, kind, _ := strings.Cut(val, "|")
				g.addOrg(kind, cc, strings.Split(c[1], "|"))
				continue
			}
			g.addWord(c[0], c[1], val)
			switch c[0] {
			case "orghead", "orgtail":
				g.orgWords[fold.Key(c[1])] = true
			case "titlehead", "honorific", "titlemod":
				g.titleWords[fold.Key(c[1])] = true
			}
		}
		return sc.Err()
	}
}

func (g *gen) addWord(class, phrase, val string) {
	k := fold.Key(phrase)
	if k == "" {
		return
	}
	key := class + "\t" + k
	if _, ok := g.words[key]; !ok || val != "" {
		g.words[key] = val
	}
}

// addOrg records an organization; names[0] is its display name. An
// organization that shares a name (not an acronym) with a known one is
// merged into it.
func (g *gen) addOrg(kind, country string, names []string) {
	var clean []string
	seen := map[string]bool{}
	for _, n := range names {
		n = strings.Join(strings.Fields(strings.ReplaceAll(n, "|", " ")), " ")
		k := fold.Key(n)
		if k == "" || seen[k] || g.countryKey[k] || len(k) < 2 || strings.ContainsAny(n, "()") {
			continue
		}
		seen[k] = true
		clean = append(clean, n)
	}
	if len(clean) == 0 {
		return
	}
	var r *orgRec
	allAcr := true
	for _, n := range clean {
		allAcr = allAcr && isCapsName(n)
	}
	for _, n := range clean {
		if isCapsName(n) && !allAcr {
			continue
		}
		if id, ok := g.orgByName[fold.Key(n)]; ok {
			r = g.orgs[id]
			break
		}
	}
	if r == nil {
		key := fold.Key(clean[0])
		if _, dup := g.orgs[key]; dup {
			key += "\x00" + fmt.Sprint(len(g.orgOrder))
		}
		r = &orgRec{key: key, kind: kind, country: country}
		g.orgs[key] = r
		g.orgOrder = append(g.orgOrder, key)
		for _, n := range clean {
			if _, ok := g.orgByName[fold.Key(n)]; !ok {
				g.orgByName[fold.Key(n)] = key
			}
		}
	} else {
		for _, n := range clean {
			if _, ok := g.orgByName[fold.Key(n)]; !ok {
				g.orgByName[fold.Key(n)] = r.key
			}
		}
	}
	have := map[string]bool{}
	for _, n := range r.names {
		have[fold.Key(n)] = true
	}
	for _, n := range clean {
		if !have[fold.Key(n)] {
			r.names = append(r.names, n)
			have[fold.Key(n)] = true
		}
	}
	if r.country == "" {
		r.country = country
	}
	if isCapsName(r.names[0]) && !isCapsName(clean[0]) {
		// a full name is a better display name than an acronym
		for i, n := range r.names {
			if n == clean[0] {
				r.names[0], r.names[i] = r.names[i], r.names[0]
			}
		}
	}
}

// isCapsName reports whether n is written in capitals (an acronym).
func isCapsName(n string) bool {
	return n == strings.ToUpper(n) && len(n) <= 8
}

// cameoEntry is one root phrase of a CAMEO dictionary with its synonyms,
// codes and comments.
type cameoEntry struct {
	root     string
	synonyms []string
	codes    []cameoCode
	comment  string
	section  string
}

type cameoCode struct {
	code  string
	dated bool
	open  bool // no end date
}

var codeRe = regexp.MustCompile(`\[([^\]]*)\]`)

// readCameo parses a TABARI/PETRARCH actor dictionary.
func readCameo(path string) ([]*cameoEntry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []*cameoEntry
	var cur *cameoEntry
	section := ""
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		raw := strings.ToValidUTF8(sc.Text(), "")
		if strings.HasPrefix(raw, "#####") || strings.HasPrefix(raw, "######") {
			section = strings.ToLower(strings.Trim(raw, "# "))
			continue
		}
		line, comment, _ := strings.Cut(raw, "#")
		if strings.TrimSpace(line) == "" {
			if cur != nil && comment != "" {
				cur.comment += " " + comment
			}
			continue
		}
		codes := parseCodes(line)
		phrase := strings.TrimSpace(codeRe.ReplaceAllString(line, ""))
		switch {
		case line[0] == ' ' || line[0] == '\t':
			if cur != nil {
				cur.codes = append(cur.codes, codes...)
				cur.comment += " " + comment
			}
		case line[0] == '+':
			if cur != nil {
				for _, p := range strings.Split(phrase, "+") {
					if p = strings.TrimSpace(p); p != "" {
						cur.synonyms = append(cur.synonyms, p)
					}
				}
				cur.codes = append(cur.codes, codes...)
			}
		default:
			parts := strings.Split(phrase, "+")
			cur = &cameoEntry{root: strings.TrimSpace(parts[0]), codes: codes, comment: comment, section: section}
			for _, p := range parts[1:] {
				if p = strings.TrimSpace(p); p != "" {
					cur.synonyms = append(cur.synonyms, p)
				}
			}
			out = append(out, cur)
		}
	}
	return out, sc.Err()
}

// parseCodes returns the bracketed codes of a dictionary line; it never
// returns an empty code.
func parseCodes(line string) []cameoCode {
	var out []cameoCode
	for _, m := range codeRe.FindAllStringSubmatch(line, -1) {
		f := strings.Fields(m[1])
		if len(f) == 0 {
			continue
		}
		c := cameoCode{code: strings.TrimPrefix(f[0], "~"), open: true}
		if c.code == "" {
			continue
		}
		if len(f) > 1 {
			c.dated = true
			d := f[1]
			c.open = strings.HasPrefix(d, ">") || !strings.Contains(d, "-")
		}
		out = append(out, c)
	}
	return out
}

var parenRe = regexp.MustCompile(`\(([^)]*)\)`)

// cameoName turns a CAMEO phrase into display form and returns any
// bracketed acronym: "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_" -> "Aden Abyan
// Islamic Army", "AAIA".
func cameoName(p string) (string, string) {
	acr := ""
	if m := parenRe.FindStringSubmatch(p); m != nil {
		acr = strings.Trim(m[1], "_ ")
		p = parenRe.ReplaceAllString(p, "")
	}
	p = strings.ReplaceAll(p, "_", " ")
	p = strings.Join(strings.Fields(p), " ")
	if strings.ContainsAny(p, "!{}") {
		return "", ""
	}
	return titleCase(p), acr
}

// titleCase makes an upper-case phrase readable; short all-letter words
// without vowels and acronyms stay upper case.
func titleCase(p string) string {
	words := strings.Fields(p)
	if len(words) == 1 && len(p) <= 4 {
		return p
	}
	small := map[string]bool{"OF": true, "THE": true, "AND": true, "FOR": true, "IN": true, "ON": true, "TO": true, "DE": true, "AL": true}
	for i, w := range words {
		if isAcronym(w) {
			continue
		}
		if i > 0 && small[w] {
			words[i] = strings.ToLower(w)
			continue
		}
		words[i] = capWord(w)
	}
	return strings.Join(words, " ")
}

func capWord(w string) string {
	var b strings.Builder
	up := true
	for _, r := range w {
		if up {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		up = r == '-' || r == '.' || r == '/'
	}
	return b.String()
}

// isAcronym guesses whether an upper-case CAMEO word is an acronym: no vowel,
// or dotted letters, or at most 4 letters that are not a common short word.
func isAcronym(w string) bool {
	letters := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return r
		}
		return -1
	}, w)
	if letters == "" {
		return false
	}
	if strings.Count(w, ".") >= 2 {
		return true
	}
	if !strings.ContainsAny(letters, "AEIOUY") {
		return true
	}
	return false
}

func (g *gen) isOrgName(name string) bool {
	for _, w := range strings.Fields(fold.Key(name)) {
		if g.orgWords[w] {
			return true
		}
	}
	return false
}

// hasTitleWord reports whether a name holds a title word.
func (g *gen) hasTitleWord(name string) bool {
	for _, w := range strings.Fields(fold.Key(name)) {
		if g.titleWords[w] {
			return true
		}
	}
	return false
}

// notPersonName reports whether a name holds a title or country word, so it
// is a description rather than a person's name.
func (g *gen) notPersonName(name string) bool {
	for _, w := range strings.Fields(fold.Key(name)) {
		if g.titleWords[w] || g.countryKey[w] {
			return true
		}
	}
	return false
}

// codeCountry returns the ISO2 code of the newest country-bearing code.
func (g *gen) codeCountry(codes []cameoCode) (string, string) {
	best, sector := "", ""
	for _, c := range codes {
		if len(c.code) < 3 {
			continue
		}
		iso2, ok := g.iso3[c.code[:3]]
		if !ok {
			continue
		}
		if best == "" || c.open {
			best, sector = iso2, c.code[3:]
		}
	}
	return best, sector
}

func sectorKind(sector string) string {
	switch {
	case strings.Contains(sector, "MED"):
		return "media"
	case strings.Contains(sector, "REB"), strings.Contains(sector, "INS"), strings.Contains(sector, "UAF"):
		return "armed"
	case strings.Contains(sector, "MIL"), strings.Contains(sector, "SPY"), strings.Contains(sector, "COP"),
		strings.Contains(sector, "GOV"), strings.Contains(sector, "JUD"), strings.Contains(sector, "LEG"):
		return "gov"
	case strings.Contains(sector, "OPP"), strings.Contains(sector, "PTY"):
		return "party"
	case strings.Contains(sector, "BUS"):
		return "company"
	case strings.Contains(sector, "EDU"):
		return "edu"
	}
	return "other"
}

func nameTokens(n string) int { return len(strings.Fields(fold.Key(n))) }

// cameoCountries takes persons (with their country) and country-level
// organizations from the country actors dictionary.
func (g *gen) cameoCountries() error {
	es, err := readCameo(g.path("cameo/Phoenix.Countries.actors.txt"))
	if err != nil {
		return err
	}
	for _, e := range es {
		name, acr := cameoName(e.root)
		if name == "" || g.countryKey[fold.Key(name)] {
			continue
		}
		cc, sector := g.codeCountry(e.codes)
		if cc == "" {
			continue
		}
		dated := false
		for _, c := range e.codes {
			dated = dated || c.dated
		}
		onlyCountry := len(e.codes) > 0
		for _, c := range e.codes {
			onlyCountry = onlyCountry && len(c.code) == 3
		}
		switch {
		case g.isOrgName(name):
			names := []string{name}
			if acr != "" {
				names = append(names, acr)
			}
			for _, s := range e.synonyms {
				if n, a := cameoName(s); n != "" && !g.hasTitleWord(n) && !g.personLike(n) {
					names = append(names, n)
					if a != "" {
						names = append(names, a)
					}
				}
			}
			g.addOrg(sectorKind(sector), cc, names)
		case strings.Contains(e.comment, "CountryInfo") || dated:
			if g.notPersonName(name) {
				continue
			}
			if n := nameTokens(name); n < 2 || n > 5 {
				continue
			}
			g.addPerson(name, cc)
			for _, s := range e.synonyms {
				if n, _ := cameoName(s); n != "" && !g.notPersonName(n) && nameTokens(n) >= 2 && nameTokens(n) <= 5 {
					g.addPerson(n, cc)
				}
			}
		case !onlyCountry && !g.hasTitleWord(name) && acr == "" && nameTokens(name) <= 4 && len(e.synonyms) < 3:
			g.addOrg(sectorKind(sector), cc, []string{name})
		}
	}
	return nil
}

func (g *gen) addPerson(name, aff string) {
	k := fold.Key(name)
	if _, ok := g.persons[k]; !ok {
		g.persons[k] = aff
	}
	if f := strings.Fields(k); len(f) >= 2 {
		for _, w := range f[:len(f)-1] {
			if len(w) > 1 {
				g.given[w]++
			}
		}
	}
}

// cameoInternational takes IGOs, NGOs, companies and media, and the persons
// of those organizations with the organization as affiliation.
func (g *gen) cameoInternational() error {
	es, err := readCameo(g.path("cameo/Phoenix.International.actors.txt"))
	if err != nil {
		return err
	}
	g.codeOrg = map[string]string{}
	type pending struct {
		name string
		code string
	}
	var persons []pending
	for _, e := range es {
		name, acr := cameoName(e.root)
		if name == "" {
			continue
		}
		name = strings.TrimPrefix(name, "The ")
		code := ""
		dated, eli := false, false
		for _, c := range e.codes {
			if c.dated {
				dated = true
			}
			if c.code == "ELI" {
				eli = true
			} else if code == "" {
				code = c.code
			}
		}
		kind := "other"
		switch {
		case strings.HasPrefix(code, "IGO"):
			kind = "igo"
		case strings.HasPrefix(code, "NGO"):
			kind = "ngo"
		case strings.HasPrefix(code, "MNC"):
			kind = "company"
		case strings.Contains(e.section, "media") || code == "MED":
			kind = "media"
		}
		if strings.Contains(code, "MED") {
			kind = "media"
		}
		cc := ""
		if len(code) >= 6 {
			cc = g.iso3[code[3:6]]
		}
		switch {
		case g.isOrgName(name) || kind == "media" || (!dated && !eli && !g.hasTitleWord(name) && !g.looksPerson(name)):
			names := []string{name}
			if acr != "" {
				names = append(names, acr)
			}
			for _, s := range e.synonyms {
				if n, a := cameoName(s); n != "" && !g.hasTitleWord(n) && !g.personLike(n) {
					names = append(names, strings.TrimPrefix(n, "The "))
					if a != "" {
						names = append(names, a)
					}
				}
			}
			g.addOrg(kind, cc, names)
			if code != "" {
				if _, ok := g.codeOrg[code]; !ok {
					g.codeOrg[code] = name // IGO codes name the parent body (IGOUNO)
				}
			}
		case (dated || eli) && !g.notPersonName(name) && nameTokens(name) >= 2 && nameTokens(name) <= 5:
			persons = append(persons, pending{name, code})
		}
	}
	for _, p := range persons {
		aff := g.orgOfCode(p.code)
		if aff == "" && len(p.code) >= 6 {
			aff = g.iso3[p.code[3:6]]
		}
		g.addPerson(p.name, aff)
		if aff != "" && len(aff) > 2 {
			// an international office outweighs the home country:
			// Ban Ki-moon speaks for the United Nations
			g.persons[fold.Key(p.name)] = aff
		}
	}
	return nil
}

// ambiguousCode marks a CAMEO code that several armed groups share
// (IMGMUSALQ: al-Qaeda, the Abu Nidal Organization, ...).
const ambiguousCode = "\x00"

// setCodeOrg records the organization of a CAMEO code; a code that a second
// organization also has becomes ambiguous.
func (g *gen) setCodeOrg(code, name string) {
	if old, ok := g.codeOrg[code]; ok && old != name {
		g.codeOrg[code] = ambiguousCode
		return
	}
	g.codeOrg[code] = name
}

// orgOfCode returns the one organization of a CAMEO code, or "" when there
// is none or several: a person of a shared code belongs to none of them.
func (g *gen) orgOfCode(code string) string {
	if o := g.codeOrg[code]; o != ambiguousCode {
		return o
	}
	return ""
}

// looksPerson reports whether a 2-4 word name starts with a known given name.
func (g *gen) looksPerson(name string) bool { return g.personLike(name) }

// cameoMilNonState takes the armed non-state groups; the persons listed
// among them become persons affiliated with their group.
func (g *gen) cameoMilNonState() error {
	es, err := readCameo(g.path("cameo/Phoenix.MilNonState.actors.txt"))
	if err != nil {
		return err
	}
	type pending struct{ name, code string }
	var persons []pending
	for _, e := range es {
		name, acr := cameoName(e.root)
		if name == "" {
			continue
		}
		code, dated := "", false
		for _, c := range e.codes {
			dated = dated || c.dated
			if code == "" {
				code = c.code
			}
		}
		if !g.isOrgName(name) && (strings.HasSuffix(e.root, "__") || dated || g.personLike(name)) {
			persons = append(persons, pending{name, code})
			for _, s := range e.synonyms {
				if n, _ := cameoName(s); n != "" && nameTokens(n) >= 2 {
					persons = append(persons, pending{n, code})
				}
			}
			continue
		}
		cc, _ := g.codeCountry(e.codes)
		names := []string{name}
		if acr != "" {
			names = append(names, acr)
		}
		for _, s := range e.synonyms {
			if n, a := cameoName(s); n != "" && !g.personLike(n) {
				names = append(names, n)
				if a != "" {
					names = append(names, a)
				}
			}
		}
		g.addOrg("armed", cc, names)
		if code != "" {
			g.setCodeOrg(code, name)
		}
	}
	for _, p := range persons {
		if !g.notPersonName(p.name) && nameTokens(p.name) >= 2 && nameTokens(p.name) <= 5 {
			g.addPerson(p.name, g.orgOfCode(p.code))
		}
	}
	return nil
}

// personLike reports whether a name looks like a person's: a known given
// name or a kunya/honorific first word, and no organization word.
func (g *gen) personLike(name string) bool {
	f := strings.Fields(fold.Key(name))
	if len(f) < 2 || len(f) > 5 || g.isOrgName(name) {
		return false
	}
	for _, w := range f[1:] {
		if w == "bin" || w == "ibn" || w == "ben" {
			return true
		}
	}
	switch f[0] {
	case "abu", "sheikh", "sheik", "mullah", "maulana", "mohammed", "muhammad", "mohammad", "ahmed", "abdul", "abdullah":
		return true
	}
	return g.given[f[0]] >= 2
}

// ucdp takes the formally and informally organised non-state actors.
func (g *gen) ucdp() error {
	gw := map[string]string{}
	f, err := os.Open(g.path("ucdp/gwno_to_iso2.derived.tsv"))
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if c := strings.Split(sc.Text(), "\t"); len(c) >= 2 && !strings.HasPrefix(c[0], "#") {
			gw[c[0]] = c[1]
		}
	}
	f.Close()
	f, err = os.Open(g.path("ucdp/ucdp-actor-221.csv"))
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return err
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimPrefix(h, "\ufeff")] = i
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if org := get(rec, "Org"); org != "1" && org != "2" {
			continue
		}
		var names []string
		for _, c := range []string{"NameData", "NameOrig", "NameOrigFull", "NameOrigFullEng", "NewName", "NewNameFullMotherTongue", "NewNameFullEng"} {
			for _, n := range strings.Split(get(rec, c), ",") {
				n = strings.TrimSpace(n)
				if n == "" || n == "n/a" || strings.Contains(n, " - ") {
					continue
				}
				names = append(names, n)
			}
		}
		cc := ""
		if locs := strings.Split(get(rec, "GWNOLoc"), ","); len(locs) == 1 {
			cc = gw[strings.TrimSpace(locs[0])]
		}
		// the full original name is the best display name when there is one
		if full := get(rec, "NameOrigFull"); full != "" && full != "n/a" && !strings.Contains(full, " - ") {
			names = append([]string{full}, names...)
		}
		g.addOrg("armed", cc, names)
	}
	return nil
}

func readTSV(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, strings.Split(line, "\t"))
	}
	return out, sc.Err()
}

func (g *gen) newsAgencies() error {
	rows, err := readTSV(g.path("curated/news_agencies.seed.tsv"))
	if err != nil {
		return err
	}
	for _, c := range rows {
		names := []string{c[0]}
		if len(c) > 1 && c[1] != "" {
			names = append(names, strings.Split(c[1], "|")...)
		}
		cc := ""
		if len(c) > 2 {
			cc = c[2]
		}
		g.addOrg("media", cc, names)
	}
	return nil
}

// govBodies keeps the government-body patterns; "{C}" stands for a country
// or demonym and is written as "c" in the folded phrase.
func (g *gen) govBodies() error {
	rows, err := readTSV(g.path("curated/government_bodies.seed.tsv"))
	if err != nil {
		return err
	}
	for _, c := range rows {
		cat := ""
		if len(c) > 1 {
			cat = c[1]
		}
		for _, p := range strings.Split(c[0], "|") {
			p = strings.ReplaceAll(p, "{C}", "C")
			g.addWord("govbody", p, cat)
		}
	}
	return nil
}

func (g *gen) roleSeeds() error {
	rows, err := readTSV(g.path("curated/actor_roles.seed.tsv"))
	if err != nil {
		return err
	}
	for _, c := range rows {
		cat := ""
		if len(c) > 1 {
			cat = c[1]
		}
		for _, p := range strings.Split(c[0], "|") {
			g.addWord("role", p, cat)
			f := strings.Fields(fold.Key(p))
			// a one-word role is a role noun; plural collective words
			// (officials, troops) are not the role of one person
			if len(f) == 1 && !strings.HasSuffix(f[0], "s") && f[0] != "police" && f[0] != "military" {
				g.addWord("rolehead", f[0], "")
			}
		}
	}
	return nil
}

func (g *gen) xponents() error {
	rd := func(p string) ([]string, error) {
		b, err := os.ReadFile(g.path(p))
		if err != nil {
			return nil, err
		}
		return strings.Fields(string(b)), nil
	}
	titles, err := rd("xponents/person-title-filter.txt")
	if err != nil {
		return err
	}
	for _, t := range titles {
		g.addWord("title", t, "")
	}
	sufs, err := rd("xponents/person-suffix-filter.txt")
	if err != nil {
		return err
	}
	for _, s := range sufs {
		g.addWord("suffix", s, "")
	}
	rows, err := os.ReadFile(g.path("xponents/non-placenames.csv"))
	if err != nil {
		return err
	}
	for _, line := range strings.Split(string(rows), "\n")[1:] {
		w, cat, ok := strings.Cut(strings.TrimSpace(line), ",")
		if !ok {
			continue
		}
		switch cat {
		case "person.label", "person.label.rank", "person.label.mideast":
			if !strings.Contains(w, " ") && len(w) > 3 && !strings.HasSuffix(w, "s") {
				g.addWord("rolehead", w, "")
			}
		case "month", "weekday", "holiday":
			g.addWord("stopcap", w, "")
		}
	}
	return nil
}

// agents adds single-word person nouns of the CAMEO agents dictionary as
// role heads.
func (g *gen) agents() error {
	f, err := os.Open(g.path("cameo/Phoenix.agents.txt"))
	if err != nil {
		return err
	}
	defer f.Close()
	personSuffix := []string{"er", "or", "ist", "ian", "man", "woman", "person", "ant", "ent", "ee", "ier", "ary", "eur"}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		phrase := strings.TrimSpace(codeRe.ReplaceAllString(line, ""))
		phrase = strings.TrimSpace(strings.Split(phrase, "{")[0])
		if phrase == "" || strings.ContainsAny(phrase, "!=_ ") || strings.HasPrefix(phrase, "+") {
			continue
		}
		w := strings.ToLower(phrase)
		if strings.HasSuffix(w, "ment") || strings.HasSuffix(w, "ery") || strings.HasSuffix(w, "ary") && !strings.HasSuffix(w, "tary") {
			continue // government, artillery, military
		}
		for _, s := range personSuffix {
			if strings.HasSuffix(w, s) && len(w) > len(s)+2 {
				g.addWord("rolehead", w, "")
				break
			}
		}
	}
	return sc.Err()
}

// gum adds the first names of multi-word person names annotated in GUM,
// leaving out the news genre (it overlaps the evaluation corpus) and the
// share-alike genres bio and voyage (CC BY-SA 3.0), so that the embedded
// tables carry only CC BY terms.
func (g *gen) gum() error {
	f, err := os.Open(g.path("gum-ner/ner.jsonl"))
	if err != nil {
		return err
	}
	defer f.Close()
	type span struct {
		TokStart int    `json:"tok_start"`
		TokEnd   int    `json:"tok_end"`
		Label    string `json:"label"`
		Named    bool   `json:"named"`
		Plural   bool   `json:"plural"`
	}
	type sent struct {
		Genre  string   `json:"genre"`
		Tokens []string `json:"tokens"`
		Spans  []span   `json:"spans"`
	}
	lower := map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		var s sent
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			return err
		}
		if s.Genre == "news" || s.Genre == "bio" || s.Genre == "voyage" {
			continue
		}
		for _, t := range s.Tokens {
			if isLowerWord(t) {
				lower[t]++
			}
		}
		for _, sp := range s.Spans {
			if sp.Label != "PERSON" || !sp.Named || sp.Plural || sp.TokEnd-sp.TokStart < 2 || sp.TokEnd > len(s.Tokens) {
				continue
			}
			first := s.Tokens[sp.TokStart]
			if r := []rune(first); len(r) < 2 || !unicode.IsUpper(r[0]) || strings.Contains(first, ".") {
				continue
			}
			g.given[fold.Key(first)] += 2
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	// common words: written in lower case at least twice
	for w, n := range lower {
		if n >= 2 {
			g.addWord("common", w, "")
		}
	}
	return nil
}

// isLowerWord reports whether t is a lower-case word of at least two
// letters (hyphens allowed inside).
func isLowerWord(t string) bool {
	if len(t) < 2 {
		return false
	}
	for i, r := range t {
		switch {
		case r >= 'a' && r <= 'z':
		case r == '-' && i > 0 && i < len(t)-1:
		default:
			return false
		}
	}
	return true
}

func (g *gen) write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	// organizations
	var orgLines []string
	for _, k := range g.orgOrder {
		r := g.orgs[k]
		orgLines = append(orgLines, r.kind+"\t"+r.country+"\t"+strings.Join(r.names, "|"))
	}
	sort.Strings(orgLines)
	if err := writeLines(filepath.Join(dir, "orgs.tsv"), "kind\tcountry\tname|aliases", orgLines); err != nil {
		return err
	}
	// persons
	var pLines []string
	for k, a := range g.persons {
		pLines = append(pLines, k+"\t"+a)
	}
	sort.Strings(pLines)
	if err := writeLines(filepath.Join(dir, "persons.tsv"), "folded name\taffiliation (ISO2 or organization)", pLines); err != nil {
		return err
	}
	// last names with the affiliation all their persons share ("*" when
	// they differ)
	sn := map[string]string{}
	for k, a := range g.persons {
		i := strings.LastIndexByte(k, ' ')
		if i < 0 {
			continue
		}
		w := k[i+1:]
		if old, ok := sn[w]; !ok {
			sn[w] = a
		} else if old != a {
			sn[w] = "*"
		}
	}
	var sLines []string
	for w, a := range sn {
		sLines = append(sLines, w+"\t"+a)
	}
	sort.Strings(sLines)
	if err := writeLines(filepath.Join(dir, "surnames.tsv"), "folded last name\tshared affiliation (* when they differ)", sLines); err != nil {
		return err
	}
	// given names: seen at least twice, not a title or country word
	var gLines []string
	for k, n := range g.given {
		if n < 2 || len(k) < 2 || g.titleWords[k] || g.countryKey[k] || g.orgWords[k] {
			continue
		}
		skip := false
		for _, c := range []string{"notgiven", "relig", "particle", "stopcap", "nonactor", "suffix", "govnoun"} {
			if _, ok := g.words[c+"\t"+k]; ok {
				skip = true
			}
		}
		if skip {
			continue
		}
		gLines = append(gLines, k)
	}
	sort.Strings(gLines)
	if err := writeLines(filepath.Join(dir, "given.txt"), "folded given name", gLines); err != nil {
		return err
	}
	var wLines []string
	for k := range g.words {
		if class, w, _ := strings.Cut(k, "\t"); class == "rolehead" {
			if _, bad := g.words["notrole\t"+w]; bad {
				delete(g.words, k)
			}
		}
	}
	for k, v := range g.words {
		wLines = append(wLines, k+"\t"+v)
	}
	sort.Strings(wLines)
	return writeLines(filepath.Join(dir, "words.tsv"), "class\tfolded phrase\tvalue", wLines)
}

func writeLines(path, header string, lines []string) error {
	var b strings.Builder
	b.WriteString("# generated by go run ./pkg/lexicon/gen; do not edit. Columns: " + header + "\n")
	for _, l := range lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
