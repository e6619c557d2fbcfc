package anchor_test

import (
	"strings"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/anchor"
)

func TestRebaseMovesClaimsAndBoilerplate(t *testing.T) {
	old := "Troops reach Qaim\n\nIraqi troops reached the edge of Qaim on Tuesday, commanders said.\n\nThe district of Rawa is still held.\n\n2 thoughts on this\nGreat news!"
	span := func(text, sub string) app.Span {
		i := strings.Index(text, sub)
		s := len([]rune(text[:i]))
		return app.Span{Start: s, End: s + len([]rune(sub))}
	}
	claim := func(sub string) app.Claim {
		a, err := app.NewAnchor(old, span(old, sub))
		if err != nil {
			t.Fatal(err)
		}
		return app.Claim{ID: app.ID(sub), Anchor: a}
	}
	claims := []app.Claim{claim("reached the edge of Qaim on Tuesday"), claim("The district of Rawa is still held")}
	ex := []app.Excluded{{Span: span(old, "2 thoughts on this\nGreat news!"), Kind: app.BoilerComments}}

	// The analyst adds a paragraph at the top and deletes the Rawa sentence.
	newText := "Update: figures corrected.\n\n" + strings.Replace(old, "The district of Rawa is still held.\n\n", "", 1)
	ex2, cs2, rep := anchor.Rebase(old, newText, ex, claims)

	runes := []rune(newText)
	if c := cs2[0]; c.Orphan || string(runes[c.Anchor.Start:c.Anchor.End]) != "reached the edge of Qaim on Tuesday" {
		t.Fatalf("the first claim should follow its words: %+v", c.Anchor)
	}
	if !cs2[1].Orphan || cs2[1].Anchor != claims[1].Anchor {
		t.Fatalf("the deleted sentence's claim must be an orphan with its old anchor: %+v", cs2[1])
	}
	if len(ex2) != 1 || string(runes[ex2[0].Start:ex2[0].End]) != "2 thoughts on this\nGreat news!" {
		t.Fatalf("boilerplate moved to %+v", ex2)
	}
	if rep.Methods[anchor.Orphan] != 1 || len(rep.Orphans) != 1 || !strings.Contains(rep.String(), "1 orphaned") {
		t.Errorf("report %s", rep)
	}
}
