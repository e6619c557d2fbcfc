package timeline_test

import (
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/timeline"
)

func TestAboutEntity(t *testing.T) {
	in := fixture()
	in.Claims[2].EntityIDs = []app.ID{"qaim"} // c3, on the event, in the date conflict
	in.Claims[3].EntityIDs = []app.ID{"rawa"} // c4, loose
	m := timeline.Build(in)

	q := timeline.AboutEntity(m, "qaim")
	if len(q.Events) != 1 || len(q.Loose) != 0 {
		t.Fatalf("about qaim: %d events, %d loose; want the event only", len(q.Events), len(q.Loose))
	}
	if got := len(q.Events[0].Supporting); got != 3 {
		t.Errorf("the event keeps all %d of its claims (the other side of the conflict too), got %d", 3, got)
	}
	if len(q.Events[0].Conflicts) == 0 {
		t.Error("the event's conflicts must stay visible")
	}
	r := timeline.AboutEntity(m, "rawa")
	if len(r.Events) != 0 || len(r.Loose) != 1 || r.Loose[0].Claim.ID != "c4" {
		t.Fatalf("about rawa: %+v", r)
	}
	if n := timeline.AboutEntity(m, "nobody"); len(n.Events)+len(n.Loose) != 0 {
		t.Fatalf("an entity no claim names has an empty timeline, got %+v", n)
	}
}
