package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/evidence-workbench/workbench/app/search"
)

// runFind ranks the case's names and texts for a query as the Ctrl+K
// palette does: entities and their aliases in any spelling, claims,
// articles, sources and events, best first.
func runFind(ctx context.Context, c *cmdContext) error {
	fs := c.flags("find")
	asJSON := fs.Bool("json", false, "print JSON")
	limit := fs.Int("limit", 20, "at most this many results")
	args, err := parse(fs, c.inv.Args)
	if err != nil {
		return err
	}
	q := strings.TrimSpace(strings.Join(args, " "))
	if q == "" {
		return usageErr("find needs something to look for")
	}
	k, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	ix, err := search.LoadIndex(ctx, k)
	if err != nil {
		return err
	}
	res := ix.Search(q, *limit)
	if *asJSON {
		out := make([]map[string]any, len(res))
		for i, r := range res {
			out[i] = map[string]any{"kind": r.Kind, "id": r.ID, "text": r.Text, "parent": r.Parent, "score": r.Score, "matched_runes": r.Matched}
		}
		return writeJSON(c.env.Stdout, out)
	}
	if len(res) == 0 {
		fmt.Fprintf(c.env.Stdout, "Nothing in this case matches %q.\n", q)
		return nil
	}
	t := newTable(c.env.Stdout, "KIND", "ID", "MATCH", "IN")
	for _, r := range res {
		id := r.ID
		if len(id) > 8 {
			id = id[len(id)-8:]
		}
		t.row(r.Kind, id, clip(bracketRunes(r.Text, r.Matched), 60), clip(orDash(r.Parent), 40))
	}
	return t.flush()
}

// bracketRunes shows matched runes in [brackets] for a terminal.
func bracketRunes(text string, matched []int) string {
	on := make(map[int]bool, len(matched))
	for _, m := range matched {
		on[m] = true
	}
	var b strings.Builder
	in := false
	for i, r := range []rune(text) {
		if on[i] != in {
			if on[i] {
				b.WriteByte('[')
			} else {
				b.WriteByte(']')
			}
			in = on[i]
		}
		b.WriteRune(r)
	}
	if in {
		b.WriteByte(']')
	}
	return b.String()
}
