package ingest

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// agencySurface lists how well-known wire and news agencies are written in
// running text, as written (matching is case-sensitive).
var agencySurface = []string{
	"AFP", "Agence France-Presse", "Agence France Presse", "Reuters", "Thomson Reuters",
	"AP", "Associated Press", "The Associated Press", "dpa", "DPA", "UPI", "EFE", "ANSA",
	"Anadolu Agency", "Anadolu", "Xinhua", "TASS", "ITAR-TASS", "RIA Novosti", "Interfax",
	"Kyodo", "Yonhap", "PTI", "IANS", "Bernama", "Antara", "AAP", "IRNA", "ISNA", "SANA",
	"KUNA", "QNA", "WAM", "SPA", "MENA", "Bloomberg",
}

// agencies maps the lower-cased spellings of well-known agencies to the name
// the workbench files them under.
var agencies = map[string]string{
	"afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
	"reuters": "Reuters", "thomson reuters": "Reuters",
	"ap": "AP", "associated press": "AP", "the associated press": "AP",
	"dpa": "dpa", "deutsche presse-agentur": "dpa", "upi": "UPI", "united press international": "UPI",
	"efe": "EFE", "ansa": "ANSA", "anadolu": "Anadolu Agency", "anadolu agency": "Anadolu Agency",
	"xinhua": "Xinhua", "tass": "TASS", "itar-tass": "TASS", "ria novosti": "RIA Novosti",
	"interfax": "Interfax", "kyodo": "Kyodo", "yonhap": "Yonhap", "pti": "PTI", "ians": "IANS",
	"bernama": "Bernama", "antara": "Antara", "aap": "AAP", "irna": "IRNA", "isna": "ISNA",
	"sana": "SANA", "kuna": "KUNA", "qna": "QNA", "wam": "WAM", "spa": "SPA", "mena": "MENA",
	"bloomberg": "Bloomberg",
}

// agencyAlternation is a regexp alternation of every agency spelling,
// longest first so "Associated Press" wins over "AP".
var agencyAlternation = func() string {
	keys := make([]string, 0, len(agencySurface))
	for _, k := range agencySurface {
		keys = append(keys, regexp.QuoteMeta(k))
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) > len(keys[j])
		}
		return keys[i] < keys[j]
	})
	return strings.Join(keys, "|")
}()

// agencyName returns the canonical name of a known agency, or "".
func agencyName(s string) string {
	s = strings.ToLower(strings.Trim(strings.TrimSpace(s), ".,;:()"))
	s = strings.TrimSuffix(s, " news agency")
	s = strings.TrimSuffix(s, " staff")
	return agencies[s]
}

// isAcronym reports whether s is an all-capitals token of 2-6 letters
// ("LPA", "SANA").
func isAcronym(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 6 {
		return false
	}
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// cleanName tidies a source name taken from text: trims punctuation and
// spaces, capitalises letters after a hyphen in capitalised words
// ("Al-awsat" -> "Al-Awsat") and files known agencies under their usual name.
func cleanName(s string) string {
	s = strings.TrimSpace(strings.Join(strings.Fields(s), " "))
	s = strings.Trim(s, " .,;:|–—-•·\"'“”‘’")
	if a := agencyName(s); a != "" {
		return a
	}
	words := strings.Fields(s)
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || !strings.Contains(w, "-") {
			continue
		}
		parts := strings.Split(w, "-")
		for j := 1; j < len(parts); j++ {
			if p := parts[j]; p != "" {
				pr, size := utf8.DecodeRuneInString(p)
				if unicode.IsLower(pr) && utf8.RuneCountInString(p) > 2 {
					parts[j] = string(unicode.ToUpper(pr)) + p[size:]
				}
			}
		}
		words[i] = strings.Join(parts, "-")
	}
	return strings.Join(words, " ")
}

// sectionLabels are words that name a section of a site, not the site.
var sectionLabels = map[string]bool{
	"news": true, "world": true, "world news": true, "politics": true, "opinion": true, "business": true,
	"middle east": true, "middle-east": true, "home": true, "latest": true, "latest news": true, "breaking": true,
	"breaking news": true, "analysis": true, "features": true, "feature": true, "sport": true, "sports": true,
	"local news": true, "us news": true, "u.s. news": true, "uk news": true, "europe": true, "asia": true, "africa": true,
	"americas": true, "tech": true, "technology": true, "science": true, "health": true, "culture": true,
	"editorial": true, "commentary": true, "blog": true, "video": true, "videos": true, "photos": true,
	"international": true, "national": true, "region": true, "iraq": true, "syria": true, "top stories": true,
	"exclusive": true, "investigation": true, "in depth": true, "military": true, "defense": true, "defence": true,
}

// nameLike reports whether s looks like the name of an outlet, agency or
// organisation: one to seven words, capitalised, no sentence punctuation.
func nameLike(s string) bool {
	s = strings.TrimSpace(s)
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 60 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return false
	}
	words := strings.Fields(s)
	if len(words) > 7 {
		return false
	}
	if strings.ContainsAny(s, ".!?;:,") && !strings.Contains(s, ".com") && !isDotted(s) {
		return false
	}
	if sectionLabels[strings.ToLower(s)] {
		return false
	}
	if monthOf(words[0]) != 0 && len(words) > 1 && atoi(strings.Trim(words[1], ",")) > 0 {
		return false // a date
	}
	upper := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			upper++
		}
	}
	return upper*2 >= len(words)
}

// isDotted accepts names with initials such as "U.S. Central Command".
func isDotted(s string) bool {
	return !strings.ContainsAny(s, "!?;:,") && !strings.HasSuffix(strings.TrimSpace(s), ". ")
}

// rePersonName matches a personal name at the start of a string: capitalised
// words with the usual particles (al-, bin, van, de ...).
var rePersonName = regexp.MustCompile(`^[\p{Lu}][\p{L}\p{M}'’.\-]*(?:\s+(?:(?:al|el|bin|ibn|abu|van|von|der|de|del|della|di|da|du|la|le|y|dos|das)\s+)*[\p{Lu}][\p{L}\p{M}'’.\-]*){0,4}`)

// personName reads a personal name from the start of s and reports its
// byte length; "" when s does not start with one.
func personName(s string) (string, int) {
	m := rePersonName.FindStringIndex(s)
	if m == nil {
		return "", 0
	}
	name := strings.TrimRight(s[:m[1]], ".-’'")
	return name, len(name)
}
