package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/entity"
)

var _ storyline.AnalysisStore = (*Store)(nil)

// entityLock is the advisory lock key PutAnalysis holds while it resolves
// mentions to canonical entities: finding, creating and renaming entities
// reads and writes rows other writers may be creating, so writers take
// turns (the extraction they did before needs no lock).
const entityLock = 0x73746f72796c6e02

// PutAnalysis replaces the stored analysis of one article. Each mention
// with a name is resolved to a canonical entity (entity.Match over the
// entities under entity.Keys of its name), which is created when none
// matches, renamed when the mention gives a fuller name, and given the
// mention's surface form as an alias; roles are recorded per article.
// Quotes get an ID when they have none and their speaker's entity: the
// entity of a mention of this article that the speaker names
// (storyline.SpeakerEntityName), none for a speaker that names none. The
// EntityID and SpeakerEntity fields of a are filled in. ENOTFOUND if the
// article is not stored; EINVALID for a mention whose offsets do not fit.
func (s *Store) PutAnalysis(ctx context.Context, a *storyline.Analysis) error {
	if a.ArticleID == "" {
		return storyline.Errorf(storyline.EINVALID, "analysis has no article ID")
	}
	for i, m := range a.Mentions {
		if m.Start < 0 || m.End < m.Start {
			return storyline.Errorf(storyline.EINVALID, "analysis of %s: mention %d (%q) has offsets %d-%d", a.ArticleID, i, m.Text, m.Start, m.End)
		}
	}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error { return s.putAnalysis(ctx, tx, a) })
	if err != nil && storyline.ErrorCode(err) == storyline.EINTERNAL {
		return fmt.Errorf("store analysis of %s: %w", a.ArticleID, err)
	}
	return err
}

func (s *Store) putAnalysis(ctx context.Context, tx pgx.Tx, a *storyline.Analysis) error {
	var n int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM articles WHERE id = $1`, a.ArticleID).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return storyline.Errorf(storyline.ENOTFOUND, "cannot store the analysis of article %q: no such article", a.ArticleID)
	}
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(entityLock)); err != nil {
		return err
	}
	// forget the previous analysis; remember which entities it touched
	old, err := stringsQuery(ctx, tx, `SELECT DISTINCT entity_id FROM mentions WHERE article_id = $1`, a.ArticleID)
	if err != nil {
		return err
	}
	timexes, _ := json.Marshal(nonNil(a.Timexes))
	statements, _ := json.Marshal(nonNil(a.Statements))
	b := &pgx.Batch{}
	for _, q := range []string{
		`DELETE FROM mentions WHERE article_id = $1`,
		`DELETE FROM entity_roles WHERE article_id = $1`,
		`DELETE FROM quotes WHERE article_id = $1`,
	} {
		b.Queue(q, a.ArticleID)
	}
	b.Queue(`INSERT INTO analyses (article_id, timexes, statements, analysed_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (article_id) DO UPDATE SET timexes = excluded.timexes, statements = excluded.statements,
			analysed_at = excluded.analysed_at`,
		a.ArticleID, noNUL(string(timexes)), noNUL(string(statements)), nanos(s.Now()))
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return err
	}

	r := &resolver{ctx: ctx, tx: tx, cache: map[string]*storyline.Entity{}, pending: map[string]int{}}
	rows := &pgx.Batch{}
	byName := map[string]string{} // folded name -> entity ID, within this article
	for i := range a.Mentions {
		m := &a.Mentions[i]
		m.EntityID = ""
		if m.Name != "" && validKind(m.Kind) {
			e, err := r.resolve(m.Name, m.Kind, entity.Alias(*m))
			if err != nil {
				return fmt.Errorf("mention %q: %w", m.Text, err)
			}
			m.EntityID = e.ID
			r.pending[e.ID]++
			byName[entity.Fold(m.Name)] = e.ID
			if m.Role != "" {
				rows.Queue(`INSERT INTO entity_roles (entity_id, title, affiliation, article_id) VALUES ($1, $2, $3, $4)
					ON CONFLICT DO NOTHING`, e.ID, noNUL(m.Role), noNUL(m.Affiliation), a.ArticleID)
			}
		}
		rows.Queue(`INSERT INTO mentions (article_id, position, start_, end_, text, kind, name, role, affiliation, via, entity_id)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			a.ArticleID, i, m.Start, m.End, noNUL(m.Text), string(m.Kind), noNUL(m.Name), noNUL(m.Role), noNUL(m.Affiliation), m.Via, m.EntityID)
	}
	for i := range a.Quotes {
		q := &a.Quotes[i]
		q.ArticleID = a.ArticleID
		if q.ID == "" {
			q.ID = fmt.Sprintf("%s-q%d", a.ArticleID, i)
		}
		if q.SpeakerEntity == "" && !q.Unnamed {
			// only names become entities: a speaker links to the entity
			// of a mention of this article, never to one of its own
			q.SpeakerEntity = byName[entity.Fold(storyline.SpeakerEntityName(*q))]
		}
		data, err := json.Marshal(q)
		if err != nil {
			return fmt.Errorf("quote %d: %w", i, err)
		}
		rows.Queue(`INSERT INTO quotes (id, article_id, position, speaker_entity, speaker_key, data) VALUES ($1, $2, $3, $4, $5, $6)
			ON CONFLICT (id) DO UPDATE SET article_id = excluded.article_id, position = excluded.position,
				speaker_entity = excluded.speaker_entity, speaker_key = excluded.speaker_key, data = excluded.data`,
			q.ID, a.ArticleID, i, q.SpeakerEntity, noNUL(entity.Fold(q.Speaker)), noNUL(string(data)))
	}
	// entities that only the previous analysis mentioned are gone
	for _, id := range old {
		rows.Queue(`DELETE FROM entities WHERE id = $1
			AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = $1)
			AND NOT EXISTS (SELECT 1 FROM quotes WHERE speaker_entity = $1)`, id)
	}
	return tx.SendBatch(ctx, rows).Close()
}

func validKind(k storyline.EntityKind) bool {
	return k == storyline.Person || k == storyline.Org || k == storyline.Place
}

// resolver finds or creates canonical entities inside one transaction, as
// the SQLite store's does. The mentions of the article being stored are
// written at the end, in one batch: pending counts those resolved so far,
// which a candidate's mention count includes, as it would had each been
// written at once.
type resolver struct {
	ctx     context.Context
	tx      pgx.Tx
	cache   map[string]*storyline.Entity // kind + folded name -> entity
	pending map[string]int               // entity ID -> mentions resolved to it so far
}

func (r *resolver) resolve(name string, kind storyline.EntityKind, alias string) (*storyline.Entity, error) {
	ck := string(kind) + "\x00" + entity.Fold(name)
	e := r.cache[ck]
	if e == nil {
		cands, err := candidates(r.ctx, r.tx, entity.Keys(name, kind))
		if err != nil {
			return nil, err
		}
		for _, c := range cands {
			c.Mentions += r.pending[c.ID]
		}
		e = entity.Match(name, kind, cands)
		if e == nil {
			if e, err = r.create(name, kind); err != nil {
				return nil, err
			}
		} else if entity.Better(name, e.Name, kind) {
			if err := r.addAlias(e, e.Name); err != nil {
				return nil, err
			}
			e.Name = name
			if _, err := r.tx.Exec(r.ctx, `UPDATE entities SET name = $1 WHERE id = $2`, noNUL(name), e.ID); err != nil {
				return nil, err
			}
			if err := r.addKeys(e, name); err != nil {
				return nil, err
			}
		} else if entity.Fold(name) != entity.Fold(e.Name) {
			if err := r.addAlias(e, name); err != nil {
				return nil, err
			}
		}
		r.cache[ck] = e
	}
	if alias != "" && entity.Fold(alias) != entity.Fold(e.Name) {
		if err := r.addAlias(e, alias); err != nil {
			return nil, err
		}
	}
	return e, nil
}

// create stores a new entity named name, under the first free ID of
// entity.NewID(name), -2, -3, ...
func (r *resolver) create(name string, kind storyline.EntityKind) (*storyline.Entity, error) {
	e := &storyline.Entity{ID: entity.NewID(name, kind), Name: name, Kind: kind, Aliases: []string{}}
	taken, err := stringsQuery(r.ctx, r.tx, `SELECT id FROM entities WHERE id = $1 OR id LIKE $2`, e.ID, e.ID+"-%")
	if err != nil {
		return nil, err
	}
	for i := 2; contains(taken, e.ID); i++ {
		e.ID = fmt.Sprintf("%s-%d", entity.NewID(name, kind), i)
	}
	if _, err := r.tx.Exec(r.ctx, `INSERT INTO entities (id, name, kind, aliases) VALUES ($1, $2, $3, '[]')`,
		e.ID, noNUL(e.Name), string(e.Kind)); err != nil {
		return nil, err
	}
	return e, r.addKeys(e, name)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// addAlias records another name of e (once, by its folded form).
func (r *resolver) addAlias(e *storyline.Entity, alias string) error {
	f := entity.Fold(alias)
	if f == "" {
		return nil
	}
	for _, a := range e.Aliases {
		if entity.Fold(a) == f {
			return nil
		}
	}
	e.Aliases = append(e.Aliases, alias)
	b, _ := json.Marshal(e.Aliases)
	if _, err := r.tx.Exec(r.ctx, `UPDATE entities SET aliases = $1 WHERE id = $2`, noNUL(string(b)), e.ID); err != nil {
		return err
	}
	return r.addKeys(e, alias)
}

func (r *resolver) addKeys(e *storyline.Entity, name string) error {
	keys := entity.Keys(name, e.Kind)
	if len(keys) == 0 {
		return nil
	}
	for i := range keys {
		keys[i] = noNUL(keys[i])
	}
	_, err := r.tx.Exec(r.ctx, `INSERT INTO entity_keys (key, entity_id) SELECT k, $2 FROM unnest($1::text[]) k
		ON CONFLICT DO NOTHING`, keys, e.ID)
	return err
}

type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// candidates loads the entities indexed under any of keys, with their
// mention counts.
func candidates(ctx context.Context, q querier, keys []string) ([]*storyline.Entity, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	return queryEntities(ctx, q, `WHERE e.id IN (SELECT entity_id FROM entity_keys WHERE key = ANY($1))`, "", keys)
}

// queryEntities reads entities with their mention and article counts.
func queryEntities(ctx context.Context, q querier, where, tail string, args ...any) ([]*storyline.Entity, error) {
	rows, err := q.Query(ctx, `SELECT e.id, e.name, e.kind, e.aliases,
			(SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions,
			(SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.entity_id = e.id)
		FROM entities e `+where+` `+tail, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*storyline.Entity
	for rows.Next() {
		e := &storyline.Entity{Roles: []storyline.Role{}}
		var kind, aliases string
		if err := rows.Scan(&e.ID, &e.Name, &kind, &aliases, &e.Mentions, &e.Articles); err != nil {
			return nil, err
		}
		e.Kind = storyline.EntityKind(kind)
		if err := json.Unmarshal([]byte(aliases), &e.Aliases); err != nil {
			return nil, fmt.Errorf("entity %s: aliases: %w", e.ID, err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// roles fills the roles of es, with the first and last publication dates
// of the articles that give each.
func (s *Store) roles(ctx context.Context, es []*storyline.Entity) error {
	if len(es) == 0 {
		return nil
	}
	byID := map[string]*storyline.Entity{}
	ids := make([]string, len(es))
	for i, e := range es {
		byID[e.ID] = e
		ids[i] = e.ID
	}
	rows, err := s.pool.Query(ctx, `SELECT r.entity_id, r.title, r.affiliation, a.published
		FROM entity_roles r JOIN articles a ON a.id = r.article_id
		WHERE r.entity_id = ANY($1)`, ids)
	if err != nil {
		return fmt.Errorf("list roles: %w", err)
	}
	defer rows.Close()
	type key struct{ id, title, aff string }
	found := map[key]*storyline.Role{}
	var order []key
	for rows.Next() {
		var k key
		var published string
		if err := rows.Scan(&k.id, &k.title, &k.aff, &published); err != nil {
			return fmt.Errorf("list roles: %w", err)
		}
		d, _ := storyline.ParseDate(published)
		r := found[k]
		if r == nil {
			found[k] = &storyline.Role{Title: k.title, Affiliation: k.aff, First: d, Last: d}
			order = append(order, k)
			continue
		}
		if !d.IsZero() && (r.First.IsZero() || d.Compare(r.First) < 0) {
			r.First = d
		}
		if !d.IsZero() && d.Compare(r.Last) > 0 {
			r.Last = d
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("list roles: %w", err)
	}
	for _, k := range order {
		e := byID[k.id]
		e.Roles = append(e.Roles, *found[k])
	}
	for _, e := range es {
		sort.SliceStable(e.Roles, func(i, j int) bool {
			if c := e.Roles[i].First.Compare(e.Roles[j].First); c != 0 {
				return c < 0
			}
			return e.Roles[i].Title < e.Roles[j].Title
		})
	}
	return nil
}

// Analysis returns the stored analysis of an article, or ENOTFOUND if it
// has never been analysed.
func (s *Store) Analysis(ctx context.Context, articleID string) (*storyline.Analysis, error) {
	a := &storyline.Analysis{ArticleID: articleID}
	var timexes, statements string
	err := s.pool.QueryRow(ctx, `SELECT timexes, statements FROM analyses WHERE article_id = $1`, articleID).Scan(&timexes, &statements)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, storyline.Errorf(storyline.ENOTFOUND, "article %q has not been analysed", articleID)
	}
	if err != nil {
		return nil, fmt.Errorf("read analysis of %s: %w", articleID, err)
	}
	if err := json.Unmarshal([]byte(timexes), &a.Timexes); err != nil {
		return nil, fmt.Errorf("read analysis of %s: timexes: %w", articleID, err)
	}
	if err := json.Unmarshal([]byte(statements), &a.Statements); err != nil {
		return nil, fmt.Errorf("read analysis of %s: statements: %w", articleID, err)
	}
	rows, err := s.pool.Query(ctx, `SELECT start_, end_, text, kind, name, role, affiliation, via, entity_id
		FROM mentions WHERE article_id = $1 ORDER BY position`, articleID)
	if err != nil {
		return nil, fmt.Errorf("read analysis of %s: %w", articleID, err)
	}
	defer rows.Close()
	a.Mentions = []storyline.Mention{}
	for rows.Next() {
		var m storyline.Mention
		var kind string
		if err := rows.Scan(&m.Start, &m.End, &m.Text, &kind, &m.Name, &m.Role, &m.Affiliation, &m.Via, &m.EntityID); err != nil {
			return nil, fmt.Errorf("read analysis of %s: %w", articleID, err)
		}
		m.Kind = storyline.EntityKind(kind)
		a.Mentions = append(a.Mentions, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read analysis of %s: %w", articleID, err)
	}
	if a.Quotes, err = s.Quotes(ctx, storyline.QuoteFilter{ArticleID: articleID}); err != nil {
		return nil, err
	}
	return a, nil
}

// Statements reads the statements of the analysed articles among
// articleIDs in one query, keyed by article ID, each article's in the
// order Analysis gives them. Articles never analysed are absent.
func (s *Store) Statements(ctx context.Context, articleIDs []string) (map[string][]storyline.Statement, error) {
	out := map[string][]storyline.Statement{}
	if len(articleIDs) == 0 {
		return out, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT article_id, statements FROM analyses WHERE article_id = ANY($1)`, articleIDs)
	if err != nil {
		return nil, fmt.Errorf("read the statements of %d articles: %w", len(articleIDs), err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, data string
		if err := rows.Scan(&id, &data); err != nil {
			return nil, fmt.Errorf("read the statements of %d articles: %w", len(articleIDs), err)
		}
		var ss []storyline.Statement
		if err := json.Unmarshal([]byte(data), &ss); err != nil {
			return nil, fmt.Errorf("read the statements of article %s: %w", id, err)
		}
		out[id] = nonNil(ss)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the statements of %d articles: %w", len(articleIDs), err)
	}
	return out, nil
}

// Entities lists the entities that stored analyses mention, most
// mentioned first, then by name.
func (s *Store) Entities(ctx context.Context, f storyline.EntityFilter) ([]*storyline.Entity, error) {
	where := `WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id)`
	var args []any
	if f.Kind != "" {
		args = append(args, string(f.Kind))
		where += ` AND e.kind = $1`
	}
	tail := `ORDER BY mentions DESC, e.name COLLATE "C", e.id`
	if f.Limit > 0 {
		tail += ` LIMIT ` + strconv.Itoa(f.Limit)
	}
	es, err := queryEntities(ctx, s.pool, where, tail, args...)
	if err != nil {
		return nil, fmt.Errorf("list entities: %w", err)
	}
	if err := s.roles(ctx, es); err != nil {
		return nil, err
	}
	return nonNil(es), nil
}

// Entity finds an entity by its ID, its name or an alias (case and
// punctuation folded), or for a person by the surname alone when that is
// unambiguous enough for entity.Match; ENOTFOUND if none matches.
func (s *Store) Entity(ctx context.Context, nameOrID string) (*storyline.Entity, error) {
	es, err := queryEntities(ctx, s.pool, `WHERE e.id = $1`, "", nameOrID)
	if err != nil {
		return nil, fmt.Errorf("find entity %q: %w", nameOrID, err)
	}
	if len(es) == 0 {
		var keys []string
		for _, k := range []storyline.EntityKind{storyline.Person, storyline.Org, storyline.Place} {
			keys = append(keys, entity.Keys(nameOrID, k)...)
		}
		cands, err := candidates(ctx, s.pool, keys)
		if err != nil {
			return nil, fmt.Errorf("find entity %q: %w", nameOrID, err)
		}
		f := entity.Fold(nameOrID)
		// an exact name first, then the most mentioned alias or surname match
		var best *storyline.Entity
		for _, e := range cands {
			if entity.Fold(e.Name) == f && (best == nil || e.Mentions > best.Mentions) {
				best = e
			}
		}
		if best == nil {
			for _, k := range []storyline.EntityKind{storyline.Person, storyline.Org, storyline.Place} {
				if e := entity.Match(nameOrID, k, cands); e != nil && (best == nil || e.Mentions > best.Mentions) {
					best = e
				}
			}
		}
		if best == nil {
			if rest, ok := cutThe(nameOrID); ok {
				return s.Entity(ctx, rest) // "the Kremlin"
			}
			return nil, storyline.Errorf(storyline.ENOTFOUND, "no entity is named %q", nameOrID)
		}
		es = []*storyline.Entity{best}
	}
	if err := s.roles(ctx, es); err != nil {
		return nil, err
	}
	return es[0], nil
}

// cutThe removes a leading "the ".
func cutThe(name string) (string, bool) {
	name = strings.TrimSpace(name)
	if len(name) > 4 && strings.EqualFold(name[:4], "the ") {
		return strings.TrimSpace(name[4:]), true
	}
	return name, false
}

// EntityArticles lists the IDs of the articles that mention an entity, by
// publication date (undated last), then ID.
func (s *Store) EntityArticles(ctx context.Context, entityID string) ([]string, error) {
	ids, err := stringsQuery(ctx, s.pool, `SELECT id FROM articles
		WHERE id IN (SELECT article_id FROM mentions WHERE entity_id = $1)`+articleOrder, entityID)
	if err != nil {
		return nil, fmt.Errorf("list articles of entity %s: %w", entityID, err)
	}
	return nonNil(ids), nil
}

// Quotes lists quotes by article publication date, then article, then
// position. A Speaker filter matches the quotes of the entity it names
// (by ID, name or alias, as Entity finds it) and quotes whose speaker is
// written that way.
func (s *Store) Quotes(ctx context.Context, f storyline.QuoteFilter) ([]storyline.Quote, error) {
	var conds []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if f.ArticleID != "" {
		conds = append(conds, `q.article_id = `+arg(f.ArticleID))
	}
	if f.Speaker != "" {
		c := `q.speaker_key = ` + arg(entity.Fold(f.Speaker))
		e, err := s.Entity(ctx, f.Speaker)
		switch {
		case err == nil:
			c = `(` + c + ` OR q.speaker_entity = ` + arg(e.ID) + `)`
		case storyline.ErrorCode(err) != storyline.ENOTFOUND:
			return nil, err
		}
		conds = append(conds, c)
	}
	where := ""
	if len(conds) > 0 {
		where = ` WHERE ` + strings.Join(conds, ` AND `)
	}
	limit := ""
	if f.Limit > 0 {
		limit = ` LIMIT ` + strconv.Itoa(f.Limit)
	}
	rows, err := s.pool.Query(ctx, `SELECT q.data FROM quotes q JOIN articles a ON a.id = q.article_id`+where+`
		ORDER BY a.published_first NULLS LAST, a.id, q.position`+limit, args...)
	if err != nil {
		return nil, fmt.Errorf("list quotes: %w", err)
	}
	defer rows.Close()
	out := []storyline.Quote{}
	for rows.Next() {
		var data string
		if err := rows.Scan(&data); err != nil {
			return nil, fmt.Errorf("list quotes: %w", err)
		}
		var q storyline.Quote
		if err := json.Unmarshal([]byte(data), &q); err != nil {
			return nil, fmt.Errorf("list quotes: %w", err)
		}
		out = append(out, q)
	}
	return out, rows.Err()
}

func stringsQuery(ctx context.Context, q querier, query string, args ...any) ([]string, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}
