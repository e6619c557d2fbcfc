package storage_test

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/storage"
)

// mustSource creates a source and fails the test on error.
func mustSource(t testing.TB, s *storage.Store, src app.Source) *app.Source {
	t.Helper()
	if err := s.CreateSource(context.Background(), &src); err != nil {
		t.Fatalf("CreateSource(%q): %v", src.Name, err)
	}
	return &src
}

// mustGrade grades a source and fails the test on error.
func mustGrade(t testing.TB, s *storage.Store, id app.ID, r app.Reliability, note, by string) {
	t.Helper()
	if err := s.GradeSource(context.Background(), id, r, note, by); err != nil {
		t.Fatalf("GradeSource(%s, %q): %v", id, r, err)
	}
}

func TestGradeSourceHistory(t *testing.T) {
	ctx := context.Background()
	s := newCase(t)
	afp := mustSource(t, s, app.Source{Name: "AFP", Reliability: app.ReliabilityB, ReliabilityNote: "wire service"})
	other := mustSource(t, s, app.Source{Name: "Fort Russ"})

	mustGrade(t, s, afp.ID, app.ReliabilityA, "  confirmed by three independent reports ", "Lina")
	mustGrade(t, s, afp.ID, app.ReliabilityUngraded, "grade withdrawn pending review", "Omar")
	mustGrade(t, s, other.ID, app.ReliabilityE, "fabricated quotes before", "Lina")

	got, err := s.Source(ctx, afp.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Reliability != app.ReliabilityUngraded || got.ReliabilityNote != "grade withdrawn pending review" || !got.UpdatedAt.After(afp.UpdatedAt) {
		t.Errorf("source after grading: %+v", got)
	}
	hist, err := s.SourceHistory(ctx, afp.ID)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		r        app.Reliability
		note, by string
	}
	var rows []row
	for i, g := range hist {
		rows = append(rows, row{g.Reliability, g.Note, g.By})
		if g.SourceID != afp.ID {
			t.Errorf("history row %d belongs to %s", i, g.SourceID)
		}
		if i > 0 && g.At.Before(hist[i-1].At) {
			t.Errorf("history not oldest first: %v before %v", hist[i-1].At, g.At)
		}
	}
	want := []row{
		{app.ReliabilityB, "wire service", ""}, // the grade it was created with
		{app.ReliabilityA, "confirmed by three independent reports", "Lina"},
		{app.ReliabilityUngraded, "grade withdrawn pending review", "Omar"},
	}
	if !slices.Equal(rows, want) {
		t.Errorf("history = %+v\nwant %+v", rows, want)
	}
	if !hist[0].At.Equal(afp.CreatedAt) || !hist[2].At.Equal(got.UpdatedAt) {
		t.Errorf("history times %v, %v; source created %v, updated %v", hist[0].At, hist[2].At, afp.CreatedAt, got.UpdatedAt)
	}
	if h, err := s.SourceHistory(ctx, other.ID); err != nil || len(h) != 1 || h[0].Reliability != app.ReliabilityE {
		t.Errorf("other source's history = %+v, %v", h, err)
	}

	refused := map[string]struct {
		id   app.ID
		r    app.Reliability
		note string
		code app.Code
	}{
		"unknown grade":    {afp.ID, "G", "", app.EInvalid},
		"lower case grade": {afp.ID, "a", "", app.EInvalid},
		"two letters":      {afp.ID, "AB", "", app.EInvalid},
		"bad UTF-8 note":   {afp.ID, app.ReliabilityC, "\xff", app.EInvalid},
		"unknown source":   {app.NewID(), app.ReliabilityC, "", app.ENotFound},
	}
	for name, tc := range refused {
		t.Run(name, func(t *testing.T) {
			wantCode(t, s.GradeSource(ctx, tc.id, tc.r, tc.note, "x"), tc.code)
		})
	}
	if again, err := s.SourceHistory(ctx, afp.ID); err != nil || !reflect.DeepEqual(again, hist) {
		t.Errorf("refused grades changed the history: %+v, %v", again, err)
	}
	_, err = s.SourceHistory(ctx, app.NewID())
	wantCode(t, err, app.ENotFound)
}

func TestUpdateSource(t *testing.T) {
	ctx := context.Background()
	s := newCase(t)
	afp := mustSource(t, s, app.Source{Name: "AFP", Aliases: []string{"A.F.P."}, Reliability: app.ReliabilityB, ReliabilityNote: "wire"})
	mustSource(t, s, app.Source{Name: "Reuters", Aliases: []string{"Thomson Reuters"}})
	a := article("Relay", "A relayed dispatch about Al-Qaim.")
	a.Sources = []app.ArticleSource{{SourceID: afp.ID, Role: app.RoleOrigin}}
	mustCreate(t, s, a)

	refused := map[string]struct {
		edit    func(src *app.Source)
		code    app.Code
		mention string
	}{
		"name of another":       {func(x *app.Source) { x.Name = "reuters" }, app.EConflict, "Reuters"},
		"alias of another":      {func(x *app.Source) { x.Name = "THOMSON  reuters" }, app.EConflict, "Reuters"},
		"alias names another":   {func(x *app.Source) { x.Aliases = []string{"A.F.P.", "Reuters"} }, app.EConflict, "alias"},
		"alias another's alias": {func(x *app.Source) { x.Aliases = []string{"thomson reuters"} }, app.EConflict, "Reuters"},
		"empty name":            {func(x *app.Source) { x.Name = " " }, app.EInvalid, "name"},
		"unknown kind":          {func(x *app.Source) { x.Kind = "wire" }, app.EInvalid, "wire"},
		"bad UTF-8 homepage":    {func(x *app.Source) { x.Homepage = "\xff" }, app.EInvalid, "homepage"},
		"unknown source":        {func(x *app.Source) { x.ID = app.NewID() }, app.ENotFound, "source"},
		"malformed id":          {func(x *app.Source) { x.ID = "afp" }, app.EInvalid, "id"},
	}
	for name, tc := range refused {
		t.Run(name, func(t *testing.T) {
			src := *afp
			src.Aliases = slices.Clone(afp.Aliases)
			tc.edit(&src)
			err := s.UpdateSource(ctx, &src)
			wantCode(t, err, tc.code)
			if !strings.Contains(app.ErrorMessage(err), tc.mention) {
				t.Errorf("message %q does not mention %q", app.ErrorMessage(err), tc.mention)
			}
		})
	}
	if got, err := s.Source(ctx, afp.ID); err != nil || !reflect.DeepEqual(got, afp) {
		t.Fatalf("refused updates changed the source: %+v, %v", got, err)
	}

	// Renamed to its full name; the old name becomes an alias, the old
	// alias is dropped, repeats go, and the grade cannot change here.
	edit := app.Source{
		ID: afp.ID, Name: " Agence  France-Presse ", Kind: app.KindAgency, Homepage: "https://www.afp.com",
		Notes: "French news agency", Aliases: []string{"AFP", "afp", "agence france-presse"},
		Reliability: app.ReliabilityF, ReliabilityNote: "sneaked in",
	}
	if err := s.UpdateSource(ctx, &edit); err != nil {
		t.Fatal(err)
	}
	want := *afp
	want.Name, want.Kind, want.Homepage, want.Notes = "Agence France-Presse", app.KindAgency, "https://www.afp.com", "French news agency"
	want.Aliases, want.UpdatedAt = []string{"AFP"}, edit.UpdatedAt
	if !reflect.DeepEqual(edit, want) || !edit.UpdatedAt.After(afp.UpdatedAt) {
		t.Errorf("UpdateSource gave back\n%+v\nwant\n%+v", edit, want)
	}
	if got, err := s.Source(ctx, afp.ID); err != nil || !reflect.DeepEqual(*got, want) {
		t.Errorf("Source() = %+v, %v\nwant %+v", got, err, want)
	}
	if got, err := s.Article(ctx, a.ID); err != nil || got.Sources[0].Name != "Agence France-Presse" {
		t.Errorf("article link after rename: %+v, %v", got, err)
	}
	// The freed alias can name another source now; the new alias cannot.
	mustSource(t, s, app.Source{Name: "A.F.P."})
	err := s.CreateSource(ctx, &app.Source{Name: "afp"})
	wantCode(t, err, app.EConflict)
}

func TestSourceUsageAndDelete(t *testing.T) {
	ctx := context.Background()
	s := newCase(t)
	afp := mustSource(t, s, app.Source{Name: "AFP", Aliases: []string{"Agence France-Presse"}})
	spox := mustSource(t, s, app.Source{Name: "Coalition spokesman", Reliability: app.ReliabilityC})
	unused := mustSource(t, s, app.Source{Name: "Unused outlet", Aliases: []string{"UO"}, Reliability: app.ReliabilityD})

	a1 := article("One", "Iraqi forces retook the border town on Friday, a spokesman said.")
	a1.Sources = []app.ArticleSource{{Name: "SpaceDaily", Role: app.RolePublisher}, {SourceID: afp.ID, Role: app.RoleOrigin}}
	mustCreate(t, s, a1)
	a2 := article("Two", "The agency's own site reported the offensive.")
	a2.Sources = []app.ArticleSource{{SourceID: afp.ID, Role: app.RolePublisher}, {SourceID: afp.ID, Role: app.RoleOrigin}}
	mustCreate(t, s, a2)
	for _, span := range []app.Span{{Start: 0, End: 12}, {Start: 13, End: 19}} {
		claimBy(t, s, a1, span, spox.ID)
	}
	claimBy(t, s, a2, app.Span{Start: 0, End: 3}, spox.ID)
	claimBy(t, s, a2, app.Span{Start: 4, End: 10}, "")

	usage, err := s.SourceUsage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[app.ID]app.SourceUsage{
		afp.ID:                 {Articles: 2}, // a2 links it twice: one article
		a1.Sources[0].SourceID: {Articles: 1},
		spox.ID:                {Claims: 3},
		unused.ID:              {},
	}
	if !reflect.DeepEqual(usage, want) {
		t.Errorf("SourceUsage = %+v\nwant %+v", usage, want)
	}

	refused := map[string]struct {
		id      app.ID
		code    app.Code
		mention string
	}{
		"linked by articles": {afp.ID, app.EConflict, "AFP” is still used by 2 articles and 0 claims; merge"},
		"attributed claims":  {spox.ID, app.EConflict, "used by 0 articles and 3 claims"},
		"unknown":            {app.NewID(), app.ENotFound, "No source"},
	}
	for name, tc := range refused {
		t.Run(name, func(t *testing.T) {
			err := s.DeleteSource(ctx, tc.id)
			wantCode(t, err, tc.code)
			if !strings.Contains(app.ErrorMessage(err), tc.mention) {
				t.Errorf("message %q does not say %q", app.ErrorMessage(err), tc.mention)
			}
		})
	}

	if err := s.DeleteSource(ctx, unused.ID); err != nil {
		t.Fatal(err)
	}
	_, err = s.Source(ctx, unused.ID)
	wantCode(t, err, app.ENotFound)
	_, err = s.SourceHistory(ctx, unused.ID)
	wantCode(t, err, app.ENotFound)
	wantCode(t, s.DeleteSource(ctx, unused.ID), app.ENotFound)
	// Its grade history went with it (the foreign key would refuse the
	// delete otherwise), and its name and alias are free again.
	again := mustSource(t, s, app.Source{Name: "UO", Aliases: []string{"unused outlet"}})
	if h, err := s.SourceHistory(ctx, again.ID); err != nil || len(h) != 0 {
		t.Errorf("history of the new source = %+v, %v", h, err)
	}
	if list, err := s.Sources(ctx); err != nil || len(list) != 4 {
		t.Errorf("Sources() after delete = %d sources, %v", len(list), err)
	}
}

// claimBy stores a claim on span of a, attributed to src ("" = none).
func claimBy(t testing.TB, s *storage.Store, a *app.Article, span app.Span, src app.ID) *app.Claim {
	t.Helper()
	anchor, err := app.NewAnchor(a.Text, span)
	if err != nil {
		t.Fatal(err)
	}
	c := &app.Claim{ArticleID: a.ID, Anchor: anchor, Statement: "claim " + anchor.Exact, AttributedTo: src, CreatedBy: "test"}
	if err := s.CreateClaim(context.Background(), c); err != nil {
		t.Fatalf("CreateClaim: %v", err)
	}
	return c
}
