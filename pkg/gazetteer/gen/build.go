package main

import (
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/newsdesk/extractor/pkg/fold"
)

// Name flags, strongest first. A key keeps the strongest flag per entity.
const (
	flagMain     = 'n' // GeoNames name or ASCII name, curated name
	flagThe      = 't' // matches only after "the" ("the Gulf")
	flagCaps     = 'c' // matches only text in capitals ("US", "UK")
	flagVariant  = 'v' // curated alias, NGA variant
	flagAlternat = 'a' // GeoNames alternate name
	flagLoose    = 'l' // fold.Loose form of a name
)

func flagRank(f byte) int { return strings.IndexByte("ntcval", f) }

// entity is one row of entities.tsv; its index is its id.
type entity struct {
	kind     string
	gid      int64
	name     string
	country  string
	admin1   string
	fcode    string
	pop      int64
	lat, lon float64
	hasCoord bool
}

type country struct {
	iso2, iso3, name, capital string
	gid, pop                  int64
	neighbours                string
	aliases, demonyms         []string
	ent                       int
}

// tables is everything gen writes.
type tables struct {
	ents      []entity
	names     map[string]map[int]byte
	countries []*country
	demonyms  map[string]string // display form -> ISO2
	regional  [][2]string       // forms, targets
	stop      map[string]string // folded word -> category
	groups    map[string]bool   // folded names of armed and identity groups (UCDP)
}

func (t *tables) addName(name string, id int, f byte) {
	key := fold.Key(name)
	if key == "" {
		return
	}
	if f != flagThe && strings.HasPrefix(key, "the ") {
		// "The Hague" is also written "the Hague"; "The Valley" is not
		// "valley".
		t.addKey(key, id, f)
		key = strings.TrimPrefix(key, "the ")
		if genericWord(key) || t.stop[key] != "" {
			return
		}
		if f == flagMain {
			f = flagVariant
		}
	}
	if f == flagThe {
		key = strings.TrimPrefix(key, "the ")
	}
	t.addKey(key, id, f)
}

func (t *tables) addKey(key string, id int, f byte) {
	m := t.names[key]
	if m == nil {
		m = map[int]byte{}
		t.names[key] = m
	}
	if old, ok := m[id]; !ok || flagRank(f) < flagRank(old) {
		m[id] = f
	}
}

// addLoose indexes the loose form of name when it differs and is specific.
func (t *tables) addLoose(name string, id int) {
	key := fold.Key(name)
	l := fold.Loose(key)
	if l == "" || l == key || len(l) < 3 || genericWord(l) || t.stop[l] != "" {
		return
	}
	t.addKey(l, id, flagLoose)
}

// genericWord reports words that name many units in many countries and are
// not safe as a name on their own.
func genericWord(key string) bool {
	switch key {
	case "central", "western", "eastern", "northern", "southern", "north", "south", "east", "west",
		"capital", "coast", "coastal", "lakes", "islands", "island", "valley", "highlands", "lowlands",
		"upper", "lower", "middle", "border", "frontier", "national", "federal", "metropolitan",
		"north east", "north west", "south east", "south west", "northeast", "northwest", "southeast",
		"southwest", "north eastern", "north western", "south eastern", "south western", "centre", "center",
		"city", "town", "new", "old", "great", "greater", "mountain", "mountains", "river", "sea", "bay",
		"plains", "interior", "littoral", "autonomous", "special", "union", "free", "unity", "lake":
		return true
	}
	return false
}

func open(src, rel string) (io.ReadCloser, error) {
	f, err := os.Open(filepath.Join(src, rel))
	if err != nil {
		return nil, err
	}
	if !strings.HasSuffix(rel, ".gz") {
		return f, nil
	}
	z, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", rel, err)
	}
	return struct {
		io.Reader
		io.Closer
	}{z, f}, nil
}

// eachLine calls fn with the tab-split fields of every non-comment line.
func eachLine(src, rel string, fn func(f []string) error) error {
	r, err := open(src, rel)
	if err != nil {
		return err
	}
	defer r.Close()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("%s:%d: %w", rel, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", rel, err)
	}
	return nil
}

func atoi(s string) int64 {
	n, _ := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	return n
}

func atof(s string) (float64, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return f, err == nil
}

func distKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

// build reads the reference data in src.
func build(src string) (*tables, error) {
	t := &tables{names: map[string]map[int]byte{}, demonyms: map[string]string{}, stop: map[string]string{},
		groups: map[string]bool{}}
	if err := t.readStop(src); err != nil {
		return nil, err
	}
	if err := t.readGroups(src); err != nil {
		return nil, err
	}
	iso3, err := t.readCountries(src)
	if err != nil {
		return nil, err
	}
	if err := t.readAdmin1(src); err != nil {
		return nil, err
	}
	if err := t.readAdmin2(src); err != nil {
		return nil, err
	}
	if err := t.readCities(src); err != nil {
		return nil, err
	}
	t.addCurated()
	if err := t.readDemonyms(src, iso3); err != nil {
		return nil, err
	}
	if err := t.readRegional(src); err != nil {
		return nil, err
	}
	t.countryCoords()
	return t, nil
}

func (t *tables) readStop(src string) error {
	r, err := open(src, "xponents/non-placenames.csv")
	if err != nil {
		return err
	}
	defer r.Close()
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") || line == "exclusion,category" {
			continue
		}
		i := strings.LastIndexByte(line, ',')
		if i <= 0 {
			continue
		}
		if k := fold.Key(line[:i]); k != "" {
			t.stop[k] = line[i+1:]
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	// News agencies: their names are often also places (Xinhua, Fars).
	err = eachLine(src, "curated/news_agencies.seed.tsv", func(x []string) error {
		names := []string{x[0]}
		if len(x) > 1 {
			names = append(names, strings.Split(x[1], "|")...)
		}
		for _, n := range names {
			if k := fold.Key(n); k != "" && t.stop[k] == "" {
				t.stop[k] = "org.agency"
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, f := range []struct{ rel, cat string }{
		{"xponents/person-title-filter.txt", "person.title"},
		{"xponents/person-suffix-filter.txt", "person.suffix"},
	} {
		err := eachLine(src, f.rel, func(x []string) error {
			if k := fold.Key(x[0]); k != "" && t.stop[k] == "" {
				t.stop[k] = f.cat
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// readGroups reads the names of UCDP non-state actors (rebel, informal and
// identity groups), which no place may have as an alternate name (Hamm's
// "Hamas").
func (t *tables) readGroups(src string) error {
	r, err := open(src, "ucdp/ucdp-actor-221.csv")
	if err != nil {
		return err
	}
	defer r.Close()
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return fmt.Errorf("ucdp: %w", err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimPrefix(h, "\ufeff")] = i
	}
	org, name, orig := col["Org"], col["NameData"], col["NameOrig"]
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("ucdp: %w", err)
		}
		if org >= len(rec) || rec[org] == "4" {
			continue // governments
		}
		for _, i := range []int{name, orig} {
			if i < len(rec) {
				if k := fold.Key(rec[i]); k != "" && strings.Count(k, " ") < 3 {
					t.groups[k] = true
				}
			}
		}
	}
}

func (t *tables) readCountries(src string) (map[string]string, error) {
	iso3 := map[string]string{}
	fixes := map[string]countryFix{}
	for _, f := range countryFixes {
		fixes[f.iso2] = f
	}
	err := eachLine(src, "geonames/countryInfo.txt", func(f []string) error {
		if len(f) < 17 {
			return fmt.Errorf("countryInfo: %d fields", len(f))
		}
		c := &country{iso2: f[0], iso3: f[1], name: strings.TrimSpace(f[4]), capital: f[5], pop: atoi(f[7]), gid: atoi(f[16])}
		if len(f) > 17 {
			c.neighbours = f[17]
		}
		geoName := c.name
		fx, ok := fixes[c.iso2]
		if ok && fx.name != "" {
			c.name = fx.name
		}
		if geoName != c.name {
			c.aliases = append(c.aliases, geoName)
		}
		if ok {
			c.aliases = append(c.aliases, fx.aliases...)
		}
		iso3[c.iso3] = c.iso2
		t.addCountry(c)
		return nil
	})
	for _, fc := range formerCountries {
		c := &country{iso2: fc.iso2, iso3: fc.iso3, name: fc.name, aliases: fc.aliases}
		iso3[c.iso3] = c.iso2
		t.addCountry(c)
		for _, d := range fc.demonyms {
			t.demonyms[d] = fc.iso2
		}
	}
	return iso3, err
}

func (t *tables) addCountry(c *country) {
	c.ent = len(t.ents)
	t.ents = append(t.ents, entity{kind: "country", gid: c.gid, name: c.name, country: c.iso2, pop: c.pop})
	t.countries = append(t.countries, c)
	t.addName(c.name, c.ent, flagMain)
	for _, a := range c.aliases {
		f := byte(flagVariant)
		switch {
		case strings.HasPrefix(a, "the "):
			f = flagThe
		case fold.AllCaps(a) > 0:
			f = flagCaps
		}
		t.addName(a, c.ent, f)
	}
}

type admin1Coord struct {
	lat, lon float64
	name     string
}

func (t *tables) readAdmin1(src string) error {
	coords := map[string]admin1Coord{}
	err := eachLine(src, "admin1_variants/geonames_admin1_mapping.csv", func(f []string) error {
		if len(f) < 5 || f[0] == "ADM1" {
			return nil
		}
		lat, ok1 := atof(f[2])
		lon, ok2 := atof(f[3])
		if ok1 && ok2 {
			coords[f[0]] = admin1Coord{lat, lon, f[4]}
		}
		return nil
	})
	if err != nil {
		return err
	}
	ids := map[string]int{}
	err = eachLine(src, "geonames/admin1CodesASCII.txt", func(f []string) error {
		if len(f) < 4 {
			return fmt.Errorf("admin1: %d fields", len(f))
		}
		code := f[0]
		cc, _, _ := strings.Cut(code, ".")
		e := entity{kind: "admin1", gid: atoi(f[3]), name: f[1], country: cc, admin1: code}
		if c, ok := coords[code]; ok {
			e.lat, e.lon, e.hasCoord = c.lat, c.lon, true
		}
		id := len(t.ents)
		t.ents = append(t.ents, e)
		ids[code] = id
		t.addName(f[1], id, flagMain)
		t.addName(f[2], id, flagMain)
		t.addLoose(f[1], id)
		t.addLoose(f[2], id)
		return nil
	})
	if err != nil {
		return err
	}
	return t.readNGA(src, ids)
}

// readNGA adds the NGA name variants of admin-1 codes whose NGA entry lies
// within 150 km of the GeoNames one or shares a name with it.
func (t *tables) readNGA(src string, ids map[string]int) error {
	type ngaCode struct {
		lat, lon float64
		names    []string
	}
	codes := map[string]*ngaCode{}
	var order []string
	err := eachLine(src, "admin1_variants/nga_2021_admin1_mapping.csv", func(f []string) error {
		if len(f) < 5 {
			return nil
		}
		c := codes[f[0]]
		if c == nil {
			lat, _ := atof(f[2])
			lon, _ := atof(f[3])
			c = &ngaCode{lat: lat, lon: lon}
			codes[f[0]] = c
			order = append(order, f[0])
		}
		c.names = append(c.names, f[4])
		return nil
	})
	if err != nil {
		return err
	}
	for _, code := range order {
		id, ok := ids[code]
		if !ok {
			continue
		}
		c, e := codes[code], t.ents[ids[code]]
		pass := e.hasCoord && distKm(c.lat, c.lon, e.lat, e.lon) <= 150
		gk, gl := fold.Key(e.name), fold.Loose(fold.Key(e.name))
		for _, n := range c.names {
			k := fold.Key(n)
			if k == gk || (gl != "" && fold.Loose(k) == gl) {
				pass = true
			}
		}
		if !pass {
			continue
		}
		for _, n := range c.names {
			k := fold.Key(n)
			if !fold.IsLatin(n) || len(k) < 3 || genericWord(k) || t.stop[k] != "" {
				continue
			}
			t.addName(n, id, flagVariant)
			t.addLoose(n, id)
		}
	}
	return nil
}

func (t *tables) readAdmin2(src string) error {
	return eachLine(src, "geonames/admin2Codes.txt", func(f []string) error {
		if len(f) < 4 {
			return fmt.Errorf("admin2: %d fields", len(f))
		}
		parts := strings.SplitN(f[0], ".", 3)
		if len(parts) < 3 {
			return nil
		}
		id := len(t.ents)
		t.ents = append(t.ents, entity{kind: "admin2", gid: atoi(f[3]), name: f[1], country: parts[0], admin1: parts[0] + "." + parts[1]})
		for _, n := range []string{f[1], f[2]} {
			k := fold.Key(n)
			if len(k) < 3 || genericWord(k) {
				continue
			}
			t.addName(n, id, flagMain)
			t.addLoose(n, id)
		}
		return nil
	})
}

type city struct {
	entity
	ascii string
	alts  []string
}

func (t *tables) readCities(src string) error {
	var cities []city
	err := eachLine(src, "geonames/cities15000.txt.gz", func(f []string) error {
		if len(f) < 15 {
			return fmt.Errorf("cities: %d fields", len(f))
		}
		c := city{entity: entity{kind: "city", gid: atoi(f[0]), name: f[1], country: f[8], fcode: f[7], pop: atoi(f[14])}, ascii: f[2]}
		if f[10] != "" {
			c.admin1 = f[8] + "." + f[10]
		}
		lat, ok1 := atof(f[4])
		lon, ok2 := atof(f[5])
		c.lat, c.lon, c.hasCoord = lat, lon, ok1 && ok2
		if f[3] != "" {
			c.alts = strings.Split(f[3], ",")
		}
		cities = append(cities, c)
		return nil
	})
	if err != nil {
		return err
	}
	sort.SliceStable(cities, func(i, j int) bool { return cities[i].gid < cities[j].gid })
	// The most populous city that has a key as its main name, and the keys
	// taken by countries and admin-1 units, are not given to other places
	// as alternate names (Tīrān has "Tehran", Salerno "Irna").
	mainPop := map[string]int64{}
	for _, c := range cities {
		for _, n := range []string{c.name, c.ascii} {
			k := fold.Key(n)
			if p, ok := mainPop[k]; !ok || c.pop > p {
				mainPop[k] = c.pop
			}
		}
	}
	reserved := map[string]string{}     // key -> "country" or "admin1"
	reservedA1 := map[string][]string{} // key -> admin-1 codes of that name
	for key, m := range t.names {
		for id := range m {
			switch e := t.ents[id]; {
			case e.kind == "country":
				reserved[key] = "country"
			case e.kind == "admin1" && m[id] == flagMain:
				if reserved[key] == "" {
					reserved[key] = "admin1"
				}
				reservedA1[key] = append(reservedA1[key], e.admin1)
			}
		}
	}
	for _, c := range cities {
		id := len(t.ents)
		t.ents = append(t.ents, c.entity)
		t.addName(c.name, id, flagMain)
		t.addName(c.ascii, id, flagMain)
		t.addLoose(c.name, id)
		own := map[string]bool{fold.Key(c.name): true, fold.Key(c.ascii): true}
		for _, a := range c.alts {
			k := fold.Key(a)
			if own[k] || !keepAlternate(a, k) || t.stop[k] != "" || t.groups[k] || genericWord(k) {
				continue
			}
			if p, ok := mainPop[k]; ok && p > c.pop {
				continue
			}
			// An admin-1 unit's name is left to the unit, except for the
			// unit's own seat (Genève is "Geneva" in canton Geneva).
			if r := reserved[k]; r == "country" || (r == "admin1" && c.pop < 1000000 && !slices.Contains(reservedA1[k], c.admin1)) {
				continue
			}
			own[k] = true
			t.addName(a, id, flagAlternat)
		}
	}
	return nil
}

// keepAlternate reports whether a GeoNames alternate name is a usable
// English-text name: Latin script, capitalised, not a code in capitals,
// at least three letters, no digits.
func keepAlternate(a, key string) bool {
	if len(key) < 3 || !fold.IsLatin(a) || fold.AllCaps(a) > 0 {
		return false
	}
	first := true
	for _, r := range a {
		if unicode.IsDigit(r) {
			return false
		}
		if first {
			if !unicode.IsUpper(r) {
				return false
			}
			first = false
		}
	}
	return true
}

func (t *tables) addCurated() {
	for _, p := range curatedPlaces {
		id := len(t.ents)
		t.ents = append(t.ents, entity{kind: p.kind, name: p.name, country: p.country})
		f := byte(flagMain)
		if strings.HasPrefix(p.name, "the ") {
			f = flagThe
		}
		t.addName(p.name, id, f)
		for _, a := range p.aliases {
			f := byte(flagVariant)
			if strings.HasPrefix(a, "the ") {
				f = flagThe
			}
			t.addName(a, id, f)
		}
	}
}

// readDemonyms merges the demonym lists: the curated fixes win, then
// Mordecai, then Xponents (first code).
func (t *tables) readDemonyms(src string, iso3 map[string]string) error {
	seen := map[string]bool{}
	set := func(word, code string) {
		word = strings.TrimSpace(word)
		k := fold.Key(word)
		if k == "" || code == "" || seen[k] {
			return
		}
		seen[k] = true
		t.demonyms[word] = code
	}
	for d := range t.demonyms {
		seen[fold.Key(d)] = true
	}
	words := make([]string, 0, len(demonymFix))
	for w := range demonymFix {
		words = append(words, w)
	}
	sort.Strings(words)
	for _, w := range words {
		set(w, demonymFix[w])
	}
	err := eachLine(src, "demonyms/mordecai_nat_df.csv", func(f []string) error {
		line := strings.Join(f, "\t")
		i := strings.LastIndexByte(line, ',')
		if i <= 0 || strings.HasPrefix(line, "nationality,") {
			return nil
		}
		set(line[:i], iso3[strings.TrimSpace(line[i+1:])])
		return nil
	})
	if err != nil {
		return err
	}
	return eachLine(src, "demonyms/xponents_nationalities.csv", func(f []string) error {
		line := strings.Join(f, "\t")
		i := strings.LastIndexByte(line, ',')
		if i <= 0 {
			return nil
		}
		code, _, _ := strings.Cut(strings.TrimSpace(line[i+1:]), ";")
		set(titleCase(line[:i]), iso3[code])
		return nil
	})
}

func titleCase(s string) string {
	out := []rune(s)
	up := true
	for i, r := range out {
		if up {
			out[i] = unicode.ToUpper(r)
		}
		up = r == ' ' || r == '-'
	}
	return string(out)
}

func (t *tables) readRegional(src string) error {
	return eachLine(src, "curated/regional_demonyms.seed.tsv", func(f []string) error {
		if len(f) < 3 {
			return nil
		}
		t.regional = append(t.regional, [2]string{f[0], f[2]})
		return nil
	})
}

// countryCoords gives each country the mean of its admin-1 centroids, or
// its capital's coordinates.
func (t *tables) countryCoords() {
	type acc struct {
		lat, lon float64
		n        int
	}
	sum := map[string]*acc{}
	capital := map[string]entity{}
	for _, e := range t.ents {
		switch {
		case e.kind == "admin1" && e.hasCoord:
			a := sum[e.country]
			if a == nil {
				a = &acc{}
				sum[e.country] = a
			}
			a.lat += e.lat
			a.lon += e.lon
			a.n++
		case e.kind == "city" && e.fcode == "PPLC":
			capital[e.country] = e
		}
	}
	for _, c := range t.countries {
		e := &t.ents[c.ent]
		if a := sum[c.iso2]; a != nil && a.n > 0 {
			e.lat, e.lon, e.hasCoord = a.lat/float64(a.n), a.lon/float64(a.n), true
		} else if cap, ok := capital[c.iso2]; ok {
			e.lat, e.lon, e.hasCoord = cap.lat, cap.lon, true
		}
	}
}
