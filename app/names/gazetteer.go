package names

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"github.com/evidence-workbench/workbench/app"
)

// GazetteerRow is one entity read from a gazetteer, with its line.
type GazetteerRow struct {
	Line   int
	Entity app.Entity
}

// GazetteerProblem is a row of a gazetteer that could not be used.
type GazetteerProblem struct {
	Line    int
	Name    string
	Problem string
}

// ParseGazetteer reads a team's list of places and people: a CSV with a
// header row naming the columns name, kind and aliases (aliases separated
// by |; kind person, place, organisation or other, empty = other). Aliases
// are marked as added by the analyst. Rows that cannot be used are returned
// as problems with their line; a file that is not such a CSV at all is an
// EInvalid error.
func ParseGazetteer(r io.Reader) ([]GazetteerRow, []GazetteerProblem, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if err != nil {
		return nil, nil, app.Errorf(app.EInvalid, "This is not a CSV with a header row name,kind,aliases.")
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	if _, ok := col["name"]; !ok {
		return nil, nil, app.Errorf(app.EInvalid, "The CSV needs a header row with at least a name column (and kind, aliases).")
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	var rows []GazetteerRow
	var problems []GazetteerProblem
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return nil, nil, app.WrapError(app.EInvalid, err, "The CSV could not be read")
			}
			problems = append(problems, GazetteerProblem{Line: pe.StartLine, Problem: "not valid CSV: " + pe.Err.Error()})
			if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
				break // an open quote swallows the rest of the file
			}
			continue
		}
		line, _ := cr.FieldPos(0)
		e := app.Entity{Name: get(rec, "name"), Kind: app.EntityKind(strings.ToLower(get(rec, "kind")))}
		if e.Name == "" && get(rec, "aliases") == "" {
			continue // a blank row
		}
		if e.Kind == "" {
			e.Kind = app.EntityOther
		}
		for _, a := range strings.Split(get(rec, "aliases"), "|") {
			if a = strings.TrimSpace(a); a != "" {
				e.Aliases = append(e.Aliases, app.Alias{Name: a, ByAnalyst: true})
			}
		}
		if err := e.Validate(); err != nil {
			problems = append(problems, GazetteerProblem{Line: line, Name: e.Name, Problem: app.ErrorMessage(err)})
			continue
		}
		rows = append(rows, GazetteerRow{Line: line, Entity: e})
	}
	return rows, problems, nil
}
