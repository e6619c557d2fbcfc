package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/widgets"
)

// credibilityOptions are the picker's lines, index = credibility (0 = ungraded).
var credibilityOptions = func() []string {
	out := []string{"– not graded"}
	for c := app.Credibility1; c <= app.Credibility6; c++ {
		out = append(out, fmt.Sprintf("%d – %s", c, c.Label()))
	}
	return out
}()

// inspector shows and edits the selected claim.
type inspector struct {
	w     *Workbench
	root  fyne.CanvasObject
	card  *fyne.Container
	empty *widget.Label

	quote       *widget.Label
	grade       *widgets.GradeBadge
	origin      *widget.Label
	orphanNote  *widget.Label
	statement   *widget.Entry
	credibility *widget.Select
	attributed  *widget.SelectEntry
	tags        *widget.Entry
	quantity    *widget.Entry
	when        *widget.Entry
	notes       *widget.Entry
	stamps      *widget.Label
	save        *widget.Button
	reattach    *widget.Button
	dateBox     *fyne.Container // proposals from the date expressions inside the quote
	eventBox    *fyne.Container // the events this claim supports or contradicts
	entityBox   *fyne.Container // the entities it names: linked, and offered from its quote

	claim   *app.Claim        // the claim shown, as stored
	sources map[app.ID]string // id -> name, for "attributed to"
	loading bool              // suppresses change callbacks while filling the form
}

func newInspector(w *Workbench) *inspector {
	in := &inspector{w: w, sources: map[app.ID]string{}}
	in.quote = widget.NewLabel("")
	in.quote.Wrapping = fyne.TextWrapWord
	in.quote.TextStyle = fyne.TextStyle{Italic: true}
	in.grade = widgets.NewGradeBadge("", 0)
	in.origin = widget.NewLabel("")
	in.origin.Wrapping = fyne.TextWrapWord
	in.orphanNote = widget.NewLabel("This claim's words were not found after the article's text changed. " +
		"Select the right words in the reader and press Re-attach, or delete the claim.")
	in.orphanNote.Wrapping = fyne.TextWrapWord
	in.orphanNote.Importance = widget.WarningImportance
	in.statement = widget.NewMultiLineEntry()
	in.statement.Wrapping = fyne.TextWrapWord
	in.statement.SetMinRowsVisible(3)
	in.credibility = widget.NewSelect(credibilityOptions, nil)
	in.credibility.OnChanged = in.onCredibility
	in.attributed = widget.NewSelectEntry(nil)
	in.attributed.SetPlaceHolder("a person or body the article quotes (optional)")
	in.tags = widget.NewEntry()
	in.tags.SetPlaceHolder("comma-separated, e.g. casualties, border")
	in.quantity = widget.NewEntry()
	in.quantity.SetPlaceHolder("e.g. 500 killed, 40,000 troops")
	in.quantity.Validator = func(s string) error { _, err := app.ParseQuantity(s); return err }
	in.when = widget.NewEntry()
	in.when.SetPlaceHolder("EDTF, e.g. 2017-11-03 or 2017-11-03/2017-11-05")
	in.when.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		_, err := app.ParseEDTF(s)
		return err
	}
	in.notes = widget.NewMultiLineEntry()
	in.notes.Wrapping = fyne.TextWrapWord
	in.notes.SetMinRowsVisible(3)
	in.stamps = widget.NewLabel("")
	in.stamps.Wrapping = fyne.TextWrapWord
	in.stamps.Importance = widget.LowImportance
	for _, e := range []*widget.Entry{in.statement, in.tags, in.quantity, in.when, in.notes} {
		e.OnChanged = func(string) { in.markDirty() }
	}
	in.attributed.OnChanged = func(string) { in.markDirty() }
	in.save = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), in.saveEdits)
	in.save.Importance = widget.HighImportance
	in.reattach = widget.NewButtonWithIcon("Re-attach to selection", theme.ContentRedoIcon(), in.reattachToSelection)
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() { in.w.deleteClaim() })
	in.dateBox = container.NewVBox()
	in.eventBox = container.NewVBox()
	in.entityBox = container.NewVBox()
	editDate := widget.NewButtonWithIcon("Edit date…", theme.HistoryIcon(), in.editDateDialog)
	form := widget.NewForm(
		widget.NewFormItem("Statement", in.statement),
		widget.NewFormItem("Credibility", in.credibility),
		widget.NewFormItem("Attributed to", in.attributed),
		widget.NewFormItem("Tags", in.tags),
		widget.NewFormItem("Quantity", in.quantity),
		widget.NewFormItem("When", container.NewBorder(nil, nil, nil, editDate, in.when)),
		widget.NewFormItem("Notes", in.notes),
	)
	in.card = container.NewVBox(
		widget.NewLabelWithStyle("Claim", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		in.quote, container.NewBorder(nil, nil, container.NewCenter(in.grade), nil, in.origin), in.orphanNote,
		dateBoxTitle(), in.dateBox,
		widget.NewLabelWithStyle("Events", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), in.eventBox,
		widget.NewLabelWithStyle("Entities", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), in.entityBox,
		form, in.stamps,
		container.NewHBox(in.save, in.reattach, del),
	)
	in.empty = widget.NewLabel("No claim selected.\n\nSelect words in the article and press Enter, the + button, or right-click and choose New Claim, to make a claim.")
	in.empty.Wrapping = fyne.TextWrapWord
	in.root = container.NewStack(container.NewVScroll(in.card), container.NewPadded(in.empty))
	in.show(nil)
	return in
}

// show fills the card with c, or shows the hint when c is nil.
func (in *inspector) show(c *app.Claim) {
	in.claim = c
	if c == nil {
		in.card.Hide()
		in.empty.Show()
		return
	}
	in.loading = true
	defer func() { in.loading = false }()
	in.empty.Hide()
	in.card.Show()
	in.quote.SetText(fmt.Sprintf("“%s”  (characters %d–%d)", c.Anchor.Exact, c.Anchor.Start+1, c.Anchor.End)) // counted from 1, both ends in
	gr := in.w.grades.grade(*c)
	in.grade.Set(orDash(gr.String()), gradeTone(gr))
	in.origin.SetText(originText(*c, in.w.grades, in.w.reader.article))
	if c.Orphan {
		in.orphanNote.Show()
		in.reattach.Show()
	} else {
		in.orphanNote.Hide()
		in.reattach.Hide()
	}
	in.statement.SetText(c.Statement)
	in.credibility.SetSelectedIndex(int(c.Credibility))
	in.attributed.SetText(in.sources[c.AttributedTo])
	in.tags.SetText(strings.Join(c.Tags, ", "))
	in.quantity.SetText("")
	if c.Quantity != nil {
		in.quantity.SetText(c.Quantity.String())
	}
	in.when.SetText("")
	if c.When != nil {
		in.when.SetText(c.When.EDTF())
	}
	in.notes.SetText(c.Notes)
	in.stamps.SetText(fmt.Sprintf("Created by %s on %s · changed by %s on %s",
		orUnknown(c.CreatedBy), c.CreatedAt.Local().Format("2 Jan 2006 15:04"),
		orUnknown(c.UpdatedBy), c.UpdatedAt.Local().Format("2 Jan 2006 15:04")))
	in.save.Disable()
	in.showDates()
	in.showClaimEvents()
	in.showEntities()
	if in.w.timeline.stale {
		in.w.timeline.reload() // the claim's events come from the timeline model
	}
}

// setSources refreshes the "attributed to" choices.
func (in *inspector) setSources(ss []app.Source) {
	in.sources = make(map[app.ID]string, len(ss))
	names := make([]string, 0, len(ss))
	for _, s := range ss {
		in.sources[s.ID] = s.Name
		names = append(names, s.Name)
	}
	in.attributed.SetOptions(names)
}

func (in *inspector) markDirty() {
	if !in.loading && in.claim != nil {
		in.save.Enable()
	}
}

// dirty reports whether the form holds unsaved edits.
func (in *inspector) dirty() bool { return in.claim != nil && !in.save.Disabled() }

// onCredibility saves a grade change at once, as its own undoable action.
func (in *inspector) onCredibility(string) {
	if in.loading || in.claim == nil {
		return
	}
	c := *in.claim
	c.Credibility = app.Credibility(in.credibility.SelectedIndex())
	if c.Credibility == in.claim.Credibility {
		return
	}
	in.w.editClaim(*in.claim, c, "Credibility", "")
}

// edited returns the claim as the form says, or an error for bad fields.
func (in *inspector) edited() (app.Claim, string, error) {
	c := *in.claim
	c.Statement = strings.TrimSpace(in.statement.Text)
	c.Tags = app.ParseTags(in.tags.Text)
	c.Notes = in.notes.Text
	q, err := app.ParseQuantity(in.quantity.Text)
	if err != nil {
		return c, "", err
	}
	c.Quantity = q
	c.When = nil
	if s := strings.TrimSpace(in.when.Text); s != "" {
		w, err := app.ParseEDTF(s)
		if err != nil {
			return c, "", err
		}
		c.When = &w
	}
	return c, strings.TrimSpace(in.attributed.Text), nil
}

// saveEdits stores the form as one undoable "Edit Claim".
func (in *inspector) saveEdits() {
	if in.claim == nil {
		return
	}
	c, attributed, err := in.edited()
	if err != nil {
		in.w.showError("Could not save the claim", err)
		return
	}
	in.w.editClaim(*in.claim, c, "", attributed)
}

// reattachToSelection anchors an orphan (or any claim) on the reader's
// current selection: one undoable "Re-anchor".
func (in *inspector) reattachToSelection() {
	in.w.reattachClaim()
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// originText says whom a claim's grade comes from: "Origin: LPA (B – Usually
// reliable), relayed by Desert Ledger" or "attributed to …".
func originText(c app.Claim, g grader, a *app.Article) string {
	o := g.origin(c)
	if o == nil {
		return "Origin unknown: link the article's sources (Sources… above the text) to grade this claim."
	}
	how := "Origin"
	if c.AttributedTo != "" {
		how = "Attributed to"
	}
	text := fmt.Sprintf("%s: %s (not graded yet)", how, o.Name)
	if o.Reliability.Valid() {
		text = fmt.Sprintf("%s: %s (%s – %s)", how, o.Name, o.Reliability, o.Reliability.Label())
	}
	if a != nil {
		if chain := app.Chain(a.Sources); chain != "" && chain != o.Name {
			text += ", in " + chain
		}
	}
	if c.Credibility.Valid() {
		text += fmt.Sprintf("; information %d – %s", c.Credibility, c.Credibility.Label())
	}
	return text
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
