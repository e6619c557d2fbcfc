package cli

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/names"
)

func runEntities(ctx context.Context, c *cmdContext) error {
	fs := c.flags("entities")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := parse(fs, c.inv.Args); err != nil {
		return err
	}
	k, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	list, err := k.Entities(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]map[string]any, len(list))
		for i, e := range list {
			aliases := make([]map[string]any, len(e.Aliases))
			for j, a := range e.Aliases {
				aliases[j] = map[string]any{"name": a.Name, "article_id": a.ArticleID, "claim_id": a.ClaimID, "by_analyst": a.ByAnalyst}
			}
			out[i] = map[string]any{"id": e.ID, "kind": e.Kind, "name": e.Name, "aliases": aliases, "notes": e.Notes}
		}
		return writeJSON(c.env.Stdout, out)
	}
	if len(list) == 0 {
		fmt.Fprintln(c.env.Stdout, "No entities yet: workbench entity add NAME --kind place --alias OTHER-SPELLING, or entity import FILE.csv")
		return nil
	}
	t := newTable(c.env.Stdout, "ID", "KIND", "NAME", "ALIASES")
	for _, e := range list {
		names := make([]string, len(e.Aliases))
		for i, a := range e.Aliases {
			names[i] = a.Name
		}
		t.row(e.ID.Short(), string(e.Kind), clip(e.Name, 40), clip(strings.Join(names, " | "), 60))
	}
	return t.flush()
}

func runEntity(ctx context.Context, c *cmdContext) error {
	if len(c.inv.Args) == 0 {
		return usageErr("entity needs a subcommand: add, merge or import")
	}
	sub, args := c.inv.Args[0], c.inv.Args[1:]
	fs := c.flags("entity " + sub)
	asJSON := fs.Bool("json", false, "print JSON")
	kind := fs.String("kind", string(app.EntityOther), "person, place, organisation or other")
	var aliases []string
	fs.Func("alias", "another spelling (repeat the flag)", func(v string) error { aliases = append(aliases, v); return nil })
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	k, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	switch sub {
	case "add":
		if len(rest) != 1 {
			return usageErr("entity add NAME --kind KIND [--alias A]...")
		}
		e := app.Entity{Name: strings.TrimSpace(rest[0]), Kind: app.EntityKind(*kind)}
		for _, a := range aliases {
			e.Aliases = append(e.Aliases, app.Alias{Name: a, ByAnalyst: true})
		}
		if err := k.CreateEntity(ctx, &e); err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(c.env.Stdout, map[string]any{"id": e.ID, "name": e.Name, "kind": e.Kind})
		}
		fmt.Fprintf(c.env.Stdout, "added %s %s (%s)\n", e.ID.Short(), e.Name, e.Kind)
		return nil
	case "merge":
		if len(rest) != 2 {
			return usageErr("entity merge KEEP DROP (DROP's names and claims move to KEEP)")
		}
		keep, err := k.ResolveEntityID(ctx, rest[0])
		if err != nil {
			return err
		}
		drop, err := k.ResolveEntityID(ctx, rest[1])
		if err != nil {
			return err
		}
		m, err := k.MergeEntities(ctx, keep, drop)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.env.Stdout, "merged %s into %s; %d claims follow\n", m.Dropped.Name, m.KeepBefore.Name, len(m.Claims))
		return nil
	case "import":
		if len(rest) != 1 {
			return usageErr("entity import FILE.csv (columns name,kind,aliases with aliases separated by |)")
		}
		return importGazetteer(ctx, c, k, rest[0], *asJSON)
	}
	return usageErr("unknown entity subcommand %q: use add, merge or import", sub)
}

// importGazetteer reads a team's list of places and people: a CSV with the
// columns name, kind and aliases (separated by |). Bad rows are reported
// with their line; good rows are added.
func importGazetteer(ctx context.Context, c *cmdContext, k app.Case, path string, asJSON bool) error {
	f, err := os.Open(path)
	if err != nil {
		return app.WrapError(app.EInvalid, err, "cannot read %s", path)
	}
	defer f.Close()
	rows, bad, err := names.ParseGazetteer(f)
	if err != nil {
		return app.Errorf(app.EInvalid, "%s: %s", path, app.ErrorMessage(err))
	}
	var added []string
	var problems []map[string]any
	for _, p := range bad {
		problems = append(problems, map[string]any{"line": p.Line, "name": p.Name, "problem": p.Problem})
	}
	for _, row := range rows {
		e := row.Entity
		if err := k.CreateEntity(ctx, &e); err != nil {
			problems = append(problems, map[string]any{"line": row.Line, "name": e.Name, "problem": app.ErrorMessage(err)})
			continue
		}
		added = append(added, e.Name)
	}
	sort.SliceStable(problems, func(i, j int) bool { return problems[i]["line"].(int) < problems[j]["line"].(int) })
	if asJSON {
		if added == nil {
			added = []string{}
		}
		if problems == nil {
			problems = []map[string]any{}
		}
		if err := writeJSON(c.env.Stdout, map[string]any{"added": added, "problems": problems}); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(c.env.Stdout, "%d entities added, %d rows not used\n", len(added), len(problems))
		for _, p := range problems {
			fmt.Fprintf(c.env.Stdout, "line %v %v: %v\n", p["line"], orDash(fmt.Sprint(p["name"])), p["problem"])
		}
	}
	if len(problems) > 0 {
		return errPartial
	}
	return nil
}
