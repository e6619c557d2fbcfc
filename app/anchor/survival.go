package anchor

// survival estimates the share of the quote's runes that still stand in
// text: the runes the best alignment matches, counted only in runs of at
// least survivalRun consecutive matches (a fifth of a shorter quote, at
// least three). Edit distance alone cannot tell
// a half-rewritten quote from a lightly edited one, because a replacement
// word shares letters with the word it replaced (an unrelated word of the
// same length usually costs only 60-80% of its runes in edits); those
// chance agreements are single runes or pairs, while the quote's own
// surviving words match in long runs.
func survival(q, text []rune) float64 {
	m, n := len(q), len(text)
	if m == 0 {
		return 0
	}
	if (m+1)*(n+1) > maxSurvivalCells {
		return -1 // too large to align; the caller falls back to the edit distance
	}
	w := n + 1
	cost := make([]int32, (m+1)*w)
	for j := 0; j <= n; j++ {
		cost[j] = int32(j)
	}
	for i := 1; i <= m; i++ {
		row, up := cost[i*w:], cost[(i-1)*w:]
		row[0] = int32(i)
		for j := 1; j <= n; j++ {
			c := up[j-1]
			if q[i-1] != text[j-1] {
				c++
			}
			row[j] = min(c, up[j]+1, row[j-1]+1)
		}
	}
	minRun := min(max(m/5, 3), survivalRun)
	kept, run := 0, 0
	i, j := m, n
	for i > 0 && j > 0 {
		here := cost[i*w+j]
		switch {
		case q[i-1] == text[j-1] && here == cost[(i-1)*w+j-1]:
			run++
			i, j = i-1, j-1
			continue
		case here == cost[(i-1)*w+j-1]+1:
			i, j = i-1, j-1
		case here == cost[(i-1)*w+j]+1:
			i--
		default:
			j--
		}
		if run >= minRun {
			kept += run
		}
		run = 0
	}
	if run >= minRun {
		kept += run
	}
	return float64(kept) / float64(m)
}
