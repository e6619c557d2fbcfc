package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/storage"
)

// caseState is everything in a case, by id, as the crash harness compares
// it before and after a killed command.
type caseState struct {
	sources  map[app.ID]app.Source
	history  map[app.ID][]app.GradeChange // by source
	articles map[app.ID]app.Article
	claims   map[app.ID]app.Claim
	entities map[app.ID]app.Entity
	events   map[app.ID]app.Event
}

// readCase checks the case file as a user's next start would meet it:
// SQLite's integrity check (FTS5 indexes included) on the files as the
// killed process left them, then storage.Open, then every item read
// through the store.
func readCase(path string) (*caseState, error) {
	if err := integrityCheck(path); err != nil {
		return nil, err
	}
	s, err := storage.Open(path, storage.Options{})
	if err != nil {
		return nil, fmt.Errorf("the case does not open: %w", err)
	}
	defer s.Close()
	snap, err := app.LoadSnapshot(context.Background(), s)
	if err != nil {
		return nil, fmt.Errorf("the case does not read back: %w", err)
	}
	st := &caseState{
		sources: map[app.ID]app.Source{}, history: map[app.ID][]app.GradeChange{}, articles: map[app.ID]app.Article{},
		claims: map[app.ID]app.Claim{}, entities: map[app.ID]app.Entity{}, events: map[app.ID]app.Event{},
	}
	for _, x := range snap.Sources {
		st.sources[x.ID] = x
	}
	for _, h := range snap.History {
		st.history[h.SourceID] = append(st.history[h.SourceID], h)
	}
	for _, x := range snap.Articles {
		st.articles[x.ID] = x
	}
	for _, x := range snap.Claims {
		st.claims[x.ID] = x
	}
	for _, x := range snap.Entities {
		st.entities[x.ID] = x
	}
	for _, x := range snap.Events {
		st.events[x.ID] = x
	}
	return st, nil
}

// integrityCheck runs PRAGMA integrity_check on a copy of the case and
// its -wal and -shm files as the killed process left them, so that the
// case itself meets storage.Open untouched (reading through a -wal file
// that needs recovery writes, even read-only).
func integrityCheck(path string) error {
	dir, err := os.MkdirTemp("", "integrity-")
	if err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	defer os.RemoveAll(dir)
	cp := filepath.Join(dir, filepath.Base(path))
	for _, suffix := range []string{"", "-wal", "-shm"} {
		b, err := os.ReadFile(path + suffix)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("integrity check: %w", err)
		}
		if err := os.WriteFile(cp+suffix, b, 0o644); err != nil {
			return fmt.Errorf("integrity check: %w", err)
		}
	}
	db, err := sql.Open("sqlite3", "file:"+cp)
	if err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	defer db.Close()
	rows, err := db.Query("PRAGMA integrity_check")
	if err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return fmt.Errorf("integrity check: %w", err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("PRAGMA integrity_check: %s", strings.Join(problems, "; "))
	}
	return nil
}

// change is one item that differs between two states; Before or After is
// nil when the item is absent.
type change struct {
	Kind          string // source, history, article, claim, entity, event
	ID            app.ID
	Before, After any
}

func (c change) String() string {
	switch {
	case c.Before == nil:
		return fmt.Sprintf("%s %s added: %+v", c.Kind, c.ID, c.After)
	case c.After == nil:
		return fmt.Sprintf("%s %s removed: %+v", c.Kind, c.ID, c.Before)
	}
	return fmt.Sprintf("%s %s changed:\n  before %+v\n  after  %+v", c.Kind, c.ID, c.Before, c.After)
}

// diffStates lists every item that differs between a and b.
func diffStates(a, b *caseState) []change {
	var out []change
	out = append(out, diffMaps("source", a.sources, b.sources)...)
	out = append(out, diffMaps("history", a.history, b.history)...)
	out = append(out, diffMaps("article", a.articles, b.articles)...)
	out = append(out, diffMaps("claim", a.claims, b.claims)...)
	out = append(out, diffMaps("entity", a.entities, b.entities)...)
	out = append(out, diffMaps("event", a.events, b.events)...)
	return out
}

func diffMaps[T any](kind string, a, b map[app.ID]T) []change {
	var out []change
	ids := make([]app.ID, 0, len(a)+len(b))
	for id := range a {
		ids = append(ids, id)
	}
	for id := range b {
		if _, ok := a[id]; !ok {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	for _, id := range ids {
		x, inA := a[id]
		y, inB := b[id]
		switch {
		case !inA:
			out = append(out, change{Kind: kind, ID: id, After: y})
		case !inB:
			out = append(out, change{Kind: kind, ID: id, Before: x})
		case !reflect.DeepEqual(x, y):
			out = append(out, change{Kind: kind, ID: id, Before: x, After: y})
		}
	}
	return out
}

// onlyAllowed fails on the first change allow refuses.
func onlyAllowed(changes []change, allow func(c change) bool) error {
	for _, c := range changes {
		if !allow(c) {
			return fmt.Errorf("unexpected change: %s", c)
		}
	}
	return nil
}

// sameBut reports whether two items are equal once the fields named are
// copied from b into a: what an operation may change of an item.
func sameBut[T any](a, b T, fields ...string) bool {
	va := reflect.ValueOf(&a).Elem()
	vb := reflect.ValueOf(b)
	for _, f := range fields {
		va.FieldByName(f).Set(vb.FieldByName(f))
	}
	return reflect.DeepEqual(a, b)
}

// claimsNaming lists the ids of claims whose statement is s.
func (st *caseState) claimsNaming(s string) []app.ID {
	var out []app.ID
	for id, c := range st.claims {
		if c.Statement == s {
			out = append(out, id)
		}
	}
	return out
}

// byShort finds the ids in m that end in short (as the CLI prints them).
func byShort[T any](m map[app.ID]T, short string) []app.ID {
	var out []app.ID
	for id := range m {
		if strings.HasSuffix(string(id), short) {
			out = append(out, id)
		}
	}
	return out
}

// sortedIDs is m's ids in order, for deterministic picks.
func sortedIDs[T any](m map[app.ID]T) []app.ID {
	ids := make([]app.ID, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}
