package app

import "sort"

// NormalizeExcluded sorts ranges, drops empty ones and merges ranges that
// overlap or touch. Where two merged ranges differ in kind, the earlier
// range's kind is kept; a merge that takes in an analyst's range is marked
// as the analyst's.
func NormalizeExcluded(ex []Excluded) []Excluded {
	out := make([]Excluded, 0, len(ex))
	for _, e := range ex {
		if e.End > e.Start {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	merged := out[:0]
	for _, e := range out {
		if n := len(merged); n > 0 && e.Start <= merged[n-1].End {
			last := &merged[n-1]
			last.End = max(last.End, e.End)
			last.ByAnalyst = last.ByAnalyst || e.ByAnalyst
			continue
		}
		merged = append(merged, e)
	}
	return merged
}

// ExcludeSpan marks s as boilerplate of the given kind, set by the analyst.
func ExcludeSpan(ex []Excluded, s Span, kind BoilerplateKind) []Excluded {
	if kind == "" {
		kind = BoilerOther
	}
	next := append(append([]Excluded(nil), ex...), Excluded{Span: s, Kind: kind, ByAnalyst: true})
	return NormalizeExcluded(next)
}

// IncludeSpan takes s out of every excluded range, splitting ranges that
// contain it: the analyst says those words are the article's own.
func IncludeSpan(ex []Excluded, s Span) []Excluded {
	var out []Excluded
	for _, e := range ex {
		if e.End <= s.Start || e.Start >= s.End {
			out = append(out, e)
			continue
		}
		if e.Start < s.Start {
			left := e
			left.End = s.Start
			left.ByAnalyst = true
			out = append(out, left)
		}
		if e.End > s.End {
			right := e
			right.Start = s.End
			right.ByAnalyst = true
			out = append(out, right)
		}
	}
	return NormalizeExcluded(out)
}
