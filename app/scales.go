package app

import (
	"fmt"
	"strings"
)

// The one table that maps Admiralty grades to the scales other tools use.
// Exporters read it; nothing else spells these strings.
//
//   - MISP taxonomy "admiralty-scale": machine tags
//     admiralty-scale:source-reliability="b" and
//     admiralty-scale:information-credibility="2".
//   - OpenCTI: x_opencti_reliability, "A - Completely reliable" .. "F - Reliability cannot be judged".
//   - STIX 2.1 confidence (0-100): the common Admiralty mapping 1->90, 2->70,
//     3->50, 4->30, 5->10; 6 ("cannot be judged") has no value, so confidence
//     is omitted and the grade travels in an x_ property.
//
// Mappings disagree at the edges, so exports always carry the letter and the
// number too.

// MISPTag is the MISP admiralty-scale machine tag for the reliability, or ""
// when ungraded.
func (r Reliability) MISPTag() string {
	if !r.Valid() {
		return ""
	}
	return fmt.Sprintf("admiralty-scale:source-reliability=%q", strings.ToLower(string(r)))
}

// OpenCTI is the x_opencti_reliability string, or "" when ungraded.
func (r Reliability) OpenCTI() string {
	if !r.Valid() {
		return ""
	}
	return string(r) + " - " + r.Label()
}

// MISPTag is the MISP admiralty-scale machine tag for the credibility, or ""
// when ungraded.
func (c Credibility) MISPTag() string {
	if !c.Valid() {
		return ""
	}
	return fmt.Sprintf("admiralty-scale:information-credibility=\"%d\"", int(c))
}

var stixConfidence = [...]int{0, 90, 70, 50, 30, 10}

// STIXConfidence is the STIX 2.1 confidence for the credibility; ok is false
// for 6 ("truth cannot be judged") and for ungraded claims, whose confidence
// must be omitted.
func (c Credibility) STIXConfidence() (value int, ok bool) {
	if c < Credibility1 || c > Credibility5 {
		return 0, false
	}
	return stixConfidence[c], true
}

// ParseOpenCTIReliability reads "B - Usually reliable" (or just "B").
func ParseOpenCTIReliability(s string) (Reliability, error) {
	if len(s) >= 1 {
		r, err := ParseReliability(s[:1])
		if err == nil && r.Valid() && (len(s) == 1 || s == r.OpenCTI()) {
			return r, nil
		}
	}
	return "", Errorf(EInvalid, "%q is not an OpenCTI reliability such as \"B - Usually reliable\"", s)
}
