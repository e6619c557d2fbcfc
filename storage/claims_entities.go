package storage

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/evidence-workbench/workbench/app"
)

// A claim's EntityIDs are rows of claim_entities, in position order.
// CreateClaim and UpdateClaim write them, listClaims reads the links of
// every claim it lists in one query, and an entity's merge re-points them.

// insertClaimEntities links a claim to entities at positions 0, 1, 2 ...
// in the order given (newClaim has removed duplicates). An entity not in
// the case is ENotFound, naming it.
func insertClaimEntities(ctx context.Context, tx *sql.Tx, claimID app.ID, ids []app.ID) error {
	if len(ids) == 0 {
		return nil
	}
	// One statement both checks that the entity exists and links it.
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO claim_entities (claim_id, entity_id, position)
		SELECT ?, id, ? FROM entities WHERE id = ?`)
	if err != nil {
		return fmt.Errorf("link entities: %w", err)
	}
	defer stmt.Close()
	for i, id := range ids {
		res, err := stmt.ExecContext(ctx, claimID, i, id)
		if err != nil {
			return fmt.Errorf("link entity: %w", err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("link entity: %w", err)
		}
		if n == 0 {
			return app.Errorf(app.ENotFound, "The claim links the entity %s, which is not in the case. Remove it from the claim and try again.", id)
		}
	}
	return nil
}

// replaceClaimEntities replaces a claim's entity links with ids, in order.
func replaceClaimEntities(ctx context.Context, tx *sql.Tx, claimID app.ID, ids []app.ID) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM claim_entities WHERE claim_id = ?", claimID); err != nil {
		return fmt.Errorf("clear claim's entities: %w", err)
	}
	return insertClaimEntities(ctx, tx, claimID, ids)
}

// allClaimsRest is what listClaims is given to list every claim: for it,
// the links are read without a subquery.
const allClaimsRest = " ORDER BY article_id, start_rune, end_rune, id"

// readClaimEntities fills in the EntityIDs of the claims of list, which
// the rest of a query (as listClaims got it) selected, in one query.
func readClaimEntities(ctx context.Context, tx *sql.Tx, list []app.Claim, rest string, args ...any) error {
	if len(list) == 0 {
		return nil
	}
	where := ""
	if rest != allClaimsRest {
		where = "WHERE claim_id IN (SELECT id FROM claims " + rest + ")"
	} else {
		args = nil
	}
	links, err := claimLinks(ctx, tx, where, args...)
	if err != nil {
		return err
	}
	for i := range list {
		list[i].EntityIDs = links[list[i].ID]
	}
	return nil
}

// claimLinks reads the entity links the where clause selects, as each
// claim's entity ids in order. The lists share backing arrays.
func claimLinks(ctx context.Context, tx *sql.Tx, where string, args ...any) (map[app.ID][]app.ID, error) {
	rows, err := tx.QueryContext(ctx, "SELECT claim_id, entity_id FROM claim_entities "+where+" ORDER BY claim_id, position", args...)
	if err != nil {
		return nil, fmt.Errorf("read claims' entities: %w", err)
	}
	defer rows.Close()
	var (
		flat                    []app.ID
		from                    int
		last, claimID, entityID string
		out                     = map[app.ID][]app.ID{}
	)
	for rows.Next() {
		if err := rows.Scan(&claimID, &entityID); err != nil {
			return nil, fmt.Errorf("read claim's entity: %w", err)
		}
		if claimID != last && len(flat) > from {
			out[app.ID(last)] = flat[from:len(flat):len(flat)]
			from = len(flat)
		}
		last = claimID
		flat = append(flat, app.ID(entityID))
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read claims' entities: %w", err)
	}
	if len(flat) > from {
		out[app.ID(last)] = flat[from:len(flat):len(flat)]
	}
	return out, nil
}
