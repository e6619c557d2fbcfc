package temporal_test

import (
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/temporal"
)

// TestFindRuneSpans checks that spans count runes, not bytes, when
// accented letters, Arabic, flags and other emoji come before the
// expression. The starts were counted in code points outside Go.
func TestFindRuneSpans(t *testing.T) {
	tests := map[string]struct {
		text  string
		start int
		want  string
		kind  temporal.Kind
	}{
		"accents":        {"Qaïm’s défenders fled on Thursday.", 22, "on Thursday", temporal.KindWeekday},
		"arabic":         {"القائم — forces entered Al Qa’im earlier today.", 33, "earlier today", temporal.KindRelativeDay},
		"flag emoji":     {"Praying they all come home safe 🇮🇶 October 27, 2017 at 9:12 pm", 35, "October 27, 2017 at 9:12 pm", temporal.KindFullDate},
		"emoji and ZWJ":  {"👨‍👩‍👧 families returned in early November.", 24, "in early November", temporal.KindPart},
		"combining mark": {"Cafe\u0301 owners reopened on 5 November.", 22, "on 5 November", temporal.KindMonthDay},
		"at the start":   {"Sept. 21 was the first day.", 0, "Sept. 21", temporal.KindMonthDay},
		"at the end":     {"The town fell yesterday", 14, "yesterday", temporal.KindRelativeDay},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			found := temporal.Find(tc.text)
			if len(found) != 1 {
				t.Fatalf("found %d expressions %+v, want 1", len(found), found)
			}
			e := found[0]
			runes := []rune(tc.text)
			wantSpan := app.Span{Start: tc.start, End: tc.start + utf8.RuneCountInString(tc.want)}
			if e.Span != wantSpan || e.Text != tc.want || e.Kind != tc.kind {
				t.Fatalf("got %+v, want %q (%s) at %+v", e, tc.want, tc.kind, wantSpan)
			}
			if string(runes[e.Span.Start:e.Span.End]) != e.Text {
				t.Fatalf("text %q is not the runes of the span %q", e.Text, string(runes[e.Span.Start:e.Span.End]))
			}
		})
	}
}

// TestFindNotInsideWords checks that names of days and months, and the
// relative words, are only taken as whole words.
func TestFindNotInsideWords(t *testing.T) {
	tests := map[string]string{
		"weekday in a word":    "Sundayville and Mondays are quiet; Fridayfest went ahead.",
		"today in a word":      "Todays and yesterdays are gone; the Todayshow aired.",
		"month in a word":      "Marching orders came; Mayday was called; Julyan arrived; Octoberfest 26 drinks.",
		"year in a word":       "Unit A2017 and 2017x and in x2017 were logged.",
		"digits in a word":     "He used 3D maps and 5km routes in 21st-century style.",
		"number as quantity":   "Rawa 2,000, a 73-member coalition, 4.4 million people, 85% cleared.",
		"may and march verbs":  "They may March on Rawa. May it end soon. The march on Mosul began.",
		"weekday in a name":    "The Sunday Times and the Saturday Review both ran it.",
		"ratio and fraction":   "Forces outnumbered them 3:1 and held 3/4 of the town.",
		"dash between numbers": "The council voted 2-1 and 3-5 people were hurt.",
	}
	for name, text := range tests {
		t.Run(name, func(t *testing.T) {
			if found := temporal.Find(text); len(found) != 0 {
				t.Fatalf("found %+v in %q, want nothing", found, text)
			}
		})
	}
}

// TestFindEveryExpression checks a paragraph with many expressions: all are
// found, in order, without overlap.
func TestFindEveryExpression(t *testing.T) {
	text := "ANAH, Iraq (LPA) Oct 31, 2017 - Iraqi troops on Tuesday fought their way to Al-Qaim. " +
		"The assault opened on Oct. 26, two weeks since talks failed, and Baghdad began the campaign last week. " +
		"The town fell to the group in 2014 and was besieged from mid-2016; fighting peaked between 3 and 5 November " +
		"at 13:30. Mosul was retaken in July. The premier will visit next Monday."
	want := []string{"Oct 31, 2017", "on Tuesday", "on Oct. 26", "two weeks since", "last week", "in 2014",
		"from mid-2016", "between 3 and 5 November", "at 13:30", "in July", "next Monday"}
	var got []string
	prev := 0
	for _, e := range temporal.Find(text) {
		got = append(got, e.Text)
		if e.Span.Start < prev {
			t.Errorf("%q starts at %d, before the previous expression ended (%d)", e.Text, e.Span.Start, prev)
		}
		prev = e.Span.End
	}
	if !slices.Equal(got, want) {
		t.Fatalf("found\n %q\nwant\n %q", got, want)
	}
}

// TestFindSeedsAndSamples runs the finder over the real articles and checks
// spans against the text; it skips files that are not there.
func TestFindSeedsAndSamples(t *testing.T) {
	files := articleFiles(t)
	if len(files) == 0 {
		t.Skip("no seed or sample articles found")
	}
	for name, text := range files {
		t.Run(name, func(t *testing.T) {
			runes := []rune(text)
			found := temporal.Find(text)
			if len(found) == 0 {
				t.Fatal("no expression found in a news article")
			}
			for _, e := range found {
				if err := e.Span.Validate(len(runes)); err != nil || string(runes[e.Span.Start:e.Span.End]) != e.Text {
					t.Fatalf("span %+v does not hold %q", e.Span, e.Text)
				}
			}
		})
	}
}
