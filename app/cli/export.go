package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/export"
)

// runExport writes the case, or a scope of it, in one export format:
// atomically to --out, or to standard output with --out -.
func runExport(ctx context.Context, c *cmdContext) error {
	fs := c.flags("export")
	format := fs.String("format", "", "export format (workbench export --list shows them)")
	scope := fs.String("scope", "all", "all, events:ID,ID or entity:NAME")
	out := fs.String("out", "", "file to write, or - for standard output")
	list := fs.Bool("list", false, "list the export formats")
	rest, err := parse(fs, c.inv.Args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErr("export takes only flags, not %q (workbench export --format FORMAT --out PATH)", rest[0])
	}
	if *list {
		t := newTable(c.env.Stdout, "FORMAT", "EXT", "WHAT")
		for _, f := range export.Formats() {
			t.row(f.Name, "."+f.Ext, f.Label+": "+f.Description)
		}
		return t.flush()
	}
	if *format == "" {
		return usageErr("export needs --format FORMAT and --out PATH (workbench export --list shows the formats)")
	}
	f, err := export.FormatByName(*format)
	if err != nil {
		return usageErr("%s", app.ErrorMessage(err))
	}
	if *out == "" {
		return usageErr("export needs --out PATH (a file, or - for standard output)")
	}
	if *out == "-" && f.Binary && isTerminal(c.env.Stdout) {
		return usageErr("%s is binary: give --out FILE, or redirect standard output to a file", f.Label)
	}
	k, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	snap, err := app.LoadSnapshot(ctx, k)
	if err != nil {
		return err
	}
	sc, err := export.ParseScope(*scope,
		func(ref string) (app.ID, error) { return k.ResolveEventID(ctx, ref) },
		func(ref string) (app.ID, error) { return k.ResolveEntityID(ctx, ref) })
	if err != nil {
		return err
	}
	d, err := export.Prepare(snap, sc, time.Now())
	if err != nil {
		return err
	}
	d.Case = caseName(k.Path())
	opts := export.Options{Font: c.env.Font}
	if (f.Name == "pdf" || f.Name == "png") && len(opts.Font) == 0 {
		fmt.Fprintln(c.env.Stderr, "workbench: no UTF-8 font available: letters outside Latin-1 may not show in the", f.Label)
	}
	if strings.HasPrefix(f.Name, "timesketch") {
		if n := export.TimesketchSkipped(d); n > 0 {
			fmt.Fprintf(c.env.Stderr, "workbench: %d undated item(s) left out: Timesketch needs a time on every row (undated events, and undated claims whose article has no publication date)\n", n)
		}
	}
	if *out == "-" {
		return f.Write(c.env.Stdout, d, opts)
	}
	if err := export.WriteFile(*out, func(w io.Writer) error { return f.Write(w, d, opts) }); err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stdout, "exported %s (%s: %d event(s), %d claim(s)) to %s\n", f.Label, d.Scope, len(d.Snapshot.Events), len(d.Snapshot.Claims), *out)
	return nil
}

// caseName is the case file's name without its folder and extension.
func caseName(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}
