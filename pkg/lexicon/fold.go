package lexicon

import "github.com/newsdesk/extractor/pkg/lexicon/internal/fold"

// Fold returns the look-up key of a name: lower case, Latin diacritics
// removed, apostrophes dropped, every other run of non-letters and
// non-digits made one space, trimmed. "Amir-Abdollahian" -> "amir
// abdollahian", "U.S." -> "u s", "People's" -> "peoples", "Türkiye" ->
// "turkiye". The generator folds its keys the same way. Fold is idempotent.
func Fold(s string) string { return fold.Key(s) }
