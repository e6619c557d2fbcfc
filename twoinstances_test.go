package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestSecondInstanceIsRefused holds a case open in one process (import -
// waits for standard input with the case open and locked) and runs other
// commands on it from a second process: each is refused with the one clear
// sentence, the case files do not change, and the first process still
// finishes its work.
func TestSecondInstanceIsRefused(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no file lock on Windows")
	}
	dir := t.TempDir()
	kase := filepath.Join(dir, "shared.ewcase")
	first := writeFile(t, dir, "first.txt", wireStory)
	if code, _, errs := runBin(t, "", "--case", kase, "import", first); code != 0 {
		t.Fatalf("setup import: %s", errs)
	}

	holder := exec.Command(workbenchBinary(t), "--case", kase, "import", "-")
	holder.Env = binEnv(t.TempDir())
	stdin, err := holder.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := holder.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if holder.ProcessState == nil {
			holder.Process.Kill()
			holder.Wait()
		}
	}()
	// The holder has the case open once SQLite has made the -wal file,
	// which happens after the lock is taken.
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		if _, err := os.Stat(kase + "-wal"); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the first process never opened the case")
		}
	}

	before := fileHashes(t, kase)
	want := "workbench: " + kase + " is open in another Evidence Workbench window or command. Close it there, then try again.\n"
	second := writeFile(t, dir, "second.txt", strings.Replace(wireStory, "Qaim", "Rawa", -1))
	tests := map[string][]string{
		"list":         {"list"},
		"import":       {"import", second},
		"search":       {"search", "Qaim"},
		"source grade": {"source", "grade", "LPA", "B", "--note", "second window"},
		"entity add":   {"entity", "add", "Rawa", "--kind", "place"},
		"timeline":     {"timeline", "--json"},
	}
	for name, args := range tests {
		t.Run(name, func(t *testing.T) {
			code, stdout, stderr := runBin(t, "", append([]string{"--case", kase}, args...)...)
			if code != 1 || stderr != want {
				t.Errorf("exit %d, stderr %q; want exit 1 and %q", code, stderr, want)
			}
			if stdout != "" {
				t.Errorf("stdout %q", stdout)
			}
			if after := fileHashes(t, kase); after != before {
				t.Errorf("the case files changed while the second process was refused: %s -> %s", before, after)
			}
		})
	}

	// The first process is undisturbed: it imports what it is given.
	if _, err := stdin.Write([]byte(strings.Replace(wireStory, "Qaim", "Anah", -1))); err != nil {
		t.Fatal(err)
	}
	stdin.Close()
	report, _ := bufio.NewReader(out).ReadString('\n')
	if err := holder.Wait(); err != nil || !strings.HasPrefix(report, "imported") {
		t.Fatalf("the first process: %v, %q", err, report)
	}
	code, list, errs := runBin(t, "", "--case", kase, "list")
	if code != 0 || strings.Count(list, "\n") != 3 || strings.Contains(list, "Rawa") {
		t.Fatalf("after both: exit %d, %s\n%s (want the first article and the holder's, nothing of the refused commands)", code, errs, list)
	}
}

// fileHashes fingerprints a case file and its -wal file.
func fileHashes(t *testing.T, path string) string {
	t.Helper()
	var parts []string
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(path + suffix)
		switch {
		case errors.Is(err, os.ErrNotExist):
			parts = append(parts, "absent")
			continue
		case err != nil:
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		parts = append(parts, hex.EncodeToString(sum[:8]))
	}
	return strings.Join(parts, "/")
}
