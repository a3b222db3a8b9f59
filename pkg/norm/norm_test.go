package norm

import (
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestName(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Iran", "iran"},
		{"empty", "", ""},
		{"only punctuation", " -- ", ""},
		{"hyphens and spaces collapse", "  Sistan-o-Baluchistan   Province ", "sistan o baluchistan province"},
		{"leading the", "The Ministry of Foreign Affairs", "ministry of foreign affairs"},
		{"leading a and an", "an Iranian official", "iranian official"},
		{"article after punctuation", "“The Times”", "times"},
		{"the inside a word is kept", "Theresa May", "theresa may"},
		{"the alone is kept", "The", "the"},
		{"repeated articles", "the a b", "b"},
		{"possessive before a word", "Pakistan's Ministry", "pakistan ministry"},
		{"curly possessive before a word", "Pakistan’s Ministry", "pakistan ministry"},
		{"final possessive kept", "McDonald's", "mcdonald s"},
		{"final possessive before punctuation kept", "Russia's.", "russia s"},
		{"apostrophe s inside a word", "Pakistan'sMinistry", "pakistan sministry"},
		{"other apostrophes", "Bu'aale", "bu aale"},
		{"diacritics removed", "Curaçao São Tomé", "curacao sao tome"},
		{"compatibility forms", "ﬁnal Ｔｅｈｒａｎ", "final tehran"},
		{"letters without decomposition kept", "Nørrebro", "nørrebro"},
		{"dotted capital I", "İstanbul", "istanbul"},
		{"dots of acronyms", "U.N.", "u n"},
		{"digits and underscore are word characters", "Route_66", "route_66"},
		{"non-Latin letters", "Москва", "москва"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Name(tc.in))
		})
	}
}

func TestLocation(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"province", "Sistan and Baluchestan Province", "sistan and baluchestan"},
		{"region lower case", "Kamango region", "kamango"},
		{"city", "New York City", "new york"},
		{"oblast", "Kharkiv Oblast", "kharkiv"},
		{"governorate", "Idlib Governorate", "idlib"},
		{"county and district", "Orange County", "orange"},
		{"two trailing words", "Capital District Region", "capital"},
		{"word alone kept", "Region", "region"},
		{"article before the word", "the State", "state"},
		{"not trailing", "State of Palestine", "state of palestine"},
		{"part of a longer word", "Tristate", "tristate"},
		{"name rules too", "Valparaíso Region", "valparaiso"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Location(tc.in))
		})
	}
}

func TestWords(t *testing.T) {
	assert.Equal(t, []string{"iran", "foreign", "minister"}, Words("Iran's foreign-minister"))
	assert.Nil(t, Words(" ... "))
}

func ExampleName() {
	fmt.Println(Name("The Pakistan’s Ministry of Foreign-Affairs"))
	fmt.Println(Location("Sistan-Baluchestan Province"))
	fmt.Println(Words("São Tomé, the capital"))
	// Output:
	// pakistan ministry of foreign affairs
	// sistan baluchestan
	// [sao tome the capital]
}

// FuzzName checks the package invariants: no panic, the result is made of
// word characters separated by single spaces, and normalising a result
// again changes nothing.
func FuzzName(f *testing.F) {
	for _, s := range []string{"", "The Pakistan’s Ministry", "Sistan-o-Baluchistan Province", "the the a", "x's's", "İ", "ﬁ", "'s 's", "a state city", "Ǆ", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Name(s)
		if n != Name(n) {
			t.Fatalf("Name not idempotent: %q -> %q -> %q", s, n, Name(n))
		}
		if l := Location(s); l != Location(l) {
			t.Fatalf("Location not idempotent: %q -> %q -> %q", s, l, Location(l))
		}
		if !utf8.ValidString(s) {
			return
		}
		prevSpace := true
		for _, r := range n {
			if r == ' ' {
				if prevSpace {
					t.Fatalf("Name(%q) = %q: leading or double space", s, n)
				}
				prevSpace = true
				continue
			}
			if !isWord(r) {
				t.Fatalf("Name(%q) = %q: non-word character %q", s, n, r)
			}
			prevSpace = false
		}
		if n != "" && prevSpace {
			t.Fatalf("Name(%q) = %q: trailing space", s, n)
		}
	})
}

func BenchmarkName(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Name("The Pakistan’s Ministry of Foreign-Affairs")
		Name("Sistan and Baluchestan Province")
	}
}
