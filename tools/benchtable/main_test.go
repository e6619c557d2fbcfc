package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func readSample(t *testing.T) *results {
	t.Helper()
	f, err := os.Open("testdata/bench.out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := parse(f)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestParse(t *testing.T) {
	res := readSample(t)
	if len(res.List) != 4 {
		t.Fatalf("%d benchmarks, want 4: %+v", len(res.List), res.List)
	}
	cc := res.List[0]
	if cc.Name != "CreateClaim/100k-claims" || cc.Pkg != "github.com/evidence-workbench/workbench/storage" {
		t.Errorf("first = %s in %s", cc.Name, cc.Pkg)
	}
	if got := cc.Metrics["ns/op"]; got != 2000000 {
		t.Errorf("median of three runs = %v, want 2000000", got)
	}
	if got := res.List[3].Metrics["x-raw-p95"]; got != 0.02495 {
		t.Errorf("custom metric = %v", got)
	}
	if strings.Join(res.Failed, ",") != "BenchmarkBroken,github.com/evidence-workbench/workbench/app/search" {
		t.Errorf("failed = %v", res.Failed)
	}
	if strings.Join(res.Skipped, ",") != "ScaleOpenWindow" {
		t.Errorf("skipped = %v", res.Skipped)
	}
}

func TestJudge(t *testing.T) {
	res := readSample(t)
	rows := judge(res, targets)
	byKey := map[string]row{}
	for _, r := range rows {
		byKey[r.Bench+" "+r.Metric] = r
	}
	tests := map[string]struct{ figure, target, met string }{
		"CreateClaim/100k-claims ns/op":        {"2 ms", "<= 10 ms", "yes"},
		"Import/store articles/s":              {"420", ">= 500", "NO"},
		"NewThing ns/op":                       {"4.2 µs", "report", "report"},
		"PaletteKeystroke p95-ms/key":          {"4.22", "<= 16", "yes"},
		"PaletteKeystroke x-raw-p95":           {"0.02", "<= 0.5", "yes"},
		"ScaleOpenWindow RSS-MB":               {"-", "<= 300", "not run"},
		"IndexBuild ns/op":                     {"-", "<= 1 s", "not run"},
		"Import/store ns/op":                   {"", "", ""}, // judged by articles/s only
		"PaletteKeystroke p50-ms/key":          {"", "", ""}, // no entry asks for it
		"CreateClaim/100k-claims B/op":         {"", "", ""},
		"ScaleTimeline/frame ns/op":            {"-", "<= 16 ms", "not run"},
		"ReanchorReport misplaced":             {"-", "<= 0", "not run"},
		"ReanchorReport light-placed-%":        {"", "", ""}, // report-only entries are not listed when absent
		"Export.*(JSON|Json|TimelineJS) ns/op": {"-", "<= 1 s", "not run"},
	}
	for key, want := range tests {
		t.Run(key, func(t *testing.T) {
			r, ok := byKey[key]
			if want.met == "" {
				if ok {
					t.Fatalf("unexpected row %+v", r)
				}
				return
			}
			if !ok {
				t.Fatalf("no row")
			}
			if r.Figure != want.figure || r.Target != want.target || r.Met != want.met {
				t.Errorf("row %q %q %q, want %q %q %q", r.Figure, r.Target, r.Met, want.figure, want.target, want.met)
			}
		})
	}
	if exitCode(rows, res, false) != 1 {
		t.Error("a failed benchmark must fail the table")
	}
	res.Failed = nil
	if exitCode(rows, res, false) != 0 || exitCode(rows, res, true) != 1 {
		t.Error("a missed target fails only with -strict")
	}
}

func TestWrite(t *testing.T) {
	res := readSample(t)
	var b bytes.Buffer
	if err := write(&b, judge(res, targets), res); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"BENCHMARK", "Import/store", "4 benchmarks; targets met 3, missed 1,", "FAILED: BenchmarkBroken", "skipped: ScaleOpenWindow"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
}

func TestFormat(t *testing.T) {
	tests := map[string]struct {
		metric string
		v      float64
		want   string
	}{
		"seconds":      {"ns/op", 1.5e9, "1.5 s"},
		"milliseconds": {"ns/op", 16e6, "16 ms"},
		"micro":        {"ns/op", 94100, "94.1 µs"},
		"nano":         {"ns/op", 961, "961 ns"},
		"small":        {"x-raw-p95", 0.02495, "0.02"},
		"big rate":     {"articles/s", 1520.4, "1520"},
		"zero":         {"misplaced", 0, "0"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := format(tc.metric, tc.v); got != tc.want {
				t.Errorf("format(%q, %v) = %q, want %q", tc.metric, tc.v, got, tc.want)
			}
		})
	}
}
