package anchor_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/anchor"
)

// bigText builds a deterministic article of about n words, made of
// invented words in sentences and paragraphs (no real text is copied),
// with the given sentence placed in the middle.
func bigText(n int, middle string) string {
	r := rand.New(rand.NewPCG(1, 2))
	syll := []string{"ka", "lo", "mi", "ran", "tus", "el", "qa", "im", "ber", "sa", "do", "vin", "ar", "te", "nu"}
	vocab := make([]string, 3000)
	for i := range vocab {
		var w strings.Builder
		for k := 1 + r.IntN(3); k >= 0; k-- {
			w.WriteString(syll[r.IntN(len(syll))])
		}
		vocab[i] = w.String()
	}
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i == n/2 {
			b.WriteString(middle + " ")
		}
		b.WriteString(vocab[r.IntN(len(vocab))])
		switch {
		case i%97 == 96:
			b.WriteString(".\n\n")
		case i%13 == 12:
			b.WriteString(". ")
		default:
			b.WriteString(" ")
		}
	}
	return b.String()
}

const benchQuote = "Government troops entered the district centre on Friday morning, a spokesman said."

func benchClaim(b *testing.B, text string) app.Anchor {
	i := strings.Index(text, benchQuote)
	start := len([]rune(text[:i]))
	a, err := app.NewAnchor(text, app.Span{Start: start, End: start + len([]rune(benchQuote))})
	if err != nil {
		b.Fatal(err)
	}
	return a
}

func benchReanchor(b *testing.B, newText string, old app.Anchor, want anchor.Method) {
	b.Helper()
	if r := anchor.Reanchor(newText, old); r.Method != want {
		b.Fatalf("method %s (%s), want %s", r.Method, r.Reason, want)
	}
	t := anchor.NewText(newText)
	b.ResetTimer()
	for b.Loop() {
		t.Reanchor(old)
	}
}

// BenchmarkReanchorExact: a 100,000-word article gained a paragraph at the
// top; the claim's quote is found verbatim at its new offset (prepared
// text, one claim).
func BenchmarkReanchorExact(b *testing.B) {
	old := bigText(100_000, benchQuote)
	a := benchClaim(b, old)
	benchReanchor(b, "An editor's note added at the top.\n\n"+old, a, anchor.Quote)
}

// BenchmarkReanchorFuzzy: as above, and a word of the quote was changed,
// so the fuzzy search runs over the whole article.
func BenchmarkReanchorFuzzy(b *testing.B) {
	old := bigText(100_000, benchQuote)
	a := benchClaim(b, old)
	edited := strings.Replace(old, "on Friday morning", "on Saturday morning", 1)
	benchReanchor(b, "An editor's note added at the top.\n\n"+edited, a, anchor.Fuzzy)
}

// BenchmarkReanchorPosition: nothing before the claim changed.
func BenchmarkReanchorPosition(b *testing.B) {
	old := bigText(100_000, benchQuote)
	a := benchClaim(b, old)
	benchReanchor(b, old+" A closing line.", a, anchor.Position)
}

// BenchmarkNewText: preparing a 100,000-word text once for all its claims.
func BenchmarkNewText(b *testing.B) {
	text := bigText(100_000, benchQuote)
	for b.Loop() {
		anchor.NewText(text)
	}
}

// benchFrom re-anchors olds as the product does, with the old text: each
// op diffs the two texts and places every claim. It reports how many were
// placed.
func benchFrom(b *testing.B, oldText, newText string, olds []app.Anchor) {
	b.Helper()
	t := anchor.NewText(newText)
	var rs []anchor.Result
	for b.Loop() {
		rs = t.ReanchorFrom(oldText, olds)
	}
	placed := 0
	for _, r := range rs {
		if r.Placed() {
			placed++
		}
	}
	b.ReportMetric(float64(placed), "placed")
	b.ReportMetric(float64(len(olds)), "claims")
}

// BenchmarkReanchorFromExact: BenchmarkReanchorExact's edit, re-anchored
// with the old text (the diff and the claim).
func BenchmarkReanchorFromExact(b *testing.B) {
	old := bigText(100_000, benchQuote)
	benchFrom(b, old, "An editor's note added at the top.\n\n"+old, []app.Anchor{benchClaim(b, old)})
}

// BenchmarkReanchorFromFuzzy: BenchmarkReanchorFuzzy's edit, re-anchored
// with the old text.
func BenchmarkReanchorFromFuzzy(b *testing.B) {
	old := bigText(100_000, benchQuote)
	edited := strings.Replace(old, "on Friday morning", "on Saturday morning", 1)
	benchFrom(b, old, "An editor's note added at the top.\n\n"+edited, []app.Anchor{benchClaim(b, old)})
}

// scattered edits a text at random all over: n edits, each inserting
// words, deleting a run, replacing a word or moving a paragraph; and marks
// claims spans of 10-150 runes at random word starts of the old text.
func scattered(b *testing.B, text string, n, claims int) (string, []app.Anchor) {
	r := rand.New(rand.NewPCG(3, 4))
	old := []rune(text)
	var olds []app.Anchor
	for len(olds) < claims {
		at := r.IntN(len(old) - 200)
		for at > 0 && old[at-1] != ' ' {
			at--
		}
		a, err := app.NewAnchor(text, app.Span{Start: at, End: at + 10 + r.IntN(140)})
		if err != nil {
			b.Fatal(err)
		}
		olds = append(olds, a)
	}
	s := old
	for i := 0; i < n; i++ {
		at := r.IntN(len(s) - 300)
		switch r.IntN(4) {
		case 0:
			s = append(s[:at:at], append([]rune("newly written words here "), s[at:]...)...)
		case 1:
			s = append(s[:at:at], s[at+1+r.IntN(60):]...)
		case 2:
			s = append(s[:at:at], append([]rune("zorvek"), s[at+4:]...)...)
		default:
			end := at + 100 + r.IntN(200)
			seg := append([]rune(nil), s[at:end]...)
			rest := append(s[:at:at], s[end:]...)
			to := r.IntN(len(rest))
			s = append(rest[:to:to], append(seg, rest[to:]...)...)
		}
	}
	return string(s), olds
}

// BenchmarkReanchorFromScattered: 200 edits all over a 100,000-word text
// (insertions, deletions, replaced words, moved passages) and 100 claims,
// re-anchored with the old text.
func BenchmarkReanchorFromScattered(b *testing.B) {
	old := bigText(100_000, benchQuote)
	edited, olds := scattered(b, old, 200, 100)
	benchFrom(b, old, edited, olds)
}

// BenchmarkReanchorAllScattered: the same by the new text alone.
func BenchmarkReanchorAllScattered(b *testing.B) {
	old := bigText(100_000, benchQuote)
	edited, olds := scattered(b, old, 200, 100)
	t := anchor.NewText(edited)
	for b.Loop() {
		for _, a := range olds {
			t.Reanchor(a)
		}
	}
}

// BenchmarkReanchorFromUnrelated: the new text shares nothing with the old
// (another article pasted over it): the diff gives up at its work bound
// and the claim is looked for as without the old text.
func BenchmarkReanchorFromUnrelated(b *testing.B) {
	old := bigText(100_000, benchQuote)
	other := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return 'a' + (r-'a'+7)%26
		}
		return r
	}, old)
	benchFrom(b, old, other, []app.Anchor{benchClaim(b, old)})
}
