// Command workbench is Evidence Workbench: a desktop workbench for rebuilding
// what happened from reports that disagree. With no command it opens the
// window; with a command (workbench help) it works headless on the same case
// file. main only wires: it picks the case, opens storage, and hands over to
// the GUI (app/ui) or the CLI (app/cli).
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"

	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/theme"

	"github.com/evidence-workbench/workbench/app/cli"
	"github.com/evidence-workbench/workbench/app/ui"
	"github.com/evidence-workbench/workbench/assets"
	"github.com/evidence-workbench/workbench/storage"
)

// appID must match FyneApp.toml: Preferences (recent cases) are kept under it.
const appID = "org.evidenceworkbench.workbench"

var version = "0.1.0-dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "workbench: an internal error stopped the program: %v\n%s\n", r, debug.Stack())
			fmt.Fprintln(stderr, "Your case file is safe: every change shown as saved was committed. Please report this.")
			code = cli.ExitError
		}
	}()
	inv, err := cli.Parse(args)
	if err != nil {
		fmt.Fprintln(stderr, "workbench:", err)
		return cli.ExitUsage
	}
	env := cli.Env{
		Stdin: stdin, Stdout: stdout, Stderr: stderr,
		Open: storage.OpenCase, DefaultCase: defaultCasePath(),
		Sample: assets.Sample, SampleDir: assets.SampleDir, Version: version,
		Font: theme.DefaultTextFont().Content(),
	}
	if inv.Command != "" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		return cli.Run(ctx, inv, env)
	}
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		fmt.Fprintln(stderr, "workbench: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the window cannot open.")
		fmt.Fprintln(stderr, "Run it from a desktop session, or use the command line: workbench help")
		return cli.ExitError
	}
	a := fyneapp.NewWithID(appID)
	a.SetIcon(assets.Icon)
	ui.Run(a, ui.Config{
		Open:        storage.OpenCase,
		CasePath:    inv.Case,
		DefaultCase: env.DefaultCase,
		Sample:      assets.Sample,
		SampleDir:   assets.SampleDir,
		Version:     version,
	})
	return cli.ExitOK
}

// defaultCasePath is the per-user case: $XDG_DATA_HOME/evidence-workbench/default.ewcase.
func defaultCasePath() string {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "evidence-workbench", "default.ewcase")
}
