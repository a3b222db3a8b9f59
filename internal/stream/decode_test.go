package stream

import (
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/schemas"
)

var validatorOnce = sync.OnceValues(schemas.NewValidator)

func testDecoder(t testing.TB, max int) *Decoder {
	t.Helper()
	v, err := validatorOnce()
	require.NoError(t, err)
	return NewDecoder(max, v)
}

func TestDecode(t *testing.T) {
	d := testDecoder(t, 200)
	tests := map[string]struct {
		raw    string
		reason string // "" when the article is good
		want   events.Article
	}{
		"article with body": {
			raw:  `{"id":"a1","title":"T","body":"Text here.","url":"u","published_at":"2024-01-02"}`,
			want: events.Article{ID: "a1", Title: "T", Body: "Text here.", URL: "u", PublishedAt: "2024-01-02"},
		},
		"corpus spelling": {
			raw:  `{"id":7,"text":"Body.","published":"2024"}`,
			want: events.Article{ID: "7", Body: "Body.", PublishedAt: "2024"},
		},
		"unknown fields ignored": {
			raw:  `{"id":"a","body":"b","extra":{"x":[1]}}`,
			want: events.Article{ID: "a", Body: "b"},
		},
		"oversize":          {raw: `{"id":"a","body":"` + strings.Repeat("x", 200) + `"}`, reason: ReasonOversize},
		"empty message":     {raw: ``, reason: ReasonInvalidJSON},
		"not JSON":          {raw: `id=1 body=x`, reason: ReasonInvalidJSON},
		"truncated JSON":    {raw: `{"id":"a","body":"b"`, reason: ReasonInvalidJSON},
		"two values":        {raw: `{"id":"a","body":"b"} {}`, reason: ReasonInvalidJSON},
		"invalid UTF-8":     {raw: "{\"id\":\"a\",\"body\":\"\xff\"}", reason: ReasonInvalidUTF8},
		"array":             {raw: `[{"id":"a","body":"b"}]`, reason: ReasonSchema},
		"string":            {raw: `"hello"`, reason: ReasonSchema},
		"missing id":        {raw: `{"body":"b"}`, reason: ReasonSchema},
		"id is an object":   {raw: `{"id":{},"body":"b"}`, reason: ReasonSchema},
		"title is a number": {raw: `{"id":"a","body":"b","title":5}`, reason: ReasonSchema},
		"empty text alias":  {raw: `{"id":"a","body":"b","text":""}`, reason: ReasonSchema},
		"missing body":      {raw: `{"id":"a","title":"no body"}`, reason: ReasonMissingBody},
		"blank body":        {raw: `{"id":"a","body":"  \n "}`, reason: ReasonMissingBody},
		"null body":         {raw: `{"id":"a","body":null}`, reason: ReasonMissingBody},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			a, err := d.Decode([]byte(tc.raw))
			if tc.reason == "" {
				require.NoError(t, err)
				assert.Equal(t, tc.want, a)
				return
			}
			var bi *BadInput
			require.True(t, errors.As(err, &bi), "want a *BadInput, got %v", err)
			assert.Equal(t, tc.reason, bi.Reason, "err: %v", err)
			assert.True(t, strings.HasPrefix(err.Error(), tc.reason+": "), err.Error())
		})
	}
}

// FuzzDecode checks Decode's contract for any message: no panic; either an
// article with a non-empty id, a body that passes events.CheckBody, from a
// message within the limit, or a *BadInput with a known reason.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{`{"id":"a","body":"b"}`, `{"id":1,"text":"x"}`, `{"id":"a"}`, `[]`, ``, "\xff", `{"id":"a","body":"b","title":1}`} {
		f.Add([]byte(s))
	}
	d := testDecoder(f, 256)
	f.Fuzz(func(t *testing.T, raw []byte) {
		a, err := d.Decode(raw)
		if err == nil {
			if a.ID == "" || events.CheckBody(a.Body, 256) != nil || len(raw) > 256 {
				t.Fatalf("Decode(%q) accepted a bad article %+v", raw, a)
			}
			return
		}
		var bi *BadInput
		if !errors.As(err, &bi) || !slices.Contains(Reasons, bi.Reason) || bi.Err == nil {
			t.Fatalf("Decode(%q): error %v is not a BadInput with a known reason", raw, err)
		}
	})
}
