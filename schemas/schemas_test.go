package schemas

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSchemas(t *testing.T) {
	v, err := NewValidator()
	require.NoError(t, err)
	tests := []struct {
		name   string
		schema string
		doc    string
		valid  bool
	}{
		{"article with body", Article, `{"id":"a","body":"x"}`, true},
		{"corpus article with text", Article, `{"id":"a","text":"x","published":"2008-01-01","license":"CC"}`, true},
		{"article without body", Article, `{"id":"a"}`, false},
		{"article without id", Article, `{"body":"x"}`, false},
		{"actor", Actor, `{"name":"Iran","kind":"state","aliases":["Tehran"],"roles":[],"affiliation":"IR","spans":[{"start":0,"end":4}],"confidence":0.9}`, true},
		{"actor of unknown kind", Actor, `{"name":"X","kind":"group","aliases":[],"roles":[],"affiliation":"","spans":[{"start":0,"end":1}],"confidence":1}`, false},
		{"actor without spans", Actor, `{"name":"X","kind":"person","aliases":[],"roles":[],"affiliation":"","spans":[],"confidence":1}`, false},
		{"location unresolved", Location, `{"name":"Qala","kind":"city","country":"","aliases":[],"spans":[{"start":3,"end":7}],"confidence":0.5}`, true},
		{"location bad country", Location, `{"name":"Qala","kind":"city","country":"iran","aliases":[],"spans":[{"start":3,"end":7}],"confidence":0.5}`, false},
		{"casualty vague", Casualty, `{"category":"killed","count":null,"count_max":null,"qualifier":"vague","phrase":"dozens of people","victims":"people","source":"","breakdown":[],"estimate":12,"span":{"start":0,"end":16},"spans":[{"start":0,"end":16}],"sentence":{"start":0,"end":40},"confidence":0.8}`, true},
		{"casualty bad category", Casualty, `{"category":"hurt","count":1,"count_max":null,"qualifier":"exact","phrase":"one","victims":"","source":"","breakdown":[],"estimate":1,"span":{"start":0,"end":3},"spans":[{"start":0,"end":3}],"sentence":{"start":0,"end":3},"confidence":1}`, false},
		{"quote", Quote, `{"kind":"direct","text":"We will respond","speaker":"Iran","cue":"said","span":{"start":1,"end":16},"confidence":0.9}`, true},
		{"event with quote data", Event, `{"event_id":"0123456789abcdef0123456789abcdef","type":"quote","schema_version":"1.0.0","article_id":"a","article_url":"","published_at":"","extractor_version":"0.1.0","data":{"kind":"direct","text":"We will respond","speaker":"Iran","cue":"said","span":{"start":1,"end":16},"confidence":0.9}}`, true},
		{"event whose data is not its type", Event, `{"event_id":"0123456789abcdef0123456789abcdef","type":"actor","schema_version":"1.0.0","article_id":"a","article_url":"","published_at":"","extractor_version":"0.1.0","data":{"kind":"direct","text":"We will respond","speaker":"Iran","cue":"said","span":{"start":1,"end":16},"confidence":0.9}}`, false},
		{"empty document", Document, `{"id":"a","extractor_version":"0.1.0","actors":[],"locations":[],"casualties":[],"quotes":[]}`, true},
		{"document with null list", Document, `{"id":"a","extractor_version":"0.1.0","actors":null,"locations":[],"casualties":[],"quotes":[]}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := v.ValidateJSON(tt.schema, []byte(tt.doc))
			if tt.valid {
				assert.NoError(t, err)
			} else {
				assert.Error(t, err)
			}
		})
	}
	assert.Error(t, v.ValidateJSON("nope.schema.json", []byte(`{}`)))
}
