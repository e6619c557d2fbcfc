package merge

import (
	"strings"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
)

// place fits a claim onto its article's text after the merge. A claim
// whose quote is at its span, or that is an orphan already, is left as it
// is. Otherwise the quote is looked for in the text: among its
// occurrences the one whose prefix and suffix agree best with the claim's,
// then the nearest to the old span, takes the claim (moved); with none,
// the claim becomes an orphan, its anchor kept, so that it is never put on
// other words. changed reports whether the claim changed at all.
func place(c *app.Claim, text string) (moved, changed bool) {
	if c.Orphan {
		return false, false
	}
	runes := []rune(text)
	a := c.Anchor
	if a.Start >= 0 && a.End <= len(runes) && a.Start < a.End && string(runes[a.Start:a.End]) == a.Exact {
		return false, false
	}
	best, bestScore := -1, -1
	n := utf8.RuneCountInString(a.Exact)
	for i, from := 0, 0; a.Exact != ""; {
		j := strings.Index(text[from:], a.Exact)
		if j < 0 {
			break
		}
		i += utf8.RuneCountInString(text[from : from+j])
		from += j
		score := 0
		if strings.HasSuffix(string(runes[max(0, i-len([]rune(a.Prefix))):i]), a.Prefix) {
			score += 2
		}
		if strings.HasPrefix(string(runes[i+n:min(len(runes), i+n+len([]rune(a.Suffix)))]), a.Suffix) {
			score += 2
		}
		if score > bestScore || score == bestScore && abs(i-a.Start) < abs(best-a.Start) {
			best, bestScore = i, score
		}
		_, size := utf8.DecodeRuneInString(text[from:])
		from += size
		i++
	}
	if best < 0 {
		c.Orphan = true
		return false, true
	}
	anchor, err := app.NewAnchor(text, app.Span{Start: best, End: best + n})
	if err != nil {
		c.Orphan = true
		return false, true
	}
	c.Anchor = anchor
	return true, true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
