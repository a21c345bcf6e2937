package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/entity"
	"github.com/storyline/storyline/internal/codec"
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
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if again, err := s.putAgain(ctx, tx, a); again || err != nil {
			return err
		}
		return s.putAnalysis(ctx, tx, a)
	})
	if err != nil && storyline.ErrorCode(err) == storyline.EINTERNAL {
		return fmt.Errorf("store analysis of %s: %w", a.ArticleID, err)
	}
	return err
}

// PutAnalyses stores several analyses as PutAnalysis does, in one
// transaction: all of them, or none when one fails.
func (s *Store) PutAnalyses(ctx context.Context, list []*storyline.Analysis) error {
	if len(list) == 0 {
		return nil
	}
	for _, a := range list {
		if a.ArticleID == "" {
			return storyline.Errorf(storyline.EINVALID, "analysis has no article ID")
		}
		for i, m := range a.Mentions {
			if m.Start < 0 || m.End < m.Start {
				return storyline.Errorf(storyline.EINVALID, "analysis of %s: mention %d (%q) has offsets %d-%d", a.ArticleID, i, m.Text, m.Start, m.End)
			}
		}
	}
	if len(list) > 1 {
		done, err := s.putFresh(ctx, list)
		if err != nil && storyline.ErrorCode(err) == storyline.EINTERNAL {
			return fmt.Errorf("store %d analyses: %w", len(list), err)
		}
		if done || err != nil {
			return err
		}
	}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		for _, a := range list {
			again, err := s.putAgain(ctx, tx, a)
			if err == nil && !again {
				err = s.putAnalysis(ctx, tx, a)
			}
			if err != nil {
				if storyline.ErrorCode(err) == storyline.EINTERNAL {
					return fmt.Errorf("store analysis of %s: %w", a.ArticleID, err)
				}
				return err
			}
		}
		return nil
	})
	if err != nil && storyline.ErrorCode(err) == storyline.EINTERNAL {
		return fmt.Errorf("store %d analyses: %w", len(list), err)
	}
	return err
}

// putAgain stores an analysis made again with the same mentions and
// quotes as the stored one (the dating stage's, against an estimate) by
// rewriting only its own row: its entities, counts, roles and quotes stay
// as they are, and a's mentions and quotes are given them, as putAnalysis
// gives them. It reports whether it did; the sqlite store does the same.
func (s *Store) putAgain(ctx context.Context, tx pgx.Tx, a *storyline.Analysis) (bool, error) {
	var data []byte
	err := tx.QueryRow(ctx, `SELECT data FROM analyses WHERE article_id = $1`, a.ArticleID).Scan(&data)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	stored := storyline.Analysis{ArticleID: a.ArticleID}
	if err := readAnalysis(ctx, tx, &stored, data, "[]", "[]", codec.Mentions); err != nil {
		return false, err
	}
	if len(stored.Mentions) != len(a.Mentions) {
		return false, nil // no need to read its quotes
	}
	rows, err := tx.Query(ctx, `SELECT data FROM quotes WHERE article_id = $1 ORDER BY position`, a.ArticleID)
	if err != nil {
		return false, err
	}
	quotes, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (storyline.Quote, error) {
		var data string
		var q storyline.Quote
		if err := r.Scan(&data); err != nil {
			return q, err
		}
		return q, json.Unmarshal([]byte(data), &q)
	})
	if err != nil {
		return false, err
	}
	if !a.SameAsStored(stored.Mentions, quotes) {
		return false, nil
	}
	if _, err := tx.Exec(ctx, `UPDATE analyses SET data = $2, timexes = '[]', statements = '[]', analysed_at = $3 WHERE article_id = $1`,
		a.ArticleID, codec.Encode(a), nanos(s.Now())); err != nil {
		return false, err
	}
	if data == nil { // its mentions were rows (before migration 008): they are in data now
		if _, err := tx.Exec(ctx, `DELETE FROM mentions WHERE article_id = $1`, a.ArticleID); err != nil {
			return false, err
		}
	}
	return true, nil
}

// putAnalysis stores an analysis in three round trips: the old analysis's
// entities and the article's presence; the deletions, with every entity
// the mentions may resolve to read at once; and the analysis, the new and
// changed entities, keys, roles, quotes and counts in one batch.
func (s *Store) putAnalysis(ctx context.Context, tx pgx.Tx, a *storyline.Analysis) error {
	id := a.ArticleID
	b := &pgx.Batch{}
	b.Queue(`SELECT pg_advisory_xact_lock($1)`, int64(entityLock))
	b.Queue(`SELECT count(*) FROM articles WHERE id = $1`, id)
	b.Queue(`SELECT entity_id, mentions FROM entity_articles WHERE article_id = $1 ORDER BY entity_id`, id)
	res := tx.SendBatch(ctx, b)
	if _, err := res.Exec(); err != nil {
		res.Close()
		return err
	}
	var n int
	if err := res.QueryRow().Scan(&n); err != nil {
		res.Close()
		return err
	}
	type oldCount struct {
		id string
		n  int
	}
	var old []oldCount
	rows, err := res.Query()
	if err == nil {
		old, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (oldCount, error) {
			var c oldCount
			return c, r.Scan(&c.id, &c.n)
		})
	}
	if cerr := res.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if n == 0 {
		return storyline.Errorf(storyline.ENOTFOUND, "cannot store the analysis of article %q: no such article", id)
	}

	// Forget the previous analysis (its counts too), and read the
	// entities every name of this one may resolve to.
	var keys, ids []string
	lookup := func(name string, kind storyline.EntityKind) {
		keys = append(keys, entity.Keys(name, kind)...)
		ids = append(ids, entity.NewID(name, kind))
	}
	for _, m := range a.Mentions {
		if m.Name != "" && validKind(m.Kind) {
			lookup(m.Name, m.Kind)
		}
	}
	sort.Strings(keys)
	keys = compact(keys)
	sort.Strings(ids)
	ids = compact(ids)
	b = &pgx.Batch{}
	b.Queue(`DELETE FROM mentions WHERE article_id = $1`, id) // rows from before migration 008
	b.Queue(`DELETE FROM entity_articles WHERE article_id = $1`, id)
	b.Queue(`DELETE FROM entity_roles WHERE article_id = $1`, id)
	b.Queue(`DELETE FROM quotes WHERE article_id = $1`, id)
	for _, c := range old {
		b.Queue(`UPDATE entities SET mention_count = mention_count - $2, article_count = article_count - 1 WHERE id = $1`, c.id, c.n)
	}
	r := newResolver()
	b.Queue(`SELECT k.key, e.id, e.name, e.kind, e.aliases, e.mention_count, e.article_count
		FROM entity_keys k JOIN entities e ON e.id = k.entity_id WHERE k.key = ANY($1) ORDER BY e.id, k.key`, noNULs(keys))
	b.Queue(takenIDs, ids)
	res = tx.SendBatch(ctx, b)
	for range 4 + len(old) {
		if _, err := res.Exec(); err != nil {
			res.Close()
			return err
		}
	}
	if err := r.load(res); err != nil {
		res.Close()
		return err
	}
	if err := res.Close(); err != nil {
		return err
	}

	// Resolve, in memory: every entity a name can match was read above,
	// and the lock keeps other writers out until the commit.
	roles := map[[3]string]bool{}
	var roleRows [][]any
	byName := map[string]string{} // folded name -> entity ID, within this article
	count := map[string]int{}     // entity ID -> this article's mentions of it
	var countOrder []string
	for i := range a.Mentions {
		m := &a.Mentions[i]
		m.EntityID = ""
		if m.Name != "" && validKind(m.Kind) {
			e := r.resolve(m.Name, m.Kind, entity.Alias(*m))
			m.EntityID = e.ID
			if count[e.ID] == 0 {
				countOrder = append(countOrder, e.ID)
			}
			count[e.ID]++
			r.pending[e.ID]++
			byName[entity.Fold(m.Name)] = e.ID
			if k := [3]string{e.ID, noNUL(m.Role), noNUL(m.Affiliation)}; m.Role != "" && !roles[k] {
				roles[k] = true
				roleRows = append(roleRows, []any{k[0], k[1], k[2], id})
			}
		}
	}
	b = &pgx.Batch{}
	for i := range a.Quotes {
		q := &a.Quotes[i]
		q.ArticleID = id
		if q.ID == "" {
			q.ID = storyline.QuoteID(id, i)
		}
		// the entity of a mention of this article that the speaker
		// names (storyline.SpeakerEntityName), or none: a speaker is
		// never an entity of its own
		if q.SpeakerEntity == "" && !q.Unnamed {
			q.SpeakerEntity = byName[entity.Fold(storyline.SpeakerEntityName(*q))]
		}
	}
	r.write(b)
	b.Queue(`INSERT INTO analyses (article_id, data, analysed_at) VALUES ($1, $2, $3)
		ON CONFLICT (article_id) DO UPDATE SET data = excluded.data, timexes = '[]', statements = '[]',
			analysed_at = excluded.analysed_at`,
		id, codec.Encode(a), nanos(s.Now()))
	if len(countOrder) > 0 {
		ns := make([]int32, len(countOrder))
		for i, eid := range countOrder {
			ns[i] = int32(count[eid])
		}
		b.Queue(`INSERT INTO entity_articles (entity_id, article_id, mentions)
			SELECT e, $2, n FROM unnest($1::text[], $3::int[]) AS v(e, n)`, countOrder, id, ns)
	}
	for _, row := range roleRows {
		b.Queue(`INSERT INTO entity_roles (entity_id, title, affiliation, article_id) VALUES ($1, $2, $3, $4)
			ON CONFLICT DO NOTHING`, row...)
	}
	for i := range a.Quotes {
		q := &a.Quotes[i]
		data, err := json.Marshal(q)
		if err != nil {
			return fmt.Errorf("quote %d: %w", i, err)
		}
		b.Queue(`INSERT INTO quotes (id, article_id, position, speaker_entity, speaker_key, data) VALUES ($1, $2, $3, $4, $5, $6)
			ON CONFLICT (id) DO UPDATE SET article_id = excluded.article_id, position = excluded.position,
				speaker_entity = excluded.speaker_entity, speaker_key = excluded.speaker_key, data = excluded.data`,
			q.ID, id, i, q.SpeakerEntity, noNUL(entity.Fold(q.Speaker)), noNUL(string(data)))
	}
	for _, eid := range countOrder {
		b.Queue(`UPDATE entities SET mention_count = mention_count + $2, article_count = article_count + 1 WHERE id = $1`, eid, count[eid])
	}
	// entities that only the previous analysis mentioned are gone, with
	// their keys and roles
	for _, c := range old {
		b.Queue(`WITH gone AS (DELETE FROM entities WHERE id = $1 AND mention_count = 0
				AND NOT EXISTS (SELECT 1 FROM quotes WHERE speaker_entity = $1) RETURNING id),
			keys AS (DELETE FROM entity_keys WHERE entity_id IN (SELECT id FROM gone))
			DELETE FROM entity_roles WHERE entity_id IN (SELECT id FROM gone)`, c.id)
	}
	return tx.SendBatch(ctx, b).Close()
}

// takenIDs reads the entity IDs in use among those create may give the
// names whose entity.NewID are $1: the ID itself and its "-2", "-3", ...
// forms. Each is a range scan of the primary key (IDs sort in "C" order,
// where '-' comes just before '.'), then checked exactly; a LIKE over the
// array instead made PostgreSQL test every entity against every pattern,
// most of an ingest's database time.
const takenIDs = `SELECT e.id FROM unnest($1::text[]) AS n(id)
	JOIN entities e ON e.id >= n.id COLLATE "C" AND e.id < (n.id || '.') COLLATE "C"
	WHERE e.id = n.id OR left(e.id, length(n.id) + 1) = n.id || '-'`

func noNULs(list []string) []string {
	for i, s := range list {
		list[i] = noNUL(s)
	}
	return list
}

func validKind(k storyline.EntityKind) bool {
	return k == storyline.Person || k == storyline.Org || k == storyline.Place
}

// resolver finds or creates canonical entities for one analysis, as the
// SQLite store's does, over the entities read for it: those under any key
// of its names, and those it creates or gives new keys. It writes nothing
// until write queues the changes.
type resolver struct {
	byKey   map[string][]*storyline.Entity
	byID    map[string]*storyline.Entity
	taken   map[string]bool              // entity IDs in use
	cache   map[string]*storyline.Entity // kind + folded name -> entity
	pending map[string]int               // entity ID -> mentions resolved to it so far
	created []*storyline.Entity
	changed map[string]bool // entities renamed or given aliases
	newKeys [][2]string     // key, entity ID
}

func newResolver() *resolver {
	return &resolver{byKey: map[string][]*storyline.Entity{}, byID: map[string]*storyline.Entity{},
		taken: map[string]bool{}, cache: map[string]*storyline.Entity{}, pending: map[string]int{},
		changed: map[string]bool{}}
}

// load reads the entities under the analysis's keys and the IDs taken.
func (r *resolver) load(res pgx.BatchResults) error {
	rows, err := res.Query()
	if err != nil {
		return err
	}
	for rows.Next() {
		var key, id, name, kind, aliases string
		var mentions, articles int
		if err := rows.Scan(&key, &id, &name, &kind, &aliases, &mentions, &articles); err != nil {
			rows.Close()
			return err
		}
		e := r.byID[id]
		if e == nil {
			e = &storyline.Entity{ID: id, Name: name, Kind: storyline.EntityKind(kind), Mentions: mentions, Articles: articles}
			if err := json.Unmarshal([]byte(aliases), &e.Aliases); err != nil {
				rows.Close()
				return fmt.Errorf("entity %s: aliases: %w", id, err)
			}
			r.byID[id] = e
		}
		r.byKey[key] = append(r.byKey[key], e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = res.Query()
	if err != nil {
		return err
	}
	taken, err := pgx.CollectRows(rows, pgx.RowTo[string])
	for _, id := range taken {
		r.taken[id] = true
	}
	return err
}

// candidates are the entities under any of keys, by ID, each with its
// mentions so far (this analysis's included).
func (r *resolver) candidates(keys []string) []*storyline.Entity {
	seen := map[string]bool{}
	var out []*storyline.Entity
	for _, k := range keys {
		for _, e := range r.byKey[k] {
			if !seen[e.ID] {
				seen[e.ID] = true
				c := *e
				c.Mentions += r.pending[e.ID]
				out = append(out, &c)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func (r *resolver) resolve(name string, kind storyline.EntityKind, alias string) *storyline.Entity {
	ck := string(kind) + "\x00" + entity.Fold(name)
	e := r.cache[ck]
	if e == nil {
		if m := entity.Match(name, kind, r.candidates(entity.Keys(name, kind))); m != nil {
			e = r.byID[m.ID]
		}
		switch {
		case e == nil:
			e = r.create(name, kind)
		case entity.Better(name, e.Name, kind):
			r.addAlias(e, e.Name)
			e.Name = name
			r.changed[e.ID] = true
			r.addKeys(e, name)
		case entity.Fold(name) != entity.Fold(e.Name):
			r.addAlias(e, name)
		}
		r.cache[ck] = e
	}
	if alias != "" && entity.Fold(alias) != entity.Fold(e.Name) {
		r.addAlias(e, alias)
	}
	return e
}

// create makes a new entity named name, under the first free ID of
// entity.NewID(name), -2, -3, ...
func (r *resolver) create(name string, kind storyline.EntityKind) *storyline.Entity {
	id := entity.NewID(name, kind)
	for i := 2; r.taken[id]; i++ {
		id = fmt.Sprintf("%s-%d", entity.NewID(name, kind), i)
	}
	r.taken[id] = true
	e := &storyline.Entity{ID: id, Name: name, Kind: kind, Aliases: []string{}}
	r.byID[id] = e
	r.created = append(r.created, e)
	r.addKeys(e, name)
	return e
}

// addAlias records another name of e (once, by its folded form).
func (r *resolver) addAlias(e *storyline.Entity, alias string) {
	f := entity.Fold(alias)
	if f == "" {
		return
	}
	for _, a := range e.Aliases {
		if entity.Fold(a) == f {
			return
		}
	}
	e.Aliases = append(e.Aliases, alias)
	r.changed[e.ID] = true
	r.addKeys(e, alias)
}

func (r *resolver) addKeys(e *storyline.Entity, name string) {
	for _, k := range entity.Keys(name, e.Kind) {
		if slices.Contains(r.byKey[k], e) {
			continue
		}
		r.byKey[k] = append(r.byKey[k], e)
		r.newKeys = append(r.newKeys, [2]string{k, e.ID})
	}
}

// write queues the new entities, the changed names and aliases, and the
// new keys.
func (r *resolver) write(b *pgx.Batch) {
	for _, e := range r.created {
		b.Queue(`INSERT INTO entities (id, name, kind, aliases) VALUES ($1, $2, $3, '[]')`, e.ID, noNUL(e.Name), string(e.Kind))
	}
	var changed []string
	for id := range r.changed {
		changed = append(changed, id)
	}
	sort.Strings(changed)
	for _, id := range changed {
		e := r.byID[id]
		aliases, _ := json.Marshal(nonNil(e.Aliases))
		b.Queue(`UPDATE entities SET name = $2, aliases = $3 WHERE id = $1`, id, noNUL(e.Name), noNUL(string(aliases)))
	}
	for _, k := range r.newKeys {
		b.Queue(`INSERT INTO entity_keys (key, entity_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, noNUL(k[0]), k[1])
	}
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
	rows, err := q.Query(ctx, `SELECT e.id, e.name, e.kind, e.aliases, e.mention_count, e.article_count
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
// of the articles that give each (undisputed ones only).
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
	// A page date its text disputes says nothing of when a role was held.
	rows, err := s.pool.Query(ctx, `SELECT r.entity_id, r.title, r.affiliation,
		CASE WHEN a.disputed = '' THEN a.published ELSE '' END
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
// has never been analysed: one query (the leader reads each article's).
func (s *Store) Analysis(ctx context.Context, articleID string) (*storyline.Analysis, error) {
	a := &storyline.Analysis{ArticleID: articleID}
	var data []byte
	var timexes, statements string
	var quotes []string
	err := s.pool.QueryRow(ctx, `SELECT data, timexes, statements,
			ARRAY(SELECT q.data FROM quotes q WHERE q.article_id = $1 ORDER BY q.position)
		FROM analyses WHERE article_id = $1`, articleID).Scan(&data, &timexes, &statements, &quotes)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, storyline.Errorf(storyline.ENOTFOUND, "article %q has not been analysed", articleID)
	}
	if err != nil {
		return nil, fmt.Errorf("read analysis of %s: %w", articleID, err)
	}
	if err := readAnalysis(ctx, s.pool, a, data, timexes, statements, codec.All); err != nil {
		return nil, fmt.Errorf("read analysis of %s: %w", articleID, err)
	}
	a.Quotes = make([]storyline.Quote, len(quotes))
	for i, q := range quotes {
		if err := json.Unmarshal([]byte(q), &a.Quotes[i]); err != nil {
			return nil, fmt.Errorf("read analysis of %s: quote %d: %w", articleID, i, err)
		}
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
	rows, err := s.pool.Query(ctx, `SELECT article_id, data, statements FROM analyses WHERE article_id = ANY($1)`, articleIDs)
	if err != nil {
		return nil, fmt.Errorf("read the statements of %d articles: %w", len(articleIDs), err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, statements string
		var data []byte
		if err := rows.Scan(&id, &data, &statements); err != nil {
			return nil, fmt.Errorf("read the statements of %d articles: %w", len(articleIDs), err)
		}
		a := storyline.Analysis{ArticleID: id}
		if err := readAnalysis(ctx, nil, &a, data, "[]", statements, codec.Statements); err != nil {
			return nil, fmt.Errorf("read the statements of article %s: %w", id, err)
		}
		out[id] = a.Statements
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the statements of %d articles: %w", len(articleIDs), err)
	}
	return out, nil
}

// Entities lists the entities that stored analyses mention, most
// mentioned first, then by name.
func (s *Store) Entities(ctx context.Context, f storyline.EntityFilter) ([]*storyline.Entity, error) {
	where := `WHERE e.mention_count > 0`
	var args []any
	if f.Kind != "" {
		args = append(args, string(f.Kind))
		where += ` AND e.kind = $1`
	}
	tail := `ORDER BY e.mention_count DESC, e.name COLLATE "C", e.id`
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

// Entity finds an entity by its ID, else by its name or an alias, or for a
// person by the surname alone, as entity.Lookup chooses among the
// entities those keys find; ENOTFOUND if none matches.
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
		best := entity.Lookup(nameOrID, cands)
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
		WHERE id IN (SELECT article_id FROM entity_articles WHERE entity_id = $1)`+articleOrder, entityID)
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

// readAnalysis fills the parts (codec.Mentions, ...) of a from its stored
// row: data, or for an analysis stored before migration 008 (data NULL)
// the JSON columns and the mentions table, read through q. Lists are
// never nil.
func readAnalysis(ctx context.Context, q querier, a *storyline.Analysis, data []byte, timexes, statements string, parts int) error {
	if data != nil {
		if err := codec.Decode(data, a, parts); err != nil {
			return err
		}
	} else {
		if parts&codec.Timexes != 0 {
			if err := json.Unmarshal([]byte(timexes), &a.Timexes); err != nil {
				return fmt.Errorf("timexes: %w", err)
			}
		}
		if parts&codec.Statements != 0 {
			if err := json.Unmarshal([]byte(statements), &a.Statements); err != nil {
				return fmt.Errorf("statements: %w", err)
			}
		}
		if parts&codec.Mentions != 0 {
			rows, err := q.Query(ctx, `SELECT start_, end_, text, kind, name, role, affiliation, via, entity_id
				FROM mentions WHERE article_id = $1 ORDER BY position`, a.ArticleID)
			if err != nil {
				return err
			}
			a.Mentions, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (storyline.Mention, error) {
				var m storyline.Mention
				var kind string
				err := r.Scan(&m.Start, &m.End, &m.Text, &kind, &m.Name, &m.Role, &m.Affiliation, &m.Via, &m.EntityID)
				m.Kind = storyline.EntityKind(kind)
				return m, err
			})
			if err != nil {
				return fmt.Errorf("mentions: %w", err)
			}
		}
	}
	codec.NotNil(a, parts)
	return nil
}
