package temporal_test

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/temporal"
)

// accCase is one line of testdata/accuracy.txt.
type accCase struct {
	category string
	ref      app.PubDate
	expected string // EDTF, "unknown", "-" (no day named) or "none" (negative)
	expr     string
	sentence string
}

// loadAccuracy reads the hand-written accuracy set, keyed by a readable
// name.
func loadAccuracy(t testing.TB) map[string]accCase {
	t.Helper()
	f, err := os.Open("testdata/accuracy.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cases := map[string]accCase{}
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		parts := strings.Split(s, "|")
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		if len(parts) != 5 {
			t.Fatalf("accuracy.txt:%d: want 5 fields, got %d", line, len(parts))
		}
		ref, err := app.ParsePubDate(parts[1])
		if err != nil {
			t.Fatalf("accuracy.txt:%d: %v", line, err)
		}
		c := accCase{category: parts[0], ref: ref, expected: parts[2], expr: parts[3], sentence: parts[4]}
		if c.category != "negative" && !strings.Contains(c.sentence, c.expr) {
			t.Fatalf("accuracy.txt:%d: the sentence does not contain %q", line, c.expr)
		}
		cases[fmt.Sprintf("%s/%03d %s", c.category, line, c.expr)] = c
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// judge runs the finder and the resolver on c and says what came out and
// whether it is exactly what was expected.
func judge(c accCase) (string, bool) {
	found := temporal.Find(c.sentence)
	if c.category == "negative" {
		if len(found) == 0 {
			return "none", true
		}
		var texts []string
		for _, e := range found {
			texts = append(texts, fmt.Sprintf("%q", e.Text))
		}
		return "found " + strings.Join(texts, ", "), false
	}
	for _, e := range found {
		if e.Text != c.expr {
			continue
		}
		r := temporal.Resolve(e, c.sentence, c.ref)
		got := r.When.EDTF()
		switch {
		case r.Unknown:
			got = "unknown"
		case got == "":
			got = "-"
		}
		if !r.When.IsZero() && (r.When.Expression != e.Text || r.When.Reference != c.ref.Date) {
			return got + " (When lacks its expression or reference)", false
		}
		return got, got == c.expected
	}
	var texts []string
	for _, e := range found {
		texts = append(texts, fmt.Sprintf("%q", e.Text))
	}
	return "not found; found [" + strings.Join(texts, ", ") + "]", false
}

// TestAccuracyReport measures exact-match accuracy (the expression found
// with exactly its words, and resolved to exactly the expected EDTF) by
// category, prints the table, and asserts at least 90% overall and no
// false match on the negative set.
func TestAccuracyReport(t *testing.T) {
	cases := loadAccuracy(t)
	if len(cases) < 150 {
		t.Fatalf("the accuracy set has %d cases, want at least 150", len(cases))
	}
	type tally struct{ ok, all int }
	byCat := map[string]*tally{}
	names := make([]string, 0, len(cases))
	for n := range cases {
		names = append(names, n)
	}
	sort.Strings(names)
	var misses []string
	for _, n := range names {
		c := cases[n]
		t.Run(n, func(t *testing.T) {
			got, ok := judge(c)
			tl := byCat[c.category]
			if tl == nil {
				tl = &tally{}
				byCat[c.category] = tl
			}
			tl.all++
			if ok {
				tl.ok++
				return
			}
			misses = append(misses, fmt.Sprintf("%s: want %s, got %s", n, c.expected, got))
			t.Logf("want %s, got %s", c.expected, got)
		})
	}
	cats := make([]string, 0, len(byCat))
	for c := range byCat {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	var all, ok int
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-16s %5s %5s %7s\n", "category", "ok", "cases", "exact")
	for _, c := range cats {
		tl := byCat[c]
		all += tl.all
		ok += tl.ok
		fmt.Fprintf(&b, "%-16s %5d %5d %6.1f%%\n", c, tl.ok, tl.all, 100*float64(tl.ok)/float64(tl.all))
	}
	fmt.Fprintf(&b, "%-16s %5d %5d %6.1f%%\n", "overall", ok, all, 100*float64(ok)/float64(all))
	t.Log(b.String())
	for _, m := range misses {
		t.Log("miss: " + m)
	}
	if acc := float64(ok) / float64(all); acc < 0.90 {
		t.Errorf("overall exact-match accuracy %.1f%% is below 90%%", 100*acc)
	}
	if neg := byCat["negative"]; neg == nil || neg.ok != neg.all {
		t.Errorf("false matches on the negative set (see misses above)")
	}
}
