package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/ingest"
)

// maxStdin bounds what `import -` reads, like the file size limit.
const maxStdin = ingest.DefaultMaxBytes

func runImport(ctx context.Context, c *cmdContext) error {
	fs := c.flags("import")
	asJSON := fs.Bool("json", false, "print JSON")
	update := fs.Bool("update", false, "a changed copy of an article already in the case (same file name) replaces its text; claims are re-anchored")
	paths, err := parse(fs, c.inv.Args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usageErr("import needs at least one file or folder (or - for standard input)")
	}
	k, err := c.open(ctx, true)
	if err != nil {
		return err
	}
	im := &ingest.Importer{Store: k}
	var results []app.ImportResult
	var files []string
	for _, p := range paths {
		if p != "-" {
			files = append(files, p)
			continue
		}
		data, err := io.ReadAll(io.LimitReader(c.env.Stdin, maxStdin+1))
		switch {
		case err != nil:
			results = append(results, app.ImportResult{Path: "-", Status: app.ImportFailed, Message: "cannot read standard input: " + err.Error()})
		case int64(len(data)) > maxStdin:
			results = append(results, app.ImportResult{Path: "-", Status: app.ImportFailed, Message: fmt.Sprintf("Standard input is over the %d MB limit: save it to a file and import the file, or split it", maxStdin>>20)})
		default:
			results = append(results, im.ImportText(ctx, "standard input", string(data)))
		}
	}
	if *update && len(files) > 0 {
		var rest []string
		for _, f := range files {
			r, handled := updateArticle(ctx, k, f)
			if handled {
				results = append(results, r)
			} else {
				rest = append(rest, f)
			}
		}
		files = rest
	}
	if len(files) > 0 {
		progress := func(done, total int, r app.ImportResult) {
			if !*asJSON && total > 1 && isTerminal(c.env.Stderr) {
				fmt.Fprintf(c.env.Stderr, "\r%d/%d", done, total)
				if done == total {
					fmt.Fprint(c.env.Stderr, "\r")
				}
			}
		}
		results = append(results, im.Import(ctx, files, progress)...)
	}
	failed := 0
	for _, r := range results {
		if r.Status == app.ImportFailed {
			failed++
		}
	}
	if *asJSON {
		out := make([]map[string]any, 0, len(results))
		for _, r := range results {
			m := map[string]any{"path": r.Path, "status": r.Status, "title": r.Title}
			if r.ArticleID != "" {
				m["id"] = r.ArticleID
			}
			if r.Message != "" {
				m["message"] = r.Message
			}
			if len(r.Warnings) > 0 {
				m["warnings"] = r.Warnings
			}
			out = append(out, m)
		}
		if err := writeJSON(c.env.Stdout, out); err != nil {
			return err
		}
	} else {
		counts := map[app.ImportStatus]int{}
		for _, r := range results {
			counts[r.Status]++
			switch r.Status {
			case app.ImportImported:
				fmt.Fprintf(c.env.Stdout, "imported   %s  %s  (%s)\n", r.ArticleID.Short(), clip(r.Title, 60), r.Path)
			case app.ImportDuplicate:
				fmt.Fprintf(c.env.Stdout, "duplicate  %s  %s: %s\n", r.ArticleID.Short(), r.Path, r.Message)
			case importUpdated:
				fmt.Fprintf(c.env.Stdout, "updated    %s  %s: %s\n", r.ArticleID.Short(), r.Path, r.Message)
			default:
				fmt.Fprintf(c.env.Stdout, "failed     %s: %s\n", r.Path, r.Message)
			}
			for _, w := range r.Warnings {
				fmt.Fprintf(c.env.Stdout, "           warning: %s\n", w)
			}
		}
		fmt.Fprintf(c.env.Stdout, "%d imported, %d duplicate, %d failed\n", counts[app.ImportImported], counts[app.ImportDuplicate], counts[app.ImportFailed])
	}
	if failed > 0 {
		return errPartial
	}
	return nil
}

func runList(ctx context.Context, c *cmdContext) error {
	fs := c.flags("list")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := parse(fs, c.inv.Args); err != nil {
		return err
	}
	k, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	list, err := k.Articles(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]map[string]any, 0, len(list))
		for _, a := range list {
			pub := a.Published.String()
			if pub == "" {
				pub = "unknown"
			}
			out = append(out, map[string]any{
				"id": a.ID, "title": a.Title, "published": pub, "publisher": a.Publisher,
				"origin": a.Origin, "chain": a.Chain, "format": a.Format, "runes": a.Runes,
				"reliability": a.Reliability, "claims": a.Claims,
			})
		}
		return writeJSON(c.env.Stdout, out)
	}
	if len(list) == 0 {
		fmt.Fprintln(c.env.Stdout, "The case has no articles yet: workbench import FILE...")
		return nil
	}
	t := newTable(c.env.Stdout, "ID", "GRADE", "PUBLISHED", "FROM", "TITLE")
	for _, a := range list {
		pub := a.Published.String()
		if pub == "" {
			pub = "unknown"
		}
		t.row(a.ID.Short(), orDash(string(a.Reliability)), pub, clip(orDash(a.Chain), 32), clip(a.Title, 70))
	}
	return t.flush()
}

func runShow(ctx context.Context, c *cmdContext) error {
	fs := c.flags("show")
	asJSON := fs.Bool("json", false, "print JSON")
	withText := fs.Bool("text", false, "print the text too")
	args, err := parse(fs, c.inv.Args)
	if err != nil {
		return err
	}
	if len(args) != 1 {
		return usageErr("show needs one article id (workbench list shows them)")
	}
	k, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	id, err := resolveArticle(ctx, k, args[0])
	if err != nil {
		return err
	}
	a, err := k.Article(ctx, id)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.env.Stdout, toArticleJSON(a, *withText))
	}
	printArticle(c.env.Stdout, a, *withText)
	return nil
}

func printArticle(w io.Writer, a *app.Article, withText bool) {
	j := toArticleJSON(a, false)
	field := func(name, value string, ev evidenceJSON) {
		how := ev.Basis
		if ev.Start != nil {
			how = fmt.Sprintf("%s, runes %d-%d", how, *ev.Start, *ev.End)
		}
		if ev.Detail != "" {
			how += ", " + ev.Detail
		}
		fmt.Fprintf(w, "%-10s %s  [%s]\n", name+":", orDash(value), how)
	}
	fmt.Fprintf(w, "%-10s %s\n", "id:", a.ID)
	field("title", a.Title, j.Known["title"])
	field("byline", a.Byline, j.Known["byline"])
	field("published", j.Published, j.Known["published"])
	field("url", a.URL, j.Known["url"])
	fmt.Fprintf(w, "%-10s %s (%s)\n", "format:", a.Format, orDash(a.Filename))
	for _, s := range a.Sources {
		state := "suggested"
		if s.Confirmed {
			state = "confirmed"
		}
		fmt.Fprintf(w, "%-10s %s: %s  [%s, %s]\n", "source:", s.Role, s.Name, toEvidence(s.Evidence).Basis, state)
	}
	for _, e := range a.Excluded {
		fmt.Fprintf(w, "%-10s %s at runes %d-%d\n", "excluded:", e.Kind, e.Start, e.End)
	}
	for _, warn := range a.Warnings {
		fmt.Fprintf(w, "%-10s %s\n", "warning:", warn)
	}
	fmt.Fprintf(w, "%-10s %d runes\n", "length:", j.Runes)
	if withText {
		fmt.Fprintln(w, strings.Repeat("─", 40))
		fmt.Fprintln(w, markExcluded(a.Text, a.Excluded))
	}
}

func runArticle(ctx context.Context, c *cmdContext) error {
	if len(c.inv.Args) > 0 && c.inv.Args[0] == "sources" {
		return articleSources(ctx, c, c.inv.Args[1:])
	}
	if len(c.inv.Args) > 0 && c.inv.Args[0] == "text" {
		return articleText(ctx, c, c.inv.Args[1:])
	}
	if len(c.inv.Args) == 0 || c.inv.Args[0] != "set" {
		return usageErr("article needs a subcommand: article set ID [--title T] [--published DATE] [--byline B] [--url U], or article sources ID ...")
	}
	fs := c.flags("article set")
	asJSON := fs.Bool("json", false, "print JSON")
	var patch app.ArticlePatch
	fs.Func("title", "title", func(v string) error { patch.Title = &v; return nil })
	fs.Func("byline", "byline", func(v string) error { patch.Byline = &v; return nil })
	fs.Func("url", "url", func(v string) error { patch.URL = &v; return nil })
	fs.Func("published", "publication date (2017-11-06 or '2017-11-06 13:30'; 'unknown' clears it)", func(v string) error {
		p, err := app.ParsePubDate(v)
		if err != nil {
			return err
		}
		patch.Published = &p
		return nil
	})
	args, err := parse(fs, c.inv.Args[1:])
	if err != nil {
		return err
	}
	if len(args) != 1 {
		return usageErr("article set needs one article id")
	}
	if patch == (app.ArticlePatch{}) {
		return usageErr("article set: say what to change: --title, --published, --byline or --url")
	}
	k, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	id, err := resolveArticle(ctx, k, args[0])
	if err != nil {
		return err
	}
	a, err := k.UpdateArticle(ctx, id, patch)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(c.env.Stdout, toArticleJSON(a, false))
	}
	printArticle(c.env.Stdout, a, false)
	return nil
}

func runSearch(ctx context.Context, c *cmdContext) error {
	fs := c.flags("search")
	asJSON := fs.Bool("json", false, "print JSON")
	limit := fs.Int("limit", 20, "at most this many hits")
	args, err := parse(fs, c.inv.Args)
	if err != nil {
		return err
	}
	q := strings.TrimSpace(strings.Join(args, " "))
	if q == "" {
		return usageErr("search needs some words to look for")
	}
	k, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	hits, err := k.SearchText(ctx, q, *limit)
	if err != nil {
		return err
	}
	var claimHits []app.ClaimHit
	if cs, ok := k.(app.ClaimSearcher); ok {
		if claimHits, err = cs.SearchClaims(ctx, q, *limit); err != nil {
			return err
		}
	}
	if *asJSON {
		out := make([]map[string]any, 0, len(hits)+len(claimHits))
		for _, h := range hits {
			out = append(out, map[string]any{"kind": "article", "id": h.ArticleID, "title": h.Title, "snippet": plainSnippet(h.Snippet, "", ""),
				"snippet_marked": plainSnippet(h.Snippet, "[", "]")})
		}
		for _, h := range claimHits {
			out = append(out, map[string]any{"kind": "claim", "id": h.ClaimID, "article_id": h.ArticleID, "statement": h.Statement,
				"snippet": plainSnippet(h.Snippet, "", ""), "snippet_marked": plainSnippet(h.Snippet, "[", "]")})
		}
		return writeJSON(c.env.Stdout, out)
	}
	if len(hits) == 0 && len(claimHits) == 0 {
		fmt.Fprintf(c.env.Stdout, "No article or claim mentions %q.\n", q)
		return nil
	}
	for _, h := range hits {
		fmt.Fprintf(c.env.Stdout, "%s  %s\n    %s\n", h.ArticleID.Short(), h.Title, plainSnippet(h.Snippet, "[", "]"))
	}
	if len(claimHits) > 0 {
		fmt.Fprintln(c.env.Stdout, "claims:")
		for _, h := range claimHits {
			fmt.Fprintf(c.env.Stdout, "%s  %s\n    %s\n", h.ClaimID.Short(), clip(h.Statement, 80), plainSnippet(h.Snippet, "[", "]"))
		}
	}
	return nil
}

// plainSnippet replaces the store's match markers with open/close strings.
func plainSnippet(s, open, close string) string {
	s = strings.ReplaceAll(s, app.MarkStart, open)
	s = strings.ReplaceAll(s, app.MarkEnd, close)
	return strings.Join(strings.Fields(s), " ")
}

// isTerminal reports whether w is a terminal, where a \r progress line can
// overwrite itself.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
