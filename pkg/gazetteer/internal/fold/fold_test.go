package fold

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestKey(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Tehran", "tehran"},
		{"hyphens and o", "Sistan-o-Baluchistan", "sistan o baluchistan"},
		{"diacritics", "Tīrān Curaçao Bío Bío", "tiran curacao bio bio"},
		{"dotless i and g breve", "Elazığ", "elazig"},
		{"two-letter folds", "Æro Straße Œuvre Þingvellir", "aero strasse oeuvre thingvellir"},
		{"apostrophes dropped", "O'Higgins Ma’arrat Bu'aale", "ohiggins maarrat buaale"},
		{"abbreviation dots", "U.S.", "u s"},
		{"comma and spaces", "  Washington,   D.C. ", "washington d c"},
		{"non-latin kept", "Тегеран", "тегеран"},
		{"combining marks", "Cafe\u0301", "cafe"},
		{"capital folds through its lower case", "Ǝ", "e"},
		{"empty", "", ""},
		{"only punctuation", "—, ().", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Key(tc.in))
		})
	}
}

func TestLoose(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"connector o", "sistan o baluchistan", "sistan baluchistan"},
		{"and plus province", "sistan and baluchestan province", "sistan baluchestan"},
		{"persian ostan e va", "ostan e sistan va baluchestan", "sistan baluchestan"},
		{"ezafe i", "pul i alam", "pul alam"},
		{"district suffix", "awaran district", "awaran"},
		{"nothing left", "the province", ""},
		{"unchanged", "tehran", "tehran"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Loose(tc.in))
		})
	}
}

func TestIsLatin(t *testing.T) {
	assert.True(t, IsLatin("Teheran"))
	assert.True(t, IsLatin("Ḩadīthah"))
	assert.False(t, IsLatin("Тегеран"))
	assert.False(t, IsLatin("de hei lan 德黑兰"))
	assert.False(t, IsLatin("123"))
}

// FuzzKey checks the invariants of Key's doc comment: idempotent, no
// leading, trailing or double spaces, no upper-case ASCII, valid UTF-8.
func FuzzKey(f *testing.F) {
	for _, s := range []string{"Sistan-o-Baluchistan", "U.S.", "Ma’arrat", "Æ", "  a  b ", "\xff\xfe", "Cafe\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if Key(k) != k {
			t.Fatalf("Key not idempotent: %q -> %q -> %q", s, k, Key(k))
		}
		if strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") || strings.Contains(k, "  ") {
			t.Fatalf("bad spacing in %q", k)
		}
		if strings.ToLower(k) != k && strings.ContainsAny(k, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			t.Fatalf("upper case left in %q", k)
		}
		if !utf8.ValidString(k) {
			t.Fatalf("invalid UTF-8 %q", k)
		}
		l := Loose(k)
		if Loose(l) != l {
			t.Fatalf("Loose not idempotent: %q -> %q", k, l)
		}
	})
}
