package main

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/export"
	"github.com/evidence-workbench/workbench/storage"
)

const secondStory = `Flag raised over Qaim

BAGHDAD, Iraq (LPA) Nov 3, 2017 - Prime Minister Haider al-Abadi raised the flag over Qaim on Friday, officials said.
`

// mustCLI runs a command and fails the test unless it succeeds.
func mustCLI(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := runCLI(t, "", args...)
	if code != 0 {
		t.Fatalf("workbench %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errs)
	}
	return out
}

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestCLIMerge(t *testing.T) {
	dir := t.TempDir()
	ours, theirs := filepath.Join(dir, "ours.ewcase"), filepath.Join(dir, "theirs.ewcase")
	// Both analysts imported the same story; they graded its publisher
	// differently; they also imported a second story and made a claim.
	mustCLI(t, "--case", ours, "import", writeFile(t, dir, "a.txt", wireStory))
	mustCLI(t, "--case", ours, "source", "grade", "LPA", "B", "--note", "ours")
	mustCLI(t, "--case", theirs, "import", writeFile(t, dir, "a-copy.txt", strings.ReplaceAll(wireStory, "\n", "\r\n")))
	mustCLI(t, "--case", theirs, "source", "grade", "LPA", "C", "--note", "theirs")
	var imp []map[string]any
	if err := json.Unmarshal([]byte(mustCLI(t, "--case", theirs, "import", writeFile(t, dir, "b.txt", secondStory), "--json")), &imp); err != nil {
		t.Fatal(err)
	}
	mustCLI(t, "--case", theirs, "claim", "add", "--article", imp[0]["id"].(string), "--start", "0", "--end", "21", "--statement", "the flag")
	before := sum(t, theirs)

	var plan map[string]any
	if err := json.Unmarshal([]byte(mustCLI(t, "--case", ours, "merge", theirs, "--dry-run", "--json")), &plan); err != nil {
		t.Fatal(err)
	}
	counts := plan["counts"].(map[string]any)
	if plan["applied"] != false || len(plan["mapped"].([]any)) != 2 || len(plan["differences"].([]any)) != 1 ||
		counts["article"].(map[string]any)["added"] != 1.0 || counts["claim"].(map[string]any)["added"] != 1.0 {
		t.Fatalf("dry-run plan = %v; want the story and its publisher mapped, the grade differing, a story and a claim added", plan)
	}
	if out := mustCLI(t, "--case", ours, "list"); strings.Contains(out, "Flag raised") {
		t.Fatalf("--dry-run changed the case:\n%s", out)
	}

	out := mustCLI(t, "--case", ours, "merge", theirs)
	for _, want := range []string{"articles: 1 added, 1 identical, 0 differing", "reliability", "ours:   B", "theirs: C", "Merged in one step."} {
		if !strings.Contains(out, want) {
			t.Errorf("merge output lacks %q:\n%s", want, out)
		}
	}
	if out := mustCLI(t, "--case", ours, "list"); !strings.Contains(out, "Flag raised") || strings.Count(out, "Qaim") != 2 {
		t.Errorf("after the merge the case lists:\n%s", out)
	}
	if out := mustCLI(t, "--case", ours, "source", "show", "LPA"); !strings.Contains(out, "theirs") || !strings.Contains(out, "B") {
		t.Errorf("our grade stays and their history row is added:\n%s", out)
	}
	if out := mustCLI(t, "--case", ours, "merge", theirs); !strings.Contains(out, "Nothing to merge") {
		t.Errorf("merging again:\n%s", out)
	}
	if out := mustCLI(t, "--case", ours, "merge", theirs, "--take", "theirs"); !strings.Contains(out, "Merged") {
		t.Errorf("--take theirs:\n%s", out)
	}
	if out := mustCLI(t, "--case", ours, "sources"); !strings.Contains(out, "C ") {
		t.Errorf("--take theirs should take their grade:\n%s", out)
	}
	if sum(t, theirs) != before {
		t.Error("merging changed the other analyst's case file")
	}

	// A Workbench JSON file merges the same way.
	third := filepath.Join(dir, "third.ewcase")
	mustCLI(t, "--case", third, "import", writeFile(t, dir, "c.txt", "Rawa was reached on Sunday, officers said. The army moved on."))
	js := filepath.Join(dir, "third.json")
	writeWorkbenchJSON(t, third, js)
	if out := mustCLI(t, "--case", ours, "merge", js); !strings.Contains(out, "articles: 1 added, 0 identical") {
		t.Errorf("merge of a JSON file:\n%s", out)
	}

	for name, tc := range map[string]struct {
		args []string
		want string
	}{
		"itself":     {[]string{"--case", ours, "merge", ours}, "is the case you are merging into"},
		"not a case": {[]string{"--case", ours, "merge", writeFile(t, dir, "x.txt", "hello")}, "neither an Evidence Workbench case file nor a Workbench JSON file"},
		"no file":    {[]string{"--case", ours, "merge", filepath.Join(dir, "none.ewcase")}, "There is no file"},
		"bad take":   {[]string{"--case", ours, "merge", theirs, "--take", "both"}, "--take is ours or theirs"},
	} {
		t.Run(name, func(t *testing.T) {
			code, _, errs := runCLI(t, "", tc.args...)
			if code == 0 || !strings.Contains(errs, tc.want) {
				t.Errorf("exit %d, stderr %q; want a failure saying %q", code, errs, tc.want)
			}
		})
	}
}

// writeWorkbenchJSON exports a whole case as Workbench JSON.
func writeWorkbenchJSON(t *testing.T, casePath, out string) {
	t.Helper()
	k, err := storage.Open(casePath, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer k.Close()
	snap, err := app.LoadSnapshot(context.Background(), k)
	if err != nil {
		t.Fatal(err)
	}
	d, err := export.Prepare(snap, export.Scope{}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := export.WriteJSON(f, d); err != nil {
		t.Fatal(err)
	}
}
