package anchor_test

import (
	"strings"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/anchor"
)

// reanchorFrom re-anchors one claim with the old text, as Rebase does.
func reanchorFrom(oldText, newText string, a app.Anchor) anchor.Result {
	return anchor.NewText(newText).ReanchorFrom(oldText, []app.Anchor{a})[0]
}

// paths are the two ways of re-anchoring that must agree on what is safe.
var paths = map[string]func(oldText, newText string, a app.Anchor) anchor.Result{
	"with the old text": reanchorFrom,
	"new text alone":    func(_, newText string, a app.Anchor) anchor.Result { return anchor.Reanchor(newText, a) },
}

// TestReanchorFromFollowsTheEdit: claims are carried where the edit took
// their words, among them claims the search alone must orphan (lost, too
// little of their context is left to tell their place from another).
func TestReanchorFromFollowsTheEdit(t *testing.T) {
	old := joinParas(paraA, paraB, paraC, paraD)
	dup := "Officials confirmed that the checkpoint had been closed for repairs."
	twice := joinParas(paraA, dup, paraB, paraC, dup, paraD)
	cases := map[string]struct {
		old, new, quote string
		at              int // byte offset in old to look for the quote from
		method          anchor.Method
		want            string // the text the new anchor must cover
		wantAt          int    // rune offset of want in new; -1: the first occurrence
		searchOrphans   bool   // Reanchor, without the old text, orphans it
	}{
		"a word written right before a three-rune quote": {
			old: old, new: strings.Replace(old, "within ten days", "within some ten days", 1), quote: "ten",
			method: anchor.Quote, want: "ten", wantAt: -1,
			searchOrphans: true,
		},
		"the words on both sides of a quote rewritten": {
			old: old, new: strings.Replace(strings.Replace(old, "provincial council said on Tuesday that", "governor's office announced", 1),
				"within ten days", "soon", 1),
			quote: "the main bridge would reopen", method: anchor.Quote, want: "the main bridge would reopen", wantAt: -1,
			searchOrphans: true,
		},
		"a duplicated sentence moved: the edit says which copy went where": {
			old: twice, new: joinParas(paraA, paraB, paraC, dup, paraD, dup), quote: dup,
			method: anchor.Quote, want: dup, wantAt: len([]rune(joinParas(paraA, paraB, paraC, dup, paraD) + "\n\n")),
			searchOrphans: true,
		},
		"the second copy of a duplicated sentence, its neighbours rewritten": {
			old: twice, at: strings.LastIndex(twice, dup),
			new:   joinParas(paraA, dup, paraB, "The town council met.", dup, "Nothing else was said."),
			quote: dup, method: anchor.Quote, want: dup,
			wantAt:        len([]rune(joinParas(paraA, dup, paraB, "The town council met.") + "\n\n")),
			searchOrphans: true,
		},
		"nothing changed": {
			old: old, new: old, quote: "provincial council", method: anchor.Position, want: "provincial council", wantAt: -1,
		},
		"a typo inside the quote": {
			old: old, new: strings.Replace(old, "reopen within", "reopne within", 1), quote: "would reopen within ten",
			method: anchor.Fuzzy, want: "would reopne within ten", wantAt: -1,
		},
		"re-imported with Windows line endings, the quote across a paragraph break": {
			old: old, new: "Updated.\r\n\r\n" + strings.ReplaceAll(old, "\n", "\r\n"), quote: "ten days.\n\nA spokesman",
			method: anchor.Fuzzy, want: "ten days.\r\n\r\nA spokesman", wantAt: -1,
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			a := claimOn(t, tc.old, tc.quote, tc.at)
			r := reanchorFrom(tc.old, tc.new, a)
			if r.Method != tc.method || r.Anchor.Exact != tc.want {
				t.Fatalf("%s on %q (%s), want %s on %q", r.Method, r.Anchor.Exact, r.Reason, tc.method, tc.want)
			}
			if want := tc.wantAt; want >= 0 && r.Anchor.Start != want {
				t.Fatalf("placed at %d, want %d", r.Anchor.Start, want)
			}
			if want, err := app.NewAnchor(tc.new, r.Anchor.Span); err != nil || want != r.Anchor {
				t.Fatalf("anchor %+v is not app.NewAnchor of its span (%v)", r.Anchor, err)
			}
			if r.Score <= 0.5 || r.Score > 1 {
				t.Errorf("score %v", r.Score)
			}
			if s := anchor.Reanchor(tc.new, a); s.Placed() == tc.searchOrphans {
				t.Errorf("without the old text: %s on %q (%s)", s.Method, s.Anchor.Exact, s.Reason)
			}
		})
	}
}

// TestReanchorFromSearchesTheRest: an anchor that is not at its offsets in
// the old text (orphaned by an earlier edit, or from another text), and
// any claim whose words the edit did not keep, is looked for exactly as
// Reanchor looks for it.
func TestReanchorFromSearchesTheRest(t *testing.T) {
	old := joinParas(paraA, paraB, paraC, paraD)
	newText := joinParas(paraD, strings.Replace(paraB, "ten", "eleven", 1), paraA, "A closing paragraph.")
	olds := []app.Anchor{
		claimOn(t, old, "A spokesman for the local militia"), // deleted
		claimOn(t, joinParas(paraC, paraA), "changed hands twice"),
		{Span: app.Span{Start: 4, End: 9}, Exact: "nothing like this", Prefix: "x"},
		{Span: app.Span{Start: -3, End: 900}, Exact: "bridge"},
		{},
	}
	got := anchor.NewText(newText).ReanchorFrom(old, olds)
	for i, a := range olds {
		if want := anchor.Reanchor(newText, a); got[i] != want {
			t.Errorf("anchor %d: ReanchorFrom gave %+v, Reanchor %+v", i, got[i], want)
		}
	}
	if got[0].Placed() {
		t.Errorf("a claim on a deleted paragraph was placed: %+v", got[0])
	}
	if !got[1].Placed() || got[1].Anchor.Exact != "changed hands twice" {
		t.Errorf("an orphan from an older text whose quote is back: %+v", got[1])
	}
	if rs := anchor.NewText("").ReanchorFrom(old, olds[:2]); rs[0].Placed() || rs[1].Placed() {
		t.Errorf("placed on an empty text: %+v", rs)
	}
	if rs := anchor.NewText(newText).ReanchorFrom("", olds[1:2]); !rs[0].Placed() {
		t.Errorf("with an empty old text the quote is still looked for: %+v", rs)
	}
}

// TestRebaseFollowsTheEdit: Rebase uses the old text for its claims and
// boilerplate, and searches for claims already orphaned.
func TestRebaseFollowsTheEdit(t *testing.T) {
	old := joinParas(paraA, paraB, paraC)
	claim := func(text, quote string, orphan bool) app.Claim {
		return app.Claim{ID: app.ID(quote), Anchor: claimOn(t, text, quote), Orphan: orphan}
	}
	claims := []app.Claim{
		claim(old, "would reopen within ten days", false),
		claim(joinParas(paraD, paraA), "Aid convoys waited", true), // orphaned by an earlier edit
		claim(old, "A spokesman for the local militia", false),
	}
	newText := joinParas(paraA, strings.Replace(paraB, "within ten", "within some ten", 1), "A new paragraph.", paraD)
	ex := []app.Excluded{{Span: app.Span{Start: 0, End: 9}, Kind: app.BoilerComments}}
	ex2, cs, rep := anchor.Rebase(old, newText, ex, claims)
	runes := []rune(newText)
	if c := cs[0]; c.Orphan || string(runes[c.Anchor.Start:c.Anchor.End]) != "would reopen within some ten days" {
		t.Errorf("a quote with a word written into it should follow its words: %+v", c)
	}
	if c := cs[1]; c.Orphan || c.Anchor.Exact != "Aid convoys waited" {
		t.Errorf("an orphan whose words are back should be re-attached: %+v", c)
	}
	if c := cs[2]; !c.Orphan || c.Anchor != claims[2].Anchor {
		t.Errorf("a deleted paragraph's claim must be an orphan with its old anchor: %+v", c)
	}
	if len(ex2) != 1 || string(runes[ex2[0].Start:ex2[0].End]) != "The river" {
		t.Errorf("boilerplate moved to %+v", ex2)
	}
	if rep.Methods[anchor.Orphan] != 1 || len(rep.Orphans) != 1 {
		t.Errorf("report %s", rep)
	}
}
