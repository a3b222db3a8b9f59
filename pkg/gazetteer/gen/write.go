package main

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Output files. Their layouts are documented in pkg/gazetteer/load.go.
const (
	fileEntities  = "entities.tsv.gz"
	fileNames     = "names.tsv.gz"
	fileCountries = "countries.tsv.gz"
	fileStop      = "stop.tsv.gz"
	fileRegional  = "regional.tsv.gz"
)

// write writes the tables to dir.
func (t *tables) write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		fn   func(w *bufio.Writer)
	}{
		{fileEntities, t.writeEntities},
		{fileNames, t.writeNames},
		{fileCountries, t.writeCountries},
		{fileStop, t.writeStop},
		{fileRegional, t.writeRegional},
	} {
		if err := writeGz(filepath.Join(dir, f.name), f.fn); err != nil {
			return fmt.Errorf("write %s: %w", f.name, err)
		}
	}
	return nil
}

func writeGz(path string, fn func(w *bufio.Writer)) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	z, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		f.Close()
		return err
	}
	w := bufio.NewWriter(z)
	fn(w)
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := z.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// clean keeps a field free of tabs and newlines.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

func coord(f float64, ok bool) string {
	if !ok {
		return ""
	}
	return strconv.FormatFloat(f, 'f', 4, 64)
}

// entities.tsv: kind, geonameid, name, country, admin1, feature code,
// population, lat, lon. The row number (from 0) is the entity id.
func (t *tables) writeEntities(w *bufio.Writer) {
	for _, e := range t.ents {
		gid, pop := "", ""
		if e.gid != 0 {
			gid = strconv.FormatInt(e.gid, 10)
		}
		if e.pop != 0 {
			pop = strconv.FormatInt(e.pop, 10)
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", e.kind, gid, clean(e.name), e.country, e.admin1,
			e.fcode, pop, coord(e.lat, e.hasCoord), coord(e.lon, e.hasCoord))
	}
}

// names.tsv: folded key, then comma-separated refs "<entity id><flag>",
// sorted by key (byte order) and by entity id.
func (t *tables) writeNames(w *bufio.Writer) {
	keys := make([]string, 0, len(t.names))
	for k := range t.names {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		m := t.names[k]
		ids := make([]int, 0, len(m))
		for id := range m {
			ids = append(ids, id)
		}
		sort.Ints(ids)
		w.WriteString(k)
		for i, id := range ids {
			if i == 0 {
				w.WriteByte('\t')
			} else {
				w.WriteByte(',')
			}
			w.WriteString(strconv.Itoa(id))
			w.WriteByte(m[id])
		}
		w.WriteByte('\n')
	}
}

// countries.tsv: iso2, iso3, name, capital, geonameid, population,
// neighbours (comma-separated), aliases (|), demonyms (|), entity id.
func (t *tables) writeCountries(w *bufio.Writer) {
	dem := map[string][]string{}
	words := make([]string, 0, len(t.demonyms))
	for d := range t.demonyms {
		words = append(words, d)
	}
	sort.Strings(words)
	for _, d := range words {
		dem[t.demonyms[d]] = append(dem[t.demonyms[d]], d)
	}
	for _, c := range t.countries {
		gid, pop := "", ""
		if c.gid != 0 {
			gid = strconv.FormatInt(c.gid, 10)
		}
		if c.pop != 0 {
			pop = strconv.FormatInt(c.pop, 10)
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n", c.iso2, c.iso3, clean(c.name), clean(c.capital),
			gid, pop, c.neighbours, clean(strings.Join(c.aliases, "|")), clean(strings.Join(dem[c.iso2], "|")), c.ent)
	}
}

// stop.tsv: folded word, category (Xponents non-place names, person titles
// and suffixes).
func (t *tables) writeStop(w *bufio.Writer) {
	keys := make([]string, 0, len(t.stop))
	for k := range t.stop {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "%s\t%s\n", k, clean(t.stop[k]))
	}
}

// regional.tsv: surface forms (|), targets (; admin-1 codes or ISO2).
func (t *tables) writeRegional(w *bufio.Writer) {
	for _, r := range t.regional {
		fmt.Fprintf(w, "%s\t%s\n", clean(r[0]), clean(r[1]))
	}
}
