package app

import (
	"fmt"
	"time"
)

// Date is a civil calendar day with no time zone. The zero Date means
// "unknown".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate reads an ISO 8601 calendar date, "2017-11-03".
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, Errorf(EInvalid, "%q is not a date of the form 2017-11-03", s)
	}
	return DateOf(t), nil
}

// IsZero reports whether d is the unknown date.
func (d Date) IsZero() bool { return d == Date{} }

// Time is midnight UTC at the start of d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// AddDays returns d moved by n days (negative goes back).
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// Weekday is the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// Before reports whether d is strictly earlier than e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int { return d.Time().Compare(e.Time()) }

// String is the ISO form "2017-11-03", or "" for the unknown date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// PubDate is an article's publication date, with the time of day when the
// page states one. The zero value means the date is unknown: the workbench
// never guesses it.
type PubDate struct {
	Date    Date
	HasTime bool
	Hour    int
	Minute  int
}

// Known reports whether the publication date is known.
func (p PubDate) Known() bool { return !p.Date.IsZero() }

// String is "2017-11-06", "2017-11-06 13:30", or "" when unknown.
func (p PubDate) String() string {
	if !p.Known() {
		return ""
	}
	if p.HasTime {
		return fmt.Sprintf("%s %02d:%02d", p.Date, p.Hour, p.Minute)
	}
	return p.Date.String()
}

// ParsePubDate reads "2017-11-06", "2017-11-06 13:30" or "2017-11-06T13:30";
// an empty string (or "unknown") clears the date.
func ParsePubDate(s string) (PubDate, error) {
	switch s {
	case "", "unknown":
		return PubDate{}, nil
	}
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return PubDate{Date: DateOf(t), HasTime: true, Hour: t.Hour(), Minute: t.Minute()}, nil
		}
	}
	d, err := ParseDate(s)
	if err != nil {
		return PubDate{}, Errorf(EInvalid, "%q is not a publication date: use 2017-11-06 or 2017-11-06 13:30", s)
	}
	return PubDate{Date: d}, nil
}
