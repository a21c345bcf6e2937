package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/entity"
	"github.com/storyline/storyline/internal/codec"
)

var _ storyline.AnalysisStore = (*Store)(nil)

// PutAnalysis replaces the stored analysis of one article. Each mention
// with a name is resolved to a canonical entity (entity.Match over the
// entities under entity.Keys of its name), which is created when none
// matches, renamed when the mention gives a fuller name, and given the
// mention's surface form as an alias; roles are recorded per article.
// Quotes get an ID when they have none and their speaker's entity: the
// entity of a mention of this article that the speaker names
// (storyline.SpeakerEntityName); a speaker that names none (an unnamed
// source, a pronoun left unresolved) gets no entity. The
// EntityID and SpeakerEntity fields of a are filled in. ENOTFOUND if the
// article is not stored; EINVALID for a mention or quote whose offsets do
// not fit.
func (s *Store) PutAnalysis(ctx context.Context, a *storyline.Analysis) error {
	return s.PutAnalyses(ctx, []*storyline.Analysis{a})
}

// PutAnalyses stores several analyses as PutAnalysis does, in one
// transaction: all of them, or none when one fails.
func (s *Store) PutAnalyses(ctx context.Context, list []*storyline.Analysis) error {
	if len(list) == 0 {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store analyses: %w", err)
	}
	defer tx.Rollback()
	w := &analysisWriter{txStmts: txStmts{ctx: ctx, tx: tx}, at: s.Now().UTC().Format(time.RFC3339Nano)}
	defer w.close()
	epoch, err := nextEpoch(&w.txStmts)
	if err != nil {
		return fmt.Errorf("store analyses: %w", err)
	}
	known := s.known.take(epoch)
	mentions := 0
	for _, a := range list {
		mentions += len(a.Mentions)
	}
	// a batch's maps sized for its names at once, not grown step by step
	// (Timeline17: 129,499 mentions of an entity in 51,346 pairs of an
	// entity and an article mentioning it, fewer distinct names a batch)
	w.counts = make(map[string][2]int, mentions/3)
	w.r = newResolver(&w.txStmts, known, &w.counts, mentions/3)
	if err := w.r.preload(list); err != nil {
		return fmt.Errorf("store analyses: %w", err)
	}
	if err := w.readStored(list); err != nil {
		return fmt.Errorf("store analyses: %w", err)
	}
	for _, a := range list {
		if err := w.put(a); err != nil {
			return err
		}
	}
	for _, p := range []*pendingIndex{w.entities, w.speakers} {
		if err := p.flush(&w.txStmts); err != nil {
			return fmt.Errorf("store analyses: %w", err)
		}
	}
	if err := w.flushCounts(); err != nil {
		return fmt.Errorf("store analyses: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store analyses: %w", err)
	}
	known.epoch = epoch
	s.known.give(known)
	return nil
}

// analysisWriter stores analyses inside one transaction.
type analysisWriter struct {
	txStmts
	r      *resolver
	enc    codec.Encoder
	at     string
	counts map[string][2]int // entity ID -> mentions and articles to add
	// stored says, of the batch's articles, which are stored (a key),
	// their rowid, and which of those have an analysis stored already.
	stored map[string]storedArticle
	// entities and speakers are the batch's rows of entity_index and
	// quote_index, written at its end.
	entities, speakers *pendingIndex
	// roles are the entity_roles rows to write: entity ID, title,
	// affiliation, article ID
	roles [][4]string
}

type storedArticle struct {
	seq      int64
	analysed bool
}

// readStored fills w.stored for the articles of list, in one query.
func (w *analysisWriter) readStored(list []*storyline.Analysis) error {
	ids := make([]string, len(list))
	for i, a := range list {
		ids[i] = a.ArticleID
	}
	rows, err := w.query(`SELECT a.id, a.seq, an.article_id IS NOT NULL FROM articles a
		LEFT JOIN analyses an ON an.article_id = a.id WHERE a.id IN `+idSet, idList(ids))
	if err != nil {
		return err
	}
	defer rows.Close()
	w.stored = make(map[string]storedArticle, len(list))
	w.entities = newPendingIndex("entity_index", "entities")
	w.speakers = newPendingIndex("quote_index", "speakers")
	for rows.Next() {
		var id string
		var st storedArticle
		if err := rows.Scan(&id, &st.seq, &st.analysed); err != nil {
			return err
		}
		w.stored[id] = st
	}
	return rows.Err()
}

// txStmts runs statements inside one transaction, each prepared once: a
// batch runs the same few statements thousands of times.
type txStmts struct {
	ctx   context.Context
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func (c *txStmts) stmt(query string) (*sql.Stmt, error) {
	if st, ok := c.stmts[query]; ok {
		return st, nil
	}
	st, err := c.tx.PrepareContext(c.ctx, query)
	if err != nil {
		return nil, err
	}
	if c.stmts == nil {
		c.stmts = map[string]*sql.Stmt{}
	}
	c.stmts[query] = st
	return st, nil
}

func (c *txStmts) exec(query string, args ...any) error {
	st, err := c.stmt(query)
	if err != nil {
		return err
	}
	_, err = st.ExecContext(c.ctx, args...)
	return err
}

// execCount runs a statement and returns how many rows it changed.
func (c *txStmts) execCount(query string, args ...any) (int64, error) {
	st, err := c.stmt(query)
	if err != nil {
		return 0, err
	}
	res, err := st.ExecContext(c.ctx, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func (c *txStmts) query(query string, args ...any) (*sql.Rows, error) {
	st, err := c.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(c.ctx, args...)
}

func (c *txStmts) queryRow(query string, args ...any) *sql.Row {
	st, err := c.stmt(query)
	if err != nil {
		return c.tx.QueryRowContext(c.ctx, query, args...) // reports the same error
	}
	return st.QueryRowContext(c.ctx, args...)
}

func (c *txStmts) close() {
	for _, st := range c.stmts {
		st.Close()
	}
}

// put replaces the analysis of one article.
func (w *analysisWriter) put(a *storyline.Analysis) error {
	if a.ArticleID == "" {
		return storyline.Errorf(storyline.EINVALID, "analysis has no article ID")
	}
	fail := func(err error) error { return fmt.Errorf("store analysis of %s: %w", a.ArticleID, err) }
	stored, ok := w.stored[a.ArticleID]
	analysed := stored.analysed
	if !ok {
		return storyline.Errorf(storyline.ENOTFOUND, "cannot store the analysis of article %q: no such article", a.ArticleID)
	}
	for i, m := range a.Mentions {
		if m.Start < 0 || m.End < m.Start {
			return storyline.Errorf(storyline.EINVALID, "analysis of %s: mention %d (%q) has offsets %d-%d", a.ArticleID, i, m.Text, m.Start, m.End)
		}
	}
	// an analysis made again with the same mentions and quotes (the
	// dating stage's, against an estimate) changes only its own row
	if analysed {
		same, err := w.sameEntities(a, stored)
		if err != nil {
			return fail(err)
		}
		if same {
			if err := w.exec(`UPDATE analyses SET data = ?, timexes = '[]', statements = '[]', mentions = '[]', analysed_at = ?
				WHERE article_id = ?`, w.enc.Encode(a), w.at, a.ArticleID); err != nil {
				return fail(err)
			}
			return nil
		}
	}
	// forget the previous analysis and its counts; remember which
	// entities it touched
	var old []string
	if analysed {
		var err error
		if old, err = w.forget(a.ArticleID, stored.seq); err != nil {
			return fail(err)
		}
	}
	w.stored[a.ArticleID] = storedArticle{seq: stored.seq, analysed: true} // a later analysis of the same article replaces this one
	r := w.r
	byName := make(map[string]string, len(a.Mentions)) // folded name -> entity ID, within this article
	counts := make(map[string]int, len(a.Mentions))    // entity ID -> mentions in this article
	var order []string
	for i := range a.Mentions {
		m := &a.Mentions[i]
		m.EntityID = ""
		if m.Name == "" || !validKind(m.Kind) {
			continue
		}
		e, err := r.resolve(m.Name, m.Kind, entity.Alias(*m))
		if err != nil {
			return fmt.Errorf("store analysis of %s: mention %q: %w", a.ArticleID, m.Text, err)
		}
		m.EntityID = e.ID
		byName[r.fold(m.Name)] = e.ID
		if counts[e.ID] == 0 {
			order = append(order, e.ID)
			w.count(e.ID, 1, 1)
		} else {
			w.count(e.ID, 1, 0)
		}
		counts[e.ID]++
		if m.Role != "" {
			w.roles = append(w.roles, [4]string{e.ID, m.Role, m.Affiliation, a.ArticleID})
		}
	}
	if len(order) > 0 {
		w.entities.add(stored.seq, entityTerms(order))
	}
	if err := w.exec(`INSERT INTO analyses (article_id, data, analysed_at) VALUES (?, ?, ?)
		ON CONFLICT (article_id) DO UPDATE SET data = excluded.data, timexes = '[]', statements = '[]',
			mentions = '[]', analysed_at = excluded.analysed_at`,
		a.ArticleID, w.enc.Encode(a), w.at); err != nil {
		return fail(err)
	}
	for i := range a.Quotes {
		q := &a.Quotes[i]
		q.ArticleID = a.ArticleID
		if q.ID == "" {
			q.ID = storyline.QuoteID(a.ArticleID, i)
		}
		if q.SpeakerEntity == "" && !q.Unnamed {
			q.SpeakerEntity = speakerEntity(q, byName, r.fold)
		}
	}
	if len(a.Quotes) > 0 {
		if err := w.exec(`INSERT INTO article_quotes (seq, data) VALUES (?, ?)`, stored.seq, codec.EncodeQuotes(a.Quotes)); err != nil {
			return fmt.Errorf("store analysis of %s: quotes: %w", a.ArticleID, err)
		}
		w.speakers.add(stored.seq, speakerTerms(a.Quotes, r.fold))
	}
	// entities that only the previous analysis mentioned are gone
	for _, id := range old {
		if err := w.flushCounts(); err != nil {
			return fail(err)
		}
		if err := w.speakers.flush(&w.txStmts); err != nil {
			return fail(err)
		}
		n, err := w.execCount(`DELETE FROM entities WHERE id = ? AND article_count = 0
			AND NOT EXISTS (SELECT 1 FROM quote_index WHERE quote_index MATCH ?)`, id, speakerEntityMatch(id))
		if err != nil {
			return fail(err)
		}
		if n == 1 {
			r.deleted = append(r.deleted, id) // its keys go at the next flush
		}
		r.forget(id)
	}
	return nil
}

// sameEntities reports whether the stored analysis of a's article has the
// same mentions and quotes as a: then storing a would resolve the same
// entities and write the same rows of them again. If so, a's mentions and
// quotes are given the stored entities and IDs, as put gives them.
func (w *analysisWriter) sameEntities(a *storyline.Analysis, stored storedArticle) (bool, error) {
	var found storyline.Analysis
	var blob []byte
	var data string
	err := w.queryRow(`SELECT data, mentions FROM analyses WHERE article_id = ?`, a.ArticleID).Scan(&blob, &data)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if err := readAnalysis(blob, "[]", "[]", data, &found, codec.Mentions); err != nil {
		return false, err
	}
	if len(found.Mentions) != len(a.Mentions) {
		return false, nil // no need to read its quotes
	}
	quotes, err := w.storedQuotes(stored.seq)
	if err != nil {
		return false, err
	}
	return a.SameAsStored(found.Mentions, quotes), nil
}

// forget deletes an article's previous analysis rows, takes its mentions
// out of the entities' counts, and returns the entities it touched.
func (w *analysisWriter) forget(articleID string, seq int64) ([]string, error) {
	var blob []byte
	var data string
	if err := w.queryRow(`SELECT data, mentions FROM analyses WHERE article_id = ?`, articleID).Scan(&blob, &data); err != nil {
		return nil, err
	}
	var stored storyline.Analysis
	if err := readAnalysis(blob, "[]", "[]", data, &stored, codec.Mentions); err != nil {
		return nil, err
	}
	counts := map[string]int{}
	var old []string
	for _, m := range stored.Mentions {
		if m.EntityID == "" {
			continue
		}
		if counts[m.EntityID] == 0 {
			old = append(old, m.EntityID)
		}
		counts[m.EntityID]++
		// the roles put filed for the mention (entity_roles has no index
		// by article: migration 020)
		if m.Role != "" {
			if err := w.exec(`DELETE FROM entity_roles WHERE entity_id = ? AND title = ? AND affiliation = ? AND article_id = ?`,
				m.EntityID, m.Role, m.Affiliation, articleID); err != nil {
				return nil, err
			}
		}
	}
	for _, id := range old {
		w.count(id, -counts[id], -1)
	}
	// a speaker-only entity of the previous quotes may be gone too
	quotes, err := w.storedQuotes(seq)
	if err != nil {
		return nil, err
	}
	for _, q := range quotes {
		if id := q.SpeakerEntity; id != "" && !slices.Contains(old, id) {
			old = append(old, id)
		}
	}
	for _, p := range []*pendingIndex{w.entities, w.speakers} {
		if err := p.remove(&w.txStmts, seq); err != nil {
			return nil, err
		}
	}
	w.roles = slices.DeleteFunc(w.roles, func(r [4]string) bool { return r[3] == articleID })
	if err := w.exec(`DELETE FROM article_quotes WHERE seq = ?`, seq); err != nil {
		return nil, err
	}
	return old, nil
}

// count adds mentions and articles to an entity's counts, written by
// flushCounts: once per entity and batch, however many of the batch's
// articles mention it.
func (w *analysisWriter) count(id string, mentions, articles int) {
	if w.counts == nil {
		w.counts = map[string][2]int{}
	}
	c := w.counts[id]
	w.counts[id] = [2]int{c[0] + mentions, c[1] + articles}
}

// flushCounts writes the entities, counts and roles of the analyses put
// so far.
func (w *analysisWriter) flushCounts() error {
	if w.counts == nil {
		w.counts = map[string][2]int{}
	}
	if err := w.r.flush(w.counts); err != nil {
		return err
	}
	for rows := w.roles; len(rows) > 0; {
		n := min(len(rows), 200)
		args := make([]any, 0, 4*n)
		for _, r := range rows[:n] {
			args = append(args, r[0], r[1], r[2], r[3])
		}
		if err := w.exec(`INSERT OR IGNORE INTO entity_roles (entity_id, title, affiliation, article_id) VALUES (?, ?, ?, ?)`+
			strings.Repeat(`, (?, ?, ?, ?)`, n-1), args...); err != nil {
			return fmt.Errorf("roles: %w", err)
		}
		rows = rows[n:]
	}
	w.roles = w.roles[:0]
	return nil
}

// speakerEntity returns the entity of the mention, among the article's
// (byName: folded name -> entity ID), that the quote's speaker names, or
// "". Only names become entities: a speaker is never one of its own.
// fold is entity.Fold, or a cache of it.
func speakerEntity(q *storyline.Quote, byName map[string]string, fold func(string) string) string {
	return byName[fold(storyline.SpeakerEntityName(*q))]
}

func validKind(k storyline.EntityKind) bool {
	return k == storyline.Person || k == storyline.Org || k == storyline.Place
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// candidatesQuery selects the entities indexed under any of a list of
// keys (idList), with their counts.
const candidatesQuery = `SELECT ` + entityColumns + ` FROM entities e
	WHERE e.id IN (SELECT entity_id FROM entity_keys WHERE key IN ` + idSet + `)`

// candidates loads the entities indexed under any of keys, with their
// mention counts.
func candidates(ctx context.Context, q querier, keys []string) ([]*storyline.Entity, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	return scanEntities(q.QueryContext(ctx, candidatesQuery, idList(keys)))
}

const entityColumns = `e.id, e.name, e.kind, e.aliases, e.mention_count, e.article_count`

// queryEntities reads entities with their mention and article counts.
func queryEntities(ctx context.Context, q querier, where, tail string, args ...any) ([]*storyline.Entity, error) {
	return scanEntities(q.QueryContext(ctx, `SELECT `+entityColumns+` FROM entities e `+where+` `+tail, args...))
}

// scanEntities reads the rows of a query of entityColumns.
func scanEntities(rows *sql.Rows, err error) ([]*storyline.Entity, error) {
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
	rows, err := s.hot.QueryContext(ctx, `SELECT r.entity_id, r.title, r.affiliation,
		CASE WHEN a.disputed = '' THEN a.published ELSE '' END
		FROM entity_roles r JOIN articles a ON a.id = r.article_id
		WHERE r.entity_id IN `+idSet, idList(ids))
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
			r = &storyline.Role{Title: k.title, Affiliation: k.aff, First: d, Last: d}
			found[k] = r
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
	var data []byte
	var timexes, statements, mentions string
	err := s.db.QueryRowContext(ctx, `SELECT data, timexes, statements, mentions FROM analyses WHERE article_id = ?`, articleID).
		Scan(&data, &timexes, &statements, &mentions)
	if err == sql.ErrNoRows {
		return nil, storyline.Errorf(storyline.ENOTFOUND, "article %q has not been analysed", articleID)
	}
	if err != nil {
		return nil, fmt.Errorf("read analysis of %s: %w", articleID, err)
	}
	if err := readAnalysis(data, timexes, statements, mentions, a, codec.All); err != nil {
		return nil, fmt.Errorf("read analysis of %s: %w", articleID, err)
	}
	if a.Quotes, err = s.Quotes(ctx, storyline.QuoteFilter{ArticleID: articleID}); err != nil {
		return nil, err
	}
	return a, nil
}

// readAnalysis reads the parts (codec.Mentions, ...) of a stored analysis
// into a, each not nil: from data, or for a row stored before migration
// 010 (data NULL) from its JSON columns.
func readAnalysis(data []byte, timexes, statements, mentions string, a *storyline.Analysis, parts int) error {
	if data != nil {
		return codec.Decode(data, a, parts)
	}
	for _, p := range []struct {
		part int
		name string
		json string
		into any
	}{
		{codec.Mentions, "mentions", mentions, &a.Mentions},
		{codec.Timexes, "timexes", timexes, &a.Timexes},
		{codec.Statements, "statements", statements, &a.Statements},
	} {
		if parts&p.part == 0 {
			continue
		}
		if err := json.Unmarshal([]byte(p.json), p.into); err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
	}
	codec.NotNil(a, parts)
	return nil
}

// Statements reads the statements of the analysed articles among
// articleIDs in one query, keyed by article ID, each article's in the
// order Analysis gives them. Articles never analysed are absent.
func (s *Store) Statements(ctx context.Context, articleIDs []string) (map[string][]storyline.Statement, error) {
	out := map[string][]storyline.Statement{}
	if len(articleIDs) == 0 {
		return out, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT article_id, data, statements FROM analyses WHERE article_id IN `+idSet, idList(articleIDs))
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
		var a storyline.Analysis
		if err := readAnalysis(data, "", statements, "", &a, codec.Statements); err != nil {
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
		where += ` AND e.kind = ?`
		args = append(args, string(f.Kind))
	}
	tail := `ORDER BY 5 DESC, e.name, e.id`
	if f.Limit > 0 {
		tail += fmt.Sprintf(` LIMIT %d`, f.Limit)
	}
	es, err := queryEntities(ctx, s.db, where, tail, args...)
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
	es, err := queryEntities(ctx, s.hot, `WHERE e.id = ?`, "", nameOrID)
	if err != nil {
		return nil, fmt.Errorf("find entity %q: %w", nameOrID, err)
	}
	if len(es) == 0 {
		cands, err := candidates(ctx, s.hot, entityKeys(nameOrID))
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

// entityKeys are the keys (entity.Keys) of a name as an entity of any
// kind: where Entity looks for it.
func entityKeys(name string) []string {
	var keys []string
	for _, k := range []storyline.EntityKind{storyline.Person, storyline.Org, storyline.Place} {
		keys = append(keys, entity.Keys(name, k)...)
	}
	return keys
}

// EntityNames returns the name of the entity Entity finds for each of
// names, keyed by the name asked for (names it finds none for are left
// out), reading the entities of all of them at once: the clustering
// stage names a batch's stories by their key entities' canonical names.
func (s *Store) EntityNames(ctx context.Context, names []string) (map[string]string, error) {
	out := make(map[string]string, len(names))
	// todo: each name to look up, with the names asked that it answers
	// (a name without its "the " answers for the name with it)
	todo := make(map[string][]string, len(names))
	for _, n := range names {
		todo[n] = append(todo[n], n)
	}
	// the entities PutAnalyses read and wrote, when nobody wrote any
	// since (known.go): a key read before is not read again
	known, err := s.knownNow(ctx)
	if err != nil {
		return nil, fmt.Errorf("find %d entities: %w", len(todo), err)
	}
	failed := true // a memory that failed to read keys is dropped
	if known != nil {
		defer func() {
			if !failed {
				s.known.give(known)
			}
		}()
	}
	for len(todo) > 0 {
		if err := s.entityNamesByID(ctx, todo, out); err != nil {
			return nil, fmt.Errorf("find %d entities: %w", len(todo), err)
		}
		keysOf := make(map[string][]string, len(todo))
		var keys []string
		for n := range todo {
			keysOf[n] = entityKeys(n)
			keys = append(keys, keysOf[n]...)
		}
		under, err := s.entitiesUnder(ctx, known, keys)
		if err != nil {
			return nil, fmt.Errorf("find %d entities: %w", len(todo), err)
		}
		next := map[string][]string{}
		for n, asked := range todo {
			var cands []*storyline.Entity
			seen := map[string]bool{}
			for _, k := range keysOf[n] {
				for _, e := range under(k) {
					if !seen[e.ID] {
						seen[e.ID] = true
						cands = append(cands, e)
					}
				}
			}
			if e := entity.Lookup(n, cands); e != nil {
				for _, a := range asked {
					out[a] = e.Name
				}
			} else if rest, ok := cutThe(n); ok {
				next[rest] = append(next[rest], asked...)
			}
		}
		todo = next
	}
	failed = false
	return out, nil
}

// entityNamesByID answers, in out, the names of todo that are entity
// IDs, and takes them out of todo.
func (s *Store) entityNamesByID(ctx context.Context, todo map[string][]string, out map[string]string) error {
	ids := make([]string, 0, len(todo))
	for n := range todo {
		ids = append(ids, n)
	}
	rows, err := s.hot.QueryContext(ctx, `SELECT id, name FROM entities WHERE id IN `+idSet, idList(ids))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, name string
		if err := rows.Scan(&id, &name); err != nil {
			return err
		}
		for _, a := range todo[id] {
			out[a] = name
		}
		delete(todo, id)
	}
	return rows.Err()
}

// knownNow returns what PutAnalyses knows of the entities (known.go)
// if it is true of the database now, for the caller to give back; else
// nil.
func (s *Store) knownNow(ctx context.Context) (*knownEntities, error) {
	rows, err := s.hot.QueryContext(ctx, `SELECT n FROM entity_epoch`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	if !rows.Next() {
		return nil, rows.Err()
	}
	var epoch int64
	if err := rows.Scan(&epoch); err != nil {
		return nil, err
	}
	return s.known.takeAt(epoch), rows.Err()
}

// entitiesUnder reads the entities indexed under keys, with their counts,
// and returns those under each key: from known, reading only the keys it
// has not read, or when known is nil from the database.
func (s *Store) entitiesUnder(ctx context.Context, known *knownEntities, keys []string) (func(key string) []*storyline.Entity, error) {
	if known == nil {
		byKey, err := entitiesByKey(ctx, s.hot, keys)
		if err != nil {
			return nil, err
		}
		return func(key string) []*storyline.Entity { return byKey[key] }, nil
	}
	query := func(q string, args ...any) (*sql.Rows, error) { return s.hot.QueryContext(ctx, q, args...) }
	if err := known.load(query, keys); err != nil {
		return nil, err
	}
	return known.under, nil
}

// entitiesByKey reads the entities indexed under any of keys, with their
// counts, by key.
func entitiesByKey(ctx context.Context, q querier, keys []string) (map[string][]*storyline.Entity, error) {
	out := map[string][]*storyline.Entity{}
	if len(keys) == 0 {
		return out, nil
	}
	rows, err := q.QueryContext(ctx, keysQuery, idList(keys))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var key, kind, aliases string
		e := &storyline.Entity{Roles: []storyline.Role{}}
		if err := rows.Scan(&key, &e.ID, &e.Name, &kind, &aliases, &e.Mentions, &e.Articles); err != nil {
			return nil, err
		}
		e.Kind = storyline.EntityKind(kind)
		if err := json.Unmarshal([]byte(aliases), &e.Aliases); err != nil {
			return nil, fmt.Errorf("entity %s: aliases: %w", e.ID, err)
		}
		out[key] = append(out[key], e)
	}
	return out, rows.Err()
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
	ids, err := stringsQuery(ctx, s.db, `SELECT a.id FROM articles a
		WHERE a.seq IN (SELECT rowid FROM entity_index WHERE entity_index MATCH ?)
		ORDER BY a.published_first IS NULL, a.published_first, a.published_precision, a.id`, entityMatch(entityID))
	if err != nil {
		return nil, fmt.Errorf("list articles of entity %s: %w", entityID, err)
	}
	return nonNil(ids), nil
}

func stringsQuery(ctx context.Context, q querier, query string, args ...any) ([]string, error) {
	return stringsOf(q.QueryContext(ctx, query, args...))
}

// stringsOf reads the rows of a query of one string column.
func stringsOf(rows *sql.Rows, err error) ([]string, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
