package export_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/evidence-workbench/workbench/app/export"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden writes the sample case in every text format and compares it
// with testdata/golden (go test -run TestGolden -update rewrites them).
// PDF and PNG are checked by their own tests.
func TestGolden(t *testing.T) {
	for _, f := range export.Formats() {
		if f.Binary {
			continue
		}
		t.Run(f.Name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := f.Write(&buf, sampleData(t), export.Options{}); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "golden", "sample."+f.Name+"."+f.Ext)
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGolden -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				failed := filepath.Join("testdata", "failed", filepath.Base(path))
				_ = os.MkdirAll(filepath.Dir(failed), 0o755)
				_ = os.WriteFile(failed, buf.Bytes(), 0o644)
				t.Errorf("%s differs from the golden file; the new output is in %s (diff them, then -update if it is right)", f.Name, failed)
			}
		})
	}
}
