package gazetteer

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	loadOnce sync.Once
	shared   *Gazetteer
	loadErr  error
)

// testGaz loads the embedded tables once for all tests.
func testGaz(t testing.TB) *Gazetteer {
	t.Helper()
	loadOnce.Do(func() { shared, loadErr = Load() })
	require.NoError(t, loadErr)
	return shared
}

func TestCountryByName(t *testing.T) {
	g := testGaz(t)
	tests := []struct {
		name, in, want string
	}{
		{"short name", "Iran", "IR"},
		{"formal name", "Islamic Republic of Iran", "IR"},
		{"abbreviation with dots", "U.S.", "US"},
		{"capitals alias", "UK", "GB"},
		{"Britain", "Britain", "GB"},
		{"Holland", "Holland", "NL"},
		{"leading the", "the Netherlands", "NL"},
		{"Burma", "Burma", "MM"},
		{"Ivory Coast", "Côte d'Ivoire", "CI"},
		{"Congo prefers the larger", "Congo", "CD"},
		{"Palestinian territories", "Palestinian territories", "PS"},
		{"former country", "USSR", "SU"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, ok := g.CountryByName(tc.in)
			require.True(t, ok)
			assert.Equal(t, tc.want, c.ISO2)
		})
	}
	t.Run("lower-case us is a pronoun", func(t *testing.T) {
		_, ok := g.CountryByName("us")
		assert.False(t, ok)
	})
	t.Run("unknown", func(t *testing.T) {
		_, ok := g.CountryByName("Atlantis")
		assert.False(t, ok)
	})
}

func TestCountryByCode(t *testing.T) {
	g := testGaz(t)
	c, ok := g.CountryByCode("IR")
	require.True(t, ok)
	assert.Equal(t, "Iran", c.Name)
	assert.Equal(t, "IRN", c.ISO3)
	assert.Equal(t, "Tehran", c.Capital)
	assert.Equal(t, int64(130758), c.GeonameID)
	assert.Contains(t, c.Aliases, "Islamic Republic of Iran")
	assert.Contains(t, c.Demonyms, "Iranian")
	assert.InDelta(t, 32.5, c.Lat, 3)
	c, ok = g.CountryByCode("ps")
	require.True(t, ok)
	assert.Equal(t, "Palestine", c.Name)
	_, ok = g.CountryByCode("ZZ")
	assert.False(t, ok)
}

func TestDemonym(t *testing.T) {
	g := testGaz(t)
	tests := []struct {
		in, want string
	}{
		{"Iranian", "IR"}, {"Iranians", "IR"}, {"Afghan", "AF"}, {"British", "GB"}, {"Pakistani", "PK"},
		{"Soviet", "SU"}, {"Sudanese", "SD"}, {"Emirati", "AE"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			cc, ok := g.Demonym(tc.in)
			require.True(t, ok)
			assert.Equal(t, tc.want, cc)
		})
	}
	_, ok := g.Demonym("Baloch")
	assert.False(t, ok, "an ethnic name is not a nationality")
	assert.Equal(t, []string{"PK.02", "IR.04", "AF.19"}, g.RegionalDemonym("Baloch"))
}

func TestCapitalOf(t *testing.T) {
	g := testGaz(t)
	for city, want := range map[string]string{"Tehran": "IR", "Washington": "US", "Kabul": "AF", "Islamabad": "PK"} {
		cc, ok := g.CapitalOf(city)
		require.True(t, ok, city)
		assert.Equal(t, want, cc, city)
	}
	_, ok := g.CapitalOf("Karachi")
	assert.False(t, ok)
}

func TestLookup(t *testing.T) {
	g := testGaz(t)
	tests := []struct {
		name, in              string
		wantName, kind, cc    string
		wantAdmin1, wantA1Nam string
	}{
		{"capital beats province and namesakes", "Tehran", "Tehran", KindCity, "IR", "IR.26", "Tehran"},
		{"province variant", "Sistan-Baluchestan", "Sistan and Baluchestan", KindAdmin1, "IR", "IR.04", "Sistan and Baluchestan"},
		{"loose form", "Sistan-o-Baluchistan", "Sistan and Baluchestan", KindAdmin1, "IR", "IR.04", "Sistan and Baluchestan"},
		{"city over its oblast", "Kharkiv", "Kharkiv", KindCity, "UA", "UA.07", "Kharkivs’ka Oblast’"},
		{"curated region", "Gaza Strip", "Gaza Strip", KindRegion, "PS", "", ""},
		{"curated feature", "Persian Gulf", "Persian Gulf", KindFeature, "", "", ""},
		{"country", "Pakistan", "Pakistan", KindCountry, "PK", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ps := g.Lookup(tc.in)
			require.NotEmpty(t, ps)
			p := ps[0]
			assert.Equal(t, tc.wantName, p.Name)
			assert.Equal(t, tc.kind, p.Kind)
			assert.Equal(t, tc.cc, p.Country)
			assert.Equal(t, tc.wantAdmin1, p.Admin1)
			assert.Equal(t, tc.wantA1Nam, p.Admin1Name)
		})
	}
	t.Run("Baluchistan is ambiguous between Iran and Pakistan", func(t *testing.T) {
		var ccs []string
		for _, p := range g.Lookup("Baluchistan") {
			ccs = append(ccs, p.Country)
		}
		assert.ElementsMatch(t, []string{"IR", "PK"}, ccs)
	})
	t.Run("alternate names of other places are filtered", func(t *testing.T) {
		for _, p := range g.Lookup("Tehran") {
			assert.NotEqual(t, "Tīrān", p.Name)
		}
		assert.Empty(t, g.Lookup("Irna"))
		assert.Empty(t, g.Lookup("Hamas"))
		assert.Empty(t, g.Lookup("KBL"), "IATA codes are not names")
	})
	t.Run("coordinates and ids", func(t *testing.T) {
		p := g.Lookup("Tehran")[0]
		assert.Equal(t, int64(112931), p.GeonameID)
		assert.InDelta(t, 35.69, p.Lat, 0.01)
		assert.InDelta(t, 51.42, p.Lon, 0.01)
		assert.Equal(t, "PPLC", p.FeatureCode)
		assert.Equal(t, p, g.Place(p.ID))
	})
	t.Run("empty and junk", func(t *testing.T) {
		assert.Empty(t, g.Lookup(""))
		assert.Empty(t, g.Lookup("—"))
		assert.Equal(t, Place{}, g.Place(-1))
	})
}

func TestStopWordAndNeighbours(t *testing.T) {
	g := testGaz(t)
	cat, ok := g.StopWord("nice")
	assert.True(t, ok)
	assert.Equal(t, "adj", cat)
	cat, ok = g.StopWord("xinhua")
	assert.True(t, ok)
	assert.Equal(t, "org.agency", cat)
	assert.Contains(t, g.Neighbours("PS"), "IL")
	assert.True(t, g.HasLonger("new"))
	assert.False(t, g.HasLonger("tehran province of"))
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	g := testGaz(b)
	for b.Loop() {
		g.Lookup("Sistan-o-Baluchistan")
	}
}

func ExampleGazetteer_Lookup() {
	g, err := Load()
	if err != nil {
		panic(err)
	}
	p := g.Lookup("Sistan-Baluchistan")[0]
	fmt.Println(p.Name, p.Kind, p.Country, p.Admin1)
	c, _ := g.CountryByName("U.S.")
	fmt.Println(c.Name, c.ISO2)
	cc, _ := g.Demonym("Iranians")
	fmt.Println(cc)
	// Output:
	// Sistan and Baluchestan admin1 IR IR.04
	// United States US
	// IR
}
