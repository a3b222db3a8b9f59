package casualties

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsdesk/extractor/pkg/events"
)

// withPlaces adds location records for the given names (every mention of
// each in the text) as the locations stage would.
func withPlaces(t *testing.T, text string, locs ...events.Location) []events.Location {
	t.Helper()
	for i := range locs {
		for off := 0; ; {
			j := strings.Index(text[off:], locs[i].Name)
			if j < 0 {
				break
			}
			s := off + j
			locs[i].Spans = append(locs[i].Spans, events.Span{Start: s, End: s + len(locs[i].Name)})
			off = s + len(locs[i].Name)
		}
		require.NotEmpty(t, locs[i].Spans, locs[i].Name)
	}
	return locs
}

func TestPlace(t *testing.T) {
	kabul := events.Location{Name: "Kabul", Kind: events.LocCity, Country: "AF", GeonameID: 1138958}
	afghanistan := events.Location{Name: "Afghanistan", Kind: events.LocCountry, Country: "AF", GeonameID: 1149361}
	herat := events.Location{Name: "Herat", Kind: events.LocCity, Country: "AF", GeonameID: 1139715}
	tests := []struct {
		name  string
		text  string
		locs  []events.Location
		want  string // place name, "" for none
		start int    // offset of the place mention
	}{
		{"most specific place in the sentence", "A bomb in Kabul, Afghanistan, killed 12 people.", []events.Location{afghanistan, kabul}, "Kabul", 10},
		{"place earlier in the paragraph", "A bomb went off in Herat on Monday. It killed 12 people.", []events.Location{herat}, "Herat", 19},
		{"article's place", "Police in Herat searched the market.\nLater, 12 people were killed.\nHerat was calm.", []events.Location{herat}, "Herat", 10},
		{"only country of the article", "Afghanistan mourned.\nLater, 12 people were killed.", []events.Location{afghanistan}, "Afghanistan", 0},
		{"unclear between two places", "Police in Herat and Kabul searched.\nLater, 12 people were killed.", []events.Location{herat, kabul}, "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := doc(t, tc.text)
			d.Article.PublishedAt = "2025-02-01"
			d.Out.Locations = withPlaces(t, tc.text, tc.locs...)
			cs := run(t, d)
			require.Len(t, cs, 1)
			assert.Equal(t, "2025-02-01", cs[0].PublishedAt)
			if tc.want == "" {
				assert.Nil(t, cs[0].Place)
				return
			}
			require.NotNil(t, cs[0].Place)
			assert.Equal(t, tc.want, cs[0].Place.Name)
			assert.Equal(t, tc.start, cs[0].Place.Span.Start)
			assert.Equal(t, tc.want, tc.text[cs[0].Place.Span.Start:cs[0].Place.Span.End])
			assert.NotZero(t, cs[0].Place.GeonameID)
		})
	}
}
