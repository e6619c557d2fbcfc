package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"fyne.io/fyne/v2/test"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/mock"
)

// diskCases opens in-memory cases that stand for files: opening with
// create writes a file naming its case, so a renamed file opens the case
// it was made for, as a real case file would.
type diskCases struct {
	t     *testing.T
	cases map[string]*mock.Case
	opens []string
}

func (d *diskCases) open(path string, create bool) (app.Case, error) {
	d.opens = append(d.opens, filepath.Base(path))
	if b, err := os.ReadFile(path); err == nil && len(b) > 0 {
		return d.cases[string(b)], nil
	}
	if !create {
		return nil, app.Errorf(app.ENotFound, "no case at %s", path)
	}
	key := path + "#" + string(rune('a'+len(d.cases)))
	d.cases[key] = mock.NewCase(path)
	if err := os.WriteFile(path, []byte(key), 0o644); err != nil {
		d.t.Fatal(err)
	}
	return d.cases[key], nil
}

// TestFirstRunBuildsTheSampleCaseBesideItsPlace: the default case is made
// under another name and renamed into place once the sample is in it, so a
// kill while it is filled never leaves a default case that opens empty; a
// half-made one from such a kill is replaced.
func TestFirstRunBuildsTheSampleCaseBesideItsPlace(t *testing.T) {
	for name, leftover := range map[string]bool{"first run": false, "after a kill while the sample went in": true} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			def := filepath.Join(dir, "evidence-workbench", "default.ewcase")
			if leftover {
				if err := os.MkdirAll(filepath.Dir(def), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(def+".creating", []byte("half-made"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			d := &diskCases{t: t, cases: map[string]*mock.Case{}}
			sample := fstest.MapFS{
				"sample/qaim.txt": {Data: []byte("Troops enter Al-Qaim\n\nIraqi troops entered Al-Qaim on Friday.")},
			}
			w := New(test.NewTempApp(t), Config{Open: d.open, DefaultCase: def, Sample: sample, SampleDir: "sample"})
			t.Cleanup(w.Wait)
			w.OpenInitialCase()
			w.Wait()

			if w.kase == nil {
				t.Fatal("no case open")
			}
			arts, err := w.kase.Articles(context.Background())
			if err != nil || len(arts) != 1 || arts[0].Title != "Troops enter Al-Qaim" {
				t.Errorf("the default case holds %+v (%v), want the sample article", arts, err)
			}
			if _, err := os.Stat(def + ".creating"); !os.IsNotExist(err) {
				t.Errorf("the case being built is still there beside the default case (%v)", err)
			}
			want := []string{"default.ewcase.creating", "default.ewcase"}
			if len(d.opens) != 2 || d.opens[0] != want[0] || d.opens[1] != want[1] {
				t.Errorf("opened %q, want the case built beside its place, then the default case", d.opens)
			}
		})
	}
}
