//go:build sqlite_fts5

package ui

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/evidence-workbench/workbench/internal/casegen"
	"github.com/evidence-workbench/workbench/storage"
)

// The scale benchmarks open issue 8's generated case (10,000 articles,
// 100,000 claims, 20,000 entities, 10,000 events; internal/casegen) in the
// real workbench on Fyne's test driver, through the real storage. The case
// is generated once (about a minute) and cached in the temporary folder.
// They need the storage build tag:
//
//	go test -tags sqlite_fts5 -run '^$' -bench Scale -benchtime 1x ./app/ui/

// scaleCase is a fresh copy of the cached scale case.
func scaleCase(b *testing.B) string {
	b.Helper()
	src, err := casegen.Cached(context.Background(), casegen.Scale, storage.OpenCase, b.Logf)
	if err != nil {
		b.Fatal(err)
	}
	p, err := casegen.CopyCase(src, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// usable reports whether the window shows the library and an article.
func usable(w *Workbench) bool {
	w.applyMu.Lock()
	defer w.applyMu.Unlock()
	return len(w.library.rows) > 0 && w.reader.article != nil
}

// openScaleWindow opens the workbench on path and waits until the library
// is listed and the first article shown; it returns that time.
func openScaleWindow(b *testing.B, path string) (*Workbench, time.Duration) {
	b.Helper()
	a := test.NewTempApp(b)
	t0 := time.Now()
	w := New(a, Config{Open: storage.OpenCase, CasePath: path})
	w.OpenInitialCase()
	for !usable(w) {
		if time.Since(t0) > 2*time.Minute {
			b.Fatal("the window did not show the library and an article within two minutes")
		}
		time.Sleep(time.Millisecond)
	}
	return w, time.Since(t0)
}

func closeScaleWindow(w *Workbench) {
	w.Wait()
	w.closeCase()
	w.win.Close()
}

// residentMB is this process's resident set in megabytes (/proc/self/statm).
func residentMB(t testing.TB) float64 {
	t.Helper()
	raw, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		t.Skip("no /proc/self/statm on this system:", err)
	}
	f := strings.Fields(string(raw))
	pages, err := strconv.ParseFloat(f[1], 64)
	if err != nil {
		t.Fatal(err)
	}
	return pages * float64(os.Getpagesize()) / (1 << 20)
}

// BenchmarkScaleOpenWindow measures opening the big case to a usable
// window, each time in a fresh process as a start of the program would
// (TestScaleOpenWindowChild): ns/op is from storage.Open to the library
// listed and the first article shown in the reader (target 1 s);
// all-loaded-ms the time until every background load the opening starts
// (the timeline and the entities too) has finished; RSS-MB the process's
// resident memory then (target 300 MB). Fyne's test driver draws nothing,
// so the GL driver's textures are not in it.
func BenchmarkScaleOpenWindow(b *testing.B) {
	path := scaleCase(b)
	var usable, all, rss float64
	n := 0
	for b.Loop() {
		cmd := exec.Command(os.Args[0], "-test.run=^TestScaleOpenWindowChild$")
		cmd.Env = append(os.Environ(), "EWB_SCALE_OPEN="+path)
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.Fatalf("child: %v\n%s", err, out)
		}
		var u, a, r float64
		i := strings.Index(string(out), "scale-open ")
		if i < 0 {
			b.Fatalf("child printed no figures:\n%s", out)
		}
		if _, err := fmt.Sscanf(string(out[i:]), "scale-open %g %g %g", &u, &a, &r); err != nil {
			b.Fatalf("child figures: %v\n%s", err, out)
		}
		usable, all, rss, n = usable+u, all+a, max(rss, r), n+1
	}
	b.ReportMetric(usable/float64(n), "ns/op")
	b.ReportMetric(all/float64(n)/1e6, "all-loaded-ms")
	b.ReportMetric(rss, "RSS-MB")
}

// TestScaleOpenWindowChild is not a test: BenchmarkScaleOpenWindow runs the
// test binary again with it to open the case in a fresh process, and reads
// the figures it prints.
func TestScaleOpenWindowChild(t *testing.T) {
	path := os.Getenv("EWB_SCALE_OPEN")
	if path == "" {
		t.Skip("helper process of BenchmarkScaleOpenWindow")
	}
	a := test.NewTempApp(t)
	t0 := time.Now()
	w := New(a, Config{Open: storage.OpenCase, CasePath: path})
	w.OpenInitialCase()
	for !usable(w) {
		if time.Since(t0) > 2*time.Minute {
			t.Fatal("the window did not show the library and an article within two minutes")
		}
		time.Sleep(time.Millisecond)
	}
	shown := time.Since(t0)
	w.Wait()
	loaded := time.Since(t0)
	fmt.Printf("scale-open %d %d %.1f\n", shown.Nanoseconds(), loaded.Nanoseconds(), residentMB(t))
	closeScaleWindow(w)
}

// BenchmarkScaleLibraryScroll measures scrolling the big case's library
// (10,000 articles) down by one page, the list's rows rebound to the
// articles now in view; at the end it starts again from the top.
func BenchmarkScaleLibraryScroll(b *testing.B) {
	w, _ := openScaleWindow(b, scaleCase(b))
	w.Wait()
	defer closeScaleWindow(w)
	list := w.library.list
	page := list.Size().Height
	if page <= 0 || len(w.library.rows) != casegen.Scale.Articles {
		b.Fatalf("library %v px tall with %d rows", page, len(w.library.rows))
	}
	b.ResetTimer()
	for b.Loop() {
		onUI(w, func() {
			before := list.GetScrollOffset()
			list.ScrollToOffset(before + page)
			if list.GetScrollOffset() == before {
				list.ScrollToTop()
			}
		})
	}
}

// BenchmarkScaleTimeline measures the Timeline tab on the big case (its
// 10,000 events and every dated claim, lanes by source): "layout" puts the
// model into the widget's lanes and packs every item (what a reload or a
// change of lanes costs), "frame" is one frame after a pan in the fitted
// view (what dragging costs).
func BenchmarkScaleTimeline(b *testing.B) {
	w, _ := openScaleWindow(b, scaleCase(b))
	w.Wait()
	defer closeScaleWindow(w)
	onUI(w, func() { w.tabs.SelectIndex(1) })
	w.Wait()
	tab := w.timeline
	if len(tab.model.Events) != casegen.Scale.Events {
		b.Fatalf("timeline holds %d events", len(tab.model.Events))
	}
	b.Run("layout", func(b *testing.B) {
		for b.Loop() {
			onUI(w, tab.layout)
		}
	})
	b.Run("frame", func(b *testing.B) {
		onUI(w, tab.tl.FitAll)
		d := 36 * time.Hour
		for b.Loop() {
			onUI(w, func() { tab.tl.PanBy(d) })
			d = -d
		}
	})
}
