// Package gazetteer holds the embedded place and country tables generated
// from ../shared/data by ./gen (go generate). Load once; safe for concurrent use.
package gazetteer

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
}

// Gazetteer answers place and country look-ups.
type Gazetteer struct {
	countries map[string]*Country
}

// Load reads the embedded tables.
func Load() (*Gazetteer, error) {
	return &Gazetteer{countries: map[string]*Country{}}, nil
}

// CountryByCode returns the country with ISO alpha-2 code iso2.
func (g *Gazetteer) CountryByCode(iso2 string) (Country, bool) {
	c, ok := g.countries[iso2]
	if !ok {
		return Country{}, false
	}
	return *c, true
}

// CountryByName returns the country a name or alias denotes.
func (g *Gazetteer) CountryByName(name string) (Country, bool) { return Country{}, false }

// Demonym returns the ISO alpha-2 code of a nationality adjective or noun.
func (g *Gazetteer) Demonym(word string) (string, bool) { return "", false }

// CapitalOf returns the country whose capital is city.
func (g *Gazetteer) CapitalOf(city string) (string, bool) { return "", false }

// Lookup returns the places a name may denote, best candidate first.
func (g *Gazetteer) Lookup(name string) []Place { return nil }
