package timeline

import (
	"fmt"

	"github.com/evidence-workbench/workbench/app"
)

// Confidence is the documented roll-up of how far an event can be trusted.
//
// Each claim gets a weight from its grade: the origin's reliability (A .95,
// B .80, C .60, D .40, E .20; F and ungraded .50) times the claim's
// credibility (1 .95, 2 .80, 3 .60, 4 .40, 5 .20; 6 and ungraded .50).
// Relays never count twice: per origin only its strongest claim counts.
// Support is a noisy-OR over the independent origins, 1 − Π(1 − w), so two
// independent B2 reports (0.64 each) give 0.87 while one gives 0.64. Doubt
// is the same over the contradicting claims, and Score = Support × (1 −
// Doubt). Each date or quantity conflict costs a further 10% (the sources
// agree the thing happened but not on what exactly). Levels: high >= 0.80,
// moderate >= 0.50, low >= 0.20, else very low; "unsupported" when no claim
// supports the event.
type Confidence struct {
	Score   float64 // 0..1
	Level   string  // "high", "moderate", "low", "very low", "unsupported"
	Support float64
	Doubt   float64
	Reason  string // the sum in words
}

var reliabilityWeight = map[app.Reliability]float64{
	app.ReliabilityA: .95, app.ReliabilityB: .80, app.ReliabilityC: .60, app.ReliabilityD: .40, app.ReliabilityE: .20,
}

var credibilityWeight = map[app.Credibility]float64{
	app.Credibility1: .95, app.Credibility2: .80, app.Credibility3: .60, app.Credibility4: .40, app.Credibility5: .20,
}

// Weight is one claim's weight in the roll-up, from its grade.
func Weight(g app.Grade) float64 {
	r, ok := reliabilityWeight[g.Reliability]
	if !ok {
		r = .5
	}
	c, ok := credibilityWeight[g.Credibility]
	if !ok {
		c = .5
	}
	return r * c
}

// noisyOr combines the strongest claim of each origin: 1 − Π(1 − w).
// Claims with no known origin each count alone, at half weight, since
// their independence cannot be shown.
func noisyOr(cvs []ClaimView) (float64, int) {
	best := map[app.ID]float64{}
	var unknown []float64
	for _, cv := range cvs {
		w := Weight(cv.Grade)
		if cv.Origin == "" {
			unknown = append(unknown, w/2)
			continue
		}
		if w > best[cv.Origin] {
			best[cv.Origin] = w
		}
	}
	miss := 1.0
	for _, w := range best {
		miss *= 1 - w
	}
	for _, w := range unknown {
		miss *= 1 - w
	}
	return 1 - miss, len(best)
}

// Rollup computes the confidence of an event from its claims and the
// number of date and quantity conflicts among them.
func Rollup(supporting, contradicting []ClaimView, dateQty int) Confidence {
	if len(supporting) == 0 {
		return Confidence{Level: "unsupported", Reason: "no claim supports this event yet"}
	}
	support, origins := noisyOr(supporting)
	doubt, against := noisyOr(contradicting)
	score := support * (1 - doubt)
	for i := 0; i < dateQty; i++ {
		score *= 0.9
	}
	c := Confidence{Score: score, Support: support, Doubt: doubt}
	switch {
	case score >= .8:
		c.Level = "high"
	case score >= .5:
		c.Level = "moderate"
	case score >= .2:
		c.Level = "low"
	default:
		c.Level = "very low"
	}
	c.Reason = fmt.Sprintf("support %.2f from %s", support, app.Count(origins, "independent origin", "independent origins"))
	if len(contradicting) > 0 {
		c.Reason += fmt.Sprintf(", doubt %.2f from %s contradicting", doubt, app.Count(against, "origin", "origins"))
	}
	if dateQty > 0 {
		c.Reason += ", " + app.Count(dateQty, "date or quantity conflict", "date or quantity conflicts")
	}
	return c
}
