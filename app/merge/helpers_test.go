package merge_test

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/mock"
)

// Article texts of the fixture cases.
const (
	textQaim = "Ḥusaybah, Iraq — Iraqi forces retook Al-Qāʾim on Friday, a spokesman said. " +
		"About 1,500 civilians were freed. The Hashd moved towards Rawa."
	textFlag = "Baghdad — Prime Minister Haider al-Abadi raised the flag over Al-Qaim on Thursday. " +
		"Officials said 95 percent of the district was retaken."
	textKamal = "Damascus — Syrian troops took Albu Kamal, state media said on Sunday. Hundreds of fighters fled."
)

// ids of the fixture's items.
var (
	idAFP, idSpace             = app.NewID(), app.NewID()
	idQaim, idFlag             = app.NewID(), app.NewID()
	idPlace                    = app.NewID()
	idRetook, idFreed, idRaise = app.NewID(), app.NewID(), app.NewID()
	idFalls, idRawa            = app.NewID(), app.NewID()
)

// at is minute m of 6 November 2017.
func at(m int) time.Time { return time.Date(2017, time.November, 6, 10, m, 0, 0, time.UTC) }

// anchorOf anchors the first occurrence of quote in text.
func anchorOf(t testing.TB, text, quote string) app.Anchor {
	t.Helper()
	i := strings.Index(text, quote)
	if i < 0 {
		t.Fatalf("%q is not in the text", quote)
	}
	start := utf8.RuneCountInString(text[:i])
	a, err := app.NewAnchor(text, app.Span{Start: start, End: start + utf8.RuneCountInString(quote)})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// base is our case: two sources (one graded twice), two articles, an
// entity with aliases, three claims and two events.
func base(t testing.TB) *app.Snapshot {
	nov := func(d int) app.Date { return app.Date{Year: 2017, Month: time.November, Day: d} }
	s := &app.Snapshot{
		Sources: []app.Source{
			{ID: idAFP, Name: "AFP", Kind: app.KindAgency, Aliases: []string{"Agence France-Presse"},
				Reliability: app.ReliabilityB, ReliabilityNote: "track record", CreatedAt: at(1), UpdatedAt: at(2)},
			{ID: idSpace, Name: "SpaceDaily", Kind: app.KindOutlet, CreatedAt: at(1), UpdatedAt: at(1)},
		},
		History: []app.GradeChange{
			{SourceID: idAFP, Reliability: app.ReliabilityC, Note: "first look", By: "ana", At: at(1)},
			{SourceID: idAFP, Reliability: app.ReliabilityB, Note: "track record", By: "ana", At: at(2)},
		},
	}
	qaim := app.Article{ID: idQaim, Text: textQaim, Format: app.FormatHTML, ImportedAt: at(3), UpdatedAt: at(3),
		Sources: []app.ArticleSource{{SourceID: idSpace, Role: app.RolePublisher, Confirmed: true}, {SourceID: idAFP, Role: app.RoleOrigin}}}
	qaim.Title, qaim.Published = "Iraqi forces retake Al-Qaim", app.PubDate{Date: nov(4)}
	flag := app.Article{ID: idFlag, Text: textFlag, Format: app.FormatText, ImportedAt: at(4), UpdatedAt: at(4),
		Sources: []app.ArticleSource{{SourceID: idAFP, Role: app.RolePublisher}}}
	flag.Title = "Abadi raises the flag"
	s.Articles = []app.Article{qaim, flag}
	s.Entities = []app.Entity{{ID: idPlace, Kind: app.EntityPlace, Name: "Al-Qaim", CreatedAt: at(5), UpdatedAt: at(5),
		Aliases: []app.Alias{{Name: "Al-Qāʾim", ArticleID: idQaim}}}}
	when := app.DayWhen(nov(3))
	s.Claims = []app.Claim{
		{ID: idRetook, ArticleID: idQaim, Anchor: anchorOf(t, textQaim, "retook Al-Qāʾim on Friday"), Statement: "Al-Qaim retaken",
			Credibility: app.Credibility2, EntityIDs: []app.ID{idPlace}, When: &when, CreatedBy: "ana", CreatedAt: at(6), UpdatedAt: at(6)},
		{ID: idFreed, ArticleID: idQaim, Anchor: anchorOf(t, textQaim, "1,500 civilians"), Statement: "1,500 freed",
			Quantity: &app.Quantity{Value: 1500, Unit: "civilians"}, CreatedAt: at(6), UpdatedAt: at(6)},
		{ID: idRaise, ArticleID: idFlag, Anchor: anchorOf(t, textFlag, "raised the flag"), AttributedTo: idAFP,
			Tags: []string{"ceremony"}, CreatedAt: at(7), UpdatedAt: at(7)},
	}
	s.Events = []app.Event{
		{ID: idFalls, Title: "Al-Qaim falls", When: app.DayWhen(nov(3)),
			Claims: []app.EventClaim{{ClaimID: idRetook, Stance: app.StanceSupports}}, CreatedAt: at(8), UpdatedAt: at(8)},
		{ID: idRawa, Title: "Advance on Rawa", CreatedAt: at(8), UpdatedAt: at(8)},
	}
	return s
}

// caseWith is an in-memory case holding s.
func caseWith(t testing.TB, s *app.Snapshot) *mock.Case {
	t.Helper()
	k := mock.NewCase("test.ewcase")
	if err := k.ApplyChanges(context.Background(), &app.ChangeSet{Put: *s}); err != nil {
		t.Fatalf("build case: %v", err)
	}
	return k
}

// load reads a whole case.
func load(t testing.TB, k *mock.Case) *app.Snapshot {
	t.Helper()
	s, err := app.LoadSnapshot(context.Background(), k)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Sources) == 0 {
		s.Sources = nil
	}
	return s
}

// copyOf is a deep copy of a case's snapshot, as a store would read it.
func copyOf(t testing.TB, s *app.Snapshot) *app.Snapshot {
	t.Helper()
	return load(t, caseWith(t, s))
}

// applyTo applies cs to k, failing the test on error.
func applyTo(t testing.TB, k *mock.Case, cs *app.ChangeSet) {
	t.Helper()
	if err := k.ApplyChanges(context.Background(), cs); err != nil {
		t.Fatalf("ApplyChanges: %v", err)
	}
}

// claimOf finds a claim in a snapshot.
func claimOf(s *app.Snapshot, id app.ID) *app.Claim {
	for i := range s.Claims {
		if s.Claims[i].ID == id {
			return &s.Claims[i]
		}
	}
	return nil
}

// eventOf finds an event in a snapshot.
func eventOf(s *app.Snapshot, id app.ID) *app.Event {
	for i := range s.Events {
		if s.Events[i].ID == id {
			return &s.Events[i]
		}
	}
	return nil
}
