package temporal

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
)

// Resolution is what an expression means on the calendar, and how that was
// decided.
type Resolution struct {
	Expr      Expr
	When      app.When // zero when the expression names no day (a time, a bare duration) or cannot be resolved
	Method    string   // how: "weekday before the reference", "stated date", ...
	Reference app.Date // the publication date used; zero when unknown
	Unknown   bool     // the expression needs the publication date, which is unknown: nothing was guessed
	Note      string   // anything else the analyst should know: the time of day, another reading
}

// Resolve gives the calendar meaning of e, found in text, against the
// publication date ref. Past tense is assumed unless the words around e in
// its sentence are future ("will", "is expected to", "plans to"). When e
// needs the reference and ref is unknown, the result is Unknown with a zero
// When. e.Text may also be any snippet: when it is not one expression as a
// whole, the first expression inside it is resolved.
func Resolve(e Expr, text string, ref app.PubDate) Resolution {
	p, sub := parseExpr(e.Text)
	if p == nil {
		return Resolution{Expr: e, Reference: ref.Date, Method: "no date expression", Note: "no date or time expression was recognised in these words"}
	}
	if sub.Text != e.Text {
		sub.Span = app.Span{Start: e.Span.Start + sub.Span.Start, End: e.Span.Start + sub.Span.End}
		e = sub
	}
	if e.Kind == "" {
		e.Kind = p.kind
	}
	return resolveParsed(e, p, tenseOf(text, e), ref)
}

// ResolveAll finds every expression of text and resolves each against ref.
func ResolveAll(text string, ref app.PubDate) []Resolution {
	rs := []rune(text)
	g := grammar{t: tokenize(rs)}
	ms := g.all()
	out := make([]Resolution, 0, len(ms))
	for _, m := range ms {
		s := app.Span{Start: g.t[m.from].start, End: g.t[m.to-1].end}
		e := Expr{Span: s, Text: string(rs[s.Start:s.End]), Kind: m.p.kind}
		out = append(out, resolveParsed(e, m.p, futureAround(g.t, m.from, m.to), ref))
	}
	return out
}

// parseExpr reads s as one expression; failing that it returns the first
// expression inside s, with its span relative to s.
func parseExpr(s string) (*parsed, Expr) {
	rs := []rune(s)
	g := grammar{t: tokenize(rs), loose: true}
	if len(g.t) == 0 {
		return nil, Expr{}
	}
	if p, e := g.matchAt(0); p != nil && e == len(g.t) {
		return p, Expr{Span: app.Span{Start: 0, End: len(rs)}, Text: s, Kind: p.kind}
	}
	g.loose = false
	ms := g.all()
	if len(ms) == 0 {
		return nil, Expr{}
	}
	m := ms[0]
	sp := app.Span{Start: g.t[m.from].start, End: g.t[m.to-1].end}
	return m.p, Expr{Span: sp, Text: string(rs[sp.Start:sp.End]), Kind: m.p.kind}
}

// tenseOf reads the tense around e in text; when e's span does not hold
// e.Text (or text is empty) only the expression's own words count.
func tenseOf(text string, e Expr) bool {
	const window = 300
	n := utf8.RuneCountInString(text)
	if text == "" || e.Span.Validate(n) != nil || e.Span.Len() == 0 {
		return futureWithin(e.Text)
	}
	from := max(0, e.Span.Start-window)
	to := min(n, e.Span.End+window)
	rs := make([]rune, 0, to-from)
	i := 0
	for _, r := range text {
		if i >= to {
			break
		}
		if i >= from {
			rs = append(rs, r)
		}
		i++
	}
	if string(rs[e.Span.Start-from:e.Span.End-from]) != e.Text {
		return futureWithin(e.Text)
	}
	toks := tokenize(rs)
	a, b := -1, -1
	for k, t := range toks {
		if a < 0 && t.start >= e.Span.Start-from {
			a = k
		}
		if t.end <= e.Span.End-from {
			b = k + 1
		}
	}
	if a < 0 || b <= a {
		return futureWithin(e.Text)
	}
	return futureAround(toks, a, b)
}

func futureWithin(s string) bool {
	toks := tokenize([]rune(s))
	return futureAround(toks, 0, len(toks))
}

// resolver turns parsed expressions into Whens against one reference.
type resolver struct {
	ref     app.Date
	known   bool
	future  bool
	unknown bool // set when a rule needed the reference and it is unknown
	notes   []string
}

// need returns the reference, recording that it was needed.
func (r *resolver) need() (app.Date, bool) {
	if !r.known {
		r.unknown = true
		return app.Date{}, false
	}
	return r.ref, true
}

func (r *resolver) note(format string, args ...any) {
	r.notes = append(r.notes, fmt.Sprintf(format, args...))
}

func resolveParsed(e Expr, p *parsed, future bool, ref app.PubDate) Resolution {
	r := &resolver{ref: ref.Date, known: ref.Known(), future: future}
	w, method := r.resolve(p)
	if p.hasTime {
		r.note("time of day %s", p.timeText)
	}
	if p.dayPart != "" {
		r.note("part of the day: %s", p.dayPart)
	}
	switch p.prep {
	case "since", "from":
		r.note("%q marks the start of a period that runs on from this date", p.prep)
	case "by", "until", "till", "before":
		r.note("%q marks a limit: the event is at or before this date", p.prep)
	case "after":
		r.note("%q marks a limit: the event is after this date", p.prep)
	}
	res := Resolution{Expr: e, Method: method, Reference: ref.Date}
	if r.unknown {
		res.Unknown = true
		res.Method = method
		r.notes = append([]string{"needs the publication date, which is unknown: set it on the article to resolve this"}, r.notes...)
		w = app.When{}
	}
	if p.approx && !w.IsZero() {
		w.Approximate = true
	}
	res.Note = strings.Join(r.notes, "; ")
	if !w.IsZero() {
		if w.Validate() != nil {
			res.Note = strings.Join(append(r.notes, "the expression does not make an ordered range"), "; ")
			w = app.When{}
		} else {
			w.Expression, w.Reference = e.Text, ref.Date
			w.Note = method
			if res.Note != "" {
				w.Note += "; " + res.Note
			}
		}
	}
	res.When = w
	return res
}

// resolve dispatches on the kind of expression.
func (r *resolver) resolve(p *parsed) (app.When, string) {
	switch p.kind {
	case KindFullDate:
		return r.fullDate(p)
	case KindMonthDay:
		return r.monthDay(p)
	case KindWeekday:
		return r.weekday(p)
	case KindRelativeDay, KindRelativePeriod:
		if p.anchor == "other" {
			r.note("counts from another event in the text, not from the publication date: date that event instead")
			return app.When{}, "relative to another event"
		}
		if p.kind == KindRelativePeriod {
			return r.relPeriod(p)
		}
		return r.relDay(p)
	case KindMonth:
		return r.month(p)
	case KindYear:
		return r.year(p)
	case KindPart:
		if p.season != 0 {
			return r.season(p)
		}
		return r.part(p)
	case KindSpan:
		return r.span(p)
	case KindDuration:
		return r.duration(p)
	case KindTime:
		return app.When{}, "time of day only: it names no day"
	}
	return app.When{}, "not resolved"
}

func (r *resolver) fullDate(p *parsed) (app.When, string) {
	d := app.Date{Year: p.year, Month: p.month, Day: p.day}
	w := app.DayWhen(d)
	method := "stated date"
	if p.dmAmbiguous {
		w.Uncertain = true
		method = "stated date, read day first"
		r.note("could also be read month first: %s", app.Date{Year: p.year, Month: time.Month(p.day), Day: int(p.month)})
	}
	r.checkWeekday(p, d, &w)
	return w, method
}

// checkWeekday flags a stated weekday that does not fit the date.
func (r *resolver) checkWeekday(p *parsed, d app.Date, w *app.When) {
	if p.hasWD && d.Weekday() != p.wd {
		w.Uncertain = true
		r.note("the text says %s but %s is a %s", p.wd, d, d.Weekday())
	}
}

func (r *resolver) monthDay(p *parsed) (app.When, string) {
	ref, ok := r.need()
	if !ok {
		return app.When{}, "month and day: the year comes from the publication date"
	}
	y := ref.Year
	d := app.Date{Year: y, Month: p.month, Day: p.day}
	method := "month and day in the year of the reference"
	switch {
	case !r.future && (ref.Before(d) || !validDay(p.day, p.month, y)):
		y--
		method = "month and day in the year before the reference (it would otherwise be after it)"
	case r.future && d.Before(ref):
		y++
		method = "month and day in the year after the reference (future tense)"
	}
	if !validDay(p.day, p.month, y) {
		return app.When{}, "month and day that do not exist in the year of the reference"
	}
	d = app.Date{Year: y, Month: p.month, Day: p.day}
	w := app.DayWhen(d)
	r.checkWeekday(p, d, &w)
	return w, method
}

func (r *resolver) weekday(p *parsed) (app.When, string) {
	ref, ok := r.need()
	if !ok {
		return app.When{}, "weekday: needs the publication date"
	}
	back := (int(ref.Weekday()) - int(p.wd) + 7) % 7
	fwd := (int(p.wd) - int(ref.Weekday()) + 7) % 7
	switch p.mod {
	case "last":
		if back == 0 {
			back = 7
		}
		return app.DayWhen(ref.AddDays(-back)), "last such weekday before the reference"
	case "next":
		if fwd == 0 {
			fwd = 7
		}
		return app.DayWhen(ref.AddDays(fwd)), "next such weekday after the reference"
	case "this":
		if r.future {
			return app.DayWhen(ref.AddDays(fwd)), "this weekday, on or after the reference (future tense)"
		}
		return app.DayWhen(ref.AddDays(-back)), "this weekday, on or before the reference"
	}
	if back == 0 {
		r.note("news copy names its own dateline's day by weekday; if this was written a week after, it is %s", ref.AddDays(-7))
		return app.DayWhen(ref), "weekday of the reference itself"
	}
	if r.future {
		return app.DayWhen(ref.AddDays(fwd)), "next such weekday after the reference (future tense)"
	}
	return app.DayWhen(ref.AddDays(-back)), "weekday before the reference"
}

func (r *resolver) relDay(p *parsed) (app.When, string) {
	ref, ok := r.need()
	if !ok {
		return app.When{}, "relative day: needs the publication date"
	}
	switch p.rel {
	case 0:
		return app.DayWhen(ref), "the reference day"
	case -1:
		return app.DayWhen(ref.AddDays(-1)), "the day before the reference"
	case 1:
		return app.DayWhen(ref.AddDays(1)), "the day after the reference"
	}
	return app.DayWhen(ref.AddDays(p.rel)), fmt.Sprintf("%+d days from the reference", p.rel)
}

func (r *resolver) month(p *parsed) (app.When, string) {
	if p.year != 0 {
		return app.MonthWhen(p.year, p.month), "stated month and year"
	}
	ref, ok := r.need()
	if !ok {
		return app.When{}, "month: the year comes from the publication date"
	}
	y := ref.Year
	switch {
	case p.mod == "this":
		return app.MonthWhen(y, p.month), "this month name: the year of the reference"
	case p.mod == "last":
		if p.month >= ref.Month {
			y--
		}
		return app.MonthWhen(y, p.month), "the last such month before the reference's month"
	case p.mod == "next":
		if p.month <= ref.Month {
			y++
		}
		return app.MonthWhen(y, p.month), "the next such month after the reference's month"
	case r.future:
		if p.month < ref.Month {
			y++
		}
		return app.MonthWhen(y, p.month), "the next such month not before the reference (future tense)"
	}
	if p.month > ref.Month {
		y--
	}
	return app.MonthWhen(y, p.month), "the latest such month not after the reference"
}

func (r *resolver) year(p *parsed) (app.When, string) {
	if p.decade {
		w := app.YearWhen(p.year)
		w.End = app.YearWhen(p.year + 9).End
		return w, "stated decade"
	}
	return app.YearWhen(p.year), "stated year"
}
