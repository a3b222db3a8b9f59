package lexicon

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func load(t testing.TB) *Lexicon {
	t.Helper()
	l, err := Load()
	require.NoError(t, err)
	return l
}

func TestOrg(t *testing.T) {
	l := load(t)
	tests := []struct {
		name, text, want, country string
		ok                        bool
	}{
		{"armed group from UCDP", "Jaish al-Adl", "Jaish al-Adl", "IR", true},
		{"acronym", "NATO", "North Atlantic Treaty Organization", "", true},
		{"dotted acronym", "U.N.", "United Nations", "", true},
		{"news agency alias", "AFP", "Agence France-Presse", "FR", true},
		{"acronym needs capitals", "Irna", "", "", false},
		{"acronym in capitals", "IRNA", "Islamic Republic News Agency", "IR", true},
		{"unknown", "Foo Bar Baz", "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o, ok := l.Org(tc.text)
			require.Equal(t, tc.ok, ok)
			if ok {
				assert.Equal(t, tc.want, o.Name)
				assert.Equal(t, tc.country, o.Country)
			}
		})
	}
}

func TestWords(t *testing.T) {
	l := load(t)
	tests := []struct {
		name  string
		class Class
		word  string
		val   string
		ok    bool
	}{
		{"title abbreviation", TitleHead, "Gen", "general", true},
		{"honorific", Honorific, "Mr", "", true},
		{"role head", RoleHead, "analyst", "", true},
		{"org head", OrgHead, "Ministry", "gov", true},
		{"govbody pattern", GovBody, "C Foreign Ministry", "GOV", true},
		{"month", StopCap, "January", "", true},
		{"not a role", RoleHead, "table", "", false},
		{"sports role before a name", RoleHead, "striker", "", true},
		{"title modifier before a title", TitleMod, "Shadow", "", true},
		{"emeritus before a title", TitleMod, "Emeritus", "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v, ok := l.Word(tc.class, tc.word)
			assert.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.val, v)
		})
	}
}

func TestPersonsAndGivenNames(t *testing.T) {
	l := load(t)
	aff, ok := l.Person("Nawaz Sharif")
	assert.True(t, ok)
	assert.Equal(t, "PK", aff)
	// a person listed under a code that several armed groups share has no
	// group (CAMEO IMGMUSALQ is al-Qaeda's and Abu Nidal's)
	aff, ok = l.Person("Osama bin Laden")
	assert.True(t, ok)
	assert.Equal(t, "", aff)
	assert.True(t, l.GivenName("Hassan"))
	assert.False(t, l.GivenName("Ministry"))
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}
