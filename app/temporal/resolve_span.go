package temporal

import (
	"github.com/evidence-workbench/workbench/app"
)

// span resolves both ends, completing the side that leaves out its month
// or year from the other side, and joins them into one range.
func (r *resolver) span(p *parsed) (app.When, string) {
	l, rt := *p.left, *p.right
	if l.bareDay {
		l = parsed{kind: rt.kind, day: l.day, month: rt.month, year: rt.year}
	}
	if rt.bareDay {
		rt = parsed{kind: l.kind, day: rt.day, month: l.month, year: l.year}
	}
	var wl, wr app.When
	switch {
	case l.kind == KindWeekday:
		wr, _ = r.resolve(&rt)
		if wr.IsZero() {
			return app.When{}, "span of weekdays: needs the publication date"
		}
		d := wr.Start.AddDays(-((int(wr.Start.Weekday()) - int(l.wd) + 7) % 7))
		wl = app.DayWhen(d)
	case l.year == 0 && rt.year != 0 && (l.kind == KindMonthDay || l.kind == KindMonth):
		l.year = rt.year
		if l.month > rt.month || l.month == rt.month && rt.day != 0 && l.day > rt.day {
			l.year--
		}
		l.kind = promote(l.kind)
		wl, _ = r.resolve(&l)
		wr, _ = r.resolve(&rt)
	case rt.year == 0 && l.year != 0 && (rt.kind == KindMonthDay || rt.kind == KindMonth):
		rt.year = l.year
		if rt.month < l.month || rt.month == l.month && l.day != 0 && rt.day < l.day {
			rt.year++
		}
		rt.kind = promote(rt.kind)
		wl, _ = r.resolve(&l)
		wr, _ = r.resolve(&rt)
	case l.year == 0 && rt.year == 0 && (l.kind == KindMonthDay || l.kind == KindMonth):
		if r.future {
			wl, _ = r.resolve(&l)
			if wl.IsZero() {
				return app.When{}, "span: needs the publication date"
			}
			rt.year = wl.Start.Year
			if rt.month < l.month || rt.month == l.month && rt.day < l.day {
				rt.year++
			}
			rt.kind = promote(rt.kind)
			wr, _ = r.resolve(&rt)
		} else {
			wr, _ = r.resolve(&rt)
			if wr.IsZero() {
				return app.When{}, "span: needs the publication date"
			}
			l.year = wr.Start.Year
			if l.month > rt.month || l.month == rt.month && l.day > rt.day {
				l.year--
			}
			l.kind = promote(l.kind)
			wl, _ = r.resolve(&l)
		}
	default:
		wl, _ = r.resolve(&l)
		wr, _ = r.resolve(&rt)
	}
	if wl.IsZero() || wr.IsZero() {
		return app.When{}, "span: an end could not be resolved"
	}
	w := app.When{Start: wl.Start, End: wr.End, Precision: finer(wl.Precision, wr.Precision)}
	w.Approximate = wl.Approximate || wr.Approximate
	w.Uncertain = wl.Uncertain || wr.Uncertain
	return w, "span between two stated ends"
}

// promote turns a month-day or month given its year into a stated date.
func promote(k Kind) Kind {
	if k == KindMonthDay {
		return KindFullDate
	}
	return k
}

func finer(a, b app.Precision) app.Precision {
	rank := map[app.Precision]int{app.PrecisionDay: 0, app.PrecisionMonth: 1, app.PrecisionYear: 2}
	if rank[a] <= rank[b] {
		return a
	}
	return b
}

// duration resolves a length of time anchored to the reference ("two weeks
// since", "four days ago", "within days" in future tense). A duration
// counted from another event ("eight days after the offensive began") or
// standing alone ("in record time of four days") names no date.
func (r *resolver) duration(p *parsed) (app.When, string) {
	switch p.anchor {
	case "after", "later", "earlier", "before":
		r.note("the length of time counts from another event in the text, not from the publication date: date that event instead")
		return app.When{}, "duration from another event"
	case "", "for":
		return app.When{}, "duration: a length of time, no date"
	case "in", "within":
		if !r.future {
			return app.When{}, "duration: a length of time, no date"
		}
	}
	ref, ok := r.need()
	if !ok {
		return app.When{}, "duration anchored to the publication date"
	}
	switch p.anchor {
	case "ago":
		d := back(ref, p.n, p.unit)
		var w app.When
		switch p.unit {
		case "month":
			w = app.MonthWhen(d.Year, d.Month)
		case "year", "decade":
			w = app.YearWhen(d.Year)
		default:
			w = app.DayWhen(d)
		}
		w.Approximate = p.vague || p.unit == "week" || p.unit == "decade"
		return w, "duration before the reference (ago)"
	case "since":
		w := span(back(ref, p.n, p.unit), ref, p.unit)
		w.Approximate = true
		return w, "duration up to the reference (since)"
	case "in":
		d := forth(ref, p.n, p.unit)
		w := span(d, d, p.unit)
		w.Approximate = true
		return w, "duration after the reference (future tense)"
	}
	n := p.n
	if p.vague && p.unit == "day" {
		n = 7
	}
	w := span(ref, forth(ref, n, p.unit), p.unit)
	w.Approximate = true
	return w, "within a length of time after the reference (future tense)"
}

// span is the range a..b at the precision a unit of time deserves.
func span(a, b app.Date, unit string) app.When {
	switch unit {
	case "month":
		return monthRange(a, b)
	case "year", "decade":
		w := app.YearWhen(a.Year)
		w.End = app.YearWhen(b.Year).End
		return w
	}
	return dayRange(a, b)
}
