package merge

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
)

// fields collects the fields of two versions that differ, written out.
type fields []Field

// add records the field when its two versions differ.
func (f *fields) add(name, ours, theirs string) {
	if ours != theirs {
		*f = append(*f, Field{Name: name, Ours: ours, Theirs: theirs})
	}
}

// addIf records the field unless same, written out by show only then.
func addIf[T any](f *fields, same bool, name string, ours, theirs T, show func(T) string) {
	if !same {
		*f = append(*f, Field{Name: name, Ours: show(ours), Theirs: show(theirs)})
	}
}

func diffSource(o, t *app.Source) []Field {
	var f fields
	f.add("name", o.Name, t.Name)
	f.add("kind", string(o.Kind), string(t.Kind))
	f.add("homepage", o.Homepage, t.Homepage)
	f.add("notes", o.Notes, t.Notes)
	f.add("aliases", aliasList(o.Aliases), aliasList(t.Aliases))
	f.add("reliability", string(o.Reliability), string(t.Reliability))
	f.add("reliability note", o.ReliabilityNote, t.ReliabilityNote)
	return f
}

// aliasList writes aliases in a fixed order, so that order alone is no
// difference.
func aliasList(list []string) string {
	s := slices.Clone(list)
	slices.SortFunc(s, func(a, b string) int { return strings.Compare(key(a), key(b)) })
	return strings.Join(s, " | ")
}

// diffArticle compares what the analyst reads and decides of an article.
// The same text in other spacing or case is the same text (TextHash), and
// where the two texts are not the very same, offsets into them (excluded
// ranges, where metadata was read) cannot be compared and are not. How
// the file was imported (format, file name, warnings, how the importer
// found a source) is not compared either: two imports of one story differ
// there by nature.
func diffArticle(o, t *app.Article) []Field {
	var f fields
	sameText := o.Text == t.Text
	f.add("title", o.Title, t.Title)
	f.add("byline", o.Byline, t.Byline)
	f.add("web address", o.URL, t.URL)
	f.add("published", o.Published.String(), t.Published.String())
	addIf(&f, sameKnown(o.Known, t.Known, sameText), "how the metadata is known", o, t, known)
	addIf(&f, hashOf(o) == hashOf(t), "text", o.Text, t.Text, textSummary)
	if sameText {
		addIf(&f, slices.Equal(o.Excluded, t.Excluded), "excluded ranges", o.Excluded, t.Excluded, excluded)
	}
	addIf(&f, sameLinks(o.Sources, t.Sources), "sources", o.Sources, t.Sources, links)
	return f
}

// sameKnown compares how metadata is known: the basis and detail, and
// where in the text only when the texts are the same.
func sameKnown(a, b struct{ Title, Byline, URL, Published app.Evidence }, spans bool) bool {
	same := func(x, y app.Evidence) bool {
		return x.Basis == y.Basis && x.Detail == y.Detail && (!spans || x.Span == y.Span)
	}
	return same(a.Title, b.Title) && same(a.Byline, b.Byline) && same(a.URL, b.URL) && same(a.Published, b.Published)
}

func known(a *app.Article) string {
	k := a.Known
	return fmt.Sprintf("title %s, byline %s, web address %s, published %s",
		basis(k.Title), basis(k.Byline), basis(k.URL), basis(k.Published))
}

func basis(e app.Evidence) string {
	b := string(e.Basis)
	if b == "" {
		b = "unknown"
	}
	if e.Basis == app.BasisText {
		b += fmt.Sprintf(" %d-%d", e.Span.Start, e.Span.End)
	}
	if e.Detail != "" {
		b += " (" + e.Detail + ")"
	}
	return b
}

func textSummary(text string) string {
	return fmt.Sprintf("%d characters: %s", utf8.RuneCountInString(text), clip(text))
}

func excluded(list []app.Excluded) string {
	var parts []string
	for _, e := range list {
		parts = append(parts, fmt.Sprintf("%d-%d %s", e.Start, e.End, e.Kind))
	}
	return strings.Join(parts, ", ")
}

// sameLinks compares source links by source, role and confirmation (a
// source's name is the source's, not the link's; how the importer found
// it is not the analyst's decision).
func sameLinks(a, b []app.ArticleSource) bool {
	return slices.EqualFunc(a, b, func(x, y app.ArticleSource) bool {
		return x.SourceID == y.SourceID && x.Role == y.Role && x.Confirmed == y.Confirmed
	})
}

func links(list []app.ArticleSource) string {
	var parts []string
	for _, l := range list {
		s := l.Name + " (" + string(l.Role)
		if l.Confirmed {
			s += ", confirmed"
		}
		parts = append(parts, s+")")
	}
	return strings.Join(parts, ", ")
}

func diffEntity(o, t *app.Entity) []Field {
	var f fields
	f.add("kind", string(o.Kind), string(t.Kind))
	f.add("name", o.Name, t.Name)
	f.add("notes", o.Notes, t.Notes)
	return f
}

func diffClaim(o, t *app.Claim) []Field {
	var f fields
	f.add("article", string(o.ArticleID), string(t.ArticleID))
	addIf(&f, o.Anchor == t.Anchor, "quote", o.Anchor, t.Anchor, quote)
	f.add("orphan", fmt.Sprint(o.Orphan), fmt.Sprint(t.Orphan))
	f.add("statement", o.Statement, t.Statement)
	f.add("credibility", o.Credibility.String(), t.Credibility.String())
	f.add("attributed to", string(o.AttributedTo), string(t.AttributedTo))
	f.add("tags", strings.Join(o.Tags, ", "), strings.Join(t.Tags, ", "))
	f.add("notes", o.Notes, t.Notes)
	f.add("quantity", quantity(o.Quantity), quantity(t.Quantity))
	addIf(&f, sameWhen(o.When, t.When), "when", o.When, t.When, when)
	return f
}

// sameWhen compares two optional dates.
func sameWhen(a, b *app.When) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

func quote(a app.Anchor) string { return fmt.Sprintf("%d-%d “%s”", a.Start, a.End, clip(a.Exact)) }

func quantity(q *app.Quantity) string {
	if q == nil {
		return ""
	}
	return q.String()
}

func when(w *app.When) string {
	if w == nil || w.IsZero() {
		return ""
	}
	s := w.EDTF()
	if w.Expression != "" {
		s += " (“" + w.Expression + "”"
		if !w.Reference.IsZero() {
			s += " on " + w.Reference.String()
		}
		s += ")"
	}
	if w.Note != "" {
		s += " " + w.Note
	}
	return s
}

func diffEvent(o, t *app.Event) []Field {
	var f fields
	f.add("title", o.Title, t.Title)
	addIf(&f, o.When == t.When, "when", &o.When, &t.When, when)
	f.add("place", o.Place, t.Place)
	f.add("description", o.Description, t.Description)
	for _, l := range o.Claims {
		i := slices.IndexFunc(t.Claims, func(x app.EventClaim) bool { return x.ClaimID == l.ClaimID })
		if i >= 0 {
			f.add("stance of claim "+l.ClaimID.Short(), string(l.Stance), string(t.Claims[i].Stance))
		}
	}
	return f
}
