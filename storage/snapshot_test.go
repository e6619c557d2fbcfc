package storage_test

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/merge"
	"github.com/evidence-workbench/workbench/app/mock"
)

// secondText is a second article's text for the change-set fixture.
const secondText = "Baghdad — Prime Minister Haider al-Abadi raised the flag over Al-Qaim on Thursday. " +
	"Officials said 95 percent of the district was retaken."

// fixtureIDs are the fixed ids of the change-set fixture.
type fixtureIDs struct {
	afp, space, spokesman   app.ID // sources
	qaim, abadiArt          app.ID // articles
	place, person           app.ID // entities
	retook, freed, orphan   app.ID // claims (retook and freed on qaim, orphan on abadiArt)
	falls, undated, unknown app.ID // events (unknown is never stored)
}

func newFixtureIDs() fixtureIDs {
	var f fixtureIDs
	for _, p := range []*app.ID{&f.afp, &f.space, &f.spokesman, &f.qaim, &f.abadiArt, &f.place, &f.person,
		&f.retook, &f.freed, &f.orphan, &f.falls, &f.undated, &f.unknown} {
		*p = app.NewID()
	}
	return f
}

// at is a fixed time, minute m of 6 November 2017, with microseconds.
func at(m int) time.Time { return time.Date(2017, time.November, 6, 10, m, 0, 123456000, time.UTC) }

// anchorOf anchors the first occurrence of quote in text, without a test.
func anchorOf(text, quote string) app.Anchor {
	i := strings.Index(text, quote)
	start := utf8.RuneCountInString(text[:i])
	a, _ := app.NewAnchor(text, app.Span{Start: start, End: start + utf8.RuneCountInString(quote)})
	return a
}

// fixture is a small case as one change set: every kind of item with
// every field set, ids and times fixed, references resolved.
func fixture(f fixtureIDs) *app.Snapshot {
	nov := func(d int) app.Date { return app.Date{Year: 2017, Month: time.November, Day: d} }
	s := &app.Snapshot{}
	s.Sources = []app.Source{
		{ID: f.afp, Name: "AFP", Kind: app.KindAgency, Homepage: "https://www.afp.com", Notes: "wire",
			Aliases: []string{"Agence France-Presse"}, Reliability: app.ReliabilityB, ReliabilityNote: "track record",
			CreatedAt: at(1), UpdatedAt: at(3)},
		{ID: f.spokesman, Name: "Coalition spokesman", Kind: app.KindSpokesperson, CreatedAt: at(1), UpdatedAt: at(1)},
		{ID: f.space, Name: "SpaceDaily", Kind: app.KindOutlet, CreatedAt: at(2), UpdatedAt: at(2)},
	}
	s.History = []app.GradeChange{
		{SourceID: f.afp, Reliability: app.ReliabilityC, Note: "first look", By: "ana", At: at(2)},
		{SourceID: f.afp, Reliability: app.ReliabilityB, Note: "track record", By: "ben", At: at(3)},
	}
	qaim := app.Article{ID: f.qaim, Text: qaimText, Format: app.FormatHTML, Filename: "qaim.html",
		Excluded: []app.Excluded{{Span: app.Span{Start: 0, End: 8}, Kind: app.BoilerMasthead, ByAnalyst: true}},
		Sources: []app.ArticleSource{
			{SourceID: f.space, Name: "SpaceDaily", Role: app.RolePublisher, Evidence: app.Evidence{Basis: app.BasisMarkup, Detail: "og:site_name"}, Confirmed: true},
			{SourceID: f.afp, Name: "AFP", Role: app.RoleOrigin, Evidence: app.Evidence{Basis: app.BasisText, Span: app.Span{Start: 10, End: 13}}},
		},
		Warnings: []string{"decoded as Windows-1252"}, ImportedAt: at(4), UpdatedAt: at(5)}
	qaim.Title, qaim.Byline, qaim.URL = "Iraqi forces retake Al-Qaim", "AFP staff", "https://www.spacedaily.com/qaim.html"
	qaim.Published = app.PubDate{Date: nov(4), HasTime: true, Hour: 13, Minute: 30}
	qaim.Known.Title = app.Evidence{Basis: app.BasisMarkup, Detail: "<title>"}
	qaim.Known.Published = app.Evidence{Basis: app.BasisText, Span: app.Span{Start: 40, End: 52}, Detail: "dateline"}
	abadi := app.Article{ID: f.abadiArt, Text: secondText, Format: app.FormatText, ImportedAt: at(6), UpdatedAt: at(6),
		Sources: []app.ArticleSource{{SourceID: f.afp, Name: "AFP", Role: app.RolePublisher}}}
	abadi.Title, abadi.Published = "Abadi raises the flag", app.PubDate{Date: nov(3)}
	abadi.Known.Title = app.Evidence{Basis: app.BasisAnalyst}
	s.Articles = []app.Article{qaim, abadi}
	s.Entities = []app.Entity{
		{ID: f.place, Kind: app.EntityPlace, Name: "Al-Qaim", Notes: "border town", CreatedAt: at(7), UpdatedAt: at(9),
			Aliases: []app.Alias{{Name: "Al-Qāʾim", ArticleID: f.qaim}, {Name: "Qaim", ClaimID: f.retook, ByAnalyst: true}}},
		{ID: f.person, Kind: app.EntityPerson, Name: "Haider al-Abadi", CreatedAt: at(7), UpdatedAt: at(7)},
	}
	retook := app.Claim{ID: f.retook, ArticleID: f.qaim, Anchor: anchorOf(qaimText, "retook Al-Qāʾim on Friday"),
		Statement: "Iraqi forces took Al-Qaim", Credibility: app.Credibility3, AttributedTo: f.spokesman,
		Tags: []string{"offensive", "Al-Qaim"}, Notes: "Others say Thursday.", Quantity: &app.Quantity{Value: 1.5, Unit: "km"},
		When: &app.When{Start: nov(2), End: nov(3), Precision: app.PrecisionDay, Approximate: true, Uncertain: true,
			Expression: "on Friday", Reference: nov(4), Note: "Friday before publication"},
		EntityIDs: []app.ID{f.place, f.person}, CreatedBy: "ana", CreatedAt: at(8), UpdatedBy: "ben", UpdatedAt: at(10)}
	freed := app.Claim{ID: f.freed, ArticleID: f.qaim, Anchor: anchorOf(qaimText, "1,500 civilians"), Statement: "1,500 freed",
		Quantity: &app.Quantity{Value: 1500, Unit: "civilians"}, CreatedAt: at(8), UpdatedAt: at(8)}
	orphan := app.Claim{ID: f.orphan, ArticleID: f.abadiArt, Orphan: true, Statement: "a lost highlight",
		Anchor:    app.Anchor{Span: app.Span{Start: 500, End: 505}, Exact: "gone!", Prefix: "was ", Suffix: " here"},
		CreatedAt: at(9), UpdatedAt: at(9)}
	s.Claims = []app.Claim{retook, freed, orphan}
	s.Events = []app.Event{
		{ID: f.falls, Title: "Al-Qaim falls", When: app.DayWhen(nov(3)), Place: "Al-Qaim", Description: "the town is retaken",
			Claims:    []app.EventClaim{{ClaimID: f.freed, Stance: app.StanceContradicts}, {ClaimID: f.retook, Stance: app.StanceSupports}},
			CreatedAt: at(11), UpdatedAt: at(12)},
		{ID: f.undated, Title: "Rawa next", CreatedAt: at(11), UpdatedAt: at(11)},
	}
	return s
}

// load reads a whole case, failing the test on error.
func load(t testing.TB, k interface {
	app.ArticleStore
	app.SourceStore
	app.SourceEditor
	app.ClaimStore
	app.EventStore
	app.EntityStore
}) *app.Snapshot {
	t.Helper()
	s, err := app.LoadSnapshot(context.Background(), k)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// apply applies a change set and fails the test on error.
func apply(t testing.TB, k app.ChangeApplier, cs *app.ChangeSet) {
	t.Helper()
	if err := k.ApplyChanges(context.Background(), cs); err != nil {
		t.Fatalf("ApplyChanges: %v", err)
	}
}

// A case read whole and applied to an empty case gives the same case:
// ids, timestamps, grade history, anchors, links and provenance included.
func TestApplyChangesRoundTrip(t *testing.T) {
	ctx := context.Background()
	src := newCase(t)
	f := newFixtureIDs()
	apply(t, src, &app.ChangeSet{Put: *fixture(f)})
	// Some history made the ordinary way, with the store's own clock.
	if err := src.GradeSource(ctx, f.space, app.ReliabilityD, "ads everywhere", "ana"); err != nil {
		t.Fatal(err)
	}
	a := article("Pasted", "A pasted note about Rawa and the Hashd.")
	a.Sources = []app.ArticleSource{{Name: "Fort Russ", Role: app.RoleTranslator}}
	mustCreate(t, src, a)
	if _, err := src.MergeEntities(ctx, f.place, f.person); err != nil {
		t.Fatal(err)
	}
	want := load(t, src)
	if len(want.History) != 3 || len(want.Articles) != 3 || len(want.Claims) != 3 || len(want.Entities) != 1 || len(want.Events) != 2 {
		t.Fatalf("fixture case is not what the test expects: %+v", want)
	}

	dst := newCase(t)
	apply(t, dst, &app.ChangeSet{Put: *want})
	if got := load(t, dst); !reflect.DeepEqual(got, want) {
		t.Errorf("applied case differs:\n got %+v\nwant %+v", got, want)
	}
	hits, err := dst.SearchText(ctx, "spokesman", 10)
	if err != nil || len(hits) != 1 || hits[0].ArticleID != f.qaim {
		t.Errorf("full-text search in the applied case = %+v, %v; want the Qaim article", hits, err)
	}
	// Applying the same again changes nothing (history rows are not doubled).
	apply(t, dst, &app.ChangeSet{Put: *want})
	if got := load(t, dst); !reflect.DeepEqual(got, want) {
		t.Errorf("applying twice changed the case:\n got %+v\nwant %+v", got, want)
	}
}

// Putting an article with a new text replaces its full-text index entry,
// and its claims with it.
func TestApplyChangesReplacesText(t *testing.T) {
	ctx := context.Background()
	k := newCase(t)
	f := newFixtureIDs()
	fx := fixture(f)
	apply(t, k, &app.ChangeSet{Put: *fx})

	const text = "Ḥusaybah — The army entered Husaybah at dawn; 2,000 civilians were freed, officials said."
	a := fx.Articles[0]
	a.Text, a.TextHash, a.Excluded = text, "", nil
	a.Sources[1].Evidence = app.Evidence{}
	retook, freed := fx.Claims[0], fx.Claims[1]
	retook.Orphan = true
	freed.Anchor = anchorOf(text, "2,000 civilians")
	apply(t, k, &app.ChangeSet{Put: app.Snapshot{Articles: []app.Article{a}, Claims: []app.Claim{retook, freed}}})

	for q, want := range map[string]int{"dawn": 1, "Rawa": 0, "spokesman": 0} {
		hits, err := k.SearchText(ctx, q, 10)
		if err != nil || len(hits) != want {
			t.Errorf("SearchText(%q) = %d hits (%v), want %d", q, len(hits), err, want)
		}
	}
	got, err := k.Article(ctx, f.qaim)
	if err != nil || got.Text != text || got.TextHash != app.TextHash(text) || got.UpdatedAt != at(5) {
		t.Errorf("article after the change = %+v, %v", got, err)
	}
	c, err := k.Claim(ctx, f.freed)
	if err != nil || c.Anchor != freed.Anchor {
		t.Errorf("claim after the change = %+v, %v; want the new anchor", c, err)
	}
	// A new text the claims that stay do not fit is refused.
	a.Text, a.TextHash = "Something else entirely, no civilians here at all.", ""
	err = k.ApplyChanges(ctx, &app.ChangeSet{Put: app.Snapshot{Articles: []app.Article{a}}})
	wantCode(t, err, app.EInvalid)
}

// Each refused change set leaves the case exactly as it was, index included.
func TestApplyChangesRefusedChangesNothing(t *testing.T) {
	for name, k := range map[string]interface {
		snapshotCase
		app.TextSearcher
	}{"case file": newCase(t), "mock": mock.NewCase("mock.ewcase")} {
		t.Run(name, func(t *testing.T) { refusals(t, k) })
	}
}

func refusals(t *testing.T, k interface {
	snapshotCase
	app.TextSearcher
}) {
	ctx := context.Background()
	f := newFixtureIDs()
	fx := fixture(f)
	apply(t, k, &app.ChangeSet{Put: *fx})
	before := load(t, k)

	newSource := app.Source{ID: app.NewID(), Name: "Reuters"}
	renamed := fx.Articles[1]
	renamed.Title = "Renamed, and must not stay renamed"
	stray := fx.Claims[1]
	stray.ID, stray.ArticleID = app.NewID(), f.unknown
	dupText := fx.Articles[1]
	dupText.ID, dupText.Text, dupText.TextHash = app.NewID(), "  "+strings.ToUpper(qaimText), ""
	badClaim := fx.Claims[1]
	badClaim.Anchor.Exact = "not the words"
	badEvent := fx.Events[1]
	badEvent.Claims = []app.EventClaim{{ClaimID: f.unknown, Stance: app.StanceSupports}}
	aliasTaken := app.Entity{ID: app.NewID(), Kind: app.EntityPlace, Name: "Qa'im", Aliases: []app.Alias{{Name: "qaim"}}}
	nameTaken := app.Source{ID: app.NewID(), Name: "agence france-presse"}
	cases := map[string]struct {
		cs   app.ChangeSet
		code app.Code
	}{
		"claim on an article not in the case":   {app.ChangeSet{Put: app.Snapshot{Sources: []app.Source{newSource}, Articles: []app.Article{renamed}, Claims: []app.Claim{stray}}}, app.ENotFound},
		"event linking a claim not in the case": {app.ChangeSet{Put: app.Snapshot{Articles: []app.Article{renamed}, Events: []app.Event{badEvent}}}, app.ENotFound},
		"history of a source not in the case": {app.ChangeSet{Put: app.Snapshot{Sources: []app.Source{newSource},
			History: []app.GradeChange{{SourceID: f.unknown, Reliability: app.ReliabilityA, At: at(1)}}}}, app.ENotFound},
		"same text as another article":     {app.ChangeSet{Put: app.Snapshot{Sources: []app.Source{newSource}, Articles: []app.Article{dupText}}}, app.EConflict},
		"quote not the article's words":    {app.ChangeSet{Put: app.Snapshot{Articles: []app.Article{renamed}, Claims: []app.Claim{badClaim}}}, app.EInvalid},
		"alias another entity has":         {app.ChangeSet{Put: app.Snapshot{Articles: []app.Article{renamed}, Entities: []app.Entity{aliasTaken}}}, app.EConflict},
		"name another source has as alias": {app.ChangeSet{Put: app.Snapshot{Articles: []app.Article{renamed}, Sources: []app.Source{nameTaken}}}, app.EConflict},
		"invalid source":                   {app.ChangeSet{Put: app.Snapshot{Sources: []app.Source{{ID: app.NewID(), Name: " "}}}}, app.EInvalid},
		"item without an id":               {app.ChangeSet{Put: app.Snapshot{Events: []app.Event{{Title: "no id"}}}}, app.EInvalid},
		"delete a source still used":       {app.ChangeSet{Put: app.Snapshot{Articles: []app.Article{renamed}}, Delete: app.SnapshotDeletes{Sources: []app.ID{f.afp}}}, app.EConflict},
		"delete a claim an event links":    {app.ChangeSet{Put: app.Snapshot{Articles: []app.Article{renamed}}, Delete: app.SnapshotDeletes{Claims: []app.ID{f.freed}}}, app.EConflict},
		"delete a claim an alias was seen in": {app.ChangeSet{Put: app.Snapshot{Articles: []app.Article{renamed}},
			Delete: app.SnapshotDeletes{Events: []app.ID{f.falls}, Claims: []app.ID{f.retook}}}, app.EConflict},
		"delete an article with claims":     {app.ChangeSet{Delete: app.SnapshotDeletes{Events: []app.ID{f.undated}, Articles: []app.ID{f.abadiArt}}}, app.EConflict},
		"delete an entity a claim links":    {app.ChangeSet{Delete: app.SnapshotDeletes{Events: []app.ID{f.undated}, Entities: []app.ID{f.person}}}, app.EConflict},
		"delete an event not in the case":   {app.ChangeSet{Delete: app.SnapshotDeletes{Events: []app.ID{f.undated, f.unknown}}}, app.ENotFound},
		"delete a grade change not in case": {app.ChangeSet{Delete: app.SnapshotDeletes{History: []app.GradeChange{{SourceID: f.afp, Reliability: app.ReliabilityA, At: at(2)}}}}, app.ENotFound},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			err := k.ApplyChanges(ctx, &tc.cs)
			wantCode(t, err, tc.code)
			if !strings.HasPrefix(strings.ToLower(app.ErrorMessage(err)), "nothing was changed") {
				t.Errorf("message %q does not say that nothing was changed", app.ErrorMessage(err))
			}
			if got := load(t, k); !reflect.DeepEqual(got, before) {
				t.Errorf("the case changed:\n got %+v\nwant %+v", got, before)
			}
			if hits, err := k.SearchText(ctx, "renamed", 10); err != nil || len(hits) != 0 {
				t.Errorf("the index changed: %+v, %v", hits, err)
			}
		})
	}
}

// Sources may trade names and articles texts within one change set.
func TestApplyChangesTrades(t *testing.T) {
	ctx := context.Background()
	k := newCase(t)
	f := newFixtureIDs()
	fx := fixture(f)
	apply(t, k, &app.ChangeSet{Put: *fx})
	afp, space := fx.Sources[0], fx.Sources[2]
	afp.Name, afp.Aliases, space.Name = "SpaceDaily", nil, "AFP"
	qaim, abadi := fx.Articles[0], fx.Articles[1]
	qaim.Text, abadi.Text, qaim.TextHash, abadi.TextHash = abadi.Text, qaim.Text, "", ""
	qaim.Excluded, qaim.Sources[1].Evidence = nil, app.Evidence{}
	var claims []app.Claim
	for _, c := range fx.Claims {
		c.ArticleID = map[app.ID]app.ID{f.qaim: f.abadiArt, f.abadiArt: f.qaim}[c.ArticleID]
		claims = append(claims, c)
	}
	place := fx.Entities[0]
	place.Aliases = []app.Alias{{Name: "Al-Qāʾim", ArticleID: f.abadiArt}, {Name: "Qaim", ClaimID: f.retook, ByAnalyst: true}}
	apply(t, k, &app.ChangeSet{Put: app.Snapshot{Sources: []app.Source{afp, space}, Articles: []app.Article{qaim, abadi},
		Claims: claims, Entities: []app.Entity{place}}})
	got, err := k.ResolveSource(ctx, "afp")
	if err != nil || got.ID != f.space {
		t.Errorf("ResolveSource(afp) = %+v, %v; want the source that was SpaceDaily", got, err)
	}
	hits, err := k.SearchText(ctx, "thursday", 10)
	if err != nil || len(hits) != 1 || hits[0].ArticleID != f.qaim {
		t.Errorf("SearchText(thursday) = %+v, %v; want the article that took the text", hits, err)
	}
}

// A merge of another analyst's case applies to a case file in one
// transaction, and its inverse gives the case back exactly.
func TestApplyMergeAndItsInverse(t *testing.T) {
	ctx := context.Background()
	f := newFixtureIDs()
	k := newCase(t)
	apply(t, k, &app.ChangeSet{Put: *fixture(f)})
	ours := load(t, k)

	theirs := load(t, k)
	theirs.Sources[0].Reliability = app.ReliabilityA
	theirs.History = append(theirs.History, app.GradeChange{SourceID: f.afp, Reliability: app.ReliabilityA, By: "ben", At: at(30)})
	kamal := app.Article{ID: app.NewID(), Text: "Albu Kamal was taken, state media said.", ImportedAt: at(30), UpdatedAt: at(30),
		Sources: []app.ArticleSource{{SourceID: f.space, Role: app.RolePublisher}}}
	taken := app.Claim{ID: app.NewID(), ArticleID: kamal.ID, Anchor: anchorOf(kamal.Text, "Albu Kamal was taken"),
		EntityIDs: []app.ID{f.person}, CreatedAt: at(30), UpdatedAt: at(30)}
	theirs.Articles = append(theirs.Articles, kamal)
	theirs.Claims = append(theirs.Claims, taken)
	theirs.Events[0].Claims = append(theirs.Events[0].Claims, app.EventClaim{ClaimID: taken.ID, Stance: app.StanceContradicts})
	theirs.Events[0].Claims[0].Stance = app.StanceSupports
	theirs.Entities[1].Aliases = []app.Alias{{Name: "Abadi", ClaimID: taken.ID, ArticleID: kamal.ID}}

	p := merge.NewPlan(ours, theirs)
	if len(p.Differences) != 2 || len(p.Added) != 2 || p.HistoryAdded != 1 || p.LinksAdded != 2 {
		t.Fatalf("plan = %s%+v", p.Summary(), p.Differences)
	}
	for _, choice := range []merge.Choice{merge.Ours, merge.Theirs} {
		cs, err := p.ChangeSet(p.TakeAll(choice))
		if err != nil {
			t.Fatal(err)
		}
		apply(t, k, cs)
		if hits, err := k.SearchText(ctx, "albu kamal", 10); err != nil || len(hits) != 1 {
			t.Errorf("their article is not searchable after the merge: %+v, %v", hits, err)
		}
		apply(t, k, merge.Inverse(ours, cs))
		if got := load(t, k); !reflect.DeepEqual(got, ours) {
			t.Errorf("taking %v, the inverse does not give the case back:\n got %+v\nwant %+v", choice, got, ours)
		}
		if hits, err := k.SearchText(ctx, "albu kamal", 10); err != nil || len(hits) != 0 {
			t.Errorf("their article is still searchable after the undo: %+v, %v", hits, err)
		}
	}
}
