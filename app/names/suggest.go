package names

import (
	"strings"
	"unicode"

	"github.com/evidence-workbench/workbench/app"
)

// Mention is a stretch of article text that looks like the name of a
// person, place or organisation.
type Mention struct {
	Text string   // as written in the article
	Span app.Span // where, in runes, end exclusive
	Key  string   // Key(Text): mentions with one key are probably one entity
}

// token is one word of the text.
type token struct {
	start, end int // runes, end exclusive
	lower      string
	cap        bool // starts with a capital (or is a lower-case particle + capital: al-Abadi)
	acronym    bool // two or more letters, all capitals
	sentStart  bool // first word of a sentence or a line
	glued      bool // only blanks separate it from the previous token on the same line
	endsRun    bool // a possessive or a cut hyphenation ends the name here
	line       int
}

// Suggest proposes entity mentions in text: runs of capitalised words,
// with the particles of Arabic and European names inside them (Haider
// al-Abadi, Abu Kamal, Osama bin Laden, Staffan de Mistura). Titles (Prime
// Minister, Lt. Gen.) are left out, weekdays and months are never
// suggested, nor are common words that are only capitalised because they
// start a sentence or sit in a title-case headline. Spans are in runes.
func Suggest(text string) []Mention {
	rs := []rune(text)
	toks := tokenize(rs)
	lowerSeen := map[string]bool{}
	for _, t := range toks {
		if !t.cap && !t.acronym {
			lowerSeen[t.lower] = true
		}
	}
	headline, shouting := headlines(rs, toks)
	// Words capitalised mid-sentence in running text are names; so are
	// other spellings with their key (Husaibah confirms Husaybah).
	confirmed := map[string]bool{}
	for _, t := range toks {
		if t.cap && !t.sentStart && !headline[t.line] {
			confirmed[t.lower] = true
			confirmed["key:"+Key(t.lower)] = true
			if h := strings.IndexAny(t.lower, "-‐‑"); h > 0 && hyphenParticles[t.lower[:h]] {
				confirmed[t.lower[h+1:]] = true // al-Abadi confirms Abadi
			}
		}
	}
	common := func(t token) bool { return stopWords[t.lower] || lowerSeen[t.lower] }

	var out []Mention
	var run, pending []token
	flush := func() {
		out = appendMention(out, rs, run, common, confirmed)
		run, pending = run[:0], pending[:0]
	}
	for _, t := range toks {
		if !t.glued || (len(run) > 0 && run[len(run)-1].endsRun) {
			flush()
		}
		switch {
		case calendarWords[t.lower] || (t.cap && titleWords[t.lower]):
			flush()
		case t.cap && headline[t.line] && !confirmed[t.lower] && (shouting[t.line] || !t.acronym):
			flush() // a headline word never seen capitalised in running text
		case t.cap:
			if len(run) > 0 {
				run = append(run, pending...)
			}
			pending = pending[:0]
			run = append(run, t)
		case joinWords[t.lower] && len(run) > 0:
			pending = append(pending, t)
		default:
			flush()
		}
	}
	flush()
	return out
}

// appendMention trims a run of capitalised tokens to the name in it and
// appends it to out. A lone word that starts a sentence and is never
// capitalised mid-sentence is most likely an ordinary word (Returning,
// Rigorous) and is left out.
func appendMention(out []Mention, rs []rune, run []token, common func(token) bool, confirmed map[string]bool) []Mention {
	for len(run) > 0 && !run[0].acronym && (stopWords[run[0].lower] || (run[0].sentStart && common(run[0]))) {
		run = run[1:]
	}
	for len(run) > 0 && nameParticles[run[len(run)-1].lower] {
		run = run[:len(run)-1]
	}
	if len(run) == 0 || (len(run) == 1 && (run[0].end-run[0].start < 2 || demonyms[run[0].lower])) {
		return out
	}
	if t := run[0]; len(run) == 1 && t.sentStart && !t.acronym && !confirmed[t.lower] && !confirmed["key:"+Key(t.lower)] {
		return out
	}
	allParticles := true
	for _, t := range run {
		allParticles = allParticles && nameParticles[t.lower]
	}
	if allParticles {
		return out
	}
	s := app.Span{Start: run[0].start, End: run[len(run)-1].end}
	name := string(rs[s.Start:s.End])
	return append(out, Mention{Text: name, Span: s, Key: Key(name)})
}

// tokenize splits rs into words. A word is letters, digits and marks, with
// apostrophes and hyphens inside it (Qa'im, al-Abadi).
func tokenize(rs []rune) []token {
	var toks []token
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }
	isHyphen := func(r rune) bool { return r == '-' || r == '‐' || r == '‑' }
	line := 0
	gapStart := 0
	for i := 0; i < len(rs); {
		if !isWord(rs[i]) {
			i++
			continue
		}
		start := i
		for i < len(rs) {
			switch {
			case isWord(rs[i]):
				i++
				continue
			case (isApostrophe(rs[i]) || isHyphen(rs[i])) && i+1 < len(rs) && unicode.IsLetter(rs[i+1]) && i > start:
				i++
				continue
			}
			break
		}
		t := token{start: start, end: i}
		gap := rs[gapStart:start]
		t.glued = len(toks) > 0
		t.sentStart = len(toks) == 0
		for _, r := range gap {
			switch {
			case r == '\n':
				line++
				t.glued, t.sentStart = false, true
			case r == '.' || r == '!' || r == '?':
				t.glued, t.sentStart = false, true
			case r == ' ' || r == '\t' || r == '\u00a0':
			default:
				t.glued = false
			}
		}
		t.line = line
		gapStart = i
		classify(rs, &t)
		toks = append(toks, t)
	}
	return toks
}

// classify fills in a token's case, cuts possessives and hyphenated
// lower-case tails (US-led is US), and recognises al-Abadi as capitalised.
func classify(rs []rune, t *token) {
	w := rs[t.start:t.end]
	if n := len(w); n > 2 && isApostrophe(w[n-2]) && (w[n-1] == 's' || w[n-1] == 'S') {
		t.end -= 2 // possessive: ISIS's
		t.endsRun = true
		w = w[:n-2]
	}
	// Cut at a hyphen followed by a lower-case part unless what precedes it
	// is a particle (al-awsat stays whole).
	partStart := 0
	for j := 1; j < len(w); j++ {
		if w[j-1] != '-' && w[j-1] != '‐' && w[j-1] != '‑' {
			continue
		}
		prev := strings.ToLower(string(w[partStart : j-1]))
		if unicode.IsLower(w[j]) && !hyphenParticles[prev] {
			t.end = t.start + j - 1
			t.endsRun = true
			w = w[:j-1]
			break
		}
		partStart = j
	}
	t.lower = strings.ToLower(string(w))
	if len(w) == 0 {
		return
	}
	upper := unicode.IsUpper(w[0]) || unicode.IsTitle(w[0])
	t.cap = upper
	if !upper {
		// al-Abadi, ez-Zor: a lower-case particle, a hyphen, a capital.
		if h := strings.IndexAny(string(w), "-‐‑"); h > 0 {
			head := []rune(string(w)[:h])
			if hyphenParticles[strings.ToLower(string(head))] && len(head)+1 < len(w) && unicode.IsUpper(w[len(head)+1]) {
				t.cap = true
			}
		}
	}
	letters, caps := 0, 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				caps++
			}
		}
	}
	t.acronym = letters >= 2 && caps == letters
}

// headlines finds title-case lines (most words capitalised, as headlines
// and mastheads are written, and no full stop at the end) and shouting
// lines (every word in capitals). Their capitals say nothing about names.
func headlines(rs []rune, toks []token) (headline, shouting map[int]bool) {
	headline, shouting = map[int]bool{}, map[int]bool{}
	type count struct{ words, caps, acronyms int }
	lines := map[int]*count{}
	for _, t := range toks {
		if stopWords[t.lower] && !t.cap {
			continue // "in", "of", "to" stay lower case in title case
		}
		c := lines[t.line]
		if c == nil {
			c = &count{}
			lines[t.line] = c
		}
		c.words++
		if t.cap {
			c.caps++
		}
		if t.acronym {
			c.acronyms++
		}
	}
	prose := proseLines(rs)
	for line, c := range lines {
		if c.words >= 4 && c.caps*10 >= c.words*7 && !prose[line] {
			headline[line] = true
		}
		if c.words >= 2 && c.acronyms == c.words {
			headline[line], shouting[line] = true, true
		}
	}
	return headline, shouting
}

// proseLines reports the lines of rs that end like a sentence.
func proseLines(rs []rune) map[int]bool {
	prose := map[int]bool{}
	line := 0
	var last rune
	for _, r := range rs {
		switch {
		case r == '\n':
			prose[line] = strings.ContainsRune(".!?:;,\"”)", last)
			line++
			last = 0
		case !unicode.IsSpace(r):
			last = r
		}
	}
	prose[line] = strings.ContainsRune(".!?:;,\"”)", last)
	return prose
}
