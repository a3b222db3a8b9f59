package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newsdesk/extractor/pkg/events"
)

// LoadDir reads every "<id>.json" file of dir, in the gold file format
// (GUIDELINES.md "File format"; missing fields and lists are empty), and
// returns the documents by article id. The id is the file name without
// ".json"; an "id" field inside the file, when present, must agree with it.
// Other files are ignored.
func LoadDir(dir string) (map[string]*events.Document, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("eval: read folder: %w", err)
	}
	docs := make(map[string]*events.Document)
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".json") {
			continue
		}
		id := strings.TrimSuffix(name, ".json")
		d, err := LoadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		if d.ID != "" && d.ID != id {
			return nil, fmt.Errorf("eval: %s: id %q does not match the file name", filepath.Join(dir, name), d.ID)
		}
		d.ID = id
		docs[id] = d
	}
	return docs, nil
}

// LoadFile reads one document in the gold file format.
func LoadFile(path string) (*events.Document, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	var d events.Document
	if err := json.Unmarshal(raw, &d); err != nil {
		return nil, fmt.Errorf("eval: %s: %w", path, err)
	}
	return &d, nil
}

// IDs returns the keys of docs in sorted order.
func IDs(docs map[string]*events.Document) []string {
	ids := make([]string, 0, len(docs))
	for id := range docs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
