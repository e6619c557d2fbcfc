package export_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/export"
)

// TestTimelineJSLosesNothing: every dated event and every dated claim is a
// slide with a numeric start date; undated ones are named on the title
// slide or in their event's slide.
func TestTimelineJSLosesNothing(t *testing.T) {
	d := sampleData(t)
	type date struct {
		Year  int `json:"year"`
		Month int `json:"month"`
		Day   int `json:"day"`
	}
	var doc struct {
		Title struct {
			Text struct{ Text string } `json:"text"`
		} `json:"title"`
		Events []struct {
			Start    *date  `json:"start_date"`
			End      *date  `json:"end_date"`
			Display  string `json:"display_date"`
			Group    string `json:"group"`
			UniqueID string `json:"unique_id"`
			Text     struct{ Headline, Text string }
		} `json:"events"`
	}
	if err := json.Unmarshal([]byte(render(t, export.WriteTimelineJS, d)), &doc); err != nil {
		t.Fatal(err)
	}
	slides := map[string]int{}
	for i, e := range doc.Events {
		if e.Start == nil || e.Start.Year == 0 {
			t.Fatalf("slide %d has no start date: TimelineJS would drop it", i)
		}
		slides[e.UniqueID] = i
	}
	byID := func(id app.ID, prefix string) (int, bool) { i, ok := slides[prefix+string(id)]; return i, ok }
	for _, ev := range d.Model.Events {
		if ev.When.IsZero() {
			if !strings.Contains(doc.Title.Text.Text, ev.Event.Title) {
				t.Errorf("undated event %q is not on the title slide", ev.Event.Title)
			}
			continue
		}
		if _, ok := byID(ev.Event.ID, "event-"); !ok {
			t.Errorf("event %q has no slide", ev.Event.Title)
		}
	}
	for _, c := range d.Snapshot.Claims {
		if c.When != nil {
			if _, ok := byID(c.ID, "claim-"); !ok {
				t.Errorf("dated claim %q has no slide", c.Statement)
			}
			continue
		}
		all := doc.Title.Text.Text
		for _, e := range doc.Events {
			all += e.Text.Text
		}
		if !strings.Contains(all, c.Statement) {
			t.Errorf("undated claim %q is nowhere", c.Statement)
		}
	}
	// Uncertainty and disputes drawn.
	check := func(prefix string, id app.ID, start, end date, display string) {
		t.Helper()
		i, ok := byID(id, prefix)
		if !ok {
			t.Fatalf("no slide %s%s", prefix, id)
		}
		e := doc.Events[i]
		if *e.Start != start || (e.End == nil) != (end == date{}) || (e.End != nil && *e.End != end) || e.Display != display {
			t.Errorf("%s: start %+v end %+v display %q; want %+v %+v %q", e.Text.Headline, e.Start, e.End, e.Display, start, end, display)
		}
	}
	s := d.Snapshot
	check("event-", s.Events[1].ID, date{2017, 11, 3}, date{2017, 11, 5}, "3–5 Nov 2017 (disputed)")
	check("event-", s.Events[4].ID, date{Year: 2017, Month: 10}, date{}, "Oct 2017")
	check("event-", s.Events[2].ID, date{2017, 11, 3}, date{}, "3 Nov 2017 (uncertain)")
	check("claim-", s.Claims[2].ID, date{Year: 2014}, date{}, "2014")
	check("claim-", s.Claims[15].ID, date{Year: 2014, Month: 1}, date{Year: 2014, Month: 4}, "c. Jan–Apr 2014")
	check("claim-", s.Claims[11].ID, date{2017, 11, 5}, date{}, "5 Nov 2017 (disputed)")
	check("claim-", s.Claims[12].ID, date{2017, 11, 5}, date{}, "c. 5 Nov 2017")
	if i, _ := byID(s.Claims[5].ID, "claim-"); doc.Events[i].Group != "Crescent Vista TV" || !strings.Contains(doc.Events[i].Text.Text, "D3") {
		t.Errorf("a claim's group is its origin and its text has the grade: %+v", doc.Events[i])
	}
}

var stixID = regexp.MustCompile(`^[a-z-]+--[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestSTIX(t *testing.T) {
	d := sampleData(t)
	var b struct {
		Type    string           `json:"type"`
		ID      string           `json:"id"`
		Objects []map[string]any `json:"objects"`
	}
	out := render(t, export.WriteSTIX, d)
	if err := json.Unmarshal([]byte(out), &b); err != nil {
		t.Fatal(err)
	}
	if out != render(t, export.WriteSTIX, sampleData(t)) {
		t.Error("two exports of the same case differ: ids must be deterministic")
	}
	count := map[string]int{}
	known := map[string]bool{}
	for _, o := range b.Objects {
		count[o["type"].(string)]++
		id := o["id"].(string)
		if !stixID.MatchString(id) || !strings.HasPrefix(id, o["type"].(string)+"--") || known[id] {
			t.Errorf("bad or repeated id %s", id)
		}
		known[id] = true
	}
	links := 0
	for _, e := range d.Snapshot.Events {
		links += len(e.Claims)
	}
	want := map[string]int{"report": 1, "identity": len(d.Snapshot.Sources), "note": len(d.Snapshot.Claims), "grouping": len(d.Snapshot.Events), "opinion": links}
	for k, n := range want {
		if count[k] != n {
			t.Errorf("%d %s objects, want %d", count[k], k, n)
		}
	}
	opinions := map[string]int{}
	for _, o := range b.Objects {
		switch o["type"] {
		case "report":
			if len(o["object_refs"].([]any)) != len(b.Objects)-1 {
				t.Errorf("the report names %d objects, want all %d others", len(o["object_refs"].([]any)), len(b.Objects)-1)
			}
		case "note":
			cred := o["x_admiralty_credibility"]
			conf, has := o["confidence"]
			wantConf := map[any]float64{"1": 90, "2": 70, "3": 50, "4": 30, "5": 10}
			if w, ok := wantConf[cred]; ok != has || (ok && conf != w) {
				t.Errorf("credibility %v gave confidence %v (present %v)", cred, conf, has)
			}
			if cred == "6" && has {
				t.Error("credibility 6 must omit confidence")
			}
		case "opinion":
			opinions[o["opinion"].(string)]++
		case "identity":
			if o["name"] == "Levant Press Agency" && (o["x_admiralty_reliability"] != "B" || !strings.Contains(o["description"].(string), "Usually reliable")) {
				t.Errorf("identity without its grade: %v", o)
			}
		}
		for _, k := range []string{"object_refs"} {
			refs, _ := o[k].([]any)
			for _, r := range refs {
				if !known[r.(string)] {
					t.Errorf("%s names %s, which is not in the bundle", o["id"], r)
				}
			}
		}
	}
	if opinions["agree"] == 0 || opinions["disagree"] != 1 {
		t.Errorf("opinions %v: one contradicting link in the sample", opinions)
	}
}

func TestWebAnnotation(t *testing.T) {
	d := sampleData(t)
	var coll struct {
		Context string `json:"@context"`
		Type    string `json:"type"`
		Total   int    `json:"total"`
		First   struct {
			Items []struct {
				ID     string `json:"id"`
				Body   []struct{ Value, Purpose string }
				Target struct {
					Source   string `json:"source"`
					Selector []struct {
						Type           string
						Exact          string
						Start, End     int
						Prefix, Suffix string
					} `json:"selector"`
				} `json:"target"`
			} `json:"items"`
		} `json:"first"`
	}
	if err := json.Unmarshal([]byte(render(t, export.WriteWebAnnotation, d)), &coll); err != nil {
		t.Fatal(err)
	}
	if coll.Type != "AnnotationCollection" || coll.Total != len(d.Snapshot.Claims) || len(coll.First.Items) != coll.Total {
		t.Fatalf("collection %s of %d, %d items", coll.Type, coll.Total, len(coll.First.Items))
	}
	texts := map[string][]rune{}
	for _, a := range d.Snapshot.Articles {
		texts["urn:uuid:"+string(a.ID)] = []rune(a.Text)
	}
	for i, a := range coll.First.Items {
		c := d.Snapshot.Claims[i]
		purposes := map[string]bool{}
		for _, b := range a.Body {
			purposes[b.Purpose] = true
		}
		if !purposes["describing"] || !purposes["assessing"] || (len(c.Tags) > 0) != purposes["tagging"] {
			t.Errorf("claim %d bodies %v", i, purposes)
		}
		q, p := a.Target.Selector[0], a.Target.Selector[1]
		if q.Type != "TextQuoteSelector" || p.Type != "TextPositionSelector" {
			t.Fatalf("selectors %s %s", q.Type, p.Type)
		}
		if text := texts[a.Target.Source]; string(text[p.Start:p.End]) != q.Exact {
			t.Errorf("claim %d: code points %d-%d are %q, not the quote %q", i, p.Start, p.End, string(text[p.Start:p.End]), q.Exact)
		}
	}
}

func TestTimesketch(t *testing.T) {
	d := sampleData(t)
	lines := strings.Split(strings.TrimSpace(render(t, export.WriteTimesketchJSONL, d)), "\n")
	var prev int64
	undatedClaim := false
	for _, l := range lines {
		var r map[string]any
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		dt, err := time.Parse(time.RFC3339, r["datetime"].(string))
		if err != nil || !strings.HasSuffix(r["datetime"].(string), "+00:00") {
			t.Errorf("datetime %v is not RFC 3339 with an offset", r["datetime"])
		}
		ts := int64(r["timestamp"].(float64))
		if ts != dt.UnixMicro() || ts < prev {
			t.Errorf("timestamp %d does not match %v or goes back in time", ts, dt)
		}
		prev = ts
		if r["message"] == "" || r["timestamp_desc"] == "" {
			t.Errorf("required fields empty: %v", r)
		}
		if r["claim_id"] == string(d.Snapshot.Claims[7].ID) {
			undatedClaim = r["timestamp_desc"] == "Article published (claim has no date)" && strings.HasPrefix(r["datetime"].(string), "2017-11-03")
		}
	}
	if !undatedClaim {
		t.Error("an undated claim is placed at its article's publication date")
	}
	// The undated event and the claims in it without a publication date of
	// their own are the only things left out.
	if n := export.TimesketchSkipped(d); n != 1 {
		t.Errorf("skipped %d, want 1 (the undated event)", n)
	}
}
