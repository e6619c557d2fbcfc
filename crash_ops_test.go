package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/internal/casegen"
)

// crashOp is one command the harness runs and may kill: its arguments
// (after --case), and the check of the case afterwards. done is true when
// the command ran to its end with exit code 0, so everything it set out to
// do must be there.
type crashOp struct {
	kind   string
	args   []string
	verify func(before, after *caseState, out string, done bool) error
}

// opEnv is what building an operation needs.
type opEnv struct {
	rng     *rand.Rand
	dir     string // the test's folder, for input files
	seq     int    // a number unique to this operation
	exports bool   // the binary has an export command
	nextArt *int   // next generated article number
}

// opKinds are the operations with their weights.
var opKinds = []struct {
	kind   string
	weight int
	make   func(e opEnv, st *caseState) *crashOp
}{
	{"import", 3, opImport},
	{"claim add", 4, opClaimAdd},
	{"claim edit", 3, opClaimEdit},
	{"claim rm", 2, opClaimRemove},
	{"source merge", 2, opSourceMerge},
	{"source grade", 1, opSourceGrade},
	{"entity import", 1, opEntityImport},
	{"entity merge", 2, opEntityMerge},
	{"event add", 2, opEventAdd},
	{"event link", 2, opEventLink},
	{"export", 2, opExport},
}

// pickOp chooses an operation that st allows (a merge needs two sources...).
func pickOp(e opEnv, st *caseState) *crashOp {
	total := 0
	for _, k := range opKinds {
		total += k.weight
	}
	for {
		n := e.rng.IntN(total)
		for _, k := range opKinds {
			if n -= k.weight; n < 0 {
				if op := k.make(e, st); op != nil {
					op.kind = k.kind
					return op
				}
				break
			}
		}
	}
}

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

var importedLine = regexp.MustCompile(`(?m)^imported\s+(\S+)\s+.*\((.+)\)$`)

// opImport imports new generated articles: each file is its own
// transaction; results are printed when all are done.
func opImport(e opEnv, _ *caseState) *crashOp {
	n := 1 + e.rng.IntN(25)
	dir := filepath.Join(e.dir, fmt.Sprintf("import-%d", e.seq))
	paths, err := casegen.WriteArticles(dir, 77, *e.nextArt, n)
	if err != nil {
		panic(err)
	}
	*e.nextArt += n
	names := map[string]bool{}
	for _, p := range paths {
		names[filepath.Base(p)] = true
	}
	return &crashOp{args: append([]string{"import"}, paths...), verify: func(before, after *caseState, out string, done bool) error {
		reported := importedLine.FindAllStringSubmatch(out, -1)
		if done && len(reported) != n {
			return fmt.Errorf("import finished but reported %d of %d files:\n%s", len(reported), n, out)
		}
		for _, r := range reported {
			if !slices.ContainsFunc(byShort(after.articles, r[1]), func(id app.ID) bool { return after.articles[id].Filename == filepath.Base(r[2]) }) {
				return fmt.Errorf("article %s (%s) was reported imported but is not in the case", r[1], r[2])
			}
		}
		return onlyAllowed(diffStates(before, after), func(c change) bool {
			switch {
			case c.Kind == "article" && c.Before == nil:
				return names[c.After.(app.Article).Filename]
			case c.Kind == "source" && c.Before == nil:
				return true // a publisher or wire named for the first time
			}
			return false
		})
	}}
}

// claimJSONOut is the part of claim add/edit --json the harness reads.
type claimJSONOut struct {
	ID          string `json:"id"`
	Statement   string `json:"statement"`
	Credibility string `json:"credibility"`
}

// opClaimAdd makes a claim on a random span of a random article,
// sometimes attributed to a new source (created in its own transaction
// first).
func opClaimAdd(e opEnv, st *caseState) *crashOp {
	if len(st.articles) == 0 {
		return nil
	}
	art := st.articles[pick(e.rng, sortedIDs(st.articles))]
	n := utf8.RuneCountInString(art.Text)
	start := e.rng.IntN(max(1, n-90))
	end := min(n, start+5+e.rng.IntN(80))
	stmt := fmt.Sprintf("Crash claim %d", e.seq)
	cred := 1 + e.rng.IntN(6)
	args := []string{"claim", "add", "--article", string(art.ID), "--start", strconv.Itoa(start), "--end", strconv.Itoa(end),
		"--statement", stmt, "--credibility", strconv.Itoa(cred), "--json"}
	source := ""
	if e.rng.IntN(3) == 0 {
		source = fmt.Sprintf("Spokesperson %d", e.seq)
		args = append(args, "--attributed", source)
	}
	if e.rng.IntN(2) == 0 {
		args = append(args, "--when", "2017-11-0"+strconv.Itoa(1+e.rng.IntN(9)), "--quantity", strconv.Itoa(e.rng.IntN(900))+" killed", "--tags", "crash,test")
	}
	return &crashOp{args: args, verify: func(before, after *caseState, out string, done bool) error {
		var rep claimJSONOut
		reported := json.Unmarshal([]byte(out), &rep) == nil && rep.ID != ""
		if done && !reported {
			return fmt.Errorf("claim add finished without printing the claim: %q", out)
		}
		if reported {
			c, ok := after.claims[app.ID(rep.ID)]
			if !ok {
				return fmt.Errorf("claim %s was reported saved but is not in the case", rep.ID)
			}
			if c.Statement != stmt || int(c.Credibility) != cred || c.Anchor.Start != start || c.Anchor.End != end || c.ArticleID != art.ID {
				return fmt.Errorf("claim %s reads back as %+v", rep.ID, c)
			}
		}
		return onlyAllowed(diffStates(before, after), func(c change) bool {
			switch {
			case c.Kind == "claim" && c.Before == nil:
				return c.After.(app.Claim).Statement == stmt
			case c.Kind == "source" && c.Before == nil:
				return source != "" && c.After.(app.Source).Name == source
			}
			return false
		})
	}}
}

// opClaimEdit changes a claim's statement and credibility.
func opClaimEdit(e opEnv, st *caseState) *crashOp {
	if len(st.claims) == 0 {
		return nil
	}
	id := pick(e.rng, sortedIDs(st.claims))
	stmt := fmt.Sprintf("Edited claim %d", e.seq)
	cred := 1 + e.rng.IntN(6)
	return &crashOp{args: []string{"claim", "edit", string(id), "--statement", stmt, "--credibility", strconv.Itoa(cred), "--json"},
		verify: func(before, after *caseState, out string, done bool) error {
			var rep claimJSONOut
			reported := json.Unmarshal([]byte(out), &rep) == nil && rep.ID == string(id)
			if done && !reported {
				return fmt.Errorf("claim edit finished without printing the claim: %q", out)
			}
			if c := after.claims[id]; reported && (c.Statement != stmt || int(c.Credibility) != cred) {
				return fmt.Errorf("claim %s edit was reported saved, but it reads %q credibility %d", id, c.Statement, c.Credibility)
			}
			return onlyAllowed(diffStates(before, after), func(c change) bool {
				if c.Kind != "claim" || c.ID != id || c.Before == nil || c.After == nil {
					return false
				}
				b, a := c.Before.(app.Claim), c.After.(app.Claim)
				return a.Statement == stmt && int(a.Credibility) == cred && sameBut(b, a, "Statement", "Credibility", "UpdatedAt", "UpdatedBy")
			})
		}}
}

var deletedLine = regexp.MustCompile(`(?m)^deleted claim (\S+)$`)

// opClaimRemove deletes one to ten claims, one transaction each, in order.
func opClaimRemove(e opEnv, st *caseState) *crashOp {
	if len(st.claims) < 12 {
		return nil
	}
	all := sortedIDs(st.claims)
	e.rng.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	ids := all[:1+e.rng.IntN(10)]
	args := []string{"claim", "rm"}
	for _, id := range ids {
		args = append(args, string(id))
	}
	return &crashOp{args: args, verify: func(before, after *caseState, out string, done bool) error {
		reported := deletedLine.FindAllStringSubmatch(out, -1)
		if done && len(reported) != len(ids) {
			return fmt.Errorf("claim rm finished but reported %d of %d deletions", len(reported), len(ids))
		}
		gone := map[app.ID]bool{}
		for i, id := range ids {
			_, present := after.claims[id]
			gone[id] = !present
			if i < len(reported) && present {
				return fmt.Errorf("claim %s was reported deleted but is still in the case", id)
			}
			if i > 0 && gone[id] && !gone[ids[i-1]] {
				return fmt.Errorf("claim %s was deleted before claim %s, out of order", id, ids[i-1])
			}
		}
		return onlyAllowed(diffStates(before, after), func(c change) bool {
			switch c.Kind {
			case "claim":
				return c.After == nil && gone[c.ID]
			case "event": // links to deleted claims go with them
				if c.Before == nil || c.After == nil {
					return false
				}
				b, a := c.Before.(app.Event), c.After.(app.Event)
				kept := slices.DeleteFunc(slices.Clone(b.Claims), func(l app.EventClaim) bool { return gone[l.ClaimID] })
				return slices.Equal(kept, a.Claims) && sameBut(b, a, "Claims", "UpdatedAt")
			case "entity": // an alias seen in a deleted claim loses that provenance
				return c.Before != nil && c.After != nil && sameBut(c.Before.(app.Entity), c.After.(app.Entity), "Aliases", "UpdatedAt")
			}
			return false
		})
	}}
}

// opSourceMerge merges one source into another in one transaction.
func opSourceMerge(e opEnv, st *caseState) *crashOp {
	if len(st.sources) < 3 {
		return nil
	}
	ids := sortedIDs(st.sources)
	e.rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	keep, drop := ids[0], ids[1]
	return &crashOp{args: []string{"source", "merge", string(keep), string(drop)}, verify: func(before, after *caseState, out string, done bool) error {
		reported := strings.HasPrefix(out, "merged ")
		changes := diffStates(before, after)
		if _, present := after.sources[drop]; present {
			if reported || done {
				return fmt.Errorf("source merge was reported done but %s is still in the case", drop)
			}
			return onlyAllowed(changes, func(change) bool { return false }) // not merged: nothing changed
		}
		k, ok := after.sources[keep]
		if !ok || !slices.ContainsFunc(k.Aliases, func(a string) bool { return strings.EqualFold(a, before.sources[drop].Name) }) {
			return fmt.Errorf("after merging, %s is missing or lacks the alias %q: %+v", keep, before.sources[drop].Name, k)
		}
		for _, a := range after.articles {
			for _, l := range a.Sources {
				if l.SourceID == drop {
					return fmt.Errorf("article %s still links the merged-away source", a.ID)
				}
			}
		}
		return onlyAllowed(changes, func(c change) bool {
			switch c.Kind {
			case "source":
				return c.ID == keep || c.ID == drop && c.After == nil
			case "history":
				return c.ID == keep || c.ID == drop
			case "article":
				return c.Before != nil && c.After != nil && sameBut(c.Before.(app.Article), c.After.(app.Article), "Sources", "UpdatedAt")
			case "claim":
				if c.Before == nil || c.After == nil {
					return false
				}
				b, a := c.Before.(app.Claim), c.After.(app.Claim)
				return b.AttributedTo == drop && a.AttributedTo == keep && sameBut(b, a, "AttributedTo", "UpdatedAt")
			}
			return false
		})
	}}
}

var gradedLine = regexp.MustCompile(`(?m) is now ([A-F]) `)

// opSourceGrade grades a source with a note, kept in its history.
func opSourceGrade(e opEnv, st *caseState) *crashOp {
	if len(st.sources) == 0 {
		return nil
	}
	id := pick(e.rng, sortedIDs(st.sources))
	grade := string(app.Reliabilities[e.rng.IntN(6)])
	note := fmt.Sprintf("crash grade %d", e.seq)
	return &crashOp{args: []string{"source", "grade", string(id), grade, "--note", note}, verify: func(before, after *caseState, out string, done bool) error {
		if (done || gradedLine.MatchString(out)) && (string(after.sources[id].Reliability) != grade || after.sources[id].ReliabilityNote != note) {
			return fmt.Errorf("grade %s was reported set, the source reads %+v", grade, after.sources[id])
		}
		return onlyAllowed(diffStates(before, after), func(c change) bool {
			return c.ID == id && (c.Kind == "history" && c.After != nil || c.Kind == "source" && c.Before != nil && c.After != nil)
		})
	}}
}

var entitiesAddedLine = regexp.MustCompile(`(?m)^(\d+) entities added`)

// opEntityImport adds entities from a gazetteer CSV, one transaction each.
func opEntityImport(e opEnv, _ *caseState) *crashOp {
	n := 5 + e.rng.IntN(36)
	var b strings.Builder
	b.WriteString("name,kind,aliases\n")
	names := map[string]bool{}
	for i := range n {
		name := fmt.Sprintf("Place %d-%d", e.seq, i)
		names[name] = true
		fmt.Fprintf(&b, "%s,place,%s|%s\n", name, strings.ReplaceAll(name, "Place", "Plaace"), strings.ReplaceAll(name, "Place", "Plase"))
	}
	path := filepath.Join(e.dir, fmt.Sprintf("gazetteer-%d.csv", e.seq))
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		panic(err)
	}
	return &crashOp{args: []string{"entity", "import", path}, verify: func(before, after *caseState, out string, done bool) error {
		if m := entitiesAddedLine.FindStringSubmatch(out); done || m != nil {
			if m == nil || m[1] != strconv.Itoa(n) {
				return fmt.Errorf("entity import reported %q, want %d added", out, n)
			}
			found := 0
			for _, en := range after.entities {
				if names[en.Name] {
					found++
				}
			}
			if found != n {
				return fmt.Errorf("entity import reported %d added, %d are in the case", n, found)
			}
		}
		return onlyAllowed(diffStates(before, after), func(c change) bool {
			return c.Kind == "entity" && c.Before == nil && names[c.After.(app.Entity).Name]
		})
	}}
}

var entityMergedLine = regexp.MustCompile(`(?m)^merged .* into .*; \d+ claims follow$`)

// opEntityMerge merges one entity into another in one transaction.
func opEntityMerge(e opEnv, st *caseState) *crashOp {
	if len(st.entities) < 3 {
		return nil
	}
	ids := sortedIDs(st.entities)
	e.rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	keep, drop := ids[0], ids[1]
	return &crashOp{args: []string{"entity", "merge", string(keep), string(drop)}, verify: func(before, after *caseState, out string, done bool) error {
		reported := entityMergedLine.MatchString(out)
		changes := diffStates(before, after)
		if _, present := after.entities[drop]; present {
			if reported || done {
				return fmt.Errorf("entity merge was reported done but %s is still in the case", drop)
			}
			return onlyAllowed(changes, func(change) bool { return false })
		}
		k := after.entities[keep]
		if !slices.ContainsFunc(k.Aliases, func(a app.Alias) bool { return strings.EqualFold(a.Name, before.entities[drop].Name) }) {
			return fmt.Errorf("after merging, %s lacks the alias %q: %+v", keep, before.entities[drop].Name, k)
		}
		return onlyAllowed(changes, func(c change) bool {
			switch c.Kind {
			case "entity":
				return c.ID == keep || c.ID == drop && c.After == nil
			case "claim":
				return c.Before != nil && c.After != nil && sameBut(c.Before.(app.Claim), c.After.(app.Claim), "EntityIDs", "UpdatedAt")
			}
			return false
		})
	}}
}

// eventJSONOut is the part of event add/link --json the harness reads.
type eventJSONOut struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	Supporting []struct {
		ID string `json:"id"`
	} `json:"supporting"`
	Contradicting []struct {
		ID string `json:"id"`
	} `json:"contradicting"`
}

// opEventAdd makes an event supported by one to three claims.
func opEventAdd(e opEnv, st *caseState) *crashOp {
	if len(st.claims) < 3 {
		return nil
	}
	title := fmt.Sprintf("Crash event %d", e.seq)
	args := []string{"event", "add", "--title", title, "--when", "2017-11-03", "--json"}
	all := sortedIDs(st.claims)
	var links []app.ID
	for range 1 + e.rng.IntN(3) {
		id := pick(e.rng, all)
		if !slices.Contains(links, id) {
			links = append(links, id)
			args = append(args, "--claim", string(id))
		}
	}
	return &crashOp{args: args, verify: func(before, after *caseState, out string, done bool) error {
		var rep eventJSONOut
		reported := json.Unmarshal([]byte(out), &rep) == nil && rep.ID != ""
		if done && !reported {
			return fmt.Errorf("event add finished without printing the event: %q", out)
		}
		if reported {
			ev, ok := after.events[app.ID(rep.ID)]
			if !ok || ev.Title != title || len(ev.Claims) != len(links) {
				return fmt.Errorf("event %s was reported saved, the case has %+v", rep.ID, ev)
			}
		}
		return onlyAllowed(diffStates(before, after), func(c change) bool {
			return c.Kind == "event" && c.Before == nil && c.After.(app.Event).Title == title
		})
	}}
}

// opEventLink attaches a claim to an event, or changes its stance.
func opEventLink(e opEnv, st *caseState) *crashOp {
	if len(st.events) == 0 || len(st.claims) == 0 {
		return nil
	}
	ev := pick(e.rng, sortedIDs(st.events))
	cl := pick(e.rng, sortedIDs(st.claims))
	stance := app.StanceSupports
	args := []string{"event", "link", string(ev), string(cl), "--json"}
	if e.rng.IntN(3) == 0 {
		stance = app.StanceContradicts
		args = append(args, "--contradicts")
	}
	linked := func(x app.Event) bool {
		return slices.Contains(x.Claims, app.EventClaim{ClaimID: cl, Stance: stance})
	}
	return &crashOp{args: args, verify: func(before, after *caseState, out string, done bool) error {
		var rep eventJSONOut
		reported := json.Unmarshal([]byte(out), &rep) == nil && rep.ID == string(ev)
		if done && !reported {
			return fmt.Errorf("event link finished without printing the event: %q", out)
		}
		if reported && !linked(after.events[ev]) {
			return fmt.Errorf("link %s -> %s (%s) was reported saved, the event has %+v", ev, cl, stance, after.events[ev].Claims)
		}
		return onlyAllowed(diffStates(before, after), func(c change) bool {
			return c.Kind == "event" && c.ID == ev && c.Before != nil && c.After != nil && linked(c.After.(app.Event)) &&
				sameBut(c.Before.(app.Event), c.After.(app.Event), "Claims", "UpdatedAt")
		})
	}}
}

// opExport exports the whole case to Workbench JSON, when the binary has an
// export command: the case must not change, and the file is either the
// old one or a whole new one, never half written.
func opExport(e opEnv, _ *caseState) *crashOp {
	if !e.exports {
		return nil
	}
	out := filepath.Join(e.dir, "export", "case.json")
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		panic(err)
	}
	return &crashOp{args: []string{"export", "--format", "json", "--out", out}, verify: func(before, after *caseState, _ string, done bool) error {
		data, err := os.ReadFile(out)
		switch {
		case errors.Is(err, os.ErrNotExist) && done:
			return fmt.Errorf("export finished but wrote no %s", out)
		case err == nil && !json.Valid(data):
			return fmt.Errorf("the export %s is not whole JSON (%d bytes) after the kill", out, len(data))
		}
		return onlyAllowed(diffStates(before, after), func(change) bool { return false })
	}}
}
