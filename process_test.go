package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
	"testing"
	"time"
)

// The process-level tests (crash_test.go, twoinstances_test.go) run the
// real workbench binary, built once per test run into a temporary folder.
var built struct {
	once sync.Once
	dir  string
	path string
	err  error
}

// TestMain runs the tests in a goroutine and keeps the main thread for the
// GL frame benchmarks (glframe_bench_test.go), whose driver must run there.
func TestMain(m *testing.M) {
	done := make(chan int, 1)
	go func() {
		code := m.Run()
		if built.dir != "" {
			os.RemoveAll(built.dir)
		}
		done <- code
		if stopGL() {
			// The driver is asked to stop; should its Run not return (it
			// once hung here, after every benchmark had finished), leave
			// anyway: the results are all written.
			time.Sleep(10 * time.Second)
			os.Exit(code)
		}
	}()
	for {
		select {
		case code := <-done:
			os.Exit(code)
		case f := <-glMain:
			f()
		}
	}
}

// workbenchBinary builds the program once, with the build tags this test
// binary was built with (the Makefile's), and returns its path.
func workbenchBinary(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
		if _, err := os.Stat(goTool); err != nil {
			if goTool, err = exec.LookPath("go"); err != nil {
				built.err = fmt.Errorf("no go command to build the workbench with: %w", err)
				return
			}
		}
		if built.dir, built.err = os.MkdirTemp("", "workbench-bin-"); built.err != nil {
			return
		}
		built.path = filepath.Join(built.dir, "workbench")
		cmd := exec.Command(goTool, "build", "-tags", buildTags(), "-o", built.path, ".")
		if out, err := cmd.CombinedOutput(); err != nil {
			built.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.path
}

// buildTags are the build tags of this test binary, so that the program is
// built as make builds it (sqlite_fts5 when there are none: storage needs it).
func buildTags() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "-tags" && s.Value != "" {
				return s.Value
			}
		}
	}
	return "sqlite_fts5"
}

// runBin runs the workbench binary to the end and returns its exit code,
// standard output and standard error.
func runBin(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(workbenchBinary(t), args...)
	cmd.Env = binEnv(t.TempDir())
	cmd.Stdin = bytes.NewBufferString(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return exit.ExitCode(), out.String(), errb.String()
	case err != nil:
		t.Fatalf("run workbench %v: %v", args, err)
	}
	return 0, out.String(), errb.String()
}

// binEnv is the environment the binary runs in: no display (so no window
// can open) and dataDir as the user's data folder.
func binEnv(dataDir string) []string {
	return append(os.Environ(), "DISPLAY=", "WAYLAND_DISPLAY=", "XDG_DATA_HOME="+dataDir, "EVIDENCE_ANALYST=crash-test")
}
