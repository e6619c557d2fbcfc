// Command corpusgen writes the hostile-input corpus (internal/hostile) to
// testdata/hostile, where hostile_test.go reads it:
//
//	go run ./tools/corpusgen            # or: make corpus
//
// The files are deterministic; hostile_test.go fails when the committed
// corpus and the generator drift apart. Files too big to commit (over the
// size limit, a 1 MB line, 10,000 nested tags) are made by the test itself.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/evidence-workbench/workbench/internal/hostile"
)

func main() {
	out := flag.String("out", filepath.Join("testdata", "hostile"), "folder to write the corpus to")
	flag.Parse()
	if err := write(*out); err != nil {
		fmt.Fprintln(os.Stderr, "corpusgen:", err)
		os.Exit(1)
	}
}

func write(dir string) error {
	files, err := hostile.Static()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	keep := map[string]bool{}
	total := 0
	for _, f := range files {
		keep[f.Name] = true
		total += len(f.Data)
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			return err
		}
	}
	// Drop files an older generator wrote.
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !keep[e.Name()] && !strings.HasPrefix(e.Name(), ".") {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	fmt.Printf("wrote %d files (%d KB) to %s\n", len(files), total/1024, dir)
	return nil
}
