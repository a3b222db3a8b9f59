package gazetteer

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/newsdesk/extractor/pkg/fold"
)

// The tables written by ./gen (layouts in gen/write.go):
//
//	entities.tsv.gz   kind, geonameid, name, country, admin1, feature code, population, lat, lon
//	names.tsv.gz      folded key, refs "<entity id><flag>,..." (sorted by key)
//	countries.tsv.gz  iso2, iso3, name, capital, geonameid, population, neighbours, aliases|, demonyms|, entity id
//	stop.tsv.gz       folded word, category
//	regional.tsv.gz   surface forms|, targets;
//
//go:embed data/*.tsv.gz
var data embed.FS

// Load reads the embedded tables. It takes a few tens of milliseconds; call
// it once per process and share the result.
func Load() (*Gazetteer, error) {
	g := &Gazetteer{
		byISO2: map[string]int{}, countryEnt: map[int]int{}, neighbours: map[string][]string{},
		demonyms: map[string]string{}, capitals: map[string]string{}, stop: map[string]string{},
		regional: map[string][]string{}, admin1: map[string]int{},
	}
	ents, err := readGz("entities.tsv.gz")
	if err != nil {
		return nil, err
	}
	if err := g.loadEntities(ents); err != nil {
		return nil, err
	}
	names, err := readGz("names.tsv.gz")
	if err != nil {
		return nil, err
	}
	g.names = names
	n := strings.Count(names, "\n")
	g.lines = make([]int32, 0, n)
	g.index = make(map[string]int32, n)
	for i := 0; i < len(names); {
		g.index[g.keyAt(i)] = int32(len(g.lines))
		g.lines = append(g.lines, int32(i))
		j := strings.IndexByte(names[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
	}
	countries, err := readGz("countries.tsv.gz")
	if err != nil {
		return nil, err
	}
	if err := g.loadCountries(countries); err != nil {
		return nil, err
	}
	stop, err := readGz("stop.tsv.gz")
	if err != nil {
		return nil, err
	}
	for line := range strings.SplitSeq(stop, "\n") {
		if k, cat, ok := strings.Cut(line, "\t"); ok {
			g.stop[k] = cat
		}
	}
	regional, err := readGz("regional.tsv.gz")
	if err != nil {
		return nil, err
	}
	for line := range strings.SplitSeq(regional, "\n") {
		forms, targets, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		ts := strings.Split(targets, ";")
		for f := range strings.SplitSeq(forms, "|") {
			if k := fold.Key(f); k != "" {
				g.regional[k] = ts
			}
		}
	}
	return g, nil
}

func readGz(name string) (string, error) {
	b, err := data.ReadFile("data/" + name)
	if err != nil {
		return "", fmt.Errorf("gazetteer: read %s: %w", name, err)
	}
	z, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return "", fmt.Errorf("gazetteer: read %s: %w", name, err)
	}
	var sb strings.Builder
	sb.Grow(len(b) * 4)
	if _, err := io.Copy(&sb, z); err != nil {
		return "", fmt.Errorf("gazetteer: read %s: %w", name, err)
	}
	return sb.String(), nil
}

func (g *Gazetteer) loadEntities(s string) error {
	g.ents = make([]entity, 0, strings.Count(s, "\n"))
	n := 0
	for line := range strings.SplitSeq(s, "\n") {
		if line == "" {
			continue
		}
		n++
		var f [9]string
		rest := line
		for i := 0; i < 8; i++ {
			var ok bool
			f[i], rest, ok = strings.Cut(rest, "\t")
			if !ok {
				return fmt.Errorf("gazetteer: entities.tsv:%d: %d fields, want 9", n, i+1)
			}
		}
		f[8] = rest
		e := entity{kind: f[0], name: f[2], country: f[3], admin1: f[4], fcode: f[5]}
		e.gid, _ = strconv.ParseInt(f[1], 10, 64)
		e.pop, _ = strconv.ParseInt(f[6], 10, 64)
		if f[7] != "" && f[8] != "" {
			lat, err1 := strconv.ParseFloat(f[7], 32)
			lon, err2 := strconv.ParseFloat(f[8], 32)
			if err1 == nil && err2 == nil {
				e.lat, e.lon, e.hasCoord = float32(lat), float32(lon), true
			}
		}
		if e.kind == KindAdmin1 {
			g.admin1[e.admin1] = len(g.ents)
		}
		g.ents = append(g.ents, e)
	}
	return nil
}

func (g *Gazetteer) loadCountries(s string) error {
	n := 0
	for line := range strings.SplitSeq(s, "\n") {
		if line == "" {
			continue
		}
		n++
		f := strings.Split(line, "\t")
		if len(f) != 10 {
			return fmt.Errorf("gazetteer: countries.tsv:%d: %d fields, want 10", n, len(f))
		}
		id, err := strconv.Atoi(f[9])
		if err != nil || id < 0 || id >= len(g.ents) {
			return fmt.Errorf("gazetteer: countries.tsv:%d: bad entity id %q", n, f[9])
		}
		c := Country{ISO2: f[0], ISO3: f[1], Name: f[2], Capital: f[3], Aliases: split(f[7], "|"), Demonyms: split(f[8], "|")}
		c.GeonameID, _ = strconv.ParseInt(f[4], 10, 64)
		c.Population, _ = strconv.ParseInt(f[5], 10, 64)
		if e := g.ents[id]; e.hasCoord {
			c.Lat, c.Lon = round4(float64(e.lat)), round4(float64(e.lon))
		}
		i := len(g.countries)
		g.countries = append(g.countries, c)
		g.byISO2[c.ISO2] = i
		g.countryEnt[id] = i
		g.neighbours[c.ISO2] = split(f[6], ",")
		if c.Capital != "" {
			g.capitals[fold.Key(c.Capital)] = c.ISO2
		}
		for _, d := range c.Demonyms {
			g.demonyms[fold.Key(d)] = c.ISO2
		}
	}
	return nil
}

func split(s, sep string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, sep)
}
