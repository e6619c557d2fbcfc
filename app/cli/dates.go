package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/temporal"
)

// runDates shows what the date finder and resolver see: in an article
// (resolved against its publication date), or in free text against --ref.
func runDates(ctx context.Context, c *cmdContext) error {
	fs := c.flags("dates")
	asJSON := fs.Bool("json", false, "print JSON")
	ref := fs.String("ref", "", "reference date for free text (2017-11-06; 'unknown' to see what needs one)")
	args, err := parse(fs, c.inv.Args)
	if err != nil {
		return err
	}
	var text string
	var pub app.PubDate
	var title string
	switch {
	case *ref != "":
		if pub, err = app.ParsePubDate(*ref); err != nil {
			return usageErr("--ref: %v", app.ErrorMessage(err))
		}
		if len(args) == 0 || (len(args) == 1 && args[0] == "-") {
			data, err := io.ReadAll(io.LimitReader(c.env.Stdin, maxStdin+1))
			if err != nil {
				return app.WrapError(app.EInvalid, err, "cannot read standard input")
			}
			text = string(data)
		} else {
			text = strings.Join(args, " ")
		}
	case len(args) == 1:
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
		text, pub, title = a.Text, a.Published, a.Title
	default:
		return usageErr("dates needs an article id, or --ref DATE and some text (or - for standard input)")
	}
	res := temporal.ResolveAll(text, pub)
	if *asJSON {
		out := make([]map[string]any, 0, len(res))
		for _, r := range res {
			m := map[string]any{"start": r.Expr.Span.Start, "end": r.Expr.Span.End, "text": r.Expr.Text, "kind": r.Expr.Kind,
				"method": r.Method, "reference": r.Reference.String(), "note": r.Note, "unknown_reference": r.Unknown}
			if !r.When.IsZero() {
				m["edtf"] = r.When.EDTF()
			}
			out = append(out, m)
		}
		return writeJSON(c.env.Stdout, out)
	}
	if title != "" {
		ref := pub.String()
		if ref == "" {
			ref = "unknown: relative dates cannot be resolved"
		}
		fmt.Fprintf(c.env.Stdout, "%s\npublished %s\n\n", title, ref)
	}
	if len(res) == 0 {
		fmt.Fprintln(c.env.Stdout, "No date expressions found.")
		return nil
	}
	t := newTable(c.env.Stdout, "SPAN", "EXPRESSION", "KIND", "DATE (EDTF)", "HOW")
	for _, r := range res {
		date := r.When.EDTF()
		switch {
		case r.Unknown:
			date = "? (no reference date)"
		case date == "":
			date = "-"
		}
		how := r.Method
		if r.Note != "" && !strings.Contains(r.Note, r.Method) && !strings.Contains(r.Method, r.Note) {
			how += "; " + r.Note
		} else if len(r.Note) > len(how) {
			how = r.Note
		}
		t.row(fmt.Sprintf("%d-%d", r.Expr.Span.Start, r.Expr.Span.End), clip(r.Expr.Text, 36), string(r.Expr.Kind), date, clip(how, 70))
	}
	return t.flush()
}
