package app

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Span is a range of article text in runes (Unicode code points), end
// exclusive, as W3C Web Annotation's TextPositionSelector counts.
type Span struct {
	Start int
	End   int
}

// Len is the number of runes in the span.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether rune offset i lies inside the span.
func (s Span) Contains(i int) bool { return i >= s.Start && i < s.End }

// Validate checks the span against a text of n runes.
func (s Span) Validate(n int) error {
	if s.Start < 0 || s.End > n || s.Start > s.End {
		return Errorf(EInvalid, "span %d-%d lies outside the text (0-%d)", s.Start, s.End, n)
	}
	return nil
}

// BoilerplateKind names what an excluded range of an article is.
type BoilerplateKind string

// Kinds of boilerplate the importer recognises.
const (
	BoilerComments   BoilerplateKind = "comments"     // reader comments and reply forms
	BoilerNewsletter BoilerplateKind = "newsletter"   // newsletter or subscription prompts
	BoilerDonation   BoilerplateKind = "donation"     // donation and support appeals
	BoilerRelated    BoilerplateKind = "related"      // related links, teasers, popular posts
	BoilerShare      BoilerplateKind = "share"        // share prompts
	BoilerCredit     BoilerplateKind = "photo-credit" // photo captions and credits
	BoilerMasthead   BoilerplateKind = "masthead"     // the site's name and tagline
	BoilerFooter     BoilerplateKind = "footer"       // feed footers, legal lines, navigation
	BoilerAd         BoilerplateKind = "ad"           // advertising
	BoilerOther      BoilerplateKind = "other"        // marked by the analyst
)

// Excluded is a range of an article that is not the article's own content:
// boilerplate kept in the text (never deleted) and shown dimmed.
type Excluded struct {
	Span
	Kind      BoilerplateKind
	ByAnalyst bool // set or adjusted by the analyst rather than detected
}

// Basis says how a piece of metadata is known.
type Basis string

// Bases of article metadata.
const (
	BasisUnknown  Basis = ""         // not known
	BasisText     Basis = "text"     // stated in the article text (Evidence.Span says where)
	BasisMarkup   Basis = "markup"   // read from the page's markup (meta tags, <title>, <time>)
	BasisFile     Basis = "file"     // taken from the file (its name, PDF info)
	BasisInferred Basis = "inferred" // a weaker hint, e.g. "told AFP" in the body
	BasisAnalyst  Basis = "analyst"  // set or confirmed by the analyst
)

// Evidence records how one metadata field is known and, when it was read
// from the text, where.
type Evidence struct {
	Basis  Basis
	Span   Span   // in runes, when Basis is BasisText
	Detail string // e.g. the meta tag or the pattern that matched
}

// Format is the kind of file an article came from.
type Format string

// Formats the importer reads.
const (
	FormatText     Format = "txt"
	FormatMarkdown Format = "md"
	FormatHTML     Format = "html"
	FormatPDF      Format = "pdf"
	FormatPaste    Format = "paste"
)

// Role is how a source stands to an article.
type Role string

// Roles of a source towards an article.
const (
	RolePublisher  Role = "publisher"  // the site or paper the page is from
	RoleOrigin     Role = "origin"     // the wire, agency or statement it relays
	RoleTranslator Role = "translator" // who translated it
)

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r == RolePublisher || r == RoleOrigin || r == RoleTranslator }

// ArticleSource links an article to a source in a role. On import Name is
// set and SourceID empty: the store finds the source by name or alias, or
// creates it. Confirmed is false for the importer's hints until the analyst
// confirms them.
type ArticleSource struct {
	SourceID  ID
	Name      string
	Role      Role
	Evidence  Evidence
	Confirmed bool
}

// ArticleMeta is the metadata of an article, each field with how it is known.
type ArticleMeta struct {
	Title     string
	Byline    string
	URL       string
	Published PubDate
	Known     struct{ Title, Byline, URL, Published Evidence }
}

// Article is one imported report. Text is kept exactly as read (after
// decoding to UTF-8) and is never rewritten; everything else is metadata or
// ranges over it.
type Article struct {
	ID ID
	ArticleMeta
	Text       string
	TextHash   string
	Format     Format
	Filename   string
	Excluded   []Excluded
	Sources    []ArticleSource
	Warnings   []string
	ImportedAt time.Time
	UpdatedAt  time.Time
}

// SourceNamed returns the first source with the role, or "" if none.
func (a *Article) SourceNamed(r Role) string {
	for _, s := range a.Sources {
		if s.Role == r {
			return s.Name
		}
	}
	return ""
}

// Chain describes who the article comes from as an analyst says it:
// "AFP via SpaceDaily", "Al Mayadeen via Fort Russ News (translated by
// Samer Hussein)", or the publisher alone.
func Chain(sources []ArticleSource) string {
	var pub, tr []string
	var org []string
	for _, s := range sources {
		switch s.Role {
		case RolePublisher:
			pub = append(pub, s.Name)
		case RoleOrigin:
			org = append(org, s.Name)
		case RoleTranslator:
			tr = append(tr, s.Name)
		}
	}
	out := strings.Join(org, ", ")
	if len(pub) > 0 {
		if out != "" {
			out += " via "
		}
		out += strings.Join(pub, ", ")
	}
	if len(tr) > 0 {
		if out != "" {
			out += " "
		}
		out += "(translated by " + strings.Join(tr, ", ") + ")"
	}
	return out
}

// Validate checks an article before it is stored.
func (a *Article) Validate() error {
	if strings.TrimSpace(a.Text) == "" {
		return Errorf(EInvalid, "the article has no text")
	}
	if !utf8.ValidString(a.Text) {
		return Errorf(EInvalid, "the article text is not valid UTF-8")
	}
	n := utf8.RuneCountInString(a.Text)
	for _, e := range a.Excluded {
		if err := e.Span.Validate(n); err != nil {
			return err
		}
	}
	for _, s := range a.Sources {
		if !s.Role.Valid() {
			return Errorf(EInvalid, "unknown source role %q", s.Role)
		}
		if strings.TrimSpace(s.Name) == "" && s.SourceID == "" {
			return Errorf(EInvalid, "a linked source needs a name")
		}
	}
	return nil
}

// TextHash is the duplicate key of an article: the SHA-256 of its text with
// case folded, white space collapsed and invisible format characters
// dropped, so the same story saved twice with other line endings or spacing
// is recognised.
func TextHash(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	space := false
	for _, r := range text {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.Is(unicode.Cf, r) || r == utf8.RuneError:
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}

// ArticleSummary is what the library lists: an article without its text.
type ArticleSummary struct {
	ID        ID
	Title     string
	Publisher string
	Origin    string
	Chain     string
	Published PubDate
	Format    Format
	Filename  string
	Runes     int
	Claims    int
	// OriginID is the source the article speaks for (ArticleOrigin), and
	// Reliability that source's grade: the library's badge.
	OriginID    ID
	Reliability Reliability
}

// ArticlePatch corrects an article's metadata: nil fields stay as they are.
// Every field set here is recorded as known by the analyst.
type ArticlePatch struct {
	Title     *string
	Byline    *string
	URL       *string
	Published *PubDate
}
