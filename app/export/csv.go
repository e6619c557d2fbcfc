package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/timeline"
)

// csvHeader is the CSV's columns. One file holds events and claims; the
// kind column says which a row is.
var csvHeader = []string{
	"kind", "id", "event_id", "stance", "title", "statement", "quote", "when_edtf", "when", "start", "end", "precision",
	"approximate", "uncertain", "grade", "reliability", "credibility", "source", "source_id", "article_id", "article_title",
	"article_url", "published", "place", "corroboration", "confidence", "confidence_score", "conflicts", "quantity",
	"tags", "entities", "notes",
}

// CSVBOM starts every CSV the workbench writes, so spreadsheet programs
// read the file as UTF-8 (Arabic-origin names and curly quotes intact).
const CSVBOM = "\ufeff"

// WriteCSV writes events and claims as one CSV with a kind column:
//
//   - kind=event: one row per event, in timeline order (undated events
//     last), with its date, place, description (statement column),
//     corroboration, confidence and conflicts.
//   - kind=claim: one row per claim and event it is linked to (event_id,
//     stance and title say which), right after that event's row; a claim
//     linked to no event has one row with an empty event_id, after all
//     events. Each row has the claim's quote, date, grade, origin and article.
//
// Every cell that starts with = + - @, a tab or a carriage return gets a
// leading apostrophe, so no spreadsheet runs it as a formula.
func WriteCSV(w io.Writer, d *Data) error {
	d.index()
	if _, err := io.WriteString(w, CSVBOM); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	cw := csv.NewWriter(w)
	row := func(cells []string) error {
		for i := range cells {
			cells[i] = NeutraliseCell(cells[i])
		}
		return cw.Write(cells)
	}
	if err := row(append([]string(nil), csvHeader...)); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	linked := map[app.ID]bool{}
	for i := range d.Model.Events {
		ev := &d.Model.Events[i]
		if err := row(d.csvEvent(ev)); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
		for _, cv := range append(append([]timeline.ClaimView(nil), ev.Supporting...), ev.Contradicting...) {
			linked[cv.Claim.ID] = true
			if err := row(d.csvClaim(cv, ev)); err != nil {
				return fmt.Errorf("write csv: %w", err)
			}
		}
	}
	for i := range d.Snapshot.Claims {
		c := &d.Snapshot.Claims[i]
		if linked[c.ID] {
			continue
		}
		if err := row(d.csvClaim(d.view(c), nil)); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// NeutraliseCell stops a spreadsheet from reading a cell as a formula: a
// cell starting with = + - @, a tab or a carriage return gets a leading
// apostrophe (OWASP's advice against CSV injection).
func NeutraliseCell(s string) string {
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		return "'" + s
	}
	return s
}

func whenCells(w app.When, disputed bool) []string {
	if w.IsZero() {
		return []string{"", "undated", "", "", "", "", ""}
	}
	return []string{w.EDTF(), whenText(w, disputed), w.Start.String(), w.End.String(), string(w.Precision),
		strconv.FormatBool(w.Approximate), strconv.FormatBool(w.Uncertain)}
}

func conflictText(cfs []timeline.Conflict) string {
	var parts []string
	for _, cf := range cfs {
		parts = append(parts, string(cf.Kind)+": "+cf.Detail)
	}
	return strings.Join(parts, "; ")
}

func hasDateConflict(cfs []timeline.Conflict) bool {
	for _, cf := range cfs {
		if cf.Kind == timeline.ConflictDate {
			return true
		}
	}
	return false
}

func (d *Data) csvEvent(ev *timeline.EventView) []string {
	e := ev.Event
	out := []string{"event", string(e.ID), string(e.ID), "", e.Title, e.Description, ""}
	out = append(out, whenCells(ev.When, hasDateConflict(ev.Conflicts))...)
	out = append(out, "", "", "", "", "", "", "", "", "", e.Place, strconv.Itoa(ev.Corroboration), ev.Confidence.Level,
		strconv.FormatFloat(round3(ev.Confidence.Score), 'f', -1, 64), conflictText(ev.Conflicts), "", "", "", "")
	return out
}

// claimConflicts lists the conflicts of ev the claim is party to.
func claimConflicts(ev *timeline.EventView, id app.ID) []timeline.Conflict {
	var out []timeline.Conflict
	for _, cf := range ev.Conflicts {
		if slices.Contains(cf.A, id) || slices.Contains(cf.B, id) {
			out = append(out, cf)
		}
	}
	return out
}

func (d *Data) csvClaim(cv timeline.ClaimView, ev *timeline.EventView) []string {
	c := cv.Claim
	var eventID, stance, title string
	var cfs []timeline.Conflict
	if ev != nil {
		eventID, title = string(ev.Event.ID), ev.Event.Title
		stance = string(cv.Stance)
		cfs = claimConflicts(ev, c.ID)
	}
	out := []string{"claim", string(c.ID), eventID, stance, title, c.Statement, c.Anchor.Exact}
	out = append(out, whenCells(claimWhen(&c), hasDateConflict(cfs))...)
	var artTitle, url, pub string
	if a, ok := d.articles[c.ArticleID]; ok {
		artTitle, url, pub = a.Title, a.URL, a.Published.String()
	}
	src := ""
	if cv.Origin != "" {
		src = d.sourceName(cv.Origin)
	}
	qty := ""
	if c.Quantity != nil {
		qty = c.Quantity.String()
	}
	out = append(out, cv.Grade.String(), string(cv.Grade.Reliability), c.Credibility.String(), src, string(cv.Origin),
		string(c.ArticleID), artTitle, url, pub, "", "", "", "", conflictText(cfs), qty,
		strings.Join(c.Tags, "; "), strings.Join(d.entityNames(&c), "; "), c.Notes)
	return out
}
