package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/ingest"
	"github.com/evidence-workbench/workbench/internal/hostile"
	"github.com/evidence-workbench/workbench/storage"
)

// The hostile-input corpus (internal/hostile; testdata/hostile is written
// by go run ./tools/corpusgen) goes through the real import path, the
// command line with the real storage, as a file and as standard input.
// Each file gives a correct import or a clear refusal (an *app.Error
// sentence naming the file, no Go error dump), never a panic, and leaves
// everything else in the case as it was.

// hostileWant is what importing one corpus file must give: an import
// (check looks at the article) or a refusal whose message contains refused.
type hostileWant struct {
	refused string
	check   func(t *testing.T, a *app.Article, data []byte)
	// stdin overrides refused for `import -` ("-" : imported there), where
	// there is no file name to go by.
	stdin string
}

func keptExactly(t *testing.T, a *app.Article, data []byte) {
	t.Helper()
	if a.Text != string(data) {
		t.Errorf("text changed on import:\n got %q\nwant %q", a.Text, data)
	}
}

func storyTitle(t *testing.T, a *app.Article, _ []byte) {
	t.Helper()
	if a.Title != "Convoy reaches Rawa after the bridge reopens" {
		t.Errorf("title %q", a.Title)
	}
}

func textIs(want string) func(*testing.T, *app.Article, []byte) {
	return func(t *testing.T, a *app.Article, _ []byte) {
		t.Helper()
		if a.Text != want {
			t.Errorf("text %q, want %q", a.Text, want)
		}
	}
}

// mainTextOnly checks an HTML import kept the article and dropped what
// must never reach the text.
func mainTextOnly(t *testing.T, a *app.Article, _ []byte) {
	t.Helper()
	if !strings.Contains(a.Text, "forty lorries carrying flour") || !strings.Contains(a.Text, "Residents queued for bread") {
		t.Errorf("the article's paragraphs are missing:\n%s", a.Text)
	}
	for _, bad := range []string{"INJECTED", "alert(", "SCRIPT BODY", "STYLE TEXT", "var secret", "steal()", "IFRAME TEXT", "IFRAME FALLBACK", "javascript:", "onerror", "hidden"} {
		if strings.Contains(a.Text, bad) || strings.Contains(a.Title, bad) {
			t.Errorf("%q reached the article:\n%s", bad, a.Text)
		}
	}
}

func all(checks ...func(*testing.T, *app.Article, []byte)) func(*testing.T, *app.Article, []byte) {
	return func(t *testing.T, a *app.Article, data []byte) {
		t.Helper()
		for _, c := range checks {
			c(t, a, data)
		}
	}
}

var hostileWants = map[string]hostileWant{
	"binary-elf.txt":      {refused: "looks like a program (ELF executable), not an article"},
	"binary-random.txt":   {refused: "looks like a binary file, not an article"},
	"png-renamed.txt":     {refused: "looks like a PNG image, not an article"},
	"zip-renamed.txt":     {refused: "looks like a ZIP archive, not an article"},
	"sqlite-renamed.txt":  {refused: "looks like an SQLite database, not an article"},
	"nul-bytes.txt":       {refused: "looks like a binary file, not an article"},
	"empty.txt":           {refused: "is empty"},
	"whitespace-only.txt": {refused: "is empty"},
	"rtf-renamed.txt":     {refused: "is an RTF document; save it as plain text or PDF and import that"},
	"html-no-text.html":   {refused: "has no readable text"},
	"pdf-encrypted.pdf":   {refused: "is a password-protected PDF; open it with its password"},
	"pdf-image-only.pdf":  {refused: "has no text layer (scanned image?); run it through OCR"},
	"pdf-truncated.pdf":   {refused: "is a truncated or damaged PDF (its end is missing); download or export it again"},
	"pdf-header-only.pdf": {refused: "is a truncated or damaged PDF"},
	"not-pdf.pdf":         {refused: "is named .pdf but is not a PDF file", stdin: "-"},
	"pdf-renamed.txt": {check: func(t *testing.T, a *app.Article, _ []byte) {
		if a.Format != app.FormatPDF || !strings.Contains(a.Text, "forty lorries carrying flour") {
			t.Errorf("a PDF renamed .txt read as %s: %q", a.Format, a.Text)
		}
	}},
	"invalid-utf8.txt": {check: func(t *testing.T, a *app.Article, _ []byte) {
		if !strings.Contains(a.Text, "Café talks in Ramâdi") || !strings.Contains(a.Text, "“ceasefire”") || !slices.ContainsFunc(a.Warnings, func(w string) bool { return strings.Contains(w, "Windows-1252") }) {
			t.Errorf("Windows-1252 text read as %q, warnings %q", a.Text, a.Warnings)
		}
	}},
	"utf16le-bom.txt":     {check: all(textIs(hostile.Story), storyTitle)},
	"utf16be-bom.txt":     {check: all(textIs(hostile.Story), storyTitle)},
	"utf8-bom.txt":        {check: all(textIs(hostile.Story), storyTitle)},
	"control-chars.txt":   {check: all(keptExactly, storyTitle)},
	"crlf.txt":            {check: all(keptExactly, storyTitle)},
	"lone-cr.txt":         {check: all(keptExactly, storyTitle)},
	"arabic-rtl.txt":      {check: all(keptExactly, titleIs("قافلة تصل إلى راوة بعد إعادة فتح الجسر"))},
	"mixed-direction.txt": {check: all(keptExactly, titleIs("Fighting near القائم and Husaybah (حصيبة)"))},
	"combining-marks.txt": {check: all(keptExactly, titleIs("Qa\u0304\u02bfim and Ḥusaybah: marks that combine"))},
	"zwj-emoji.txt":       {check: all(keptExactly, titleIs("Families return 👨‍👩‍👧‍👦 to Al-Qaim 🇮🇶"))},
	"html-scripts.html":   {check: mainTextOnly},
	"html-iframes.html":   {check: mainTextOnly},
	"html-broken.html": {check: func(t *testing.T, a *app.Article, _ []byte) {
		// The second paragraph sits inside an unclosed attribute value, where
		// a browser does not show it either.
		if !strings.Contains(a.Text, "forty lorries carrying flour") || strings.Contains(a.Text, "hidden") || strings.Contains(a.Text, "class=") {
			t.Errorf("broken markup read as %q", a.Text)
		}
	}},
	// made at test time, too big to keep in the repository
	"one-line-1mb.txt": {check: func(t *testing.T, a *app.Article, data []byte) {
		keptExactly(t, a, data)
		if n := utf8.RuneCountInString(a.Title); n == 0 || n > 200 {
			t.Errorf("a title of %d runes from a 1 MB line", n)
		}
	}},
	"over-limit.txt":  {refused: "is just over 16 MB; the limit is 16 MB", stdin: "over the 16 MB limit"},
	"deep-10000.html": {refused: "could not be read as HTML: its tags are nested more than 512 levels deep"},
}

func titleIs(want string) func(*testing.T, *app.Article, []byte) {
	return func(t *testing.T, a *app.Article, _ []byte) {
		t.Helper()
		if a.Title != want {
			t.Errorf("title %q, want %q", a.Title, want)
		}
	}
}

// hostileFiles is the committed corpus plus the files made now.
func hostileFiles(t *testing.T) []hostile.File {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join("testdata", "hostile"))
	if err != nil {
		t.Fatalf("the corpus is missing (go run ./tools/corpusgen writes it): %v", err)
	}
	var files []hostile.File
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join("testdata", "hostile", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, hostile.File{Name: e.Name(), Data: data})
	}
	return append(files,
		hostile.File{Name: "one-line-1mb.txt", Data: hostile.OneLine(1 << 20)},
		hostile.File{Name: "over-limit.txt", Data: hostile.OverLimit(ingest.DefaultMaxBytes)},
		hostile.File{Name: "deep-10000.html", Data: hostile.DeepHTML(10_000)},
	)
}

func TestHostileCorpusIsUpToDate(t *testing.T) {
	want, err := hostile.Static()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, f := range want {
		names[f.Name] = true
		got, err := os.ReadFile(filepath.Join("testdata", "hostile", f.Name))
		if err != nil || !bytes.Equal(got, f.Data) {
			t.Errorf("testdata/hostile/%s differs from the generator (%v): run make corpus", f.Name, err)
		}
		if _, ok := hostileWants[f.Name]; !ok {
			t.Errorf("corpus file %s has no expectation in hostileWants", f.Name)
		}
	}
	entries, _ := os.ReadDir(filepath.Join("testdata", "hostile"))
	for _, e := range entries {
		if !names[e.Name()] {
			t.Errorf("testdata/hostile/%s is not made by the generator: run make corpus", e.Name())
		}
	}
}

// hostileBaseline makes a case with the sample articles, a claim, an
// entity and an event, closed, and returns its path.
func hostileBaseline(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	kase := filepath.Join(dir, "base.ewcase")
	samples, _ := filepath.Glob(filepath.Join("assets", "sample", "*.txt"))
	must := func(args ...string) string {
		t.Helper()
		code, out, errs := runCLI(t, "", append([]string{"--case", kase}, args...)...)
		if code != 0 {
			t.Fatalf("setup %v: %s", args, errs)
		}
		return out
	}
	must(append([]string{"import"}, samples...)...)
	var list []struct{ ID string }
	if err := json.Unmarshal([]byte(must("list", "--json")), &list); err != nil || len(list) == 0 {
		t.Fatalf("setup list: %v", err)
	}
	var claim struct{ ID string }
	if err := json.Unmarshal([]byte(must("claim", "add", "--article", list[0].ID, "--start", "0", "--end", "12", "--credibility", "2", "--json")), &claim); err != nil {
		t.Fatal(err)
	}
	must("entity", "add", "Al-Qaim", "--kind", "place", "--alias", "Al Qa'im")
	must("event", "add", "--title", "Fall of al-Qaim", "--when", "2017-11-03", "--claim", claim.ID)
	return kase
}

// loadSnapshot reads the whole case at path.
func loadSnapshot(t *testing.T, path string) *app.Snapshot {
	t.Helper()
	s, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	snap, err := app.LoadSnapshot(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// importResult is one entry of import --json.
type importResult struct {
	Path, Status, Title, Message, ID string
	Warnings                         []string
}

func TestHostileInputImport(t *testing.T) {
	base := hostileBaseline(t)
	for _, f := range hostileFiles(t) {
		want, ok := hostileWants[f.Name]
		if !ok {
			t.Errorf("no expectation for %s", f.Name)
			continue
		}
		for _, via := range []string{"file", "stdin"} {
			t.Run(f.Name+"/"+via, func(t *testing.T) {
				kase := filepath.Join(t.TempDir(), "case.ewcase")
				copyFileTo(t, base, kase)
				before := loadSnapshot(t, kase)
				args := []string{"--case", kase, "import", "--json"}
				stdin, refused, name := "", want.refused, f.Name
				if via == "file" {
					p := filepath.Join(t.TempDir(), f.Name)
					if err := os.WriteFile(p, f.Data, 0o644); err != nil {
						t.Fatal(err)
					}
					args = append(args, p)
				} else {
					args, stdin, name = append(args, "-"), string(f.Data), "Standard input"
					if want.stdin != "" {
						refused = strings.TrimPrefix(want.stdin, "-")
					}
				}
				code, out, errs := runCLI(t, stdin, args...)
				for _, bad := range []string{"internal error", "panic", "goroutine", "bug in the workbench"} {
					if strings.Contains(errs+out, bad) {
						t.Fatalf("%q in the output: a panic reached the user\n%s\n%s", bad, out, errs)
					}
				}
				var res []importResult
				if err := json.Unmarshal([]byte(out), &res); err != nil || len(res) != 1 {
					t.Fatalf("import --json printed %q (%v), stderr %q", out, err, errs)
				}
				r := res[0]
				after := loadSnapshot(t, kase)
				if refused != "" {
					if code != 1 || r.Status != "failed" || !strings.Contains(r.Message, refused) {
						t.Fatalf("exit %d, %s: %q; want a refusal saying %q", code, r.Status, r.Message, refused)
					}
					checkSentence(t, r.Message, name)
					if !reflect.DeepEqual(before, after) {
						t.Fatal("a refused file changed the case")
					}
					return
				}
				if code != 0 || r.Status != "imported" {
					t.Fatalf("exit %d, %s: %q; want it imported", code, r.Status, r.Message)
				}
				a := onlyNewArticle(t, before, after)
				if a.ID != app.ID(r.ID) {
					t.Fatalf("the new article is %s, import said %s", a.ID, r.ID)
				}
				if err := a.Validate(); err != nil {
					t.Fatalf("stored article is invalid: %v", err)
				}
				if want.check != nil && (via == "file" || !strings.HasSuffix(f.Name, ".pdf")) {
					want.check(t, a, f.Data)
				}
			})
		}
	}
}

// checkSentence fails unless msg reads as a sentence for a person: it
// names the input and carries no Go error dump.
func checkSentence(t *testing.T, msg, name string) {
	t.Helper()
	if !strings.HasPrefix(msg, name) && !strings.HasPrefix(strings.ToLower(msg), strings.ToLower(name)) {
		t.Errorf("message %q does not start with the input's name %q", msg, name)
	}
	for _, dump := range []string{"%!", "runtime error", "0x", "\n", "EOF", "<nil>", "[]byte", "syscall"} {
		if strings.Contains(msg, dump) {
			t.Errorf("message %q contains %q", msg, dump)
		}
	}
}

// onlyNewArticle checks that after differs from before by one article (and
// the sources it named for the first time) and returns that article.
func onlyNewArticle(t *testing.T, before, after *app.Snapshot) *app.Article {
	t.Helper()
	if len(after.Articles) != len(before.Articles)+1 {
		t.Fatalf("%d articles, was %d", len(after.Articles), len(before.Articles))
	}
	var added *app.Article
	old := map[app.ID]bool{}
	for _, a := range before.Articles {
		old[a.ID] = true
	}
	rest := after.Articles[:0:0]
	for i, a := range after.Articles {
		if old[a.ID] {
			rest = append(rest, a)
		} else {
			added = &after.Articles[i]
		}
	}
	sources := slices.DeleteFunc(slices.Clone(after.Sources), func(s app.Source) bool {
		return !slices.ContainsFunc(before.Sources, func(b app.Source) bool { return b.ID == s.ID })
	})
	if !reflect.DeepEqual(rest, before.Articles) || !reflect.DeepEqual(sources, before.Sources) ||
		!reflect.DeepEqual(after.Claims, before.Claims) || !reflect.DeepEqual(after.Entities, before.Entities) ||
		!reflect.DeepEqual(after.Events, before.Events) || !reflect.DeepEqual(after.History, before.History) {
		t.Fatal("importing one article changed something else in the case")
	}
	return added
}

func copyFileTo(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestHostileCaseFiles opens files that are not usable cases through the
// command line: each is refused with a sentence that says what is wrong and
// that the file was not changed, and no byte of it (nor a -wal or -shm
// file next to it) changes.
func TestHostileCaseFiles(t *testing.T) {
	base := hostileBaseline(t)
	whole, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	newer := bytes.Clone(whole)
	binary.BigEndian.PutUint32(newer[60:], 999) // PRAGMA user_version of a later build
	foreign := filepath.Join(t.TempDir(), "notes.db")
	db, err := sql.Open("sqlite3", "file:"+foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('Rawa convoy')"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	foreignBytes, err := os.ReadFile(foreign)
	if err != nil {
		t.Fatal(err)
	}
	png, _ := os.ReadFile(filepath.Join("testdata", "hostile", "png-renamed.txt"))
	tests := map[string]struct {
		data []byte
		want string
	}{
		"sqlite-not-a-case.ewcase": {foreignBytes, "is a SQLite database, but not an Evidence Workbench case. It was not changed."},
		"truncated.ewcase":         {whole[:len(whole)/2], "is damaged: the file is shorter than its header says"},
		"newer.ewcase":             {newer, "was written by a newer version of Evidence Workbench (case format 999"},
		"text.ewcase":              {[]byte(hostile.Story), "is not an Evidence Workbench case (it is not a SQLite database, or it is damaged). It was not changed."},
		"png.ewcase":               {png, "is not an Evidence Workbench case"},
		"empty.ewcase":             {nil, "is not an Evidence Workbench case"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), name)
			if err := os.WriteFile(path, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{{"list"}, {"timeline", "--json"}, {"source", "grade", "LPA", "B", "--note", "x"}} {
				code, out, errs := runCLI(t, "", append([]string{"--case", path}, args...)...)
				if code != 1 || out != "" || !strings.HasPrefix(errs, "workbench: "+path) || !strings.Contains(errs, tc.want) || !strings.Contains(errs, "not changed") {
					t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 1 and a sentence with %q", args, code, out, errs, tc.want)
				}
			}
			if got, _ := os.ReadFile(path); !bytes.Equal(got, tc.data) {
				t.Error("the refused file changed")
			}
			for _, suffix := range []string{"-wal", "-shm"} {
				if _, err := os.Stat(path + suffix); err == nil {
					t.Errorf("a %s file was left next to the refused file", suffix)
				}
			}
		})
	}
}
