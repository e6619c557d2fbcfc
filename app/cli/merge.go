package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/merge"
)

// runMerge merges another analyst's case file or Workbench JSON file into
// the case: it prints the plan (added, identical, differing, with both
// versions of each difference) and applies it in one transaction, taking
// ours for every difference unless --take theirs.
func runMerge(ctx context.Context, c *cmdContext) error {
	fs := c.flags("merge")
	take := fs.String("take", "ours", "which version wins where both cases changed an item: ours or theirs")
	dry := fs.Bool("dry-run", false, "print the plan, change nothing")
	asJSON := fs.Bool("json", false, "print JSON")
	args, err := parse(fs, c.inv.Args)
	if err != nil {
		return err
	}
	if len(args) != 1 {
		return usageErr("merge needs one file: another case file (.ewcase) or a Workbench JSON file")
	}
	choice, err := parseTake(*take)
	if err != nil {
		return err
	}
	if same, err := sameFile(args[0], c.casePath()); err != nil {
		return err
	} else if same {
		return app.Errorf(app.EInvalid, "%s is the case you are merging into: choose another analyst's case file.", args[0])
	}
	theirs, err := merge.ReadOther(ctx, c.env.Open, args[0])
	if err != nil {
		return err
	}
	k, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	ours, err := app.LoadSnapshot(ctx, k)
	if err != nil {
		return err
	}
	p := merge.NewPlan(ours, theirs)
	cs, err := p.ChangeSet(p.TakeAll(choice))
	if err != nil {
		return err
	}
	applied := false
	if !*dry && !cs.Empty() {
		if err := k.ApplyChanges(ctx, cs); err != nil {
			return err
		}
		applied = true
	}
	if *asJSON {
		return writeJSON(c.env.Stdout, planJSON(args[0], *take, *dry, applied, p))
	}
	return printPlan(c.env.Stdout, args[0], *take, *dry, applied, p)
}

func parseTake(s string) (merge.Choice, error) {
	switch s {
	case "ours":
		return merge.Ours, nil
	case "theirs":
		return merge.Theirs, nil
	}
	return 0, usageErr("--take is ours or theirs, not %q", s)
}

// sameFile reports whether two paths name one existing file.
func sameFile(a, b string) (bool, error) {
	fa, err := os.Stat(a)
	if errors.Is(err, fs.ErrNotExist) {
		return false, app.Errorf(app.ENotFound, "There is no file at %s.", a)
	}
	if err != nil {
		return false, app.WrapError(app.EInvalid, err, "%s cannot be read", a)
	}
	fb, err := os.Stat(b)
	if err != nil {
		return false, nil // our case does not exist yet: opening it says so
	}
	return os.SameFile(fa, fb), nil
}

// printPlan writes the plan for a reader: the summary, what is added, and
// each difference with both versions and the one taken.
func printPlan(w io.Writer, file, take string, dry, applied bool, p *merge.Plan) error {
	fmt.Fprintf(w, "Merging %s (where both cases changed an item, %s version is kept)\n\n", file, map[string]string{"ours": "our", "theirs": "their"}[take])
	fmt.Fprint(w, p.Summary())
	if len(p.Added) > 0 {
		fmt.Fprintln(w, "\nAdded:")
		t := newTable(w, "  KIND", "ID", "WHAT")
		for _, a := range p.Added {
			t.row("  "+string(a.Kind), a.ID.Short(), clip(a.Label, 70))
		}
		if err := t.flush(); err != nil {
			return err
		}
	}
	if len(p.Differences) > 0 {
		fmt.Fprintln(w, "\nDiffering (both versions):")
		for _, d := range p.Differences {
			fmt.Fprintf(w, "  %s %s “%s”: %s taken\n", d.Kind, d.ID.Short(), clip(d.Label, 60), take)
			for _, f := range d.Fields {
				fmt.Fprintf(w, "    %s\n      ours:   %s\n      theirs: %s\n", f.Name, orDash(clip(f.Ours, 100)), orDash(clip(f.Theirs, 100)))
			}
		}
	}
	fmt.Fprintln(w)
	switch {
	case dry:
		fmt.Fprintln(w, "Dry run: nothing was changed.")
	case applied:
		fmt.Fprintln(w, "Merged in one step.")
	default:
		fmt.Fprintln(w, "Nothing to merge: the case already holds everything in the file.")
	}
	return nil
}

// mergeJSON is the --json shape of a merge.
type mergeJSON struct {
	File         string               `json:"file"`
	Take         string               `json:"take"`
	DryRun       bool                 `json:"dry_run"`
	Applied      bool                 `json:"applied"`
	Counts       map[string]countJSON `json:"counts"`
	Added        []itemJSON           `json:"added"`
	Differences  []differenceJSON     `json:"differences"`
	Mapped       []mappingJSON        `json:"mapped"`
	LinksAdded   int                  `json:"links_added"`
	HistoryAdded int                  `json:"history_added"`
	Notes        []string             `json:"notes"`
}

type countJSON struct {
	Added     int `json:"added"`
	Identical int `json:"identical"`
	Differing int `json:"differing"`
}

type itemJSON struct {
	Kind  string `json:"kind"`
	ID    string `json:"id"`
	Label string `json:"label"`
}

type differenceJSON struct {
	itemJSON
	Taken  string      `json:"taken"`
	Fields []fieldJSON `json:"fields"`
}

type fieldJSON struct {
	Name   string `json:"name"`
	Ours   string `json:"ours"`
	Theirs string `json:"theirs"`
}

type mappingJSON struct {
	Kind   string `json:"kind"`
	Theirs string `json:"theirs"`
	Ours   string `json:"ours"`
	Label  string `json:"label"`
	Why    string `json:"why"`
}

func planJSON(file, take string, dry, applied bool, p *merge.Plan) mergeJSON {
	out := mergeJSON{File: file, Take: take, DryRun: dry, Applied: applied, Counts: map[string]countJSON{},
		Added: []itemJSON{}, Differences: []differenceJSON{}, Mapped: []mappingJSON{}, Notes: nonNil(p.Notes),
		LinksAdded: p.LinksAdded, HistoryAdded: p.HistoryAdded}
	for _, k := range merge.Kinds {
		c := p.Counts[k]
		out.Counts[string(k)] = countJSON{c.Added, c.Identical, c.Differing}
	}
	for _, a := range p.Added {
		out.Added = append(out.Added, itemJSON{string(a.Kind), string(a.ID), a.Label})
	}
	for _, d := range p.Differences {
		dj := differenceJSON{itemJSON: itemJSON{string(d.Kind), string(d.ID), d.Label}, Taken: take, Fields: []fieldJSON{}}
		for _, f := range d.Fields {
			dj.Fields = append(dj.Fields, fieldJSON(f))
		}
		out.Differences = append(out.Differences, dj)
	}
	for _, m := range p.Mapped {
		out.Mapped = append(out.Mapped, mappingJSON{string(m.Kind), string(m.Theirs), string(m.Ours), m.Label, m.Why})
	}
	return out
}
