// Package gazetteer holds the embedded place and country tables generated
// from ../shared/data by ./gen (go generate). Load once; safe for concurrent use.
//
// Contains geographical data from GeoNames (https://www.geonames.org/),
// licensed under CC BY 4.0, modified: filtered and re-indexed; admin-1 name
// variants from the NGA GEOnet Names Server (via OpenSextant Xponents,
// Apache-2.0); demonyms from Mordecai (MIT) and Xponents; the Xponents
// non-place-name filter.
package gazetteer

//go:generate go run ./gen -src ../../../shared/data -out data

import (
	"math"
	"sort"
	"strings"

	"github.com/newsdesk/extractor/pkg/fold"
)

// Location kinds of Place.Kind (the GUIDELINES kinds).
const (
	KindCountry  = "country"
	KindAdmin1   = "admin1"
	KindAdmin2   = "admin2"
	KindCity     = "city"
	KindRegion   = "region"
	KindFeature  = "feature"
	KindFacility = "facility"
)

// Country is one country of the GeoNames country table.
type Country struct {
	ISO2      string
	ISO3      string
	Name      string // common English short name: "Iran", "United States"
	Capital   string // "Tehran"
	GeonameID int64
	Lat, Lon  float64
	Aliases   []string // other names: "Islamic Republic of Iran", "U.S.", "Britain"
	Demonyms  []string // "Iranian", "Pakistani"

	Population int64 // addition beyond the shared API
}

// Place is one gazetteer entry. Kind is a GUIDELINES location kind:
// country, admin1, admin2, city, region, feature, facility.
type Place struct {
	GeonameID  int64
	Name       string // GeoNames preferred English name
	Kind       string
	Country    string // ISO alpha-2
	Admin1     string // "IR.04"
	Admin1Name string
	Lat, Lon   float64
	Population int64

	// Additions beyond the shared API.
	ID          int    // entity id, unique within one Gazetteer
	FeatureCode string // GeoNames feature code of cities: PPLC, PPLA, PPL, ...
	HasCoord    bool   // Lat and Lon are known
}

// NameFlag tells how a name denotes a place.
type NameFlag byte

// Name flags, strongest first.
const (
	FlagMain      NameFlag = 'n' // the place's own (GeoNames or curated) name
	FlagThe       NameFlag = 't' // the name only counts after "the" ("the Gulf")
	FlagCaps      NameFlag = 'c' // the name only counts in capitals ("US", "UK")
	FlagVariant   NameFlag = 'v' // an alias or an NGA name variant
	FlagAlternate NameFlag = 'a' // a GeoNames alternate name
	FlagLoose     NameFlag = 'l' // the name without connectors and unit words
)

// Candidate is a place that a folded name may denote, and how.
type Candidate struct {
	Place
	Flag NameFlag
}

// Prior is the context-free score of a candidate: countries first, then
// curated regions and features, admin-1 units, cities by population and
// rank (capitals and admin-1 seats up), admin-2 units; weaker name kinds
// score lower.
func (c Candidate) Prior() float64 {
	var s float64
	switch c.Kind {
	case KindCountry:
		s = 150 + math.Log10(float64(c.Population)+10)/10
	case KindRegion, KindFeature, KindFacility:
		s = 130
	case KindAdmin1:
		s = 62
	case KindAdmin2:
		s = 40
	default:
		s = 20 + 8*math.Log10(math.Max(float64(c.Population), 1000))
		switch c.FeatureCode {
		case "PPLC", "PPLG":
			s += 30
		case "PPLA":
			s += 8
		case "PPLX":
			s -= 10
		}
	}
	switch c.Flag {
	case FlagVariant:
		s -= 3
	case FlagAlternate:
		s -= 8
	case FlagLoose:
		s -= 10
	}
	return s
}

// Gazetteer answers place and country look-ups. It is immutable after Load.
type Gazetteer struct {
	ents       []entity
	names      string           // names.tsv: sorted "key\trefs\n" lines
	lines      []int32          // start offset of each line of names
	index      map[string]int32 // key -> line
	countries  []Country
	byISO2     map[string]int
	countryEnt map[int]int // entity id -> index in countries
	neighbours map[string][]string
	demonyms   map[string]string // folded word -> ISO2
	capitals   map[string]string // folded capital name -> ISO2
	stop       map[string]string
	regional   map[string][]string
	admin1     map[string]int // admin-1 code -> entity id
}

type entity struct {
	kind, name, country, admin1, fcode string
	gid, pop                           int64
	lat, lon                           float32
	hasCoord                           bool
}

// CountryByCode returns the country with ISO alpha-2 code iso2.
func (g *Gazetteer) CountryByCode(iso2 string) (Country, bool) {
	i, ok := g.byISO2[strings.ToUpper(strings.TrimSpace(iso2))]
	if !ok {
		return Country{}, false
	}
	return g.countries[i], true
}

// CountryByName returns the country a name or alias denotes: "Iran",
// "Islamic Republic of Iran", "U.S.", "Britain", "UK", "the Netherlands".
// Aliases in capitals ("US") match only when name is in capitals.
func (g *Gazetteer) CountryByName(name string) (Country, bool) {
	best, bestPop := -1, int64(-1)
	for _, c := range g.lookup(name) {
		if c.Kind != KindCountry {
			continue
		}
		if i, ok := g.countryEnt[c.ID]; ok && c.Population > bestPop {
			best, bestPop = i, c.Population
		}
	}
	if best < 0 {
		return Country{}, false
	}
	return g.countries[best], true
}

// Demonym returns the ISO alpha-2 code of a nationality adjective or noun:
// "Iranian"/"Iranians" -> "IR", "Afghan" -> "AF", "British" -> "GB".
func (g *Gazetteer) Demonym(word string) (string, bool) {
	k := fold.Key(word)
	if cc, ok := g.demonyms[k]; ok {
		return cc, true
	}
	if strings.HasSuffix(k, "s") {
		if cc, ok := g.demonyms[k[:len(k)-1]]; ok {
			return cc, true
		}
	}
	return "", false
}

// RegionalDemonym returns the targets (admin-1 codes "PK.02" or ISO2
// codes) of an ethnic or regional demonym: "Baloch" -> PK.02, IR.04, AF.19.
func (g *Gazetteer) RegionalDemonym(word string) []string {
	return g.regional[fold.Key(word)]
}

// CapitalOf returns the country whose capital is city: "Tehran" -> "IR".
func (g *Gazetteer) CapitalOf(city string) (string, bool) {
	k := fold.Key(city)
	if cc, ok := g.capitals[k]; ok {
		return cc, true
	}
	for _, c := range g.Candidates(k) {
		if c.Kind == KindCity && c.FeatureCode == "PPLC" && c.Flag != FlagLoose {
			return c.Country, true
		}
	}
	return "", false
}

// Neighbours returns the ISO2 codes of the countries bordering iso2.
func (g *Gazetteer) Neighbours(iso2 string) []string { return g.neighbours[iso2] }

// StopWord returns the category of a folded word that gazetteers hold but
// that is almost never a place in text ("nice", "reading"), or of a person
// title ("mr", "president").
func (g *Gazetteer) StopWord(key string) (string, bool) {
	c, ok := g.stop[key]
	return c, ok
}

// Lookup returns the places a name may denote, best candidate first (by
// Prior). Aliases in capitals match only a name in capitals; when no name
// matches exactly, the loose form is tried ("Sistan-o-Baluchestan").
func (g *Gazetteer) Lookup(name string) []Place {
	cands := g.lookup(name)
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].Prior() > cands[j].Prior() })
	out := make([]Place, len(cands))
	for i, c := range cands {
		out[i] = c.Place
	}
	return out
}

func (g *Gazetteer) lookup(name string) []Candidate {
	k := fold.Key(name)
	caps := fold.AllCaps(name) > 0
	var out []Candidate
	add := func(cs []Candidate, the bool) {
		for _, c := range cs {
			if c.Flag == FlagCaps && !caps || c.Flag == FlagThe && !the {
				continue
			}
			out = append(out, c)
		}
	}
	add(g.Candidates(k), false)
	if rest, ok := strings.CutPrefix(k, "the "); ok {
		add(g.Candidates(rest), true)
	}
	if len(out) == 0 {
		if l := fold.Loose(k); l != "" && l != k {
			add(g.Candidates(l), false)
		}
	}
	return out
}

// find returns the index of the line whose key is k, or -1.
func (g *Gazetteer) find(k string) int {
	if i, ok := g.index[k]; ok {
		return int(i)
	}
	return -1
}

// key returns the key of line i.
func (g *Gazetteer) key(i int) string { return g.keyAt(int(g.lines[i])) }

// keyAt returns the key of the line that starts at byte off of names.
func (g *Gazetteer) keyAt(off int) string {
	s := g.names[off:]
	if j := strings.IndexAny(s, "\t\n"); j >= 0 {
		return s[:j]
	}
	return s
}

// HasLonger reports whether some name key starts with key followed by a
// space, so that a longer match may exist.
func (g *Gazetteer) HasLonger(key string) bool {
	p := key + " "
	i := sort.Search(len(g.lines), func(i int) bool { return g.key(i) >= p })
	return i < len(g.lines) && strings.HasPrefix(g.key(i), p)
}

// Candidates returns every place the folded key names, in entity order,
// without any filtering. key must be a fold.Key result.
func (g *Gazetteer) Candidates(key string) []Candidate {
	i := g.find(key)
	if i < 0 {
		return nil
	}
	line := g.names[g.lines[i]:]
	if j := strings.IndexByte(line, '\n'); j >= 0 {
		line = line[:j]
	}
	_, refs, _ := strings.Cut(line, "\t")
	out := make([]Candidate, 0, strings.Count(refs, ",")+1)
	for r := range strings.SplitSeq(refs, ",") {
		if len(r) < 2 {
			continue
		}
		id := 0
		for _, ch := range r[:len(r)-1] {
			id = id*10 + int(ch-'0')
		}
		if id < 0 || id >= len(g.ents) {
			continue
		}
		out = append(out, Candidate{Place: g.Place(id), Flag: NameFlag(r[len(r)-1])})
	}
	return out
}

// Place returns the place with entity id id (see Place.ID); the zero Place
// when there is none.
func (g *Gazetteer) Place(id int) Place {
	if id < 0 || id >= len(g.ents) {
		return Place{}
	}
	e := &g.ents[id]
	p := Place{ID: id, GeonameID: e.gid, Name: e.name, Kind: e.kind, Country: e.country, Admin1: e.admin1,
		Population: e.pop, FeatureCode: e.fcode, HasCoord: e.hasCoord}
	if e.hasCoord {
		p.Lat, p.Lon = round4(float64(e.lat)), round4(float64(e.lon))
	}
	if e.admin1 != "" {
		if a, ok := g.admin1[e.admin1]; ok {
			p.Admin1Name = g.ents[a].name
		}
	}
	return p
}

func round4(f float64) float64 { return math.Round(f*1e4) / 1e4 }
