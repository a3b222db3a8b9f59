package lexicon_test

import (
	"fmt"

	"github.com/newsdesk/extractor/pkg/lexicon"
)

func ExampleLexicon_Org() {
	lex, err := lexicon.Load()
	if err != nil {
		panic(err)
	}
	o, ok := lex.Org("Jaish al-Adl")
	fmt.Println(o.Name, o.Country, o.Kind, ok)
	role, _ := lex.Word(lexicon.TitleHead, "Gen.")
	fmt.Println(role)
	// Output:
	// Jaish al-Adl IR armed true
	// general
}
