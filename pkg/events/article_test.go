package events

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecodeArticle(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Article
		wantErr error
	}{
		{"body and published_at", `{"id":"a1","body":"Text.","published_at":"2024-01-18","title":"T"}`,
			Article{ID: "a1", Body: "Text.", PublishedAt: "2024-01-18", Title: "T"}, nil},
		{"corpus spelling text and published", `{"id":"wn-1","text":"Text.","published":"2008-01-27","license":"CC BY 2.5","origin":"x"}`,
			Article{ID: "wn-1", Body: "Text.", PublishedAt: "2008-01-27"}, nil},
		{"body wins over text", `{"id":"a","body":"B.","text":"T."}`, Article{ID: "a", Body: "B."}, nil},
		{"numeric id", `{"id":42,"body":"x"}`, Article{ID: "42", Body: "x"}, nil},
		{"invalid JSON", `{"id":`, Article{}, ErrInvalidJSON},
		{"trailing data", `{"id":"a","body":"x"} {}`, Article{}, ErrInvalidJSON},
		{"missing id", `{"body":"x"}`, Article{}, ErrMissingID},
		{"empty id", `{"id":"","body":"x"}`, Article{}, ErrMissingID},
		{"object id", `{"id":{},"body":"x"}`, Article{}, ErrMissingID},
		{"missing body", `{"id":"a"}`, Article{}, ErrMissingBody},
		{"empty body", `{"id":"a","body":" \n\t"}`, Article{}, ErrEmptyBody},
		{"invalid UTF-8", "{\"id\":\"a\",\"body\":\"\xff\xfe\"}", Article{}, ErrInvalidUTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DecodeArticle([]byte(tt.in), 0)
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestDecodeArticleTooLarge(t *testing.T) {
	body := strings.Repeat("word ", 1<<20) // 5 MiB
	_, err := DecodeArticle([]byte(`{"id":"big","body":"`+body+`"}`), 0)
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Contains(t, err.Error(), `"big"`)
}

func TestIDDeterministic(t *testing.T) {
	a := ID("art", TypeQuote, "direct|10|20")
	assert.Equal(t, a, ID("art", TypeQuote, "direct|10|20"))
	assert.Len(t, a, 32)
	assert.NotEqual(t, a, ID("art", TypeQuote, "direct|10|21"))
	assert.NotEqual(t, a, ID("art2", TypeQuote, "direct|10|20"))
	// the separator keeps fields apart
	assert.NotEqual(t, ID("ab", "c", "d"), ID("a", "bc", "d"))
}

func TestEventsOrderAndIDs(t *testing.T) {
	d := Document{ID: "x", ExtractorVersion: "v",
		Actors:    []Actor{{Name: "Iran", Kind: KindState}},
		Locations: []Location{{Name: "Tehran", Kind: LocCity, GeonameID: 112931}},
		Quotes:    []Quote{{Kind: QuoteDirect, Text: "hi there you all", Span: Span{5, 21}}},
	}
	evs := d.Events()
	require.Len(t, evs, 3)
	assert.Equal(t, []string{TypeActor, TypeLocation, TypeQuote}, []string{evs[0].Type, evs[1].Type, evs[2].Type})
	for _, e := range evs {
		assert.Equal(t, "x", e.ArticleID)
		assert.Equal(t, SchemaVersion, e.SchemaVersion)
		assert.NotEmpty(t, e.EventID)
	}
	assert.Equal(t, d.Quotes[0].EventID, evs[2].EventID)
	again := d.Events()
	assert.Equal(t, evs[0].EventID, again[0].EventID)
}

// FuzzDecodeArticle checks that DecodeArticle never panics and that an
// accepted article always has an id and a valid, non-blank body.
func FuzzDecodeArticle(f *testing.F) {
	f.Add([]byte(`{"id":"a","body":"x"}`))
	f.Add([]byte(`{"id":1,"text":"y","published":"2020"}`))
	f.Add([]byte(`{"id":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := DecodeArticle(data, 1<<16)
		if err != nil {
			return
		}
		if a.ID == "" || strings.TrimSpace(a.Body) == "" || !utf8.ValidString(a.Body) || len(a.Body) > 1<<16 {
			t.Fatalf("accepted bad article %+v", a)
		}
	})
}

func TestCheckSpans(t *testing.T) {
	text := "Iran said “we act” today."
	good := Document{
		Actors: []Actor{{Name: "Iran", Kind: KindState, Spans: []Span{{0, 4}}}},
		Quotes: []Quote{{Kind: QuoteDirect, Text: "we act", Span: Span{13, 19}}},
	}
	assert.NoError(t, good.CheckSpans(text))
	tests := []struct {
		name string
		doc  Document
		msg  string
	}{
		{"actor without mention", Document{Actors: []Actor{{Name: "X"}}}, "no mention"},
		{"span past the end", Document{Locations: []Location{{Name: "Y", Spans: []Span{{20, 99}}}}}, "outside text"},
		{"quote text differs from its span", Document{Quotes: []Quote{{Text: "we", Span: Span{13, 19}}}}, "holds"},
		{"casualty empty span", Document{Casualties: []Casualty{{Phrase: "x", Span: Span{3, 3}}}}, "outside text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.doc.CheckSpans(text)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.msg)
		})
	}
}
