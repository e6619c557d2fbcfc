package storage_test

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/storage"
)

// caseState is everything a merge may touch, read through the public API.
type caseState struct {
	Sources   []app.Source
	Articles  []app.Article
	Summaries []app.ArticleSummary
	Claims    []app.Claim
	History   map[app.ID][]app.GradeChange
	Usage     map[app.ID]app.SourceUsage
}

func readState(t *testing.T, s *storage.Store) caseState {
	t.Helper()
	ctx := context.Background()
	var st caseState
	var err error
	if st.Sources, err = s.Sources(ctx); err != nil {
		t.Fatal(err)
	}
	if st.Summaries, err = s.Articles(ctx); err != nil {
		t.Fatal(err)
	}
	for _, sum := range st.Summaries {
		a, err := s.Article(ctx, sum.ID)
		if err != nil {
			t.Fatal(err)
		}
		st.Articles = append(st.Articles, *a)
	}
	if st.Claims, err = s.Claims(ctx, app.ClaimFilter{}); err != nil {
		t.Fatal(err)
	}
	st.History = map[app.ID][]app.GradeChange{}
	for _, src := range st.Sources {
		if st.History[src.ID], err = s.SourceHistory(ctx, src.ID); err != nil {
			t.Fatal(err)
		}
	}
	if st.Usage, err = s.SourceUsage(ctx); err != nil {
		t.Fatal(err)
	}
	return st
}

// mergeCase holds two sources that are one (AFP under two spellings), with
// links, attributions and histories of their own.
type mergeCase struct {
	s                          *storage.Store
	keep, drop, daily          *app.Source
	shared, moved, mixed, both *app.Article // see newMergeCase
	claims                     map[string]*app.Claim
}

func newMergeCase(t *testing.T) *mergeCase {
	t.Helper()
	s := newCase(t)
	m := &mergeCase{s: s, claims: map[string]*app.Claim{}}
	m.keep = mustSource(t, s, app.Source{Name: "AFP", Kind: app.KindAgency, Aliases: []string{"Agence France-Presse"}})
	m.drop = mustSource(t, s, app.Source{Name: "A.F.P.", Homepage: "https://afp.example", Notes: "typed by hand",
		Aliases: []string{"France Presse", "AFP news agency"}, Reliability: app.ReliabilityC, ReliabilityNote: "first look"})
	m.daily = mustSource(t, s, app.Source{Name: "SpaceDaily", Reliability: app.ReliabilityD})
	mustGrade(t, s, m.keep.ID, app.ReliabilityB, "wire service", "Lina")
	mustGrade(t, s, m.drop.ID, app.ReliabilityD, "misquoted once", "Omar")
	mustGrade(t, s, m.keep.ID, app.ReliabilityA, "confirmed", "Lina")

	link := func(src *app.Source, r app.Role) app.ArticleSource {
		return app.ArticleSource{SourceID: src.ID, Role: r}
	}
	dropPub := link(m.drop, app.RolePublisher)
	dropPub.Evidence, dropPub.Confirmed = app.Evidence{Basis: app.BasisText, Span: app.Span{Start: 0, End: 6}, Detail: "byline"}, true
	// shared: both are publisher of the same article, drop's link between two others.
	m.shared = mustCreate(t, s, withLinks(article("Shared", "Husaybah retaken, says AFP."),
		link(m.keep, app.RolePublisher), dropPub, link(m.daily, app.RoleOrigin)))
	// moved: only drop links it, with evidence of its own.
	dropOrigin := link(m.drop, app.RoleOrigin)
	dropOrigin.Evidence, dropOrigin.Confirmed = app.Evidence{Basis: app.BasisAnalyst, Detail: "checked"}, true
	m.moved = mustCreate(t, s, withLinks(article("Moved", "Al-Qaim freed on Friday."),
		link(m.daily, app.RolePublisher), dropOrigin))
	// mixed: drop's origin duplicates keep's (removed, first in order), its publisher moves.
	m.mixed = mustCreate(t, s, withLinks(article("Mixed", "Rawa is next, officials said."),
		link(m.drop, app.RoleOrigin), link(m.keep, app.RoleOrigin), link(m.drop, app.RolePublisher)))
	// both: keep and drop hold both roles, interleaved: two links removed.
	m.both = mustCreate(t, s, withLinks(article("Both", "The offensive began in October."),
		link(m.keep, app.RolePublisher), link(m.drop, app.RoleOrigin), link(m.keep, app.RoleOrigin), link(m.drop, app.RolePublisher)))
	mustCreate(t, s, withLinks(article("Untouched", "SpaceDaily ran its own story."), link(m.daily, app.RolePublisher)))

	m.claims["moved by drop"] = claimBy(t, s, m.moved, app.Span{Start: 0, End: 7}, m.drop.ID)
	m.claims["mixed by drop"] = claimBy(t, s, m.mixed, app.Span{Start: 0, End: 4}, m.drop.ID)
	m.claims["shared by keep"] = claimBy(t, s, m.shared, app.Span{Start: 0, End: 8}, m.keep.ID)
	m.claims["unattributed"] = claimBy(t, s, m.both, app.Span{Start: 4, End: 13}, "")
	return m
}

func withLinks(a *app.Article, links ...app.ArticleSource) *app.Article {
	a.Sources = links
	return a
}

func TestMergeThenUnmergeRestoresEverything(t *testing.T) {
	ctx := context.Background()
	m := newMergeCase(t)
	s := m.s
	before := readState(t, s)
	dropHistory := before.History[m.drop.ID]
	if len(dropHistory) != 2 {
		t.Fatalf("drop's history = %+v", dropHistory)
	}

	rec, err := s.MergeSources(ctx, m.keep.ID, m.drop.ID)
	if err != nil {
		t.Fatal(err)
	}

	// The record says what moved.
	wantDropped := *m.drop
	wantDropped.Reliability, wantDropped.ReliabilityNote = app.ReliabilityD, "misquoted once"
	wantDropped.UpdatedAt = rec.Dropped.UpdatedAt
	wantDropped.Aliases = []string{"AFP news agency", "France Presse"}
	if rec.Keep != m.keep.ID || !reflect.DeepEqual(rec.Dropped, wantDropped) {
		t.Errorf("record: keep %s, dropped %+v\nwant %+v", rec.Keep, rec.Dropped, wantDropped)
	}
	if !reflect.DeepEqual(rec.DroppedGrades, dropHistory) {
		t.Errorf("record's grades = %+v\nwant %+v", rec.DroppedGrades, dropHistory)
	}
	wantClaims := []app.ID{m.claims["moved by drop"].ID, m.claims["mixed by drop"].ID}
	slices.Sort(wantClaims)
	if !slices.Equal(rec.Claims, wantClaims) {
		t.Errorf("record's claims = %v, want %v", rec.Claims, wantClaims)
	}
	if want := []string{"A.F.P.", "AFP news agency", "France Presse"}; !slices.Equal(rec.AddedAliases, want) {
		t.Errorf("added aliases = %q, want %q", rec.AddedAliases, want)
	}
	removed := map[app.ID][]app.Role{}
	for _, l := range rec.Links {
		if l.Link.SourceID != m.drop.ID || l.Link.Role != l.Role {
			t.Errorf("recorded link %+v", l)
		}
		if l.Removed {
			removed[l.ArticleID] = append(removed[l.ArticleID], l.Role)
		}
	}
	wantRemoved := map[app.ID][]app.Role{
		m.shared.ID: {app.RolePublisher},
		m.mixed.ID:  {app.RoleOrigin},
		m.both.ID:   {app.RoleOrigin, app.RolePublisher},
	}
	if len(rec.Links) != 6 || !reflect.DeepEqual(removed, wantRemoved) {
		t.Errorf("recorded links = %+v; removed %v, want %v", rec.Links, removed, wantRemoved)
	}

	// The case after the merge.
	after := readState(t, s)
	if len(after.Sources) != 2 {
		t.Fatalf("sources after merge = %+v", after.Sources)
	}
	kept, err := s.Source(ctx, m.keep.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"A.F.P.", "AFP news agency", "Agence France-Presse", "France Presse"}; !slices.Equal(kept.Aliases, want) ||
		kept.Reliability != app.ReliabilityA || kept.ReliabilityNote != "confirmed" {
		t.Errorf("kept source = %+v", kept)
	}
	_, err = s.Source(ctx, m.drop.ID)
	wantCode(t, err, app.ENotFound)
	if got, err := s.ResolveSource(ctx, "france presse"); err != nil || got.ID != m.keep.ID {
		t.Errorf("drop's alias resolves to %+v, %v", got, err)
	}
	hist := after.History[m.keep.ID]
	if len(hist) != len(before.History[m.keep.ID])+2 {
		t.Errorf("kept history = %+v", hist)
	}
	for i, g := range hist {
		if g.SourceID != m.keep.ID || (i > 0 && g.At.Before(hist[i-1].At)) {
			t.Errorf("kept history row %d = %+v", i, g)
		}
	}
	wantLinks := map[app.ID][]app.Role{ // keep's roles, in order
		m.shared.ID: {app.RolePublisher},
		m.moved.ID:  {app.RoleOrigin},
		m.mixed.ID:  {app.RoleOrigin, app.RolePublisher},
		m.both.ID:   {app.RolePublisher, app.RoleOrigin},
	}
	for _, a := range after.Articles {
		var roles []app.Role
		for _, l := range a.Sources {
			if l.SourceID == m.drop.ID {
				t.Errorf("%s still links the merged source", a.Title)
			}
			if l.SourceID == m.keep.ID {
				roles = append(roles, l.Role)
				if l.Name != "AFP" {
					t.Errorf("%s: link named %q", a.Title, l.Name)
				}
			}
		}
		if !slices.Equal(roles, wantLinks[a.ID]) {
			t.Errorf("%s: keep's roles %v, want %v", a.Title, roles, wantLinks[a.ID])
		}
		if a.ID == m.moved.ID && (a.Sources[1].Evidence.Detail != "checked" || !a.Sources[1].Confirmed) {
			t.Errorf("moved link lost its own evidence: %+v", a.Sources[1])
		}
	}
	for _, c := range after.Claims {
		if c.AttributedTo == m.drop.ID {
			t.Errorf("claim %q still attributed to the merged source", c.Statement)
		}
	}
	if u := after.Usage[m.keep.ID]; u != (app.SourceUsage{Articles: 4, Claims: 3}) {
		t.Errorf("kept source's usage = %+v", u)
	}

	// Undo: exactly the case as it was.
	if err := s.UnmergeSources(ctx, rec); err != nil {
		t.Fatal(err)
	}
	restored := readState(t, s)
	if !reflect.DeepEqual(restored, before) {
		t.Errorf("after unmerge:\n%+v\nbefore merge:\n%+v", restored, before)
	}
	wantCode(t, s.UnmergeSources(ctx, rec), app.EConflict)

	// Redo gives the same merge again.
	again, err := s.MergeSources(ctx, m.keep.ID, m.drop.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again, rec) {
		t.Errorf("merging again recorded\n%+v\nfirst time\n%+v", again, rec)
	}
	if st := readState(t, s); !reflect.DeepEqual(st, after) {
		t.Errorf("merging again left\n%+v\nfirst time\n%+v", st, after)
	}
}

func TestMergeSourcesRefuses(t *testing.T) {
	ctx := context.Background()
	m := newMergeCase(t)
	before := readState(t, m.s)
	refused := map[string]struct {
		keep, drop app.ID
		code       app.Code
	}{
		"into itself":    {m.keep.ID, m.keep.ID, app.EInvalid},
		"unknown keep":   {app.NewID(), m.drop.ID, app.ENotFound},
		"unknown drop":   {m.keep.ID, app.NewID(), app.ENotFound},
		"empty keep":     {"", m.drop.ID, app.ENotFound},
		"malformed drop": {m.keep.ID, "afp", app.ENotFound},
	}
	for name, tc := range refused {
		t.Run(name, func(t *testing.T) {
			_, err := m.s.MergeSources(ctx, tc.keep, tc.drop)
			wantCode(t, err, tc.code)
		})
	}
	badRecords := map[string]struct {
		rec  *app.SourceMerge
		code app.Code
	}{
		"nil record":     {nil, app.EInvalid},
		"keep is drop":   {&app.SourceMerge{Keep: m.keep.ID, Dropped: *m.keep}, app.EInvalid},
		"no name":        {&app.SourceMerge{Keep: m.keep.ID, Dropped: app.Source{ID: app.NewID()}}, app.EInvalid},
		"unknown keep":   {&app.SourceMerge{Keep: app.NewID(), Dropped: app.Source{ID: app.NewID(), Name: "Gone"}}, app.ENotFound},
		"drop is there":  {&app.SourceMerge{Keep: m.keep.ID, Dropped: *m.drop}, app.EConflict},
		"bad grade":      {&app.SourceMerge{Keep: m.keep.ID, Dropped: app.Source{ID: app.NewID(), Name: "X"}, DroppedGrades: []app.GradeChange{{Reliability: "Z"}}}, app.EInvalid},
		"name now taken": {&app.SourceMerge{Keep: m.keep.ID, Dropped: app.Source{ID: app.NewID(), Name: "spacedaily"}}, app.EConflict},
	}
	for name, tc := range badRecords {
		t.Run(name, func(t *testing.T) {
			wantCode(t, m.s.UnmergeSources(ctx, tc.rec), tc.code)
		})
	}
	if after := readState(t, m.s); !reflect.DeepEqual(after, before) {
		t.Errorf("refused merges changed the case")
	}
}

// What the analyst did after a merge stays when it is undone.
func TestUnmergeKeepsLaterWork(t *testing.T) {
	ctx := context.Background()
	m := newMergeCase(t)
	s := m.s
	rec, err := s.MergeSources(ctx, m.keep.ID, m.drop.ID)
	if err != nil {
		t.Fatal(err)
	}
	later := claimBy(t, s, m.moved, app.Span{Start: 8, End: 13}, m.keep.ID)
	mustGrade(t, s, m.keep.ID, app.ReliabilityB, "after the merge", "Omar")
	if err := s.UnmergeSources(ctx, rec); err != nil {
		t.Fatal(err)
	}
	if c, err := s.Claim(ctx, later.ID); err != nil || c.AttributedTo != m.keep.ID {
		t.Errorf("claim made after the merge: %+v, %v", c, err)
	}
	hist, err := s.SourceHistory(ctx, m.keep.ID)
	if err != nil || len(hist) != 3 || hist[2].Note != "after the merge" {
		t.Errorf("kept history after unmerge = %+v, %v", hist, err)
	}
	if got, err := s.SourceHistory(ctx, m.drop.ID); err != nil || !reflect.DeepEqual(got, rec.DroppedGrades) {
		t.Errorf("drop's history back = %+v, %v\nwant %+v", got, err, rec.DroppedGrades)
	}
}
