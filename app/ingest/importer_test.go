package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/ingest"
)

// memStore is an in-memory app.ArticleStore.
type memStore struct {
	mu       sync.Mutex
	articles map[app.ID]*app.Article
	order    []app.ID

	blindHash   bool  // ArticleByHash never finds anything (a race with another importer)
	failCreate  error // CreateArticle fails with this
	panicCreate bool  // CreateArticle panics
}

var _ app.ArticleStore = (*memStore)(nil)

func newMemStore() *memStore { return &memStore{articles: map[app.ID]*app.Article{}} }

func (s *memStore) CreateArticle(_ context.Context, a *app.Article) error {
	if s.panicCreate {
		panic("store exploded")
	}
	if s.failCreate != nil {
		return s.failCreate
	}
	if err := a.Validate(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, b := range s.articles {
		if b.TextHash == a.TextHash {
			return app.Errorf(app.EConflict, "this article is already in the case")
		}
	}
	c := *a
	s.articles[a.ID] = &c
	s.order = append(s.order, a.ID)
	return nil
}

func (s *memStore) Article(_ context.Context, id app.ID) (*app.Article, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a, ok := s.articles[id]; ok {
		c := *a
		return &c, nil
	}
	return nil, app.Errorf(app.ENotFound, "no article %s", id)
}

func (s *memStore) summary(a *app.Article) *app.ArticleSummary {
	return &app.ArticleSummary{ID: a.ID, Title: a.Title, Published: a.Published, Format: a.Format, Filename: a.Filename}
}

func (s *memStore) ArticleByHash(_ context.Context, hash string) (*app.ArticleSummary, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.blindHash {
		for _, a := range s.articles {
			if a.TextHash == hash {
				return s.summary(a), nil
			}
		}
	}
	return nil, app.Errorf(app.ENotFound, "no article with that text")
}

func (s *memStore) ResolveArticleID(_ context.Context, fragment string) (app.ID, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for id := range s.articles {
		if strings.HasSuffix(string(id), fragment) {
			return id, nil
		}
	}
	return "", app.Errorf(app.ENotFound, "no article %s", fragment)
}

func (s *memStore) Articles(context.Context) ([]app.ArticleSummary, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []app.ArticleSummary
	for _, id := range s.order {
		out = append(out, *s.summary(s.articles[id]))
	}
	return out, nil
}

func (s *memStore) UpdateArticle(ctx context.Context, id app.ID, p app.ArticlePatch) (*app.Article, error) {
	return s.Article(ctx, id)
}

func (s *memStore) SetExcluded(_ context.Context, id app.ID, ranges []app.Excluded) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a, ok := s.articles[id]; ok {
		a.Excluded = ranges
		return nil
	}
	return app.Errorf(app.ENotFound, "no article %s", id)
}

func (s *memStore) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.articles)
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// progressLog records progress calls.
type progressLog struct {
	done, total []int
}

func (p *progressLog) fn(done, total int, _ app.ImportResult) {
	p.done = append(p.done, done)
	p.total = append(p.total, total)
}

func TestImportMixedFolder(t *testing.T) {
	dir := t.TempDir()
	story := "Clinic reopens in Sinjar\n\nA health clinic destroyed in the fighting has reopened in Sinjar, giving families in the district their first doctor in three years.\n"
	writeFile(t, filepath.Join(dir, "a-story.txt"), []byte(story))
	writeFile(t, filepath.Join(dir, "b-copy.txt"), []byte(strings.ReplaceAll(story, "\n", "\r\n")))
	writeFile(t, filepath.Join(dir, "c-empty.txt"), []byte("  \n"))
	writeFile(t, filepath.Join(dir, "d-image.txt"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	writeFile(t, filepath.Join(dir, "e-latin1.md"), []byte("# Caf\xe9 owners return\n\nShop owners in the old city said business was slowly picking up again.\n"))
	writeFile(t, filepath.Join(dir, "f-big.txt"), []byte(strings.Repeat("word ", 2000)))
	writeFile(t, filepath.Join(dir, "g-page.html"), []byte("<html><head><title>Power cuts ease</title></head><body><p>"+strings.Repeat("Power cuts in Basra eased this week as a new line came into service. ", 10)+"</p></body></html>"))
	writeFile(t, filepath.Join(dir, "sub", "h-nested.txt"), []byte("Nested story\n\nA story kept in a subfolder of the folder that was imported by the analyst.\n"))
	writeFile(t, filepath.Join(dir, ".hidden.txt"), []byte("Hidden\n\nShould not be imported.\n"))
	writeFile(t, filepath.Join(dir, ".git", "x.txt"), []byte("Hidden folder\n\nShould not be imported.\n"))
	writeFile(t, filepath.Join(dir, "photo.png"), []byte("\x89PNG\r\n\x1a\n"))
	writeFile(t, filepath.Join(dir, "notes.docx"), []byte("PK\x03\x04"))
	locked := filepath.Join(dir, "i-locked.txt")
	writeFile(t, locked, []byte("Locked\n\nA file the analyst may not read.\n"))
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	_, lockedErr := os.ReadFile(locked) // root reads anything
	store := newMemStore()
	im := &ingest.Importer{Store: store, Options: ingest.Options{MaxBytes: 4096}}
	var log progressLog
	results := im.Import(context.Background(), []string{dir}, log.fn)

	want := []struct {
		file   string
		status app.ImportStatus
		msg    string
	}{
		{"a-story.txt", app.ImportImported, ""},
		{"b-copy.txt", app.ImportDuplicate, "duplicate of “Clinic reopens in Sinjar”"},
		{"c-empty.txt", app.ImportFailed, "c-empty.txt is empty"},
		{"d-image.txt", app.ImportFailed, "d-image.txt looks like a PNG image, not an article"},
		{"e-latin1.md", app.ImportImported, ""},
		{"f-big.txt", app.ImportFailed, "f-big.txt is 9.8 KB; the limit is 4 KB"},
		{"g-page.html", app.ImportImported, ""},
		{"i-locked.txt", app.ImportFailed, "cannot read i-locked.txt: permission denied"},
		{"h-nested.txt", app.ImportImported, ""},
	}
	if lockedErr == nil {
		want[7] = struct {
			file   string
			status app.ImportStatus
			msg    string
		}{"i-locked.txt", app.ImportImported, ""}
	}
	if len(results) != len(want) {
		for _, r := range results {
			t.Logf("%s %s %s", r.Path, r.Status, r.Message)
		}
		t.Fatalf("%d results, want %d", len(results), len(want))
	}
	byFile := map[string]app.ImportResult{}
	var order []string
	for _, r := range results {
		rel, _ := filepath.Rel(dir, r.Path)
		byFile[filepath.Base(rel)] = r
		order = append(order, rel)
	}
	if !slices.IsSorted(order) {
		t.Errorf("results not in sorted order: %q", order)
	}
	imported := 0
	for _, w := range want {
		r, ok := byFile[w.file]
		if !ok {
			t.Errorf("no result for %s", w.file)
			continue
		}
		if r.Status != w.status || !strings.HasPrefix(r.Message, w.msg) {
			t.Errorf("%s: %s %q, want %s %q", w.file, r.Status, r.Message, w.status, w.msg)
		}
		if r.Status == app.ImportImported {
			imported++
			if _, err := store.Article(context.Background(), r.ArticleID); err != nil {
				t.Errorf("%s: imported article %s not in the store", w.file, r.ArticleID)
			}
		}
	}
	if store.count() != imported {
		t.Errorf("store holds %d articles, %d imported", store.count(), imported)
	}
	if dup, first := byFile["b-copy.txt"], byFile["a-story.txt"]; dup.ArticleID != first.ArticleID {
		t.Errorf("duplicate points at %s, want %s", dup.ArticleID, first.ArticleID)
	}
	if w := byFile["e-latin1.md"].Warnings; len(w) == 0 || !strings.Contains(w[0], "Windows-1252") {
		t.Errorf("latin-1 file warnings = %q", w)
	}
	if byFile["e-latin1.md"].Title != "Café owners return" {
		t.Errorf("latin-1 title = %q", byFile["e-latin1.md"].Title)
	}
	if len(log.done) != len(results) {
		t.Fatalf("progress called %d times for %d files", len(log.done), len(results))
	}
	for i := range log.done {
		if log.done[i] != i+1 || log.total[i] != len(results) {
			t.Errorf("progress call %d = %d/%d", i, log.done[i], log.total[i])
		}
	}
}

func TestImportPaths(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	dangling := filepath.Join(dir, "gone.txt")
	if err := os.Symlink(filepath.Join(dir, "nowhere.txt"), dangling); err != nil {
		t.Fatal(err)
	}
	im := &ingest.Importer{Store: newMemStore()}
	results := im.Import(context.Background(), []string{filepath.Join(dir, "missing.txt"), empty, dangling}, nil)
	wants := []string{"missing.txt does not exist", "the folder empty has no .txt, .md, .markdown, .html, .htm or .pdf files", "gone.txt does not exist"}
	if len(results) != len(wants) {
		t.Fatalf("%d results", len(results))
	}
	for i, w := range wants {
		if results[i].Status != app.ImportFailed || results[i].Message != w {
			t.Errorf("result %d = %s %q, want %q", i, results[i].Status, results[i].Message, w)
		}
	}
}

func TestImportDuplicates(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "story.txt")
	writeFile(t, p, []byte("Bakery reopens\n\nThe bakery on Nineveh Street reopened on Thursday after two years, its owner said.\n"))
	cases := map[string]*memStore{
		"found by hash":         newMemStore(),
		"refused with conflict": {articles: map[app.ID]*app.Article{}, blindHash: true},
	}
	for name, store := range cases {
		t.Run(name, func(t *testing.T) {
			im := &ingest.Importer{Store: store}
			first := im.Import(context.Background(), []string{p}, nil)
			second := im.Import(context.Background(), []string{p}, nil)
			if first[0].Status != app.ImportImported {
				t.Fatalf("first import: %+v", first[0])
			}
			r := second[0]
			if r.Status != app.ImportDuplicate || !strings.HasPrefix(r.Message, "duplicate of") {
				t.Errorf("second import: %s %q", r.Status, r.Message)
			}
			if !store.blindHash && (r.ArticleID != first[0].ArticleID || r.Message != "duplicate of “Bakery reopens”") {
				t.Errorf("duplicate result = %+v", r)
			}
			if store.count() != 1 {
				t.Errorf("store holds %d articles", store.count())
			}
		})
	}
}

func TestImportCancel(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a", "b", "c", "d"} {
		writeFile(t, filepath.Join(dir, n+".txt"), []byte("Story "+n+"\n\nA different story for file "+n+", with its own words.\n"))
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	store := newMemStore()
	im := &ingest.Importer{Store: store}
	var log progressLog
	results := im.Import(ctx, []string{dir}, func(done, total int, r app.ImportResult) {
		log.fn(done, total, r)
		if done == 2 {
			cancel()
		}
	})
	if len(results) != 4 || len(log.done) != 4 {
		t.Fatalf("%d results, %d progress calls", len(results), len(log.done))
	}
	for i, r := range results {
		cancelled := strings.HasPrefix(r.Message, "cancelled")
		if (i >= 2) != cancelled || cancelled && r.Status != app.ImportFailed {
			t.Errorf("file %d: %s %q", i, r.Status, r.Message)
		}
	}
	if store.count() != 2 {
		t.Errorf("store holds %d articles, want 2", store.count())
	}
}

func TestImportStoreFailures(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "story.txt")
	writeFile(t, p, []byte("Headline\n\nSome body text for the story.\n"))
	cases := map[string]struct {
		store *memStore
		msg   string
	}{
		"store error": {&memStore{articles: map[app.ID]*app.Article{}, failCreate: app.Errorf(app.ELocked, "the case is open elsewhere")}, "cannot store story.txt: the case is open elsewhere"},
		"panic":       {&memStore{articles: map[app.ID]*app.Article{}, panicCreate: true}, "importing story.txt failed unexpectedly"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			im := &ingest.Importer{Store: c.store}
			r := im.Import(context.Background(), []string{p}, nil)[0]
			if r.Status != app.ImportFailed || !strings.HasPrefix(r.Message, c.msg) {
				t.Errorf("result = %s %q, want %q", r.Status, r.Message, c.msg)
			}
		})
	}
}

func TestImportText(t *testing.T) {
	store := newMemStore()
	im := &ingest.Importer{Store: store, Options: ingest.Options{MaxBytes: 200}}
	ctx := context.Background()
	r := im.ImportText(ctx, "pasted text", "Pasted headline\n\nThe body of the pasted story.\n")
	if r.Status != app.ImportImported || r.Title != "Pasted headline" {
		t.Fatalf("paste: %+v", r)
	}
	a, err := store.Article(ctx, r.ArticleID)
	if err != nil || a.Format != app.FormatPaste {
		t.Errorf("stored paste: %v %+v", err, a)
	}
	if r := im.ImportText(ctx, "pasted text", "Pasted headline\n\nThe body of the pasted story.\n"); r.Status != app.ImportDuplicate {
		t.Errorf("same paste again: %s %q", r.Status, r.Message)
	}
	if r := im.ImportText(ctx, "standard input", " \n"); r.Status != app.ImportFailed || r.Message != "Standard input is empty" {
		t.Errorf("empty stdin: %s %q", r.Status, r.Message)
	}
	if r := im.ImportText(ctx, "standard input", strings.Repeat("x", 300)); r.Status != app.ImportFailed || r.Message != "Standard input is 300 bytes; the limit is 200 bytes" {
		t.Errorf("large stdin: %s %q", r.Status, r.Message)
	}
}

func TestImportFS(t *testing.T) {
	fsys := fstest.MapFS{
		"sample/01-one.txt":   {Data: []byte("First sample\n\nThe first sample story.\n")},
		"sample/02-two.md":    {Data: []byte("# Second sample\n\nThe second sample story.\n")},
		"sample/.hidden.txt":  {Data: []byte("Hidden\n\nNot imported.\n")},
		"sample/picture.png":  {Data: []byte("\x89PNG\r\n\x1a\n")},
		"sample/03-empty.txt": {Data: []byte("")},
	}
	store := newMemStore()
	im := &ingest.Importer{Store: store}
	var log progressLog
	results := im.ImportFS(context.Background(), fsys, "sample", log.fn)
	var got []string
	for _, r := range results {
		got = append(got, r.Path+" "+string(r.Status))
	}
	want := []string{"sample/01-one.txt imported", "sample/02-two.md imported", "sample/03-empty.txt failed"}
	if !slices.Equal(got, want) {
		t.Errorf("results = %q, want %q", got, want)
	}
	if len(log.done) != 3 || store.count() != 2 {
		t.Errorf("%d progress calls, %d stored", len(log.done), store.count())
	}
}

func TestImportSampleCase(t *testing.T) {
	fsys := os.DirFS("../../assets")
	if _, err := os.Stat("../../assets/sample"); err != nil {
		t.Skip("no sample case")
	}
	store := newMemStore()
	im := &ingest.Importer{Store: store}
	results := im.ImportFS(context.Background(), fsys, "sample", nil)
	if len(results) == 0 {
		t.Fatal("nothing imported")
	}
	for _, r := range results {
		if r.Status != app.ImportImported {
			t.Errorf("%s: %s %q", r.Path, r.Status, r.Message)
		}
	}
}
