package export

import (
	"fmt"
	"time"

	"github.com/evidence-workbench/workbench/app"
)

// unit is how finely a When's bounds are drawn: its precision, made finer
// when the bounds do not cover whole units ("in early 2014" has year
// precision but runs January to April, so it is drawn by month).
func unit(w app.When) app.Precision {
	s, e := w.Start, w.End
	monthAligned := s.Day == 1 && e.AddDays(1).Day == 1
	yearAligned := monthAligned && s.Month == time.January && e.Month == time.December
	switch w.Precision {
	case app.PrecisionYear:
		if yearAligned {
			return app.PrecisionYear
		}
		if monthAligned {
			return app.PrecisionMonth
		}
	case app.PrecisionMonth:
		if monthAligned {
			return app.PrecisionMonth
		}
	}
	return app.PrecisionDay
}

// spanText writes a When's bounds for a reader: "3 Nov 2017",
// "3–5 Nov 2017", "30 Oct – 5 Nov 2017", "Nov 2017", "Jan–Apr 2014",
// "2014", "2014–2016". Empty for a zero When.
func spanText(w app.When) string {
	if w.IsZero() {
		return ""
	}
	s, e := w.Start, w.End
	if e.Before(s) {
		e = s
	}
	mon := func(d app.Date) string { return d.Month.String()[:3] }
	switch unit(w) {
	case app.PrecisionYear:
		if s.Year == e.Year {
			return fmt.Sprintf("%d", s.Year)
		}
		return fmt.Sprintf("%d–%d", s.Year, e.Year)
	case app.PrecisionMonth:
		switch {
		case s.Year == e.Year && s.Month == e.Month:
			return fmt.Sprintf("%s %d", mon(s), s.Year)
		case s.Year == e.Year:
			return fmt.Sprintf("%s–%s %d", mon(s), mon(e), s.Year)
		}
		return fmt.Sprintf("%s %d – %s %d", mon(s), s.Year, mon(e), e.Year)
	}
	switch {
	case s == e:
		return fmt.Sprintf("%d %s %d", s.Day, mon(s), s.Year)
	case s.Year == e.Year && s.Month == e.Month:
		return fmt.Sprintf("%d–%d %s %d", s.Day, e.Day, mon(s), s.Year)
	case s.Year == e.Year:
		return fmt.Sprintf("%d %s – %d %s %d", s.Day, mon(s), e.Day, mon(e), s.Year)
	}
	return fmt.Sprintf("%d %s %d – %d %s %d", s.Day, mon(s), s.Year, e.Day, mon(e), e.Year)
}

// whenText writes a When with its uncertainty for a reader: "c. 2014",
// "3 Nov 2017 (uncertain)", "3–5 Nov 2017 (disputed)". "undated" for a
// zero When.
func whenText(w app.When, disputed bool) string {
	if w.IsZero() {
		return "undated"
	}
	out := spanText(w)
	if w.Approximate {
		out = "c. " + out
	}
	switch {
	case w.Uncertain && disputed:
		out += " (uncertain, disputed)"
	case w.Uncertain:
		out += " (uncertain)"
	case disputed:
		out += " (disputed)"
	}
	return out
}

// claimWhen is a claim's date, or the zero When.
func claimWhen(c *app.Claim) app.When {
	if c.When == nil {
		return app.When{}
	}
	return *c.When
}
