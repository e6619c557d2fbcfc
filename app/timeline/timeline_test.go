package timeline_test

import (
	"strings"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/timeline"
)

func day(d int) *app.When {
	w := app.DayWhen(app.Date{Year: 2017, Month: 11, Day: d})
	return &w
}

// fixture: the fall of al-Qaim. A wire story (origin LPA) carried by two
// sites says Friday 3 Nov; a regional daily says Sunday 5 Nov; numbers of
// militants killed disagree.
func fixture() timeline.Input {
	lpa, ledger, digest, daily := app.ID("lpa"), app.ID("ledger"), app.ID("digest"), app.ID("daily")
	in := timeline.Input{
		Sources: map[app.ID]app.Source{
			lpa: {ID: lpa, Name: "LPA", Reliability: app.ReliabilityB}, ledger: {ID: ledger, Name: "Desert Ledger"},
			digest: {ID: digest, Name: "Frontline Digest"}, daily: {ID: daily, Name: "Two Rivers Daily", Reliability: app.ReliabilityC},
		},
		Articles: map[app.ID][]app.ArticleSource{
			"a1": {{SourceID: ledger, Role: app.RolePublisher}, {SourceID: lpa, Role: app.RoleOrigin}},
			"a2": {{SourceID: digest, Role: app.RolePublisher}, {SourceID: lpa, Role: app.RoleOrigin}},
			"a3": {{SourceID: daily, Role: app.RolePublisher}},
		},
		Claims: []app.Claim{
			{ID: "c1", ArticleID: "a1", Statement: "Qaim retaken", Credibility: 2, When: day(3), Quantity: &app.Quantity{Value: 500, Unit: "killed"}},
			{ID: "c2", ArticleID: "a2", Statement: "Qaim retaken", Credibility: 2, When: day(3)},
			{ID: "c3", ArticleID: "a3", Statement: "Qaim seized on Sunday", Credibility: 3, When: day(5), Quantity: &app.Quantity{Value: 300, Unit: "Killed "}},
			{ID: "c4", ArticleID: "a3", Statement: "Rawa still held", When: day(6)},
			{ID: "c5", ArticleID: "a3", Statement: "undated", Credibility: 2},
		},
		Events: []app.Event{{ID: "e1", Title: "Fall of al-Qaim", Claims: []app.EventClaim{
			{ClaimID: "c1", Stance: app.StanceSupports}, {ClaimID: "c2", Stance: app.StanceSupports}, {ClaimID: "c3", Stance: app.StanceSupports},
		}}},
	}
	return in
}

func TestCorroborationCountsOriginsNotArticles(t *testing.T) {
	m := timeline.Build(fixture())
	ev := m.Events[0]
	if ev.Corroboration != 2 {
		t.Fatalf("corroboration %d, want 2: the LPA wire on two sites is one origin, the daily another", ev.Corroboration)
	}
	if g := ev.Supporting[0].Grade.String(); g != "B2" {
		t.Errorf("a relayed claim inherits its origin's grade: %q", g)
	}
}

func TestConflictsAreShownWithTheClaimsOnEachSide(t *testing.T) {
	m := timeline.Build(fixture())
	var date, qty *timeline.Conflict
	for i, c := range m.Events[0].Conflicts {
		switch c.Kind {
		case timeline.ConflictDate:
			date = &m.Events[0].Conflicts[i]
		case timeline.ConflictQuantity:
			qty = &m.Events[0].Conflicts[i]
		}
	}
	if date == nil || date.Detail != "2017-11-03 vs 2017-11-05" || len(date.A) != 2 || len(date.B) != 1 || date.B[0] != "c3" {
		t.Fatalf("date conflict %+v", date)
	}
	if qty == nil || qty.Detail != "500 killed vs 300 Killed " {
		t.Fatalf("quantity conflict %+v (units compare without case or spaces)", qty)
	}
	if w := m.Events[0].When; w.EDTF() != "2017-11-03/2017-11-05" {
		t.Errorf("an undated event spans its claims' dates: %q", w.EDTF())
	}
}

func TestQuantitiesWithinToleranceAgree(t *testing.T) {
	in := fixture()
	in.Claims[2].Quantity = &app.Quantity{Value: 470, Unit: "killed"} // within 10% of 500
	for _, c := range timeline.Build(in).Events[0].Conflicts {
		if c.Kind == timeline.ConflictQuantity {
			t.Fatalf("500 and 470 are within %.0f%%: %+v", timeline.QuantityTolerance*100, c)
		}
	}
}

func TestConfidenceRollup(t *testing.T) {
	base := timeline.Build(fixture()).Events[0].Confidence
	if base.Level == "" || base.Score <= 0 || base.Score >= 1 || !strings.Contains(base.Reason, "2 independent origin") {
		t.Fatalf("confidence %+v", base)
	}
	// A third copy of the same wire story adds nothing.
	in := fixture()
	in.Articles["a4"] = in.Articles["a2"]
	in.Claims = append(in.Claims, app.Claim{ID: "c6", ArticleID: "a4", Statement: "Qaim retaken", Credibility: 2, When: day(3)})
	in.Events[0].Claims = append(in.Events[0].Claims, app.EventClaim{ClaimID: "c6", Stance: app.StanceSupports})
	if relay := timeline.Build(in).Events[0].Confidence; relay.Score != base.Score {
		t.Errorf("a relay changed confidence: %.3f -> %.3f", base.Score, relay.Score)
	}
	// A contradicting claim lowers it and is a stance conflict.
	in = fixture()
	in.Events[0].Claims = append(in.Events[0].Claims, app.EventClaim{ClaimID: "c4", Stance: app.StanceContradicts})
	ev := timeline.Build(in).Events[0]
	if ev.Confidence.Score >= base.Score || len(ev.Contradicting) != 1 {
		t.Errorf("contradiction: %.3f vs %.3f", ev.Confidence.Score, base.Score)
	}
	found := false
	for _, c := range ev.Conflicts {
		found = found || c.Kind == timeline.ConflictStance
	}
	if !found {
		t.Error("supporting and contradicting claims on one event are a conflict")
	}
	if u := timeline.Rollup(nil, nil, 0); u.Level != "unsupported" {
		t.Errorf("no claims: %+v", u)
	}
	strong := timeline.Weight(app.Grade{Reliability: "A", Credibility: 1})
	weak := timeline.Weight(app.Grade{Reliability: "E", Credibility: 5})
	if !(strong > timeline.Weight(app.Grade{}) && timeline.Weight(app.Grade{}) > weak) {
		t.Errorf("weights: A1 %.2f, ungraded %.2f, E5 %.2f", strong, timeline.Weight(app.Grade{}), weak)
	}
}

func TestLooseClaimsAndLanes(t *testing.T) {
	m := timeline.Build(fixture())
	if len(m.Loose) != 1 || m.Loose[0].Claim.ID != "c4" {
		t.Fatalf("loose claims %+v (dated, in no event; the undated one is left out)", m.Loose)
	}
	name := func(id app.ID) string {
		if id == "" {
			return "unknown"
		}
		return string(id)
	}
	lanes, items := timeline.Items(m, timeline.LanesBySource, name, nil)
	keys := []string{}
	for _, l := range lanes {
		keys = append(keys, l.Key)
	}
	if strings.Join(keys, ",") != "events,source:lpa,source:daily" {
		t.Errorf("lanes by source: %v", keys)
	}
	if len(items) != 5 { // the event, 3 claims, 1 loose claim
		t.Fatalf("%d items", len(items))
	}
	conflicted := 0
	for _, it := range items {
		if it.Conflict {
			conflicted++
		}
	}
	if conflicted != 4 { // the event and its three claims
		t.Errorf("%d items marked in conflict", conflicted)
	}
	lanes, _ = timeline.Items(m, timeline.LanesByEvent, name, nil)
	if len(lanes) != 2 || lanes[0].Title != "Fall of al-Qaim" || lanes[1].Title != "Claims without an event" {
		t.Errorf("lanes by event: %+v", lanes)
	}
}

func TestLanesByEntity(t *testing.T) {
	in := fixture()
	in.Entities = map[app.ID]string{"qaim": "al-Qaim", "abadi": "Haider al-Abadi"}
	in.Claims[0].EntityIDs = []app.ID{"qaim", "abadi"}
	in.Claims[2].EntityIDs = []app.ID{"qaim"}
	lanes, items := timeline.Items(timeline.Build(in), timeline.LanesByEntity, func(app.ID) string { return "" }, in.Entities)
	titles := []string{}
	for _, l := range lanes {
		titles = append(titles, l.Title)
	}
	if strings.Join(titles, "|") != "Events|al-Qaim|Haider al-Abadi|No entity named" {
		t.Fatalf("lanes %v", titles)
	}
	per := map[string]int{}
	ids := map[string]bool{}
	for _, it := range items {
		per[it.Lane]++
		if ids[it.ID] {
			t.Fatalf("item id %q repeats: the widget needs them unique", it.ID)
		}
		ids[it.ID] = true
	}
	if per["entity:qaim"] != 2 || per["entity:abadi"] != 1 || per["entity:none"] != 2 {
		t.Fatalf("items per lane %v (a claim naming two entities stands in both lanes)", per)
	}
}
