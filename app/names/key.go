package names

import (
	"strings"
	"sync"
)

// The matching key. Key(s) reduces a folded name to what most Latin
// romanisations of the same Arabic, Persian or Kurdish name share:
//
//   - the article al/el (and ul, as in Zia ul Haq) before another word is
//     dropped, and so are its assimilated forms ad-, ar-, as-, ash-, az-,
//     at-, an-, ath-, adh- and ed-, er-, es-, et-, en-, ez- when the next
//     word starts with the consonant the article assimilated to (as-Sadr,
//     ar-Ramadi, Deir ez-Zor; "as Iraq" keeps its "as"). A word after the
//     first that glues such an article on with a doubled consonant
//     (Deir Ezzor) loses it too. After "abd" the article is part of the
//     name (Abd al-Amir = Abdulamir) and stays, as "al";
//   - consonant spellings that stand for one Arabic letter are unified
//     (see subst); every other consonant is kept, so distinct letters keep
//     distinct names apart;
//   - every run of vowels (a e i o u, and y except at the start of a word
//     before a vowel; w after a vowel when it closes a diphthong, as in
//     Mawsil = Mosul, or before o/u, as in Dawud = Daoud) becomes one "a";
//   - a final h after a vowel (the ta marbuta: Fallujah = Falluja) is
//     dropped;
//   - doubled letters are written once (Qassem = Qasem); digits are kept
//     as they are.
//
// Words stay separate in KeyWords and MapKey; Key joins them, so spacing
// does not matter: Tal Afar = Talafar, Abdel Amir = Abdulamir.

// Key returns the matching key of s: equal keys mean "probably the same
// name". "Al Qa'im", "al-Qaim" and "Qaim" all have the key "kam".
func Key(s string) string {
	sc := getScratch()
	defer putScratch(sc)
	u := sc.key(s, false)
	var b strings.Builder
	b.Grow(len(u))
	for _, x := range u {
		if x.r != ' ' {
			b.WriteRune(x.r)
		}
	}
	return b.String()
}

// KeyWords returns the key of s with its words separated by single spaces;
// without the spaces it is Key(s).
func KeyWords(s string) string {
	sc := getScratch()
	defer putScratch(sc)
	return unitString(sc.key(s, false))
}

// Bare returns Fold(s) without the articles Key drops and without spaces,
// the letters otherwise untouched: "Al Qa'im" gives "qaim", "Qom" gives
// "qom". Names whose keys collide (Qaim and Qom both have the key "kam")
// can be told apart by how close their bare forms are to what was typed.
func Bare(s string) string {
	sc := getScratch()
	defer putScratch(sc)
	var b strings.Builder
	for _, x := range sc.key(s, true) {
		if x.r != ' ' {
			b.WriteRune(x.r)
		}
	}
	return b.String()
}

// Forms returns KeyWords(s) and the bare words of s (Bare, with its words
// separated by single spaces) in one pass. Both have the same number of
// words, word for word: "Haider al-Abadi" gives "hadar abada" and
// "haider abadi".
func Forms(s string) (keyWords, bareWords string) {
	sc := getScratch()
	defer putScratch(sc)
	sc.split(s)
	keyWords = unitString(sc.emit(false))
	bareWords = unitString(sc.emit(true))
	return keyWords, bareWords
}

// MapKey returns KeyWords(s) and, for each of its runes, the runes of s it
// stands for.
func MapKey(s string) (string, Mapping) {
	sc := getScratch()
	defer putScratch(sc)
	u := sc.key(s, false)
	return unitString(u), unitMapping(u)
}

// scratch holds the buffers of one key computation.
type scratch struct {
	fold  []unit
	words [][2]int
	kept  [][]unit
	tmp   []unit
	vowel []bool
	out   []unit
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

func putScratch(sc *scratch) {
	if cap(sc.fold) > 1<<16 { // do not keep huge buffers alive
		*sc = scratch{}
	}
	scratchPool.Put(sc)
}

// key computes the key units of s (words separated by ' ' units) into
// sc.out and returns it. A bare key keeps the folded letters of the words.
func (sc *scratch) key(s string, bare bool) []unit {
	sc.split(s)
	return sc.emit(bare)
}

// split folds s and picks the words the key keeps, handling the articles.
func (sc *scratch) split(s string) {
	sc.fold = fold(s, sc.fold[:0])
	f := sc.fold
	sc.words = sc.words[:0]
	start := 0
	for i := 0; i <= len(f); i++ {
		if i == len(f) || f[i].r == ' ' {
			if i > start {
				sc.words = append(sc.words, [2]int{start, i})
			}
			start = i + 1
		}
	}
	sc.kept = sc.kept[:0]
	prevAbd := false
	for wi, w := range sc.words {
		word := f[w[0]:w[1]]
		last := wi == len(sc.words)-1
		switch {
		case !last && !prevAbd && isAl(word):
			continue
		case !last && isAssimilated(word, f[sc.words[wi+1][0]:sc.words[wi+1][1]]):
			if !prevAbd {
				continue
			}
			// Abd ar-Rahman = Abdulrahman: the article stays, as "al".
			word = []unit{word[0], {r: 'l', start: word[1].start, end: word[len(word)-1].end}}
		case len(sc.kept) > 0 && isGlued(word):
			word = word[2:]
		}
		sc.kept = append(sc.kept, word)
		prevAbd = unitsEqual(word, "abd")
	}
}

// emit writes the kept words, as keys or bare, separated by ' ' units that
// stand for no rune of the original.
func (sc *scratch) emit(bare bool) []unit {
	sc.out = sc.out[:0]
	for i, word := range sc.kept {
		if i > 0 {
			sc.out = append(sc.out, unit{r: ' ', start: word[0].start, end: word[0].start})
		}
		if bare {
			sc.out = append(sc.out, word...)
		} else {
			sc.out = sc.keyWord(word, sc.out)
		}
	}
	return sc.out
}

func unitsEqual(w []unit, s string) bool {
	if len(w) != len(s) {
		return false
	}
	for i := range w {
		if w[i].r != rune(s[i]) {
			return false
		}
	}
	return true
}

// isAl reports whether w is the article al/el (or ul, as in Zia ul Haq).
func isAl(w []unit) bool {
	return len(w) == 2 && (w[0].r == 'a' || w[0].r == 'e' || w[0].r == 'u') && w[1].r == 'l'
}

// isAssimilated reports whether w is the article assimilated to the first
// consonant of next (ar-Ramadi, as-Sadr, ash-Shaab, ez-Zor, an-Najaf).
func isAssimilated(w, next []unit) bool {
	if len(w) < 2 || len(w) > 3 || (w[0].r != 'a' && w[0].r != 'e') {
		return false
	}
	cons := w[1:]
	switch {
	case len(cons) == 1 && strings.ContainsRune("dnrstz", cons[0].r):
	case len(cons) == 2 && (unitsEqual(cons, "sh") || unitsEqual(cons, "th") || unitsEqual(cons, "dh")):
	default:
		return false
	}
	if len(next) <= len(cons) {
		return false
	}
	for i, c := range cons {
		if next[i].r != c.r {
			return false
		}
	}
	return true
}

// isGlued reports whether w starts with an article written solid with the
// doubled consonant it assimilated to (Ezzor in Deir Ezzor). Only words after
// the first are checked, and not with s (Bashar Assad is not Bashar Saad).
func isGlued(w []unit) bool {
	return len(w) >= 5 && (w[0].r == 'a' || w[0].r == 'e') && w[1].r == w[2].r && strings.ContainsRune("dnrtz", w[1].r)
}

func isVowelLetter(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// keyWord appends the key of one folded word to out.
func (sc *scratch) keyWord(w []unit, out []unit) []unit {
	t := sc.subst(w)
	n := len(t)
	if cap(sc.vowel) < n {
		sc.vowel = make([]bool, n, 2*n)
	}
	v := sc.vowel[:n]
	for j := 0; j < n; j++ {
		var next rune
		if j+1 < n {
			next = t[j+1].r
		}
		switch t[j].r {
		case 'a', 'e', 'i', 'o', 'u':
			v[j] = true
		case 'y':
			// A y that starts a word before a vowel is a consonant (Yarallah,
			// Yemen); anywhere else it spells a vowel or diphthong
			// (Husaybah = Husaibah).
			v[j] = !(j == 0 && isVowelLetter(next))
		case 'w':
			// w closes a diphthong (Mawsil = Mosul, Nawruz = Norouz) or
			// joins a following o/u (Dawud = Daoud); between other vowels it
			// is a consonant (Rawa, Hawija, Awad).
			v[j] = j > 0 && v[j-1] && (next == 0 || !isVowelLetter(next) || next == 'o' || next == 'u')
		default:
			v[j] = false
		}
	}
	if n >= 2 && t[n-1].r == 'h' && v[n-2] {
		// Ta marbuta: Fallujah = Falluja. The h is still highlighted with
		// the vowel before it.
		t[n-2].end = t[n-1].end
		n--
	}
	base := len(out)
	for j := 0; j < n; j++ {
		x := t[j]
		if v[j] {
			x.r = 'a'
		}
		if len(out) > base {
			p := &out[len(out)-1]
			if p.r == x.r && !(x.r >= '0' && x.r <= '9') {
				p.end = x.end // a vowel run or a doubled letter
				continue
			}
		}
		out = append(out, x)
	}
	return out
}

// subst unifies consonant spellings of one Arabic letter. Each was checked
// against the names in testdata: none merges two names that differ there.
//
//   - q -> k: qaf is written q, k or c (Qaim/Kaim, Iraq/Irak, Qasem/Kasem);
//     no common name pair differs only in q against k.
//   - dj -> j: French romanisation of jim (Djamel = Jamal).
//   - dh -> th: dhal is written dh or th (Dhi Qar = Thi Qar). z, its Iraqi
//     and Persian sound, is NOT merged: z is zay (Zawra is not Thawra).
//   - gh -> g: ghayn is often written g (Baghdad/Bagdad, Ghazi/Gazi).
//   - x -> kh: Kurdish Latin (Kurmanji) writes kha as x (Xanaqin =
//     Khanaqin).
//   - v -> w: Persian, Kurdish and Turkish romanise waw as v (Davud =
//     Dawud, Javad = Jawad, Nineveh = Ninawa).
//
// Rejected: kh -> h (Khadi is not Hadi, Khan is not Han); j -> g (g stands
// for jim in Egypt but for qaf in Iraq and gaf in Persian: Gaim, Golestan);
// ch -> sh (Persian che is its own letter); s -> z (Saad is not Zaad).
func (sc *scratch) subst(w []unit) []unit {
	t := sc.tmp[:0]
	for j := 0; j < len(w); j++ {
		x := w[j]
		var next rune
		if j+1 < len(w) {
			next = w[j+1].r
		}
		switch {
		case x.r == 'q':
			x.r = 'k'
		case x.r == 'd' && next == 'j':
			x.r, x.end = 'j', w[j+1].end
			j++
		case x.r == 'd' && next == 'h':
			x.r = 't'
		case x.r == 'g' && next == 'h':
			x.end = w[j+1].end
			j++
		case x.r == 'v':
			x.r = 'w'
		case x.r == 'x':
			t = append(t, unit{r: 'k', start: x.start, end: x.end})
			x.r = 'h'
		}
		t = append(t, x)
	}
	sc.tmp = t
	return t
}
