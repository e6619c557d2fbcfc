// Package search is the fuzzy index behind the command palette: entity
// names and aliases, claims' statements and quotes, article titles, sources
// and events, found from a few typed letters whatever the transliteration.
//
// Candidates and queries are reduced to names.KeyWords keys (Al Qa'im,
// al-Qaim and Qaim all become "kam"), so Husaibah finds Husaybah and Haidar
// Al Abadi finds Haider al-Abadi. Results are ranked in tiers: the whole
// key equals the query's; the key starts with it; a word of the key starts
// with it; every word of the item is a word of a longer query (a pasted
// "Col. Ryan Dillon"); and last the approximate matches, a word start with
// a cheap typo (vowels cost half a consonant) or github.com/sahilm/fuzzy's
// subsequence match, ranked by the cost of the letters they skip. Within a
// tier, whole words beat parts of words, then the spelling closer to the
// typed one wins (Qom and Qaim share the key "kam"), then sahilm's score,
// then the shorter text. Matched characters are reported as rune indexes
// into the displayed text.
//
// Speed: a table of every word start, sorted by its first 8 letters,
// answers the first tiers by binary search, and two tables ranked for one-
// and two-letter queries stop reading at the first candidate that cannot
// make the page. The later tiers only run while the page is not full; the
// typo search reads one range of the word table; sahilm only scores the
// cheapest candidates that hold every letter of the query (a 64-bit mask)
// within short windows, found by a scan split over the cores. Each page
// is kept in a heap of its size.
package search

import (
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app/names"
)

// Kinds of item the workbench puts in the palette. Any other non-empty
// string works too; these are the ones the builders in items.go use.
const (
	KindEntity  = "entity"
	KindClaim   = "claim"
	KindArticle = "article"
	KindSource  = "source"
	KindEvent   = "event"
)

// Item is one searchable text. Several items may share Kind and ID (an
// entity's name and each of its aliases; a claim's statement and its
// quote): Search returns the best of them once.
type Item struct {
	Kind   string // what it is: KindEntity, KindClaim, ...
	ID     string // what opening the result shows
	Text   string // the text matched and displayed
	Parent string // context shown beside it: the entity for an alias, the article for a claim
}

// Index is an immutable fuzzy index over items. It is safe for concurrent
// searches; rebuild it with NewIndex when the items change.
type Index struct {
	items []Item
	keys  []string // names.KeyWords of each item's Text (slices of one arena)
	bare  []string // the bare words of each item's Text, word for word with keys
	klen  []int32  // bytes of the key without spaces
	tlen  []int32  // runes of Text
	mask  []uint64 // letters of the key
	group []int32  // items sharing Kind and ID share a group
	kind  []uint8  // index into kinds
	kinds []string
	ngrp  int
	words []entry // every word start of every key, sorted by code
	// short[L-1] lists the word starts by their first L letters (L = 1, 2)
	// and, within those, by kind and rank for a query of L letters, so a
	// one- or two-letter query reads only the head of its range.
	short [2][]entry

	scratch sync.Pool
}

// entry is a row of the sorted tables. In the word table key holds the
// first 8 bytes of an item's key from the start of one of its words
// (spaces left out), packed big-endian so that integer order is string
// order; in the short tables it holds a rank (see shortRank). meta holds
// the word's item, position, length and a hash of its bare spelling (see
// newMeta).
type entry struct {
	key  uint64
	meta uint64
}

// Bits of a word entry's meta, from the top: the item (28 bits), the
// word's index in the key (6), its length in bytes (8, 255 for longer) and
// a hash of its bare spelling (22).
const (
	maxItems     = 1 << 28
	bareHashBits = 22
)

func newMeta(item, wi, wlen int, bareHash uint32) uint64 {
	return uint64(item)<<36 | uint64(wi)<<30 | uint64(min(wlen, 255))<<22 | uint64(bareHash&(1<<bareHashBits-1))
}

func metaItem(m uint64) int32 { return int32(m >> 36) }
func metaWord(m uint64) int   { return int(m >> 30 & 63) }
func metaWlen(m uint64) int   { return int(m >> 22 & 255) }

// metaBare identifies the word's bare spelling (hash and length) for the
// per-query memo of spelling distances.
func metaBare(m uint64) uint32 { return uint32(m & (1<<30 - 1)) }

// hashBytes is FNV-1a.
func hashBytes(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// maxWordsIndexed caps the word starts indexed per item: a claim's quote
// can be long, and a palette query names something near its start. (At
// most 63: see newMeta.)
const maxWordsIndexed = 40

// maxKinds is how many distinct kinds an index tells apart.
const maxKinds = 255

// NewIndex builds an index over items. Items with an empty key (no letters
// or digits) are kept but never found; past 2^28 items only the fuzzy
// search finds them.
func NewIndex(items []Item) *Index {
	n := len(items)
	ix := &Index{
		items: slices.Clone(items),
		keys:  make([]string, n),
		bare:  make([]string, n),
		klen:  make([]int32, n),
		tlen:  make([]int32, n),
		mask:  make([]uint64, n),
		group: make([]int32, n),
		kind:  make([]uint8, n),
	}
	ix.computeKeys()
	kindIdx := map[string]uint8{}
	groups := map[[2]string]int32{}
	nwords := 0
	for i, it := range ix.items {
		k, ok := kindIdx[it.Kind]
		if !ok {
			if len(ix.kinds) >= maxKinds {
				k = maxKinds - 1 // fold the rest into the last kind
			} else {
				k = uint8(len(ix.kinds))
				kindIdx[it.Kind] = k
				ix.kinds = append(ix.kinds, it.Kind)
			}
		}
		ix.kind[i] = k
		g, ok := groups[[2]string{it.Kind, it.ID}]
		if !ok || it.ID == "" { // items without an ID stand alone
			g = int32(ix.ngrp)
			ix.ngrp++
			if it.ID != "" {
				groups[[2]string{it.Kind, it.ID}] = g
			}
		}
		ix.group[i] = g
		nwords += min(strings.Count(ix.keys[i], " ")+1, maxWordsIndexed)
	}
	ix.words = make([]entry, 0, nwords)
	for i, key := range ix.keys[:min(len(ix.keys), maxItems)] {
		bare := ix.bare[i]
		for wi, off := 0, 0; off < len(key) && wi < maxWordsIndexed; wi++ {
			wl := strings.IndexByte(key[off:], ' ')
			if wl < 0 {
				wl = len(key) - off
			}
			bw, rest, _ := strings.Cut(bare, " ")
			bare = rest
			ix.words = append(ix.words, entry{key: pack(key, off), meta: newMeta(i, wi, wl, hashBytes(bw))})
			off += wl + 1
		}
	}
	// The short tables are built from the entries in item order (the
	// radix sort is stable, so equal ranks stay in item order) while a copy
	// becomes the sorted word table: three sorts, over the cores.
	inItemOrder := ix.words
	var wg sync.WaitGroup
	for l := 1; l <= 2; l++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ix.short[l-1] = ix.shortTable(inItemOrder, l)
		}()
	}
	ix.words = slices.Clone(inItemOrder)
	radixSort(ix.words)
	wg.Wait()
	ix.scratch.New = func() any { return newScratch(ix.ngrp) }
	return ix
}

// shortTable ranks every word start (of words) with at least l letters for
// a query of l letters.
func (ix *Index) shortTable(words []entry, l int) []entry {
	t := make([]entry, 0, len(words))
	for _, w := range words {
		if byte(w.key>>(8*(8-l))) == 0 {
			continue // fewer than l letters left
		}
		c := ix.wordCand(w.meta, l, true)
		t = append(t, entry{key: ix.shortRank(w.key, l, &c), meta: w.meta})
	}
	radixSort(t)
	return t
}

// shortRank packs, from the top: the first l letters (16 bits), the kind
// (8), the tier, best first (3), not whole (1), the key length (12) and the
// text length (16), and at the bottom whether the match crosses a word.
// Sorted, it is the order in which better() ranks the candidates of one
// kind, but for the spelling distance of whole matches (and for keys over
// 4095 letters or texts over 65535 runes, which it cannot tell apart).
func (ix *Index) shortRank(code uint64, l int, c *cand) uint64 {
	prefix := code >> 48
	if l == 1 {
		prefix &^= 0xff
	}
	var notWhole, crossing uint64
	if !c.whole {
		notWhole = 1
	}
	if c.crossing {
		crossing = 1
	}
	return prefix<<48 | uint64(ix.kind[c.item])<<40 | uint64(tierExact-c.tier)<<37 | notWhole<<36 |
		uint64(min(ix.klen[c.item], 1<<12-1))<<24 | uint64(min(ix.tlen[c.item], 1<<16-1))<<8 | crossing
}

// shortRange returns the entries of short[l-1] for the letters of q (l of
// them) and kind k.
func (ix *Index) shortRange(q string, k uint8) []entry {
	t := ix.short[len(q)-1]
	prefix := uint64(q[0]) << 8
	if len(q) == 2 {
		prefix |= uint64(q[1])
	}
	lo := prefix<<48 | uint64(k)<<40
	hi := lo | (1<<40 - 1)
	first := sort.Search(len(t), func(i int) bool { return t[i].key >= lo })
	last := first + sort.Search(len(t)-first, func(i int) bool { return t[first+i].key > hi })
	return t[first:last]
}

// computeKeys fills keys, bare, klen, tlen and mask, on every core: keys
// are the bulk of building an index. The keys are then copied into one
// arena, so that scans read them in order from memory.
func (ix *Index) computeKeys() {
	n := len(ix.items)
	workers := min(runtime.GOMAXPROCS(0), max(1, n/4096))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w * n / workers; i < (w+1)*n/workers; i++ {
				key, bare := names.Forms(ix.items[i].Text)
				ix.keys[i], ix.bare[i] = key, bare
				ix.klen[i] = int32(len(key) - strings.Count(key, " "))
				ix.tlen[i] = int32(utf8.RuneCountInString(ix.items[i].Text))
				ix.mask[i] = letterMask(key)
			}
		}()
	}
	wg.Wait()
	arena(ix.keys)
	arena(ix.bare)
}

// arena re-points the strings of ss into one allocation, in order.
func arena(ss []string) {
	size := 0
	for _, s := range ss {
		size += len(s)
	}
	var b strings.Builder
	b.Grow(size)
	for _, s := range ss {
		b.WriteString(s)
	}
	all := b.String()
	off := 0
	for i, s := range ss {
		ss[i] = all[off : off+len(s)]
		off += len(s)
	}
}

// Len is the number of items in the index.
func (ix *Index) Len() int { return len(ix.items) }

// letterMask sets one bit per distinct byte class of s: a-z, 0-9, and 28
// buckets for the bytes of other scripts. Spaces are ignored. A candidate
// can only match a query whose mask is a subset of its own.
func letterMask(s string) uint64 {
	var m uint64
	for i := 0; i < len(s); i++ {
		m |= byteBit(s[i])
	}
	return m
}

func byteBit(c byte) uint64 {
	switch {
	case c == ' ':
		return 0
	case 'a' <= c && c <= 'z':
		return 1 << (c - 'a')
	case '0' <= c && c <= '9':
		return 1 << (26 + c - '0')
	}
	return 1 << (36 + uint(c)%28)
}

// pack returns the first 8 bytes of s[off:] with spaces left out, packed
// big-endian and padded with zero bytes.
func pack(s string, off int) uint64 {
	var code uint64
	n := 0
	for i := off; i < len(s) && n < 8; i++ {
		if s[i] == ' ' {
			continue
		}
		code = code<<8 | uint64(s[i])
		n++
	}
	return code << (8 * (8 - n))
}

// radixSort sorts entries by key with a stable LSD radix sort, 11 bits a
// pass, skipping digits that are the same everywhere: equal keys keep their
// order. A comparison sort of two million entries costs several times
// more.
func radixSort(a []entry) {
	if len(a) < 2 {
		return
	}
	const bits = 11
	buf := make([]entry, len(a))
	src, dst := a, buf
	var count [1 << bits]int
	for shift := uint(0); shift < 64; shift += bits {
		clear(count[:])
		for i := range src {
			count[src[i].key>>shift&(1<<bits-1)]++
		}
		if count[src[0].key>>shift&(1<<bits-1)] == len(src) {
			continue // every entry has the same digit here
		}
		pos := 0
		for i, c := range count {
			count[i] = pos
			pos += c
		}
		for i := range src {
			d := src[i].key >> shift & (1<<bits - 1)
			dst[count[d]] = src[i]
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &a[0] {
		copy(a, src)
	}
}
