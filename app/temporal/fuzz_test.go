package temporal_test

import (
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/temporal"
)

// FuzzFind checks that Find never panics and returns spans within the
// text, in order, without overlap, each holding exactly its Text; and that
// resolving every expression does not panic and gives valid Whens.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Monday, 6 November, 2017 - 13:30",
		"On the morning of Sept. 21, forces moved in early 2014 and in July.",
		"between 3 and 5 November, from Oct. 26 to Nov. 3, 3-5 November, 2014-2017",
		"dated 03/11/2017 on 26.10.2017 at 10:29 a.m. 0930 GMT",
		"two weeks since, four days ago, within days, the previous day",
		"Praying 🇮🇶 October 27, 2017 at 9:12 pm — القائم earlier today",
		"Rawa 2,000, 73-member, 4.4, 1,500-strong, May God, March on",
		"\xff\xfe Oct\x00 26, 2017",
	} {
		f.Add(s)
	}
	ref := app.PubDate{Date: app.Date{Year: 2017, Month: 11, Day: 6}}
	f.Fuzz(func(t *testing.T, text string) {
		runes := []rune(text)
		found := temporal.Find(text)
		end := 0
		for _, e := range found {
			if e.Span.Start < end || e.Span.Start >= e.Span.End || e.Span.End > len(runes) {
				t.Fatalf("span %+v out of order or bounds (previous end %d, %d runes)", e.Span, end, len(runes))
			}
			if got := string(runes[e.Span.Start:e.Span.End]); got != e.Text {
				t.Fatalf("span %+v holds %q, Text is %q", e.Span, got, e.Text)
			}
			end = e.Span.End
			r := temporal.Resolve(e, text, ref)
			if !r.When.IsZero() {
				if err := r.When.Validate(); err != nil {
					t.Fatalf("%q resolved to an invalid When: %v", e.Text, err)
				}
			}
		}
	})
}
