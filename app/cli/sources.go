package cli

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/ingest"
)

func runSources(ctx context.Context, c *cmdContext) error {
	fs := c.flags("sources")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := parse(fs, c.inv.Args); err != nil {
		return err
	}
	k, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	list, err := k.Sources(ctx)
	if err != nil {
		return err
	}
	usage, err := k.SourceUsage(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]map[string]any, 0, len(list))
		for _, s := range list {
			out = append(out, map[string]any{
				"id": s.ID, "name": s.Name, "kind": s.Kind, "homepage": s.Homepage, "aliases": nonNil(s.Aliases),
				"reliability": s.Reliability, "reliability_label": s.Reliability.Label(), "reliability_note": s.ReliabilityNote,
				"opencti": s.Reliability.OpenCTI(), "misp": s.Reliability.MISPTag(),
				"articles": usage[s.ID].Articles, "claims": usage[s.ID].Claims,
			})
		}
		return writeJSON(c.env.Stdout, out)
	}
	if len(list) == 0 {
		fmt.Fprintln(c.env.Stdout, "No sources yet: importing articles creates them.")
		return nil
	}
	t := newTable(c.env.Stdout, "ID", "GRADE", "NAME", "KIND", "ARTICLES", "CLAIMS", "ALIASES")
	for _, s := range list {
		t.row(s.ID.Short(), orDash(string(s.Reliability)), clip(s.Name, 40), orDash(string(s.Kind)),
			fmt.Sprint(usage[s.ID].Articles), fmt.Sprint(usage[s.ID].Claims), clip(strings.Join(s.Aliases, " | "), 40))
	}
	return t.flush()
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func runSource(ctx context.Context, c *cmdContext) error {
	if len(c.inv.Args) == 0 {
		return usageErr("source needs a subcommand: show, grade, set, merge, rm or import-ratings")
	}
	sub, args := c.inv.Args[0], c.inv.Args[1:]
	switch sub {
	case "show":
		return sourceShow(ctx, c, args)
	case "grade":
		return sourceGrade(ctx, c, args)
	case "set":
		return sourceSet(ctx, c, args)
	case "merge":
		return sourceMerge(ctx, c, args)
	case "rm":
		return sourceRemove(ctx, c, args)
	case "import-ratings":
		return sourceImportRatings(ctx, c, args)
	}
	return usageErr("unknown source subcommand %q: use show, grade, set, merge, rm or import-ratings", sub)
}

func sourceShow(ctx context.Context, c *cmdContext, args []string) error {
	fs := c.flags("source show")
	asJSON := fs.Bool("json", false, "print JSON")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usageErr("source show needs one source (name, alias or id)")
	}
	k, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	s, err := k.ResolveSource(ctx, rest[0])
	if err != nil {
		return err
	}
	hist, err := k.SourceHistory(ctx, s.ID)
	if err != nil {
		return err
	}
	usage, err := k.SourceUsage(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		h := make([]map[string]any, 0, len(hist))
		for _, g := range hist {
			h = append(h, map[string]any{"reliability": g.Reliability, "note": g.Note, "by": g.By, "at": g.At.UTC().Format("2006-01-02T15:04:05Z")})
		}
		return writeJSON(c.env.Stdout, map[string]any{
			"id": s.ID, "name": s.Name, "kind": s.Kind, "homepage": s.Homepage, "notes": s.Notes, "aliases": nonNil(s.Aliases),
			"reliability": s.Reliability, "reliability_note": s.ReliabilityNote, "history": h,
			"articles": usage[s.ID].Articles, "claims": usage[s.ID].Claims,
		})
	}
	w := c.env.Stdout
	fmt.Fprintf(w, "%-12s %s\n%-12s %s\n", "id:", s.ID, "name:", s.Name)
	fmt.Fprintf(w, "%-12s %s\n%-12s %s\n", "kind:", orDash(string(s.Kind)), "homepage:", orDash(s.Homepage))
	fmt.Fprintf(w, "%-12s %s\n", "aliases:", orDash(strings.Join(s.Aliases, " | ")))
	fmt.Fprintf(w, "%-12s %s %s — %s\n", "reliability:", orDash(string(s.Reliability)), s.Reliability.Label(), orDash(s.ReliabilityNote))
	fmt.Fprintf(w, "%-12s %d articles, %d claims\n", "used by:", usage[s.ID].Articles, usage[s.ID].Claims)
	for _, g := range hist {
		fmt.Fprintf(w, "%-12s %s  %s by %s: %s\n", "graded:", g.At.Local().Format("2006-01-02 15:04"), orDash(string(g.Reliability)), orDash(g.By), g.Note)
	}
	return nil
}

func sourceGrade(ctx context.Context, c *cmdContext, args []string) error {
	fs := c.flags("source grade")
	note := fs.String("note", "", "why this grade (kept in the source's history)")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 2 {
		return usageErr("source grade needs a source and a grade: source grade NAME B --note \"why\"")
	}
	r, err := app.ParseReliability(rest[1])
	if err != nil {
		return err
	}
	if strings.TrimSpace(*note) == "" {
		return usageErr("source grade: say why with --note (the reason is kept with the grade)")
	}
	k, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	s, err := k.ResolveSource(ctx, rest[0])
	if err != nil {
		return err
	}
	if err := k.GradeSource(ctx, s.ID, r, *note, app.AnalystName()); err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stdout, "%s is now %s (%s)\n", s.Name, orDash(string(r)), r.Label())
	return nil
}

func sourceSet(ctx context.Context, c *cmdContext, args []string) error {
	fs := c.flags("source set")
	var name, kind, homepage, notes, aliases *string
	opt := func(p **string, n, usage string) { fs.Func(n, usage, func(v string) error { *p = &v; return nil }) }
	opt(&name, "name", "new name")
	opt(&kind, "kind", "agency, outlet, government, armed-group, spokesperson, blog, social or other")
	opt(&homepage, "homepage", "homepage URL")
	opt(&notes, "notes", "notes")
	opt(&aliases, "aliases", "other names, separated by |")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usageErr("source set needs one source (name, alias or id)")
	}
	k, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	s, err := k.ResolveSource(ctx, rest[0])
	if err != nil {
		return err
	}
	if name != nil {
		s.Name = strings.TrimSpace(*name)
	}
	if kind != nil {
		s.Kind = app.SourceKind(strings.TrimSpace(*kind))
	}
	if homepage != nil {
		s.Homepage = strings.TrimSpace(*homepage)
	}
	if notes != nil {
		s.Notes = *notes
	}
	if aliases != nil {
		s.Aliases = nil
		for _, a := range strings.Split(*aliases, "|") {
			if a = strings.TrimSpace(a); a != "" {
				s.Aliases = append(s.Aliases, a)
			}
		}
	}
	if err := s.Validate(); err != nil {
		return err
	}
	if err := k.UpdateSource(ctx, s); err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stdout, "updated %s\n", s.Name)
	return nil
}

func sourceMerge(ctx context.Context, c *cmdContext, args []string) error {
	fs := c.flags("source merge")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 2 {
		return usageErr("source merge needs two sources: source merge KEEP DROP (DROP's articles, claims, grades and names move to KEEP)")
	}
	k, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	keep, err := k.ResolveSource(ctx, rest[0])
	if err != nil {
		return err
	}
	drop, err := k.ResolveSource(ctx, rest[1])
	if err != nil {
		return err
	}
	m, err := k.MergeSources(ctx, keep.ID, drop.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stdout, "merged %s into %s: %d article links, %d claims, %d grade changes moved; %q is now an alias\n",
		drop.Name, keep.Name, len(m.Links), len(m.Claims), len(m.DroppedGrades), drop.Name)
	return nil
}

func sourceRemove(ctx context.Context, c *cmdContext, args []string) error {
	fs := c.flags("source rm")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usageErr("source rm needs one source")
	}
	k, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	s, err := k.ResolveSource(ctx, rest[0])
	if err != nil {
		return err
	}
	if err := k.DeleteSource(ctx, s.ID); err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stdout, "deleted %s\n", s.Name)
	return nil
}

func sourceImportRatings(ctx context.Context, c *cmdContext, args []string) error {
	fs := c.flags("source import-ratings")
	create := fs.Bool("create", false, "create sources the case does not have yet, already graded")
	asJSON := fs.Bool("json", false, "print JSON")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usageErr("source import-ratings needs one CSV file with the columns name,reliability,note")
	}
	f, err := os.Open(rest[0])
	if err != nil {
		return app.WrapError(app.EInvalid, err, "cannot read %s", rest[0])
	}
	defer f.Close()
	rows, problems, err := ingest.ParseRatings(f)
	if err != nil {
		return err
	}
	k, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	rep, err := ingest.ApplyRatings(ctx, k, rows, *create, app.AnalystName())
	if err != nil {
		return err
	}
	rep.Problems = append(problems, rep.Problems...)
	sort.SliceStable(rep.Problems, func(i, j int) bool { return rep.Problems[i].Line < rep.Problems[j].Line })
	if *asJSON {
		probs := make([]map[string]any, 0, len(rep.Problems))
		for _, p := range rep.Problems {
			probs = append(probs, map[string]any{"line": p.Line, "name": p.Name, "problem": p.Problem})
		}
		names := func(rs []ingest.Rating) []string {
			out := []string{}
			for _, r := range rs {
				out = append(out, r.Name)
			}
			return out
		}
		if err := writeJSON(c.env.Stdout, map[string]any{"graded": names(rep.Graded), "created": names(rep.Created),
			"unchanged": names(rep.Unchanged), "problems": probs}); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(c.env.Stdout, "%d graded, %d created, %d unchanged, %d rows not used\n", len(rep.Graded), len(rep.Created), len(rep.Unchanged), len(rep.Problems))
		for _, p := range rep.Problems {
			name := ""
			if p.Name != "" {
				name = " " + p.Name + ":"
			}
			fmt.Fprintf(c.env.Stdout, "line %d:%s %s\n", p.Line, name, p.Problem)
		}
	}
	if len(rep.Problems) > 0 {
		return errPartial
	}
	return nil
}
