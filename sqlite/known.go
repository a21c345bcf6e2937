package sqlite

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/entity"
)

// knownEntities is what the resolver has read and written of the stored
// entities: the entities under each key it looked up, their counts as
// stored, and which IDs are taken. A Store keeps it from one PutAnalyses
// to the next, so that a key is read from the database once a run rather
// than once a batch (the keys of common names hold more entities the
// larger the store, and every batch meets most of them again).
//
// It is true only while no one else writes entities: every PutAnalyses
// adds one to entity_epoch (migration 018) in its transaction, and the
// next one trusts what it knows only if the epoch is the one it left.
// Another process, or another PutAnalyses of this one running at the
// same time, makes it start afresh.
type knownEntities struct {
	epoch  int64 // entity_epoch after the transaction that left it
	byID   map[string]*storyline.Entity
	byKey  map[string][]*storyline.Entity // entity.Keys -> the entities under it
	loaded map[string]bool                // keys all of whose entities are in byKey
	base   map[string][2]int              // mentions and articles as written
	// stored says, of the IDs checked, whether an entity has it
	stored map[string]bool
	// names are the keys and new IDs of the names met, folded the names
	// and aliases met (pure functions of the name, computed once)
	names  map[kindName]nameKeys
	folded map[string]string
	// stale are keys an entity was dropped from (deleted, or kept for a
	// quote) while the batch went on: read again by the next batch
	stale []string
}

// maxKnown is how many entities, names and folded names a Store
// remembers: past it (a server running for months) it starts afresh.
// Timeline17 leaves about 17,000 entities and 30,000 names; each costs a
// few hundred bytes.
const maxKnown = 200_000

func newKnownEntities() *knownEntities {
	return &knownEntities{byID: map[string]*storyline.Entity{}, byKey: map[string][]*storyline.Entity{},
		loaded: map[string]bool{}, base: map[string][2]int{}, stored: map[string]bool{}, names: map[kindName]nameKeys{},
		folded: map[string]string{}}
}

// kindName is a name as a mention gives it, with its kind.
type kindName struct {
	kind storyline.EntityKind
	name string
}

// nameKeys are what entity.Keys and entity.NewID give for a name.
type nameKeys struct {
	keys []string
	id   string
}

// of returns the keys and new ID of a name, each computed once.
func (k *knownEntities) of(name string, kind storyline.EntityKind) nameKeys {
	kn := kindName{kind, name}
	nk, ok := k.names[kn]
	if !ok {
		nk = nameKeys{keys: entity.Keys(name, kind), id: entity.NewID(name, kind)}
		k.names[kn] = nk
	}
	return nk
}

// load reads the entities under those of keys not read yet, with query
// (keysQuery and its argument).
func (k *knownEntities) load(query func(q string, args ...any) (*sql.Rows, error), keys []string) error {
	var want []string
	for _, key := range keys {
		if !k.loaded[key] {
			k.loaded[key] = true
			want = append(want, key)
		}
	}
	if len(want) == 0 {
		return nil
	}
	rows, err := query(keysQuery, idList(want))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var key, kind, aliases string
		e := &storyline.Entity{Roles: []storyline.Role{}}
		if err := rows.Scan(&key, &e.ID, &e.Name, &kind, &aliases, &e.Mentions, &e.Articles); err != nil {
			return err
		}
		if cur := k.byID[e.ID]; cur != nil {
			e = cur // the copy the resolver has been changing
		} else {
			e.Kind = storyline.EntityKind(kind)
			if err := json.Unmarshal([]byte(aliases), &e.Aliases); err != nil {
				return fmt.Errorf("entity %s: aliases: %w", e.ID, err)
			}
			k.byID[e.ID] = e
			k.base[e.ID] = [2]int{e.Mentions, e.Articles}
		}
		k.index(key, e)
	}
	return rows.Err()
}

// index files e under key, once, and reports whether it was not yet.
func (k *knownEntities) index(key string, e *storyline.Entity) bool {
	for _, x := range k.byKey[key] {
		if x.ID == e.ID {
			return false
		}
	}
	k.byKey[key] = append(k.byKey[key], e)
	return true
}

// under returns the entities under key as stored, each a copy with its
// counts as written; load must have read key.
func (k *knownEntities) under(key string) []*storyline.Entity {
	es := k.byKey[key]
	out := make([]*storyline.Entity, len(es))
	for i, e := range es {
		c := *e
		b := k.base[e.ID]
		c.Mentions, c.Articles = b[0], b[1]
		out[i] = &c
	}
	return out
}

// forgetStale makes the keys an entity was dropped from read again.
func (k *knownEntities) forgetStale() {
	for _, key := range k.stale {
		delete(k.byKey, key)
		delete(k.loaded, key)
	}
	k.stale = k.stale[:0]
}

// knownCache hands a Store's knownEntities to one PutAnalyses at a time.
type knownCache struct {
	mu    sync.Mutex
	known *knownEntities
}

// take returns what the last PutAnalyses left (nil if none or another
// one has it), for a transaction that bumped entity_epoch to epoch.
func (c *knownCache) take(epoch int64) *knownEntities {
	c.mu.Lock()
	k := c.known
	c.known = nil
	c.mu.Unlock()
	if k == nil || k.epoch != epoch-1 || len(k.byID)+len(k.names)+len(k.folded) > maxKnown {
		return newKnownEntities()
	}
	return k
}

// takeAt returns what the last PutAnalyses left if it is true of a
// database whose entity_epoch is epoch (nobody wrote entities since), or
// nil; give hands it back. EntityNames reads through it.
func (c *knownCache) takeAt(epoch int64) *knownEntities {
	c.mu.Lock()
	defer c.mu.Unlock()
	k := c.known
	if k == nil || k.epoch != epoch {
		return nil
	}
	c.known = nil
	return k
}

// give keeps k for the next PutAnalyses, after the transaction that
// brought entity_epoch to k.epoch committed.
func (c *knownCache) give(k *knownEntities) {
	k.forgetStale()
	c.mu.Lock()
	c.known = k
	c.mu.Unlock()
}

// nextEpoch adds one to entity_epoch and returns it.
func nextEpoch(c *txStmts) (int64, error) {
	var n int64
	err := c.queryRow(`UPDATE entity_epoch SET n = n + 1 RETURNING n`).Scan(&n)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	return n, err
}
