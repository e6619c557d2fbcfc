package storage_test

import (
	"context"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/storage"
)

// qaimText has letters of several bytes before its claims, so byte and rune
// offsets differ.
const qaimText = "Ḥusaybah, Iraq — Iraqi forces retook Al-Qāʾim on Friday, a spokesman said. " +
	"About 1,500 civilians were freed. The Hashd moved towards Rawa."

// anchorAt anchors the first occurrence of quote in text.
func anchorAt(t testing.TB, text, quote string) app.Anchor {
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

// newClaim is a claim on quote in a's text.
func newClaim(t testing.TB, a *app.Article, quote, statement string) *app.Claim {
	t.Helper()
	return &app.Claim{ArticleID: a.ID, Anchor: anchorAt(t, a.Text, quote), Statement: statement, CreatedBy: "tester"}
}

func mustClaim(t testing.TB, s *storage.Store, c *app.Claim) *app.Claim {
	t.Helper()
	if err := s.CreateClaim(context.Background(), c); err != nil {
		t.Fatalf("CreateClaim(%q): %v", c.Statement, err)
	}
	return c
}

// fullClaim sets every field a claim has, apart from entities.
func fullClaim(t testing.TB, s *storage.Store, a *app.Article) *app.Claim {
	t.Helper()
	src, err := s.EnsureSource(context.Background(), "Coalition spokesman", app.KindSpokesperson)
	if err != nil {
		t.Fatal(err)
	}
	c := newClaim(t, a, "retook Al-Qāʾim on Friday", "Iraqi forces took Al-Qaim")
	c.Credibility = app.Credibility3
	c.AttributedTo = src
	c.Tags = []string{"offensive", "Al-Qaim"}
	c.Notes = "Other outlets say Thursday."
	c.Quantity = &app.Quantity{Value: 1.5, Unit: "km"}
	c.When = &app.When{
		Start: app.Date{Year: 2017, Month: time.November, Day: 2}, End: app.Date{Year: 2017, Month: time.November, Day: 3},
		Precision: app.PrecisionDay, Approximate: true, Uncertain: true, Expression: "on Friday",
		Reference: app.Date{Year: 2017, Month: time.November, Day: 4}, Note: "Friday before publication",
	}
	c.UpdatedBy = "editor"
	return c
}

func TestClaimRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := newCase(t)
	a := mustCreate(t, s, article("Qaim falls", qaimText))
	c := fullClaim(t, s, a)
	in := *c
	before := time.Now().UTC().Add(-time.Second)
	mustClaim(t, s, c)

	if !c.ID.Valid() || c.CreatedAt.Before(before) || !c.UpdatedAt.Equal(c.CreatedAt) || c.CreatedAt.Location() != time.UTC {
		t.Fatalf("set on create: id %q, created %v, updated %v", c.ID, c.CreatedAt, c.UpdatedAt)
	}
	in.ID, in.CreatedAt, in.UpdatedAt = c.ID, c.CreatedAt, c.UpdatedAt
	if !reflect.DeepEqual(*c, in) {
		t.Errorf("CreateClaim changed fields:\n%+v\nwant\n%+v", *c, in)
	}
	got, err := s.Claim(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, c) {
		t.Errorf("Claim() =\n%+v\nwant\n%+v", got, c)
	}
	if *got.Quantity != *c.Quantity || *got.When != *c.When {
		t.Errorf("quantity %+v, when %+v", *got.Quantity, *got.When)
	}

	// A claim with no optional part comes back without them.
	bare := mustClaim(t, s, newClaim(t, a, "1,500 civilians", ""))
	if got, err := s.Claim(ctx, bare.ID); err != nil || !reflect.DeepEqual(got, bare) || got.Quantity != nil || got.When != nil {
		t.Errorf("bare claim = %+v, %v; want %+v", got, err, bare)
	}

	list, err := s.Articles(ctx)
	if err != nil || len(list) != 1 || list[0].Claims != 2 {
		t.Errorf("Articles() = %+v, %v; want one article with 2 claims", list, err)
	}

	// The claims survive closing and reopening the case.
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	all, err := s2.Claims(ctx, app.ClaimFilter{})
	if err != nil || len(all) != 2 || !reflect.DeepEqual(all[0], *c) || !reflect.DeepEqual(all[1], *bare) {
		t.Errorf("after reopening: %+v, %v", all, err)
	}
}

func TestCreateClaimKeepsPresetTimes(t *testing.T) {
	s := newCase(t)
	a := mustCreate(t, s, article("t", qaimText))
	c := newClaim(t, a, "Rawa", "The Hashd moved on Rawa")
	loc := time.FixedZone("AST", 3*3600)
	c.CreatedAt = time.Date(2017, time.November, 4, 10, 29, 1, 123456789, loc)
	mustClaim(t, s, c)
	want := time.Date(2017, time.November, 4, 7, 29, 1, 123456000, time.UTC)
	if !c.CreatedAt.Equal(want) || c.CreatedAt.Location() != time.UTC {
		t.Errorf("CreatedAt = %v, want %v", c.CreatedAt, want)
	}
	if !c.UpdatedAt.After(want) {
		t.Errorf("UpdatedAt = %v, want now", c.UpdatedAt)
	}
	got, err := s.Claim(context.Background(), c.ID)
	if err != nil || !reflect.DeepEqual(got, c) {
		t.Errorf("Claim() = %+v, %v; want %+v", got, err, c)
	}
}

func TestClaimsOrderAndFilter(t *testing.T) {
	ctx := context.Background()
	s := newCase(t)
	a := mustCreate(t, s, article("a", qaimText))
	b := mustCreate(t, s, article("b", "Another report: Husaybah fell on Thursday, officials said."))
	// Made out of text order, and two on the same start.
	mustClaim(t, s, newClaim(t, a, "Rawa", "r"))
	mustClaim(t, s, newClaim(t, b, "Husaybah fell", "h"))
	mustClaim(t, s, newClaim(t, a, "Iraqi forces retook", "ifr"))
	mustClaim(t, s, newClaim(t, a, "Iraqi forces", "if"))
	orphan := newClaim(t, b, "officials", "o")
	orphan.Orphan = true
	mustClaim(t, s, orphan)

	statements := func(list []app.Claim) []string {
		var out []string
		for _, c := range list {
			out = append(out, c.Statement)
		}
		return out
	}
	aFirst := []string{"if", "ifr", "r"}
	bFirst := []string{"h", "o"}
	all := append(slices.Clone(aFirst), bFirst...)
	if b.ID < a.ID {
		all = append(slices.Clone(bFirst), aFirst...)
	}
	tests := map[string]struct {
		f    app.ClaimFilter
		want []string
	}{
		"all":            {app.ClaimFilter{}, all},
		"article a":      {app.ClaimFilter{ArticleID: a.ID}, aFirst},
		"article b":      {app.ClaimFilter{ArticleID: b.ID}, bFirst},
		"orphans":        {app.ClaimFilter{Orphans: true}, []string{"o"}},
		"a's orphans":    {app.ClaimFilter{ArticleID: a.ID, Orphans: true}, nil},
		"limit":          {app.ClaimFilter{ArticleID: a.ID, Limit: 2}, aFirst[:2]},
		"limit over all": {app.ClaimFilter{Limit: 99}, all},
		"unknown":        {app.ClaimFilter{ArticleID: app.NewID()}, nil},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			list, err := s.Claims(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			if got := statements(list); !slices.Equal(got, tc.want) {
				t.Errorf("Claims(%+v) = %q, want %q", tc.f, got, tc.want)
			}
		})
	}
}

func TestUpdateClaim(t *testing.T) {
	ctx := context.Background()
	s := newCase(t)
	a := mustCreate(t, s, article("a", qaimText))
	other := mustCreate(t, s, article("other", "A different report entirely."))
	c := mustClaim(t, s, newClaim(t, a, "1,500 civilians", "1,500 freed"))
	stored := *c

	u := fullClaim(t, s, a)
	u.ID, u.ArticleID = c.ID, c.ArticleID
	u.CreatedBy, u.CreatedAt = "someone else", time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) // not editable
	time.Sleep(2 * time.Millisecond)
	if err := s.UpdateClaim(ctx, u); err != nil {
		t.Fatal(err)
	}
	if u.CreatedBy != "tester" || !u.CreatedAt.Equal(c.CreatedAt) || !u.UpdatedAt.After(c.UpdatedAt) || u.UpdatedBy != "editor" {
		t.Errorf("after update: created %q %v, updated %q %v", u.CreatedBy, u.CreatedAt, u.UpdatedBy, u.UpdatedAt)
	}
	got, err := s.Claim(ctx, c.ID)
	if err != nil || !reflect.DeepEqual(got, u) {
		t.Fatalf("Claim() = %+v, %v\nwant %+v", got, err, u)
	}
	if hits, _ := s.SearchClaims(ctx, "thursday", 5); len(hits) != 1 || hits[0].ClaimID != c.ID {
		t.Errorf("index does not follow the new notes: %+v", hits)
	}
	if hits, _ := s.SearchClaims(ctx, "freed", 5); len(hits) != 0 {
		t.Errorf("index keeps the old statement: %+v", hits)
	}

	// Undo: the claim as it was, optional parts dropped again.
	back := stored
	if err := s.UpdateClaim(ctx, &back); err != nil {
		t.Fatal(err)
	}
	got, err = s.Claim(ctx, c.ID)
	if err != nil || got.Quantity != nil || got.When != nil || got.Tags != nil || got.AttributedTo != "" ||
		got.Anchor != stored.Anchor || got.Statement != stored.Statement || !reflect.DeepEqual(got, &back) {
		t.Errorf("after undo = %+v, %v\nwant %+v", got, err, back)
	}

	bad := map[string]struct {
		edit func(*app.Claim)
		code app.Code
	}{
		"unknown claim":     {func(c *app.Claim) { c.ID = app.NewID() }, app.ENotFound},
		"no id":             {func(c *app.Claim) { c.ID = "" }, app.EInvalid},
		"other article":     {func(c *app.Claim) { c.ArticleID = other.ID }, app.EInvalid},
		"quote not in text": {func(c *app.Claim) { c.Anchor.Exact = "1,500 civilianz" }, app.EInvalid},
		"bad grade":         {func(c *app.Claim) { c.Credibility = 9 }, app.EInvalid},
		"unknown source":    {func(c *app.Claim) { c.AttributedTo = app.NewID() }, app.ENotFound},
	}
	for name, tc := range bad {
		t.Run(name, func(t *testing.T) {
			x := back
			tc.edit(&x)
			orig := x
			wantCode(t, s.UpdateClaim(ctx, &x), tc.code)
			if !reflect.DeepEqual(x, orig) {
				t.Errorf("refused update changed its argument: %+v", x)
			}
			if got, err := s.Claim(ctx, c.ID); err != nil || !reflect.DeepEqual(got, &back) {
				t.Errorf("refused update changed the claim: %+v, %v", got, err)
			}
		})
	}
}

func TestDeleteAndRestoreClaim(t *testing.T) {
	ctx := context.Background()
	s := newCase(t)
	a := mustCreate(t, s, article("a", qaimText))
	c := mustClaim(t, s, fullClaim(t, s, a))
	saved := *c

	if err := s.DeleteClaim(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	_, err := s.Claim(ctx, c.ID)
	wantCode(t, err, app.ENotFound)
	wantCode(t, s.DeleteClaim(ctx, c.ID), app.ENotFound)
	if hits, err := s.SearchClaims(ctx, "qaim", 5); err != nil || len(hits) != 0 {
		t.Errorf("deleted claim still found: %+v, %v", hits, err)
	}
	if list, _ := s.Articles(ctx); list[0].Claims != 0 {
		t.Errorf("claim count after delete = %d", list[0].Claims)
	}

	// Undo of the delete: the same claim, same id and times, comes back.
	restored := saved
	if err := s.CreateClaim(ctx, &restored); err != nil {
		t.Fatal(err)
	}
	got, err := s.Claim(ctx, saved.ID)
	if err != nil || !reflect.DeepEqual(got, &saved) {
		t.Errorf("restored = %+v, %v\nwant %+v", got, err, saved)
	}
	if hits, err := s.SearchClaims(ctx, "qaim", 5); err != nil || len(hits) != 1 || hits[0].ClaimID != saved.ID {
		t.Errorf("restored claim not found: %+v, %v", hits, err)
	}
	again := saved
	wantCode(t, s.CreateClaim(ctx, &again), app.EConflict)
}

// A claim that breaks a rule is refused, and nothing of it is stored.
func TestCreateClaimRefuses(t *testing.T) {
	ctx := context.Background()
	text := qaimText
	s := newCase(t)
	a := mustCreate(t, s, article("a", text))
	quote := "1,500 civilians"
	byteStart := strings.Index(text, quote)
	tests := map[string]struct {
		edit func(*app.Claim)
		code app.Code
	}{
		"no article":      {func(c *app.Claim) { c.ArticleID = "" }, app.EInvalid},
		"unknown article": {func(c *app.Claim) { c.ArticleID = app.NewID() }, app.ENotFound},
		"empty quote":     {func(c *app.Claim) { c.Anchor.Exact, c.Anchor.End = "", c.Anchor.Start }, app.EInvalid},
		"quote too short": {func(c *app.Claim) { c.Anchor.Exact = "1,500" }, app.EInvalid},
		"other words":     {func(c *app.Claim) { c.Anchor.Exact = "1,600 civilians" }, app.EInvalid},
		"past the end":    {func(c *app.Claim) { c.Anchor.Start, c.Anchor.End = 500, 515 }, app.EInvalid},
		"negative start":  {func(c *app.Claim) { c.Anchor.Start, c.Anchor.End = -1, 14 }, app.EInvalid},
		"byte offsets":    {func(c *app.Claim) { c.Anchor.Start, c.Anchor.End = byteStart, byteStart+len(quote) }, app.EInvalid},
		"credibility 7":   {func(c *app.Claim) { c.Credibility = 7 }, app.EInvalid},
		"unitless":        {func(c *app.Claim) { c.Quantity = &app.Quantity{Value: 3} }, app.EInvalid},
		"NaN quantity":    {func(c *app.Claim) { c.Quantity = &app.Quantity{Value: math.NaN(), Unit: "killed"} }, app.EInvalid},
		"infinite":        {func(c *app.Claim) { c.Quantity = &app.Quantity{Value: math.Inf(1), Unit: "killed"} }, app.EInvalid},
		"backwards date": {func(c *app.Claim) {
			w := app.DayWhen(app.Date{Year: 2017, Month: 11, Day: 3})
			w.End.Day = 1
			c.When = &w
		}, app.EInvalid},
		"no such day": {func(c *app.Claim) { w := app.DayWhen(app.Date{Year: 2017, Month: 2, Day: 30}); c.When = &w }, app.EInvalid},
		"bad reference": {func(c *app.Claim) {
			w := app.YearWhen(2017)
			w.Reference = app.Date{Year: 2017, Month: 13, Day: 1}
			c.When = &w
		}, app.EInvalid},
		"no precision":     {func(c *app.Claim) { w := app.YearWhen(2017); w.Precision = ""; c.When = &w }, app.EInvalid},
		"unknown source":   {func(c *app.Claim) { c.AttributedTo = app.NewID() }, app.ENotFound},
		"malformed source": {func(c *app.Claim) { c.AttributedTo = "afp" }, app.EInvalid},
		"malformed id":     {func(c *app.Claim) { c.ID = "claim-1" }, app.EInvalid},
		"bad UTF-8":        {func(c *app.Claim) { c.Statement = "freed \xff" }, app.EInvalid},
		"bad UTF-8 tag":    {func(c *app.Claim) { c.Tags = []string{"ok", "\xc3\x28"} }, app.EInvalid},
		"blank tag":        {func(c *app.Claim) { c.Tags = []string{" "} }, app.EInvalid},
		"unknown entity":   {func(c *app.Claim) { c.EntityIDs = []app.ID{app.NewID()} }, app.ENotFound},
		"malformed entity": {func(c *app.Claim) { c.EntityIDs = []app.ID{"al-qaim"} }, app.EInvalid},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			c := newClaim(t, a, quote, "civilians freed")
			c.Notes = "husaybah"
			tc.edit(c)
			orig := *c
			wantCode(t, s.CreateClaim(ctx, c), tc.code)
			if !reflect.DeepEqual(*c, orig) {
				t.Errorf("refused claim was changed: %+v", *c)
			}
			if list, err := s.Claims(ctx, app.ClaimFilter{}); err != nil || len(list) != 0 {
				t.Errorf("Claims() = %+v, %v; want none", list, err)
			}
			if hits, err := s.SearchClaims(ctx, "husaybah", 5); err != nil || len(hits) != 0 {
				t.Errorf("SearchClaims = %+v, %v; want none", hits, err)
			}
		})
	}
	if list, _ := s.Sources(ctx); len(list) != 0 {
		t.Errorf("refusals left sources: %+v", list)
	}

	// An orphan keeps the anchor of an older text: it is not checked
	// against the text as it is now.
	orphan := newClaim(t, a, quote, "from the old text")
	orphan.Anchor.Start, orphan.Anchor.End = 500, 500+utf8.RuneCountInString(quote)
	orphan.Orphan = true
	mustClaim(t, s, orphan)
}

func TestResolveClaimID(t *testing.T) {
	ctx := context.Background()
	s := newCase(t)
	a := mustCreate(t, s, article("a", qaimText))
	c1 := mustClaim(t, s, newClaim(t, a, "Rawa", "one"))
	c2 := mustClaim(t, s, newClaim(t, a, "Hashd", "two"))
	shared := string(c1.ID[:4])
	if !strings.HasPrefix(string(c2.ID), shared) {
		t.Fatalf("test setup: ids %s and %s share no prefix", c1.ID, c2.ID)
	}
	tests := map[string]struct {
		fragment string
		want     app.ID
		code     app.Code
	}{
		"full id":        {fragment: string(c1.ID), want: c1.ID},
		"upper case":     {fragment: strings.ToUpper(string(c2.ID)), want: c2.ID},
		"short":          {fragment: " " + c2.ID.Short(), want: c2.ID},
		"ambiguous":      {fragment: shared, code: app.EInvalid},
		"too short":      {fragment: "abc", code: app.EInvalid},
		"not hex":        {fragment: "%%%%", code: app.EInvalid},
		"unknown":        {fragment: string(app.NewID()), code: app.ENotFound},
		"article's id":   {fragment: string(a.ID), code: app.ENotFound},
		"unknown suffix": {fragment: "ffff-ffff", code: app.ENotFound},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := s.ResolveClaimID(ctx, tc.fragment)
			if tc.code != "" {
				wantCode(t, err, tc.code)
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("ResolveClaimID(%q) = %q, %v; want %q", tc.fragment, got, err, tc.want)
			}
		})
	}
}

func TestEnsureSource(t *testing.T) {
	ctx := context.Background()
	s := newCase(t)
	if err := s.CreateSource(ctx, &app.Source{Name: "AFP", Kind: app.KindAgency, Aliases: []string{"Agence France-Presse"}}); err != nil {
		t.Fatal(err)
	}
	afp, err := s.EnsureSource(ctx, "AFP", "")
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]app.SourceKind{
		"afp":                      "",
		"  agence   FRANCE-presse": app.KindOutlet, // found by alias; its kind stays
	}
	for name, kind := range names {
		if id, err := s.EnsureSource(ctx, name, kind); err != nil || id != afp {
			t.Errorf("EnsureSource(%q) = %q, %v; want AFP %s", name, id, err, afp)
		}
	}
	// A new name makes a source of the kind given, found again by any case.
	spox, err := s.EnsureSource(ctx, " Brig. Gen.  Yahya Rasool", app.KindSpokesperson)
	if err != nil {
		t.Fatal(err)
	}
	if again, err := s.EnsureSource(ctx, "brig. gen. yahya rasool", app.KindGovernment); err != nil || again != spox {
		t.Errorf("second EnsureSource = %q, %v; want %q", again, err, spox)
	}
	got, err := s.Source(ctx, spox)
	if err != nil || got.Name != "Brig. Gen. Yahya Rasool" || got.Kind != app.KindSpokesperson {
		t.Errorf("created source = %+v, %v", got, err)
	}
	// A source made on import, not classified yet, takes the kind given.
	a := article("x", "Text from a new outlet.")
	a.Sources = []app.ArticleSource{{Name: "Fort Russ", Role: app.RolePublisher}}
	mustCreate(t, s, a)
	fr, err := s.EnsureSource(ctx, "fort russ", app.KindBlog)
	if err != nil || fr != a.Sources[0].SourceID {
		t.Fatalf("EnsureSource(fort russ) = %q, %v; want %q", fr, err, a.Sources[0].SourceID)
	}
	if got, _ := s.Source(ctx, fr); got.Kind != app.KindBlog {
		t.Errorf("unclassified source kind = %q, want blog", got.Kind)
	}
	if got, _ := s.Source(ctx, afp); got.Kind != app.KindAgency {
		t.Errorf("classified source kind changed to %q", got.Kind)
	}

	for name, in := range map[string]struct {
		name string
		kind app.SourceKind
	}{"no name": {"  ", ""}, "unknown kind": {"X", "wire"}, "bad UTF-8": {"X\xff", ""}} {
		t.Run(name, func(t *testing.T) {
			_, err := s.EnsureSource(ctx, in.name, in.kind)
			wantCode(t, err, app.EInvalid)
		})
	}
	if list, _ := s.Sources(ctx); len(list) != 3 {
		t.Errorf("sources = %+v, want AFP, Brig. Gen. Yahya Rasool, Fort Russ", list)
	}
}

func TestSearchClaims(t *testing.T) {
	ctx := context.Background()
	s := newCase(t)
	a := mustCreate(t, s, article("a", qaimText+" Qa’im and Ḥusaybah were quiet."))
	c1 := newClaim(t, a, "retook Al-Qāʾim", "Iraqi forces retook the town")
	c2 := newClaim(t, a, "Qa’im and Ḥusaybah", "Both towns quiet")
	c2.Notes = "Compare with the AFP report on H\u0323usaybah."
	c3 := newClaim(t, a, "1,500 civilians", "Civilians freed in Qāʾim")
	for _, c := range []*app.Claim{c1, c2, c3} {
		mustClaim(t, s, c)
	}
	tests := map[string][]app.ID{
		"qaim":            {c1.ID, c2.ID, c3.ID}, // quote, quote, statement
		"QA'IM":           {c1.ID, c2.ID, c3.ID},
		"husaybah":        {c2.ID},
		"Ḥusaybah afp":    {c2.ID}, // quote and notes together
		"civilians freed": {c3.ID},
		"towns quie":      {c2.ID}, // the last word is a prefix
		"town":            {c1.ID, c2.ID},
		"raqqa":           nil,
		"NEAR(a b)":       nil,
		"!!!":             nil,
	}
	for q, want := range tests {
		t.Run(q, func(t *testing.T) {
			hits, err := s.SearchClaims(ctx, q, 10)
			if err != nil {
				t.Fatal(err)
			}
			var got []app.ID
			for _, h := range hits {
				got = append(got, h.ClaimID)
				if h.ArticleID != a.ID {
					t.Errorf("hit article %q", h.ArticleID)
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("SearchClaims(%q) = %v, want %v", q, got, want)
			}
		})
	}
	hits, err := s.SearchClaims(ctx, "husaybah afp", 10)
	if err != nil || len(hits) != 1 {
		t.Fatalf("hits = %+v, %v", hits, err)
	}
	h := hits[0]
	want := "with the " + app.MarkStart + "AFP" + app.MarkEnd + " report on " + app.MarkStart + "H\u0323usaybah" + app.MarkEnd
	if h.Statement != "Both towns quiet" || !strings.Contains(h.Snippet, want) {
		t.Errorf("hit = %+v, want the notes with %q", h, want)
	}
	if hits, _ := s.SearchClaims(ctx, "qaim", 2); len(hits) != 2 {
		t.Errorf("limit 2 gave %d hits", len(hits))
	}
	// Articles are searched apart: a claim's words are not an article hit.
	if hits, _ := s.SearchText(ctx, "towns", 5); len(hits) != 0 {
		t.Errorf("SearchText found a claim's statement: %+v", hits)
	}
}
