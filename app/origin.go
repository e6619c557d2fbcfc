package app

import "time"

// Independence and corroboration: the analyst's rules.
//
// A relay is not a second source. The same AFP dispatch on three websites
// is one origin; a coalition statement relayed by a blog is the coalition's
// claim; Al Mayadeen translated by Fort Russ is Al Mayadeen's. So:
//
//   - A claim's ORIGIN is the source it is attributed to inside the article
//     (a spokesman quoted by AFP: the spokesman's body), else the article's
//     origin (the wire or statement the page relays), else the article's
//     publisher. A claim whose article has no known source has no origin.
//   - A claim's grade is its origin's reliability with its own credibility:
//     "B2". An ungraded origin reads "?2".
//   - CORROBORATION of a statement or event is the number of DISTINCT origins
//     among the claims that support it. Relays never count twice, and claims
//     without an origin count for nothing (they cannot show independence).

// ArticleOrigin is the source an article speaks for: its first origin,
// else its first publisher, else "".
func ArticleOrigin(sources []ArticleSource) ID {
	for _, role := range []Role{RoleOrigin, RolePublisher} {
		for _, s := range sources {
			if s.Role == role && s.SourceID != "" {
				return s.SourceID
			}
		}
	}
	return ""
}

// ClaimOrigin is the source a claim speaks for: its attribution, else its
// article's origin (see ArticleOrigin).
func ClaimOrigin(c Claim, articleSources []ArticleSource) ID {
	if c.AttributedTo != "" {
		return c.AttributedTo
	}
	return ArticleOrigin(articleSources)
}

// ClaimGrade combines the origin's reliability with the claim's credibility.
func ClaimGrade(c Claim, origin *Source) Grade {
	g := Grade{Credibility: c.Credibility}
	if origin != nil {
		g.Reliability = origin.Reliability
	}
	return g
}

// Corroboration counts the distinct non-empty origins: how many
// independent sources stand behind the supporting claims.
func Corroboration(origins []ID) int {
	seen := make(map[ID]bool, len(origins))
	for _, o := range origins {
		if o != "" {
			seen[o] = true
		}
	}
	return len(seen)
}

// GradeChange is one entry of a source's reliability history.
type GradeChange struct {
	SourceID    ID
	Reliability Reliability // the new grade ("" = grade removed)
	Note        string      // why, in the analyst's words
	By          string
	At          time.Time
}

// SourceMerge records what merging Drop into Keep moved, so that the merge
// can be undone exactly.
type SourceMerge struct {
	Keep          ID
	Dropped       Source        // the merged-away source as it was, aliases included
	DroppedGrades []GradeChange // its grade history as it was
	Links         []MovedLink   // article links that pointed at Dropped
	Claims        []ID          // claims attributed to Dropped
	AddedAliases  []string      // aliases Keep gained (Dropped's name and aliases)
}

// MovedLink is one article-source link a merge re-pointed or removed (when
// Keep already had the same role on that article).
type MovedLink struct {
	ArticleID ID
	Role      Role
	Removed   bool // Keep already held this role: the duplicate link was deleted
	Link      ArticleSource
}

// SourceUsage says how much of the case leans on a source.
type SourceUsage struct {
	Articles int // articles linking it in any role
	Claims   int // claims attributed to it
}
