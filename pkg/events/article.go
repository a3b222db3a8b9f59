package events

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"
)

// MaxBodyBytes is the default largest article body accepted (4 MiB).
const MaxBodyBytes = 4 << 20

// Article is an input article. Body is the text that is extracted from and
// that every span points into; it is never modified.
type Article struct {
	ID          string `json:"id"`
	Title       string `json:"title,omitempty"`
	Body        string `json:"body"`
	URL         string `json:"url,omitempty"`
	PublishedAt string `json:"published_at,omitempty"`
	Source      string `json:"source,omitempty"`
	Language    string `json:"language,omitempty"`
}

// Input errors. Errors returned by DecodeArticle wrap one of these.
var (
	ErrInvalidJSON = errors.New("invalid JSON")
	ErrMissingID   = errors.New("missing id")
	ErrMissingBody = errors.New("missing body")
	ErrEmptyBody   = errors.New("empty body")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrTooLarge    = errors.New("body too large")
)

// wireArticle accepts the field spellings of the corpus: text for body,
// published for published_at. Unknown fields are ignored.
type wireArticle struct {
	ID          json.RawMessage `json:"id"`
	Title       string          `json:"title"`
	Body        *string         `json:"body"`
	Text        *string         `json:"text"`
	URL         string          `json:"url"`
	PublishedAt string          `json:"published_at"`
	Published   string          `json:"published"`
	Source      string          `json:"source"`
	Language    string          `json:"language"`
}

// DecodeArticle parses one JSON article and checks it: id (string or number)
// and a non-empty body (or text) are required, the body must be valid UTF-8
// and at most maxBody bytes (MaxBodyBytes when maxBody <= 0).
func DecodeArticle(data []byte, maxBody int) (Article, error) {
	if maxBody <= 0 {
		maxBody = MaxBodyBytes
	}
	if !utf8.Valid(data) {
		return Article{}, fmt.Errorf("%w in input", ErrInvalidUTF8)
	}
	var w wireArticle
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&w); err != nil {
		return Article{}, fmt.Errorf("%w: %v", ErrInvalidJSON, err)
	}
	if dec.More() {
		return Article{}, fmt.Errorf("%w: trailing data after the article object", ErrInvalidJSON)
	}
	a := Article{Title: w.Title, URL: w.URL, PublishedAt: w.PublishedAt, Source: w.Source, Language: w.Language}
	if a.PublishedAt == "" {
		a.PublishedAt = w.Published
	}
	id, err := decodeID(w.ID)
	if err != nil {
		return Article{}, err
	}
	a.ID = id
	switch {
	case w.Body != nil:
		a.Body = *w.Body
	case w.Text != nil:
		a.Body = *w.Text
	default:
		return a, fmt.Errorf("article %q: %w (want \"body\" or \"text\")", a.ID, ErrMissingBody)
	}
	if err := CheckBody(a.Body, maxBody); err != nil {
		return a, fmt.Errorf("article %q: %w", a.ID, err)
	}
	return a, nil
}

func decodeID(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", ErrMissingID
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		if s == "" {
			return "", ErrMissingID
		}
		return s, nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), nil
	}
	return "", fmt.Errorf("%w: id must be a string or a number, got %s", ErrMissingID, raw)
}

// CheckBody reports why body cannot be extracted from, or nil.
func CheckBody(body string, maxBody int) error {
	if maxBody <= 0 {
		maxBody = MaxBodyBytes
	}
	switch {
	case len(body) > maxBody:
		return fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(body), maxBody)
	case !utf8.ValidString(body):
		return fmt.Errorf("%w in body", ErrInvalidUTF8)
	case len(bytes.TrimSpace([]byte(body))) == 0:
		return ErrEmptyBody
	}
	return nil
}
