package anchor_test

import (
	"testing"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/anchor"
)

// FuzzReanchor: no input panics; a placement's span lies inside the new
// text, its Exact is the new text's runes there and its anchor is what
// app.NewAnchor builds; an orphan keeps the old anchor. The old anchor is
// either built from oldText (well formed) or taken raw from the inputs
// (anything an import or a bug might hand over).
func FuzzReanchor(f *testing.F) {
	f.Add("Troops entered the town on Friday.", "On Friday troops entered the town, officials said.", 7, 14, true, "", "", "")
	f.Add("a a a a a", "a a a", 2, 3, true, "", "", "")
	f.Add("Qa\u2019im 🇮🇶 cafe\u0301", "cafe\u0301 🇮🇶 Qa\u2019im", 6, 8, true, "", "", "")
	f.Add("", "anything", -3, 900, false, "thing", "any", "\xff")
	f.Add("line one\r\nline two", "line one\nline two\n", 0, 8, true, "", "", "")
	f.Fuzz(func(t *testing.T, oldText, newText string, start, end int, wellFormed bool, exact, prefix, suffix string) {
		var old app.Anchor
		if wellFormed {
			n := utf8.RuneCountInString(oldText)
			if n == 0 {
				return
			}
			start = ((start % n) + n) % n
			end = start + 1 + ((end%n)+n)%(n-start)
			a, err := app.NewAnchor(oldText, app.Span{Start: start, End: min(end, n)})
			if err != nil {
				t.Fatalf("NewAnchor: %v", err)
			}
			old = a
		} else {
			old = app.Anchor{Span: app.Span{Start: start, End: end}, Exact: exact, Prefix: prefix, Suffix: suffix}
		}
		r := anchor.Reanchor(newText, old)
		if !r.Placed() {
			if r.Anchor != old || r.Method != anchor.Orphan || r.Reason == "" {
				t.Fatalf("orphan %+v for %+v", r, old)
			}
			return
		}
		runes := []rune(newText)
		s := r.Anchor.Span
		if s.Start < 0 || s.End > len(runes) || s.Start >= s.End {
			t.Fatalf("span %d-%d outside 0-%d", s.Start, s.End, len(runes))
		}
		if got := string(runes[s.Start:s.End]); got != r.Anchor.Exact {
			t.Fatalf("Exact %q, text there %q", r.Anchor.Exact, got)
		}
		if want, err := app.NewAnchor(newText, s); err != nil || want != r.Anchor {
			t.Fatalf("anchor %+v, NewAnchor %+v (%v)", r.Anchor, want, err)
		}
		if r.Score < 0 || r.Score > 1 {
			t.Fatalf("score %v", r.Score)
		}
	})
}

// FuzzReanchorFrom: as FuzzReanchor, re-anchoring with the old text: no
// input panics; every placement is the anchor app.NewAnchor builds for
// its span, every orphan keeps its old anchor and says why; and when the
// text did not change, every claim taken on it stays where it was.
func FuzzReanchorFrom(f *testing.F) {
	f.Add("Troops entered the town on Friday.", "On Friday troops entered the town, officials said.", 7, 14, true, "", "", "")
	f.Add("a a a a a", "a a a", 2, 3, true, "", "", "")
	f.Add("one\n\ntwo\n\nthree\n\n", "three\n\none\n\ntwo\n\n", 5, 8, true, "", "", "")
	f.Add("Qa\u2019im 🇮🇶 cafe\u0301", "cafe\u0301 🇮🇶 Qa\u2019im", 6, 8, true, "", "", "")
	f.Add("line one\r\nline two", "line one\nline two\n", 0, 8, true, "", "", "")
	f.Add("x\xffy the town and the army", "x\xffy the army", 6, 9, true, "", "", "")
	f.Add("", "anything", -3, 900, false, "thing", "any", "\xff")
	f.Fuzz(func(t *testing.T, oldText, newText string, start, end int, wellFormed bool, exact, prefix, suffix string) {
		var old app.Anchor
		if wellFormed {
			n := utf8.RuneCountInString(oldText)
			if n == 0 {
				return
			}
			start = ((start % n) + n) % n
			end = start + 1 + ((end%n)+n)%(n-start)
			a, err := app.NewAnchor(oldText, app.Span{Start: start, End: min(end, n)})
			if err != nil {
				t.Fatalf("NewAnchor: %v", err)
			}
			old = a
		} else {
			old = app.Anchor{Span: app.Span{Start: start, End: end}, Exact: exact, Prefix: prefix, Suffix: suffix}
		}
		rs := anchor.NewText(newText).ReanchorFrom(oldText, []app.Anchor{old, old})
		if len(rs) != 2 || rs[0] != rs[1] {
			t.Fatalf("results %+v", rs)
		}
		r := rs[0]
		if !r.Placed() {
			if r.Anchor != old || r.Method != anchor.Orphan || r.Reason == "" {
				t.Fatalf("orphan %+v for %+v", r, old)
			}
			if wellFormed && newText == oldText {
				t.Fatalf("unchanged text, claim %+v orphaned: %s", old, r.Reason)
			}
			return
		}
		s := r.Anchor.Span
		if want, err := app.NewAnchor(newText, s); err != nil || want != r.Anchor {
			t.Fatalf("anchor %+v, NewAnchor %+v (%v)", r.Anchor, want, err)
		}
		if r.Score < 0 || r.Score > 1 {
			t.Fatalf("score %v", r.Score)
		}
		if wellFormed && newText == oldText && (r.Method != anchor.Position || s != old.Span) {
			t.Fatalf("unchanged text: %s at %v, want position at %v", r.Method, s, old.Span)
		}
	})
}
