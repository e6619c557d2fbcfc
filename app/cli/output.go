package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
)

// writeJSON prints v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// table prints aligned columns.
type table struct{ tw *tabwriter.Writer }

func newTable(w io.Writer, header ...string) *table {
	t := &table{tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)}
	t.row(header...)
	return t
}

func (t *table) row(cells ...string) { fmt.Fprintln(t.tw, strings.Join(cells, "\t")) }

func (t *table) flush() error { return t.tw.Flush() }

// clip shortens s to n runes with an ellipsis and keeps it on one line.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// orDash prints "-" for an empty value so columns stay aligned.
func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// evidenceJSON is how a metadata field's provenance prints.
type evidenceJSON struct {
	Basis  string `json:"basis"`
	Start  *int   `json:"start,omitempty"`
	End    *int   `json:"end,omitempty"`
	Detail string `json:"detail,omitempty"`
}

func toEvidence(e app.Evidence) evidenceJSON {
	out := evidenceJSON{Basis: string(e.Basis), Detail: e.Detail}
	if out.Basis == "" {
		out.Basis = "unknown"
	}
	if e.Basis == app.BasisText {
		s, en := e.Span.Start, e.Span.End
		out.Start, out.End = &s, &en
	}
	return out
}

// articleJSON is the --json shape of an article (text only when asked).
type articleJSON struct {
	ID        string                  `json:"id"`
	Title     string                  `json:"title"`
	Byline    string                  `json:"byline,omitempty"`
	URL       string                  `json:"url,omitempty"`
	Published string                  `json:"published"`
	Known     map[string]evidenceJSON `json:"known"`
	Format    string                  `json:"format"`
	Filename  string                  `json:"filename,omitempty"`
	Chain     string                  `json:"chain,omitempty"`
	Sources   []sourceLinkJSON        `json:"sources"`
	Excluded  []excludedJSON          `json:"excluded"`
	Warnings  []string                `json:"warnings,omitempty"`
	Runes     int                     `json:"runes"`
	Text      *string                 `json:"text,omitempty"`
	Imported  string                  `json:"imported_at"`
	Updated   string                  `json:"updated_at"`
}

type sourceLinkJSON struct {
	SourceID  string       `json:"source_id"`
	Name      string       `json:"name"`
	Role      string       `json:"role"`
	Confirmed bool         `json:"confirmed"`
	Evidence  evidenceJSON `json:"evidence"`
}

type excludedJSON struct {
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Kind      string `json:"kind"`
	ByAnalyst bool   `json:"by_analyst,omitempty"`
}

func toArticleJSON(a *app.Article, withText bool) articleJSON {
	out := articleJSON{
		ID: string(a.ID), Title: a.Title, Byline: a.Byline, URL: a.URL,
		Published: a.Published.String(), Format: string(a.Format), Filename: a.Filename,
		Chain: app.Chain(a.Sources), Warnings: a.Warnings, Runes: utf8.RuneCountInString(a.Text),
		Known: map[string]evidenceJSON{
			"title": toEvidence(a.Known.Title), "byline": toEvidence(a.Known.Byline),
			"url": toEvidence(a.Known.URL), "published": toEvidence(a.Known.Published),
		},
		Sources:  []sourceLinkJSON{},
		Excluded: []excludedJSON{},
		Imported: a.ImportedAt.UTC().Format("2006-01-02T15:04:05Z"),
		Updated:  a.UpdatedAt.UTC().Format("2006-01-02T15:04:05Z"),
	}
	if out.Published == "" {
		out.Published = "unknown"
	}
	for _, s := range a.Sources {
		out.Sources = append(out.Sources, sourceLinkJSON{string(s.SourceID), s.Name, string(s.Role), s.Confirmed, toEvidence(s.Evidence)})
	}
	for _, e := range a.Excluded {
		out.Excluded = append(out.Excluded, excludedJSON{e.Start, e.End, string(e.Kind), e.ByAnalyst})
	}
	if withText {
		out.Text = &a.Text
	}
	return out
}

// markExcluded returns the text with every excluded range wrapped in ⟦ ⟧
// and its kind, for reading boilerplate decisions in a terminal.
func markExcluded(text string, ex []app.Excluded) string {
	runes := []rune(text)
	var b strings.Builder
	at := 0
	for _, e := range ex {
		if e.Start < at || e.End > len(runes) {
			continue
		}
		b.WriteString(string(runes[at:e.Start]))
		fmt.Fprintf(&b, "⟦%s: %s⟧", e.Kind, string(runes[e.Start:e.End]))
		at = e.End
	}
	b.WriteString(string(runes[at:]))
	return b.String()
}
