package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/evidence-workbench/workbench/app"
	"github.com/evidence-workbench/workbench/app/timeline"
)

func runEvent(ctx context.Context, c *cmdContext) error {
	if len(c.inv.Args) == 0 {
		return usageErr("event needs a subcommand: add, set, link, unlink, merge, rm or show")
	}
	sub, args := c.inv.Args[0], c.inv.Args[1:]
	fs := c.flags("event " + sub)
	asJSON := fs.Bool("json", false, "print JSON")
	title := fs.String("title", "", "title")
	when := fs.String("when", "", "EDTF date, e.g. 2017-11-03 or 2017-11-03/2017-11-05")
	place := fs.String("place", "", "place")
	desc := fs.String("description", "", "description")
	contradicts := fs.Bool("contradicts", false, "the claim contradicts the event (default: supports)")
	var claims []string
	fs.Func("claim", "a supporting claim (repeat the flag for more)", func(v string) error { claims = append(claims, v); return nil })
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	k, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	need := func(n int, usage string) error {
		if len(rest) != n {
			return usageErr("%s", usage)
		}
		return nil
	}
	eventID := func(ref string) (app.ID, error) { return k.ResolveEventID(ctx, ref) }
	switch sub {
	case "add":
		if err := need(0, "event add --title T [--when EDTF] [--place P] [--description D] [--claim ID]..."); err != nil {
			return err
		}
		e := app.Event{Title: strings.TrimSpace(*title), Place: *place, Description: *desc}
		if e.When, err = parseWhen(*when); err != nil {
			return err
		}
		for _, ref := range claims {
			id, err := k.ResolveClaimID(ctx, ref)
			if err != nil {
				return err
			}
			e.Claims = append(e.Claims, app.EventClaim{ClaimID: id, Stance: app.StanceSupports})
		}
		if err := k.CreateEvent(ctx, &e); err != nil {
			return err
		}
		return showEvent(ctx, c, k, e.ID, *asJSON)
	case "set":
		if err := need(1, "event set EVENT [--title T] [--when EDTF] [--place P] [--description D]"); err != nil {
			return err
		}
		id, err := eventID(rest[0])
		if err != nil {
			return err
		}
		e, err := k.Event(ctx, id)
		if err != nil {
			return err
		}
		if set["title"] {
			e.Title = strings.TrimSpace(*title)
		}
		if set["when"] {
			if e.When, err = parseWhen(*when); err != nil {
				return err
			}
		}
		if set["place"] {
			e.Place = *place
		}
		if set["description"] {
			e.Description = *desc
		}
		if err := k.UpdateEvent(ctx, e); err != nil {
			return err
		}
		return showEvent(ctx, c, k, id, *asJSON)
	case "link", "unlink":
		if err := need(2, "event "+sub+" EVENT CLAIM"+map[bool]string{true: " [--contradicts]", false: ""}[sub == "link"]); err != nil {
			return err
		}
		id, err := eventID(rest[0])
		if err != nil {
			return err
		}
		cid, err := k.ResolveClaimID(ctx, rest[1])
		if err != nil {
			return err
		}
		if sub == "link" {
			stance := app.StanceSupports
			if *contradicts {
				stance = app.StanceContradicts
			}
			err = k.LinkClaim(ctx, id, cid, stance)
		} else {
			err = k.UnlinkClaim(ctx, id, cid)
		}
		if err != nil {
			return err
		}
		return showEvent(ctx, c, k, id, *asJSON)
	case "merge":
		if err := need(2, "event merge KEEP DROP"); err != nil {
			return err
		}
		keep, err := eventID(rest[0])
		if err != nil {
			return err
		}
		drop, err := eventID(rest[1])
		if err != nil {
			return err
		}
		if _, err := k.MergeEvents(ctx, keep, drop); err != nil {
			return err
		}
		return showEvent(ctx, c, k, keep, *asJSON)
	case "rm":
		if err := need(1, "event rm EVENT"); err != nil {
			return err
		}
		id, err := eventID(rest[0])
		if err != nil {
			return err
		}
		if err := k.DeleteEvent(ctx, id); err != nil {
			return err
		}
		fmt.Fprintf(c.env.Stdout, "deleted event %s\n", id.Short())
		return nil
	case "show":
		if err := need(1, "event show EVENT"); err != nil {
			return err
		}
		id, err := eventID(rest[0])
		if err != nil {
			return err
		}
		return showEvent(ctx, c, k, id, *asJSON)
	}
	return usageErr("unknown event subcommand %q: use add, set, link, unlink, merge, rm or show", sub)
}

func parseWhen(s string) (app.When, error) {
	if strings.TrimSpace(s) == "" {
		return app.When{}, nil
	}
	return app.ParseEDTF(s)
}

// showEvent prints one event with everything derived about it.
func showEvent(ctx context.Context, c *cmdContext, k app.Case, id app.ID, asJSON bool) error {
	in, err := timeline.Load(ctx, k)
	if err != nil {
		return err
	}
	m := timeline.Build(in)
	for _, ev := range m.Events {
		if ev.Event.ID == id {
			if asJSON {
				return writeJSON(c.env.Stdout, eventJSON(ev, in))
			}
			printEvent(c, ev, in)
			return nil
		}
	}
	return app.Errorf(app.ENotFound, "no event %s in this case", id)
}

func printEvent(c *cmdContext, ev timeline.EventView, in timeline.Input) {
	w := c.env.Stdout
	fmt.Fprintf(w, "%s  %s\n", ev.Event.ID.Short(), ev.Event.Title)
	fmt.Fprintf(w, "    when: %s   place: %s\n", orDash(ev.When.EDTF()), orDash(ev.Event.Place))
	fmt.Fprintf(w, "    corroborated by %s; confidence %s (%.2f): %s\n", app.Count(ev.Corroboration, "independent origin", "independent origins"), ev.Confidence.Level, ev.Confidence.Score, ev.Confidence.Reason)
	for _, cf := range ev.Conflicts {
		fmt.Fprintf(w, "    CONFLICT %s: %s  [%s] vs [%s]\n", cf.Kind, cf.Detail, shortIDs(cf.A), shortIDs(cf.B))
	}
	for _, cv := range append(append([]timeline.ClaimView(nil), ev.Supporting...), ev.Contradicting...) {
		when := "undated"
		if cv.Claim.When != nil {
			when = cv.Claim.When.EDTF()
		}
		fmt.Fprintf(w, "    %-11s %s %-3s %-10s %s: %s\n", cv.Stance, cv.Claim.ID.Short(), orDash(cv.Grade.String()), when, orDash(in.Sources[cv.Origin].Name), clip(cv.Claim.Statement, 70))
	}
}

func shortIDs(ids []app.ID) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = id.Short()
	}
	return strings.Join(s, " ")
}

func runEvents(ctx context.Context, c *cmdContext) error { return runTimelineCmd(ctx, c, "events") }

func runTimeline(ctx context.Context, c *cmdContext) error { return runTimelineCmd(ctx, c, "timeline") }

// runTimelineCmd prints the whole timeline: events with corroboration,
// confidence and conflicts, then the dated claims that stand alone.
func runTimelineCmd(ctx context.Context, c *cmdContext, name string) error {
	fs := c.flags(name)
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := parse(fs, c.inv.Args); err != nil {
		return err
	}
	k, err := c.open(ctx, false)
	if err != nil {
		return err
	}
	in, err := timeline.Load(ctx, k)
	if err != nil {
		return err
	}
	m := timeline.Build(in)
	if *asJSON {
		evs := make([]any, len(m.Events))
		for i, ev := range m.Events {
			evs[i] = eventJSON(ev, in)
		}
		loose := make([]any, len(m.Loose))
		for i, cv := range m.Loose {
			loose[i] = claimViewJSON(cv, in)
		}
		return writeJSON(c.env.Stdout, map[string]any{"events": evs, "loose_claims": loose})
	}
	if len(m.Events) == 0 && len(m.Loose) == 0 {
		fmt.Fprintln(c.env.Stdout, "The timeline is empty: give claims a date (claim edit ID --when EDTF) or make events (event add).")
		return nil
	}
	for _, ev := range m.Events {
		printEvent(c, ev, in)
	}
	if len(m.Loose) > 0 {
		fmt.Fprintln(c.env.Stdout, "claims without an event:")
		for _, cv := range m.Loose {
			fmt.Fprintf(c.env.Stdout, "    %s %-3s %-10s %s: %s\n", cv.Claim.ID.Short(), orDash(cv.Grade.String()), cv.Claim.When.EDTF(), orDash(in.Sources[cv.Origin].Name), clip(cv.Claim.Statement, 70))
		}
	}
	return nil
}

func eventJSON(ev timeline.EventView, in timeline.Input) map[string]any {
	conflicts := make([]map[string]any, len(ev.Conflicts))
	for i, cf := range ev.Conflicts {
		conflicts[i] = map[string]any{"kind": cf.Kind, "detail": cf.Detail, "a": cf.A, "b": cf.B}
	}
	sup := make([]any, len(ev.Supporting))
	for i, cv := range ev.Supporting {
		sup[i] = claimViewJSON(cv, in)
	}
	con := make([]any, len(ev.Contradicting))
	for i, cv := range ev.Contradicting {
		con[i] = claimViewJSON(cv, in)
	}
	return map[string]any{
		"id": ev.Event.ID, "title": ev.Event.Title, "when": ev.When.EDTF(), "event_when": ev.Event.When.EDTF(),
		"place": ev.Event.Place, "description": ev.Event.Description,
		"corroboration": ev.Corroboration, "confidence": map[string]any{"level": ev.Confidence.Level, "score": ev.Confidence.Score, "reason": ev.Confidence.Reason},
		"conflicts": conflicts, "supporting": sup, "contradicting": con,
	}
}

func claimViewJSON(cv timeline.ClaimView, in timeline.Input) map[string]any {
	m := map[string]any{"id": cv.Claim.ID, "article_id": cv.Claim.ArticleID, "statement": cv.Claim.Statement,
		"grade": cv.Grade.String(), "origin": in.Sources[cv.Origin].Name, "origin_id": cv.Origin}
	if cv.Claim.When != nil {
		m["when"] = cv.Claim.When.EDTF()
	}
	if cv.Claim.Quantity != nil {
		m["quantity"] = cv.Claim.Quantity.String()
	}
	if cv.Stance != "" {
		m["stance"] = cv.Stance
	}
	return m
}
