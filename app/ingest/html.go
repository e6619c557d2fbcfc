package ingest

import (
	"bytes"
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/evidence-workbench/workbench/app"
)

// pageMarkup is what the page's markup says about it, read before
// go-readability rewrites the tree.
type pageMarkup struct {
	canonical string
	ogURL     string
	published string // raw value of article:published_time and kin
}

// parseHTML extracts the main text of a page with go-readability and keeps
// paragraphs as blank-line-separated paragraphs; title, byline, published
// time, site name and canonical URL come from the markup.
func parseHTML(name string, raw []byte, decoded string, warnings []string) (art *app.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			art, err = nil, app.Errorf(app.EUnsupported, "the HTML of %s could not be read (%v); save the page as text and import that", name, r)
		}
	}()
	text, warnings := htmlCharset(raw, decoded, warnings)
	doc, perr := html.Parse(strings.NewReader(text))
	if perr != nil {
		if strings.Contains(perr.Error(), "open stack of elements exceeds") {
			return nil, app.WrapError(app.EUnsupported, perr, "%s could not be read as HTML: its tags are nested more than 512 levels deep. Open it in a browser, save or print it as text or PDF, and import that", name)
		}
		return nil, app.WrapError(app.EInvalid, perr, "%s could not be read as HTML. Open it in a browser, save or print it as text or PDF, and import that", name)
	}
	mk := readMarkup(doc)
	var pageURL *url.URL
	if u, err := url.Parse(mk.canonical); err == nil && u.IsAbs() {
		pageURL = u
	}
	parser := readability.NewParser()
	ra, rerr := parser.ParseAndMutate(doc, pageURL)
	body := ""
	if rerr == nil && ra.Content != "" {
		if frag, err := html.Parse(strings.NewReader(ra.Content)); err == nil {
			body = renderText(frag)
		}
	}
	if strings.TrimSpace(body) == "" {
		// no main text found: take the whole page's text
		if full, err := html.Parse(strings.NewReader(text)); err == nil {
			body = renderText(full)
		}
	}
	title := cleanSpace(ra.Title)
	out := body
	if title != "" {
		first, _, _ := strings.Cut(body, "\n")
		if fold(first) != fold(title) {
			out = title + "\n\n" + body
		}
	}
	if strings.TrimSpace(out) == "" || strings.TrimSpace(body) == "" {
		return nil, app.Errorf(app.EInvalid, "%s has no readable text", name)
	}
	f := analyzeText(out, false)
	a := newArticle(name, out, app.FormatHTML, f, warnings)
	if title != "" {
		a.Title = title
		a.Known.Title = app.Evidence{Basis: app.BasisMarkup, Detail: "page title (og:title, <title> or JSON-LD)"}
	}
	if by := cleanByline(ra.Byline); by != "" && !strings.HasPrefix(by, "http") {
		a.Byline = by
		a.Known.Byline = app.Evidence{Basis: app.BasisMarkup, Detail: "author in the page's metadata"}
	}
	if ra.PublishedTime != nil {
		t := *ra.PublishedTime
		p := app.PubDate{Date: app.DateOf(t)}
		if hasClock(mk.published) || t.Hour() != 0 || t.Minute() != 0 {
			p.HasTime, p.Hour, p.Minute = true, t.Hour(), t.Minute()
		}
		if p.Date.Year >= 1900 && p.Date.Year <= 2200 {
			a.Published = p
			a.Known.Published = app.Evidence{Basis: app.BasisMarkup, Detail: "published time in the page's metadata"}
		}
	}
	switch {
	case isWebURL(mk.canonical):
		a.URL = mk.canonical
		a.Known.URL = app.Evidence{Basis: app.BasisMarkup, Detail: "canonical link"}
	case isWebURL(mk.ogURL):
		a.URL = mk.ogURL
		a.Known.URL = app.Evidence{Basis: app.BasisMarkup, Detail: "og:url"}
	}
	if site := cleanSpace(ra.SiteName); site != "" {
		var rest []app.ArticleSource
		for _, s := range a.Sources {
			if s.Role != app.RolePublisher {
				rest = append(rest, s)
			}
		}
		pub := app.ArticleSource{Name: cleanName(site), Role: app.RolePublisher,
			Evidence: app.Evidence{Basis: app.BasisMarkup, Detail: "og:site_name"}}
		a.Sources = append([]app.ArticleSource{pub}, rest...)
	}
	return a, nil
}

// htmlCharset re-decodes raw when the page declares a character set other
// than UTF-8 (a declared Windows-1252 page gets no warning).
func htmlCharset(raw []byte, decoded string, warnings []string) (string, []string) {
	if hasUTF16BOM(raw) || bytes.HasPrefix(raw, bomUTF8) {
		return decoded, warnings
	}
	enc, encName, _ := charset.DetermineEncoding(raw, "text/html")
	switch encName {
	case "utf-8":
		return decoded, warnings
	case "windows-1252":
		if utf8.Valid(raw) || !declaresCharset(raw) {
			return decoded, warnings
		}
		return decoded, dropWarning(warnings, warnWindows1252)
	}
	s, err := decodeWith(enc, raw)
	if err != nil {
		return decoded, warnings
	}
	return s, dropWarning(warnings, warnWindows1252)
}

var reMetaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*(windows-1252|iso-8859-1|latin-?1|us-ascii|cp1252)`)

func declaresCharset(raw []byte) bool {
	return reMetaCharset.Match(raw[:min(len(raw), 4096)])
}

func dropWarning(ws []string, w string) []string {
	var out []string
	for _, x := range ws {
		if x != w {
			out = append(out, x)
		}
	}
	return out
}

// readMarkup collects the canonical link, og:url and the raw published
// time from the document.
func readMarkup(doc *html.Node) pageMarkup {
	var mk pageMarkup
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 200 {
			return
		}
		if n.Type == html.ElementNode {
			switch n.Data {
			case "link":
				if hasToken(attr(n, "rel"), "canonical") && mk.canonical == "" {
					mk.canonical = strings.TrimSpace(attr(n, "href"))
				}
			case "meta":
				key := strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"))
				val := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:url":
					if mk.ogURL == "" {
						mk.ogURL = val
					}
				case "article:published_time", "datepublished", "dcterms.issued", "dcterms.created", "parsely-pub-date", "date", "pubdate":
					if mk.published == "" {
						mk.published = val
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	return mk
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(strings.ToLower(list)) {
		if f == tok {
			return true
		}
	}
	return false
}

func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

var reClock = regexp.MustCompile(`\d{1,2}:\d{2}`)

func hasClock(s string) bool { return reClock.MatchString(s) }

func cleanSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

var reByPrefix = regexp.MustCompile(`(?i)^(?:by|written by|author:?)\s+`)

func cleanByline(s string) string {
	s = cleanSpace(s)
	s = reByPrefix.ReplaceAllString(s, "")
	return strings.Trim(s, " ,|-–—")
}

// paragraph-level elements get a blank line around them, line-level ones
// a line break.
var (
	paraElems = map[string]bool{"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
		"blockquote": true, "ul": true, "ol": true, "table": true, "pre": true, "figure": true, "hr": true, "dl": true}
	lineElems = map[string]bool{"div": true, "li": true, "tr": true, "dt": true, "dd": true, "figcaption": true,
		"section": true, "article": true, "header": true, "footer": true, "main": true, "aside": true, "nav": true,
		"address": true, "details": true, "summary": true, "form": true, "fieldset": true, "caption": true,
		"tbody": true, "thead": true, "tfoot": true, "picture": true}
	skipElems = map[string]bool{"script": true, "style": true, "noscript": true, "template": true, "svg": true,
		"head": true, "iframe": true, "canvas": true, "math": true, "object": true, "button": true, "select": true, "textarea": true}
)

// textBuilder writes words with single spaces and never more than one blank
// line in a row.
type textBuilder struct {
	b     strings.Builder
	space bool // a space is due before the next word
	nl    int  // line breaks at the end of b
}

func (t *textBuilder) word(w string) {
	if t.space && t.nl == 0 && t.b.Len() > 0 {
		t.b.WriteByte(' ')
	}
	t.b.WriteString(w)
	t.space, t.nl = false, 0
}

func (t *textBuilder) breaks(n int) {
	if t.b.Len() == 0 {
		return
	}
	for t.nl < n {
		t.b.WriteByte('\n')
		t.nl++
	}
	t.space = false
}

// renderText writes the text of an HTML tree: paragraphs and headings as
// blank-line-separated paragraphs, list items and <br> as line breaks.
func renderText(n *html.Node) string {
	var t textBuilder
	var walk func(n *html.Node, pre bool, depth int)
	walk = func(n *html.Node, pre bool, depth int) {
		if depth > 300 {
			return
		}
		switch n.Type {
		case html.TextNode:
			if pre {
				for i, ln := range strings.Split(n.Data, "\n") {
					if i > 0 {
						t.b.WriteByte('\n')
						t.nl++
					}
					if s := strings.TrimRightFunc(ln, unicode.IsSpace); s != "" {
						t.b.WriteString(s)
						t.nl = 0
					}
				}
				return
			}
			s := n.Data
			if s != "" && unicode.IsSpace(rune(s[0])) {
				t.space = true
			}
			for _, w := range strings.Fields(s) {
				t.word(w)
				t.space = true
			}
			if s != "" && !unicode.IsSpace(lastRune(s)) {
				t.space = false
			}
			return
		case html.ElementNode:
			tag := n.Data
			if skipElems[tag] {
				return
			}
			if tag == "br" {
				t.b.WriteByte('\n')
				t.nl++
				t.space = false
				return
			}
			if tag == "img" {
				return
			}
			if tag == "td" || tag == "th" {
				t.space = true
			}
			switch {
			case paraElems[tag]:
				t.breaks(2)
			case lineElems[tag]:
				t.breaks(1)
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, pre || tag == "pre", depth+1)
			}
			switch {
			case paraElems[tag]:
				t.breaks(2)
			case lineElems[tag]:
				t.breaks(1)
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, pre, depth+1)
		}
	}
	walk(n, false, 0)
	return strings.TrimSpace(t.b.String())
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
