package search

import (
	"sort"
	"strings"

	"github.com/evidence-workbench/workbench/app/names"
)

// query is one search's query in the forms the stages need.
type query struct {
	q     string   // names.Key: the compact key
	words []string // the key's words
	bare  string   // names.Bare: the compact bare form
}

func newQuery(text string) query {
	kw, bw := names.Forms(trimTrailingArticle(text))
	return query{
		q:     strings.ReplaceAll(kw, " ", ""),
		words: strings.Fields(kw),
		bare:  strings.ReplaceAll(bw, " ", ""),
	}
}

// articles are the forms of the Arabic article the key drops before a
// word (see names.Key).
var articles = map[string]bool{"al": true, "el": true, "ul": true, "ad": true, "ar": true, "as": true,
	"ash": true, "az": true, "ez": true, "at": true, "an": true, "ath": true, "adh": true, "ed": true,
	"er": true, "es": true, "et": true, "en": true}

// trimTrailingArticle drops an article typed last after another word:
// "haidar al-" is on its way to "haidar al-abadi", whose key has no "al".
func trimTrailingArticle(text string) string {
	words := strings.Fields(names.Fold(text))
	if len(words) > 1 && articles[words[len(words)-1]] {
		return strings.Join(words[:len(words)-1], " ")
	}
	return text
}

// wordRange returns the entries of the word table whose code lies in
// [lo, hi].
func (ix *Index) wordRange(lo, hi uint64) []entry {
	first := sort.Search(len(ix.words), func(i int) bool { return ix.words[i].key >= lo })
	last := first + sort.Search(len(ix.words)-first, func(i int) bool { return ix.words[first+i].key > hi })
	return ix.words[first:last]
}
