package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cli runs the real command line in-process and returns exit code, stdout, stderr.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const wireStory = `Troops reach the edge of Qaim

RAWA, Iraq (LPA) Oct 31, 2017 - Iraqi troops reached the eastern edge of Qaim on Tuesday, commanders said.

The advance followed a week of fighting along the Euphrates near the Ḥusaybah crossing, officers told reporters.
`

func TestCLIImportListShowSearchSet(t *testing.T) {
	dir := t.TempDir()
	kase := filepath.Join(dir, "c.ewcase")
	story := writeFile(t, dir, "story.txt", wireStory)
	empty := writeFile(t, dir, "empty.txt", "  \n")

	code, out, errs := runCLI(t, "", "--case", kase, "import", story, empty, "--json")
	if code != 1 {
		t.Fatalf("import with one bad file: exit %d, want 1 (stderr %q)", code, errs)
	}
	var results []map[string]any
	if err := json.Unmarshal([]byte(out), &results); err != nil {
		t.Fatalf("import --json: %v\n%s", err, out)
	}
	if len(results) != 2 || results[0]["status"] != "imported" || results[1]["status"] != "failed" {
		t.Fatalf("results = %v", results)
	}
	if msg, _ := results[1]["message"].(string); !strings.Contains(msg, "empty") {
		t.Errorf("empty file message = %q, want it to say the file is empty", msg)
	}
	id := results[0]["id"].(string)

	code, out, _ = runCLI(t, "", "--case", kase, "import", story)
	if code != 0 || !strings.Contains(out, "duplicate") {
		t.Errorf("second import: exit %d, out %q; want a duplicate report", code, out)
	}

	code, out, _ = runCLI(t, "", "list", "--case", kase, "--json")
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); code != 0 || err != nil || len(list) != 1 {
		t.Fatalf("list: exit %d err %v out %s", code, err, out)
	}
	if list[0]["title"] != "Troops reach the edge of Qaim" || list[0]["published"] != "2017-10-31" {
		t.Errorf("list row = %v", list[0])
	}

	code, out, _ = runCLI(t, "", "--case", kase, "search", "husaybah")
	if code != 0 || !strings.Contains(out, "[Ḥusaybah]") {
		t.Errorf("search without the accent: exit %d, out %q", code, out)
	}

	short := id[len(id)-8:]
	code, out, errs = runCLI(t, "", "--case", kase, "article", "set", short, "--published", "2017-11-01 09:15", "--byline", "Desk", "--json")
	if code != 0 {
		t.Fatalf("article set: exit %d, %s", code, errs)
	}
	var art map[string]any
	if err := json.Unmarshal([]byte(out), &art); err != nil {
		t.Fatal(err)
	}
	known := art["known"].(map[string]any)["published"].(map[string]any)
	if art["published"] != "2017-11-01 09:15" || art["byline"] != "Desk" || known["basis"] != "analyst" {
		t.Errorf("after set: published %v byline %v known %v", art["published"], art["byline"], known)
	}

	code, out, _ = runCLI(t, "", "--case", kase, "show", id, "--text")
	if code != 0 || !strings.Contains(out, "Iraqi troops reached") || !strings.Contains(out, "analyst") {
		t.Errorf("show --text: exit %d\n%s", code, out)
	}
}

func TestCLIImportFromStdin(t *testing.T) {
	kase := filepath.Join(t.TempDir(), "c.ewcase")
	code, out, errs := runCLI(t, wireStory, "--case", kase, "import", "-", "--json")
	if code != 0 || !strings.Contains(out, `"imported"`) {
		t.Fatalf("import -: exit %d out %s err %s", code, out, errs)
	}
}

func TestCLIErrorsAreClear(t *testing.T) {
	dir := t.TempDir()
	tests := map[string]struct {
		args     []string
		code     int
		inStderr string
	}{
		"unknown command":     {[]string{"frobnicate"}, 2, "unknown command"},
		"missing case":        {[]string{"--case", filepath.Join(dir, "none.ewcase"), "list"}, 1, "No case file"},
		"not a case":          {[]string{"--case", writeFile(t, dir, "x.ewcase", "hello, not sqlite"), "list"}, 1, "not an Evidence Workbench case"},
		"show without id":     {[]string{"--case", filepath.Join(dir, "c.ewcase"), "show"}, 2, "needs one article id"},
		"bad published date":  {[]string{"--case", filepath.Join(dir, "c.ewcase"), "article", "set", "abcd", "--published", "last tuesday"}, 2, "not a publication date"},
		"unknown global flag": {[]string{"--frob"}, 2, "unknown option"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			code, _, errs := runCLI(t, "", tc.args...)
			if code != tc.code || !strings.Contains(errs, tc.inStderr) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errs, tc.code, tc.inStderr)
			}
		})
	}
}

func TestDefaultCaseIsSeededWithTheSample(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	code, out, errs := runCLI(t, "", "list", "--json")
	if code != 0 {
		t.Fatalf("list on first run: exit %d, %s", code, errs)
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != 5 {
		t.Fatalf("first run lists %d articles (err %v), want the 5 sample articles", len(list), err)
	}
	if !strings.Contains(errs, "sample case") {
		t.Errorf("first run should say it created the sample case; stderr %q", errs)
	}
	if _, out2, _ := runCLI(t, "", "list", "--json"); out2 != out {
		t.Errorf("second run changed the default case:\n%s\nvs\n%s", out, out2)
	}
}

func TestNoDisplaySaysSo(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	code, _, errs := runCLI(t, "")
	if code != 1 || !strings.Contains(errs, "no display") || !strings.Contains(errs, "workbench help") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
}

func TestCLIClaims(t *testing.T) {
	dir := t.TempDir()
	kase := filepath.Join(dir, "c.ewcase")
	story := writeFile(t, dir, "story.txt", wireStory)
	_, out, _ := runCLI(t, "", "--case", kase, "import", story, "--json")
	var results []map[string]any
	if err := json.Unmarshal([]byte(out), &results); err != nil {
		t.Fatal(err)
	}
	aid := results[0]["id"].(string)
	text := []rune(wireStory)
	quote := "Iraqi troops reached the eastern edge of Qaim on Tuesday"
	start := strings.Index(string(text), quote)
	start = len([]rune(string(text)[:start])) // runes, not bytes
	end := start + len([]rune(quote))

	code, out, errs := runCLI(t, "", "--case", kase, "claim", "add", "--article", aid, "--start", fmt.Sprint(start), "--end", fmt.Sprint(end),
		"--credibility", "2", "--quantity", "40,000 troops", "--when", "2017-10-31", "--attributed", "commanders", "--tags", "advance, qaim", "--json")
	if code != 0 {
		t.Fatalf("claim add: exit %d %s", code, errs)
	}
	var c map[string]any
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	if c["exact"] != quote || c["credibility"] != "2" || c["quantity"] != "40,000 troops" || c["when"] != "2017-10-31" || c["attributed_name"] != "commanders" {
		t.Fatalf("claim add printed %v", c)
	}
	if !strings.HasSuffix(c["prefix"].(string), "Oct 31, 2017 - ") {
		t.Errorf("prefix %q should be the ~32 runes before the quote", c["prefix"])
	}
	cid := c["id"].(string)

	code, out, _ = runCLI(t, "", "--case", kase, "claim", "edit", cid[len(cid)-8:], "--statement", "Troops reached Qaim", "--credibility", "", "--json")
	if code != 0 || !strings.Contains(out, `"statement": "Troops reached Qaim"`) || !strings.Contains(out, `"credibility": ""`) {
		t.Fatalf("claim edit: exit %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, "", "--case", kase, "claims", "--article", aid)
	if code != 0 || !strings.Contains(out, "Troops reached Qaim") || !strings.Contains(out, fmt.Sprintf("%d-%d", start, end)) {
		t.Fatalf("claims: exit %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, "", "--case", kase, "search", "troops reached")
	if code != 0 || !strings.Contains(out, "[troops]") || !strings.Contains(out, "claims:") || !strings.Contains(out, "Troops reached Qaim") {
		t.Errorf("search should find the article and the claim: %s", out)
	}
	for name, args := range map[string][]string{
		"span past the end": {"claim", "add", "--article", aid, "--start", "5", "--end", "99999"},
		"empty span":        {"claim", "add", "--article", aid, "--start", "5", "--end", "5"},
		"bad credibility":   {"claim", "edit", cid, "--credibility", "9"},
		"bad when":          {"claim", "edit", cid, "--when", "last week"},
		"unknown claim":     {"claim", "rm", "ffffffff"},
	} {
		if code, _, errs := runCLI(t, "", append([]string{"--case", kase}, args...)...); code == 0 || errs == "" {
			t.Errorf("%s: exit %d, stderr %q; want a clear failure", name, code, errs)
		}
	}
	if code, out, _ := runCLI(t, "", "--case", kase, "claim", "rm", cid); code != 0 || !strings.Contains(out, "deleted") {
		t.Fatalf("claim rm: %d %s", code, out)
	}
	if _, out, _ := runCLI(t, "", "--case", kase, "claims", "--json"); strings.TrimSpace(out) != "[]" {
		t.Fatalf("claims after rm: %s", out)
	}
}

func TestCLISources(t *testing.T) {
	dir := t.TempDir()
	kase := filepath.Join(dir, "c.ewcase")
	a := writeFile(t, dir, "a.txt", wireStory)
	b := writeFile(t, dir, "b.txt", "Qaim falls\n\nHUSAYBAH, Iraq (Levant Press Agency) Nov 3, 2017 - Iraqi forces took the town of Qaim on Friday.\n")
	if code, _, errs := runCLI(t, "", "--case", kase, "import", a, b); code != 0 {
		t.Fatalf("import: %s", errs)
	}
	sources := func() map[string]map[string]any {
		_, out, _ := runCLI(t, "", "--case", kase, "sources", "--json")
		var list []map[string]any
		if err := json.Unmarshal([]byte(out), &list); err != nil {
			t.Fatalf("sources --json: %v\n%s", err, out)
		}
		m := map[string]map[string]any{}
		for _, s := range list {
			m[s["name"].(string)] = s
		}
		return m
	}
	s := sources()
	if s["LPA"] == nil || s["Levant Press Agency"] == nil {
		t.Fatalf("sources after import: %v", s)
	}

	if code, _, errs := runCLI(t, "", "--case", kase, "source", "grade", "LPA", "B"); code != 2 || !strings.Contains(errs, "--note") {
		t.Errorf("grade without a reason: exit %d %q", code, errs)
	}
	if code, out, errs := runCLI(t, "", "--case", kase, "source", "grade", "lpa", "B", "--note", "long record"); code != 0 || !strings.Contains(out, "Usually reliable") {
		t.Fatalf("grade: %d %s %s", code, out, errs)
	}
	if code, _, errs := runCLI(t, "", "--case", kase, "source", "merge", "LPA", "Levant Press Agency"); code != 0 {
		t.Fatalf("merge: %s", errs)
	}
	s = sources()
	if s["Levant Press Agency"] != nil || s["LPA"]["articles"].(float64) != 2 || s["LPA"]["reliability"] != "B" {
		t.Fatalf("after merge: %v", s["LPA"])
	}
	_, out, _ := runCLI(t, "", "--case", kase, "source", "show", "Levant Press Agency", "--json")
	if !strings.Contains(out, `"LPA"`) || !strings.Contains(out, "long record") {
		t.Errorf("the merged name should resolve to LPA, with its history: %s", out)
	}
	if code, _, errs := runCLI(t, "", "--case", kase, "source", "rm", "LPA"); code == 0 || !strings.Contains(errs, "still used") {
		t.Errorf("deleting a used source: exit %d %q", code, errs)
	}

	ratings := writeFile(t, dir, "ratings.csv", "name,reliability,note\nLevant Press Agency,A,upgraded after review\nNobody Daily,D,never seen\nLPA,Q,typo\n")
	code, out, _ := runCLI(t, "", "--case", kase, "source", "import-ratings", ratings, "--json")
	var rep map[string]any
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("import-ratings --json: %v\n%s", err, out)
	}
	if code != 1 || len(rep["graded"].([]any)) != 1 || len(rep["problems"].([]any)) != 2 {
		t.Fatalf("import-ratings: exit %d report %v", code, rep)
	}
	if got := sources()["LPA"]["reliability"]; got != "A" {
		t.Errorf("the row naming LPA by its alias should grade it: %v", got)
	}

	_, out, _ = runCLI(t, "", "--case", kase, "list", "--json")
	var list []map[string]any
	_ = json.Unmarshal([]byte(out), &list)
	var wire string
	for _, row := range list {
		if row["title"] == "Troops reach the edge of Qaim" {
			wire = row["id"].(string)
		}
	}
	code, out, errs := runCLI(t, "", "--case", kase, "article", "sources", wire, "--origin", "Joint Operations Command", "--publisher", "Desert Ledger", "--confirm")
	if code != 0 || !strings.Contains(out, "Joint Operations Command via Desert Ledger") || strings.Contains(out, "suggested") {
		t.Fatalf("article sources: %d %s %s", code, out, errs)
	}
}

func TestCLIDates(t *testing.T) {
	code, out, errs := runCLI(t, "", "dates", "--ref", "2017-11-06", "--json", "Iraqi forces seized al-Qaim on Sunday after an offensive launched on Oct. 26.")
	if code != 0 {
		t.Fatalf("dates --ref: %d %s", code, errs)
	}
	var res []map[string]any
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res) != 2 || res[0]["edtf"] != "2017-11-05" || res[1]["edtf"] != "2017-10-26" || res[0]["start"].(float64) != 28 {
		t.Fatalf("dates: %v", res)
	}
	code, out, _ = runCLI(t, "The town fell earlier today.", "dates", "--ref", "unknown", "-")
	if code != 0 || !strings.Contains(out, "no reference date") {
		t.Fatalf("unknown reference must say so, not guess: %s", out)
	}
	dir := t.TempDir()
	kase := filepath.Join(dir, "c.ewcase")
	runCLI(t, "", "--case", kase, "import", writeFile(t, dir, "s.txt", wireStory))
	_, list, _ := runCLI(t, "", "--case", kase, "list", "--json")
	var arts []map[string]any
	_ = json.Unmarshal([]byte(list), &arts)
	code, out, _ = runCLI(t, "", "--case", kase, "dates", arts[0]["id"].(string))
	if code != 0 || !strings.Contains(out, "on Tuesday") || !strings.Contains(out, "2017-10-31") {
		t.Fatalf("dates ARTICLE: %s", out)
	}
}

func TestCLIEventsAndTimeline(t *testing.T) {
	dir := t.TempDir()
	kase := filepath.Join(dir, "c.ewcase")
	runCLI(t, "", "--case", kase, "import", writeFile(t, dir, "a.txt", wireStory),
		writeFile(t, dir, "b.txt", "Qaim falls\n\nHUSAYBAH, Iraq (Levant Press Agency) Nov 3, 2017 - Iraqi forces took the town of Qaim on Friday.\n"))
	_, out, _ := runCLI(t, "", "--case", kase, "list", "--json")
	var arts []map[string]any
	_ = json.Unmarshal([]byte(out), &arts)
	claim := func(article string, when string) string {
		_, out, errs := runCLI(t, "", "--case", kase, "claim", "add", "--article", article, "--start", "0", "--end", "10", "--when", when, "--json")
		var c map[string]any
		if err := json.Unmarshal([]byte(out), &c); err != nil {
			t.Fatalf("claim add: %v %s", err, errs)
		}
		return c["id"].(string)
	}
	c1 := claim(arts[0]["id"].(string), "2017-11-03")
	c2 := claim(arts[1]["id"].(string), "2017-10-31")
	code, out, errs := runCLI(t, "", "--case", kase, "event", "add", "--title", "Fall of Qaim", "--claim", c1, "--json")
	if code != 0 {
		t.Fatalf("event add: %s", errs)
	}
	var ev map[string]any
	_ = json.Unmarshal([]byte(out), &ev)
	eid := ev["id"].(string)
	if code, _, errs := runCLI(t, "", "--case", kase, "event", "link", "Fall of Qaim", c2); code != 0 {
		t.Fatalf("event link by title: %s", errs)
	}
	_, out, _ = runCLI(t, "", "--case", kase, "timeline", "--json")
	var tl map[string]any
	if err := json.Unmarshal([]byte(out), &tl); err != nil {
		t.Fatal(err)
	}
	e := tl["events"].([]any)[0].(map[string]any)
	if e["when"] != "2017-10-31/2017-11-03" || len(e["conflicts"].([]any)) != 1 || e["corroboration"].(float64) != 2 {
		t.Fatalf("timeline event %v", e)
	}
	_, out, _ = runCLI(t, "", "--case", kase, "event", "show", eid)
	if !strings.Contains(out, "CONFLICT date: 2017-10-31 vs 2017-11-03") {
		t.Errorf("event show:\n%s", out)
	}
	if code, _, errs := runCLI(t, "", "--case", kase, "event", "unlink", eid, c2); code != 0 {
		t.Fatal(errs)
	}
	_, out, _ = runCLI(t, "", "--case", kase, "timeline")
	if !strings.Contains(out, "claims without an event") || strings.Contains(out, "CONFLICT") {
		t.Errorf("after unlink the claim stands alone, no conflict:\n%s", out)
	}
	if code, _, errs := runCLI(t, "", "--case", kase, "event", "add", "--title", "x", "--when", "last week"); code == 0 || !strings.Contains(errs, "EDTF") {
		t.Errorf("bad --when: %d %s", code, errs)
	}
}

func TestCLIReimportEditedFileReanchorsClaims(t *testing.T) {
	dir := t.TempDir()
	kase := filepath.Join(dir, "c.ewcase")
	path := writeFile(t, dir, "story.txt", wireStory)
	_, out, _ := runCLI(t, "", "--case", kase, "import", path, "--json")
	var res []map[string]any
	_ = json.Unmarshal([]byte(out), &res)
	aid := res[0]["id"].(string)
	quote := "the Ḥusaybah crossing"
	start := len([]rune(wireStory[:strings.Index(wireStory, quote)]))
	_, out, _ = runCLI(t, "", "--case", kase, "claim", "add", "--article", aid, "--start", fmt.Sprint(start), "--end", fmt.Sprint(start+len([]rune(quote))), "--json")
	var c map[string]any
	_ = json.Unmarshal([]byte(out), &c)

	edited := strings.Replace(wireStory, "Troops reach the edge of Qaim\n", "Troops reach the edge of Qaim\n\nCorrection appended: an earlier version misspelt a place name.\n", 1)
	writeFile(t, dir, "story.txt", edited)
	code, out, errs := runCLI(t, "", "--case", kase, "import", "--update", path)
	if code != 0 || !strings.Contains(out, "updated") || !strings.Contains(out, "1 found by their quote") {
		t.Fatalf("import --update: %d %s %s", code, out, errs)
	}
	_, out, _ = runCLI(t, "", "--case", kase, "claim", "show", c["id"].(string), "--json")
	var moved map[string]any
	_ = json.Unmarshal([]byte(out), &moved)
	s, e := int(moved["start"].(float64)), int(moved["end"].(float64))
	if got := string([]rune(edited)[s:e]); got != quote || moved["orphan"] != false {
		t.Fatalf("claim now on %q (orphan %v)", got, moved["orphan"])
	}
	code, out, _ = runCLI(t, "Nothing of the old words survives here.\n", "--case", kase, "article", "text", aid, "-")
	if code != 0 || !strings.Contains(out, "1 orphaned") || !strings.Contains(out, quote) {
		t.Fatalf("article text: %d %s", code, out)
	}
}
