package main

import "regexp"

// target is one promise a benchmark is held to: metric op limit, e.g.
// ns/op <= 16 ms. Name matches the benchmark's full name without the
// "Benchmark" prefix and the -GOMAXPROCS suffix, sub-benchmarks included.
type target struct {
	Name   *regexp.Regexp
	Metric string  // "ns/op" or a custom metric's unit, e.g. "p95-ms/key"
	Op     string  // "<=", ">=" or "" (report only)
	Limit  float64 // in the metric's own unit (nanoseconds for ns/op)
	Why    string  // what the figure means and where the target comes from
}

const (
	ms = 1e6 // nanoseconds
	s  = 1e9
)

// targets lists every benchmark of the project with the figure it is judged
// by. Benchmarks that match no entry are listed with their ns/op as
// "report". Entries whose benchmark did not run are listed as "not run".
var targets = []target{
	// issue 2: storage and import
	{re(`^Import/store$`), "articles/s", ">=", 500, "import 1,000 × 5 KB articles with FTS (issue 2)"},
	{re(`^Import/raw$`), "articles/s", "", 0, "raw SQLite INSERT of the same rows: the baseline"},
	{re(`^ParseText$`), "ns/op", "", 0, "parse a 5 KB text article"},
	{re(`^ParsePDF$`), "ns/op", "", 0, "parse a one-page PDF"},
	{re(`^ArticlesLibrary$`), "ns/op", "", 0, "Articles() over 1,000 articles"},
	// issue 3: reader, claims, re-anchoring
	{re(`^Open100kWords`), "ns/op", "<=", 100 * ms, "open and lay out a 100,000-word article (issue 3)"},
	{re(`^ScrollStep`), "ns/op", "<=", 16 * ms, "one scroll step in it (issue 3)"},
	{re(`^HitTest$`), "ns/op", "", 0, "hit-test a point of the reader"},
	{re(`^CreateClaim`), "ns/op", "<=", 10 * ms, "create a claim in a case of 100,000 claims (issue 3)"},
	{re(`^ClaimsForArticle`), "ns/op", "", 0, "list one article's 100 claims among 100,000"},
	{re(`^ReanchorReport$`), "misplaced", "<=", 0, "claims put on the wrong words after edits (issue 3: none)"},
	{re(`^ReanchorReport$`), "findable-placed-%", ">=", 99, "claims with a findable place re-anchored correctly (issue 3)"},
	{re(`^ReanchorReport$`), "light-placed-%", "", 0, "the same for intact or lightly edited quotes"},
	{re(`^Reanchor(Exact|Fuzzy|Position)$`), "ns/op", "", 0, "re-anchor one claim in a 100,000-word text"},
	{re(`^NewText$`), "ns/op", "", 0, "prepare a 100,000-word text for re-anchoring"},
	// issue 4: sources
	{re(`^MergeUnmerge$`), "ns/op", "", 0, "merge a source with 100 article links and undo it"},
	// issue 5: dates and the timeline
	{re(`^FindResolve`), "ns/op", "", 0, "date finder + resolver over a 5,000-word article"},
	{re(`^TimelineFrameGL/no_items$`), "ns/op", "", 0, "the same window and lanes with nothing in them: the driver's floor"},
	{re(`^TimelineFrameGL/`), "ns/op", "<=", 16 * ms, "mean frame after a pan, 10,000 items, layout + paint + swap in the real GL driver (issue 5)"},
	{re(`^TimelineFrameGL/`), "p95-ms", "", 0, "its 95th percentile"},
	{re(`^TimelineZoomStepGL/`), "ns/op", "<=", 16 * ms, "mean frame after a zoom step, 10,000 items, in the real GL driver (issue 5)"},
	{re(`^TimelineZoomStepGL/`), "p95-ms", "", 0, "its 95th percentile"},
	{re(`^Timeline(FrameGL|ZoomStepGL)/`), "layout-ms", "", 0, "of it, our layout: the pan or zoom in the animation tick"},
	{re(`^TimelineFrame/.*/layout$`), "ns/op", "<=", 16 * ms, "our part of a frame after a pan: axis, items in view, objects (issue 5)"},
	{re(`^TimelineFrame/.*/layout\+paint$`), "ns/op", "", 0, "the same painted by Fyne's software test painter, which no user sees"},
	{re(`^TimelineZoomStep`), "ns/op", "<=", 16 * ms, "our part of a zoom step: repack 10,000 items, objects (issue 5)"},
	{re(`^Events10k`), "ns/op", "", 0, "Events(): 10,000 events, 50,000 links"},
	// issue 6: entities and the palette
	{re(`^PaletteKeystroke$`), "p95-ms/key", "<=", 16, "palette keystroke p95, 100k names + 100k claims (issue 6)"},
	{re(`^PaletteKeystroke$`), "x-raw-p95", "<=", 0.5, "its p95 against raw sahilm/fuzzy (issue 6)"},
	{re(`^PaletteGrouped$`), "p95-ms/key", "<=", 16, "the same, grouped by kind as the palette shows it"},
	{re(`^RawSahilm$`), "p95-ms/key", "", 0, "raw sahilm/fuzzy over the same strings: the baseline"},
	{re(`^IndexBuild$`), "ns/op", "<=", 1 * s, "build the palette index over 200,000 items (issue 6)"},
	{re(`^Entities20k`), "ns/op", "", 0, "Entities(): 20,000 entities, 60,000 aliases"},
	// issue 7: export and merge
	{re(`^Export.*(JSON|Json|TimelineJS)`), "ns/op", "<=", 1 * s, "export 10,000 events with 50,000 claims (issue 7)"},
	{re(`^Export`), "ns/op", "", 0, "export"},
	{re(`^Prepare$`), "ns/op", "", 0, "prepare an export: scope and timeline model"},
	{re(`^ApplyChanges`), "ns/op", "", 0, "apply a snapshot to a case in one transaction (restore, merge)"},
	{re(`^Plan$`), "ns/op", "", 0, "plan a merge of two cases"},
	// issue 8: the generated case of 10,000 articles, 100,000 claims, 20,000 entities, 10,000 events
	{re(`^ScaleOpenWindow$`), "ns/op", "<=", 1 * s, "open the big case to a usable window: library listed, first article shown (issue 8)"},
	{re(`^ScaleOpenWindow$`), "RSS-MB", "<=", 300, "memory after opening it, resident set (issue 8)"},
	{re(`^ScaleOpenWindow$`), "all-loaded-ms", "", 0, "until every background load of the opening (timeline too) is done"},
	{re(`^ScaleLibraryScroll$`), "ns/op", "<=", 16 * ms, "scroll the big case's library by a page (one frame)"},
	{re(`^ScaleTimeline/frame$`), "ns/op", "<=", 16 * ms, "timeline frame after a pan, big case: 10,000 events and the dated claims"},
	{re(`^ScaleTimeline/layout$`), "ns/op", "", 0, "put the big case's model into the timeline's lanes (reload, lane change)"},
	{re(`^ScalePalette/keystroke$`), "p95-ms/key", "<=", 16, "palette keystroke over the big case (issue 6's target)"},
	{re(`^ScalePalette/load$`), "ns/op", "", 0, "read the big case into the palette index (first Ctrl+K)"},
	{re(`^ScaleTimelineModel/`), "ns/op", "", 0, "timeline model of the big case: read, derive, lanes"},
	{re(`^ScaleOpenStore$`), "ns/op", "", 0, "storage.Open of the big case: header, lock, quick check"},
	{re(`^ScaleSnapshot$`), "ns/op", "", 0, "LoadSnapshot of the whole big case (what every export reads)"},
	{re(`^ScaleExport/(json|timelinejs)$`), "ns/op", "", 0, "export the whole big case (100,000 claims) after the snapshot; issue 7's 1 s target is for 10,000 events with 50,000 claims (Export* above)"},
}

func re(s string) *regexp.Regexp { return regexp.MustCompile(s) }
