// Package sample creates the sample case a new user starts with: the sample
// articles imported, then annotated as an analyst might after a first read
// (graded sources, entities in several spellings, claims with dates and
// numbers, and events on which the outlets disagree), so every view has
// something to show from the first minute.
package sample

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/ingest"
)

// AnnotationsFile is the name of the annotations beside the articles.
const AnnotationsFile = "annotations.json"

// annotations is the shape of AnnotationsFile.
type annotations struct {
	Sources []struct {
		Name        string `json:"name"`
		Reliability string `json:"reliability"`
		Note        string `json:"note"`
	} `json:"sources"`
	Entities []struct {
		Name    string   `json:"name"`
		Kind    string   `json:"kind"`
		Aliases []string `json:"aliases"`
	} `json:"entities"`
	Claims []struct {
		Key         string   `json:"key"`
		File        string   `json:"file"`
		Quote       string   `json:"quote"`
		Statement   string   `json:"statement"`
		Credibility int      `json:"credibility"`
		When        string   `json:"when"`
		Quantity    string   `json:"quantity"`
		Entities    []string `json:"entities"`
	} `json:"claims"`
	Events []struct {
		Title       string   `json:"title"`
		When        string   `json:"when"`
		Place       string   `json:"place"`
		Description string   `json:"description"`
		Supports    []string `json:"supports"`
		Contradicts []string `json:"contradicts"`
	} `json:"events"`
}

// analyst is who the sample's annotations are by.
const analyst = "sample case"

// Seed imports the articles under dir in fsys into k, then applies
// dir/annotations.json if there is one. The import results are returned
// whatever happens; an annotation that cannot be applied is an error (the
// articles stay imported).
func Seed(ctx context.Context, k app.Case, fsys fs.FS, dir string) ([]app.ImportResult, error) {
	im := ingest.Importer{Store: k}
	res := im.ImportFS(ctx, fsys, dir, nil)
	data, err := fs.ReadFile(fsys, path.Join(dir, AnnotationsFile))
	if err != nil {
		return res, nil // articles only
	}
	if err := Annotate(ctx, k, data, res); err != nil {
		return res, fmt.Errorf("annotate the sample case: %w", err)
	}
	return res, nil
}

// Annotate applies annotations (the AnnotationsFile format) to the articles
// just imported (res says which file became which article).
func Annotate(ctx context.Context, k app.Case, data []byte, res []app.ImportResult) error {
	var a annotations
	if err := json.Unmarshal(data, &a); err != nil {
		return fmt.Errorf("read %s: %w", AnnotationsFile, err)
	}
	articles := map[string]app.ID{}
	for _, r := range res {
		if r.ArticleID != "" {
			articles[path.Base(r.Path)] = r.ArticleID
		}
	}
	for _, s := range a.Sources {
		src, err := k.ResolveSource(ctx, s.Name)
		if err != nil {
			return fmt.Errorf("source %q: %w", s.Name, err)
		}
		if err := k.GradeSource(ctx, src.ID, app.Reliability(s.Reliability), s.Note, analyst); err != nil {
			return fmt.Errorf("grade %q: %w", s.Name, err)
		}
	}
	entities := map[string]app.ID{}
	for _, e := range a.Entities {
		ent := app.Entity{Kind: app.EntityKind(e.Kind), Name: e.Name}
		for _, al := range e.Aliases {
			ent.Aliases = append(ent.Aliases, app.Alias{Name: al, ByAnalyst: true})
		}
		if err := k.CreateEntity(ctx, &ent); err != nil {
			return fmt.Errorf("entity %q: %w", e.Name, err)
		}
		entities[e.Name] = ent.ID
	}
	claims := map[string]app.ID{}
	for _, c := range a.Claims {
		id, ok := articles[c.File]
		if !ok {
			return fmt.Errorf("claim %q: the article %s was not imported", c.Key, c.File)
		}
		art, err := k.Article(ctx, id)
		if err != nil {
			return err
		}
		i := strings.Index(art.Text, c.Quote)
		if i < 0 {
			return fmt.Errorf("claim %q: its quote is not in %s", c.Key, c.File)
		}
		start := utf8.RuneCountInString(art.Text[:i])
		anc, err := app.NewAnchor(art.Text, app.Span{Start: start, End: start + utf8.RuneCountInString(c.Quote)})
		if err != nil {
			return fmt.Errorf("claim %q: %w", c.Key, err)
		}
		cl := app.Claim{ArticleID: id, Anchor: anc, Statement: c.Statement, Credibility: app.Credibility(c.Credibility),
			CreatedBy: analyst, UpdatedBy: analyst}
		if c.When != "" {
			w, err := app.ParseEDTF(c.When)
			if err != nil {
				return fmt.Errorf("claim %q: %w", c.Key, err)
			}
			cl.When = &w
		}
		if c.Quantity != "" {
			q, err := app.ParseQuantity(c.Quantity)
			if err != nil {
				return fmt.Errorf("claim %q: %w", c.Key, err)
			}
			cl.Quantity = q
		}
		for _, name := range c.Entities {
			eid, ok := entities[name]
			if !ok {
				return fmt.Errorf("claim %q: no entity %q in the annotations", c.Key, name)
			}
			cl.EntityIDs = append(cl.EntityIDs, eid)
		}
		if err := k.CreateClaim(ctx, &cl); err != nil {
			return fmt.Errorf("claim %q: %w", c.Key, err)
		}
		claims[c.Key] = cl.ID
	}
	for _, e := range a.Events {
		ev := app.Event{Title: e.Title, Place: e.Place, Description: e.Description}
		if e.When != "" {
			w, err := app.ParseEDTF(e.When)
			if err != nil {
				return fmt.Errorf("event %q: %w", e.Title, err)
			}
			ev.When = w
		}
		for _, side := range []struct {
			stance app.Stance
			keys   []string
		}{{app.StanceSupports, e.Supports}, {app.StanceContradicts, e.Contradicts}} {
			stance := side.stance
			for _, key := range side.keys {
				id, ok := claims[key]
				if !ok {
					return fmt.Errorf("event %q: no claim %q in the annotations", e.Title, key)
				}
				ev.Claims = append(ev.Claims, app.EventClaim{ClaimID: id, Stance: stance})
			}
		}
		if err := k.CreateEvent(ctx, &ev); err != nil {
			return fmt.Errorf("event %q: %w", e.Title, err)
		}
	}
	return nil
}
