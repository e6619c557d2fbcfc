package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/evidence-workbench/workbench/app"
)

// articleSources: workbench article sources ID [--publisher N] [--origin N] [--translator N] [--confirm]
func articleSources(ctx context.Context, c *cmdContext, args []string) error {
	fs := c.flags("article sources")
	asJSON := fs.Bool("json", false, "print JSON")
	confirm := fs.Bool("confirm", false, "confirm the links the import suggested")
	roles := map[app.Role]*string{}
	for _, r := range []app.Role{app.RolePublisher, app.RoleOrigin, app.RoleTranslator} {
		r := r
		fs.Func(string(r), "the "+string(r)+" (names separated by |; '' removes)", func(v string) error { roles[r] = &v; return nil })
	}
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usageErr("article sources needs one article id")
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
	if len(roles) > 0 || *confirm {
		var links []app.ArticleSource
		for _, l := range a.Sources {
			if _, replaced := roles[l.Role]; !replaced {
				l.Confirmed = l.Confirmed || *confirm
				links = append(links, l)
			}
		}
		for _, r := range []app.Role{app.RolePublisher, app.RoleOrigin, app.RoleTranslator} {
			v, ok := roles[r]
			if !ok {
				continue
			}
			for _, name := range strings.Split(*v, "|") {
				if name = strings.TrimSpace(name); name != "" {
					links = append(links, app.ArticleSource{Name: name, Role: r, Confirmed: true, Evidence: app.Evidence{Basis: app.BasisAnalyst}})
				}
			}
		}
		if err := k.SetArticleSources(ctx, id, links); err != nil {
			return err
		}
		if a, err = k.Article(ctx, id); err != nil {
			return err
		}
	}
	if *asJSON {
		return writeJSON(c.env.Stdout, toArticleJSON(a, false))
	}
	fmt.Fprintf(c.env.Stdout, "%s\n", orDash(app.Chain(a.Sources)))
	for _, s := range a.Sources {
		state := "suggested"
		if s.Confirmed {
			state = "confirmed"
		}
		fmt.Fprintf(c.env.Stdout, "  %-10s %s  [%s]\n", s.Role, s.Name, state)
	}
	return nil
}
