package geo_test

import (
	"fmt"

	"github.com/newsdesk/extractor/pkg/gazetteer"
	"github.com/newsdesk/extractor/pkg/geo"
	"github.com/newsdesk/extractor/pkg/ner"
)

func ExampleLocations_Extract() {
	gz, err := gazetteer.Load()
	if err != nil {
		panic(err)
	}
	stage := geo.New(gz, geo.Options{})
	model, err := ner.NewModel(ner.Options{})
	if err != nil {
		panic(err)
	}
	text := "Tehran said missiles hit a village in the Sistan-Baluchestan province that borders Pakistan. " +
		"Iranian media said the strikes hit Sistan and Baluchestan Province."
	for _, l := range stage.Extract(model.Analyze(text)) {
		fmt.Printf("%s (%s, %s) %v %v\n", l.Name, l.Kind, l.Country, l.Aliases, l.Spans)
	}
	// Output:
	// Tehran (city, IR) [] [{0 6}]
	// Sistan and Baluchestan (admin1, IR) [Sistan-Baluchestan province Sistan and Baluchestan Province] [{42 69} {128 159}]
	// Pakistan (country, PK) [] [{83 91}]
}
