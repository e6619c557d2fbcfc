package export_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evidence-workbench/workbench/app/export"
)

// TestSharedValidators runs ../shared/tools/validate (TimelineJS's own
// loader and the W3C and STIX schemas) on the sample case's exports, and on
// the hostile one's. Skipped when the validator is not beside the
// repository or has not installed its packages yet (scripts/ci-export runs
// it in CI either way).
func TestSharedValidators(t *testing.T) {
	if testing.Short() {
		t.Skip("runs node")
	}
	dir := filepath.Join("..", "..", "..", "shared", "tools", "validate")
	if _, err := os.Stat(filepath.Join(dir, "node_modules")); err != nil {
		t.Skipf("no validator with its packages at %s", dir)
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("no node")
	}
	out := t.TempDir()
	kinds := map[string]string{"timelinejs": "timelinejs", "wa": "wa", "stix": "stix"}
	var files []string
	for name, data := range map[string]*export.Data{"sample": sampleData(t), "hostile": hostileData(t)} {
		for format, kind := range kinds {
			f, err := export.FormatByName(format)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := f.Write(&buf, data, export.Options{}); err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(out, name+"."+kind+"."+f.Ext)
			if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, p)
		}
	}
	byKind := map[string][]string{}
	for _, p := range files {
		kind := strings.Split(filepath.Base(p), ".")[1]
		byKind[kind] = append(byKind[kind], p)
	}
	for kind, ps := range byKind {
		res, err := exec.Command(filepath.Join(dir, "validate"), append([]string{kind}, ps...)...).CombinedOutput()
		if err != nil {
			t.Errorf("%s: %v\n%s", kind, err, res)
		} else if strings.Count(string(res), ": valid") != len(ps) {
			t.Errorf("%s: %s", kind, res)
		}
	}
}
