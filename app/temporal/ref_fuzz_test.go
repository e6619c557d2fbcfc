package temporal_test

import (
	"testing"
	"time"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/temporal"
)

// FuzzResolveAll resolves every expression of any text against any
// reference date, known or not, with or without a time of day: no panic;
// a resolution lies on its expression's span and gives a valid When; with
// the date unknown, nothing that needs it is guessed.
func FuzzResolveAll(f *testing.F) {
	f.Add("Iraqi troops entered Rawa on Thursday and earlier today, officials said.", 2017, 11, 3, true, 13, 30)
	f.Add("Sept. 21; in early 2014; two weeks since; between 3 and 5 November", 2017, 10, 27, false, 0, 0)
	f.Add("last week, next Monday, on Sunday, yesterday", 0, 0, 0, false, 0, 0)
	f.Add("Feb. 29, in late 1999, on 31/12/9999", 9999, 12, 31, true, 23, 59)
	f.Add("on Tuesday", 1, 1, 1, false, 0, 0)
	f.Fuzz(func(t *testing.T, text string, year, month, day int, hasTime bool, hour, minute int) {
		var ref app.PubDate
		if year != 0 {
			d := time.Date(year%10000, time.Month(1+abs(month)%12), 1+abs(day)%28, 0, 0, 0, 0, time.UTC)
			ref = app.PubDate{Date: app.DateOf(d), HasTime: hasTime, Hour: abs(hour) % 24, Minute: abs(minute) % 60}
		}
		runes := []rune(text)
		for _, r := range temporal.ResolveAll(text, ref) {
			s := r.Expr.Span
			if s.Start < 0 || s.End > len(runes) || s.Start >= s.End || string(runes[s.Start:s.End]) != r.Expr.Text {
				t.Fatalf("resolution of %q off its span %+v", r.Expr.Text, s)
			}
			if !r.When.IsZero() {
				if err := r.When.Validate(); err != nil {
					t.Fatalf("%q against %v: invalid When %+v: %v", r.Expr.Text, ref, r.When, err)
				}
			}
			if !ref.Known() && r.Reference != (app.Date{}) {
				t.Fatalf("%q resolved against %v with no publication date", r.Expr.Text, r.Reference)
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		if n == -n { // the smallest int
			return 0
		}
		return -n
	}
	return n
}
