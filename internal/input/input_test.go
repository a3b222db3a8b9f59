package input

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/newsdesk/extractor/pkg/events"
)

func readAll(t *testing.T, in string, opts Options) []Item {
	t.Helper()
	var items []Item
	err := Read(strings.NewReader(in), "in", opts, func(it Item) error {
		items = append(items, it)
		return nil
	})
	require.NoError(t, err)
	return items
}

func TestRead(t *testing.T) {
	type want struct {
		id    string
		where string
		err   error
	}
	tests := []struct {
		name string
		in   string
		want []want
	}{
		{"one JSON article", `{"id":"a","body":"Text."}`, []want{{"a", "in:1", nil}}},
		{"pretty-printed JSON article", "{\n \"id\": \"a\",\n \"text\": \"Text.\"\n}\n", []want{{"a", "in:1", nil}}},
		{"JSONL with blank lines", "{\"id\":\"a\",\"body\":\"x\"}\n\n{\"id\":\"b\",\"body\":\"y\"}\r\n", []want{{"a", "in:1", nil}, {"b", "in:2", nil}}},
		{"bad lines do not stop the rest", "{\"id\":\"a\",\"body\":\"x\"}\nnot json\n{\"id\":\"c\"}\n{\"body\":\"z\"}\n{\"id\":\"e\",\"body\":\"  \"}\n{\"id\":\"f\",\"body\":\"ok\"}",
			[]want{{"a", "in:1", nil}, {"", "in:2", events.ErrInvalidJSON}, {"c", "in:3", events.ErrMissingBody}, {"", "in:4", events.ErrMissingID}, {"e", "in:5", events.ErrEmptyBody}, {"f", "in:6", nil}}},
		{"broken first line then good lines", "{\"id\":\n{\"id\":\"b\",\"body\":\"y\"}\n", []want{{"", "in:1", events.ErrInvalidJSON}, {"b", "in:2", nil}}},
		{"invalid UTF-8 line", "{\"id\":\"a\",\"body\":\"\xff\"}\n{\"id\":\"b\",\"body\":\"y\"}", []want{{"", "in:1", events.ErrInvalidUTF8}, {"b", "in:2", nil}}},
		{"array line", "[1,2]\n{\"id\":\"b\",\"body\":\"y\"}", []want{{"", "in:1", events.ErrInvalidJSON}, {"b", "in:2", nil}}},
		{"empty input", "  \n", []want{{"", "in", events.ErrEmptyBody}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items := readAll(t, tt.in, Options{})
			require.Len(t, items, len(tt.want))
			for i, w := range tt.want {
				assert.Equal(t, w.where, items[i].Where, "item %d", i)
				if w.err != nil {
					assert.ErrorIs(t, items[i].Err, w.err, "item %d", i)
					continue
				}
				require.NoError(t, items[i].Err, "item %d", i)
				assert.Equal(t, w.id, items[i].Article.ID)
			}
		})
	}
}

func TestReadPlainText(t *testing.T) {
	text := "Iran said it struck militants.\nPakistan denied it.\n"
	items := readAll(t, text, Options{})
	require.Len(t, items, 1)
	require.NoError(t, items[0].Err)
	assert.Equal(t, text, items[0].Article.Body, "plain text is kept byte for byte")
	assert.True(t, strings.HasPrefix(items[0].Article.ID, "sha256:"))
	again := readAll(t, text, Options{})
	assert.Equal(t, items[0].Article.ID, again[0].Article.ID, "id is derived from the content")
}

func TestReadOversized(t *testing.T) {
	big := strings.Repeat("word ", 1<<20) // 5 MiB
	t.Run("oversized JSONL body among good lines", func(t *testing.T) {
		in := `{"id":"a","body":"x"}` + "\n" + `{"id":"big","body":"` + big + `"}` + "\n" + `{"id":"c","body":"y"}` + "\n"
		items := readAll(t, in, Options{})
		require.Len(t, items, 3)
		assert.NoError(t, items[0].Err)
		assert.ErrorIs(t, items[1].Err, events.ErrTooLarge)
		assert.Contains(t, items[1].Err.Error(), `"big"`)
		assert.NoError(t, items[2].Err)
	})
	t.Run("line beyond the line limit", func(t *testing.T) {
		in := `{"id":"big","body":"` + big + `"}` + "\n" + `{"id":"c","body":"y"}`
		items := readAll(t, in, Options{MaxBodyBytes: 1 << 20})
		require.Len(t, items, 2)
		assert.ErrorIs(t, items[0].Err, ErrLineTooLong)
		assert.Equal(t, "c", items[1].Article.ID)
	})
	t.Run("oversized plain text", func(t *testing.T) {
		items := readAll(t, big, Options{})
		require.Len(t, items, 1)
		assert.ErrorIs(t, items[0].Err, events.ErrTooLarge)
	})
}

func TestReadStopsOnCallbackError(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := Read(strings.NewReader("{\"id\":\"a\",\"body\":\"x\"}\n{\"id\":\"b\",\"body\":\"y\"}"), "in", Options{}, func(Item) error {
		n++
		return stop
	})
	assert.ErrorIs(t, err, stop)
	assert.Equal(t, 1, n)
}

func TestReadManyKeepsOrder(t *testing.T) {
	var buf bytes.Buffer
	for i := 0; i < 150; i++ {
		fmt.Fprintf(&buf, "{\"id\":\"a%03d\",\"body\":\"Text %d.\"}\n", i, i)
	}
	items := readAll(t, buf.String(), Options{})
	require.Len(t, items, 150)
	for i, it := range items {
		assert.Equal(t, fmt.Sprintf("a%03d", i), it.Article.ID)
	}
}

// FuzzRead checks that Read never panics and accounts for input: every
// item either has an error or an article with an id and a non-blank body.
func FuzzRead(f *testing.F) {
	f.Add([]byte("{\"id\":\"a\",\"body\":\"x\"}\n{\"id\":\"b\"}"))
	f.Add([]byte("plain text"))
	f.Add([]byte("{\n\"id\":1,\n\"text\":\"t\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		err := Read(bytes.NewReader(data), "f", Options{MaxBodyBytes: 1 << 12}, func(it Item) error {
			if it.Err == nil && (it.Article.ID == "" || strings.TrimSpace(it.Article.Body) == "") {
				t.Fatalf("item without error but no article: %+v", it)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
