// Package assets bundles the files Evidence Workbench ships inside its
// binary: the application icon and a small sample case of five raw news
// articles about the Al-Qaim offensive (western Anbar, Iraq, Oct-Nov 2017).
//
// The sample articles are written for the workbench and are fictional in
// their outlets, wire agency and authors: they imitate the shapes of real web
// copies (mastheads, bylines, relay lines, wire datelines, photo credits,
// reader comments, newsletter and donation blocks, related-link teasers,
// feed footers) so the importer, the date resolver and the timeline have
// something realistic to chew on. sample/expected.json (kept in the source
// tree, not embedded) says what a careful importer should detect in each.
package assets

import (
	"embed"

	"fyne.io/fyne/v2"
)

// SampleDir is the directory inside Sample that holds the articles.
const SampleDir = "sample"

// Sample holds the sample articles as SampleDir/NN-name.txt, plain UTF-8
// text, in the order an analyst would read them, and
// SampleDir/annotations.json: the grades, entities, claims and events a new
// sample case starts with (see app/sample).
//
//go:embed sample/*.txt sample/annotations.json
var Sample embed.FS

// IconPNG is the application icon, a 512x512 PNG rendered from icon.svg.
//
//go:embed icon.png
var IconPNG []byte

// Icon is the application icon as a Fyne resource named "icon.png", for
// App.SetIcon and Window.SetIcon.
var Icon = &fyne.StaticResource{StaticName: "icon.png", StaticContent: IconPNG}
