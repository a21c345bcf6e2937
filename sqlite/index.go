package sqlite

import (
	"encoding/hex"
	"slices"
	"strings"

	"github.com/storyline/storyline"
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
	n := 0
	for _, id := range ids {
		n += 2*len(id) + 1
	}
	b := make([]byte, 0, n)
	for i, id := range ids {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendHex(b, id)
	}
	return string(b)
}

// entityMatch is the entity_index query of the articles that mention an
// entity.
func entityMatch(id string) string {
	return `"` + hex.EncodeToString([]byte(id)) + `"`
}

// speakerTerms is the quote_index document of an article with quotes qs:
// for each quote, 's' and its speaker folded (fold, entity.Fold or a
// cache of it; the empty name too) and, with a speaker entity, 'e' and
// its ID.
func speakerTerms(qs []storyline.Quote, fold func(string) string) string {
	var b []byte
	for i, q := range qs {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendHex(append(b, 's'), fold(q.Speaker))
		if q.SpeakerEntity != "" {
			b = appendHex(append(b, ' ', 'e'), q.SpeakerEntity)
		}
	}
	return string(b)
}

func speakerNameTerm(folded string) string { return string(appendHex([]byte{'s'}, folded)) }
func speakerEntityTerm(id string) string   { return string(appendHex([]byte{'e'}, id)) }

// appendHex appends the bytes of s in lower-case hexadecimal, as
// hex.EncodeToString writes them.
func appendHex(b []byte, s string) []byte {
	const digits = "0123456789abcdef"
	for i := 0; i < len(s); i++ {
		b = append(b, digits[s[i]>>4], digits[s[i]&15])
	}
	return b
}

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
