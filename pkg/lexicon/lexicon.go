// Package lexicon holds the embedded actor lexicons (organizations, armed
// groups, news agencies, government bodies, titles and roles) generated from
// ../shared/data by ./gen (go generate). Load once; safe for concurrent use.
package lexicon

// Lexicon answers actor look-ups.
type Lexicon struct{}

// Load reads the embedded tables.
func Load() (*Lexicon, error) { return &Lexicon{}, nil }
