package main

import (
	"fmt"
	"io"
)

func runExtract(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "extractor extract: not built yet")
	return 1
}
