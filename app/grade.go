package app

import (
	"fmt"
	"strings"
)

// Reliability is the Admiralty (NATO) grade of a source, A to F. The zero
// value means "not graded yet", which is different from F ("cannot be
// judged"): F is an analyst's decision, "" is the absence of one.
type Reliability string

// The six source reliability grades.
const (
	ReliabilityUngraded Reliability = ""
	ReliabilityA        Reliability = "A"
	ReliabilityB        Reliability = "B"
	ReliabilityC        Reliability = "C"
	ReliabilityD        Reliability = "D"
	ReliabilityE        Reliability = "E"
	ReliabilityF        Reliability = "F"
)

// Reliabilities lists the grades from best to "cannot be judged".
var Reliabilities = []Reliability{ReliabilityA, ReliabilityB, ReliabilityC, ReliabilityD, ReliabilityE, ReliabilityF}

var reliabilityLabels = map[Reliability]string{
	ReliabilityA: "Completely reliable",
	ReliabilityB: "Usually reliable",
	ReliabilityC: "Fairly reliable",
	ReliabilityD: "Not usually reliable",
	ReliabilityE: "Unreliable",
	ReliabilityF: "Reliability cannot be judged",
}

// ParseReliability reads "A".."F" (any case, surrounding space ignored);
// an empty string is ReliabilityUngraded.
func ParseReliability(s string) (Reliability, error) {
	r := Reliability(strings.ToUpper(strings.TrimSpace(s)))
	if r == ReliabilityUngraded || r.Valid() {
		return r, nil
	}
	return "", Errorf(EInvalid, "%q is not a source reliability: use A (completely reliable) to F (cannot be judged)", s)
}

// Valid reports whether r is one of A..F.
func (r Reliability) Valid() bool { _, ok := reliabilityLabels[r]; return ok }

// Label is the Admiralty wording, e.g. "Usually reliable".
func (r Reliability) Label() string {
	if l, ok := reliabilityLabels[r]; ok {
		return l
	}
	return "Not graded"
}

// Credibility is the Admiralty grade of one piece of information, 1 to 6.
// Zero means "not graded yet"; 6 ("truth cannot be judged") is a decision.
type Credibility int

// The six information credibility grades.
const (
	CredibilityUngraded Credibility = 0
	Credibility1        Credibility = 1
	Credibility2        Credibility = 2
	Credibility3        Credibility = 3
	Credibility4        Credibility = 4
	Credibility5        Credibility = 5
	Credibility6        Credibility = 6
)

var credibilityLabels = [...]string{
	"Not graded",
	"Confirmed by other sources",
	"Probably true",
	"Possibly true",
	"Doubtful",
	"Improbable",
	"Truth cannot be judged",
}

// ParseCredibility reads "1".."6"; an empty string is CredibilityUngraded.
func ParseCredibility(s string) (Credibility, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return CredibilityUngraded, nil
	}
	if len(s) == 1 && s[0] >= '1' && s[0] <= '6' {
		return Credibility(s[0] - '0'), nil
	}
	return 0, Errorf(EInvalid, "%q is not an information credibility: use 1 (confirmed) to 6 (cannot be judged)", s)
}

// Valid reports whether c is one of 1..6.
func (c Credibility) Valid() bool { return c >= 1 && c <= 6 }

// Label is the Admiralty wording, e.g. "Probably true".
func (c Credibility) Label() string {
	if c >= 0 && int(c) < len(credibilityLabels) {
		return credibilityLabels[c]
	}
	return credibilityLabels[0]
}

// String is "1".."6", or "" when ungraded.
func (c Credibility) String() string {
	if !c.Valid() {
		return ""
	}
	return fmt.Sprint(int(c))
}

// Grade is the combined Admiralty code of a claim: its origin's reliability
// and its own credibility, written together as "B2". Either half may be
// missing ("B?", "?2").
type Grade struct {
	Reliability Reliability
	Credibility Credibility
}

// String writes the grade as the analyst reads it: "B2", "B?", "?2" or "".
func (g Grade) String() string {
	if g.Reliability == "" && !g.Credibility.Valid() {
		return ""
	}
	r, c := string(g.Reliability), g.Credibility.String()
	if r == "" {
		r = "?"
	}
	if c == "" {
		c = "?"
	}
	return r + c
}

// ParseGrade reads "B2", "b2", "B", "2", "B?" or "?2".
func ParseGrade(s string) (Grade, error) {
	s = strings.TrimSpace(s)
	var g Grade
	var err error
	switch len(s) {
	case 0:
		return g, nil
	case 1:
		if s[0] >= '0' && s[0] <= '9' {
			g.Credibility, err = ParseCredibility(s)
		} else {
			g.Reliability, err = ParseReliability(s)
		}
	case 2:
		if s[0] != '?' {
			g.Reliability, err = ParseReliability(s[:1])
		}
		if err == nil && s[1] != '?' {
			g.Credibility, err = ParseCredibility(s[1:])
		}
	default:
		err = Errorf(EInvalid, "%q is not an Admiralty grade such as B2", s)
	}
	if err != nil {
		return Grade{}, Errorf(EInvalid, "%q is not an Admiralty grade such as B2", s)
	}
	return g, nil
}
