package temporal

import (
	"fmt"
	"time"

	"github.com/evidence-workbench/workbench/app"
)

// dayRange returns a day-precision When from a to b.
func dayRange(a, b app.Date) app.When {
	return app.When{Start: a, End: b, Precision: app.PrecisionDay}
}

// monthRange returns a month-precision When from the month of a to the
// month of b.
func monthRange(a, b app.Date) app.When {
	return app.When{Start: app.MonthWhen(a.Year, a.Month).Start, End: app.MonthWhen(b.Year, b.Month).End, Precision: app.PrecisionMonth}
}

// addMonths moves d by n months, clamping to the month's last day.
func addMonths(d app.Date, n int) app.Date {
	first := app.Date{Year: d.Year, Month: d.Month, Day: 1}.Time().AddDate(0, n, 0)
	y, m := first.Year(), first.Month()
	return app.Date{Year: y, Month: m, Day: min(d.Day, daysIn(m, y))}
}

// mondayOf returns the Monday of d's Monday-Sunday week.
func mondayOf(d app.Date) app.Date {
	return d.AddDays(-((int(d.Weekday()) + 6) % 7))
}

func shiftOf(mod string) int {
	switch mod {
	case "last":
		return -1
	case "next":
		return 1
	}
	return 0
}

func (r *resolver) relPeriod(p *parsed) (app.When, string) {
	ref, ok := r.need()
	if !ok {
		return app.When{}, "relative period: needs the publication date"
	}
	switch p.anchor {
	case "past":
		w := dayRange(back(ref, p.n, p.unit), ref)
		w.Approximate = p.vague
		return w, "the stated length of time up to the reference"
	case "next":
		w := dayRange(ref, forth(ref, p.n, p.unit))
		w.Approximate = p.vague
		return w, "the stated length of time from the reference"
	}
	s := shiftOf(p.mod)
	switch p.period {
	case "week":
		mon := mondayOf(ref).AddDays(7 * s)
		switch p.sub {
		case "earlier":
			return dayRange(mon, ref), "from the Monday of the reference's week to the reference"
		case "later":
			return dayRange(ref, mon.AddDays(6)), "from the reference to the end of its week"
		}
		return dayRange(mon, mon.AddDays(6)), map[int]string{-1: "the Monday-Sunday week before the reference's", 0: "the Monday-Sunday week of the reference", 1: "the Monday-Sunday week after the reference's"}[s]
	case "weekend":
		mon := mondayOf(ref)
		if p.mod == "" {
			switch {
			case r.future && ref.Weekday() != time.Saturday && ref.Weekday() != time.Sunday:
				s = 0
			case r.future || ref.Weekday() == time.Sunday:
				s = 0
			default:
				s = -1
			}
		}
		sat := mon.AddDays(5 + 7*s)
		return dayRange(sat, sat.AddDays(1)), "the Saturday and Sunday of " + map[int]string{-1: "the week before the reference's", 0: "the reference's week", 1: "the week after the reference's"}[s]
	case "month":
		first := addMonths(app.Date{Year: ref.Year, Month: ref.Month, Day: 1}, s)
		switch p.sub {
		case "earlier":
			return dayRange(first, ref), "from the first of the reference's month to the reference"
		case "later":
			return dayRange(ref, app.MonthWhen(ref.Year, ref.Month).End), "from the reference to the end of its month"
		}
		return app.MonthWhen(first.Year, first.Month), map[int]string{-1: "the month before the reference's", 0: "the month of the reference", 1: "the month after the reference's"}[s]
	case "year":
		switch p.sub {
		case "earlier":
			return monthRange(app.Date{Year: ref.Year, Month: time.January, Day: 1}, ref), "from January to the reference's month"
		case "later":
			return monthRange(ref, app.Date{Year: ref.Year, Month: time.December, Day: 1}), "from the reference's month to December"
		}
		return app.YearWhen(ref.Year + s), map[int]string{-1: "the year before the reference's", 0: "the year of the reference", 1: "the year after the reference's"}[s]
	case "coming-day":
		w := dayRange(ref, ref.AddDays(7))
		w.Approximate = true
		return w, "about a week from the reference"
	case "coming-week":
		w := dayRange(ref, ref.AddDays(28))
		w.Approximate = true
		return w, "about four weeks from the reference"
	case "coming-month":
		w := monthRange(ref, addMonths(ref, 3))
		w.Approximate = true
		return w, "about three months from the reference"
	case "recent-day":
		w := dayRange(ref.AddDays(-7), ref)
		w.Approximate = true
		return w, "about a week up to the reference"
	case "recent-week":
		w := dayRange(ref.AddDays(-28), ref)
		w.Approximate = true
		return w, "about four weeks up to the reference"
	case "recent-month":
		w := monthRange(addMonths(ref, -3), ref)
		w.Approximate = true
		return w, "about three months up to the reference"
	case "recent-year":
		w := app.YearWhen(ref.Year - 3)
		w.End = app.YearWhen(ref.Year).End
		w.Approximate = true
		return w, "about three years up to the reference"
	}
	return app.When{}, "relative period not resolved"
}

// back moves d back by n units.
func back(d app.Date, n int, unit string) app.Date {
	switch unit {
	case "week":
		return d.AddDays(-7 * n)
	case "month":
		return addMonths(d, -n)
	case "year":
		return addMonths(d, -12*n)
	case "decade":
		return addMonths(d, -120*n)
	case "hour":
		return d.AddDays(-((n + 23) / 24))
	}
	return d.AddDays(-n)
}

// forth moves d forward by n units.
func forth(d app.Date, n int, unit string) app.Date {
	switch unit {
	case "week":
		return d.AddDays(7 * n)
	case "month":
		return addMonths(d, n)
	case "year":
		return addMonths(d, 12*n)
	case "decade":
		return addMonths(d, 120*n)
	case "hour":
		return d.AddDays((n + 23) / 24)
	}
	return d.AddDays(n)
}

// seasonWhen is the season starting in month m of year y (winter runs into
// the next year).
func seasonWhen(y int, m time.Month) app.When {
	start := app.Date{Year: y, Month: m, Day: 1}
	return monthRange(start, addMonths(start, 2))
}

func (r *resolver) season(p *parsed) (app.When, string) {
	if p.year != 0 {
		if p.season == time.December {
			r.note("winter %d is read as December %d to February %d", p.year, p.year, p.year+1)
		}
		return seasonWhen(p.year, p.season), "stated season and year (northern hemisphere)"
	}
	ref, ok := r.need()
	if !ok {
		return app.When{}, "season: the year comes from the publication date"
	}
	// The occurrence that starts in the reference's year, and its neighbours.
	cur := seasonWhen(ref.Year, p.season)
	if p.season == time.December && ref.Month <= time.February {
		cur = seasonWhen(ref.Year-1, p.season)
	}
	prev := seasonWhen(cur.Start.Year-1, p.season)
	next := seasonWhen(cur.Start.Year+1, p.season)
	started := !ref.Before(cur.Start)
	switch {
	case p.mod == "this":
		return cur, "this season: the one of the reference's year"
	case p.mod == "last":
		if cur.End.Before(ref) {
			return cur, "the last such season that ended before the reference"
		}
		return prev, "the last such season that ended before the reference"
	case p.mod == "next" || r.future || p.prep == "before" || p.prep == "by" || p.prep == "until" || p.prep == "till":
		if !started {
			return cur, "the next such season after the reference"
		}
		if p.mod == "next" || cur.End.Before(ref) {
			return next, "the next such season after the reference"
		}
		return cur, "the season under way at the reference"
	}
	if started {
		return cur, "the latest such season that began by the reference"
	}
	return prev, "the latest such season that began by the reference"
}

// yearParts are the months of the parts of a year.
var yearParts = map[string][2]time.Month{
	"early": {1, 4}, "mid": {5, 8}, "late": {9, 12}, "start": {1, 3}, "end": {10, 12},
	"half1": {1, 6}, "half2": {7, 12},
}

// partNames say a part in words for Method.
var partNames = map[string]string{
	"early": "early part", "mid": "middle", "late": "late part", "start": "start",
	"end": "end", "half1": "first half", "half2": "second half",
}

// part cuts a year or a month into its early, middle or late part.
func (r *resolver) part(p *parsed) (app.When, string) {
	base, _ := r.resolve(p.base)
	if base.IsZero() {
		return app.When{}, "part of a period: needs the publication date"
	}
	s := base.Start
	switch base.Precision {
	case app.PrecisionYear:
		m := yearParts[p.part]
		return monthRange(app.Date{Year: s.Year, Month: m[0], Day: 1}, app.Date{Year: s.Year, Month: m[1], Day: 1}),
			fmt.Sprintf("%s of the year: %s to %s", partNames[p.part], m[0], m[1])
	case app.PrecisionMonth:
		last := daysIn(s.Month, s.Year)
		days := map[string][2]int{
			"early": {1, 10}, "mid": {11, 20}, "late": {21, last}, "start": {1, 10}, "end": {21, last},
			"half1": {1, 15}, "half2": {16, last},
		}[p.part]
		return dayRange(app.Date{Year: s.Year, Month: s.Month, Day: days[0]}, app.Date{Year: s.Year, Month: s.Month, Day: days[1]}),
			fmt.Sprintf("%s of the month: days %d to %d", partNames[p.part], days[0], days[1])
	}
	return app.When{}, "part of a period that is not a month or a year"
}
