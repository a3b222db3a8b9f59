package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sampleSrc copies testdata (a tiny sample of every source) to a temporary
// directory, gzipping cities15000.txt as the real source is.
func sampleSrc(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := filepath.WalkDir("testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel("testdata", path)
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if strings.HasSuffix(rel, "cities15000.txt") {
			var buf bytes.Buffer
			z := gzip.NewWriter(&buf)
			z.Write(b)
			z.Close()
			return os.WriteFile(dst+".gz", buf.Bytes(), 0o644)
		}
		return os.WriteFile(dst, b, 0o644)
	})
	require.NoError(t, err)
	return dir
}

// refsOf returns "name/kind:flag" for every entity a key names.
func refsOf(t *tables, key string) []string {
	var out []string
	for id, f := range t.names[key] {
		e := t.ents[id]
		out = append(out, e.name+"/"+e.kind+":"+string(f))
	}
	return out
}

func TestBuild(t *testing.T) {
	tb, err := build(sampleSrc(t))
	require.NoError(t, err)

	t.Run("countries with curated names and aliases", func(t *testing.T) {
		require.Len(t, tb.countries, 3+len(formerCountries))
		assert.Equal(t, "United States", tb.countries[2].name)
		assert.ElementsMatch(t, []string{"United States/country:c"}, refsOf(tb, "u s"))
		assert.ElementsMatch(t, []string{"United States/country:c"}, refsOf(tb, "us"))
		assert.ElementsMatch(t, []string{"Iran/country:v"}, refsOf(tb, "persia"))
		assert.ElementsMatch(t, []string{"Soviet Union/country:n"}, refsOf(tb, "soviet union"))
	})
	t.Run("capital city and province share a name", func(t *testing.T) {
		assert.ElementsMatch(t, []string{"Tehran/admin1:n", "Tehran/city:n", "Shahrestān-e Tehrān/admin2:l"}, refsOf(tb, "tehran"))
	})
	t.Run("alternate names filtered", func(t *testing.T) {
		assert.ElementsMatch(t, []string{"Tehran/city:a"}, refsOf(tb, "teheran"))
		assert.Empty(t, refsOf(tb, "thr"), "IATA code")
		assert.Empty(t, refsOf(tb, "тегеран"), "not Latin script")
		assert.Empty(t, refsOf(tb, "irna"), "news agency")
		assert.Empty(t, refsOf(tb, "hamas"), "armed group")
		assert.ElementsMatch(t, []string{"Quetta/city:a"}, refsOf(tb, "kwatah"), "a Latin alternate is kept")
		assert.ElementsMatch(t, []string{"Tīrān/city:n"}, refsOf(tb, "tiran"), "Tīrān keeps its own name, not Tehran")
	})
	t.Run("NGA variants of matching codes only", func(t *testing.T) {
		assert.ElementsMatch(t, []string{"Sistan and Baluchestan/admin1:v"}, refsOf(tb, "sistan baluchestan"))
		assert.ElementsMatch(t, []string{"Sistan and Baluchestan/admin1:v", "Balochistan/admin1:v"}, refsOf(tb, "baluchistan"))
		assert.Contains(t, refsOf(tb, "sistan baluchistan"), "Sistan and Baluchestan/admin1:l")
		assert.Empty(t, refsOf(tb, "far away name"), "NGA entry 4,000 km off with another name")
	})
	t.Run("admin2 without its unit word", func(t *testing.T) {
		assert.ElementsMatch(t, []string{"Kech District/admin2:l"}, refsOf(tb, "kech"))
	})
	t.Run("demonyms and stop words", func(t *testing.T) {
		assert.Equal(t, "IR", tb.demonyms["Iranian"])
		assert.Equal(t, "US", tb.demonyms["American"])
		assert.Equal(t, "adj", tb.stop["nice"])
		assert.Equal(t, "person.title", tb.stop["president"])
		assert.Equal(t, [][2]string{{"Baloch|Baluch", "PK.02;IR.04"}}, tb.regional)
	})
}

func TestWriteDeterministic(t *testing.T) {
	src := sampleSrc(t)
	var outs [2]string
	for i := range outs {
		tb, err := build(src)
		require.NoError(t, err)
		outs[i] = t.TempDir()
		require.NoError(t, tb.write(outs[i]))
	}
	for _, f := range []string{fileEntities, fileNames, fileCountries, fileStop, fileRegional} {
		a, err := os.ReadFile(filepath.Join(outs[0], f))
		require.NoError(t, err)
		b, err := os.ReadFile(filepath.Join(outs[1], f))
		require.NoError(t, err)
		assert.Equal(t, a, b, f)
	}
	z, err := gzip.NewReader(bytes.NewReader(must(os.ReadFile(filepath.Join(outs[0], fileNames)))))
	require.NoError(t, err)
	text := string(must(io.ReadAll(z)))
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	for i := 1; i < len(lines); i++ {
		assert.Less(t, key(lines[i-1]), key(lines[i]), "names.tsv sorted and unique")
	}
	assert.Contains(t, text, "\nteheran\t")
}

func key(line string) string { k, _, _ := strings.Cut(line, "\t"); return k }

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestBuildMissingSource(t *testing.T) {
	_, err := build(t.TempDir())
	assert.Error(t, err)
}
