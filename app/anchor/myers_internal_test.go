package anchor

// White-box: the bit-parallel matcher is checked against the textbook
// dynamic programme it replaces, on random strings over small alphabets
// (many matches and near-matches) and pattern lengths across block edges.

import (
	"testing"

	"pgregory.net/rapid"
)

// naiveColumns returns D(m, j) for j = 1..len(text) by the full table.
func naiveColumns(p, text []rune, anchored bool) []int {
	m := len(p)
	prev := make([]int, m+1)
	cur := make([]int, m+1)
	for i := range prev {
		prev[i] = i
	}
	out := make([]int, 0, len(text))
	for j, r := range text {
		if anchored {
			cur[0] = j + 1
		} else {
			cur[0] = 0
		}
		for i := 1; i <= m; i++ {
			cost := 1
			if p[i-1] == r {
				cost = 0
			}
			cur[i] = min(prev[i-1]+cost, prev[i]+1, cur[i-1]+1)
		}
		out = append(out, cur[m])
		prev, cur = cur, prev
	}
	return out
}

// runesOver draws the length first: rapid's slice generator keeps slices
// short, and the block code only runs past 64 runes.
func runesOver(alphabet []rune, minLen, maxLen int) *rapid.Generator[[]rune] {
	return rapid.Custom(func(t *rapid.T) []rune {
		n := rapid.IntRange(minLen, maxLen).Draw(t, "len")
		return rapid.SliceOfN(rapid.SampledFrom(alphabet), n, n).Draw(t, "runes")
	})
}

func TestScannerMatchesDynamicProgramme(t *testing.T) {
	alphabet := []rune{'a', 'b', 'c', 'é', '🇮', -1}
	rapid.Check(t, func(t *rapid.T) {
		p := runesOver(alphabet, 1, 200).Draw(t, "pattern")
		text := runesOver(alphabet, 0, 300).Draw(t, "text")
		anchored := rapid.Bool().Draw(t, "anchored")
		want := naiveColumns(p, text, anchored)
		sc := newScanner(newPattern(p), anchored)
		for j, r := range text {
			if got := sc.step(r); got != want[j] {
				t.Fatalf("column %d: got %d, want %d", j+1, got, want[j])
			}
		}
	})
}

func TestSearchMinimaAreLocalMinimaOfTheProgramme(t *testing.T) {
	alphabet := []rune{'a', 'b', 'c', 'd'}
	rapid.Check(t, func(t *rapid.T) {
		p := runesOver(alphabet, 1, 150).Draw(t, "pattern")
		text := runesOver(alphabet, 0, 400).Draw(t, "text")
		k := rapid.IntRange(0, len(p)).Draw(t, "k")
		d := naiveColumns(p, text, false)
		var want []endMatch
		for j := range d {
			before := len(p)
			if j > 0 {
				before = d[j-1]
			}
			// last of a plateau that was entered by a descent, left by a rise
			if d[j] > k || j+1 < len(d) && d[j+1] <= d[j] {
				continue
			}
			i := j
			for i > 0 && d[i-1] == d[j] {
				i--
			}
			if i > 0 {
				before = d[i-1]
			} else {
				before = len(p)
			}
			if d[j] < before {
				want = append(want, endMatch{end: int32(j + 1), dist: int32(d[j])})
			}
		}
		got := searchMinima(newPattern(p), text, k)
		if len(got) != len(want) {
			t.Fatalf("got %d minima %v, want %d %v", len(got), got, len(want), want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("minimum %d: got %v, want %v", i, got[i], want[i])
			}
		}
	})
}

func TestBestPrefixFindsWhereAMatchStarts(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := runesOver([]rune("abc"), 1, 80).Draw(t, "pattern")
		text := runesOver([]rune("abc"), 0, 120).Draw(t, "text")
		d := naiveColumns(p, text, true)
		best, at := len(p), 0
		for j, v := range d {
			if v < best || v == best && abs(j+1-len(p)) < abs(at-len(p)) {
				best, at = v, j+1
			}
		}
		dist, length := bestPrefix(newScanner(newPattern(p), true), text, len(p))
		if dist != best || length != at {
			t.Fatalf("got (%d, %d), want (%d, %d)", dist, length, best, at)
		}
	})
}
