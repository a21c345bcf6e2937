package sqlite

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/entity"
)

// resolver finds or creates canonical entities inside one transaction,
// which may store many analyses. It holds one copy of each entity it has
// seen, which its changes (renames, aliases) keep up to date, and writes
// what changed at flush: once an entity and batch, however many of the
// batch's mentions changed it.
type resolver struct {
	*txStmts
	// what earlier batches and this one read and wrote of the stored
	// entities
	*knownEntities
	cache   map[kindName]*storyline.Entity // kind and folded name -> entity
	pending *map[string][2]int             // the writer's counts not yet written

	// not written yet: entities created (in order), stored entities
	// renamed or given aliases, keys added
	created []*storyline.Entity
	changed map[string]*storyline.Entity
	keys    [][2]string // key, entity ID
	// deleted are the IDs of entities deleted, whose keys flush deletes
	// (before it writes the keys of any entity made again with one)
	deleted []string
	// what resolve did already, to do it once a batch: the entity of a
	// name as written, the aliases filed
	written map[kindName]*storyline.Entity // kind and name -> entity
	filed   map[filedAlias]bool

	// ids are the IDs of the entities created and not written yet
	ids map[string]bool
}

// newResolver returns a resolver whose maps have room for about names
// names.
func newResolver(c *txStmts, known *knownEntities, pending *map[string][2]int, names int) *resolver {
	return &resolver{txStmts: c, knownEntities: known, cache: make(map[kindName]*storyline.Entity, names), pending: pending,
		changed: map[string]*storyline.Entity{}, ids: map[string]bool{},
		written: make(map[kindName]*storyline.Entity, names), filed: make(map[filedAlias]bool, names)}
}

// filedAlias is an alias resolve has given an entity (or found it had).
type filedAlias struct {
	e     *storyline.Entity
	alias string
}

// fold is entity.Fold, each name folded once a run (knownEntities).
func (r *resolver) fold(name string) string {
	f, ok := r.folded[name]
	if !ok {
		f = entity.Fold(name)
		r.folded[name] = f
	}
	return f
}

// forget drops a deleted entity.
func (r *resolver) forget(id string) {
	delete(r.byID, id)
	delete(r.base, id)
	delete(r.ids, id)
	delete(r.stored, id) // deleted, or kept for another article's quote
	for k, e := range r.cache {
		if e.ID == id {
			delete(r.cache, k)
		}
	}
	for k, e := range r.written {
		if e.ID == id {
			delete(r.written, k)
		}
	}
	for k, es := range r.byKey {
		if i := slices.IndexFunc(es, func(e *storyline.Entity) bool { return e.ID == id }); i >= 0 {
			r.byKey[k] = slices.Delete(es, i, i+1)
			r.stale = append(r.stale, k)
		}
	}
}

// keysQuery reads the entities indexed under a list of keys (idList), with
// the key each is found under and their counts.
const keysQuery = `SELECT k.key, ` + entityColumns + ` FROM entity_keys k JOIN entities e ON e.id = k.entity_id
	WHERE k.key IN ` + idSet

// preload reads at once the entities indexed under the keys of every name
// the analyses mention, so that resolving them reads nothing
// more. The transaction holds the database's write lock, so nobody else
// changes them meanwhile.
func (r *resolver) preload(list []*storyline.Analysis) error {
	var keys, ids []string
	n := 0
	for _, a := range list {
		n += len(a.Mentions)
	}
	seen := make(map[kindName]bool, n/3)
	for _, a := range list {
		for _, m := range a.Mentions {
			kn := kindName{m.Kind, m.Name}
			if m.Name == "" || !validKind(m.Kind) || seen[kn] {
				continue
			}
			seen[kn] = true
			nk := r.of(m.Name, m.Kind)
			keys = append(keys, nk.keys...)
			ids = append(ids, nk.id)
		}
	}
	if err := r.load(keys); err != nil {
		return err
	}
	// and which of the IDs an entity made of each name would have are
	// taken (of those not checked yet)
	ids = slices.DeleteFunc(ids, func(id string) bool {
		_, known := r.stored[id]
		return known
	})
	if len(ids) == 0 {
		return nil
	}
	taken, err := stringsOf(r.query(`SELECT id FROM entities WHERE id IN `+idSet, idList(ids)))
	if err != nil {
		return err
	}
	for _, id := range ids {
		r.stored[id] = false
	}
	for _, id := range taken {
		r.stored[id] = true
	}
	return nil
}

// load reads the entities under those of keys not read yet.
func (r *resolver) load(keys []string) error { return r.knownEntities.load(r.query, keys) }

// candidates returns the entities under any of keys, by ID, with their
// counts as this transaction has them.
func (r *resolver) candidates(keys []string) ([]*storyline.Entity, error) {
	if err := r.load(keys); err != nil {
		return nil, err
	}
	var out []*storyline.Entity
	for _, k := range keys {
		for _, e := range r.byKey[k] {
			if !slices.Contains(out, e) {
				out = append(out, e)
			}
		}
	}
	slices.SortFunc(out, func(a, b *storyline.Entity) int { return strings.Compare(a.ID, b.ID) })
	for _, e := range out {
		b, p := r.base[e.ID], (*r.pending)[e.ID] // written, and counted in this transaction
		e.Mentions, e.Articles = b[0]+p[0], b[1]+p[1]
	}
	return out, nil
}

func (r *resolver) resolve(name string, kind storyline.EntityKind, alias string) (*storyline.Entity, error) {
	wk := kindName{kind, name}
	e := r.written[wk]
	if e == nil {
		var err error
		if e, err = r.resolveFolded(name, kind); err != nil {
			return nil, err
		}
		r.written[wk] = e
	}
	// an alias filed once stays filed (or the entity's name) whatever
	// happens to the entity in this batch
	if fa := (filedAlias{e, alias}); alias != "" && !r.filed[fa] {
		r.filed[fa] = true
		if r.fold(alias) != r.fold(e.Name) {
			r.addAlias(e, alias)
		}
	}
	return e, nil
}

// resolveFolded finds, or creates, the entity of a name by its folded
// form.
func (r *resolver) resolveFolded(name string, kind storyline.EntityKind) (*storyline.Entity, error) {
	ck := kindName{kind, r.fold(name)}
	e := r.cache[ck]
	if e == nil {
		cands, err := r.candidates(r.of(name, kind).keys)
		if err != nil {
			return nil, err
		}
		e = entity.MatchFolding(name, kind, cands, r.fold)
		if e == nil {
			if e, err = r.create(name, kind); err != nil {
				return nil, err
			}
		} else if entity.Better(name, e.Name, kind) {
			r.addAlias(e, e.Name)
			e.Name = name
			r.addKeys(e, name)
			r.change(e)
		} else if r.fold(name) != r.fold(e.Name) {
			r.addAlias(e, name)
		}
		r.byID[e.ID] = e
		r.cache[ck] = e
	}
	return e, nil
}

// create makes a new entity of that name, under its ID (entity.NewID) or,
// when another entity has that, the ID with a number after it.
func (r *resolver) create(name string, kind storyline.EntityKind) (*storyline.Entity, error) {
	id := r.of(name, kind).id
	e := &storyline.Entity{ID: id, Name: name, Kind: kind, Aliases: []string{}}
	for i := 2; ; i++ {
		taken, known := r.stored[e.ID]
		if !known {
			err := r.queryRow(`SELECT 1 FROM entities WHERE id = ?`, e.ID).Scan(new(int))
			if err != nil && err != sql.ErrNoRows {
				return nil, err
			}
			taken = err == nil
		}
		taken = taken || r.ids[e.ID]
		if !taken {
			break
		}
		e.ID = fmt.Sprintf("%s-%d", id, i)
	}
	r.ids[e.ID] = true
	r.created = append(r.created, e)
	r.base[e.ID] = [2]int{}
	r.addKeys(e, name)
	return e, nil
}

// change notes that a stored entity's name or aliases changed.
func (r *resolver) change(e *storyline.Entity) {
	if !r.ids[e.ID] {
		r.changed[e.ID] = e
	}
}

// addAlias records another name of e (once, by its folded form).
func (r *resolver) addAlias(e *storyline.Entity, alias string) {
	f := r.fold(alias)
	if f == "" {
		return
	}
	for _, a := range e.Aliases {
		if r.fold(a) == f {
			return
		}
	}
	e.Aliases = append(e.Aliases, alias)
	r.change(e)
	r.addKeys(e, alias)
}

// addKeys files e under the keys of name, in memory now and in
// entity_keys at flush.
func (r *resolver) addKeys(e *storyline.Entity, name string) {
	for _, k := range r.of(name, e.Kind).keys {
		if r.index(k, e) {
			r.keys = append(r.keys, [2]string{k, e.ID})
		}
	}
}

// flush writes the entities created and changed, their keys and the
// counts the writer added up (counts, entity ID -> mentions and articles
// to add), and clears counts.
func (r *resolver) flush(counts map[string][2]int) error {
	// new entities with their counts, several a statement. OR FAIL: a
	// failing row fails the transaction (PutAnalyses rolls it back), so
	// the statement needs no journal of its own to undo its earlier rows,
	// as the default (ABORT) would.
	const entityRow = `(?, ?, ?, ?, ?, ?)`
	for rows := r.created; len(rows) > 0; {
		n := min(len(rows), 150)
		args := make([]any, 0, 6*n)
		for _, e := range rows[:n] {
			c := counts[e.ID]
			delete(counts, e.ID)
			args = append(args, e.ID, e.Name, string(e.Kind), aliasesJSON(e), c[0], c[1])
			r.base[e.ID] = c
			r.stored[e.ID] = true // a stored entity from now on
			delete(r.ids, e.ID)
		}
		if err := r.exec(`INSERT OR FAIL INTO entities (id, name, kind, aliases, mention_count, article_count) VALUES `+
			entityRow+strings.Repeat(`, `+entityRow, n-1), args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	r.created = r.created[:0]
	if len(r.deleted) > 0 {
		if err := r.exec(`DELETE FROM entity_keys WHERE entity_id IN `+idSet, idList(r.deleted)); err != nil {
			return err
		}
		r.deleted = r.deleted[:0]
	}
	for rows := r.keys; len(rows) > 0; {
		n := min(len(rows), 400)
		args := make([]any, 0, 2*n)
		for _, k := range rows[:n] {
			args = append(args, k[0], k[1])
		}
		if err := r.exec(`INSERT OR IGNORE INTO entity_keys (key, entity_id) VALUES (?, ?)`+
			strings.Repeat(`, (?, ?)`, n-1), args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	r.keys = r.keys[:0]
	// stored entities: name and aliases if changed, counts
	named := make([]any, 0, 5*len(r.changed))
	for id, e := range r.changed {
		c := counts[id]
		delete(counts, id)
		named = append(named, id, e.Name, aliasesJSON(e), c[0], c[1])
		r.addBase(id, c)
	}
	clear(r.changed)
	if err := r.update(`name = v.column2, aliases = v.column3, mention_count = mention_count + v.column4,
		article_count = article_count + v.column5`, 5, named); err != nil {
		return err
	}
	counted := make([]any, 0, 3*len(counts))
	for id, c := range counts {
		if c == [2]int{} {
			continue
		}
		counted = append(counted, id, c[0], c[1])
		r.addBase(id, c)
	}
	clear(counts)
	return r.update(`mention_count = mention_count + v.column2, article_count = article_count + v.column3`, 3, counted)
}

// update sets the columns of the stored entities whose rows args holds
// (ID first, then the values set reads as v.column2 and after), several
// entities a statement (OR FAIL, as the inserts in flush).
func (r *resolver) update(set string, width int, args []any) error {
	const perStatement = 200
	row := `(?` + strings.Repeat(`, ?`, width-1) + `)`
	for len(args) > 0 {
		n := min(len(args)/width, perStatement)
		if err := r.exec(`UPDATE OR FAIL entities SET `+set+` FROM (VALUES `+row+strings.Repeat(`, `+row, n-1)+`) AS v
			WHERE entities.id = v.column1`, args[:n*width]...); err != nil {
			return err
		}
		args = args[n*width:]
	}
	return nil
}

func (r *resolver) addBase(id string, c [2]int) {
	if b, ok := r.base[id]; ok {
		r.base[id] = [2]int{b[0] + c[0], b[1] + c[1]}
	}
}

func aliasesJSON(e *storyline.Entity) string {
	b, _ := json.Marshal(e.Aliases) // strings always marshal
	return string(b)
}
