package storage

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/evidence-workbench/workbench/app"
)

// A case written by the build before grade histories (format 2) keeps every
// source, link, article and claim when it is upgraded, and each source
// graded then starts its history with that grade.
func TestUpgradeFromFormat2KeepsEverything(t *testing.T) {
	ctx := context.Background()
	current, err := embeddedMigrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(current) < 3 {
		t.Fatalf("only %d migrations", len(current))
	}
	path := filepath.Join(t.TempDir(), "v2.ewcase")
	s, err := open(path, Options{Create: true}, current[:2])
	if err != nil {
		t.Fatal(err)
	}
	// Format 2 could grade a source only as it was created; write the grade
	// the way that build stored it.
	afp := &app.Source{Name: "AFP", Kind: app.KindAgency, Aliases: []string{"Agence France-Presse"}}
	if err := s.CreateSource(ctx, afp); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("UPDATE sources SET reliability = 'B', reliability_note = 'wire service' WHERE id = ?", afp.ID); err != nil {
		t.Fatal(err)
	}
	a := &app.Article{Text: "Husaybah (AFP) - Iraqi forces retook the town, a spokesman said.", Format: app.FormatText}
	a.Title = "Husaybah retaken"
	a.Sources = []app.ArticleSource{{Name: "SpaceDaily", Role: app.RolePublisher}, {Name: "afp", Role: app.RoleOrigin, Confirmed: true}}
	if err := s.CreateArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	spox, err := s.EnsureSource(ctx, "Coalition spokesman", app.KindSpokesperson)
	if err != nil {
		t.Fatal(err)
	}
	anchor, err := app.NewAnchor(a.Text, app.Span{Start: 17, End: 29})
	if err != nil {
		t.Fatal(err)
	}
	c := &app.Claim{ArticleID: a.ID, Anchor: anchor, Statement: "Iraqi forces retook Husaybah", AttributedTo: spox, Credibility: app.Credibility2}
	if err := s.CreateClaim(ctx, c); err != nil {
		t.Fatal(err)
	}
	sources, err := s.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	article, err := s.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	claims := oldBuildClaims(t, s)
	s.Close()

	s, err = open(path, Options{}, current)
	if err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	defer s.Close()
	if v := userVersionOf(t, s); v != len(current) {
		t.Errorf("user_version = %d, want %d", v, len(current))
	}
	if _, err := os.Stat(path + ".v2.bak"); err != nil {
		t.Errorf("no backup of the format 2 case: %v", err)
	}
	if got, err := s.Sources(ctx); err != nil || !reflect.DeepEqual(got, sources) {
		t.Errorf("sources after upgrade = %+v, %v\nwant %+v", got, err, sources)
	}
	if got, err := s.Article(ctx, a.ID); err != nil || !reflect.DeepEqual(got, article) {
		t.Errorf("article after upgrade = %+v, %v\nwant %+v", got, err, article)
	}
	if got, err := s.Claims(ctx, app.ClaimFilter{}); err != nil || !reflect.DeepEqual(got, claims) {
		t.Errorf("claims after upgrade = %+v, %v\nwant %+v", got, err, claims)
	}
	var graded app.Source
	for _, src := range sources {
		if src.ID == afp.ID {
			graded = src
		}
	}
	hist, err := s.SourceHistory(ctx, afp.ID)
	want := []app.GradeChange{{SourceID: afp.ID, Reliability: app.ReliabilityB, Note: "wire service", At: graded.UpdatedAt}}
	if err != nil || !reflect.DeepEqual(hist, want) {
		t.Errorf("history of the graded source = %+v, %v\nwant %+v", hist, err, want)
	}
	if hist, err := s.SourceHistory(ctx, spox); err != nil || len(hist) != 0 {
		t.Errorf("history of an ungraded source = %+v, %v", hist, err)
	}
	// And the upgraded case takes new grades.
	if err := s.GradeSource(ctx, afp.ID, app.ReliabilityA, "confirmed", "Lina"); err != nil {
		t.Fatal(err)
	}
	if hist, err := s.SourceHistory(ctx, afp.ID); err != nil || len(hist) != 2 || hist[1].By != "Lina" {
		t.Errorf("history after grading = %+v, %v", hist, err)
	}
	list, err := s.Articles(ctx)
	if err != nil || len(list) != 1 || list[0].OriginID != afp.ID || list[0].Reliability != app.ReliabilityA {
		t.Errorf("library after upgrade = %+v, %v", list, err)
	}
}
