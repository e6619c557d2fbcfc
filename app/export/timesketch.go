package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/timeline"
)

// tsRow is one Timesketch event. The first three fields are the ones
// Timesketch requires.
type tsRow struct {
	Message       string `json:"message"`
	Datetime      string `json:"datetime"`
	TimestampDesc string `json:"timestamp_desc"`
	Timestamp     int64  `json:"timestamp"`
	Kind          string `json:"kind"`
	EventID       string `json:"event_id"`
	ClaimID       string `json:"claim_id"`
	Stance        string `json:"stance"`
	Title         string `json:"title"`
	Quote         string `json:"quote"`
	Grade         string `json:"grade"`
	Source        string `json:"source"`
	Article       string `json:"article"`
	URL           string `json:"url"`
	DateEDTF      string `json:"date_edtf"`
	DateEnd       string `json:"date_end"`
	DatePrecision string `json:"date_precision"`
	Approximate   bool   `json:"approximate"`
	Uncertain     bool   `json:"uncertain"`
	Conflicts     string `json:"conflicts"`
	Tag           string `json:"tag"`
}

var tsHeader = []string{"message", "datetime", "timestamp_desc", "timestamp", "kind", "event_id", "claim_id", "stance", "title",
	"quote", "grade", "source", "article", "url", "date_edtf", "date_end", "date_precision", "approximate", "uncertain", "conflicts", "tag"}

func (r tsRow) cells() []string {
	return []string{r.Message, r.Datetime, r.TimestampDesc, strconv.FormatInt(r.Timestamp, 10), r.Kind, r.EventID, r.ClaimID, r.Stance,
		r.Title, r.Quote, r.Grade, r.Source, r.Article, r.URL, r.DateEDTF, r.DateEnd, r.DatePrecision,
		strconv.FormatBool(r.Approximate), strconv.FormatBool(r.Uncertain), r.Conflicts, r.Tag}
}

// tsAt fills the time fields from a day at midnight UTC.
func (r *tsRow) tsAt(d app.Date) {
	t := d.Time()
	r.Datetime = t.Format("2006-01-02T15:04:05+00:00")
	r.Timestamp = t.UnixMicro()
}

func (r *tsRow) tsWhen(w app.When) {
	r.tsAt(w.Start)
	r.DateEDTF, r.DatePrecision = w.EDTF(), string(w.Precision)
	r.DateEnd = w.End.String()
	r.Approximate, r.Uncertain = w.Approximate, w.Uncertain
}

// timesketchRows lists the export's rows in time order.
//
// A dated event is a row at the start of its date ("Event date"); a dated
// claim is a row at the start of its date ("Date stated in claim"), once
// per event it is linked to, or once alone. Timesketch needs a time on
// every row, so an undated claim is placed at its article's publication
// time ("Article published (claim has no date)"); an undated event, and an
// undated claim whose article's date is unknown, have no time at all and
// are left out (TimesketchSkipped counts them; the CLI says how many).
func (d *Data) timesketchRows() ([]tsRow, int) {
	d.index()
	var rows []tsRow
	skipped := 0
	for i := range d.Model.Events {
		ev := &d.Model.Events[i]
		if ev.When.IsZero() {
			skipped++
		} else {
			r := tsRow{Message: "Event: " + oneLine(ev.Event.Title), TimestampDesc: "Event date", Kind: "event",
				EventID: string(ev.Event.ID), Title: ev.Event.Title, Conflicts: conflictText(ev.Conflicts),
				Grade: fmt.Sprintf("confidence %s (%.2f), %s", ev.Confidence.Level, ev.Confidence.Score, app.Count(ev.Corroboration, "origin", "origins"))}
			r.tsWhen(ev.When)
			rows = append(rows, r)
		}
		for _, cv := range append(append([]timeline.ClaimView(nil), ev.Supporting...), ev.Contradicting...) {
			if r, ok := d.tsClaim(cv, ev); ok {
				rows = append(rows, r)
			} else {
				skipped++
			}
		}
	}
	for i := range d.Snapshot.Claims {
		c := &d.Snapshot.Claims[i]
		if len(d.links[c.ID]) > 0 {
			continue
		}
		if r, ok := d.tsClaim(d.view(c), nil); ok {
			rows = append(rows, r)
		} else {
			skipped++
		}
	}
	sortRows(rows)
	return rows, skipped
}

func sortRows(rows []tsRow) {
	// Stable: an event stays before its claims on the same day.
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Timestamp < rows[j].Timestamp })
}

func (d *Data) tsClaim(cv timeline.ClaimView, ev *timeline.EventView) (tsRow, bool) {
	c := cv.Claim
	r := tsRow{Message: oneLine(c.Statement), Kind: "claim", ClaimID: string(c.ID), Quote: c.Anchor.Exact,
		Grade: cv.Grade.String(), Article: d.articleLine(c.ArticleID), Tag: strings.Join(c.Tags, ",")}
	if r.Message == "" {
		r.Message = oneLine(c.Anchor.Exact)
	}
	if cv.Origin != "" {
		r.Source = d.sourceName(cv.Origin)
	}
	if a, ok := d.articles[c.ArticleID]; ok {
		r.URL = a.URL
	}
	if ev != nil {
		r.EventID, r.Stance, r.Title = string(ev.Event.ID), string(cv.Stance), ev.Event.Title
		r.Conflicts = conflictText(claimConflicts(ev, c.ID))
	}
	switch a, ok := d.articles[c.ArticleID]; {
	case c.When != nil && !c.When.IsZero():
		r.TimestampDesc = "Date stated in claim"
		r.tsWhen(*c.When)
	case ok && a.Published.Known():
		r.TimestampDesc = "Article published (claim has no date)"
		t := a.Published.Date.Time()
		if a.Published.HasTime {
			t = t.Add(time.Duration(a.Published.Hour)*time.Hour + time.Duration(a.Published.Minute)*time.Minute)
		}
		r.Datetime, r.Timestamp = t.Format("2006-01-02T15:04:05+00:00"), t.UnixMicro()
	default:
		return r, false
	}
	return r, true
}

// WriteTimesketchJSONL writes the rows described at timesketchRows as
// Timesketch JSONL: one JSON object per line.
func WriteTimesketchJSONL(w io.Writer, d *Data) error {
	rows, _ := d.timesketchRows()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range rows {
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("write timesketch jsonl: %w", err)
		}
	}
	return nil
}

// WriteTimesketchCSV writes the same rows as a CSV with a header, formula
// cells neutralised as in WriteCSV.
func WriteTimesketchCSV(w io.Writer, d *Data) error {
	rows, _ := d.timesketchRows()
	cw := csv.NewWriter(w)
	if err := cw.Write(tsHeader); err != nil {
		return fmt.Errorf("write timesketch csv: %w", err)
	}
	for _, r := range rows {
		cells := r.cells()
		for i := range cells {
			cells[i] = NeutraliseCell(cells[i])
		}
		if err := cw.Write(cells); err != nil {
			return fmt.Errorf("write timesketch csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write timesketch csv: %w", err)
	}
	return nil
}

// TimesketchSkipped counts the items a Timesketch export leaves out
// because they have no time at all (see WriteTimesketchJSONL).
func TimesketchSkipped(d *Data) int {
	_, n := d.timesketchRows()
	return n
}
