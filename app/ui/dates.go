package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/temporal"
	"github.com/evidence-workbench/workbench/widgets"
)

// computeDates finds and resolves the article's date expressions off the
// UI goroutine, then underlines them and refreshes the inspector's proposals.
func (p *readerPane) computeDates(a *app.Article) {
	text, pub, id := a.Text, a.Published, a.ID
	background(p.w, "Could not read the dates", func() ([]temporal.Resolution, error) {
		return temporal.ResolveAll(text, pub), nil
	}, func(res []temporal.Resolution) {
		if p.article == nil || p.article.ID != id || p.article.Text != text {
			return
		}
		p.dates = res
		spans := make([]widgets.Span, len(res))
		for i, r := range res {
			spans[i] = widgets.Span{Start: r.Expr.Span.Start, End: r.Expr.Span.End}
		}
		p.text.SetUnderlines(spans)
		p.w.inspector.showDates()
	})
}

// datesIn are the resolved expressions that overlap span s.
func datesIn(res []temporal.Resolution, s app.Span) []temporal.Resolution {
	var out []temporal.Resolution
	for _, r := range res {
		if r.Expr.Span.Start < s.End && r.Expr.Span.End > s.Start {
			out = append(out, r)
		}
	}
	return out
}

// showDates fills the "dates in this claim" box with one button a date.
func (in *inspector) showDates() {
	in.dateBox.Objects = nil
	c := in.claim
	if c == nil || c.Orphan {
		in.dateBox.Refresh()
		return
	}
	found := datesIn(in.w.reader.dates, c.Anchor.Span)
	if len(found) == 0 {
		l := widget.NewLabel("No date expression in the quote: type one in When, or use Edit date.")
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.LowImportance
		in.dateBox.Add(l)
	}
	for _, r := range found {
		r := r
		label := fmt.Sprintf("“%s”: ", r.Expr.Text)
		switch {
		case r.Unknown:
			l := widget.NewLabel(label + "needs the publication date, which is unknown (set it with Edit Details).")
			l.Wrapping = fyne.TextWrapWord
			l.Importance = widget.WarningImportance
			in.dateBox.Add(l)
			continue
		case r.When.IsZero():
			l := widget.NewLabel(label + r.Note)
			l.Wrapping = fyne.TextWrapWord
			l.Importance = widget.LowImportance
			in.dateBox.Add(l)
			continue
		}
		b := widget.NewButtonWithIcon("Use "+r.When.EDTF(), theme.ConfirmIcon(), func() { in.acceptDate(r.When) })
		why := widget.NewLabel(fmt.Sprintf("“%s”: %s", r.Expr.Text, r.Method))
		why.Wrapping = fyne.TextWrapWord
		why.Importance = widget.LowImportance
		if c.When != nil && c.When.EDTF() == r.When.EDTF() {
			b.SetText("Set: " + r.When.EDTF())
			b.Disable()
		}
		in.dateBox.Add(container.NewBorder(nil, nil, b, nil, why))
	}
	in.dateBox.Refresh()
}

// acceptDate sets the claim's When in one undoable step.
func (in *inspector) acceptDate(w app.When) {
	if in.claim == nil {
		return
	}
	after := *in.claim
	after.When = &w
	in.w.editClaim(*in.claim, after, "Date", "")
}

// editDateDialog edits a claim's date by hand: start and end days with
// pickers, precision, approximate and uncertain; written as EDTF.
func (in *inspector) editDateDialog() {
	c := in.claim
	if c == nil {
		return
	}
	cur := app.When{Precision: app.PrecisionDay}
	if c.When != nil {
		cur = *c.When
	}
	start, end := widget.NewDateEntry(), widget.NewDateEntry()
	if !cur.IsZero() {
		s, e := cur.Start.Time(), cur.End.Time()
		start.SetDate(&s)
		if cur.End != cur.Start {
			end.SetDate(&e)
		}
	}
	prec := widget.NewRadioGroup([]string{"day", "month", "year"}, nil)
	prec.Horizontal = true
	prec.SetSelected(string(cur.Precision))
	approx := widget.NewCheck("approximate (~): around that time", nil)
	approx.SetChecked(cur.Approximate)
	unsure := widget.NewCheck("uncertain (?): the source hedges", nil)
	unsure.SetChecked(cur.Uncertain)
	preview := widget.NewLabel("")
	build := func() (app.When, error) {
		if start.Date == nil {
			return app.When{}, app.Errorf(app.EInvalid, "pick a start day")
		}
		w := app.When{Start: app.DateOf(*start.Date), Precision: app.Precision(prec.Selected),
			Approximate: approx.Checked, Uncertain: unsure.Checked, Expression: cur.Expression, Reference: cur.Reference, Note: "set by the analyst"}
		w.End = w.Start
		if end.Date != nil {
			w.End = app.DateOf(*end.Date)
		}
		switch w.Precision { // widen to whole months or years
		case app.PrecisionMonth:
			w.Start.Day = 1
			w.End = app.DateOf(time.Date(w.End.Year, w.End.Month+1, 0, 0, 0, 0, 0, time.UTC))
		case app.PrecisionYear:
			w.Start = app.Date{Year: w.Start.Year, Month: 1, Day: 1}
			w.End = app.Date{Year: w.End.Year, Month: 12, Day: 31}
		}
		return w, w.Validate()
	}
	update := func() {
		if w, err := build(); err != nil {
			preview.SetText(app.ErrorMessage(err))
		} else {
			preview.SetText("EDTF: " + w.EDTF())
		}
	}
	start.OnChanged = func(*time.Time) { update() }
	end.OnChanged = func(*time.Time) { update() }
	prec.OnChanged = func(string) { update() }
	approx.OnChanged = func(bool) { update() }
	unsure.OnChanged = func(bool) { update() }
	update()
	form := widget.NewForm(
		widget.NewFormItem("From", start),
		widget.NewFormItem("To (for a range)", end),
		widget.NewFormItem("Precision", prec),
		widget.NewFormItem("", approx),
		widget.NewFormItem("", unsure),
		widget.NewFormItem("", preview),
	)
	d := dialog.NewCustomConfirm("When did it happen?", "Save", "Cancel", form, func(ok bool) {
		if !ok {
			return
		}
		w, err := build()
		if err != nil {
			in.w.showError("Could not set the date", err)
			return
		}
		in.acceptDate(w)
	}, in.w.win)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
}

// dateBoxTitle heads the proposals.
func dateBoxTitle() fyne.CanvasObject {
	return widget.NewLabelWithStyle("Dates in this claim", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}
