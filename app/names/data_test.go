package names_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// nameSet is one line of testdata/variants.txt.
type nameSet struct {
	Kind      string
	Canonical string
	Aliases   []string // recorded by the analyst, indexed, not looked up
	Variants  []string // must find Canonical by transliteration
	// Unreachable marks variants from another romanisation system whose
	// consonants differ ("~" in the file): reported, not required.
	Unreachable map[string]bool
}

func loadVariants(t *testing.T) []nameSet {
	t.Helper()
	var sets []nameSet
	for _, f := range readTable(t, "variants.txt") {
		if len(f) < 3 {
			t.Fatalf("variants.txt: %q needs a kind, a canonical name and a variant", f)
		}
		s := nameSet{Kind: f[0], Canonical: f[1], Unreachable: map[string]bool{}}
		for _, v := range f[2:] {
			if a, ok := strings.CutPrefix(v, "="); ok {
				s.Aliases = append(s.Aliases, a)
				continue
			}
			if u, ok := strings.CutPrefix(v, "~"); ok {
				v = u
				s.Unreachable[v] = true
			}
			s.Variants = append(s.Variants, v)
		}
		sets = append(sets, s)
	}
	return sets
}

// readTable reads a "|"-separated file from testdata, skipping comments
// and blank lines.
func readTable(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var row []string
		for _, c := range strings.Split(line, "|") {
			row = append(row, strings.TrimSpace(c))
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// corpus returns the seed articles and the bundled sample, skipping the
// test when neither is there.
func corpus(t *testing.T) map[string]string {
	t.Helper()
	texts := map[string]string{}
	for _, pattern := range []string{"../../../shared/seeds/*.txt", "../../assets/sample/*.txt"} {
		files, _ := filepath.Glob(pattern)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts[filepath.Base(f)] = string(b)
		}
	}
	if len(texts) == 0 {
		t.Skip("no seed or sample articles here")
	}
	return texts
}
