package sqlite

import (
	"encoding/hex"
	"slices"
	"strings"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/entity"
)

// Two full-text indexes (FTS5) answer which articles hold something:
// entity_index which articles mention an entity (migration 011),
// quote_index which articles quote a speaker (migration 012). Their
// documents are articles (rowid = articles.seq) and their terms IDs and
// names in hexadecimal, which the ascii tokenizer keeps whole: one row an
// article where a table would have a row an entity or quote, and FTS5
// writes the terms of a whole batch as one segment.

// entityTerms is the entity_index document of an article that mentions
// the entities of ids.
func entityTerms(ids []string) string {
	var b strings.Builder
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(hex.EncodeToString([]byte(id)))
	}
	return b.String()
}

// entityMatch is the entity_index query of the articles that mention an
// entity.
func entityMatch(id string) string {
	return `"` + hex.EncodeToString([]byte(id)) + `"`
}

// speakerTerms is the quote_index document of an article with quotes qs:
// for each quote, 's' and its speaker folded (the empty name too) and,
// with a speaker entity, 'e' and its ID.
func speakerTerms(qs []storyline.Quote) string {
	var b strings.Builder
	for i, q := range qs {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(speakerNameTerm(entity.Fold(q.Speaker)))
		if q.SpeakerEntity != "" {
			b.WriteByte(' ')
			b.WriteString(speakerEntityTerm(q.SpeakerEntity))
		}
	}
	return b.String()
}

func speakerNameTerm(folded string) string { return "s" + hex.EncodeToString([]byte(folded)) }
func speakerEntityTerm(id string) string   { return "e" + hex.EncodeToString([]byte(id)) }

// speakerMatch is the quote_index query of the articles with a quote whose
// speaker folds to folded or, if entityID is not "", whose speaker is that
// entity.
func speakerMatch(folded, entityID string) string {
	q := `"` + speakerNameTerm(folded) + `"`
	if entityID != "" {
		q += ` OR ` + speakerEntityMatch(entityID)
	}
	return q
}

// speakerEntityMatch is the quote_index query of the articles with a quote
// of that speaker entity.
func speakerEntityMatch(id string) string { return `"` + speakerEntityTerm(id) + `"` }

// pendingIndex holds the rows a batch adds to one of the indexes, written
// by flush in as few statements as it can: FTS5 writes a segment at each.
type pendingIndex struct {
	insert, delete string
	rows           map[int64]string // article seq -> document
}

func newPendingIndex(table, column string) *pendingIndex {
	return &pendingIndex{
		insert: `INSERT INTO ` + table + ` (rowid, ` + column + `) VALUES `,
		delete: `DELETE FROM ` + table + ` WHERE rowid = ?`,
		rows:   map[int64]string{},
	}
}

// add files an article's document, written at the next flush.
func (p *pendingIndex) add(seq int64, doc string) { p.rows[seq] = doc }

// remove takes an article out of the index, or out of the rows not
// written yet.
func (p *pendingIndex) remove(c *txStmts, seq int64) error {
	if _, ok := p.rows[seq]; ok {
		delete(p.rows, seq)
		return nil
	}
	return c.exec(p.delete, seq)
}

// flush writes the rows added since the last flush, by rowid.
func (p *pendingIndex) flush(c *txStmts) error {
	seqs := make([]int64, 0, len(p.rows))
	for seq := range p.rows {
		seqs = append(seqs, seq)
	}
	slices.Sort(seqs)
	const perStatement = 500 // 1,000 parameters
	for len(seqs) > 0 {
		n := min(len(seqs), perStatement)
		args := make([]any, 0, 2*n)
		for _, seq := range seqs[:n] {
			args = append(args, seq, p.rows[seq])
		}
		query := p.insert + `(?, ?)` + strings.Repeat(`, (?, ?)`, n-1)
		if _, err := c.tx.ExecContext(c.ctx, query, args...); err != nil {
			return err
		}
		seqs = seqs[n:]
	}
	clear(p.rows)
	return nil
}
