package storage_test

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/evidence-workbench/workbench/app"
)

func TestSourcesFoundOrCreated(t *testing.T) {
	ctx := context.Background()
	s := newCase(t)
	afp := &app.Source{Name: "AFP", Kind: app.KindAgency, Aliases: []string{"Agence France-Presse", "agence france-presse", "AFP"}, Reliability: app.ReliabilityB}
	if err := s.CreateSource(ctx, afp); err != nil {
		t.Fatal(err)
	}
	if !afp.ID.Valid() || !slices.Equal(afp.Aliases, []string{"Agence France-Presse"}) {
		t.Fatalf("created source: %+v", afp)
	}

	// Each article names its sources its own way.
	names := map[string]string{
		"by name":           "AFP",
		"by name, any case": "afp",
		"by alias":          "Agence France-Presse",
		"alias, odd case":   "AGENCE  france-PRESSE ",
	}
	for label, name := range names {
		t.Run(label, func(t *testing.T) {
			a := article(label, "Text of the article "+label+".")
			a.Sources = []app.ArticleSource{{Name: name, Role: app.RoleOrigin}, {Name: "SpaceDaily", Role: app.RolePublisher}}
			mustCreate(t, s, a)
			if a.Sources[0].SourceID != afp.ID || a.Sources[0].Name != "AFP" {
				t.Errorf("%q linked to %+v, want AFP %s", name, a.Sources[0], afp.ID)
			}
		})
	}

	// A new name makes one new source, reused after that whatever its case.
	a := article("x", "Text naming a new outlet.")
	a.Sources = []app.ArticleSource{{Name: "Fort Russ News", Role: app.RolePublisher}}
	mustCreate(t, s, a)
	b := article("y", "Another text from that outlet.")
	b.Sources = []app.ArticleSource{{Name: "fort russ news", Role: app.RolePublisher}}
	mustCreate(t, s, b)
	if a.Sources[0].SourceID == "" || b.Sources[0].SourceID != a.Sources[0].SourceID || b.Sources[0].Name != "Fort Russ News" {
		t.Errorf("new source not reused: %+v then %+v", a.Sources[0], b.Sources[0])
	}

	list, err := s.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, src := range list {
		got = append(got, src.Name)
	}
	if want := []string{"AFP", "Fort Russ News", "SpaceDaily"}; !slices.Equal(got, want) {
		t.Errorf("Sources() = %q, want %q", got, want)
	}
	if list[0].Kind != app.KindAgency || list[0].Reliability != app.ReliabilityB || !slices.Equal(list[0].Aliases, afp.Aliases) {
		t.Errorf("AFP as listed: %+v", list[0])
	}
	if list[1].Kind != "" || list[1].Reliability != app.ReliabilityUngraded {
		t.Errorf("a source made on import has a kind or grade: %+v", list[1])
	}

	one, err := s.Source(ctx, afp.ID)
	if err != nil || !reflect.DeepEqual(*one, *afp) {
		t.Errorf("Source() = %+v, %v\nwant %+v", one, err, afp)
	}
	_, err = s.Source(ctx, app.NewID())
	wantCode(t, err, app.ENotFound)
}

func TestCreateSourceRefuses(t *testing.T) {
	ctx := context.Background()
	s := newCase(t)
	if err := s.CreateSource(ctx, &app.Source{Name: "Reuters", Aliases: []string{"Thomson Reuters"}}); err != nil {
		t.Fatal(err)
	}
	tests := map[string]struct {
		src  app.Source
		code app.Code
	}{
		"same name, other case": {app.Source{Name: "REUTERS"}, app.EConflict},
		"name is an alias":      {app.Source{Name: "thomson reuters"}, app.EConflict},
		"alias is a name":       {app.Source{Name: "Reuters Agency", Aliases: []string{"reuters"}}, app.EConflict},
		"no name":               {app.Source{Name: "  "}, app.EInvalid},
		"unknown kind":          {app.Source{Name: "X", Kind: "wire"}, app.EInvalid},
		"bad grade":             {app.Source{Name: "X", Reliability: "G"}, app.EInvalid},
		"bad UTF-8":             {app.Source{Name: "X\xff"}, app.EInvalid},
		"bad UTF-8 alias":       {app.Source{Name: "X", Aliases: []string{"\xff"}}, app.EInvalid},
		"malformed id":          {app.Source{ID: "not-an-id", Name: "X"}, app.EInvalid},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			src := tc.src
			wantCode(t, s.CreateSource(ctx, &src), tc.code)
		})
	}
	if list, err := s.Sources(ctx); err != nil || len(list) != 1 {
		t.Errorf("Sources() after refusals = %+v, %v", list, err)
	}
}
