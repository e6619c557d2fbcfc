package widgets_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// benchWords returns the vocabulary of the raw seed articles (when the
// shared seeds are there) or made-up words otherwise.
func benchWords() []string {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "seeds", "*.txt"))
	var words []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err == nil {
			words = append(words, strings.Fields(string(data))...)
		}
	}
	if len(words) < 500 {
		rng := rand.New(rand.NewPCG(1, 2))
		words = words[:0]
		for range 3000 {
			w := make([]byte, 2+rng.IntN(9))
			for i := range w {
				w[i] = byte('a' + rng.IntN(26))
			}
			words = append(words, string(w))
		}
	}
	return words
}

// benchArticle builds an article of n words: the seeds' words in order,
// one in ten replaced by a rare word (so that about 10% of the words are
// distinct, as in a long real article), paragraphs of 40-160 words. tag
// makes every word new, for measuring a cold width cache.
func benchArticle(n int, tag string) string {
	words := benchWords()
	rng := rand.New(rand.NewPCG(3, 4))
	var b strings.Builder
	para := 40 + rng.IntN(120)
	for i := range n {
		w := words[i%len(words)]
		if rng.IntN(10) == 0 {
			w = fmt.Sprintf("%s%d", w, i)
		}
		b.WriteString(w)
		b.WriteString(tag)
		if para--; para == 0 {
			b.WriteString("\r\n\r\n")
			para = 40 + rng.IntN(120)
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// BenchmarkOpen100kWords measures SetText and the layout of a 100,000-word
// article at 800 px wide, with the objects of the first screen built.
func BenchmarkOpen100kWords(b *testing.B) {
	b.Run("warm", func(b *testing.B) {
		text := benchArticle(100_000, "")
		r, _, _ := newReader(b, "", 800, 600)
		r.SetText(text) // fills the word-width cache, as earlier articles would
		b.ResetTimer()
		for b.Loop() {
			r.SetText(text)
		}
	})
	b.Run("cold", func(b *testing.B) {
		r, _, _ := newReader(b, "", 800, 600)
		for i := 0; b.Loop(); i++ {
			b.StopTimer()
			text := benchArticle(100_000, fmt.Sprintf("·%d", i)) // every word unseen
			b.StartTimer()
			r.SetText(text)
		}
	})
}

// BenchmarkScrollStep measures one mouse-wheel step (3 lines) in the
// 100,000-word article, and a jump to a far offset that rebuilds every
// visible line.
func BenchmarkScrollStep(b *testing.B) {
	text := benchArticle(100_000, "")
	r, _, _ := newReader(b, text, 800, 600)
	s := scrollOf(b, r)
	b.Run("wheel", func(b *testing.B) {
		dy := float32(-90)
		for b.Loop() {
			before := s.Offset.Y
			s.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: dy}})
			if s.Offset.Y == before {
				dy = -dy
			}
		}
	})
	b.Run("jump", func(b *testing.B) {
		n := len([]rune(text))
		for i := 0; b.Loop(); i++ {
			r.ScrollToOffset(i * 7919 % n)
		}
	})
}

// BenchmarkHitTest measures OffsetAt over points spread across the view.
func BenchmarkHitTest(b *testing.B) {
	text := benchArticle(100_000, "")
	r, _, _ := newReader(b, text, 800, 600)
	r.ScrollToOffset(len([]rune(text)) / 2)
	var pts []fyne.Position
	for y := float32(5); y < 600; y += 37 {
		for x := float32(3); x < 800; x += 53 {
			pts = append(pts, fyne.NewPos(x, y))
		}
	}
	sum := 0
	for i := 0; b.Loop(); i++ {
		sum += r.OffsetAt(pts[i%len(pts)])
	}
	if sum < 0 {
		b.Fatal(sum)
	}
}
