package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision says how finely a When is known.
type Precision string

// Precisions of a When.
const (
	PrecisionDay   Precision = "day"
	PrecisionMonth Precision = "month"
	PrecisionYear  Precision = "year"
)

// When is the time of something on the timeline: an inclusive span of days
// (Start == End for a single day), its precision, and how sure it is. It
// remembers the expression it was resolved from and the reference date that
// resolution used, so an analyst can retrace it.
type When struct {
	Start       Date
	End         Date
	Precision   Precision
	Approximate bool   // "around", "about": EDTF "~"
	Uncertain   bool   // the source itself hedges: EDTF "?"
	Expression  string // the words it came from, e.g. "on Thursday"
	Reference   Date   // the date the expression was resolved against
	Note        string // how it was resolved, in words
}

// IsZero reports whether w holds no date at all.
func (w When) IsZero() bool { return w.Start.IsZero() }

// IsRange reports whether w spans more than its precision's single unit.
func (w When) IsRange() bool {
	if w.IsZero() {
		return false
	}
	s, e := w.Start, w.End
	switch w.Precision {
	case PrecisionYear:
		return s.Year != e.Year
	case PrecisionMonth:
		return s.Year != e.Year || s.Month != e.Month
	}
	return s != e
}

// Overlaps reports whether the day spans of w and v share at least one day.
func (w When) Overlaps(v When) bool {
	if w.IsZero() || v.IsZero() {
		return false
	}
	return !w.End.Before(v.Start) && !v.End.Before(w.Start)
}

// Validate checks that the span is ordered and the precision is known.
func (w When) Validate() error {
	if w.IsZero() {
		return Errorf(EInvalid, "a date needs at least a start day")
	}
	switch w.Precision {
	case PrecisionDay, PrecisionMonth, PrecisionYear:
	default:
		return Errorf(EInvalid, "unknown date precision %q", w.Precision)
	}
	if w.End.Before(w.Start) {
		return Errorf(EInvalid, "the date range ends (%s) before it starts (%s)", w.End, w.Start)
	}
	return nil
}

// DayWhen returns a When for one day.
func DayWhen(d Date) When { return When{Start: d, End: d, Precision: PrecisionDay} }

// MonthWhen returns a When covering a whole month.
func MonthWhen(year int, m time.Month) When {
	s := Date{year, m, 1}
	return When{Start: s, End: DateOf(s.Time().AddDate(0, 1, -1)), Precision: PrecisionMonth}
}

// YearWhen returns a When covering a whole year.
func YearWhen(year int) When {
	return When{Start: Date{year, time.January, 1}, End: Date{year, time.December, 31}, Precision: PrecisionYear}
}

// EDTF writes w in the Extended Date/Time Format (ISO 8601-2): "2017-11-03",
// "2017-11", "2017", "2017-11-03/2017-11-05", "2014-01/2014-04", with "~"
// for approximate, "?" for uncertain and "%" for both. Empty for a zero When.
func (w When) EDTF() string {
	if w.IsZero() {
		return ""
	}
	q := ""
	switch {
	case w.Approximate && w.Uncertain:
		q = "%"
	case w.Approximate:
		q = "~"
	case w.Uncertain:
		q = "?"
	}
	start := edtfPart(w.Start, w.Precision)
	if !w.IsRange() {
		return start + q
	}
	return start + q + "/" + edtfPart(w.End, w.Precision) + q
}

func edtfPart(d Date, p Precision) string {
	switch p {
	case PrecisionYear:
		return fmt.Sprintf("%04d", d.Year)
	case PrecisionMonth:
		return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month))
	}
	return d.String()
}

// ParseEDTF reads the subset of EDTF that EDTF() writes: a day, month or year,
// or a range of two of the same precision, each optionally followed by ~, ?
// or %.
func ParseEDTF(s string) (When, error) {
	s = strings.TrimSpace(s)
	bad := Errorf(EInvalid, "%q is not an EDTF date such as 2017-11-03, 2017-11, 2017 or 2017-11-03/2017-11-05 (add ~ for approximate, ? for uncertain)", s)
	parts := strings.Split(s, "/")
	if len(parts) > 2 || s == "" {
		return When{}, bad
	}
	var w When
	for i, p := range parts {
		p, approx, unc := stripQualifier(p)
		w.Approximate = w.Approximate || approx
		w.Uncertain = w.Uncertain || unc
		start, end, prec, ok := parseEDTFPart(p)
		if !ok || (i == 1 && prec != w.Precision) {
			return When{}, bad
		}
		if i == 0 {
			w.Start, w.End, w.Precision = start, end, prec
		} else {
			w.End = end
		}
	}
	if err := w.Validate(); err != nil {
		return When{}, err
	}
	return w, nil
}

func stripQualifier(p string) (string, bool, bool) {
	switch {
	case strings.HasSuffix(p, "%"):
		return p[:len(p)-1], true, true
	case strings.HasSuffix(p, "~"):
		return p[:len(p)-1], true, false
	case strings.HasSuffix(p, "?"):
		return p[:len(p)-1], false, true
	}
	return p, false, false
}

func parseEDTFPart(p string) (Date, Date, Precision, bool) {
	switch len(p) {
	case 4:
		y, err := strconv.Atoi(p)
		if err != nil {
			return Date{}, Date{}, "", false
		}
		w := YearWhen(y)
		return w.Start, w.End, PrecisionYear, true
	case 7:
		t, err := time.Parse("2006-01", p)
		if err != nil {
			return Date{}, Date{}, "", false
		}
		w := MonthWhen(t.Year(), t.Month())
		return w.Start, w.End, PrecisionMonth, true
	case 10:
		d, err := ParseDate(p)
		if err != nil {
			return Date{}, Date{}, "", false
		}
		return d, d, PrecisionDay, true
	}
	return Date{}, Date{}, "", false
}
