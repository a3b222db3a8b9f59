package stream

import (
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/newsdesk/extractor/pkg/events"
	"github.com/newsdesk/extractor/schemas"
)

// Dead-letter reasons, the values of the dlq.reason header and of the
// reason label of the dead-letter metric.
const (
	ReasonOversize        = "oversize"         // message larger than MaxMessageBytes
	ReasonInvalidUTF8     = "invalid_utf8"     // not UTF-8
	ReasonInvalidJSON     = "invalid_json"     // not one JSON value (also an empty message)
	ReasonSchema          = "schema"           // JSON that violates schemas/article.schema.json
	ReasonMissingBody     = "missing_body"     // no body or text, or an empty one
	ReasonExtractionPanic = "extraction_panic" // extraction panicked
	ReasonExtractionError = "extraction_error" // extraction failed otherwise
	ReasonOutputTooLarge  = "output_too_large" // an event or document exceeds the producer's limits
)

// Reasons lists every dead-letter reason.
var Reasons = []string{ReasonOversize, ReasonInvalidUTF8, ReasonInvalidJSON, ReasonSchema,
	ReasonMissingBody, ReasonExtractionPanic, ReasonExtractionError, ReasonOutputTooLarge}

// BadInput is why a message cannot be extracted: Reason is one of the
// Reason constants, Err the detail.
type BadInput struct {
	Reason string
	Err    error
}

func (e *BadInput) Error() string { return e.Reason + ": " + e.Err.Error() }
func (e *BadInput) Unwrap() error { return e.Err }

// Decoder turns input messages into articles.
type Decoder struct {
	maxBytes  int
	validator *schemas.Validator
}

// NewDecoder returns a Decoder that accepts messages of at most maxBytes
// (events.MaxBodyBytes when <= 0) that validate against
// schemas/article.schema.json.
func NewDecoder(maxBytes int, v *schemas.Validator) *Decoder {
	if maxBytes <= 0 {
		maxBytes = events.MaxBodyBytes
	}
	return &Decoder{maxBytes: maxBytes, validator: v}
}

// Decode returns the article of one message value, or a *BadInput. An
// article returned has a non-empty id and a body that passes
// events.CheckBody with the decoder's limit; a message longer than the
// limit is always bad.
func (d *Decoder) Decode(raw []byte) (events.Article, error) {
	bad := func(reason string, err error) (events.Article, error) {
		return events.Article{}, &BadInput{Reason: reason, Err: err}
	}
	switch {
	case len(raw) > d.maxBytes:
		return bad(ReasonOversize, fmt.Errorf("message of %d bytes, limit %d", len(raw), d.maxBytes))
	case len(raw) == 0:
		return bad(ReasonInvalidJSON, errors.New("empty message"))
	case !utf8.Valid(raw):
		return bad(ReasonInvalidUTF8, errors.New("message is not UTF-8"))
	case !json.Valid(raw):
		return bad(ReasonInvalidJSON, json.Unmarshal(raw, new(any)))
	}
	a, err := events.DecodeArticle(raw, d.maxBytes)
	switch {
	case err == nil:
	case errors.Is(err, events.ErrMissingBody), errors.Is(err, events.ErrEmptyBody):
		return bad(ReasonMissingBody, err)
	case errors.Is(err, events.ErrTooLarge):
		return bad(ReasonOversize, err)
	case errors.Is(err, events.ErrInvalidUTF8):
		return bad(ReasonInvalidUTF8, err)
	default: // valid JSON of the wrong shape: not an object, wrong types, no id
		return bad(ReasonSchema, err)
	}
	if d.validator != nil {
		if err := d.validator.ValidateJSON(schemas.Article, raw); err != nil {
			return bad(ReasonSchema, err)
		}
	}
	return a, nil
}
