package main

import (
	"fmt"
	"io"
)

// runEval is replaced by the evaluation command.
func runEval(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "extractor eval: not built yet")
	return 1
}
