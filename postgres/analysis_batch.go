package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/entity"
	"github.com/storyline/storyline/internal/codec"
)

// putFreshAnalyses stores a batch of analyses of articles never analysed
// before (what an ingest and the queue's workers store) in two round
// trips for the whole batch, in a transaction it begins in the first and
// commits in the second, however many analyses, mentions, entities and
// quotes it holds: the lock, the articles' presence and every entity any
// of their names may resolve to; and the analyses (internal/codec), the
// entities, keys, which article mentions which entity, roles, quotes and
// counts, each one statement over arrays. Names are resolved in memory article by article
// in list order, as PutAnalysis one after the other would: the same
// entities, IDs, names and aliases. It reports done false, having written
// nothing, when the batch is not of that kind (an article analysed before,
// or twice in the list): the caller then stores them one by one.
func (s *Store) putFreshAnalyses(ctx context.Context, conn *pgxpool.Conn, list []*storyline.Analysis) (done bool, err error) {
	ids := make([]string, len(list))
	seen := make(map[string]bool, len(list))
	for i, a := range list {
		if seen[a.ArticleID] {
			return false, nil
		}
		seen[a.ArticleID] = true
		ids[i] = a.ArticleID
	}
	// Every entity their names may resolve to, read with the lock taken
	// and the articles checked, in one round trip: the lock is held until
	// the commit, and the workers take turns at it.
	var keys, nids []string
	named := map[string]bool{} // kind and name
	for _, a := range list {
		for _, m := range a.Mentions {
			if nk := string(m.Kind) + "\x00" + m.Name; m.Name != "" && validKind(m.Kind) && !named[nk] {
				named[nk] = true
				keys = append(keys, entity.Keys(m.Name, m.Kind)...)
				nids = append(nids, entity.NewID(m.Name, m.Kind))
			}
		}
	}
	sort.Strings(keys)
	keys = compact(keys)
	sort.Strings(nids)
	nids = compact(nids)
	b := &pgx.Batch{}
	b.Queue(`BEGIN`)
	b.Queue(`SELECT pg_advisory_xact_lock($1)`, int64(entityLock))
	b.Queue(`SELECT id FROM articles WHERE id = ANY($1)`, ids)
	b.Queue(`SELECT count(*) FROM analyses WHERE article_id = ANY($1)`, ids)
	b.Queue(`SELECT k.key, e.id, e.name, e.kind, e.aliases, e.mention_count, e.article_count
		FROM entity_keys k JOIN entities e ON e.id = k.entity_id WHERE k.key = ANY($1) ORDER BY e.id, k.key`, noNULs(keys))
	b.Queue(takenIDs, nids)
	r := newResolver()
	res := conn.SendBatch(ctx, b)
	for range 2 { // BEGIN, the lock
		if _, err := res.Exec(); err != nil {
			res.Close()
			return false, err
		}
	}
	rows, err := res.Query()
	var stored []string
	if err == nil {
		stored, err = pgx.CollectRows(rows, pgx.RowTo[string])
	}
	var analysed int
	if err == nil {
		err = res.QueryRow().Scan(&analysed)
	}
	if err == nil {
		err = r.load(res)
	}
	if cerr := res.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return false, err
	}
	have := make(map[string]bool, len(stored))
	for _, id := range stored {
		have[id] = true
	}
	for _, id := range ids {
		if !have[id] {
			return false, storyline.Errorf(storyline.ENOTFOUND, "cannot store the analysis of article %q: no such article", id)
		}
	}
	if analysed > 0 {
		return false, nil // replacing analyses: one by one
	}

	// Resolve, in memory, article by article.
	var eaEntity, eaArticle []string // which article mentions which entity,
	var eaCount []int32              // how often
	blobs := make([][]byte, len(list))
	var roleEntity, roleTitle, roleAff, roleArticle []string
	count := map[string][2]int{} // entity ID -> mentions, articles
	var countOrder []string
	quoteAt := map[string]int{} // quote ID -> index in the quote arrays
	var qID, qArticle, qSpeaker, qKey, qData []string
	var qPos []int32
	for ai, a := range list {
		id := a.ArticleID
		r.cache = map[string]*storyline.Entity{} // PutAnalysis resolves each article afresh
		roles := map[[3]string]bool{}
		byName := map[string]string{}
		mine := map[string]int{} // entity ID -> its index in the ea arrays
		for i := range a.Mentions {
			m := &a.Mentions[i]
			m.EntityID = ""
			if m.Name != "" && validKind(m.Kind) {
				e := r.resolve(m.Name, m.Kind, entity.Alias(*m))
				m.EntityID = e.ID
				c, ok := count[e.ID]
				if !ok {
					countOrder = append(countOrder, e.ID)
				}
				c[0]++
				if _, ok := mine[e.ID]; !ok {
					c[1]++
				}
				count[e.ID] = c
				if j, ok := mine[e.ID]; ok {
					eaCount[j]++
				} else {
					mine[e.ID] = len(eaEntity)
					eaEntity, eaArticle, eaCount = append(eaEntity, e.ID), append(eaArticle, id), append(eaCount, 1)
				}
				r.pending[e.ID]++
				byName[entity.Fold(m.Name)] = e.ID
				if k := [3]string{e.ID, noNUL(m.Role), noNUL(m.Affiliation)}; m.Role != "" && !roles[k] {
					roles[k] = true
					roleEntity, roleTitle, roleAff = append(roleEntity, k[0]), append(roleTitle, k[1]), append(roleAff, k[2])
					roleArticle = append(roleArticle, id)
				}
			}
		}
		for i := range a.Quotes {
			q := &a.Quotes[i]
			q.ArticleID = id
			if q.ID == "" {
				q.ID = storyline.QuoteID(id, i)
			}
			if q.SpeakerEntity == "" && !q.Unnamed {
				q.SpeakerEntity = byName[entity.Fold(storyline.SpeakerEntityName(*q))]
			}
			data, err := json.Marshal(q)
			if err != nil {
				return false, fmt.Errorf("quote %d of %s: %w", i, id, err)
			}
			// A quote ID given twice: the later one stays, as when
			// stored one after the other.
			j, ok := quoteAt[q.ID]
			if !ok {
				j = len(qID)
				quoteAt[q.ID] = j
				qID, qArticle, qSpeaker, qKey, qData = append(qID, ""), append(qArticle, ""), append(qSpeaker, ""), append(qKey, ""), append(qData, "")
				qPos = append(qPos, 0)
			}
			qID[j], qArticle[j], qPos[j], qSpeaker[j] = q.ID, id, int32(i), q.SpeakerEntity
			qKey[j], qData[j] = noNUL(entity.Fold(q.Speaker)), noNUL(string(data))
		}
		blobs[ai] = codec.Encode(a)
	}

	b = &pgx.Batch{}
	b.Queue(`INSERT INTO analyses (article_id, data, analysed_at)
		SELECT id, d, $3 FROM unnest($1::text[], $2::bytea[]) AS v(id, d)`, ids, blobs, nanos(s.Now()))
	if len(eaEntity) > 0 {
		b.Queue(`INSERT INTO entity_articles (entity_id, article_id, mentions)
			SELECT * FROM unnest($1::text[], $2::text[], $3::int[])`, eaEntity, eaArticle, eaCount)
	}
	// New entities are written once, with their names, aliases and
	// counts as the batch leaves them; those stored before are updated.
	created := make(map[string]bool, len(r.created))
	if len(r.created) > 0 {
		var eid, name, kind, aliases []string
		var ms, as []int32
		for _, e := range r.created {
			created[e.ID] = true
			al, _ := json.Marshal(nonNil(e.Aliases))
			eid, name, kind, aliases = append(eid, e.ID), append(name, noNUL(e.Name)), append(kind, string(e.Kind)), append(aliases, noNUL(string(al)))
			ms, as = append(ms, int32(count[e.ID][0])), append(as, int32(count[e.ID][1]))
		}
		b.Queue(`INSERT INTO entities (id, name, kind, aliases, mention_count, article_count)
			SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[])`, eid, name, kind, aliases, ms, as)
	}
	var changed []string
	for id := range r.changed {
		if !created[id] {
			changed = append(changed, id)
		}
	}
	if len(changed) > 0 {
		sort.Strings(changed)
		var name, aliases []string
		for _, id := range changed {
			e := r.byID[id]
			al, _ := json.Marshal(nonNil(e.Aliases))
			name, aliases = append(name, noNUL(e.Name)), append(aliases, noNUL(string(al)))
		}
		b.Queue(`UPDATE entities e SET name = v.name, aliases = v.aliases
			FROM unnest($1::text[], $2::text[], $3::text[]) AS v(id, name, aliases) WHERE e.id = v.id`, changed, name, aliases)
	}
	if len(r.newKeys) > 0 {
		// in the primary key's order: the B-tree is written page by page
		slices.SortFunc(r.newKeys, func(a, b [2]string) int {
			if c := strings.Compare(a[0], b[0]); c != 0 {
				return c
			}
			return strings.Compare(a[1], b[1])
		})
		var key, eid []string
		for _, k := range r.newKeys {
			key, eid = append(key, noNUL(k[0])), append(eid, k[1])
		}
		b.Queue(`INSERT INTO entity_keys (key, entity_id) SELECT * FROM unnest($1::text[], $2::text[])
			ON CONFLICT DO NOTHING`, key, eid)
	}
	if len(roleEntity) > 0 {
		b.Queue(`INSERT INTO entity_roles (entity_id, title, affiliation, article_id)
			SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING`,
			roleEntity, roleTitle, roleAff, roleArticle)
	}
	if len(qID) > 0 {
		b.Queue(`INSERT INTO quotes (id, article_id, position, speaker_entity, speaker_key, data)
			SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[])
			ON CONFLICT (id) DO UPDATE SET article_id = excluded.article_id, position = excluded.position,
				speaker_entity = excluded.speaker_entity, speaker_key = excluded.speaker_key, data = excluded.data`,
			qID, qArticle, qPos, qSpeaker, qKey, qData)
	}
	var cid []string
	var ms, as []int32
	for _, id := range countOrder {
		if !created[id] {
			cid, ms, as = append(cid, id), append(ms, int32(count[id][0])), append(as, int32(count[id][1]))
		}
	}
	if len(cid) > 0 {
		b.Queue(`UPDATE entities e SET mention_count = e.mention_count + v.m, article_count = e.article_count + v.a
			FROM unnest($1::text[], $2::int[], $3::int[]) AS v(id, m, a) WHERE e.id = v.id`, cid, ms, as)
	}
	b.Queue(`COMMIT`)
	if err := conn.SendBatch(ctx, b).Close(); err != nil {
		return false, err
	}
	return true, nil
}

// putFresh stores a batch of fresh analyses as putFreshAnalyses does, on
// a connection of its own, where putFreshAnalyses begins the transaction
// in its first batch and commits it in its last, so that the entity lock
// is held for the one round trip of the writes (with a pgx.Tx it would be
// held for the commit's too, and one more round trip would begin it).
// done is false when they are not all fresh (nothing written: the caller
// stores them one by one).
func (s *Store) putFresh(ctx context.Context, list []*storyline.Analysis) (done bool, err error) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return false, err
	}
	// A connection left in a transaction is closed, not reused, when
	// released.
	defer conn.Release()
	done, err = s.putFreshAnalyses(ctx, conn, list)
	if err != nil || !done {
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		if _, rerr := conn.Exec(rctx, `ROLLBACK`); rerr != nil {
			conn.Conn().Close(rctx)
		}
	}
	return done, err
}

// compact removes adjacent repeats from a sorted list.
func compact(list []string) []string {
	out := list[:0]
	for i, s := range list {
		if i == 0 || s != list[i-1] {
			out = append(out, s)
		}
	}
	return out
}
