package main

import (
	"context"
	"os"
	"strconv"
	"testing"

	"github.com/evidence-workbench/workbench/internal/casegen"
	"github.com/evidence-workbench/workbench/storage"
)

// TestMakeBigCase is not a test: `make bigcase OUT=big.ewcase [SCALE=0.01]`
// runs it to write a generated case (at SCALE 1: 10,000 articles, 100,000
// claims, 20,000 entities, 10,000 events; the same seed always gives the
// same case) for trying the workbench on a big case. It lives here because
// only the main package wires storage in.
func TestMakeBigCase(t *testing.T) {
	out := os.Getenv("EWB_BIGCASE")
	if out == "" {
		t.Skip("make bigcase OUT=FILE [SCALE=x] writes a generated case")
	}
	scale := 1.0
	if s := os.Getenv("EWB_BIGCASE_SCALE"); s != "" {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || v <= 0 || v > 10 {
			t.Fatalf("SCALE must be a number above 0 and at most 10, not %q", s)
		}
		scale = v
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatalf("%s exists; choose a new file name", out)
	}
	spec := casegen.Scale
	spec.Articles = max(1, int(float64(spec.Articles)*scale))
	spec.Entities = int(float64(spec.Entities) * scale)
	spec.Events = int(float64(spec.Events) * scale)
	k, err := storage.Open(out, storage.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer k.Close()
	st, err := casegen.Generate(context.Background(), k, spec, func(stage string, done, total int) {
		if done == total {
			t.Logf("%s: %d", stage, total)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %v", out, st)
}
