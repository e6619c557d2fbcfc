package export

import (
	"embed"
	"fmt"
	"html/template"
	"io"
)

//go:embed templates/report.html
var templates embed.FS

var reportTemplate = template.Must(template.ParseFS(templates, "templates/report.html"))

// WriteHTML writes a self-contained HTML report (no scripts, no external
// files): a summary, the timeline drawn as inline SVG (ranges as bars,
// approximate dates faded, conflicts in red), each event with its
// supporting and contradicting claims, quotes, sources and grades, the
// sources with their grade history, and the entities; a print style sheet
// lays it out for A4. The page is made with html/template, so every piece
// of case text is escaped; the SVG is escaped by WriteSVG's own escaper.
func WriteHTML(w io.Writer, d *Data) error {
	d.index()
	data := struct {
		R   *report
		SVG template.HTML
	}{d.report(), template.HTML(svgString(d.layout()))} // #nosec G203 -- every string in the SVG went through xmlText
	if err := reportTemplate.Execute(w, data); err != nil {
		return fmt.Errorf("write html: %w", err)
	}
	return nil
}
