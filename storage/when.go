package storage

import (
	"database/sql"

	"github.com/evidence-workbench/workbench/app"
)

// A When is stored in eight columns, the same for claims and events:
// when_start and when_end (NULL for no date), when_precision,
// when_approximate, when_uncertain, when_expression, when_reference and
// when_note.

// whenArgs are the values of the eight when_ columns for w (nil: no date).
func whenArgs(w *app.When) []any {
	if w == nil {
		return []any{nil, nil, "", false, false, "", "", ""}
	}
	return []any{w.Start.String(), w.End.String(), string(w.Precision), w.Approximate, w.Uncertain,
		w.Expression, w.Reference.String(), w.Note}
}

// whenCols receives the eight when_ columns of a row.
type whenCols struct {
	start, end             sql.NullString
	prec, expr, ref, note  string
	approximate, uncertain bool
}

// dest are the Scan destinations of the when_ columns, in whenArgs's order.
func (c *whenCols) dest() []any {
	return []any{&c.start, &c.end, &c.prec, &c.approximate, &c.uncertain, &c.expr, &c.ref, &c.note}
}

// when reads the columns back; nil when the row has no date.
func (c *whenCols) when() (*app.When, error) {
	if !c.start.Valid {
		return nil, nil
	}
	w := app.When{Precision: app.Precision(c.prec), Approximate: c.approximate, Uncertain: c.uncertain,
		Expression: c.expr, Note: c.note}
	var err error
	if w.Start, err = storedDate(c.start.String); err != nil {
		return nil, err
	}
	if w.End, err = storedDate(c.end.String); err != nil {
		return nil, err
	}
	if c.ref != "" {
		if w.Reference, err = storedDate(c.ref); err != nil {
			return nil, err
		}
	}
	return &w, nil
}

// validWhen checks what When.Validate does not: the words are UTF-8 and
// the days are calendar days the store can write and read back.
func validWhen(w *app.When) error {
	if w == nil {
		return nil
	}
	if err := validText("date expression", w.Expression); err != nil {
		return err
	}
	if err := validText("date note", w.Note); err != nil {
		return err
	}
	if err := validDate("date", w.Start); err != nil {
		return err
	}
	if err := validDate("date", w.End); err != nil {
		return err
	}
	if !w.Reference.IsZero() {
		return validDate("reference date", w.Reference)
	}
	return nil
}
