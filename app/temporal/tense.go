package temporal

import "strings"

// tenseReach is how many words either side of an expression the tense
// reader looks at, within its sentence.
const tenseReach = 10

// futureAround reports whether the expression over tokens [a, b) sits in a
// future-tense clause. The nearest tense cue within the sentence wins (the
// left one on a tie); with no cue, news copy is past tense. "next" and
// "tomorrow" inside the expression are read by the rules themselves.
func futureAround(toks []token, a, b int) bool {
	leftOpen, rightOpen := true, true
	for d := 1; d <= tenseReach && (leftOpen || rightOpen); d++ {
		if leftOpen {
			i := a - d
			if i < 0 || sentenceEnd(&toks[i]) || toks[i+1].para {
				leftOpen = false
			} else if c := cue(toks, i); c != 0 {
				return c > 0
			}
		}
		if rightOpen {
			i := b - 1 + d
			if i >= len(toks) || sentenceEnd(&toks[i]) || toks[i].para {
				rightOpen = false
			} else if c := cue(toks, i); c != 0 {
				return c > 0
			}
		}
	}
	return false
}

func sentenceEnd(t *token) bool {
	return t.kind == tPunct && (t.text == "." || t.text == "!" || t.text == "?" || t.text == ";")
}

// cue reads token i as a tense cue: +1 future, -1 past, 0 none.
func cue(toks []token, i int) int {
	t := &toks[i]
	if t.kind != tWord {
		return 0
	}
	next := ""
	if i+1 < len(toks) {
		next = toks[i+1].low
	}
	w := t.low
	switch {
	case w == "may" && t.text != "may":
		return 0 // the month
	case futureCues[w]:
		return 1
	case futureBeforeTo[w] && next == "to":
		return 1
	case w == "would":
		if next == "have" {
			return -1
		}
		return 1
	}
	if pastCues[w] || len(w) >= 5 && strings.HasSuffix(w, "ed") && !notPastEd[w] {
		// "would be freed", "will stay closed": a participle after a
		// linking verb says nothing of the tense; the modal further out
		// does ("was closed" is still past: "was" is a cue itself).
		if i > 0 && linking[toks[i-1].low] {
			return 0
		}
		return -1
	}
	return 0
}

// linking verbs before a participle ("be freed", "stay closed").
var linking = map[string]bool{
	"be": true, "been": true, "being": true, "is": true, "are": true, "am": true,
	"stay": true, "stays": true, "remain": true, "remains": true, "become": true,
	"becomes": true, "get": true, "gets": true, "seem": true, "seems": true, "keep": true,
}
