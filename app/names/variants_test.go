package names_test

import (
	"testing"

	"github.com/evidence-workbench/workbench/app/search"
)

// TestVariantTop1Report looks every variant up among all canonical names
// (and the aliases the analyst recorded) the way the palette does, and
// counts how often the best result is the right name.
func TestVariantTop1Report(t *testing.T) {
	sets := loadVariants(t)
	var items []search.Item
	for _, s := range sets {
		items = append(items, search.Item{Kind: s.Kind, ID: s.Canonical, Text: s.Canonical})
		for _, a := range s.Aliases {
			items = append(items, search.Item{Kind: s.Kind, ID: s.Canonical, Text: a, Parent: s.Canonical})
		}
	}
	ix := search.NewIndex(items)
	hits, total := 0, 0
	for _, s := range sets {
		for _, v := range s.Variants {
			total++
			rs := ix.Search(v, 1)
			switch {
			case len(rs) == 0:
				t.Logf("miss: %q found nothing (want %q)", v, s.Canonical)
			case rs[0].ID != s.Canonical:
				t.Logf("miss: %q found %q first (want %q)", v, rs[0].ID, s.Canonical)
			default:
				hits++
			}
		}
	}
	rate := float64(hits) / float64(total)
	t.Logf("top-1 accuracy: %d of %d variants (%.1f%%) find their canonical name first", hits, total, 100*rate)
	if rate < 0.95 {
		t.Errorf("top-1 accuracy %.1f%%, want at least 95%%", 100*rate)
	}
}
