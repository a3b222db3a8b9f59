package eval

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestScoringVectors reproduces the scores that GUIDELINES.md gives the
// predictions of two other systems, byte for byte.
func TestScoringVectors(t *testing.T) {
	gold, err := LoadDir(filepath.Join("testdata", "gold"))
	require.NoError(t, err)
	require.Len(t, gold, 60)
	for _, name := range []string{"prose-as-shipped", "compromise"} {
		t.Run(name, func(t *testing.T) {
			pred, err := LoadDir(filepath.Join("testdata", "predictions", name))
			require.NoError(t, err)
			want, err := os.ReadFile(filepath.Join("testdata", "predictions", name+".expected.json"))
			require.NoError(t, err)

			got, err := json.MarshalIndent(Score(gold, pred), "", " ")
			require.NoError(t, err)
			assert.JSONEq(t, string(want), string(got))
			assert.Equal(t, string(want), string(got)+"\n")
		})
	}
}

// TestScoringVectorsCounts pins the counts that needed interpretation
// choices (see the package documentation).
func TestScoringVectorsCounts(t *testing.T) {
	gold, err := LoadDir(filepath.Join("testdata", "gold"))
	require.NoError(t, err)
	pred, err := LoadDir(filepath.Join("testdata", "predictions", "compromise"))
	require.NoError(t, err)
	r := Score(gold, pred)
	assert.Equal(t, Counts{TP: 251, FP: 272, FN: 246}, r.Locations)
	assert.Equal(t, Accuracy{Right: 11, N: 251}, r.LocationCountry)
	assert.Equal(t, Counts{TP: 274, FP: 4, FN: 21}, r.QuotesDirect)
	assert.Equal(t, 60, r.Articles)
	assert.Len(t, r.Results, 60)
}
