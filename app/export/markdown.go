package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/evidence-workbench/workbench/app"
)

// mdEscape makes text safe inside a Markdown paragraph, heading, list item
// or table cell: line breaks become spaces and every character Markdown or
// HTML would read as markup (\ ` * _ { } [ ] ( ) < > # | ~ & !) is
// backslash-escaped, so `<script>` shows as text and no link or image can
// be made from case text.
func mdEscape(s string) string {
	s = oneLine(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		if strings.ContainsRune("\\`*_{}[]()<>#|~&!", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// WriteMarkdown writes the report (see WriteHTML) as Markdown: headings
// per event, claims as list items with their grade, quote, source and
// date, tables of sources and entities. The timeline picture is not
// embedded (export SVG or PNG beside it); every piece of case text is
// escaped with mdEscape.
func WriteMarkdown(w io.Writer, d *Data) error {
	r := d.report()
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	p("# %s\n\n", mdEscape(r.Title))
	p("Evidence Workbench report · %s · generated %s\n\n", mdEscape(r.Scope), mdEscape(r.Generated))
	c := r.Counts
	p("**%d** events", c.Events)
	if c.Undated > 0 {
		p(" (%d undated)", c.Undated)
	}
	p(" · **%d** claims · **%d** conflicts · **%d** sources · **%d** articles · **%d** entities\n\n", c.Claims, c.Conflicts, c.Sources, c.Articles, c.Entities)
	p("Grades are Admiralty codes: source reliability A (completely reliable) to F (cannot be judged), claim credibility 1 (confirmed) to 6 (cannot be judged); ? is not graded. Corroboration counts independent origins.\n\n")
	p("## Events\n\n")
	if len(r.Events) == 0 {
		p("No events in this export.\n\n")
	}
	for _, ev := range r.Events {
		p("### %s\n\n", mdEscape(ev.Title))
		p("**%s**", mdEscape(ev.When))
		if ev.EDTF != "" {
			p(" (EDTF `%s`)", ev.EDTF)
		}
		if ev.Place != "" {
			p(" · %s", mdEscape(ev.Place))
		}
		p("  \nCorroborated by %s · confidence **%s** — %s\n\n", app.Count(ev.Corroboration, "independent origin", "independent origins"), mdEscape(ev.Confidence), mdEscape(ev.Reason))
		for _, cf := range ev.Conflicts {
			p("- ⚠ **Conflict:** %s\n", mdEscape(cf))
		}
		if len(ev.Conflicts) > 0 {
			p("\n")
		}
		if ev.Description != "" {
			p("%s\n\n", mdEscape(ev.Description))
		}
		mdClaims(p, "Supporting", ev.Supporting)
		mdClaims(p, "Contradicting", ev.Contradicting)
		if len(ev.Supporting)+len(ev.Contradicting) == 0 {
			p("No claim is linked to this event yet.\n\n")
		}
	}
	if len(r.Loose) > 0 {
		p("## Claims on no event\n\n")
		mdClaims(p, "", r.Loose)
	}
	p("## Sources\n\n| Source | Kind | Reliability | Why | Grade history |\n|---|---|---|---|---|\n")
	for _, s := range r.Sources {
		hist := make([]string, len(s.History))
		for i, h := range s.History {
			hist[i] = mdEscape(h)
		}
		p("| %s | %s | %s | %s | %s |\n", mdEscape(s.Name), mdEscape(s.Kind), mdEscape(s.Reliability), mdEscape(s.Note), strings.Join(hist, "; "))
	}
	p("\n")
	if len(r.Entities) > 0 {
		p("## Entities\n\n| Name | Kind | Also written |\n|---|---|---|\n")
		for _, e := range r.Entities {
			p("| %s | %s | %s |\n", mdEscape(e.Name), mdEscape(e.Kind), mdEscape(e.Aliases))
		}
		p("\n")
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write markdown: %w", err)
	}
	return nil
}

func mdClaims(p func(string, ...any), label string, cs []reportClaim) {
	if len(cs) == 0 {
		return
	}
	if label != "" {
		p("**%s (%d)**\n\n", label, len(cs))
	}
	for _, c := range cs {
		p("- **%s** %s", mdEscape(c.Grade), mdEscape(c.Statement))
		if c.Conflict {
			p(" ⚠ *in conflict*")
		}
		p("  \n  %s · %s · %s", mdEscape(c.When), mdEscape(c.Source), mdEscape(c.Article))
		if c.URL != "" {
			p(" · %s", mdEscape(c.URL))
		}
		if c.Quantity != "" {
			p(" · %s", mdEscape(c.Quantity))
		}
		if c.Entities != "" {
			p(" · %s", mdEscape(c.Entities))
		}
		if c.Tags != "" {
			p(" · tags: %s", mdEscape(c.Tags))
		}
		if c.Notes != "" {
			p("  \n  Note: %s", mdEscape(c.Notes))
		}
		p("  \n  > “%s”", mdEscape(c.Quote))
		p("\n")
	}
	p("\n")
}
