package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/anchor"
	"github.com/evidence-workbench/workbench/app/ingest"
)

// articleText replaces an article's text with an edited copy (a file, or
// standard input) and re-anchors its claims and boilerplate in one
// transaction, reporting how each claim was placed.
func articleText(ctx context.Context, c *cmdContext, args []string) error {
	fs := c.flags("article text")
	asJSON := fs.Bool("json", false, "print JSON")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 2 {
		return usageErr("article text needs an article id and a file (or - for standard input)")
	}
	var data []byte
	if rest[1] == "-" {
		data, err = io.ReadAll(io.LimitReader(c.env.Stdin, maxStdin+1))
	} else {
		data, err = os.ReadFile(rest[1])
	}
	if err != nil {
		return app.WrapError(app.EInvalid, err, "cannot read %s", rest[1])
	}
	parsed, err := ingest.Parse(rest[1], data, ingest.Options{})
	if err != nil {
		return err
	}
	k, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	id, err := resolveArticle(ctx, k, rest[0])
	if err != nil {
		return err
	}
	a, err := k.Article(ctx, id)
	if err != nil {
		return err
	}
	claims, err := k.Claims(ctx, app.ClaimFilter{ArticleID: id})
	if err != nil {
		return err
	}
	ex, moved, rep := anchor.Rebase(a.Text, parsed.Text, a.Excluded, claims)
	if err := k.ReplaceArticleText(ctx, id, parsed.Text, ex, moved); err != nil {
		return err
	}
	if *asJSON {
		orphans := make([]map[string]any, len(rep.Orphans))
		for i, o := range rep.Orphans {
			orphans[i] = map[string]any{"id": o.ID, "quote": o.Anchor.Exact}
		}
		return writeJSON(c.env.Stdout, map[string]any{"article_id": id, "position": rep.Methods[anchor.Position],
			"quote": rep.Methods[anchor.Quote], "fuzzy": rep.Methods[anchor.Fuzzy], "orphaned": orphans, "boilerplate_dropped": rep.Dropped})
	}
	fmt.Fprintf(c.env.Stdout, "text replaced: %s\n", rep)
	for _, o := range rep.Orphans {
		fmt.Fprintf(c.env.Stdout, "orphan %s: “%s”\n", o.ID.Short(), clip(o.Anchor.Exact, 80))
	}
	return nil
}

// importUpdated marks an import that replaced an existing article's text.
const importUpdated app.ImportStatus = "updated"

// updateArticle re-imports path over the article with the same file name,
// if there is one: the text is replaced and claims re-anchored. handled is
// false when no article has that file name (a normal import follows).
func updateArticle(ctx context.Context, k app.Case, path string) (app.ImportResult, bool) {
	res := app.ImportResult{Path: path}
	fi, err := os.Stat(path)
	if err != nil || fi.IsDir() {
		return res, false
	}
	list, err := k.Articles(ctx)
	if err != nil {
		return res, false
	}
	var target app.ID
	for _, s := range list {
		if s.Filename != "" && s.Filename == filepathBase(path) {
			target = s.ID
		}
	}
	if target == "" {
		return res, false
	}
	res.ArticleID = target
	fail := func(err error) (app.ImportResult, bool) {
		res.Status, res.Message = app.ImportFailed, app.ErrorMessage(err)
		return res, true
	}
	parsed, err := ingest.ParseFile(path, ingest.Options{})
	if err != nil {
		return fail(err)
	}
	a, err := k.Article(ctx, target)
	if err != nil {
		return fail(err)
	}
	res.Title = a.Title
	if a.Text == parsed.Text {
		res.Status, res.Message = app.ImportDuplicate, "unchanged"
		return res, true
	}
	claims, err := k.Claims(ctx, app.ClaimFilter{ArticleID: target})
	if err != nil {
		return fail(err)
	}
	ex, moved, rep := anchor.Rebase(a.Text, parsed.Text, a.Excluded, claims)
	if err := k.ReplaceArticleText(ctx, target, parsed.Text, ex, moved); err != nil {
		return fail(err)
	}
	res.Status, res.Message = importUpdated, "text replaced; "+rep.String()
	return res, true
}

func filepathBase(p string) string { return filepath.Base(p) }
