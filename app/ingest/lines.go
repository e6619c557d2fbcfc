package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
)

// line is one line of the article text with its offsets. The content t is
// the line trimmed of white space (and, for Markdown, of decoration such as
// "#", ">" and "*"); every offset handed out is in runes of the whole text.
type line struct {
	s     string // the raw line, without its line break
	t     string // trimmed content
	r0    int    // rune offset of the line start in the text
	r1    int    // rune offset of the line end (before the line break)
	tr0   int    // rune offset of t in the text
	block int    // index of the paragraph block
	words int    // number of words in t
}

// blank reports whether the line holds no content (splitLines keeps only
// lines with content; the check guards code that is handed other lines).
func (l *line) blank() bool { return l.t == "" }

// span returns the rune span of t[i:j] (byte offsets into t).
func (l *line) span(i, j int) app.Span {
	i = clamp(i, 0, len(l.t))
	j = clamp(j, i, len(l.t))
	a := l.tr0 + utf8.RuneCountInString(l.t[:i])
	return app.Span{Start: a, End: a + utf8.RuneCountInString(l.t[i:j])}
}

// whole is the rune span of the line's content.
func (l *line) whole() app.Span { return l.span(0, len(l.t)) }

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// maxLines bounds how many content lines the heuristics read; an article
// is far shorter, and a huge text must not cost unbounded memory.
const maxLines = 50000

// splitLines cuts text into lines at \n, \r\n and \r and keeps the
// non-blank ones, numbering paragraph blocks (runs of lines between blank
// lines). It stops after max lines and then reports truncated.
func splitLines(text string, markdown bool, max int) (out []line, truncated bool) {
	runes := 0
	block := -1
	prevBlank := true
	for start := 0; start <= len(text); {
		end := start
		for end < len(text) && text[end] != '\n' && text[end] != '\r' {
			end++
		}
		s := text[start:end]
		n := utf8.RuneCountInString(s)
		lead, t := trimContent(s, markdown)
		if t == "" {
			prevBlank = true
		} else {
			if len(out) >= max {
				return out, true
			}
			if prevBlank {
				block++
			}
			prevBlank = false
			out = append(out, line{s: s, t: t, r0: runes, r1: runes + n,
				tr0: runes + utf8.RuneCountInString(s[:lead]), block: block, words: countWords(t)})
		}
		runes += n
		if end >= len(text) {
			break
		}
		// line break: \r\n counts as one break of two runes
		if text[end] == '\r' && end+1 < len(text) && text[end+1] == '\n' {
			runes += 2
			start = end + 2
		} else {
			runes++
			start = end + 1
		}
	}
	return out, false
}

// trimContent trims white space (and Markdown decoration) from s and returns
// the byte offset where the content starts and the content.
func trimContent(s string, markdown bool) (int, string) {
	isDeco := func(r rune) bool {
		if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
			return true
		}
		return markdown && strings.ContainsRune("#>*_", r)
	}
	lead := 0
	for lead < len(s) {
		r, size := utf8.DecodeRuneInString(s[lead:])
		if !isDeco(r) {
			break
		}
		lead += size
	}
	end := len(s)
	for end > lead {
		r, size := utf8.DecodeLastRuneInString(s[lead:end])
		if !isDeco(r) {
			break
		}
		end -= size
	}
	return lead, s[lead:end]
}

func countWords(s string) int {
	n := 0
	in := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
			continue
		}
		if !in {
			n++
		}
		in = true
	}
	return n
}

// endsSentence reports whether s ends like a sentence: a full stop,
// question or exclamation mark, possibly inside closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return strings.ContainsRune("\"'”’»)]*_", r) || unicode.IsSpace(r)
	})
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…' || r == '。'
}

// bodyLike reports whether a line reads like a paragraph of running prose.
func bodyLike(l *line) bool {
	return l.words >= 12 && endsSentence(l.t)
}

// fold lowers s, drops punctuation at the ends and collapses spaces, for
// comparing lines.
func fold(s string) string {
	f := strings.Fields(strings.ToLower(s))
	out := strings.Join(f, " ")
	return strings.TrimFunc(out, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
}

// hasLetter reports whether s contains a letter.
func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}
