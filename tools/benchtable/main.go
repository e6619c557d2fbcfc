// Command benchtable reads the output of go test -bench (bench.out, as
// make bench writes it) and prints one table: every benchmark that ran,
// the figure it is judged by, its target and whether the target is met.
// Targets live in targets.go; a benchmark without one is listed with its
// time per operation and "report".
//
//	go run ./tools/benchtable bench.out
//
// It exits 1 when a benchmark failed (or none ran), and with -strict also
// when a target is missed.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
)

func main() {
	strict := flag.Bool("strict", false, "exit 1 when a target is missed")
	flag.Parse()
	var in io.Reader = os.Stdin
	if flag.NArg() > 0 {
		var rs []io.Reader
		for _, name := range flag.Args() {
			f, err := os.Open(name)
			if err != nil {
				fmt.Fprintln(os.Stderr, "benchtable:", err)
				os.Exit(1)
			}
			defer f.Close()
			rs = append(rs, f)
		}
		in = io.MultiReader(rs...)
	}
	res, err := parse(in)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
	rows := judge(res, targets)
	if err := write(os.Stdout, rows, res); err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
	os.Exit(exitCode(rows, res, *strict))
}

// result is one benchmark's figures, the median where it ran several times.
type result struct {
	Pkg     string
	Name    string // without "Benchmark" and the -N suffix
	Metrics map[string]float64
	runs    map[string][]float64
}

// results is everything read from a bench.out.
type results struct {
	List    []*result
	Failed  []string // packages or benchmarks that failed
	Skipped []string
}

var (
	benchLine = regexp.MustCompile(`^Benchmark(\S+?)(?:-\d+)?\s+(\d+)\s+(.+)$`)
	failLine  = regexp.MustCompile(`^(?:--- FAIL: (\S+)|FAIL\s+(\S+))`)
	skipLine  = regexp.MustCompile(`^\s*--- SKIP: Benchmark(\S+)`)
)

// parse reads go test -bench output.
func parse(r io.Reader) (*results, error) {
	out := &results{}
	byKey := map[string]*result{}
	pkg := ""
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if p, ok := strings.CutPrefix(line, "pkg: "); ok {
			pkg = strings.TrimSpace(p)
			continue
		}
		if m := failLine.FindStringSubmatch(line); m != nil {
			out.Failed = append(out.Failed, m[1]+m[2])
			continue
		}
		if m := skipLine.FindStringSubmatch(line); m != nil {
			out.Skipped = append(out.Skipped, m[1])
			continue
		}
		m := benchLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		fields := strings.Fields(m[3])
		if len(fields)%2 != 0 {
			continue // a line the benchmark printed itself, not a result
		}
		key := pkg + " " + m[1]
		res := byKey[key]
		if res == nil {
			res = &result{Pkg: pkg, Name: m[1], Metrics: map[string]float64{}, runs: map[string][]float64{}}
			byKey[key] = res
			out.List = append(out.List, res)
		}
		for i := 0; i < len(fields); i += 2 {
			v, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				return nil, fmt.Errorf("benchmark %s: %q is not a number", m[1], fields[i])
			}
			res.runs[fields[i+1]] = append(res.runs[fields[i+1]], v)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read benchmark output: %w", err)
	}
	for _, r := range out.List {
		for unit, vs := range r.runs {
			r.Metrics[unit] = median(vs)
		}
	}
	return out, nil
}

func median(vs []float64) float64 {
	s := slices.Clone(vs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// row is one line of the table.
type row struct {
	Bench  string
	Metric string
	Figure string
	Target string
	Met    string // "yes", "no", "report", "not run", "no figure"
	Why    string
}

// judge holds every result against the targets that match it (the first
// entry for each metric wins), and lists targets that no benchmark met.
func judge(res *results, ts []target) []row {
	var rows []row
	used := make([]bool, len(ts))
	for _, r := range res.List {
		seen := map[string]bool{}
		for i, t := range ts {
			if !t.Name.MatchString(r.Name) || seen[t.Metric] {
				continue
			}
			seen[t.Metric] = true
			used[i] = true
			rows = append(rows, judgeOne(r, t))
		}
		if len(seen) == 0 {
			rows = append(rows, judgeOne(r, target{Metric: "ns/op"}))
		}
	}
	for i, t := range ts {
		if !used[i] && t.Op != "" {
			rows = append(rows, row{Bench: strings.Trim(t.Name.String(), "^$"), Metric: t.Metric, Figure: "-",
				Target: t.Op + " " + format(t.Metric, t.Limit), Met: "not run", Why: t.Why})
		}
	}
	return rows
}

func judgeOne(r *result, t target) row {
	out := row{Bench: r.Name, Metric: t.Metric, Why: t.Why, Target: "report", Met: "report"}
	v, ok := r.Metrics[t.Metric]
	if !ok {
		out.Figure, out.Met = "-", "no figure"
		if t.Op != "" {
			out.Target = t.Op + " " + format(t.Metric, t.Limit)
		}
		return out
	}
	out.Figure = format(t.Metric, v)
	if t.Op == "" {
		return out
	}
	out.Target = t.Op + " " + format(t.Metric, t.Limit)
	met := v <= t.Limit
	if t.Op == ">=" {
		met = v >= t.Limit
	}
	out.Met = map[bool]string{true: "yes", false: "NO"}[met]
	return out
}

// format writes a figure: a time per operation in the unit that reads
// best, any other metric as a bare number.
func format(metric string, v float64) string {
	if metric == "ns/op" {
		switch {
		case v >= 1e9:
			return trim(v/1e9) + " s"
		case v >= 1e6:
			return trim(v/1e6) + " ms"
		case v >= 1e3:
			return trim(v/1e3) + " µs"
		}
		return trim(v) + " ns"
	}
	return trim(v) // the unit is in the METRIC column
}

// trim prints three significant digits at most, without trailing zeros.
func trim(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	switch av := abs(v); {
	case av >= 100:
		s = strconv.FormatFloat(v, 'f', 0, 64)
	case av >= 10:
		s = strconv.FormatFloat(v, 'f', 1, 64)
	case av > 0:
		s = strconv.FormatFloat(v, 'f', 2, 64)
	}
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// write prints the table and a summary line.
func write(w io.Writer, rows []row, res *results) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "BENCHMARK\tMETRIC\tFIGURE\tTARGET\tMET\tWHAT")
	count := map[string]int{}
	for _, r := range rows {
		count[r.Met]++
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.Bench, r.Metric, r.Figure, r.Target, r.Met, r.Why)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%d benchmarks; targets met %d, missed %d, not run %d; %d figures reported without a target.\n",
		len(res.List), count["yes"], count["NO"], count["not run"], count["report"])
	if len(res.Failed) > 0 {
		fmt.Fprintf(w, "FAILED: %s\n", strings.Join(res.Failed, ", "))
	}
	if len(res.Skipped) > 0 {
		fmt.Fprintf(w, "skipped: %s\n", strings.Join(res.Skipped, ", "))
	}
	return nil
}

// exitCode is 1 when a benchmark failed or none ran, or (strict) a target was missed.
func exitCode(rows []row, res *results, strict bool) int {
	if len(res.Failed) > 0 || len(res.List) == 0 {
		return 1
	}
	if strict {
		for _, r := range rows {
			if r.Met == "NO" {
				return 1
			}
		}
	}
	return 0
}
