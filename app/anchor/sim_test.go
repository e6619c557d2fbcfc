package anchor_test

// The edit simulator shared by the property test, TestReanchorReport and
// BenchmarkReanchorReport: claims are marked on a real article, the text is
// edited at random, and every rune carries its original offset through each
// edit, so re-anchoring can be judged against where the words really went.

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/evidence-workbench/workbench/app"
)

// article is one real text the simulator edits.
type article struct {
	name string
	text string
}

// loadArticles reads the seed articles (../../../shared/seeds) and the
// sample case (../../assets/sample) at test time; their text is never copied
// into the project. The last article is all of them joined, a longer text
// with more look-alike places. Tests skip when none is present.
func loadArticles(tb testing.TB) []article {
	tb.Helper()
	var out []article
	for _, glob := range []string{"../../../shared/seeds/*.txt", "../../assets/sample/*.txt"} {
		files, err := filepath.Glob(glob)
		if err != nil {
			tb.Fatal(err)
		}
		sort.Strings(files)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				tb.Fatal(err)
			}
			out = append(out, article{name: filepath.Base(f), text: string(b)})
		}
	}
	if len(out) == 0 {
		tb.Skip("no seed or sample articles beside the repository")
	}
	all := make([]string, len(out))
	for i, a := range out {
		all[i] = a.text
	}
	return append(out, article{name: "all-joined", text: strings.Join(all, "\n\n")})
}

// picker draws random choices: from rapid in the property test, from a
// seeded generator in the report.
type picker interface {
	// intn returns a number in [0, n); n > 0.
	intn(n int, label string) int
}

// truth is a claim's old anchor and its true span now, carried through
// every edit as the brief defines it: an edit before the span shifts it, an
// insertion inside it widens it, a deletion shrinks it, a move is a
// deletion and an insertion (a claim wholly inside the moved text travels
// with it).
type truth struct {
	old  app.Anchor
	span app.Span
}

// owns reports whether span holds at least half of the claim's own runes.
func (s *scenario) owns(c *truth, span app.Span) bool {
	n := 0
	for i := span.Start; i < span.End; i++ {
		if _, ok := s.claimRune(c, i); ok {
			n++
		}
	}
	return 2*n >= c.old.Len()
}

// dupLen: a passage of this many runes printed twice in the original
// article (a headline repeated, a line quoted in the comments) holds the
// same words at both places; which copy a rune came from cannot be seen
// in the text, so the harness counts either as the claim's.
const dupLen = 40

var dupCache = struct {
	sync.Mutex
	m map[string]map[int][]int
}{m: map[string]map[int][]int{}}

// duplicates maps each original offset inside a passage of dupLen runes
// or more that the original text prints twice to the matching offsets.
func duplicates(text []rune) map[int][]int {
	key := string(text)
	dupCache.Lock()
	defer dupCache.Unlock()
	if d, ok := dupCache.m[key]; ok {
		return d
	}
	at := map[string][]int{}
	for i := 0; i+dupLen <= len(text); i++ {
		k := string(text[i : i+dupLen])
		at[k] = append(at[k], i)
	}
	d := map[int][]int{}
	for _, ps := range at {
		for _, p := range ps {
			for _, q := range ps {
				if p == q {
					continue
				}
				for t := 0; t < dupLen; t++ {
					if !slices.Contains(d[p+t], q+t) {
						d[p+t] = append(d[p+t], q+t)
					}
				}
			}
		}
	}
	dupCache.m[key] = d
	return d
}

// claimRune returns the claim rune (its original offset) that text rune i
// is: the rune itself, a copy of it made by a "copy" edit, or the same
// rune of a passage the original printed twice (see dupLen).
func (s *scenario) claimRune(c *truth, i int) (int, bool) {
	o := int(s.orig[i])
	if src, ok := copiedFrom(s.orig[i]); ok {
		o = src
	}
	if o < 0 {
		return 0, false
	}
	if o >= c.old.Start && o < c.old.End {
		return o, true
	}
	for _, e := range s.dups[o] {
		if e >= c.old.Start && e < c.old.End {
			return e, true
		}
	}
	return 0, false
}

// literal reports whether most runes of span are the claim's own runes
// rather than copies or duplicates of them.
func (s *scenario) literal(c *truth, span app.Span) bool {
	own, other := 0, 0
	for i := span.Start; i < span.End; i++ {
		if _, ok := s.claimRune(c, i); ok {
			if o := int(s.orig[i]); o >= c.old.Start && o < c.old.End {
				own++
			} else {
				other++
			}
		}
	}
	return own >= other
}

// Classes of a claim's truth after the edits.
const (
	classIntact = "intact" // no edit touched the quote's runes
	classEdited = "edited" // the quote was edited within the budget (half its runes)
	classHeavy  = "heavy"  // at least half of it survives, but more edits than the budget
	classGone   = "gone"   // less than half survives: it should be orphaned
)

// locate classes the claim by its own runes, lists where its words are now
// and returns its damage (the runes deleted from and inserted into its
// place, over its length). Every rune remembers where it came from (see
// claimRune); runes written since remember nothing, so words deleted and
// written again do not count as surviving. The claim's places are its
// tracked span when at least half of its runes are still in it, and any
// run of its runes that travelled together (a paragraph move that took
// most of the quote along) holding at least half of them.
func (s *scenario) locate(c *truth) (class string, places []app.Span, damage float64) {
	n := c.old.Len()
	own := func(i int) bool { _, ok := s.claimRune(c, i); return ok }
	type place struct {
		app.Span
		kept int
	}
	var cands []place
	kept := 0
	for i := c.span.Start; i < c.span.End; i++ {
		if own(i) {
			kept++
		}
	}
	cands = append(cands, place{c.span, kept})
	var run *place
	last := -1
	for i := range s.orig {
		j, ok := s.claimRune(c, i)
		if !ok {
			continue
		}
		if run != nil && j > last && i-run.End <= n/2 {
			run.End, run.kept = i+1, run.kept+1
		} else {
			if run != nil {
				cands = append(cands, *run)
			}
			run = &place{app.Span{Start: i, End: i + 1}, 1}
		}
		last = j
	}
	if run != nil {
		cands = append(cands, *run)
	}
	class = classGone
	rank := map[string]int{classGone: 0, classHeavy: 1, classEdited: 2, classIntact: 3}
	for i, p := range cands {
		if p.Len() <= 0 || 2*p.kept < n {
			continue
		}
		places = append(places, p.Span)
		deleted, inserted := n-p.kept, p.Len()-p.kept
		dmg := float64(deleted+inserted) / float64(n)
		cl := classHeavy
		switch {
		case deleted+inserted == 0:
			cl = classIntact
		case 2*(deleted+inserted) <= n:
			cl = classEdited
		}
		if i == 0 {
			class, damage = cl, dmg // the tracked span, when it holds half the claim, classes it
		} else if class == classGone || rank[cl] > rank[class] && len(places) == 1 {
			class, damage = cl, dmg
		}
	}
	return class, places, damage
}

// scenario is one article, its claims and the edits made to it.
type scenario struct {
	original []rune
	dups     map[int][]int // see duplicates
	text     []rune
	orig     []int32 // each rune's offset in the original text; -1 for runes written since
	claims   []*truth
	edits    []string
}

// replace puts ins in place of text[a:b] and carries every claim's span.
// The new runes are new (no original offset) unless from says where they
// came from (a move). Runes the edit writes back unchanged at either end (a
// word replaced by the same word) are not touched: they survive.
func (s *scenario) replace(a, b int, ins []rune, from ...int32) {
	if from == nil {
		for a < b && len(ins) > 0 && s.text[a] == ins[0] {
			a, ins = a+1, ins[1:]
		}
		for a < b && len(ins) > 0 && s.text[b-1] == ins[len(ins)-1] {
			b, ins = b-1, ins[:len(ins)-1]
		}
	}
	s.text = append(s.text[:a:a], append(append([]rune(nil), ins...), s.text[b:]...)...)
	prov := from
	if prov == nil {
		prov = make([]int32, len(ins))
		for i := range prov {
			prov[i] = -1
		}
	}
	s.orig = append(s.orig[:a:a], append(append([]int32(nil), prov...), s.orig[b:]...)...)
	shift := len(ins) - (b - a)
	for _, c := range s.claims {
		st, en := c.span.Start, c.span.End
		switch {
		case b <= st: // wholly before (an insertion at the start stays outside)
			c.span = app.Span{Start: st + shift, End: en + shift}
		case a >= en: // wholly after
		case a >= st && b <= en: // inside
			c.span.End = en + shift
		case a < st && b <= en: // covers the start: new words go before
			c.span = app.Span{Start: a + len(ins), End: en + shift}
		case a >= st && b > en: // covers the end: new words go after
			c.span.End = a
		default: // covers it all
			c.span = app.Span{Start: a, End: a}
		}
	}
}

// copyOf marks a rune as a copy of the rune with provenance o: -2-offset
// for a copy of original rune offset, -1 (new) for a copy of anything else.
func copyOf(o int32) int32 {
	switch {
	case o >= 0:
		return -2 - o
	case o < -1:
		return o
	}
	return -1
}

// copiedFrom returns the original offset a copied rune was copied from.
func copiedFrom(o int32) (int, bool) { return int(-2 - o), o < -1 }

// move cuts text[a:b] and pastes it at offset to of the text without it;
// claims wholly inside the cut travel with it, the others see a deletion
// and an insertion.
func (s *scenario) move(a, b, to int) {
	seg := append([]rune(nil), s.text[a:b]...)
	prov := append([]int32(nil), s.orig[a:b]...)
	all := s.claims
	var inside []*truth
	var offsets []int
	s.claims = nil
	for _, c := range all {
		if c.span.Len() > 0 && c.span.Start >= a && c.span.End <= b {
			inside = append(inside, c)
			offsets = append(offsets, c.span.Start-a)
		} else {
			s.claims = append(s.claims, c)
		}
	}
	s.replace(a, b, nil)
	s.replace(to, to, seg, prov...)
	for i, c := range inside {
		n := c.span.Len()
		c.span = app.Span{Start: to + offsets[i], End: to + offsets[i] + n}
	}
	s.claims = all
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// wordStarts lists the offsets where a word begins, and wordEnds where one ends.
func wordBounds(text []rune) (starts, ends []int) {
	for i, r := range text {
		if isWordRune(r) && (i == 0 || !isWordRune(text[i-1])) {
			starts = append(starts, i)
		}
		if isWordRune(r) && (i+1 == len(text) || !isWordRune(text[i+1])) {
			ends = append(ends, i+1)
		}
	}
	return starts, ends
}

// lines lists each line with its newline as [start, end).
func lines(text []rune) [][2]int {
	var out [][2]int
	start := 0
	for i, r := range text {
		if r == '\n' {
			out = append(out, [2]int{start, i + 1})
			start = i + 1
		}
	}
	if start < len(text) {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

// blocks lists the paragraphs as [start, end): the lines up to and with
// the newlines that end them, blank lines included.
func blocks(text []rune) [][2]int {
	var out [][2]int
	start := 0
	for i := 1; i < len(text); i++ {
		if text[i] != '\n' && text[i-1] == '\n' && i >= 2 && text[i-2] == '\n' {
			out = append(out, [2]int{start, i})
			start = i
		}
	}
	if start < len(text) {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

// sentenceStarts lists offsets after ". ", "? ", "! " and line starts.
func sentenceStarts(text []rune) []int {
	out := []int{0}
	for i := 1; i < len(text); i++ {
		if text[i-1] == '\n' || unicode.IsSpace(text[i-1]) && i >= 2 && strings.ContainsRune(".?!”\"", text[i-2]) {
			if !unicode.IsSpace(text[i]) {
				out = append(out, i)
			}
		}
	}
	return out
}

func newScenario(text string) *scenario {
	s := &scenario{text: []rune(text), original: []rune(text)}
	s.dups = duplicates(s.original)
	s.orig = make([]int32, len(s.text))
	for i := range s.orig {
		s.orig[i] = int32(i)
	}
	return s
}

// markClaim selects a span the way an analyst might: a few runes, some
// words, a sentence or two, a paragraph, or an arbitrary run.
func (s *scenario) markClaim(p picker) {
	starts, ends := wordBounds(s.text)
	if len(starts) == 0 {
		return
	}
	for try := 0; try < 20; try++ {
		var sp app.Span
		switch k := p.intn(20, "claim kind"); {
		case k < 2: // 1-3 runes at a word start (a number, an initial)
			a := starts[p.intn(len(starts), "short at")]
			sp = app.Span{Start: a, End: min(len(s.text), a+1+p.intn(3, "short len"))}
		case k < 9: // 1-12 words
			i := p.intn(len(starts), "word")
			j := min(len(ends)-1, i+p.intn(12, "words"))
			sp = app.Span{Start: starts[i], End: ends[j]}
		case k < 16: // 1-3 sentences
			ss := sentenceStarts(s.text)
			i := p.intn(len(ss), "sentence")
			j := i + 1 + p.intn(3, "sentences")
			end := len(s.text)
			if j < len(ss) {
				end = ss[j]
			}
			sp = app.Span{Start: ss[i], End: end}
			for sp.End > sp.Start && unicode.IsSpace(s.text[sp.End-1]) {
				sp.End--
			}
		case k < 18: // a paragraph (one line, without its newline)
			ls := lines(s.text)
			l := ls[p.intn(len(ls), "paragraph")]
			sp = app.Span{Start: l[0], End: l[1]}
			for sp.End > sp.Start && s.text[sp.End-1] == '\n' {
				sp.End--
			}
		default: // any run of 1-150 runes
			a := p.intn(len(s.text), "raw at")
			sp = app.Span{Start: a, End: min(len(s.text), a+1+p.intn(150, "raw len"))}
		}
		if sp.Len() <= 0 || !strings.ContainsFunc(string(s.text[sp.Start:sp.End]), isWordRune) {
			continue
		}
		old, err := app.NewAnchor(string(s.text), sp)
		if err != nil {
			panic(err)
		}
		s.claims = append(s.claims, &truth{old: old, span: sp})
		return
	}
}

// syllables make the invented words edits write. Words taken from the
// article itself would now and then write a claim's own words back at its
// place (rapid finds such coincidences at once), and which runes are the
// claim's would then be a matter of taste; duplicated real text comes from
// the copy edit, whose runes the simulator follows as copies.
var syllables = []string{"zor", "vek", "mal", "qu", "in", "tor", "ba", "ly", "sen", "dra", "fo", "pim", "ush", "ke", "ro"}

// words invents n words of one to three syllables.
func (s *scenario) words(p picker, n int) []rune {
	w := make([]string, n)
	for i := range w {
		var b strings.Builder
		for k := 1 + p.intn(3, "syllables"); k > 0; k-- {
			b.WriteString(syllables[p.intn(len(syllables), "syllable")])
		}
		w[i] = b.String()
	}
	return []rune(strings.Join(w, " "))
}

// at draws an offset, at a word boundary half of the time.
func (s *scenario) at(p picker) int {
	if p.intn(2, "snap") == 0 {
		if starts, _ := wordBounds(s.text); len(starts) > 0 {
			return starts[p.intn(len(starts), "word at")]
		}
	}
	return p.intn(len(s.text)+1, "at")
}

// edit makes one random edit and records what it was.
func (s *scenario) edit(p picker) {
	n := len(s.text)
	if n == 0 {
		s.replace(0, 0, s.words(p, 1+p.intn(20, "words")))
		s.edits = append(s.edits, "write into empty text")
		return
	}
	switch k := p.intn(20, "edit kind"); {
	case k < 4: // insert words
		at, w := s.at(p), s.words(p, 1+p.intn(20, "words"))
		s.replace(at, at, append(w, ' '))
		s.edits = append(s.edits, fmt.Sprintf("insert %d runes at %d", len(w)+1, at))
	case k < 5: // insert a copy of a piece of the text (duplicated sentences)
		a := p.intn(n, "copy from")
		b := min(n, a+1+p.intn(120, "copy len"))
		seg := append([]rune(nil), s.text[a:b]...)
		prov := make([]int32, len(seg))
		for i, o := range s.orig[a:b] {
			prov[i] = copyOf(o)
		}
		at := s.at(p)
		s.replace(at, at, seg, prov...)
		s.edits = append(s.edits, fmt.Sprintf("copy %d-%d to %d", a, b, at))
	case k < 8: // delete a run
		a := s.at(p)
		b := min(n, a+1+p.intn(80, "delete len"))
		a = min(a, b)
		s.replace(a, b, nil)
		s.edits = append(s.edits, fmt.Sprintf("delete %d-%d", a, b))
	case k < 11: // replace a run with other words
		a := s.at(p)
		b := min(n, a+1+p.intn(40, "replace len"))
		a = min(a, b)
		w := s.words(p, 1+p.intn(6, "words"))
		s.replace(a, b, w)
		s.edits = append(s.edits, fmt.Sprintf("replace %d-%d with %d runes", a, b, len(w)))
	case k < 13: // move a paragraph with the blank lines after it
		bs := blocks(s.text)
		l := bs[p.intn(len(bs), "move block")]
		if s.text[l[1]-1] != '\n' {
			s.edits = append(s.edits, "move: the last paragraph has no newline, skipped")
			return
		}
		rest := append(append([]rune(nil), s.text[:l[0]]...), s.text[l[1]:]...)
		var targets []int
		for _, m := range blocks(rest) {
			targets = append(targets, m[0])
		}
		if len(rest) > 0 && rest[len(rest)-1] == '\n' {
			targets = append(targets, len(rest))
		}
		if len(targets) == 0 {
			return
		}
		to := targets[p.intn(len(targets), "move to")]
		if to == l[0] {
			s.edits = append(s.edits, "move: same place, skipped")
			return
		}
		s.move(l[0], l[1], to)
		s.edits = append(s.edits, fmt.Sprintf("move paragraph %d-%d to %d", l[0], l[1], to))
	case k < 14: // delete a whole line
		ls := lines(s.text)
		l := ls[p.intn(len(ls), "delete line")]
		s.replace(l[0], l[1], nil)
		s.edits = append(s.edits, fmt.Sprintf("delete line %d-%d", l[0], l[1]))
	case k < 19: // edit inside a claim's quote
		s.editQuote(p)
	default: // reformat: Windows line endings, or blank lines collapsed
		if p.intn(2, "reformat") == 0 {
			for i := len(s.text) - 1; i >= 0; i-- {
				if s.text[i] == '\n' && (i == 0 || s.text[i-1] != '\r') {
					s.replace(i, i, []rune{'\r'})
				}
			}
			s.edits = append(s.edits, "CRLF line endings")
		} else {
			for i := len(s.text) - 1; i > 0; i-- {
				if s.text[i] == '\n' && s.text[i-1] == '\n' {
					s.replace(i, i+1, nil)
				}
			}
			s.edits = append(s.edits, "collapse blank lines")
		}
	}
}

// editQuote changes a claim's own words: a typo, a word replaced, a few
// runes deleted or a few words inserted.
func (s *scenario) editQuote(p picker) {
	var live []*truth
	for _, c := range s.claims {
		if c.span.Len() > 1 {
			live = append(live, c)
		}
	}
	if len(live) == 0 {
		s.edits = append(s.edits, "quote edit: no claim left, skipped")
		return
	}
	c := live[p.intn(len(live), "quote")]
	st, en := c.span.Start, c.span.End
	switch p.intn(4, "quote edit") {
	case 0:
		at := st + p.intn(en-st, "typo at")
		s.replace(at, at+1, []rune{rune('a' + p.intn(26, "letter"))})
		s.edits = append(s.edits, fmt.Sprintf("typo at %d in %d-%d", at, st, en))
	case 1:
		starts, ends := wordBounds(s.text[st:en])
		if len(starts) == 0 || len(ends) == 0 {
			return
		}
		i := p.intn(len(starts), "word")
		j := sort.SearchInts(ends, starts[i]+1)
		if j == len(ends) {
			return
		}
		w := s.words(p, 1)
		s.replace(st+starts[i], st+ends[j], w)
		s.edits = append(s.edits, fmt.Sprintf("replace word %d-%d in %d-%d", st+starts[i], st+ends[j], st, en))
	case 2:
		n := 1 + p.intn(max(1, (en-st)/4), "cut len")
		at := st + p.intn(max(1, en-st-n+1), "cut at")
		s.replace(at, min(en, at+n), nil)
		s.edits = append(s.edits, fmt.Sprintf("cut %d-%d in %d-%d", at, min(en, at+n), st, en))
	default:
		at := st + 1 + p.intn(en-st-1, "insert at")
		w := append([]rune{' '}, s.words(p, 1+p.intn(3, "words"))...)
		s.replace(at, at, w)
		s.edits = append(s.edits, fmt.Sprintf("insert %d runes at %d in %d-%d", len(w), at, st, en))
	}
}

// simulate builds one scenario: up to 8 claims on the article, then 1-8 edits.
func simulate(p picker, text string) *scenario {
	s := newScenario(text)
	for n := 1 + p.intn(8, "claims"); n > 0; n-- {
		s.markClaim(p)
	}
	for n := 1 + p.intn(8, "edits"); n > 0; n-- {
		s.edit(p)
	}
	return s
}
