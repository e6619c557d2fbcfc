package app

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Anchor fixes a claim to article text twice over, as W3C Web Annotation
// does: by position (TextPositionSelector, runes, end exclusive) and by
// quote (TextQuoteSelector: the exact words with about 32 characters of
// context either side), so it can be found again when the text changes.
type Anchor struct {
	Span
	Exact  string
	Prefix string
	Suffix string
}

// AnchorContext is how many runes of prefix and suffix an anchor keeps.
const AnchorContext = 32

// NewAnchor builds the anchor for span s of text.
func NewAnchor(text string, s Span) (Anchor, error) {
	runes := []rune(text)
	if err := s.Validate(len(runes)); err != nil {
		return Anchor{}, err
	}
	if s.Len() == 0 {
		return Anchor{}, Errorf(EInvalid, "select some text first")
	}
	from := max(0, s.Start-AnchorContext)
	to := min(len(runes), s.End+AnchorContext)
	return Anchor{
		Span:   s,
		Exact:  string(runes[s.Start:s.End]),
		Prefix: string(runes[from:s.Start]),
		Suffix: string(runes[s.End:to]),
	}, nil
}

// Quantity is a number a claim states, with its unit: 500 killed,
// 40,000 troops, 95 percent.
type Quantity struct {
	Value float64
	Unit  string
}

// Claim is an analyst's reading of one span of an article: what it says,
// how credible it is, who it is attributed to, and when it happened.
type Claim struct {
	ID           ID
	ArticleID    ID
	Anchor       Anchor
	Orphan       bool // the anchor could not be placed after the text changed
	Statement    string
	Credibility  Credibility
	AttributedTo ID // a source quoted inside the article, optional
	Tags         []string
	Notes        string
	Quantity     *Quantity
	When         *When
	EntityIDs    []ID
	CreatedBy    string
	CreatedAt    time.Time
	UpdatedBy    string
	UpdatedAt    time.Time
}

// Validate checks a claim before it is stored.
func (c *Claim) Validate() error {
	if c.ArticleID == "" {
		return Errorf(EInvalid, "a claim needs an article")
	}
	if c.Anchor.Len() <= 0 || utf8.RuneCountInString(c.Anchor.Exact) != c.Anchor.Len() {
		return Errorf(EInvalid, "a claim needs a non-empty quote that matches its span")
	}
	if c.Credibility != CredibilityUngraded && !c.Credibility.Valid() {
		return Errorf(EInvalid, "credibility must be 1-6")
	}
	if c.Quantity != nil && strings.TrimSpace(c.Quantity.Unit) == "" {
		return Errorf(EInvalid, "a quantity needs a unit, e.g. 500 killed")
	}
	if c.When != nil {
		if err := c.When.Validate(); err != nil {
			return err
		}
	}
	return nil
}
