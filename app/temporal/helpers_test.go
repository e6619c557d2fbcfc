package temporal_test

import (
	"os"
	"path/filepath"
	"testing"
)

// articleFiles reads the shared seeds and the bundled sample articles,
// keyed by file name; missing folders are skipped.
func articleFiles(t testing.TB) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, pattern := range []string{"../../../shared/seeds/*.txt", "../../assets/sample/*.txt"} {
		paths, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			out[filepath.Base(p)] = string(b)
		}
	}
	return out
}
