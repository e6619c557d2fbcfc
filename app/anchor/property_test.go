package anchor_test

import (
	"flag"
	"math/rand/v2"
	"os"
	"testing"

	"pgregory.net/rapid"
)

// pinnedSeed is rapid's seed unless one is given (-rapid.seed=N or
// RAPID_SEED=N): the property's scenarios are then the same on every run
// of make test. To explore new ones: RAPID_SEED=$RANDOM go test -run
// TestReanchorProperty ./app/anchor/ (rapid reports any misplacement
// with a file that replays it).
const pinnedSeed = "20171103"

func TestMain(m *testing.M) {
	flag.Parse()
	if f := flag.Lookup("rapid.seed"); f != nil && f.Value.String() == "0" && os.Getenv("RAPID_SEED") == "" {
		if err := f.Value.Set(pinnedSeed); err != nil {
			panic(err)
		}
	}
	os.Exit(m.Run())
}

// rapidPicker draws from rapid, which shrinks a failing scenario.
type rapidPicker struct{ t *rapid.T }

func (p rapidPicker) intn(n int, label string) int { return rapid.IntRange(0, n-1).Draw(p.t, label) }

// randPicker draws from a seeded generator: the same scenarios every run.
type randPicker struct{ r *rand.Rand }

func (p randPicker) intn(n int, _ string) int { return p.r.IntN(n) }

// What the tests demand of re-anchoring (see the report for the figures):
// never a misplacement; nearly every claim whose words survive intact or
// lightly edited placed on them; and most findable claims placed at all.
// wantFrom holds the shares for the path the product takes (ReanchorFrom,
// the old text known: 99.86% and 99.06% measured; 98.95-99.03% on 10,000
// scenarios of each of four other seeds, never a misplacement), wantSearch
// those for re-anchoring by the new text alone (claims orphaned by an
// earlier edit, callers without the old text: 98.24% and 95.06%). What the
// old text cannot place either: quotes of 1-3 runes of which a rune was
// cut (76 of the 198 left; "fo" left of "for" reads as a cut or as a new
// word), and claims of which moves and deletions left about half, or that
// sit in text printed twice.
type want struct{ light, findable float64 }

var (
	wantFrom   = want{light: 0.995, findable: 0.99}
	wantSearch = want{light: 0.98, findable: 0.945}
)

// checkShares fails the test when the shares fall short of w.
func checkShares(t *testing.T, name string, tl *tally, w want) {
	t.Helper()
	if tl.misplaced != 0 {
		t.Errorf("%s: %d claims misplaced", name, tl.misplaced)
		for i, m := range tl.misplacements {
			if i == 10 {
				break
			}
			t.Errorf("misplaced: %s", m)
		}
	}
	light := tl.sum(0, 1, 1, 2)
	if got := share(light.correct, light.claims); got < w.light {
		t.Errorf("%s: intact or lightly edited quotes of 4+ runes placed: %.4f, want >= %.3f", name, got, w.light)
	}
	if got := tl.correctShare(); got < w.findable {
		t.Errorf("%s: findable claims placed: %.4f, want >= %.3f", name, got, w.findable)
	}
}

// TestReanchorProperty edits every real article at random (rapid's checks
// per article; raise them with -rapid.checks): no claim may ever be placed
// off its words, in any scenario; rapid shrinks a failing one to its
// essentials.
func TestReanchorProperty(t *testing.T) {
	total, search := newTally(), newTally()
	for _, a := range loadArticles(t) {
		t.Run(a.name, func(t *testing.T) {
			rapid.Check(t, func(rt *rapid.T) {
				s := simulate(rapidPicker{rt}, a.text)
				tl, ts := newTally(), newTally()
				if bad := tl.judge(rt, s, fromOld); len(bad) > 0 {
					rt.Fatalf("misplaced with the old text: %s", bad[0])
				}
				if bad := ts.judge(rt, s, searchOnly); len(bad) > 0 {
					rt.Fatalf("misplaced by the new text alone: %s", bad[0])
				}
				total.add(tl)
				search.add(ts)
			})
		})
	}
	// rapid leans towards edge cases (offsets 0, one-rune spans, the first
	// claim kind): its shares are logged, not held to the report's targets.
	t.Logf("\n%s%s", total.table(), search.summary("by the new text alone"))
	if total.misplaced+search.misplaced != 0 {
		t.Errorf("%d claims misplaced with the old text, %d by the new text alone", total.misplaced, search.misplaced)
	}
}

// reportScenarios is how many fixed-seed scenarios the report runs.
const reportScenarios = 5000

// runReport runs the fixed-seed scenarios over every article in turn, and
// judges each both ways: with the old text (from) and by the new text alone
// (search).
func runReport(tb fataler, arts []article) (from, search *tally) {
	p := randPicker{rand.New(rand.NewPCG(2017, 11))}
	from, search = newTally(), newTally()
	for i := 0; i < reportScenarios; i++ {
		s := simulate(p, arts[i%len(arts)].text)
		from.judge(tb, s, fromOld)
		search.judge(tb, s, searchOnly)
	}
	return from, search
}

// TestReanchorReport runs 5,000 edit scenarios from a fixed seed and logs
// the table the lead can quote:
//
//	go test -run TestReanchorReport -v ./app/anchor/
func TestReanchorReport(t *testing.T) {
	if testing.Short() {
		t.Skip("the report runs 5,000 scenarios")
	}
	from, search := runReport(t, loadArticles(t))
	t.Logf("\n%s%s", from.table(), search.summary("by the new text alone (Reanchor)"))
	checkShares(t, "with the old text", from, wantFrom)
	checkShares(t, "by the new text alone", search, wantSearch)
}

// BenchmarkReanchorReport exposes the report's figures as benchmark
// metrics:
//
//	go test -run '^$' -bench ReanchorReport -benchtime 1x ./app/anchor/
func BenchmarkReanchorReport(b *testing.B) {
	arts := loadArticles(b)
	var tl, search *tally
	for b.Loop() {
		tl, search = runReport(b, arts)
	}
	light := tl.sum(0, 1, 1, 2)
	all := tl.sum(0, 3, 0, 2)
	b.ReportMetric(100*tl.correctShare(), "findable-placed-%")
	b.ReportMetric(100*share(light.correct, light.claims), "light-placed-%")
	b.ReportMetric(100*share(all.orphaned, all.claims), "findable-orphaned-%")
	b.ReportMetric(float64(tl.misplaced), "misplaced")
	b.ReportMetric(float64(tl.claims), "claims")
	b.ReportMetric(100*search.correctShare(), "search-findable-placed-%")
	b.ReportMetric(float64(search.misplaced), "search-misplaced")
	b.Logf("\n%s%s", tl.table(), search.summary("by the new text alone (Reanchor)"))
}
