package fold_test

import (
	"fmt"

	"github.com/newsdesk/extractor/pkg/fold"
)

func ExampleKey() {
	fmt.Println(fold.Key("Ma’arrat al-Nu‘man"))
	fmt.Println(fold.Key("Łódź, Türkiye"))
	fmt.Println(fold.Key("U.S."))
	fmt.Println(fold.Loose(fold.Key("Sistan-o-Baluchestan Province")))
	// Output:
	// maarrat al numan
	// lodz turkiye
	// u s
	// sistan baluchestan
}
