package temporal_test

import (
	"strings"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/temporal"
)

func pub(t *testing.T, s string) app.PubDate {
	t.Helper()
	p, err := app.ParsePubDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// only returns the single expression of text.
func only(t *testing.T, text string) temporal.Expr {
	t.Helper()
	found := temporal.Find(text)
	if len(found) != 1 {
		t.Fatalf("found %+v in %q, want one expression", found, text)
	}
	return found[0]
}

// TestResolveUnknownReference: expressions that need the publication date
// say so instead of guessing; stated dates resolve without it.
func TestResolveUnknownReference(t *testing.T) {
	tests := map[string]struct {
		text    string
		unknown bool
		edtf    string
	}{
		"weekday":       {"The town fell on Thursday.", true, ""},
		"relative day":  {"The town fell earlier today.", true, ""},
		"month-day":     {"The assault opened on Oct. 26.", true, ""},
		"month":         {"Mosul fell in July.", true, ""},
		"part of month": {"Troops massed in late October.", true, ""},
		"duration ago":  {"The bridge fell four days ago.", true, ""},
		"full date":     {"Filed October 28, 2017 at 10:29 am.", false, "2017-10-28"},
		"part of year":  {"The city fell in early 2014.", false, "2014-01/2014-04"},
		"year span":     {"It was cut off between 2014 and 2016.", false, "2014/2016"},
		"bare duration": {"It took four days.", false, ""},
		"time":          {"It began at 13:30.", false, ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			r := temporal.Resolve(only(t, tc.text), tc.text, app.PubDate{})
			if r.Unknown != tc.unknown || r.When.EDTF() != tc.edtf {
				t.Fatalf("Unknown=%v EDTF=%q, want Unknown=%v EDTF=%q (%s; %s)", r.Unknown, r.When.EDTF(), tc.unknown, tc.edtf, r.Method, r.Note)
			}
			if tc.unknown && !strings.Contains(r.Note, "publication date") {
				t.Errorf("note %q should tell the analyst the publication date is missing", r.Note)
			}
			if !r.Reference.IsZero() {
				t.Errorf("reference %v, want the unknown date", r.Reference)
			}
		})
	}
}

// TestResolveCarriesProvenance: every resolved When names its expression,
// its reference and how it was resolved, and survives an EDTF round trip.
func TestResolveCarriesProvenance(t *testing.T) {
	files := articleFiles(t)
	if len(files) == 0 {
		t.Skip("no seed or sample articles found")
	}
	ref := pub(t, "2017-11-06 13:30")
	for name, text := range files {
		t.Run(name, func(t *testing.T) {
			for _, r := range temporal.ResolveAll(text, ref) {
				if r.Method == "" {
					t.Errorf("%q: no method", r.Expr.Text)
				}
				if r.When.IsZero() {
					continue
				}
				w := r.When
				if w.Expression != r.Expr.Text || w.Reference != ref.Date || w.Note == "" {
					t.Errorf("%q: When has expression %q, reference %v, note %q", r.Expr.Text, w.Expression, w.Reference, w.Note)
				}
				if err := w.Validate(); err != nil {
					t.Errorf("%q: %v", r.Expr.Text, err)
				}
				back, err := app.ParseEDTF(w.EDTF())
				if err != nil || back.Start != w.Start || back.End != w.End || back.Precision != w.Precision {
					t.Errorf("%q: EDTF %q does not round-trip (%v)", r.Expr.Text, w.EDTF(), err)
				}
			}
		})
	}
}

// TestResolveAllAgreesWithResolve: resolving the whole text at once gives
// what resolving each found expression against the text gives.
func TestResolveAllAgreesWithResolve(t *testing.T) {
	files := articleFiles(t)
	if len(files) == 0 {
		t.Skip("no seed or sample articles found")
	}
	ref := pub(t, "2017-11-03")
	for name, text := range files {
		t.Run(name, func(t *testing.T) {
			all := temporal.ResolveAll(text, ref)
			found := temporal.Find(text)
			if len(all) != len(found) {
				t.Fatalf("ResolveAll gave %d results, Find %d expressions", len(all), len(found))
			}
			for i, e := range found {
				one := temporal.Resolve(e, text, ref)
				if one.Expr != all[i].Expr || one.When != all[i].When || one.Method != all[i].Method || one.Note != all[i].Note {
					t.Errorf("%q: Resolve gave %+v, ResolveAll %+v", e.Text, one, all[i])
				}
			}
		})
	}
}

// TestResolveTense: the same words resolve backwards in past copy and
// forwards in a future clause.
func TestResolveTense(t *testing.T) {
	ref := pub(t, "2017-11-08") // a Wednesday
	tests := map[string]struct{ text, edtf string }{
		"past":               {"Troops entered Rawa on Friday.", "2017-11-03"},
		"will":               {"Troops will enter Rawa on Friday.", "2017-11-10"},
		"expected to":        {"Troops are expected to enter Rawa on Friday.", "2017-11-10"},
		"said, then will":    {"Officials said on Friday that troops will enter Rawa.", "2017-11-03"},
		"would be":           {"The minister said Rawa would be freed on Friday.", "2017-11-10"},
		"would have":         {"Rawa would have fallen on Friday without the storm.", "2017-11-03"},
		"past month-day":     {"Schools reopened on December 10.", "2016-12-10"},
		"future month-day":   {"Schools will reopen on December 10.", "2017-12-10"},
		"next in expression": {"Schools reopened; the next step comes next Monday.", "2017-11-13"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			r := temporal.Resolve(only(t, tc.text), tc.text, ref)
			if got := r.When.EDTF(); got != tc.edtf {
				t.Fatalf("got %s (%s), want %s", got, r.Method, tc.edtf)
			}
		})
	}
}

// TestResolveNotes: what the When cannot hold is said in the note.
func TestResolveNotes(t *testing.T) {
	ref := pub(t, "2017-11-03")
	tests := map[string]struct {
		text, edtf, note string
	}{
		"time kept":          {"Posted October 28, 2017 at 10:29 am.", "2017-10-28", "10:29 am"},
		"day order":          {"The order, dated 03/11/2017, was read out.", "2017-11-03?", "2017-03-11"},
		"wrong weekday":      {"Published Monday, 7 November, 2017.", "2017-11-07?", "Tuesday"},
		"same weekday":       {"Forces on Friday entered the town.", "2017-11-03", "2017-10-27"},
		"since":              {"The road has been shut since 2003.", "2003", "start of a period"},
		"another event":      {"It fell eight days after the push began.", "", "another event"},
		"part of the day":    {"Shelling began on Thursday night.", "2017-11-02", "night"},
		"winter of a year":   {"Supplies ran out in the winter of 2016.", "2016-12/2017-02", "February 2017"},
		"approximate with ~": {"It happened around Oct. 26.", "2017-10-26~", ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			r := temporal.Resolve(only(t, tc.text), tc.text, ref)
			if r.When.EDTF() != tc.edtf || !strings.Contains(r.Note, tc.note) {
				t.Fatalf("got %q note %q (%s), want %q with %q", r.When.EDTF(), r.Note, r.Method, tc.edtf, tc.note)
			}
		})
	}
}

// TestResolveSnippet: an analyst's selection that holds more than the
// expression still resolves the expression inside it, with its own span.
func TestResolveSnippet(t *testing.T) {
	text := "Iraqi forces on Tuesday battled up to the edge of Al-Qaim."
	sel := temporal.Expr{Span: app.Span{Start: 0, End: 23}, Text: "Iraqi forces on Tuesday"}
	r := temporal.Resolve(sel, text, pub(t, "2017-11-03"))
	if r.Expr.Text != "on Tuesday" || r.Expr.Span != (app.Span{Start: 13, End: 23}) || r.When.EDTF() != "2017-10-31" {
		t.Fatalf("got %+v %s", r.Expr, r.When.EDTF())
	}
	none := temporal.Resolve(temporal.Expr{Text: "the town"}, "", pub(t, "2017-11-03"))
	if !none.When.IsZero() || none.Unknown || none.Method == "" {
		t.Fatalf("a selection without a date gave %+v", none)
	}
}
