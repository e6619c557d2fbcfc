package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/export"
	"github.com/evidence-workbench/workbench/storage"
)

// fixedExportTime makes two exports of equal cases byte-equal.
var fixedExportTime = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// exportCase makes a case with two reports that disagree on the day Qaim
// fell, an event both are linked to (one contradicting), and an entity.
func exportCase(t *testing.T) (kase string, eventID string) {
	t.Helper()
	dir := t.TempDir()
	kase = filepath.Join(dir, "qaim.ewcase")
	a := writeFile(t, dir, "a.txt", wireStory)
	b := writeFile(t, dir, "b.txt", "Qaim falls\n\nHUSAYBAH, Iraq (Levant Press Agency) Nov 3, 2017 - Iraqi forces took the town of Qaim on Friday.\n")
	code, out, errs := runCLI(t, "", "--case", kase, "import", a, b, "--json")
	if code != 0 {
		t.Fatalf("import: %s", errs)
	}
	var imported []map[string]any
	if err := json.Unmarshal([]byte(out), &imported); err != nil {
		t.Fatal(err)
	}
	claim := func(article any, text, quote, when string) string {
		t.Helper()
		i := strings.Index(text, quote)
		start := len([]rune(text[:i]))
		code, out, errs := runCLI(t, "", "--case", kase, "claim", "add", "--article", article.(string), "--start", fmt.Sprint(start),
			"--end", fmt.Sprint(start+len([]rune(quote))), "--credibility", "2", "--when", when, "--json")
		if code != 0 {
			t.Fatalf("claim add: %s", errs)
		}
		var c map[string]any
		if err := json.Unmarshal([]byte(out), &c); err != nil {
			t.Fatal(err)
		}
		return c["id"].(string)
	}
	c1 := claim(imported[0]["id"], wireStory, "Iraqi troops reached the eastern edge of Qaim on Tuesday", "2017-10-31")
	c2 := claim(imported[1]["id"], "Qaim falls\n\nHUSAYBAH, Iraq (Levant Press Agency) Nov 3, 2017 - Iraqi forces took the town of Qaim on Friday.\n",
		"Iraqi forces took the town of Qaim on Friday", "2017-11-03")
	code, out, errs = runCLI(t, "", "--case", kase, "event", "add", "--title", "Qaim falls <b>", "--claim", c2, "--json")
	if code != 0 {
		t.Fatalf("event add: %s", errs)
	}
	var ev map[string]any
	if err := json.Unmarshal([]byte(out), &ev); err != nil {
		t.Fatal(err)
	}
	eventID = ev["id"].(string)
	if code, _, errs := runCLI(t, "", "--case", kase, "event", "link", eventID, c1, "--contradicts"); code != 0 {
		t.Fatalf("event link: %s", errs)
	}
	if code, _, errs := runCLI(t, "", "--case", kase, "entity", "add", "Ḥusaybah", "--kind", "place", "--alias", "Husaibah"); code != 0 {
		t.Fatalf("entity add: %s", errs)
	}
	return kase, eventID
}

func TestCLIExport(t *testing.T) {
	kase, eventID := exportCase(t)
	dir := filepath.Dir(kase)

	code, out, _ := runCLI(t, "", "export", "--list")
	for _, f := range export.Formats() {
		if !strings.Contains(out, f.Name) {
			t.Errorf("export --list lacks %s:\n%s", f.Name, out)
		}
	}
	if code != 0 {
		t.Fatalf("export --list: exit %d", code)
	}
	for _, f := range export.Formats() {
		path := filepath.Join(dir, "out."+f.Name+"."+f.Ext)
		code, out, errs := runCLI(t, "", "--case", kase, "export", "--format", f.Name, "--out", path)
		if code != 0 || !strings.Contains(out, "exported") {
			t.Errorf("%s: exit %d, %s %s", f.Name, code, out, errs)
			continue
		}
		if st, err := os.Stat(path); err != nil || st.Size() < 200 {
			t.Errorf("%s: %v", f.Name, err)
		}
	}
	html, _ := os.ReadFile(filepath.Join(dir, "out.html.html"))
	if strings.Contains(string(html), "Qaim falls <b>") || !strings.Contains(string(html), "Qaim falls &lt;b&gt;") {
		t.Error("the event title is escaped in the report")
	}

	// JSON to standard output reads back, and restores into an empty case
	// file the same case.
	code, out, errs := runCLI(t, "", "--case", kase, "export", "--format", "json", "--out", "-")
	if code != 0 {
		t.Fatalf("export to stdout: %s", errs)
	}
	snap, err := export.ReadJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Events) != 1 || len(snap.Claims) != 2 || len(snap.Entities) != 1 || len(snap.Events[0].Claims) != 2 {
		t.Fatalf("read back %d events, %d claims, %d entities", len(snap.Events), len(snap.Claims), len(snap.Entities))
	}
	restoreIntoEmptyCase(t, kase, snap)

	// Scopes.
	code, out, _ = runCLI(t, "", "--case", kase, "export", "--format", "csv", "--scope", "events:"+eventID[len(eventID)-8:], "--out", "-")
	if code != 0 || strings.Count(out, "\nevent,") != 1 || strings.Count(out, "\nclaim,") != 2 {
		t.Errorf("event scope: exit %d\n%s", code, out)
	}
	code, out, errs = runCLI(t, "", "--case", kase, "export", "--format", "json", "--scope", "entity:Husaibah", "--out", "-")
	if code != 0 || !strings.Contains(out, `"scope": "entity “Ḥusaybah”"`) {
		t.Errorf("entity scope by alias: exit %d %s\n%.300s", code, errs, out)
	}
}

// restoreIntoEmptyCase applies snap to a new case file and compares what
// it then holds with kase.
func restoreIntoEmptyCase(t *testing.T, kase string, snap *app.Snapshot) {
	t.Helper()
	ctx := context.Background()
	empty, err := storage.OpenCase(filepath.Join(t.TempDir(), "restored.ewcase"), true)
	if err != nil {
		t.Fatal(err)
	}
	defer empty.Close()
	applier, ok := empty.(app.ChangeApplier)
	if !ok {
		t.Fatal("the case file store cannot apply a change set: restore is impossible")
	}
	if err := applier.ApplyChanges(ctx, &app.ChangeSet{Put: *snap}); err != nil {
		t.Fatalf("restore: %v", err)
	}
	got, err := app.LoadSnapshot(ctx, empty)
	if err != nil {
		t.Fatal(err)
	}
	orig, err := storage.OpenCase(kase, false)
	if err != nil {
		t.Fatal(err)
	}
	defer orig.Close()
	want, err := app.LoadSnapshot(ctx, orig)
	if err != nil {
		t.Fatal(err)
	}
	var g, w bytes.Buffer
	for _, x := range []struct {
		s   *app.Snapshot
		buf *bytes.Buffer
	}{{got, &g}, {want, &w}} {
		d, err := export.Prepare(x.s, export.Scope{}, fixedExportTime)
		if err != nil {
			t.Fatal(err)
		}
		if err := export.WriteJSON(x.buf, d); err != nil {
			t.Fatal(err)
		}
	}
	if g.String() != w.String() {
		t.Errorf("the restored case differs from the original:\n%s\nvs\n%s", g.String(), w.String())
	}
}

func TestCLIExportErrors(t *testing.T) {
	kase, _ := exportCase(t)
	dir := filepath.Dir(kase)
	tests := map[string]struct {
		args []string
		code int
		msg  string
	}{
		"no format":      {[]string{"export", "--out", "x"}, 2, "needs --format"},
		"unknown format": {[]string{"export", "--format", "docx", "--out", "x"}, 2, "not an export format"},
		"no out":         {[]string{"export", "--format", "json"}, 2, "needs --out"},
		"stray argument": {[]string{"export", "json"}, 2, "only flags"},
		"bad scope":      {[]string{"export", "--format", "json", "--scope", "source:LPA", "--out", "-"}, 1, "not a scope"},
		"unknown event":  {[]string{"export", "--format", "json", "--scope", "events:ffffffff", "--out", "-"}, 1, "event"},
		"missing folder": {[]string{"export", "--format", "json", "--out", filepath.Join(dir, "nope", "x.json")}, 1, "does not exist"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			code, _, errs := runCLI(t, "", append([]string{"--case", kase}, tc.args...)...)
			if code != tc.code || !strings.Contains(errs, tc.msg) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errs, tc.code, tc.msg)
			}
		})
	}
}
