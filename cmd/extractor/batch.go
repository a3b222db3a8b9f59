package main

import (
	"fmt"
	"io"
)

// runBatch is replaced by the batch command.
func runBatch(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "extractor batch: not built yet")
	return 1
}
