package casegen

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/evidence-workbench/workbench/app"
)

// Spec says how big a generated case is. The same Spec always gives the
// same texts, names, grades and links (ids and timestamps differ).
type Spec struct {
	Seed             uint64
	Articles         int
	ClaimsPerArticle int // at most the sentences of an article (about 18)
	Entities         int
	AliasesPerEntity int // 0 to 3
	Events           int
	LinksPerEvent    int // claims per event on average (1 to 2×LinksPerEvent-1)
}

// Scale is the case of issue 8: 10,000 articles, 100,000 claims, 20,000
// entities with about 39,000 aliases, 10,000 events with about 30,000 links.
var Scale = Spec{Seed: 8, Articles: 10_000, ClaimsPerArticle: 10, Entities: 20_000, AliasesPerEntity: 2, Events: 10_000, LinksPerEvent: 3}

// Stats counts what Generate stored.
type Stats struct {
	Articles, Claims, Entities, Aliases, Events, Links, Sources int
	Took                                                        time.Duration
}

// String is a one-line summary.
func (s Stats) String() string {
	return fmt.Sprintf("%d articles, %d claims, %d entities (%d aliases), %d events (%d links), %d sources in %v",
		s.Articles, s.Claims, s.Entities, s.Aliases, s.Events, s.Links, s.Sources, s.Took.Round(time.Millisecond))
}

// Progress is told how far a stage ("articles", "entities", "claims",
// "events") has got.
type Progress func(stage string, done, total int)

// spokespeople are the sources claims are attributed to.
var spokespeople = []string{"Joint Operations Command spokesman", "Coalition spokesman", "Interior Ministry spokesman",
	"PMF media office", "Anbar police chief", "Border guard commander", "Tribal council of Al-Qaim", "Defence Ministry"}

// Generate fills c (normally a new, empty case) through its ordinary store
// methods: articles with their publisher and origin, graded sources,
// entities with aliases seen in articles, claims on the articles'
// sentences (credibility, dates, quantities, tags, attributions, entity
// links), and events linking claims with a stance.
func Generate(ctx context.Context, c app.Case, spec Spec, progress Progress) (Stats, error) {
	start := time.Now()
	if progress == nil {
		progress = func(string, int, int) {}
	}
	var st Stats
	rng := rand.New(rand.NewPCG(spec.Seed, 0x5ca1e))
	every := func(n int) int { return max(1, n/100) }

	articles := make([]app.ID, 0, spec.Articles)
	texts := make([]Article, 0, spec.Articles)
	for i := range spec.Articles {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		g := NewArticle(spec.Seed, i)
		a := &app.Article{Text: g.Text, Format: app.FormatText, Filename: fmt.Sprintf("scale-%06d.txt", i)}
		a.Title = g.Title
		a.Known.Title = app.Evidence{Basis: app.BasisText, Span: app.Span{Start: 0, End: len([]rune(g.Title))}}
		if i%10 != 0 {
			a.Published = app.PubDate{Date: app.DateOf(g.Published)}
			a.Known.Published = app.Evidence{Basis: app.BasisText, Detail: "dateline"}
		}
		a.Sources = []app.ArticleSource{{Name: g.Publisher, Role: app.RolePublisher}}
		if g.Origin != "" {
			a.Sources = append(a.Sources, app.ArticleSource{Name: g.Origin, Role: app.RoleOrigin})
		}
		if n := len(g.Sentences); n > 0 {
			end := len([]rune(g.Text))
			a.Excluded = []app.Excluded{{Span: app.Span{Start: g.Sentences[n-1][1], End: end}, Kind: app.BoilerComments}}
		}
		if err := c.CreateArticle(ctx, a); err != nil {
			return st, fmt.Errorf("article %d: %w", i, err)
		}
		articles = append(articles, a.ID)
		texts = append(texts, g)
		st.Articles++
		if i%every(spec.Articles) == 0 {
			progress("articles", i, spec.Articles)
		}
	}

	// Grade the publishers and wires, and make the spokespeople claims are attributed to.
	sources, err := c.Sources(ctx)
	if err != nil {
		return st, fmt.Errorf("list sources: %w", err)
	}
	for i, s := range sources {
		r := app.Reliabilities[i%len(app.Reliabilities)]
		if err := c.GradeSource(ctx, s.ID, r, "graded by the generator", "casegen"); err != nil {
			return st, fmt.Errorf("grade %s: %w", s.Name, err)
		}
	}
	var attributed []app.ID
	for _, name := range spokespeople {
		id, err := c.EnsureSource(ctx, name, app.KindSpokesperson)
		if err != nil {
			return st, fmt.Errorf("source %s: %w", name, err)
		}
		attributed = append(attributed, id)
	}
	st.Sources = len(sources) + len(spokespeople)

	entities := make([]app.ID, 0, spec.Entities)
	kinds := []app.EntityKind{app.EntityPerson, app.EntityPlace, app.EntityOrganisation, app.EntityOther}
	for i := range spec.Entities {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		e := entityNamed(rng, i, kinds[i%len(kinds)], spec.AliasesPerEntity)
		for j := range e.Aliases {
			if j%2 == 0 && len(articles) > 0 {
				e.Aliases[j].ArticleID = articles[rng.IntN(len(articles))]
			} else {
				e.Aliases[j].ByAnalyst = true
			}
		}
		if err := c.CreateEntity(ctx, &e); err != nil {
			return st, fmt.Errorf("entity %d: %w", i, err)
		}
		entities = append(entities, e.ID)
		st.Entities++
		st.Aliases += len(e.Aliases)
		if i%every(spec.Entities) == 0 {
			progress("entities", i, spec.Entities)
		}
	}

	claims := make([]app.ID, 0, spec.Articles*spec.ClaimsPerArticle)
	for i, g := range texts {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		picked := pickSentences(rng, len(g.Sentences), spec.ClaimsPerArticle)
		for _, si := range picked {
			s := g.Sentences[si]
			anc, err := app.NewAnchor(g.Text, app.Span{Start: s[0], End: s[1]})
			if err != nil {
				return st, fmt.Errorf("article %d sentence %d: %w", i, si, err)
			}
			cl := claimOn(rng, articles[i], anc, g.Published, attributed, entities)
			if err := c.CreateClaim(ctx, &cl); err != nil {
				return st, fmt.Errorf("claim on article %d: %w", i, err)
			}
			claims = append(claims, cl.ID)
			st.Claims++
		}
		if i%every(len(texts)) == 0 {
			progress("claims", i*spec.ClaimsPerArticle, len(texts)*spec.ClaimsPerArticle)
		}
	}

	for i := range spec.Events {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		e := app.Event{Title: fmt.Sprintf("%s %s %s", capital(strings.TrimPrefix(bodies[rng.IntN(len(bodies))], "the ")),
			verbs[rng.IntN(len(verbs))], places[rng.IntN(len(places))]) + fmt.Sprintf(" (%d)", i+1),
			Place: places[rng.IntN(len(places))]}
		if rng.IntN(5) > 0 {
			d := app.DateOf(time.Date(2017, time.September, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(120)))
			e.When = app.DayWhen(d)
			if rng.IntN(4) == 0 {
				e.When.End = d.AddDays(1 + rng.IntN(4))
			}
			e.When.Approximate = rng.IntN(6) == 0
		}
		if rng.IntN(3) == 0 {
			e.Description = "Reports disagree on the day and on the numbers."
		}
		if len(claims) > 0 && spec.LinksPerEvent > 0 {
			n := 1 + rng.IntN(2*spec.LinksPerEvent-1)
			seen := map[app.ID]bool{}
			for range n {
				id := claims[rng.IntN(len(claims))]
				if seen[id] {
					continue
				}
				seen[id] = true
				stance := app.StanceSupports
				if rng.IntN(7) == 0 {
					stance = app.StanceContradicts
				}
				e.Claims = append(e.Claims, app.EventClaim{ClaimID: id, Stance: stance})
			}
		}
		if err := c.CreateEvent(ctx, &e); err != nil {
			return st, fmt.Errorf("event %d: %w", i, err)
		}
		st.Events++
		st.Links += len(e.Claims)
		if i%every(spec.Events) == 0 {
			progress("events", i, spec.Events)
		}
	}
	st.Took = time.Since(start)
	return st, nil
}

// entityNamed is entity i: a person, place, organisation or other thing
// with a name and aliases in other transliterations. The number keeps every
// alias distinct, as the case requires.
func entityNamed(rng *rand.Rand, i int, kind app.EntityKind, aliases int) app.Entity {
	var name string
	switch kind {
	case app.EntityPerson:
		name = people[rng.IntN(len(people))]
	case app.EntityPlace:
		name = places[rng.IntN(len(places))]
	case app.EntityOrganisation:
		name = capital(strings.TrimPrefix(bodies[rng.IntN(len(bodies))], "the "))
	default:
		name = "Operation " + capital(places[rng.IntN(len(places))])
	}
	name = fmt.Sprintf("%s %d", name, i)
	e := app.Entity{Kind: kind, Name: name}
	if i%7 == 0 {
		e.Notes = "Named in coalition statements."
	}
	variants := []func(string) string{
		func(s string) string { return strings.NewReplacer("al-", "Al ", "ai", "ay", "ou", "u").Replace(s) },
		func(s string) string { return strings.NewReplacer("al-", "", "a", "aa", "-", " ").Replace(s) },
		func(s string) string {
			return strings.NewReplacer("i", "ee", "al-", "el-").Replace(s) + " (AFP spelling)"
		},
	}
	for j := range min(aliases, len(variants)) {
		alias := variants[j](name)
		if strings.EqualFold(alias, name) {
			alias += " (variant)"
		}
		e.Aliases = append(e.Aliases, app.Alias{Name: alias})
	}
	return e
}

// pickSentences chooses up to n distinct sentence indexes, in text order.
func pickSentences(rng *rand.Rand, sentences, n int) []int {
	perm := rng.Perm(sentences)
	perm = perm[:min(n, len(perm))]
	// insertion sort: a handful of items
	for i := 1; i < len(perm); i++ {
		for j := i; j > 0 && perm[j] < perm[j-1]; j-- {
			perm[j], perm[j-1] = perm[j-1], perm[j]
		}
	}
	return perm
}

// claimOn is an analyst's claim on the anchored sentence.
func claimOn(rng *rand.Rand, article app.ID, anc app.Anchor, published time.Time, attributed, entities []app.ID) app.Claim {
	cl := app.Claim{ArticleID: article, Anchor: anc, Statement: anc.Exact, Credibility: app.Credibility(rng.IntN(7)),
		CreatedBy: "casegen", UpdatedBy: "casegen"}
	if rng.IntN(2) == 0 {
		ref := app.DateOf(published)
		w := app.DayWhen(ref.AddDays(-rng.IntN(7)))
		w.Expression, w.Reference = days[rng.IntN(len(days))], ref
		if rng.IntN(8) == 0 {
			w.Uncertain = true
		}
		cl.When = &w
	}
	if rng.IntN(3) == 0 {
		cl.Quantity = &app.Quantity{Value: float64(10 + rng.IntN(5000)), Unit: units[rng.IntN(len(units))]}
	}
	if rng.IntN(3) == 0 {
		cl.Tags = []string{[]string{"offensive", "casualties", "displacement", "disputed"}[rng.IntN(4)]}
	}
	if rng.IntN(5) == 0 && len(attributed) > 0 {
		cl.AttributedTo = attributed[rng.IntN(len(attributed))]
	}
	if rng.IntN(3) == 0 && len(entities) > 0 {
		for range 1 + rng.IntN(2) {
			id := entities[rng.IntN(len(entities))]
			if len(cl.EntityIDs) == 0 || cl.EntityIDs[0] != id {
				cl.EntityIDs = append(cl.EntityIDs, id)
			}
		}
	}
	if rng.IntN(10) == 0 {
		cl.Notes = "Check against the coalition's daily summary."
	}
	return cl
}
