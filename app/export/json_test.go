package export_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/export"
	"github.com/evidence-workbench/workbench/app/mock"
)

// normalise puts every time in UTC and empty slices to nil, so two
// snapshots that hold the same case compare equal with reflect.DeepEqual.
func normalise(s *app.Snapshot) *app.Snapshot {
	out := *s
	out.Sources = append([]app.Source(nil), s.Sources...)
	for i := range out.Sources {
		x := &out.Sources[i]
		x.CreatedAt, x.UpdatedAt = x.CreatedAt.UTC(), x.UpdatedAt.UTC()
		if len(x.Aliases) == 0 {
			x.Aliases = nil
		}
	}
	out.History = append([]app.GradeChange(nil), s.History...)
	for i := range out.History {
		out.History[i].At = out.History[i].At.UTC()
	}
	out.Articles = append([]app.Article(nil), s.Articles...)
	for i := range out.Articles {
		x := &out.Articles[i]
		x.ImportedAt, x.UpdatedAt = x.ImportedAt.UTC(), x.UpdatedAt.UTC()
		if len(x.Excluded) == 0 {
			x.Excluded = nil
		}
		if len(x.Sources) == 0 {
			x.Sources = nil
		}
		if len(x.Warnings) == 0 {
			x.Warnings = nil
		}
	}
	out.Claims = append([]app.Claim(nil), s.Claims...)
	for i := range out.Claims {
		x := &out.Claims[i]
		x.CreatedAt, x.UpdatedAt = x.CreatedAt.UTC(), x.UpdatedAt.UTC()
		if len(x.Tags) == 0 {
			x.Tags = nil
		}
		if len(x.EntityIDs) == 0 {
			x.EntityIDs = nil
		}
	}
	out.Entities = append([]app.Entity(nil), s.Entities...)
	for i := range out.Entities {
		x := &out.Entities[i]
		x.CreatedAt, x.UpdatedAt = x.CreatedAt.UTC(), x.UpdatedAt.UTC()
		if len(x.Aliases) == 0 {
			x.Aliases = nil
		}
	}
	out.Events = append([]app.Event(nil), s.Events...)
	for i := range out.Events {
		x := &out.Events[i]
		x.CreatedAt, x.UpdatedAt = x.CreatedAt.UTC(), x.UpdatedAt.UTC()
		if len(x.Claims) == 0 {
			x.Claims = nil
		}
	}
	return &out
}

// snapshotDiff names the first items that differ, or "".
func snapshotDiff(a, b *app.Snapshot) string {
	a, b = normalise(a), normalise(b)
	va, vb := reflect.ValueOf(*a), reflect.ValueOf(*b)
	for i := 0; i < va.NumField(); i++ {
		name := va.Type().Field(i).Name
		fa, fb := va.Field(i), vb.Field(i)
		if fa.Len() != fb.Len() {
			return fmt.Sprintf("%s: %d items vs %d", name, fa.Len(), fb.Len())
		}
		for j := 0; j < fa.Len(); j++ {
			if !reflect.DeepEqual(fa.Index(j).Interface(), fb.Index(j).Interface()) {
				return fmt.Sprintf("%s[%d]:\n%+v\nvs\n%+v", name, j, fa.Index(j).Interface(), fb.Index(j).Interface())
			}
		}
	}
	return ""
}

func writeJSON(t testing.TB, d *export.Data) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := export.WriteJSON(&buf, d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestJSONRoundTrip(t *testing.T) {
	snap := sampleSnapshot(t)
	d, err := export.Prepare(snap, export.Scope{}, fixtureNow)
	if err != nil {
		t.Fatal(err)
	}
	got, err := export.ReadJSON(bytes.NewReader(writeJSON(t, d)))
	if err != nil {
		t.Fatal(err)
	}
	if diff := snapshotDiff(snap, got); diff != "" {
		t.Fatalf("read back differs from what was written: %s", diff)
	}
	// Derived values are written for other readers.
	var doc map[string]any
	if err := json.Unmarshal(writeJSON(t, d), &doc); err != nil {
		t.Fatal(err)
	}
	if doc["format"] != export.JSONFormat || doc["version"] != float64(export.JSONVersion) {
		t.Errorf("header = %v %v", doc["format"], doc["version"])
	}
	der := doc["derived"].(map[string]any)
	if evs := der["events"].([]any); len(evs) != len(snap.Events) {
		t.Errorf("derived events = %d, want %d", len(evs), len(snap.Events))
	}
}

// TestJSONRestoreIntoEmptyCase is the round trip: a case, its
// Workbench JSON, read back and applied to an empty case, reads as the same
// case: ids, timestamps and grade history included.
func TestJSONRestoreIntoEmptyCase(t *testing.T) {
	ctx := context.Background()
	orig := mock.NewCase("original")
	if err := orig.ApplyChanges(ctx, &app.ChangeSet{Put: *sampleSnapshot(t)}); err != nil {
		t.Fatal(err)
	}
	want, err := app.LoadSnapshot(ctx, orig)
	if err != nil {
		t.Fatal(err)
	}
	d, err := export.Prepare(want, export.Scope{}, fixtureNow)
	if err != nil {
		t.Fatal(err)
	}
	read, err := export.ReadJSON(bytes.NewReader(writeJSON(t, d)))
	if err != nil {
		t.Fatal(err)
	}
	empty := mock.NewCase("restored")
	if err := empty.ApplyChanges(ctx, &app.ChangeSet{Put: *read}); err != nil {
		t.Fatal(err)
	}
	got, err := app.LoadSnapshot(ctx, empty)
	if err != nil {
		t.Fatal(err)
	}
	if diff := snapshotDiff(want, got); diff != "" {
		t.Fatalf("the restored case differs: %s", diff)
	}
	if len(got.History) != len(want.History) || len(got.History) < 2 {
		t.Errorf("history: %d rows, want %d", len(got.History), len(want.History))
	}
}

func TestJSONScopedReadsBack(t *testing.T) {
	snap := sampleSnapshot(t)
	for name, sc := range map[string]export.Scope{
		"one event": {EventIDs: []app.ID{snap.Events[3].ID}},
		"entity":    {EntityID: snap.Entities[1].ID},
	} {
		t.Run(name, func(t *testing.T) {
			d, err := export.Prepare(snap, sc, fixtureNow)
			if err != nil {
				t.Fatal(err)
			}
			got, err := export.ReadJSON(bytes.NewReader(writeJSON(t, d)))
			if err != nil {
				t.Fatalf("a scoped export must read back on its own: %v", err)
			}
			if diff := snapshotDiff(d.Snapshot, got); diff != "" {
				t.Fatal(diff)
			}
		})
	}
}

// mutate edits the sample's JSON as a generic tree.
func mutate(t *testing.T, f func(doc map[string]any)) string {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(writeJSON(t, sampleData(t)), &doc); err != nil {
		t.Fatal(err)
	}
	f(doc)
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func item(doc map[string]any, kind string, i int) map[string]any {
	return doc[kind].([]any)[i].(map[string]any)
}

func TestReadJSONRefuses(t *testing.T) {
	good := string(writeJSON(t, sampleData(t)))
	tests := map[string]struct {
		in   string
		code app.Code
		msg  string
	}{
		"empty":            {" \n", app.EInvalid, "is empty"},
		"broken":           {good[:len(good)/2], app.EInvalid, "ends too early"},
		"syntax":           {"{\n  \"format\": \"evidence-workbench\",\n  \"version\": 1,,\n}", app.EInvalid, "line 3"},
		"not ours":         {`{"title": {"text": {"headline": "x"}}, "events": []}`, app.EUnsupported, "not an Evidence Workbench JSON"},
		"array":            {`[1,2]`, app.EUnsupported, "not an object"},
		"newer":            {`{"format": "evidence-workbench", "version": 2, "novelty": true}`, app.ENewer, "newer Evidence Workbench"},
		"no version":       {`{"format": "evidence-workbench"}`, app.EUnsupported, "no valid format version"},
		"unknown field":    {mutate(t, func(d map[string]any) { item(d, "claims", 0)["colour"] = "red" }), app.EInvalid, `"colour"`},
		"trailing":         {good + `{"x":1}`, app.EInvalid, "not valid JSON (line "},
		"wrong type":       {mutate(t, func(d map[string]any) { item(d, "claims", 0)["credibility"] = "high" }), app.EInvalid, "\"claims.credibility\" holds a string where the schema wants a number"},
		"bad id":           {mutate(t, func(d map[string]any) { item(d, "sources", 0)["id"] = "OIR" }), app.EInvalid, "not a lowercase UUID"},
		"duplicate id":     {mutate(t, func(d map[string]any) { item(d, "events", 1)["id"] = item(d, "events", 0)["id"] }), app.EInvalid, "used twice"},
		"dangling article": {mutate(t, func(d map[string]any) { item(d, "claims", 0)["article_id"] = string(fid(9, 9)) }), app.EInvalid, "not one of the file's articles"},
		"dangling link": {mutate(t, func(d map[string]any) {
			item(d, "events", 0)["claims"] = []any{map[string]any{"claim_id": string(fid(9, 9)), "stance": "supports"}}
		}), app.EInvalid, "not one of the file's claims"},
		"bad stance": {mutate(t, func(d map[string]any) { item(d, "events", 0)["claims"].([]any)[0].(map[string]any)["stance"] = "maybe" }), app.EInvalid, "unknown stance"},
		"quote not at span": {mutate(t, func(d map[string]any) {
			item(d, "claims", 0)["target"].(map[string]any)["selector"].([]any)[1].(map[string]any)["start"] = 3.0
		}), app.EInvalid, "quote"},
		"text edited":    {mutate(t, func(d map[string]any) { item(d, "articles", 0)["text"] = "Something else entirely." }), app.EInvalid, "text_hash"},
		"bad date":       {mutate(t, func(d map[string]any) { item(d, "events", 0)["when"].(map[string]any)["end"] = "2017-01-01" }), app.EInvalid, "ends"},
		"edtf disagrees": {mutate(t, func(d map[string]any) { item(d, "events", 0)["when"].(map[string]any)["edtf"] = "2018" }), app.EInvalid, "does not match"},
		"bad grade":      {mutate(t, func(d map[string]any) { item(d, "sources", 0)["reliability"] = "Z" }), app.EInvalid, "reliability"},
		"no name":        {mutate(t, func(d map[string]any) { item(d, "entities", 0)["name"] = " " }), app.EInvalid, "needs a name"},
		"bad time":       {mutate(t, func(d map[string]any) { item(d, "claims", 0)["created"] = "yesterday" }), app.EInvalid, "RFC 3339"},
		"one selector":   {mutate(t, func(d map[string]any) { item(d, "claims", 0)["target"].(map[string]any)["selector"] = []any{} }), app.EInvalid, "needs a TextQuoteSelector"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			snap, err := export.ReadJSON(strings.NewReader(tc.in))
			if err == nil {
				t.Fatalf("read %d sources without complaint", len(snap.Sources))
			}
			if app.ErrorCode(err) != tc.code || !strings.Contains(app.ErrorMessage(err), tc.msg) {
				t.Errorf("got %s %q; want %s and %q", app.ErrorCode(err), app.ErrorMessage(err), tc.code, tc.msg)
			}
		})
	}
}

// TestReadJSONIgnoresDerived: the derived section and derived fields are
// not read, so editing them changes nothing.
func TestReadJSONIgnoresDerived(t *testing.T) {
	in := mutate(t, func(d map[string]any) {
		d["derived"] = map[string]any{"anything": []any{1, "two"}}
		item(d, "claims", 0)["grade"] = "A1"
		item(d, "sources", 0)["reliability_label"] = "nonsense"
		item(d, "articles", 0)["runes"] = 3.0
	})
	got, err := export.ReadJSON(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if diff := snapshotDiff(sampleSnapshot(t), got); diff != "" {
		t.Fatal(diff)
	}
}

// TestReadJSONMinimal: a hand-written file with only the required fields
// reads, dates given as EDTF alone included.
func TestReadJSONMinimal(t *testing.T) {
	in := `{"format": "evidence-workbench", "version": 1,
	 "sources": [{"id": "018e0001-0000-7000-8000-000000000001", "name": "LPA", "reliability": "B"}],
	 "articles": [{"id": "018e0002-0000-7000-8000-000000000001", "title": "T", "known": {}, "text": "Troops took Qaim on Friday.",
	   "sources": [{"source_id": "018e0001-0000-7000-8000-000000000001", "role": "origin"}]}],
	 "claims": [{"id": "018e0003-0000-7000-8000-000000000001", "article_id": "018e0002-0000-7000-8000-000000000001", "statement": "Qaim taken",
	   "target": {"selector": [{"type": "TextQuoteSelector", "exact": "took Qaim"}, {"type": "TextPositionSelector", "start": 7, "end": 16}]},
	   "when": {"edtf": "2017-11-03~"}}],
	 "entities": [], "events": [{"id": "018e0005-0000-7000-8000-000000000001", "title": "Fall of Qaim", "when": {"edtf": "2014-01/2014-04"}}]}`
	s, err := export.ReadJSON(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if s.Articles[0].Sources[0].Name != "LPA" || s.Articles[0].TextHash != app.TextHash(s.Articles[0].Text) {
		t.Errorf("article links and hash are filled in: %+v", s.Articles[0])
	}
	if w := s.Claims[0].When; w == nil || !w.Approximate || w.Start.Day != 3 {
		t.Errorf("claim date = %+v", w)
	}
	if w := s.Events[0].When; w.End.Month != 4 || w.Precision != app.PrecisionMonth {
		t.Errorf("event date = %+v", w)
	}
}
