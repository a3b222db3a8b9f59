package extract

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsdesk/extractor/fixtures"
	"github.com/newsdesk/extractor/pkg/eval"
	"github.com/newsdesk/extractor/pkg/events"
)

// scoreFixture extracts a fixture article and scores it against its gold.
func scoreFixture(t *testing.T, id string) eval.ArticleResult {
	t.Helper()
	a, err := fixtures.Article(id)
	require.NoError(t, err)
	raw, err := fixtures.Gold(id)
	require.NoError(t, err)
	var gold events.Document
	require.NoError(t, json.Unmarshal(raw, &gold))
	doc, err := testExtractor(t).Extract(context.Background(), a)
	require.NoError(t, err)
	return eval.ScoreArticle(&gold, doc)
}

// TestSeedGoldAllFound: on the seed article every record of its gold file
// is found (no false negative of any kind).
func TestSeedGoldAllFound(t *testing.T) {
	res := scoreFixture(t, fixtures.SeedID)
	for kind, c := range map[string]eval.Counts{
		"actors": res.Actors, "states": res.States, "locations": res.Locations,
		"casualties": res.Casualties, "quotes_direct": res.QuotesDirect, "quotes_indirect": res.QuotesIndirect,
	} {
		assert.Zero(t, c.FN, "%s: gold records missed", kind)
		assert.Positive(t, c.TP, "%s: nothing matched", kind)
	}
	assert.Empty(t, res.Missed)
}
