package ingest

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/evidence-workbench/workbench/app"
)

// Rating is one row of an analyst's outlet-ratings CSV.
type Rating struct {
	Line        int
	Name        string
	Reliability app.Reliability
	Note        string
}

// RatingProblem is a row that could not be used, with why.
type RatingProblem struct {
	Line    int
	Name    string
	Problem string
}

// maxRatingRows bounds a ratings file, like the article size limit.
const maxRatingRows = 100000

// ParseRatings reads a CSV of outlet ratings: a header naming the columns
// name, reliability and (optional) note, in any order and case, then one
// source a row. Reliability is a letter A-F or an OpenCTI string ("B -
// Usually reliable"). Bad rows are reported, never silently skipped; a
// file that is not such a CSV at all is an error.
func ParseRatings(r io.Reader) ([]Rating, []RatingProblem, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil, app.Errorf(app.EInvalid, "the ratings file is empty: it needs a header row name,reliability,note")
		}
		return nil, nil, app.WrapError(app.EInvalid, err, "the ratings file is not a readable CSV")
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	nameCol, okName := col["name"]
	relCol, okRel := col["reliability"]
	noteCol, okNote := col["note"]
	if !okName || !okRel {
		return nil, nil, app.Errorf(app.EInvalid, "the ratings file needs a header row with the columns name and reliability (and optionally note); it has %q", strings.Join(header, ","))
	}
	var rows []Rating
	var problems []RatingProblem
	seen := map[string]int{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return rows, problems, app.WrapError(app.EInvalid, err, "the ratings file could not be read to the end")
			}
			problems = append(problems, RatingProblem{Line: pe.StartLine, Problem: "not valid CSV: " + pe.Err.Error()})
			if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
				return rows, problems, nil // a broken quote swallows the rest of the file
			}
			continue
		}
		line, _ := cr.FieldPos(0)
		if len(rows)+len(problems) >= maxRatingRows {
			return rows, problems, app.Errorf(app.ETooLarge, "the ratings file has more than %d rows", maxRatingRows)
		}
		get := func(i int) string {
			if i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		name, relText := get(nameCol), get(relCol)
		var note string
		if okNote {
			note = get(noteCol)
		}
		switch {
		case name == "" && relText == "" && note == "":
			continue // a blank line
		case name == "":
			problems = append(problems, RatingProblem{Line: line, Problem: "no source name"})
			continue
		}
		rel, err := app.ParseReliability(relText)
		if err != nil || rel == "" {
			if r2, err2 := app.ParseOpenCTIReliability(relText); err2 == nil {
				rel, err = r2, nil
			} else {
				problems = append(problems, RatingProblem{Line: line, Name: name, Problem: fmt.Sprintf("%q is not a reliability A-F", relText)})
				continue
			}
		}
		key := strings.ToLower(strings.Join(strings.Fields(name), " "))
		if first, dup := seen[key]; dup {
			problems = append(problems, RatingProblem{Line: line, Name: name, Problem: fmt.Sprintf("rated twice (first on line %d); the first rating is used", first)})
			continue
		}
		seen[key] = line
		rows = append(rows, Rating{Line: line, Name: name, Reliability: rel, Note: note})
	}
	return rows, problems, nil
}

// RatingsStore is what applying ratings needs from a case.
type RatingsStore interface {
	ResolveSource(ctx context.Context, ref string) (*app.Source, error)
	CreateSource(ctx context.Context, s *app.Source) error
	GradeSource(ctx context.Context, id app.ID, r app.Reliability, note, by string) error
}

// RatingsReport says what applying a ratings file did.
type RatingsReport struct {
	Graded    []Rating        // rows that graded an existing source
	Created   []Rating        // rows that created a new, graded source (with create)
	Unchanged []Rating        // rows whose source already had that grade and note
	Problems  []RatingProblem // invalid rows, and names that matched no source
}

// ApplyRatings grades the sources named in rows (matched by name or alias).
// A name that matches no source is reported, or, with create, becomes a new
// source so later imports find it graded. Each grade is its own transaction
// and lands in the source's history with by as the analyst.
func ApplyRatings(ctx context.Context, st RatingsStore, rows []Rating, create bool, by string) (RatingsReport, error) {
	var rep RatingsReport
	for _, row := range rows {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		src, err := st.ResolveSource(ctx, row.Name)
		switch app.ErrorCode(err) {
		case "":
		case app.ENotFound:
			if !create {
				rep.Problems = append(rep.Problems, RatingProblem{Line: row.Line, Name: row.Name, Problem: "no source of that name or alias in this case"})
				continue
			}
			src = &app.Source{Name: row.Name}
			if err := st.CreateSource(ctx, src); err != nil {
				rep.Problems = append(rep.Problems, RatingProblem{Line: row.Line, Name: row.Name, Problem: app.ErrorMessage(err)})
				continue
			}
			if err := st.GradeSource(ctx, src.ID, row.Reliability, ratingNote(row), by); err != nil {
				return rep, err
			}
			rep.Created = append(rep.Created, row)
			continue
		default:
			rep.Problems = append(rep.Problems, RatingProblem{Line: row.Line, Name: row.Name, Problem: app.ErrorMessage(err)})
			continue
		}
		if src.Reliability == row.Reliability && src.ReliabilityNote == ratingNote(row) {
			rep.Unchanged = append(rep.Unchanged, row)
			continue
		}
		if err := st.GradeSource(ctx, src.ID, row.Reliability, ratingNote(row), by); err != nil {
			return rep, err
		}
		rep.Graded = append(rep.Graded, row)
	}
	return rep, nil
}

func ratingNote(r Rating) string {
	if r.Note != "" {
		return r.Note
	}
	return "from a ratings file"
}
