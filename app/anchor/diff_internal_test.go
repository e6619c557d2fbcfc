package anchor

// White-box: the edit script (diff.go) and the runs trusted from it
// (runs.go) on random texts over small alphabets, where repeats, slides and
// chance matches are everywhere.

import (
	"testing"

	"pgregory.net/rapid"
)

// editedPair draws a text over alphabet and an edited copy of it:
// insertions, deletions, replacements and a move.
func editedPair(t *rapid.T, alphabet string, max int) (old, new []rune) {
	letters := []rune(alphabet)
	text := rapid.SliceOfN(rapid.SampledFrom(letters), 0, max)
	old = text.Draw(t, "old")
	new = append([]rune(nil), old...)
	for i := rapid.IntRange(0, 6).Draw(t, "edits"); i > 0; i-- {
		at := rapid.IntRange(0, len(new)).Draw(t, "at")
		end := rapid.IntRange(at, min(len(new), at+12)).Draw(t, "end")
		ins := rapid.SliceOfN(rapid.SampledFrom(letters), 0, 12).Draw(t, "ins")
		if rapid.Bool().Draw(t, "move") {
			seg := append([]rune(nil), new[at:end]...)
			rest := append(new[:at:at], new[end:]...)
			to := rapid.IntRange(0, len(rest)).Draw(t, "to")
			new = append(rest[:to:to], append(seg, rest[to:]...)...)
			continue
		}
		new = append(new[:at:at], append(ins, new[end:]...)...)
	}
	return old, new
}

// checkSegments fails unless segs are runs of equal runes, in order in
// both texts and apart.
func checkSegments(t *rapid.T, old, new []rune, segs []segment) {
	pa, pb := 0, 0
	for _, s := range segs {
		if s.n <= 0 || s.a < pa || s.b < pb || s.a+s.n > len(old) || s.b+s.n > len(new) {
			t.Fatalf("segment %+v out of order or bounds (after %d, %d; texts %d, %d)", s, pa, pb, len(old), len(new))
		}
		if string(old[s.a:s.a+s.n]) != string(new[s.b:s.b+s.n]) {
			t.Fatalf("segment %+v: %q != %q", s, string(old[s.a:s.a+s.n]), string(new[s.b:s.b+s.n]))
		}
		pa, pb = s.a+s.n, s.b+s.n
	}
}

func TestDiffSegmentsAreEqualRunes(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		old, new := editedPair(t, "ab .\n\u00e9", 300)
		checkSegments(t, old, new, newDiffer().diffRunes(old, new))
		checkSegments(t, old, new, newDiffer().diffTokens(old, new))
	})
}

// lcsLen is the length of a longest common subsequence, by the table.
func lcsLen(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Within one token (no spaces, no newlines) the diff is Myers' rune by
// rune, and keeps a longest common subsequence.
func TestDiffKeepsALongestCommonSubsequence(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		old, new := editedPair(t, "abc", 120)
		kept := 0
		for _, s := range newDiffer().diffRunes(old, new) {
			kept += s.n
		}
		if want := lcsLen(old, new); kept != want {
			t.Fatalf("kept %d runes, a longest common subsequence has %d", kept, want)
		}
	})
}

// TestDiffStopsAtItsWorkBound: two long unrelated texts cost no more than
// the bound, and what is found is still right.
func TestDiffStopsAtItsWorkBound(t *testing.T) {
	a := make([]rune, 20000)
	b := make([]rune, 20000)
	for i := range a {
		a[i] = rune('a' + i*7%13)
		b[i] = rune('a' + i*11%17)
	}
	d := newDiffer()
	d.work = 10000
	segs := d.diffRunes(a, b)
	rapid.Check(t, func(rt *rapid.T) { checkSegments(rt, a, b, segs) })
	if d.work > 0 {
		t.Fatalf("work left %d: the bound was not reached, the test proves nothing", d.work)
	}
	if d.work < -50000 {
		t.Fatalf("work %d: the diff went on long after its bound", d.work)
	}
}

// TestDiffKeepsSentinelsApart: the sentinels moved puts between pieces of
// text equal neither each other nor U+FFFD, at any grain.
func TestDiffKeepsSentinelsApart(t *testing.T) {
	old := []rune("one two\uFFFD")
	old = append(old, oldGapEnd)
	old = append(old, []rune(" three four five six seven")...)
	new := []rune("one two\uFFFD")
	new = append(new, newGapEnd)
	new = append(new, []rune(" three four five six seven")...)
	for _, segs := range [][]segment{newDiffer().diffRunes(old, new), newDiffer().diffTokens(old, new)} {
		for _, s := range segs {
			for _, r := range old[s.a : s.a+s.n] {
				if r < 0 {
					t.Fatalf("a sentinel matched: %+v", s)
				}
			}
		}
	}
}

// TestChangeRunsAreSound: the runs a change trusts are equal runes, in
// order of old offsets, apart from each other in both texts, with their
// chance edges inside them.
func TestChangeRunsAreSound(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		old, new := editedPair(t, "ab .\n", 400)
		ch := NewText(string(new)).changeFrom(string(old))
		for i, r := range ch.runs {
			if r.n <= 0 || r.head < 0 || r.tail < 0 || r.head > r.n || r.tail > r.n {
				t.Fatalf("run %+v", r)
			}
			if string(old[r.a:r.a+r.n]) != string(new[r.b:r.b+r.n]) {
				t.Fatalf("run %+v: %q != %q", r, string(old[r.a:r.a+r.n]), string(new[r.b:r.b+r.n]))
			}
			for _, q := range ch.runs[:i] {
				if q.a+q.n > r.a || q.b < r.b+r.n && r.b < q.b+q.n {
					t.Fatalf("runs %+v and %+v overlap", q, r)
				}
			}
		}
	})
}
