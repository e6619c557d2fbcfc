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
