package app_test

import (
	"reflect"
	"testing"

	"github.com/evidence-workbench/workbench/app"
)

func ex(start, end int, kind app.BoilerplateKind, analyst bool) app.Excluded {
	return app.Excluded{Span: app.Span{Start: start, End: end}, Kind: kind, ByAnalyst: analyst}
}

func TestExcludeAndIncludeSpan(t *testing.T) {
	base := []app.Excluded{ex(10, 20, app.BoilerComments, false), ex(40, 50, app.BoilerFooter, false)}
	tests := map[string]struct {
		got, want []app.Excluded
	}{
		"exclude a new range keeps order": {
			app.ExcludeSpan(base, app.Span{Start: 25, End: 30}, ""),
			[]app.Excluded{ex(10, 20, app.BoilerComments, false), ex(25, 30, app.BoilerOther, true), ex(40, 50, app.BoilerFooter, false)},
		},
		"exclude bridging two ranges merges them": {
			app.ExcludeSpan(base, app.Span{Start: 15, End: 45}, app.BoilerAd),
			[]app.Excluded{ex(10, 50, app.BoilerComments, true)},
		},
		"include the middle splits a range": {
			app.IncludeSpan(base, app.Span{Start: 12, End: 15}),
			[]app.Excluded{ex(10, 12, app.BoilerComments, true), ex(15, 20, app.BoilerComments, true), ex(40, 50, app.BoilerFooter, false)},
		},
		"include across both trims both": {
			app.IncludeSpan(base, app.Span{Start: 15, End: 45}),
			[]app.Excluded{ex(10, 15, app.BoilerComments, true), ex(45, 50, app.BoilerFooter, true)},
		},
		"include a whole range removes it": {
			app.IncludeSpan(base, app.Span{Start: 0, End: 30}),
			[]app.Excluded{ex(40, 50, app.BoilerFooter, false)},
		},
		"include outside every range changes nothing": {
			app.IncludeSpan(base, app.Span{Start: 25, End: 30}),
			base,
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if !reflect.DeepEqual(tc.got, tc.want) {
				t.Fatalf("got %+v\nwant %+v", tc.got, tc.want)
			}
		})
	}
}

func TestExcludeSpanDoesNotAliasInput(t *testing.T) {
	base := make([]app.Excluded, 1, 4)
	base[0] = ex(0, 5, app.BoilerFooter, false)
	_ = app.ExcludeSpan(base, app.Span{Start: 2, End: 9}, app.BoilerOther)
	if base[0].End != 5 {
		t.Fatalf("ExcludeSpan changed its input: %+v", base[0])
	}
}
