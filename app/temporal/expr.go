package temporal

import (
	"time"

	"github.com/evidence-workbench/workbench/app"
)

// Kind is the sort of temporal expression the finder recognised.
type Kind string

// Kinds of temporal expression.
const (
	KindWeekday        Kind = "weekday"         // "on Thursday", "last Sunday", "Friday morning"
	KindRelativeDay    Kind = "relative-day"    // "today", "earlier today", "yesterday", "last night"
	KindRelativePeriod Kind = "relative-period" // "last week", "this year", "in recent days", "the past two weeks"
	KindMonthDay       Kind = "month-day"       // "Sept. 21", "26 October", "November 3rd" (no year)
	KindFullDate       Kind = "full-date"       // "October 28, 2017", "Monday, 6 November, 2017 - 13:30", "2017-11-03"
	KindTime           Kind = "time"            // "10:29 am", "at 13:30", "at dawn"
	KindMonth          Kind = "month"           // "in July", "July 2017", "this July"
	KindPart           Kind = "part"            // "early 2014", "mid-2016", "late October", "the end of October", "summer 2014"
	KindYear           Kind = "year"            // "in 2014", "since 2003", "in the 1990s"
	KindSpan           Kind = "span"            // "between 3 and 5 November", "from Oct. 26 to Nov. 3", "3-5 November"
	KindDuration       Kind = "duration"        // "two weeks since", "four days ago", "within days", "four days"
)

// Expr is one temporal expression found in a text. Span counts runes, end
// exclusive; Text is exactly the runes of the span.
type Expr struct {
	Span app.Span
	Text string
	Kind Kind
}

// Find returns every date or time expression of text, in order, without
// overlaps, with rune offsets. It never matches inside a word, never takes
// "May" or "March" without a day, a year or a preposition that makes them a
// month, and never reads quantities (2,000; 73-member; 85%) as dates.
func Find(text string) []Expr {
	rs := []rune(text)
	g := grammar{t: tokenize(rs)}
	var out []Expr
	for _, m := range g.all() {
		s := app.Span{Start: g.t[m.from].start, End: g.t[m.to-1].end}
		out = append(out, Expr{Span: s, Text: string(rs[s.Start:s.End]), Kind: m.p.kind})
	}
	return out
}

// match is one expression found over tokens [from, to).
type match struct {
	from, to int
	p        *parsed
}

// parsed is what the grammar read from an expression; the resolver turns
// it into an app.When. Zero fields are "not stated".
type parsed struct {
	kind        Kind
	year        int
	month       time.Month
	day         int
	wd          time.Weekday
	hasWD       bool
	bareDay     bool   // a day number alone, inside a span ("between 3 and ...")
	decade      bool   // "the 1990s"
	mod         string // "last", "next", "this" before a weekday, month, season or period
	rel         int    // relative day: 0 today, -1 yesterday, +1 tomorrow
	period      string // "week", "weekend", "month", "year", "recent-days" ...
	sub         string // "earlier" or "later" inside a period ("earlier this week")
	part        string // "early", "mid", "late", "start", "end", "half1", "half2"
	season      time.Month
	base        *parsed // what a part applies to
	dayPart     string  // "morning", "afternoon", "evening", "night"
	n           int     // duration count
	vague       bool    // the count is vague: "days", "a few days", "several weeks"
	unit        string  // duration unit: "day", "week", "month", "year", "decade", "hour"
	anchor      string  // duration anchor: "ago", "since", "after", "later", "earlier", "before", "within", "in", "past", ""
	hasTime     bool
	timeText    string
	prep        string // the leading preposition kept in the span
	approx      bool
	dmAmbiguous bool // 03/11/2017: day and month could be read either way
	left, right *parsed
}

// ptr returns a heap copy of p: rules build their result on the stack and
// pay for an allocation only when they match.
func (p parsed) ptr() *parsed { return &p }
