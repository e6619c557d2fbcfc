package merge_test

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/merge"
)

// A case merged with itself changes nothing, whatever the timestamps say.
func TestMergeWithItselfIsEmpty(t *testing.T) {
	ours := copyOf(t, base(t))
	theirs := copyOf(t, base(t))
	for i := range theirs.Claims { // a later save of the same content
		theirs.Claims[i].UpdatedAt = theirs.Claims[i].UpdatedAt.Add(time.Hour)
		theirs.Claims[i].UpdatedBy = "ben"
	}
	theirs.Sources[0].UpdatedAt = at(50)
	p := merge.NewPlan(ours, theirs)
	if !p.Empty() || len(p.Differences) != 0 || len(p.Added) != 0 || len(p.Mapped) != 0 || len(p.Notes) != 0 {
		t.Fatalf("plan of a case with itself = %+v, want nothing to do", p)
	}
	want := map[merge.Kind]merge.Count{
		merge.KindSource: {Identical: 2}, merge.KindArticle: {Identical: 2}, merge.KindEntity: {Identical: 1},
		merge.KindClaim: {Identical: 3}, merge.KindEvent: {Identical: 2},
	}
	if !reflect.DeepEqual(p.Counts, want) {
		t.Errorf("counts = %v, want %v", p.Counts, want)
	}
	cs, err := p.ChangeSet(nil)
	if err != nil || !cs.Empty() {
		t.Errorf("change set = %+v, %v; want an empty one", cs, err)
	}
	if !strings.Contains(p.Summary(), "claims: 0 added, 3 identical, 0 differing") {
		t.Errorf("summary does not count the claims:\n%s", p.Summary())
	}
}

// Merging into an empty case gives their case, exactly.
func TestMergeIntoEmptyGivesTheirs(t *testing.T) {
	theirs := copyOf(t, base(t))
	p := merge.NewPlan(&app.Snapshot{}, theirs)
	if c := p.Counts[merge.KindClaim]; c.Added != 3 || len(p.Differences) != 0 || p.HistoryAdded != 2 {
		t.Fatalf("plan = %+v, want every item added", p)
	}
	cs, err := p.ChangeSet(nil)
	if err != nil {
		t.Fatal(err)
	}
	k := caseWith(t, &app.Snapshot{})
	applyTo(t, k, cs)
	if got := load(t, k); !reflect.DeepEqual(got, theirs) {
		t.Errorf("merged case differs from theirs:\n got %+v\nwant %+v", got, theirs)
	}
}

// scenario edits a copy of our case into theirs.
type scenario struct {
	edit func(t *testing.T, s *app.Snapshot)
	// What the plan must say.
	differences map[merge.Key][]string // fields per difference
	added       []merge.Key
	linksAdded  int
	history     int
}

var scenarios = map[string]scenario{
	"they edited a statement and a title": {
		edit: func(t *testing.T, s *app.Snapshot) {
			claimOf(s, idFreed).Statement, claimOf(s, idFreed).UpdatedAt = "about 1,500 freed", at(30)
			s.Events[1].Title = "Rawa next"
		},
		differences: map[merge.Key][]string{{Kind: merge.KindClaim, ID: idFreed}: {"statement"}, {Kind: merge.KindEvent, ID: idRawa}: {"title"}},
	},
	"they linked more claims and entities": {
		edit: func(t *testing.T, s *app.Snapshot) {
			e := eventOf(s, idFalls)
			e.Claims = append(e.Claims, app.EventClaim{ClaimID: idFreed, Stance: app.StanceSupports})
			claimOf(s, idFreed).EntityIDs = []app.ID{idPlace}
			s.Entities[0].Aliases = append(s.Entities[0].Aliases, app.Alias{Name: "Qaim", ByAnalyst: true})
		},
		linksAdded: 3,
	},
	"they disagree on a stance": {
		edit:        func(t *testing.T, s *app.Snapshot) { eventOf(s, idFalls).Claims[0].Stance = app.StanceContradicts },
		differences: map[merge.Key][]string{{Kind: merge.KindEvent, ID: idFalls}: {"stance of claim " + idRetook.Short()}},
	},
	"they regraded a source": {
		edit: func(t *testing.T, s *app.Snapshot) {
			s.Sources[0].Reliability, s.Sources[0].ReliabilityNote = app.ReliabilityA, "confirmed twice"
			s.History = append(s.History, app.GradeChange{SourceID: idAFP, Reliability: app.ReliabilityA, Note: "confirmed twice", By: "ben", At: at(40)})
		},
		differences: map[merge.Key][]string{{Kind: merge.KindSource, ID: idAFP}: {"reliability", "reliability note"}},
		history:     1,
	},
	"they imported another article": {
		edit: func(t *testing.T, s *app.Snapshot) {
			id, claim, event := app.NewID(), app.NewID(), app.NewID()
			a := app.Article{ID: id, Text: textKamal, Format: app.FormatText, ImportedAt: at(20), UpdatedAt: at(20),
				Sources: []app.ArticleSource{{SourceID: idSpace, Role: app.RolePublisher}}}
			a.Title = "Albu Kamal taken"
			s.Articles = append(s.Articles, a)
			s.Claims = append(s.Claims, app.Claim{ID: claim, ArticleID: id, Anchor: anchorOf(t, textKamal, "took Albu Kamal"),
				AttributedTo: idAFP, EntityIDs: []app.ID{idPlace}, CreatedAt: at(21), UpdatedAt: at(21)})
			s.Events = append(s.Events, app.Event{ID: event, Title: "Albu Kamal taken", CreatedAt: at(22), UpdatedAt: at(22),
				Claims: []app.EventClaim{{ClaimID: claim, Stance: app.StanceSupports}, {ClaimID: idRetook, Stance: app.StanceContradicts}}})
		},
		added: []merge.Key{{Kind: merge.KindArticle}, {Kind: merge.KindClaim}, {Kind: merge.KindEvent}},
	},
	"they rewrote an article's text": {
		edit: func(t *testing.T, s *app.Snapshot) {
			s.Articles[1].Text, s.Articles[1].TextHash = "Update: "+textFlag, ""
			claimOf(s, idRaise).Anchor = anchorOf(t, s.Articles[1].Text, "raised the flag")
		},
		differences: map[merge.Key][]string{{Kind: merge.KindArticle, ID: idFlag}: {"text"}, {Kind: merge.KindClaim, ID: idRaise}: {"quote"}},
	},
}

// Each scenario: the plan lists what it must; the default change set
// keeps every item of ours as it was (links and additions aside); taking
// theirs gives their content; and the inverse of either gives ours back
// exactly.
func TestMergeScenarios(t *testing.T) {
	for name, sc := range scenarios {
		t.Run(name, func(t *testing.T) {
			ours := copyOf(t, base(t))
			theirs := copyOf(t, base(t))
			sc.edit(t, theirs)
			p := merge.NewPlan(ours, theirs)
			got := map[merge.Key][]string{}
			for _, d := range p.Differences {
				for _, f := range d.Fields {
					got[d.Key] = append(got[d.Key], f.Name)
				}
			}
			if len(got) != 0 || len(sc.differences) != 0 {
				if !reflect.DeepEqual(got, sc.differences) {
					t.Errorf("differences = %v, want %v", got, sc.differences)
				}
			}
			var kinds []merge.Key
			for _, a := range p.Added {
				kinds = append(kinds, merge.Key{Kind: a.Kind})
			}
			if !slices.Equal(kinds, sc.added) || p.LinksAdded != sc.linksAdded || p.HistoryAdded != sc.history {
				t.Errorf("added %v, %d links, %d history rows; want %v, %d, %d", kinds, p.LinksAdded, p.HistoryAdded, sc.added, sc.linksAdded, sc.history)
			}
			for _, choice := range []merge.Choice{merge.Ours, merge.Theirs} {
				cs, err := p.ChangeSet(p.TakeAll(choice))
				if err != nil {
					t.Fatal(err)
				}
				k := caseWith(t, ours)
				applyTo(t, k, cs)
				merged := load(t, k)
				// Nothing of ours changes unless chosen; what was chosen is theirs.
				check, against := merge.NewPlan(ours, merged), "ours"
				if choice == merge.Theirs {
					check, against = merge.NewPlan(merged, theirs), "theirs"
				}
				if len(check.Differences) != 0 {
					t.Errorf("taking %v: the merged case differs from %s: %+v", choice, against, check.Differences)
				}
				if again := merge.NewPlan(merged, theirs); again.LinksAdded != 0 || len(again.Added) != 0 || again.HistoryAdded != 0 {
					t.Errorf("taking %v: merging theirs again would still add %+v", choice, again)
				}
				applyTo(t, k, merge.Inverse(ours, cs))
				if back := load(t, k); !reflect.DeepEqual(back, ours) {
					t.Errorf("taking %v: the inverse does not give ours back:\n got %+v\nwant %+v", choice, back, ours)
				}
			}
		})
	}
}

// Two analysts imported the same file (saved with other spacing) and named
// the same agency: their article and source are ours, their claims come
// onto our article at the same words, their attributions and grades onto
// our source.
func TestMergeMapsSameTextAndSourceName(t *testing.T) {
	ours := copyOf(t, base(t))
	theirs := copyOf(t, &app.Snapshot{})
	afp, art, claim := app.NewID(), app.NewID(), app.NewID()
	spaced := strings.ReplaceAll(textQaim, " ", "  ")
	theirs = copyOf(t, &app.Snapshot{
		Sources: []app.Source{{ID: afp, Name: "agence  france-presse", Reliability: app.ReliabilityA, CreatedAt: at(9), UpdatedAt: at(9)}},
		History: []app.GradeChange{{SourceID: afp, Reliability: app.ReliabilityA, By: "ben", At: at(9)}},
		Articles: []app.Article{{ID: art, Text: spaced, ImportedAt: at(9), UpdatedAt: at(9),
			Sources: []app.ArticleSource{{SourceID: afp, Role: app.RoleOrigin}}}},
		Claims: []app.Claim{{ID: claim, ArticleID: art, Anchor: anchorOf(t, spaced, "1,500"), AttributedTo: afp,
			Statement: "1,500 people", CreatedAt: at(9), UpdatedAt: at(9)}},
	})
	p := merge.NewPlan(ours, theirs)
	wantMapped := []merge.Mapping{
		{Kind: merge.KindSource, Theirs: afp, Ours: idAFP, Label: "agence france-presse", Why: "same name"},
		{Kind: merge.KindArticle, Theirs: art, Ours: idQaim, Label: "untitled article " + art.Short(), Why: "same text"},
	}
	if !reflect.DeepEqual(p.Mapped, wantMapped) {
		t.Errorf("mapped = %+v, want %+v", p.Mapped, wantMapped)
	}
	if len(p.Notes) != 1 || !strings.Contains(p.Notes[0], "moved to the same words") {
		t.Errorf("notes = %q, want one saying the claim was moved", p.Notes)
	}
	cs, err := p.ChangeSet(nil)
	if err != nil {
		t.Fatal(err)
	}
	k := caseWith(t, ours)
	applyTo(t, k, cs)
	merged := load(t, k)
	if len(merged.Articles) != 2 || len(merged.Sources) != 2 {
		t.Fatalf("merged case has %d articles and %d sources, want ours only", len(merged.Articles), len(merged.Sources))
	}
	c := claimOf(merged, claim)
	if c == nil || c.ArticleID != idQaim || c.AttributedTo != idAFP || c.Orphan || c.Anchor != anchorOf(t, textQaim, "1,500") {
		t.Errorf("their claim in the merged case = %+v, want it on our article at the same words, attributed to our AFP", c)
	}
	if len(merged.History) != 3 || merged.History[2].SourceID != idAFP || merged.History[2].By != "ben" {
		t.Errorf("history = %+v, want their row on our AFP", merged.History)
	}
	applyTo(t, k, merge.Inverse(ours, cs))
	if back := load(t, k); !reflect.DeepEqual(back, ours) {
		t.Errorf("the inverse does not give ours back:\n got %+v\nwant %+v", back, ours)
	}
}

// A claim whose words are not in our text of the same article is kept as
// an orphan, never put on other words; an alias our other entity holds is
// left out.
func TestMergeOrphansAndLeavesOutTakenAliases(t *testing.T) {
	ours := copyOf(t, base(t))
	theirs := copyOf(t, base(t))
	lost := app.NewID()
	theirs.Articles[0].Text = textQaim + " Rawa fell a week later."
	theirs.Articles[0].TextHash = ""
	theirs.Claims = append(theirs.Claims, app.Claim{ID: lost, ArticleID: idQaim,
		Anchor: anchorOf(t, theirs.Articles[0].Text, "a week later"), CreatedAt: at(9), UpdatedAt: at(9)})
	theirs.Entities = append(theirs.Entities, app.Entity{ID: app.NewID(), Kind: app.EntityPlace, Name: "Qaim town",
		Aliases: []app.Alias{{Name: "al-qāʾim"}, {Name: "Qaim"}}, CreatedAt: at(9), UpdatedAt: at(9)})
	p := merge.NewPlan(ours, theirs)
	if len(p.Notes) != 2 || !strings.Contains(p.Notes[0], "“al-qāʾim”") || !strings.Contains(p.Notes[1], "orphan") {
		t.Errorf("notes = %q, want the alias left out and the claim orphaned", p.Notes)
	}
	cs, err := p.ChangeSet(nil)
	if err != nil {
		t.Fatal(err)
	}
	k := caseWith(t, ours)
	applyTo(t, k, cs)
	if c := claimOf(load(t, k), lost); c == nil || !c.Orphan {
		t.Errorf("their claim on words our text lacks = %+v, want an orphan", c)
	}
	// Taking their text brings their words: the claim fits again.
	cs, err = p.ChangeSet(map[merge.Key]merge.Choice{{Kind: merge.KindArticle, ID: idQaim}: merge.Theirs})
	if err != nil {
		t.Fatal(err)
	}
	k = caseWith(t, ours)
	applyTo(t, k, cs)
	if c := claimOf(load(t, k), lost); c == nil || c.Orphan {
		t.Errorf("their claim with their text = %+v, want it placed", c)
	}
}

// A choice for something that is not a difference is refused.
func TestChangeSetRefusesUnknownChoices(t *testing.T) {
	ours := copyOf(t, base(t))
	theirs := copyOf(t, base(t))
	claimOf(theirs, idFreed).Notes = "checked"
	p := merge.NewPlan(ours, theirs)
	for name, choices := range map[string]map[merge.Key]merge.Choice{
		"no such difference": {{Kind: merge.KindClaim, ID: idRetook}: merge.Theirs},
		"no such choice":     {{Kind: merge.KindClaim, ID: idFreed}: merge.Choice(7)},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := p.ChangeSet(choices); app.ErrorCode(err) != app.EInvalid {
				t.Errorf("ChangeSet(%v) error = %v, want EInvalid", choices, err)
			}
		})
	}
	if err := caseWith(t, ours).ApplyChanges(context.Background(), merge.Inverse(ours, nil)); err != nil {
		t.Errorf("the inverse of nothing is not nothing: %v", err)
	}
}

// Their entity of the same name as ours (case and spacing aside) is ours:
// its spellings join ours, its claims link ours, and the inverse undoes it.
func TestMergeMapsEntitiesOfTheSameName(t *testing.T) {
	ours := copyOf(t, base(t))
	theirs := copyOf(t, base(t))
	qaim, claim := app.NewID(), app.NewID()
	theirs.Entities = []app.Entity{{ID: qaim, Kind: app.EntityPlace, Name: "al-qaim", Notes: "district centre",
		Aliases: []app.Alias{{Name: "Qa'im", ArticleID: idQaim}}, CreatedAt: at(9), UpdatedAt: at(9)}}
	theirs.Claims[0].EntityIDs = []app.ID{qaim} // the same claim, linked to their entity
	theirs.Claims = append(theirs.Claims, app.Claim{ID: claim, ArticleID: idQaim, Anchor: anchorOf(t, textQaim, "1,500"),
		EntityIDs: []app.ID{qaim}, CreatedAt: at(9), UpdatedAt: at(9)})
	p := merge.NewPlan(ours, theirs)
	want := merge.Mapping{Kind: merge.KindEntity, Theirs: qaim, Ours: idPlace, Label: "al-qaim", Why: "same name"}
	if !slices.Contains(p.Mapped, want) {
		t.Fatalf("mapped = %+v, want %+v", p.Mapped, want)
	}
	cs, err := p.ChangeSet(p.TakeAll(merge.Ours))
	if err != nil {
		t.Fatal(err)
	}
	k := caseWith(t, ours)
	applyTo(t, k, cs)
	merged := load(t, k)
	if len(merged.Entities) != 1 {
		t.Fatalf("merged case has %d entities, want one: %+v", len(merged.Entities), merged.Entities)
	}
	e := merged.Entities[0]
	var names []string
	for _, al := range e.Aliases {
		names = append(names, al.Name)
	}
	if e.ID != idPlace || e.Name != "Al-Qaim" || !slices.Contains(names, "Qa'im") || !slices.Contains(names, "Al-Qāʾim") {
		t.Errorf("merged entity = %s %q with spellings %q, want ours with theirs added", e.ID.Short(), e.Name, names)
	}
	for _, id := range []app.ID{idRetook, claim} {
		if c := claimOf(merged, id); c == nil || !slices.Equal(c.EntityIDs, []app.ID{idPlace}) {
			t.Errorf("claim %s links %v, want our entity only", id.Short(), c.EntityIDs)
		}
	}
	applyTo(t, k, merge.Inverse(ours, cs))
	if back := load(t, k); !reflect.DeepEqual(back, ours) {
		t.Errorf("the inverse does not give ours back:\n got %+v\nwant %+v", back.Entities, ours.Entities)
	}
}
