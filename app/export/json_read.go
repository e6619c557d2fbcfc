package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/evidence-workbench/workbench/app"
)

// ReadJSON reads a Workbench JSON file back into a snapshot, ready to be
// applied to a case (restore) or merged. It is strict: a file that is not
// Workbench JSON, comes from a newer version, is broken, has fields the
// schema does not know, or holds an invalid item (each is checked with its
// Validate method, and every id it refers to must be in the file) is
// refused with an *app.Error that says what is wrong and where. The derived
// section and the fields marked derived are ignored.
func ReadJSON(r io.Reader) (*app.Snapshot, error) { return readJSON(r, MaxJSONSize) }

func readJSON(r io.Reader, limit int64) (*app.Snapshot, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, app.WrapError(app.EInvalid, err, "The file could not be read")
	}
	if int64(len(data)) > limit {
		return nil, app.Errorf(app.ETooLarge, "The file is larger than %s, the most a Workbench JSON file may be", sizeText(limit))
	}
	var head struct {
		Format  *string `json:"format"`
		Version *int    `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, jsonError(data, err)
	}
	if head.Format == nil || *head.Format != JSONFormat {
		return nil, app.Errorf(app.EUnsupported, "This is not an Evidence Workbench JSON file (it has no \"format\": %q). Choose a file the workbench exported as Workbench JSON", JSONFormat)
	}
	if head.Version == nil || *head.Version < 1 {
		return nil, app.Errorf(app.EUnsupported, "The file has no valid format version, so the workbench cannot tell how to read it")
	}
	if *head.Version > JSONVersion {
		return nil, app.Errorf(app.ENewer, "The file was written by a newer Evidence Workbench (format version %d; this build reads up to version %d). Update the workbench to read it", *head.Version, JSONVersion)
	}
	var doc jsonDoc
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return nil, jsonError(data, err)
	}
	if dec.More() {
		return nil, app.Errorf(app.EInvalid, "The file has more after its JSON document ends: it is damaged")
	}
	snap, probs := fromJSON(&doc)
	if len(probs) > 0 {
		msg := probs
		if len(msg) > 5 {
			msg = append(msg[:5:5], fmt.Sprintf("and %d more", len(probs)-5))
		}
		return nil, app.Errorf(app.EInvalid, "The file has %d invalid item(s): %s", len(probs), strings.Join(msg, "; "))
	}
	return snap, nil
}

// reader turns the document into a snapshot, collecting problems.
type reader struct {
	probs []string
}

func (r *reader) bad(where string, format string, args ...any) {
	r.probs = append(r.probs, where+": "+fmt.Sprintf(format, args...))
}

func (r *reader) time(where, field, s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		r.bad(where, "%s %q is not an RFC 3339 time such as 2017-11-03T10:00:00Z", field, s)
	}
	return t
}

func (r *reader) id(where, field string, id app.ID) {
	if !id.Valid() {
		r.bad(where, "%s %q is not a lowercase UUID", field, id)
	}
}

// itemID checks an item's id: a lowercase UUID that no earlier item of
// its kind used (seen).
func (r *reader) itemID(where string, id app.ID, seen bool) {
	r.id(where, "id", id)
	if seen {
		r.bad(where, "the id %s is used twice", id)
	}
}

func (r *reader) check(where string, err error) {
	if err != nil {
		r.bad(where, "%s", app.ErrorMessage(err))
	}
}

func (r *reader) date(where, field, s string) app.Date {
	if s == "" {
		return app.Date{}
	}
	d, err := app.ParseDate(s)
	if err != nil {
		r.bad(where, "%s %q is not a date such as 2017-11-03", field, s)
	}
	return d
}

// when reads a date: start, end and precision when given (they keep a
// range such as January-April 2014 exactly), else the EDTF string. When
// both are given they must agree.
func (r *reader) when(where string, j *jsonWhen) *app.When {
	if j == nil {
		return nil
	}
	var w app.When
	if j.Start == "" {
		parsed, err := app.ParseEDTF(j.EDTF)
		if err != nil {
			r.bad(where, "date: %s", app.ErrorMessage(err))
			return nil
		}
		w = parsed
	} else {
		w = app.When{Start: r.date(where, "date start", j.Start), End: r.date(where, "date end", j.End), Precision: app.Precision(j.Precision),
			Approximate: j.Approximate, Uncertain: j.Uncertain}
		if j.End == "" {
			w.End = w.Start
		}
		if err := w.Validate(); err != nil {
			r.bad(where, "date: %s", app.ErrorMessage(err))
			return nil
		}
		if j.EDTF != "" && j.EDTF != w.EDTF() {
			r.bad(where, "date: edtf %q does not match start %s, end %s, precision %s (that is %q)", j.EDTF, j.Start, j.End, j.Precision, w.EDTF())
			return nil
		}
	}
	w.Expression, w.Note = j.Expression, j.Note
	w.Reference = r.date(where, "date reference", j.Reference)
	return &w
}

func (r *reader) evidence(j *jsonEvidence) app.Evidence {
	if j == nil {
		return app.Evidence{}
	}
	return app.Evidence{Basis: app.Basis(j.Basis), Span: app.Span{Start: j.Start, End: j.End}, Detail: j.Detail}
}

func fromJSON(doc *jsonDoc) (*app.Snapshot, []string) {
	r := &reader{}
	s := &app.Snapshot{}
	sources := map[app.ID]string{}
	for i, js := range doc.Sources {
		where := fmt.Sprintf("sources[%d]", i)
		_, dup := sources[js.ID]
		r.itemID(where, js.ID, dup)
		sources[js.ID] = js.Name
		src := app.Source{ID: js.ID, Name: js.Name, Kind: app.SourceKind(js.Kind), Homepage: js.Homepage, Notes: js.Notes,
			Aliases: js.Aliases, Reliability: app.Reliability(js.Reliability), ReliabilityNote: js.ReliabilityNote,
			CreatedAt: r.time(where, "created", js.Created), UpdatedAt: r.time(where, "updated", js.Updated)}
		r.check(where, src.Validate())
		for k, h := range js.History {
			hw := fmt.Sprintf("%s.history[%d]", where, k)
			g := app.GradeChange{SourceID: js.ID, Reliability: app.Reliability(h.Reliability), Note: h.Note, By: h.By, At: r.time(hw, "at", h.At)}
			if g.Reliability != app.ReliabilityUngraded && !g.Reliability.Valid() {
				r.bad(hw, "%q is not a source reliability (A-F)", h.Reliability)
			}
			if g.At.IsZero() {
				r.bad(hw, "a grade change needs the time it was made (at)")
			}
			s.History = append(s.History, g)
		}
		s.Sources = append(s.Sources, src)
	}
	articles := map[app.ID][]rune{}
	hashes := map[string]app.ID{}
	for i, ja := range doc.Articles {
		where := fmt.Sprintf("articles[%d]", i)
		_, dup := articles[ja.ID]
		r.itemID(where, ja.ID, dup)
		a := app.Article{ID: ja.ID, Text: ja.Text, TextHash: ja.TextHash, Format: app.Format(ja.Format), Filename: ja.Filename,
			Warnings: ja.Warnings, ImportedAt: r.time(where, "imported", ja.Imported), UpdatedAt: r.time(where, "updated", ja.Updated)}
		a.Title, a.Byline, a.URL = ja.Title, ja.Byline, ja.URL
		pub, err := app.ParsePubDate(ja.Published)
		r.check(where, err)
		a.Published = pub
		a.Known.Title, a.Known.Byline = r.evidence(ja.Known.Title), r.evidence(ja.Known.Byline)
		a.Known.URL, a.Known.Published = r.evidence(ja.Known.URL), r.evidence(ja.Known.Published)
		for _, e := range ja.Excluded {
			a.Excluded = append(a.Excluded, app.Excluded{Span: app.Span{Start: e.Start, End: e.End}, Kind: app.BoilerplateKind(e.Kind), ByAnalyst: e.ByAnalyst})
		}
		for k, l := range ja.Sources {
			lw := fmt.Sprintf("%s.sources[%d]", where, k)
			name, ok := sources[l.SourceID]
			if !ok {
				r.bad(lw, "source_id %q is not one of the file's sources", l.SourceID)
			}
			if l.Name == "" {
				l.Name = name
			}
			a.Sources = append(a.Sources, app.ArticleSource{SourceID: l.SourceID, Name: l.Name, Role: app.Role(l.Role), Confirmed: l.Confirmed, Evidence: r.evidence(l.Evidence)})
		}
		r.check(where, a.Validate())
		n := utf8.RuneCountInString(a.Text)
		for _, k := range []struct {
			field string
			e     app.Evidence
		}{{"title", a.Known.Title}, {"byline", a.Known.Byline}, {"url", a.Known.URL}, {"published", a.Known.Published}} {
			if k.e.Basis == app.BasisText {
				if err := k.e.Span.Validate(n); err != nil {
					r.bad(where, "known.%s: %s", k.field, app.ErrorMessage(err))
				}
			}
		}
		if h := app.TextHash(a.Text); a.TextHash == "" {
			a.TextHash = h
		} else if a.TextHash != h {
			r.bad(where, "the text does not match its text_hash: the text was changed after export, or the file is damaged")
		}
		if other, dup := hashes[a.TextHash]; dup {
			r.bad(where, "the same text as article %s: an article may be in a case only once", other)
		}
		hashes[a.TextHash] = a.ID
		articles[a.ID] = []rune(a.Text)
		s.Articles = append(s.Articles, a)
	}
	claims := map[app.ID]bool{}
	entityIDs := map[app.ID]bool{}
	for _, je := range doc.Entities {
		entityIDs[je.ID] = true
	}
	for i, jc := range doc.Claims {
		where := fmt.Sprintf("claims[%d]", i)
		r.itemID(where, jc.ID, claims[jc.ID])
		claims[jc.ID] = true
		c := r.claim(where, jc, articles, sources, entityIDs)
		s.Claims = append(s.Claims, c)
	}
	seenEntity := map[app.ID]bool{}
	for i, je := range doc.Entities {
		where := fmt.Sprintf("entities[%d]", i)
		r.itemID(where, je.ID, seenEntity[je.ID])
		seenEntity[je.ID] = true
		e := app.Entity{ID: je.ID, Kind: app.EntityKind(je.Kind), Name: je.Name, Notes: je.Notes,
			CreatedAt: r.time(where, "created", je.Created), UpdatedAt: r.time(where, "updated", je.Updated)}
		for k, a := range je.Aliases {
			aw := fmt.Sprintf("%s.aliases[%d]", where, k)
			if strings.TrimSpace(a.Name) == "" {
				r.bad(aw, "an alias needs a name")
			}
			if _, ok := articles[a.ArticleID]; a.ArticleID != "" && !ok {
				r.bad(aw, "article_id %q is not one of the file's articles", a.ArticleID)
			}
			if a.ClaimID != "" && !claims[a.ClaimID] {
				r.bad(aw, "claim_id %q is not one of the file's claims", a.ClaimID)
			}
			e.Aliases = append(e.Aliases, app.Alias{Name: a.Name, ArticleID: a.ArticleID, ClaimID: a.ClaimID, ByAnalyst: a.ByAnalyst})
		}
		r.check(where, e.Validate())
		s.Entities = append(s.Entities, e)
	}
	events := map[app.ID]bool{}
	for i, je := range doc.Events {
		where := fmt.Sprintf("events[%d]", i)
		r.itemID(where, je.ID, events[je.ID])
		events[je.ID] = true
		e := app.Event{ID: je.ID, Title: je.Title, Place: je.Place, Description: je.Description,
			CreatedAt: r.time(where, "created", je.Created), UpdatedAt: r.time(where, "updated", je.Updated)}
		if w := r.when(where, je.When); w != nil {
			e.When = *w
		}
		linked := map[app.ID]bool{}
		for k, l := range je.Claims {
			lw := fmt.Sprintf("%s.claims[%d]", where, k)
			if !claims[l.ClaimID] {
				r.bad(lw, "claim_id %q is not one of the file's claims", l.ClaimID)
			}
			if linked[l.ClaimID] {
				r.bad(lw, "claim %s is linked twice", l.ClaimID)
			}
			linked[l.ClaimID] = true
			e.Claims = append(e.Claims, app.EventClaim{ClaimID: l.ClaimID, Stance: app.Stance(l.Stance)})
		}
		r.check(where, e.Validate())
		s.Events = append(s.Events, e)
	}
	return s, r.probs
}

// claim reads one claim and checks its anchor against its article's text.
func (r *reader) claim(where string, jc jsonClaim, articles map[app.ID][]rune, sources map[app.ID]string, entities map[app.ID]bool) app.Claim {
	c := app.Claim{ID: jc.ID, ArticleID: jc.ArticleID, Orphan: jc.Orphan, Statement: jc.Statement, Credibility: app.Credibility(jc.Credibility),
		AttributedTo: jc.AttributedTo, Tags: jc.Tags, Notes: jc.Notes, EntityIDs: jc.EntityIDs, CreatedBy: jc.CreatedBy, UpdatedBy: jc.UpdatedBy,
		CreatedAt: r.time(where, "created", jc.Created), UpdatedAt: r.time(where, "updated", jc.Updated)}
	if jc.Quantity != nil {
		c.Quantity = &app.Quantity{Value: jc.Quantity.Value, Unit: jc.Quantity.Unit}
	}
	c.When = r.when(where, jc.When)
	if jc.Target.Source != "" && jc.Target.Source != "urn:uuid:"+string(jc.ArticleID) {
		r.bad(where, "target source %q is not its article (urn:uuid:%s)", jc.Target.Source, jc.ArticleID)
	}
	var quote, pos bool
	for _, sel := range jc.Target.Selector {
		switch sel.Type {
		case "TextQuoteSelector":
			quote = true
			c.Anchor.Exact, c.Anchor.Prefix, c.Anchor.Suffix = sel.Exact, sel.Prefix, sel.Suffix
		case "TextPositionSelector":
			if sel.Start == nil || sel.End == nil {
				r.bad(where, "the TextPositionSelector needs start and end")
				continue
			}
			pos = true
			c.Anchor.Start, c.Anchor.End = *sel.Start, *sel.End
		default:
			r.bad(where, "selector type %q is not TextQuoteSelector or TextPositionSelector", sel.Type)
		}
	}
	if !quote || !pos {
		r.bad(where, "the target needs a TextQuoteSelector and a TextPositionSelector")
	}
	text, ok := articles[c.ArticleID]
	if !ok {
		r.bad(where, "article_id %q is not one of the file's articles", c.ArticleID)
	} else if !c.Orphan && quote && pos {
		// A placed claim's quote is exactly the text at its position.
		if c.Anchor.Start < 0 || c.Anchor.End > len(text) || c.Anchor.Start > c.Anchor.End {
			r.bad(where, "the position %d-%d lies outside its article's text (0-%d)", c.Anchor.Start, c.Anchor.End, len(text))
		} else if string(text[c.Anchor.Start:c.Anchor.End]) != c.Anchor.Exact {
			r.bad(where, "the quote is not the article's text at %d-%d", c.Anchor.Start, c.Anchor.End)
		}
	}
	if _, ok := sources[c.AttributedTo]; c.AttributedTo != "" && !ok {
		r.bad(where, "attributed_to %q is not one of the file's sources", c.AttributedTo)
	}
	for _, id := range c.EntityIDs {
		if !entities[id] {
			r.bad(where, "entity %q is not one of the file's entities", id)
		}
	}
	if !utf8.ValidString(c.Anchor.Exact) {
		r.bad(where, "the quote is not valid UTF-8")
	}
	r.check(where, c.Validate())
	return c
}
