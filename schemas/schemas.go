// Package schemas embeds the JSON Schemas (draft 2020-12) of the article
// input, the event envelope, the four record types and the article document,
// and validates values against them.
package schemas

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

//go:embed *.schema.json
var files embed.FS

// Base is the URI prefix of every schema's $id.
const Base = "https://schemas.newsdesk.dev/extractor/"

// Schema file names.
const (
	Article  = "article.schema.json"
	Event    = "event.schema.json"
	Document = "document.schema.json"
	Actor    = "actor.schema.json"
	Location = "location.schema.json"
	Casualty = "casualty.schema.json"
	Quote    = "quote.schema.json"
)

// FS returns the schema files.
func FS() fs.FS { return files }

// Validator validates JSON values against the embedded schemas. It is safe
// for concurrent use.
type Validator struct {
	schemas map[string]*jsonschema.Schema
}

// NewValidator compiles every embedded schema.
func NewValidator() (*Validator, error) {
	c := jsonschema.NewCompiler()
	names, err := fs.Glob(files, "*.schema.json")
	if err != nil {
		return nil, fmt.Errorf("schemas: %w", err)
	}
	for _, n := range names {
		b, err := files.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("schemas: read %s: %w", n, err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("schemas: parse %s: %w", n, err)
		}
		if err := c.AddResource(Base+n, doc); err != nil {
			return nil, fmt.Errorf("schemas: add %s: %w", n, err)
		}
	}
	v := &Validator{schemas: map[string]*jsonschema.Schema{}}
	for _, n := range names {
		s, err := c.Compile(Base + n)
		if err != nil {
			return nil, fmt.Errorf("schemas: compile %s: %w", n, err)
		}
		v.schemas[n] = s
	}
	return v, nil
}

// ValidateJSON validates raw JSON against the named schema (one of the
// constants above).
func (v *Validator) ValidateJSON(name string, raw []byte) error {
	s, ok := v.schemas[name]
	if !ok {
		return fmt.Errorf("schemas: no schema %q", name)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		return fmt.Errorf("schemas: %s: invalid JSON: %w", name, err)
	}
	if err := s.Validate(inst); err != nil {
		return fmt.Errorf("schemas: %s: %w", name, err)
	}
	return nil
}

// Validate marshals value to JSON and validates it against the named schema.
func (v *Validator) Validate(name string, value any) error {
	raw, err := json.Marshal(value)
	if err != nil {
		return fmt.Errorf("schemas: %s: marshal: %w", name, err)
	}
	return v.ValidateJSON(name, raw)
}
