// Command gen builds the embedded tables of pkg/gazetteer from the reference
// data (GeoNames, NGA admin-1 variants, demonym lists, Xponents filters and
// the curated tables in curated.go):
//
//	go run ./pkg/gazetteer/gen -src ../shared/data -out pkg/gazetteer/data
//
// The output is deterministic: sorted gzip'd TSV files without timestamps.
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	src := flag.String("src", "../shared/data", "directory of the reference data")
	out := flag.String("out", "pkg/gazetteer/data", "directory to write the tables to")
	flag.Parse()
	t, err := build(*src)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := t.write(*out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "gen: %d entities, %d names, %d countries, %d demonyms, %d stop words\n",
		len(t.ents), len(t.names), len(t.countries), len(t.demonyms), len(t.stop))
}
