package main

import (
	"fmt"
	"io"
)

// runStream is replaced by the streaming service.
func runStream(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "extractor stream: not built yet")
	return 1
}
