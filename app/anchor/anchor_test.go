package anchor_test

import (
	"strings"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/anchor"
)

// Synthetic paragraphs (not from any real article) for the unit tables.
const (
	paraA = "The river town changed hands twice during the autumn campaign, according to residents reached by telephone."
	paraB = "Engineers from the provincial council said on Tuesday that the main bridge would reopen within ten days."
	paraC = "A spokesman for the local militia denied that any prisoners had been moved across the border at night."
	paraD = "Aid convoys waited at the checkpoint for most of the morning before the road was declared safe."
)

func joinParas(paras ...string) string { return strings.Join(paras, "\n\n") }

// claimOn anchors the first occurrence of quote in text (the n-th with at).
func claimOn(t *testing.T, text, quote string, at ...int) app.Anchor {
	t.Helper()
	from := 0
	if len(at) > 0 {
		from = at[0]
	}
	i := strings.Index(text[from:], quote)
	if i < 0 {
		t.Fatalf("%q not in text", quote)
	}
	start := len([]rune(text[:from+i]))
	a, err := app.NewAnchor(text, app.Span{Start: start, End: start + len([]rune(quote))})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// runeIndex is the rune offset of the first occurrence of s in text at or
// after byte offset from.
func runeIndex(t *testing.T, text, s string, from int) int {
	t.Helper()
	i := strings.Index(text[from:], s)
	if i < 0 {
		t.Fatalf("%q not in text", s)
	}
	return len([]rune(text[:from+i]))
}

func TestReanchorMethods(t *testing.T) {
	old := joinParas(paraA, paraB, paraC, paraD)
	quote := "the main bridge would reopen within ten days"
	cases := map[string]struct {
		old, new, quote string
		method          anchor.Method
		want            string // the text the new anchor must cover
	}{
		"position: nothing changed": {
			old: old, new: old, quote: quote, method: anchor.Position, want: quote,
		},
		"position: an edit far after the claim": {
			old: old, new: strings.Replace(old, "most of the morning", "the whole morning", 1), quote: quote,
			method: anchor.Position, want: quote,
		},
		"quote: a paragraph inserted before": {
			old: old, new: joinParas("A new first paragraph written by the editor.", paraA, paraB, paraC, paraD), quote: quote,
			method: anchor.Quote, want: quote,
		},
		"quote: paragraphs reordered": {
			old: old, new: joinParas(paraD, paraC, paraB, paraA), quote: quote, method: anchor.Quote, want: quote,
		},
		"quote: re-imported with Windows line endings": {
			old: old, new: strings.ReplaceAll(joinParas("Updated at noon.", paraA, paraB, paraC, paraD), "\n", "\r\n"),
			quote: "Engineers from the provincial council", method: anchor.Quote,
			want: "Engineers from the provincial council",
		},
		"fuzzy: a typo inside the quote": {
			old: old, new: strings.Replace(old, "reopen within", "reopne within", 1), quote: quote,
			method: anchor.Fuzzy, want: "the main bridge would reopne within ten days",
		},
		"fuzzy: a word replaced inside the quote": {
			old: old, new: strings.Replace(old, "within ten days", "within two days", 1), quote: quote,
			method: anchor.Fuzzy, want: "the main bridge would reopen within two days",
		},
		"fuzzy: words inserted inside the quote, text before changed": {
			old: old, new: "Correction appended. " + strings.Replace(old, "would reopen", "would probably reopen", 1),
			quote: quote, method: anchor.Fuzzy, want: "the main bridge would probably reopen within ten days",
		},
		"quote: a three-rune quote moves with its context": {
			old: old, new: "Earlier reports were wrong. " + old, quote: "ten", method: anchor.Quote, want: "ten",
		},
	}
	for name, tc := range cases {
		for path, reanchor := range paths {
			t.Run(name+"/"+path, func(t *testing.T) {
				a := claimOn(t, tc.old, tc.quote)
				r := reanchor(tc.old, tc.new, a)
				if r.Method != tc.method {
					t.Fatalf("method %s (%s), want %s", r.Method, r.Reason, tc.method)
				}
				if r.Anchor.Exact != tc.want {
					t.Fatalf("placed on %q, want %q", r.Anchor.Exact, tc.want)
				}
				want, err := app.NewAnchor(tc.new, r.Anchor.Span)
				if err != nil || want != r.Anchor {
					t.Fatalf("anchor %+v is not app.NewAnchor of its span (%v)", r.Anchor, err)
				}
				if r.Score <= 0.5 || r.Score > 1 {
					t.Errorf("score %v", r.Score)
				}
			})
		}
	}
}

func TestReanchorNeverMisplaces(t *testing.T) {
	dup := "Officials confirmed that the checkpoint had been closed for repairs."
	twice := joinParas(paraA, dup, paraB, paraC, dup, paraD)
	secondDup := strings.LastIndex(twice, dup)
	cases := map[string]struct {
		old, new string
		claim    app.Anchor
		// allowed is where a placement may land (rune offsets in new);
		// empty: the claim must be orphaned. fromAllowed, when set, is
		// where it must land when the old text is known.
		allowed, fromAllowed []app.Span
	}{
		"duplicated sentence: the claimed copy deleted": {
			old:   twice,
			new:   joinParas(paraA, paraB, paraC, dup, paraD),
			claim: claimOn(t, twice, dup),
		},
		"duplicated sentence: the claimed copy rewritten": {
			old:   twice,
			new:   joinParas(paraA, "Officials said the checkpoint stayed open all week.", paraB, paraC, dup, paraD),
			claim: claimOn(t, twice, dup),
		},
		"duplicated passage, both intact: equal context, do not guess (the edit tells them apart)": {
			old:   joinParas(paraA, paraB, paraA, paraB),
			new:   joinParas("Inserted lead.", paraA, paraB, paraA, paraB),
			claim: claimOn(t, joinParas(paraA, paraB, paraA, paraB), "changed hands twice"),
			fromAllowed: []app.Span{{Start: runeIndex(t, "Inserted lead.\n\n"+paraA, "changed hands twice", 0),
				End: runeIndex(t, "Inserted lead.\n\n"+paraA, "changed hands twice", 0) + len("changed hands twice")}},
		},
		"the quote deleted": {
			old:   joinParas(paraA, paraB, paraC),
			new:   joinParas(paraA, paraC),
			claim: claimOn(t, joinParas(paraA, paraB, paraC), "Engineers from the provincial council said on Tuesday"),
		},
		"the quote rewritten beyond recognition": {
			old:   joinParas(paraA, paraB, paraC),
			new:   joinParas(paraA, "Council staff gave no date for any work on the crossing.", paraC),
			claim: claimOn(t, joinParas(paraA, paraB, paraC), "Engineers from the provincial council said on Tuesday"),
		},
		"less than half of the quote survives": {
			old:   joinParas(paraA, paraB, paraC),
			new:   joinParas(paraA, "Engineers from the ministry, not the council, gave no reopening date.", paraC),
			claim: claimOn(t, joinParas(paraA, paraB, paraC), "Engineers from the provincial council said on Tuesday that the main bridge"),
		},
		"a short word deleted while it occurs elsewhere": {
			old:   joinParas(paraA, paraB, paraC),
			new:   joinParas(paraA, strings.Replace(paraB, "ten days", "days", 1), paraC),
			claim: claimOn(t, joinParas(paraA, paraB, paraC), "ten"),
		},
		"the second copy of a duplicated sentence, context tells it apart": {
			old:     twice,
			new:     "Lead added. " + twice,
			claim:   claimOn(t, twice, dup, secondDup),
			allowed: []app.Span{{Start: runeIndex(t, "Lead added. "+twice, dup, secondDup+len("Lead added. ")), End: runeIndex(t, "Lead added. "+twice, dup, secondDup+len("Lead added. ")) + len([]rune(dup))}},
		},
	}
	for name, tc := range cases {
		for path, reanchor := range paths {
			t.Run(name+"/"+path, func(t *testing.T) {
				r := reanchor(tc.old, tc.new, tc.claim)
				allowed := tc.allowed
				if tc.fromAllowed != nil && path == "with the old text" {
					allowed = tc.fromAllowed
				}
				if len(allowed) == 0 {
					if r.Placed() {
						t.Fatalf("placed by %s on %q (score %.3f); want an orphan", r.Method, r.Anchor.Exact, r.Score)
					}
					if r.Anchor != tc.claim || r.Reason == "" {
						t.Fatalf("an orphan keeps its old anchor and says why: %+v", r)
					}
					return
				}
				if !r.Placed() {
					t.Fatalf("orphaned (%s); want a placement", r.Reason)
				}
				for _, s := range allowed {
					if r.Anchor.Start < s.End && s.Start < r.Anchor.End {
						return
					}
				}
				t.Fatalf("placed on %d-%d %q, want one of %v", r.Anchor.Start, r.Anchor.End, r.Anchor.Exact, allowed)
			})
		}
	}
}

func TestReanchorEdgeCases(t *testing.T) {
	text := joinParas(paraA, paraB)
	good := claimOn(t, text, "provincial council")
	cases := map[string]struct {
		new    string
		old    app.Anchor
		placed bool
		want   string
	}{
		"empty new text": {new: "", old: good},
		"empty quote":    {new: text, old: app.Anchor{Span: app.Span{Start: 3, End: 3}}},
		"old span past the end of a shorter text": {
			new: "The provincial council met.", old: app.Anchor{Span: app.Span{Start: 500, End: 518}, Exact: "provincial council", Prefix: "x", Suffix: "y"},
		},
		"old span past the end, quote and context still there": {
			new: paraB, old: good, placed: true, want: "provincial council",
		},
		"negative offsets": {
			new: text, old: app.Anchor{Span: app.Span{Start: -5, End: -1}, Exact: "council"},
		},
		"invalid UTF-8 in the new text": {
			new: "\xff\xfe" + text, old: good, placed: true, want: "provincial council",
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			r := anchor.Reanchor(tc.new, tc.old)
			if r.Placed() != tc.placed {
				t.Fatalf("placed=%v (%s %q %s), want %v", r.Placed(), r.Method, r.Anchor.Exact, r.Reason, tc.placed)
			}
			if tc.placed {
				if r.Anchor.Exact != tc.want {
					t.Fatalf("placed on %q, want %q", r.Anchor.Exact, tc.want)
				}
				if got := string([]rune(tc.new)[r.Anchor.Start:r.Anchor.End]); got != tc.want {
					t.Fatalf("span %d-%d holds %q in runes", r.Anchor.Start, r.Anchor.End, got)
				}
			} else if r.Anchor != tc.old {
				t.Fatalf("orphan changed its anchor: %+v", r.Anchor)
			}
		})
	}
}

// Offsets are runes: combining marks, flags made of two regional
// indicators and other multi-byte runes shift a quote by their rune
// count, not their byte count.
func TestReanchorCountsRunes(t *testing.T) {
	old := joinParas("Cafe\u0301 owners in Qa\u2019im 🇮🇶 reopened on Sunday, witnesses said.", paraB)
	quote := "reopened on Sunday"
	cases := map[string]struct {
		new   string
		shift int // runes added before the quote
	}{
		"combining accent added before":    {new: strings.Replace(old, "owners", "owne\u0301rs", 1), shift: 1},
		"emoji flag added before":          {new: "🇮🇶🇸🇾 " + old, shift: 5},
		"nothing before changes (control)": {new: old, shift: 0},
	}
	a := claimOn(t, old, quote)
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			r := anchor.Reanchor(tc.new, a)
			if !r.Placed() || r.Anchor.Exact != quote {
				t.Fatalf("got %s %q (%s)", r.Method, r.Anchor.Exact, r.Reason)
			}
			if r.Anchor.Start != a.Start+tc.shift {
				t.Fatalf("start %d, want %d", r.Anchor.Start, a.Start+tc.shift)
			}
		})
	}
}

func TestReanchorAllMatchesReanchor(t *testing.T) {
	old := joinParas(paraA, paraB, paraC, paraD)
	quotes := []string{"changed hands twice", "ten days", "A spokesman for the local militia", "the", "Aid convoys waited"}
	var olds []app.Anchor
	for _, q := range quotes {
		olds = append(olds, claimOn(t, old, q))
	}
	olds = append(olds, app.Anchor{}) // an empty anchor among good ones
	newText := joinParas(paraD, strings.Replace(paraB, "ten", "eleven", 1), paraA, "New closing paragraph.")
	all := anchor.ReanchorAll(newText, olds)
	if len(all) != len(olds) {
		t.Fatalf("%d results for %d anchors", len(all), len(olds))
	}
	for i, old := range olds {
		if one := anchor.Reanchor(newText, old); one != all[i] {
			t.Errorf("anchor %d: ReanchorAll gave %+v, Reanchor %+v", i, all[i], one)
		}
	}
	if all[2].Placed() {
		t.Errorf("a claim on a deleted paragraph was placed: %+v", all[2])
	}
	if !all[0].Placed() || all[0].Anchor.Exact != "changed hands twice" {
		t.Errorf("a moved paragraph's claim: %+v", all[0])
	}
}
