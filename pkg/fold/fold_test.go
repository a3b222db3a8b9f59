package fold

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"
)

func TestKey(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Tehran", "tehran"},
		{"already a key", "already folded", "already folded"},
		{"empty", "", ""},
		{"only punctuation", "—, ().", ""},
		{"hyphens and o", "Sistan-o-Baluchistan", "sistan o baluchistan"},
		{"hyphenated name", "Amir-Abdollahian", "amir abdollahian"},
		{"abbreviation dots", "U.S.", "u s"},
		{"comma and spaces", "  Washington,   D.C. ", "washington d c"},
		{"spaces around a hyphenated name", "  al-Qaida  in ", "al qaida in"},
		{"ascii apostrophes", "People's O'Higgins `Ali", "peoples ohiggins ali"},
		{"curly and modifier apostrophes", "People’s Ma’arrat Saʿid Hawaiʻi Ka´ba", "peoples maarrat said hawaii kaba"},
		{"precomposed diacritics", "Türkiye Médecins Sans Frontières", "turkiye medecins sans frontieres"},
		{"more diacritics", "Tīrān Curaçao Bío Bío Ḩadīthah", "tiran curacao bio bio hadithah"},
		{"combining marks", "Cafe\u0301 Sa\u0303o", "cafe sao"},
		{"dotless i and g breve", "Elazığ", "elazig"},
		{"dotted capital I", "İstanbul", "istanbul"},
		{"letters NFKD keeps whole", "Łódź Nørrebro Đakovo Ħamrun Øresund", "lodz norrebro dakovo hamrun oresund"},
		{"two-letter folds", "Æro Straße Œuvre Þingvellir", "aero strasse oeuvre thingvellir"},
		{"schwa", "Lənkəran ƏLİYEV", "lenkeran eliyev"},
		{"letter with stroke and accent", "Ǿ ǣ", "o ae"},
		{"compatibility forms", "ﬁnal Ｔｅｈｒａｎ", "final tehran"},
		{"numbers by NFKD", "km² Ⅻ", "km2 xii"},
		{"symbols are separators", "Apple™ 5€", "apple 5"},
		{"apostrophe n", "ŉ", "n"},
		{"other scripts are separators", "Тегеран", ""},
		{"mixed scripts", "Kyiv (Київ)", "kyiv"},
		{"rare Latin letters are separators", "dƶohar", "d ohar"},
		{"non-ASCII digits are separators", "٣ 3", "3"},
		{"invalid UTF-8", "a\xffb\xfe", "a b"},
		{"no-break space", "New\u00a0York", "new york"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Key(tc.in))
		})
	}
}

func TestKeyDoesNotAllocateForAKey(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() { _ = Key("sistan o baluchestan") })
	assert.Zero(t, allocs)
}

// TestAppendBase checks the per-character decomposition against NFKD of
// the whole character for every code point but the Hangul syllables.
func TestAppendBase(t *testing.T) {
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) || 0xAC00 <= r && r <= 0xD7A3 {
			continue
		}
		c := string(r)
		want := strings.Map(func(r rune) rune {
			if unicode.Is(unicode.Mn, r) {
				return -1
			}
			return r
		}, norm.NFKD.String(c))
		if got := string(appendBase(nil, c)); got != want {
			require.Equal(t, want, got, "%U", r)
		}
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
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Loose(tc.in))
		})
	}
}

func TestIsLatin(t *testing.T) {
	tests := []struct {
		name, in string
		want     bool
	}{
		{"ascii", "Teheran", true},
		{"diacritics", "Ḩadīthah", true},
		{"letters NFKD keeps whole", "Łódź Øresund", true},
		{"schwa", "Lənkəran", true},
		{"open e has no folding", "Ɛkpe", false},
		{"apostrophes", "O'Higgins Ma’arrat", true},
		{"modifier letter", "Agbstʻan", false},
		{"Latin letter without folding", "Ɓ", false},
		{"cyrillic", "Тегеран", false},
		{"mixed with han", "de hei lan 德黑兰", false},
		{"rare Latin letter", "dƶohar", false},
		{"no letter", "123", false},
		{"empty", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, IsLatin(tc.in))
		})
	}
}

func TestStripMarks(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"ascii unchanged", "Iran's U.N.", "Iran's U.N."},
		{"diacritics", "Curaçao São Tomé", "Curacao Sao Tome"},
		{"compatibility forms", "ﬁnal Ｔｅｈｒａｎ", "final Tehran"},
		{"letters NFKD keeps whole", "Nørrebro", "Nørrebro"},
		{"other scripts kept", "Москва", "Москва"},
		{"hangul decomposed", "한", "\u1112\u1161\u11ab"},
		{"curly quote kept", "Pakistan’s", "Pakistan’s"},
		{"invalid UTF-8 before a letter", "\xf2Ӱ", "\uFFFDУ"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, StripMarks(tc.in))
		})
	}
}

func TestAllCaps(t *testing.T) {
	tests := []struct {
		name, in string
		want     int
	}{
		{"acronym", "NATO", 4},
		{"dotted acronym", "U.N.", 2},
		{"one letter", "A", 1},
		{"capitalised word", "Iran", 0},
		{"diacritics", "ÉTAT", 4},
		{"no letters", "2024", 0},
		{"empty", "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, AllCaps(tc.in))
		})
	}
}

// FuzzKey checks Key's contract: no panic, only a-z, 0-9 and single inner
// spaces, idempotent; and Loose's: its result is a key and idempotent.
func FuzzKey(f *testing.F) {
	for _, s := range []string{"Sistan-o-Baluchistan", "U.S.", "Ma’arrat", "Æ", "  a  b ", "\xff\xfe", "Cafe\u0301", "ŉ", "Тегеран", "km²"} {
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
		for i := 0; i < len(k); i++ {
			if c := k[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == ' ') {
				t.Fatalf("byte %q in key %q", c, k)
			}
		}
		l := Loose(k)
		if Loose(l) != l || Key(l) != l {
			t.Fatalf("Loose: %q -> %q", k, l)
		}
	})
}

// FuzzStripMarks checks StripMarks' contract: no panic, valid UTF-8
// without nonspacing marks, ASCII unchanged.
func FuzzStripMarks(f *testing.F) {
	for _, s := range []string{"São Tomé", "ﬁnal", "한", "\xff", "Iran", "\xf2Ӱ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := StripMarks(s)
		if !utf8.ValidString(out) && utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 %q from %q", out, s)
		}
		for _, r := range out {
			if unicode.Is(unicode.Mn, r) {
				t.Fatalf("mark %U left in %q", r, out)
			}
		}
		if isASCII(s) && out != s {
			t.Fatalf("ASCII changed: %q -> %q", s, out)
		}
		if again := StripMarks(out); again != out {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, out, again)
		}
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func BenchmarkKey(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"key", "tehran"},
		{"ascii word", "Tehran"},
		{"ascii phrase", "Sistan-o-Baluchestan Province"},
		{"diacritics", "Ḩadīthah Türkiye"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				_ = Key(bc.in)
			}
		})
	}
}
