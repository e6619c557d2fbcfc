package cli

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/evidence-workbench/workbench/app"
)

// claimEdits holds the claim fields a command line sets; nil = unchanged.
type claimEdits struct {
	statement, credibility, attributed, tags, notes, quantity, when, entities *string
}

func (e *claimEdits) register(fs *flag.FlagSet) {
	opt := func(p **string, name, usage string) {
		fs.Func(name, usage, func(s string) error { *p = &s; return nil })
	}
	opt(&e.statement, "statement", "the claim in your words (default: the quote)")
	opt(&e.credibility, "credibility", "Admiralty credibility 1-6 ('' clears)")
	opt(&e.attributed, "attributed", "who the article quotes for it (a source name; '' clears)")
	opt(&e.tags, "tags", "comma-separated tags")
	opt(&e.notes, "notes", "notes")
	opt(&e.quantity, "quantity", "a number and unit, e.g. '500 killed' ('' clears)")
	opt(&e.when, "when", "EDTF date, e.g. 2017-11-03 or 2017-11-03/2017-11-05 ('' clears)")
	opt(&e.entities, "entities", "the entities it names, by name, alias or id, separated by | ('' clears)")
}

// apply writes the set fields into c, validating each.
func (e *claimEdits) apply(ctx context.Context, k app.Case, c *app.Claim) error {
	if e.statement != nil {
		c.Statement = strings.TrimSpace(*e.statement)
	}
	if e.credibility != nil {
		v, err := app.ParseCredibility(*e.credibility)
		if err != nil {
			return err
		}
		c.Credibility = v
	}
	if e.attributed != nil {
		c.AttributedTo = ""
		if name := strings.TrimSpace(*e.attributed); name != "" {
			id, err := k.EnsureSource(ctx, name, app.KindOther)
			if err != nil {
				return err
			}
			c.AttributedTo = id
		}
	}
	if e.tags != nil {
		c.Tags = app.ParseTags(*e.tags)
	}
	if e.notes != nil {
		c.Notes = *e.notes
	}
	if e.quantity != nil {
		q, err := app.ParseQuantity(*e.quantity)
		if err != nil {
			return err
		}
		c.Quantity = q
	}
	if e.when != nil {
		c.When = nil
		if s := strings.TrimSpace(*e.when); s != "" {
			w, err := app.ParseEDTF(s)
			if err != nil {
				return err
			}
			c.When = &w
		}
	}
	if e.entities != nil {
		c.EntityIDs = nil
		for _, ref := range strings.Split(*e.entities, "|") {
			if ref = strings.TrimSpace(ref); ref == "" {
				continue
			}
			id, err := k.ResolveEntityID(ctx, ref)
			if err != nil {
				return err
			}
			if !slices.Contains(c.EntityIDs, id) {
				c.EntityIDs = append(c.EntityIDs, id)
			}
		}
	}
	return nil
}

func (e *claimEdits) empty() bool { return *e == claimEdits{} }

func runClaim(ctx context.Context, c *cmdContext) error {
	if len(c.inv.Args) == 0 {
		return usageErr("claim needs a subcommand: add, edit, rm or show")
	}
	sub, args := c.inv.Args[0], c.inv.Args[1:]
	switch sub {
	case "add":
		return claimAdd(ctx, c, args)
	case "edit":
		return claimEdit(ctx, c, args)
	case "rm":
		return claimRemove(ctx, c, args)
	case "show":
		return claimShow(ctx, c, args)
	}
	return usageErr("unknown claim subcommand %q: use add, edit, rm or show", sub)
}

func claimAdd(ctx context.Context, c *cmdContext, args []string) error {
	fs := c.flags("claim add")
	article := fs.String("article", "", "article id")
	start := fs.Int("start", -1, "first rune of the span")
	end := fs.Int("end", -1, "rune after the span")
	asJSON := fs.Bool("json", false, "print JSON")
	var edits claimEdits
	edits.register(fs)
	if rest, err := parse(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usageErr("claim add takes only flags, not %q", rest[0])
	}
	if *article == "" || *start < 0 || *end < 0 {
		return usageErr("claim add needs --article ID --start N --end N (rune offsets; workbench show ID --text helps)")
	}
	k, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	aid, err := k.ResolveArticleID(ctx, *article)
	if err != nil {
		return err
	}
	a, err := k.Article(ctx, aid)
	if err != nil {
		return err
	}
	anc, err := app.NewAnchor(a.Text, app.Span{Start: *start, End: *end})
	if err != nil {
		return err
	}
	who := app.AnalystName()
	cl := app.Claim{ArticleID: aid, Anchor: anc, Statement: anc.Exact, CreatedBy: who, UpdatedBy: who}
	if err := edits.apply(ctx, k, &cl); err != nil {
		return err
	}
	if err := k.CreateClaim(ctx, &cl); err != nil {
		return err
	}
	return printClaim(ctx, c, k, &cl, *asJSON)
}

func claimEdit(ctx context.Context, c *cmdContext, args []string) error {
	fs := c.flags("claim edit")
	asJSON := fs.Bool("json", false, "print JSON")
	var edits claimEdits
	edits.register(fs)
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usageErr("claim edit needs one claim id")
	}
	if edits.empty() {
		return usageErr("claim edit: say what to change: --statement, --credibility, --attributed, --tags, --notes, --quantity or --when")
	}
	k, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	id, err := k.ResolveClaimID(ctx, rest[0])
	if err != nil {
		return err
	}
	cl, err := k.Claim(ctx, id)
	if err != nil {
		return err
	}
	if err := edits.apply(ctx, k, cl); err != nil {
		return err
	}
	cl.UpdatedBy = app.AnalystName()
	if err := k.UpdateClaim(ctx, cl); err != nil {
		return err
	}
	return printClaim(ctx, c, k, cl, *asJSON)
}

func claimRemove(ctx context.Context, c *cmdContext, args []string) error {
	fs := c.flags("claim rm")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return usageErr("claim rm needs one or more claim ids")
	}
	k, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	for _, ref := range rest {
		id, err := k.ResolveClaimID(ctx, ref)
		if err != nil {
			return err
		}
		if err := k.DeleteClaim(ctx, id); err != nil {
			return err
		}
		fmt.Fprintf(c.env.Stdout, "deleted claim %s\n", id.Short())
	}
	return nil
}

func claimShow(ctx context.Context, c *cmdContext, args []string) error {
	fs := c.flags("claim show")
	asJSON := fs.Bool("json", false, "print JSON")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usageErr("claim show needs one claim id")
	}
	k, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	id, err := k.ResolveClaimID(ctx, rest[0])
	if err != nil {
		return err
	}
	cl, err := k.Claim(ctx, id)
	if err != nil {
		return err
	}
	return printClaim(ctx, c, k, cl, *asJSON)
}

func runClaims(ctx context.Context, c *cmdContext) error {
	fs := c.flags("claims")
	article := fs.String("article", "", "only this article's claims")
	orphans := fs.Bool("orphans", false, "only claims whose text could not be found again")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := parse(fs, c.inv.Args); err != nil {
		return err
	}
	k, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	f := app.ClaimFilter{Orphans: *orphans}
	if *article != "" {
		if f.ArticleID, err = k.ResolveArticleID(ctx, *article); err != nil {
			return err
		}
	}
	list, err := k.Claims(ctx, f)
	if err != nil {
		return err
	}
	names, err := sourceNames(ctx, k)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]claimJSON, len(list))
		for i := range list {
			out[i] = toClaimJSON(&list[i], names)
		}
		return writeJSON(c.env.Stdout, out)
	}
	if len(list) == 0 {
		fmt.Fprintln(c.env.Stdout, "No claims yet: select text in the reader, or workbench claim add --article ID --start N --end N")
		return nil
	}
	t := newTable(c.env.Stdout, "ID", "ARTICLE", "SPAN", "CRED", "STATEMENT")
	for _, cl := range list {
		span := fmt.Sprintf("%d-%d", cl.Anchor.Start, cl.Anchor.End)
		if cl.Orphan {
			span = "orphan"
		}
		t.row(cl.ID.Short(), cl.ArticleID.Short(), span, orDash(cl.Credibility.String()), clip(cl.Statement, 70))
	}
	return t.flush()
}

func sourceNames(ctx context.Context, k app.Case) (map[app.ID]string, error) {
	ss, err := k.Sources(ctx)
	if err != nil {
		return nil, err
	}
	m := make(map[app.ID]string, len(ss))
	for _, s := range ss {
		m[s.ID] = s.Name
	}
	return m, nil
}

func printClaim(ctx context.Context, c *cmdContext, k app.Case, cl *app.Claim, asJSON bool) error {
	names, err := sourceNames(ctx, k)
	if err != nil {
		return err
	}
	j := toClaimJSON(cl, names)
	if asJSON {
		return writeJSON(c.env.Stdout, j)
	}
	w := c.env.Stdout
	fmt.Fprintf(w, "%-12s %s\n", "id:", cl.ID)
	fmt.Fprintf(w, "%-12s %s (runes %d-%d)%s\n", "article:", cl.ArticleID, cl.Anchor.Start, cl.Anchor.End, map[bool]string{true: "  ORPHAN: its text was not found again", false: ""}[cl.Orphan])
	fmt.Fprintf(w, "%-12s “%s”\n", "quote:", cl.Anchor.Exact)
	fmt.Fprintf(w, "%-12s %s\n", "statement:", cl.Statement)
	fmt.Fprintf(w, "%-12s %s\n", "credibility:", orDash(strings.TrimSpace(cl.Credibility.String()+" "+cl.Credibility.Label())))
	fmt.Fprintf(w, "%-12s %s\n", "attributed:", orDash(j.AttributedName))
	fmt.Fprintf(w, "%-12s %s\n", "tags:", orDash(strings.Join(cl.Tags, ", ")))
	fmt.Fprintf(w, "%-12s %s\n", "quantity:", orDash(j.Quantity))
	fmt.Fprintf(w, "%-12s %s\n", "when:", orDash(j.When))
	fmt.Fprintf(w, "%-12s %s\n", "notes:", orDash(cl.Notes))
	var ents []string
	for _, id := range cl.EntityIDs {
		if e, err := k.Entity(ctx, id); err == nil {
			ents = append(ents, e.Name)
		}
	}
	fmt.Fprintf(w, "%-12s %s\n", "entities:", orDash(strings.Join(ents, ", ")))
	fmt.Fprintf(w, "%-12s %s by %s; changed %s by %s\n", "created:", j.Created, orDash(cl.CreatedBy), j.Updated, orDash(cl.UpdatedBy))
	return nil
}

// claimJSON is the --json shape of a claim; its selectors follow W3C Web Annotation.
type claimJSON struct {
	ID             string   `json:"id"`
	ArticleID      string   `json:"article_id"`
	Start          int      `json:"start"`
	End            int      `json:"end"`
	Exact          string   `json:"exact"`
	Prefix         string   `json:"prefix"`
	Suffix         string   `json:"suffix"`
	Orphan         bool     `json:"orphan"`
	Statement      string   `json:"statement"`
	Credibility    string   `json:"credibility"`
	AttributedTo   string   `json:"attributed_to,omitempty"`
	AttributedName string   `json:"attributed_name,omitempty"`
	Tags           []string `json:"tags"`
	Notes          string   `json:"notes,omitempty"`
	Quantity       string   `json:"quantity,omitempty"`
	When           string   `json:"when,omitempty"`
	Entities       []string `json:"entities"` // ids of the entities it names
	CreatedBy      string   `json:"created_by"`
	Created        string   `json:"created_at"`
	UpdatedBy      string   `json:"updated_by"`
	Updated        string   `json:"updated_at"`
}

func toClaimJSON(cl *app.Claim, names map[app.ID]string) claimJSON {
	j := claimJSON{
		ID: string(cl.ID), ArticleID: string(cl.ArticleID), Start: cl.Anchor.Start, End: cl.Anchor.End,
		Exact: cl.Anchor.Exact, Prefix: cl.Anchor.Prefix, Suffix: cl.Anchor.Suffix, Orphan: cl.Orphan,
		Statement: cl.Statement, Credibility: cl.Credibility.String(), AttributedTo: string(cl.AttributedTo),
		AttributedName: names[cl.AttributedTo], Tags: append([]string{}, cl.Tags...), Notes: cl.Notes,
		CreatedBy: cl.CreatedBy, UpdatedBy: cl.UpdatedBy, Entities: []string{},
		Created: cl.CreatedAt.UTC().Format("2006-01-02T15:04:05Z"), Updated: cl.UpdatedAt.UTC().Format("2006-01-02T15:04:05Z"),
	}
	for _, id := range cl.EntityIDs {
		j.Entities = append(j.Entities, string(id))
	}
	if cl.Quantity != nil {
		j.Quantity = cl.Quantity.String()
	}
	if cl.When != nil {
		j.When = cl.When.EDTF()
	}
	return j
}
