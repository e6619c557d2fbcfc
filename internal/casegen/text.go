// Package casegen makes large, realistic and deterministic cases: news
// articles about a desert offensive (made up here, never copied from real
// reports), claims on their sentences, entities with transliterated
// aliases, and events that link the claims. The scale benchmarks read a
// case of 10,000 articles built by Generate (cached on disk by Cached);
// the crash harness imports articles written by WriteArticles.
package casegen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"
)

// Words the articles are made of. Names are spelled as wires transliterate
// them, with the marks and apostrophes that folding must handle.
var (
	places = []string{"Al-Qaim", "Husaybah", "Rawa", "Anah", "Haditha", "Akashat", "Rutba", "Ḥusaybah", "Qa’im",
		"Karabilah", "Ubaydi", "Saadah", "Jubbah", "Baghdadi", "Hit", "Kubaysa", "Ramadi", "Fallujah", "Tal Afar", "Hawija"}
	people = []string{"Haider al-Abadi", "Abdulamir Yarallah", "Hadi al-Amiri", "Qais al-Khazali", "Falih al-Fayyadh",
		"Ahmed al-Jubouri", "Mohammed al-Karbouli", "Saad Maan", "Yahya Rasool", "Karim al-Nouri", "Ryan Dillon",
		"Sabah al-Numan", "Rasul Tahsin", "Qusay Hamid", "Jabbar Ali"}
	bodies = []string{"the Joint Operations Command", "the Popular Mobilisation Forces", "the Counter-Terrorism Service",
		"the coalition", "the Interior Ministry", "the Anbar provincial council", "tribal volunteers", "the border guards",
		"the army's 7th Division", "the Federal Police"}
	verbs = []string{"retook", "entered", "cleared", "surrounded", "shelled", "reached", "secured", "raided",
		"advanced on", "withdrew from"}
	days     = []string{"on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday", "earlier today", "last week", "overnight"}
	weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	units    = []string{"fighters", "civilians", "families", "vehicles", "villages", "kilometres", "killed", "wounded", "troops", "mines"}
	saying   = []string{"officials said", "a spokesman told reporters", "according to a statement", "residents said by telephone",
		"commanders said", "the ministry said", "a tribal leader said", "medics said"}
	// Publishers and wires. Made-up names: the sample case's style, none of the real outlets.
	publishers = []string{"Desert Ledger", "Euphrates Daily", "Anbar Observer", "Frontline Digest", "Valley Courier",
		"Border Times", "River Post", "Levant Wire Review", "Tigris Tribune", "Crossing Gazette", "Steppe Herald",
		"Oasis Dispatch", "Two Rivers News", "Palmyra Monitor", "Crescent Bulletin", "Caravan Press", "Sandstorm Journal",
		"Lantern News", "Highway Record", "Minaret Chronicle"}
	wires = []string{"LPA", "Meridian Wire", "Coalition Press Desk", "Gulf News Agency", "Northern Service"}
)

// Article is one generated article: a title and its text.
type Article struct {
	Title     string
	Text      string
	Publisher string
	Origin    string // "" when the article relays nothing
	Published time.Time
	// Sentences are the rune spans [start, end) of the body's sentences,
	// where claims go.
	Sentences [][2]int
}

// NewArticle writes article i of the stream seeded by seed: about 3 KB of
// news text (a headline, a dateline, six paragraphs, reader comments),
// unique to (seed, i).
func NewArticle(seed uint64, i int) Article {
	rng := rand.New(rand.NewPCG(seed, uint64(i)+1))
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	place := pick(places)
	a := Article{
		Publisher: publishers[rng.IntN(len(publishers))],
		Published: time.Date(2017, time.September, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(120)),
	}
	if rng.IntN(10) < 7 {
		a.Origin = pick(wires)
	}
	a.Title = fmt.Sprintf("%s %s %s as %s report %s", capital(strings.TrimPrefix(pick(bodies), "the ")), pick(verbs), place,
		pick([]string{"officials", "residents", "medics", "commanders"}), pick([]string{"gains", "losses", "heavy fighting", "calm"}))
	var b strings.Builder
	runes := 0
	write := func(s string) {
		b.WriteString(s)
		runes += utf8.RuneCountInString(s)
	}
	sentence := func(s string) {
		a.Sentences = append(a.Sentences, [2]int{runes, runes + utf8.RuneCountInString(s)})
		write(s)
	}
	write(a.Title + "\n\n")
	origin := a.Origin
	if origin == "" {
		origin = a.Publisher
	}
	write(fmt.Sprintf("%s, Iraq (%s) %s - ", strings.ToUpper(place), origin, a.Published.Format("Jan 2, 2006")))
	paragraphs := 6 + rng.IntN(3)
	for p := range paragraphs {
		if p > 0 {
			write("\n\n")
		}
		for s := range 4 {
			if s > 0 {
				write(" ")
			}
			sentence(newSentence(rng, pick))
		}
	}
	// A number unique to the article keeps every text distinct (the case
	// refuses a second copy of the same text).
	write("\n\n")
	sentence(fmt.Sprintf("Report %d-%d: %s counted %d %s near %s %s.", seed, i, capital(pick(bodies)), 100+i, pick(units), pick(places), pick(days)))
	write("\n\n" + fmt.Sprintf("%d thoughts on “%s”\n%s says:\nStay safe, everyone. Reply\n", 2+rng.IntN(9), a.Title, pick(people)))
	a.Text = b.String()
	return a
}

func newSentence(rng *rand.Rand, pick func([]string) string) string {
	switch rng.IntN(5) {
	case 0:
		return fmt.Sprintf("%s %s %s %s, %s.", capital(pick(bodies)), pick(verbs), pick(places), pick(days), pick(saying))
	case 1:
		return fmt.Sprintf("%s said %d %s had been freed since %s.", pick(people), 10+rng.IntN(5000), pick(units), pick(weekdays))
	case 2:
		return fmt.Sprintf("“We %s %s and we will hold it,” %s said %s.", pick(verbs), pick(places), pick(people), pick(days))
	case 3:
		return fmt.Sprintf("About %d,%03d %s remain in the %s area, %s.", 1+rng.IntN(40), rng.IntN(1000), pick(units), pick(places), pick(saying))
	}
	return fmt.Sprintf("Fighting near %s and %s forced %d %s to flee towards %s %s.", pick(places), pick(places), 20+rng.IntN(900), pick(units), pick(places), pick(days))
}

func capital(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(r)) + s[n:]
}

// WriteArticles writes articles from to from+n-1 of the stream seeded by
// seed as .txt files into dir and returns their paths.
func WriteArticles(dir string, seed uint64, from, n int) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("make article folder: %w", err)
	}
	paths := make([]string, 0, n)
	for i := from; i < from+n; i++ {
		p := filepath.Join(dir, fmt.Sprintf("article-%06d.txt", i))
		if err := os.WriteFile(p, []byte(NewArticle(seed, i).Text), 0o644); err != nil {
			return nil, fmt.Errorf("write article: %w", err)
		}
		paths = append(paths, p)
	}
	return paths, nil
}
