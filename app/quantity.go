package app

import (
	"os"
	"os/user"
	"strconv"
	"strings"
	"unicode"
)

// ParseQuantity reads a number with its unit as analysts type them:
// "500 killed", "40,000 troops", "1.5 km", "85%", "85 percent". An empty
// string is no quantity (nil, nil).
func ParseQuantity(s string) (*Quantity, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	bad := Errorf(EInvalid, "%q is not a quantity: write a number and a unit, e.g. 500 killed or 40,000 troops", s)
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == ',' || s[i] == '.' || (i == 0 && (s[i] == '-' || s[i] == '+'))) {
		i++
	}
	num := strings.ReplaceAll(s[:i], ",", "")
	unit := strings.TrimSpace(s[i:])
	if num == "" || unit == "" {
		return nil, bad
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return nil, bad
	}
	if unit == "%" {
		unit = "percent"
	}
	return &Quantity{Value: v, Unit: unit}, nil
}

// String writes the quantity back as "40,000 troops" or "1.5 km".
func (q Quantity) String() string {
	s := strconv.FormatFloat(q.Value, 'f', -1, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out + " " + q.Unit
}

// ParseTags splits "a, b; c" into trimmed, de-duplicated tags.
func ParseTags(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		t = strings.Join(strings.FieldsFunc(t, unicode.IsSpace), " ")
		if t != "" && !seen[strings.ToLower(t)] {
			seen[strings.ToLower(t)] = true
			out = append(out, t)
		}
	}
	return out
}

// AnalystName is who "created by" and "changed by" record when the analyst
// has not set a name: $EVIDENCE_ANALYST, else the operating system user.
func AnalystName() string {
	if n := strings.TrimSpace(os.Getenv("EVIDENCE_ANALYST")); n != "" {
		return n
	}
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "analyst"
}
