package names_test

import (
	"slices"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/names"
)

func claimWith(id app.ID, quote string, ents ...app.ID) app.Claim {
	return app.Claim{ID: id, Anchor: app.Anchor{Exact: quote}, EntityIDs: ents}
}

func TestPlanSplit(t *testing.T) {
	// Qaim (Iraq) and Qom (Iran) were wrongly merged: their keys collide.
	e := app.Entity{ID: "e", Kind: app.EntityPlace, Name: "Al-Qaim", Aliases: []app.Alias{
		{Name: "Qom", ArticleID: "a1"}, {Name: "Al Qa'im", ClaimID: "c9"}, {Name: "Qum", ByAnalyst: true}}}
	claims := []app.Claim{
		claimWith("c1", "troops entered al-Qaim", "e"),
		claimWith("c2", "a cleric in Qom said", "x", "e"),
		claimWith("c3", "from Qum to Al Qa'im", "e"),
		claimWith("c4", "nothing about either", "e"),
		claimWith("c5", "Qom again, but not linked", "x"),
	}
	s, err := names.PlanSplit(e, []string{"qom", "QUM"}, "n", claims)
	if err != nil {
		t.Fatal(err)
	}
	if s.After.Name != "Al-Qaim" || len(s.After.Aliases) != 1 || s.After.Aliases[0].Name != "Al Qa'im" || s.After.Aliases[0].ClaimID != "c9" {
		t.Errorf("entity after split = %+v", s.After)
	}
	if s.New.Name != "Qom" || s.New.Kind != app.EntityPlace || len(s.New.Aliases) != 1 || s.New.Aliases[0].Name != "Qum" || !s.New.Aliases[0].ByAnalyst {
		t.Errorf("new entity = %+v", s.New)
	}
	var ids []app.ID
	for i, c := range s.ClaimsAfter {
		ids = append(ids, c.ID)
		if s.ClaimsBefore[i].ID != c.ID {
			t.Errorf("before/after out of step at %d", i)
		}
	}
	if !slices.Equal(ids, []app.ID{"c2", "c3"}) {
		t.Fatalf("changed claims = %v, want c2 (only Qom) and c3 (both)", ids)
	}
	if got := s.ClaimsAfter[0].EntityIDs; !slices.Equal(got, []app.ID{"x", "n"}) {
		t.Errorf("c2 links %v, want [x n]", got)
	}
	if got := s.ClaimsAfter[1].EntityIDs; !slices.Equal(got, []app.ID{"e", "n"}) {
		t.Errorf("c3 links %v, want [e n]", got)
	}
	if !slices.Equal(claims[1].EntityIDs, []app.ID{"x", "e"}) {
		t.Error("the input claims must not be changed in place")
	}
}

func TestPlanSplitRefuses(t *testing.T) {
	e := app.Entity{ID: "e", Name: "Abadi", Aliases: []app.Alias{{Name: "Haider al-Abadi"}}}
	for name, move := range map[string][]string{"nothing picked": nil, "unknown spelling": {"Maliki"}, "everything": {"abadi", "Haider al Abadi"}} {
		t.Run(name, func(t *testing.T) {
			if _, err := names.PlanSplit(e, move, "n", nil); app.ErrorCode(err) != app.EInvalid {
				t.Fatalf("PlanSplit(%v) error = %v, want invalid", move, err)
			}
		})
	}
	s, err := names.PlanSplit(e, []string{"Abadi"}, "n", nil)
	if err != nil || s.After.Name != "Haider al-Abadi" || len(s.After.Aliases) != 0 || s.New.Name != "Abadi" {
		t.Fatalf("moving the canonical name: %+v, %v", s, err)
	}
}
