package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCameoName(t *testing.T) {
	tests := []struct {
		name, in, want, acr string
	}{
		{"acronym in brackets", "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_", "Aden Abyan Islamic Army", "AAIA"},
		{"short word stays upper case", "NATO_", "NATO", ""},
		{"connectors lower case", "FRIENDS_OF_THE_EARTH_", "Friends of the Earth", ""},
		{"hyphenated", "AL-JAZEERA", "Al-Jazeera", ""},
		{"substitution set is dropped", "!MINIST! OF_TEXTILES", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, acr := cameoName(tc.in)
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.acr, acr)
		})
	}
}

func TestParseCodes(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []cameoCode
	}{
		{"plain", "HAMAS_ [PSEREB]", []cameoCode{{code: "PSEREB", open: true}}},
		{"dated and closed", "\t[PAKGOV 901106-930418]", []cameoCode{{code: "PAKGOV", dated: true}}},
		{"dated and open", "\t[PAKGOV >20130605]", []cameoCode{{code: "PAKGOV", dated: true, open: true}}},
		{"agent prefix", "FOREIGN_MINISTER [~GOV]", []cameoCode{{code: "GOV", open: true}}},
		{"two codes", "X_ [IGOUNO] [ELI]", []cameoCode{{code: "IGOUNO", open: true}, {code: "ELI", open: true}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, parseCodes(tc.in))
		})
	}
}

func TestReadCameo(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "actors.txt")
	src := "# comment\n#####  Media Sources  #######\nREUTERS\n\t[MED]\nPERVEZ_MUSHARRAF_  # CountryInfo.txt\n+PRESIDENT_MUSHARRAF\n\t[PAKGOV 20010620-20080818]\n"
	require.NoError(t, os.WriteFile(path, []byte(src), 0o644))
	es, err := readCameo(path)
	require.NoError(t, err)
	require.Len(t, es, 2)
	assert.Equal(t, "REUTERS", es[0].root)
	assert.Equal(t, "media sources", es[0].section)
	assert.Equal(t, []cameoCode{{code: "MED", open: true}}, es[0].codes)
	assert.Equal(t, "PERVEZ_MUSHARRAF_", es[1].root)
	assert.Equal(t, []string{"PRESIDENT_MUSHARRAF"}, es[1].synonyms)
	assert.Contains(t, es[1].comment, "CountryInfo")
	assert.True(t, es[1].codes[0].dated)
}

func TestCodeOrg(t *testing.T) {
	tests := []struct {
		name  string
		names []string // organizations with the code, in order
		want  string
	}{
		{"one group", []string{"Hamas"}, "Hamas"},
		{"same group twice", []string{"Hamas", "Hamas"}, "Hamas"},
		{"code shared by groups", []string{"Abu Nidal Organization", "Al Qa'ida"}, ""},
		{"no group", nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := &gen{codeOrg: map[string]string{}}
			for _, n := range tc.names {
				g.setCodeOrg("IMGMUSALQ", n)
			}
			assert.Equal(t, tc.want, g.orgOfCode("IMGMUSALQ"))
		})
	}
}

func TestIsLowerWord(t *testing.T) {
	for in, want := range map[string]bool{"minister": true, "co-founder": true, "-x": false, "Iran": false, "a": false, "x2": false} {
		assert.Equal(t, want, isLowerWord(in), in)
	}
}

// FuzzParseCodes checks that code parsing never panics and returns codes
// without brackets.
func FuzzParseCodes(f *testing.F) {
	for _, s := range []string{"X [PAK]", "\t[PAKGOV 901106-930418] [ELI]", "[", "[]", "[ ~ ]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range parseCodes(s) {
			if c.code == "" {
				t.Fatalf("empty code from %q", s)
			}
		}
		cameoName(s)
	})
}
