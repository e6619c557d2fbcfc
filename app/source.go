package app

import (
	"strings"
	"time"
)

// SourceKind is what sort of origin of information a source is.
type SourceKind string

// Kinds of source.
const (
	KindAgency       SourceKind = "agency"       // news agency / wire (AFP, Reuters)
	KindOutlet       SourceKind = "outlet"       // newspaper, broadcaster, news site
	KindGovernment   SourceKind = "government"   // government or military body
	KindArmedGroup   SourceKind = "armed-group"  // non-state armed group
	KindSpokesperson SourceKind = "spokesperson" // a named spokesperson
	KindBlog         SourceKind = "blog"
	KindSocial       SourceKind = "social"
	KindOther        SourceKind = "other"
)

// SourceKinds lists every kind, in the order a picker shows them.
var SourceKinds = []SourceKind{KindAgency, KindOutlet, KindGovernment, KindArmedGroup, KindSpokesperson, KindBlog, KindSocial, KindOther}

// Valid reports whether k is a known kind.
func (k SourceKind) Valid() bool {
	for _, x := range SourceKinds {
		if k == x {
			return true
		}
	}
	return false
}

// Source is an origin of information: an agency, outlet, ministry,
// spokesperson or blog. It is graded once; every article and claim from it
// inherits the grade.
type Source struct {
	ID              ID
	Name            string
	Kind            SourceKind
	Homepage        string
	Notes           string
	Aliases         []string
	Reliability     Reliability
	ReliabilityNote string
	CreatedAt       time.Time
	UpdatedAt       time.Time
}

// Validate checks a source before it is stored.
func (s *Source) Validate() error {
	if strings.TrimSpace(s.Name) == "" {
		return Errorf(EInvalid, "a source needs a name")
	}
	if s.Kind != "" && !s.Kind.Valid() {
		return Errorf(EInvalid, "unknown source kind %q", s.Kind)
	}
	if s.Reliability != ReliabilityUngraded && !s.Reliability.Valid() {
		return Errorf(EInvalid, "%q is not a source reliability (A-F)", s.Reliability)
	}
	return nil
}
