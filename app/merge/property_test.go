package merge_test

import (
	"context"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/merge"
	"pgregory.net/rapid"
)

// edits an analyst may have made to their copy of our case.
var edits = []func(t *testing.T, s *app.Snapshot){
	scenarios["they edited a statement and a title"].edit,
	scenarios["they linked more claims and entities"].edit,
	scenarios["they disagree on a stance"].edit,
	scenarios["they regraded a source"].edit,
	scenarios["they imported another article"].edit,
	scenarios["they rewrote an article's text"].edit,
	func(t *testing.T, s *app.Snapshot) { claimOf(s, idRetook).Credibility = app.Credibility5 },
	func(t *testing.T, s *app.Snapshot) {
		s.Claims = append(s.Claims, app.Claim{ID: app.NewID(), ArticleID: idQaim, Anchor: anchorOf(t, textQaim, "towards Rawa"),
			Statement: "the Hashd advance", CreatedAt: at(31), UpdatedAt: at(31)})
	},
	func(t *testing.T, s *app.Snapshot) { s.Sources[1].Homepage = "https://www.spacedaily.com" },
	func(t *testing.T, s *app.Snapshot) {
		s.Entities[0].Notes, s.Entities[0].Kind = "a town", app.EntityOther
	},
	func(t *testing.T, s *app.Snapshot) {
		s.Articles[0].Title, s.Articles[0].Excluded = "Al-Qaim retaken", nil
	},
}

// For any edits and any choices: merging a case with itself does nothing;
// the merge applies; nothing of ours changes unless the analyst chose
// theirs for it (claims moved onto a text the analyst took aside); and the
// inverse gives ours back exactly.
func TestMergeProperties(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		ours := copyOf(t, base(t))
		theirs := copyOf(t, base(t))
		for i, edit := range edits {
			if rapid.Bool().Draw(rt, "edit"+string(rune('A'+i))) {
				edit(t, theirs)
			}
		}
		theirs = copyOf(t, theirs)
		if p := merge.NewPlan(theirs, theirs); !p.Empty() {
			rt.Fatalf("their case merged with itself: %+v", p)
		}
		p := merge.NewPlan(ours, theirs)
		choices := map[merge.Key]merge.Choice{}
		for _, d := range p.Differences {
			choices[d.Key] = merge.Choice(rapid.IntRange(0, 1).Draw(rt, "choice"))
		}
		cs, err := p.ChangeSet(choices)
		if err != nil {
			rt.Fatal(err)
		}
		k := caseWith(t, ours)
		if err := k.ApplyChanges(context.Background(), cs); err != nil {
			rt.Fatalf("the merge does not apply: %v", err)
		}
		merged := load(t, k)
		for _, d := range merge.NewPlan(ours, merged).Differences {
			if choices[d.Key] == merge.Theirs {
				continue
			}
			c, ok := d.Ours.(app.Claim)
			if ok && choices[merge.Key{Kind: merge.KindArticle, ID: c.ArticleID}] == merge.Theirs && onlyAnchor(d.Fields) {
				continue
			}
			rt.Errorf("%s %s changed without a choice: %+v", d.Kind, d.Label, d.Fields)
		}
		if err := k.ApplyChanges(context.Background(), merge.Inverse(ours, cs)); err != nil {
			rt.Fatalf("the inverse does not apply: %v", err)
		}
		if back := load(t, k); !reflect.DeepEqual(back, ours) {
			rt.Fatalf("the inverse does not give ours back:\n got %+v\nwant %+v", back, ours)
		}
	})
}

// onlyAnchor reports whether the differing fields are where a claim stands.
func onlyAnchor(fields []merge.Field) bool {
	var names []string
	for _, f := range fields {
		names = append(names, f.Name)
	}
	sort.Strings(names)
	return slices.Equal(names, []string{"quote"}) || slices.Equal(names, []string{"orphan"}) || slices.Equal(names, []string{"orphan", "quote"})
}
