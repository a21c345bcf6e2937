package postgres

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jackc/pgx/v5/pgtype"
)

// An article's search vector (articles.search) is made here, by whoever
// stores the article (each queue worker, on its own machine), and not by
// the server: PostgreSQL's to_tsvector cost the server about a millisecond
// of CPU an article, as much as everything else it does to store one. The
// queries split their terms into words the same way (tsQuery), so words
// match words however PostgreSQL's own parser would have read them.
//
// A word is a run of letters, digits and combining marks, lower-cased
// (unicode's simple folding, as the 'simple' configuration does); every
// other character separates words, as SQLite's unicode61 tokenizer reads
// them ("U.S." is u and s, "Antonov's" antonov and s). The title's words
// weigh A and the text's B, the text numbered on from the title's last
// word, as setweight(title, 'A') || setweight(text, 'B') numbers them.

// PostgreSQL's limits on a tsvector (tsearch/ts_type.h): a longer word is
// left out, as to_tsvector leaves it out; positions stop at the last one;
// a word keeps its first positions only.
const (
	maxLexeme    = 2047
	maxPosition  = 16383
	maxPositions = 256
)

// searchWords calls fn with each word of s, lower-cased.
func searchWords(s string, fn func(word string)) {
	start := -1
	lower := false
	flush := func(end int) {
		w := s[start:end]
		if lower {
			w = strings.ToLower(w)
		}
		fn(w)
		start, lower = -1, false
	}
	for i, r := range s {
		if r < utf8.RuneSelf {
			switch {
			case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			case 'A' <= r && r <= 'Z':
				lower = true
			default:
				if start >= 0 {
					flush(i)
				}
				continue
			}
		} else if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			lower = lower || unicode.ToLower(r) != r
		} else {
			if start >= 0 {
				flush(i)
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		flush(len(s))
	}
}

// searchVector is the search vector of an article's title and text.
func searchVector(title, text string) pgtype.TSVector {
	at := map[string][]pgtype.TSVectorPosition{}
	pos := 0
	add := func(weight pgtype.TSVectorWeight) func(string) {
		return func(w string) {
			if len(w) > maxLexeme {
				return
			}
			if pos < maxPosition {
				pos++
			}
			if p := at[w]; len(p) < maxPositions && (len(p) == 0 || p[len(p)-1].Position != uint16(pos)) {
				at[w] = append(p, pgtype.TSVectorPosition{Position: uint16(pos), Weight: weight})
			}
		}
	}
	searchWords(title, add(pgtype.TSVectorWeightA))
	searchWords(text, add(pgtype.TSVectorWeightB))
	v := pgtype.TSVector{Lexemes: make([]pgtype.TSVectorLexeme, 0, len(at)), Valid: true}
	for w, p := range at {
		v.Lexemes = append(v.Lexemes, pgtype.TSVectorLexeme{Word: w, Positions: p})
	}
	sort.Slice(v.Lexemes, func(i, j int) bool { return v.Lexemes[i].Word < v.Lexemes[j].Word })
	return v
}

// phraseQuery is the tsquery text of a term: its words one after the
// other ('return' <-> 'to' <-> 'washington'), the last a prefix when
// prefix is set ('recall':*); "" when the term has no word, which
// matches nothing (as phraseto_tsquery of no word).
func phraseQuery(term string, prefix bool) string {
	var b strings.Builder
	searchWords(term, func(w string) {
		if len(w) > maxLexeme {
			return
		}
		if b.Len() > 0 {
			b.WriteString(" <-> ")
		}
		b.WriteString(quoteLexeme(w))
	})
	if prefix && b.Len() > 0 {
		b.WriteString(":*")
	}
	return b.String()
}

// quoteLexeme quotes a word for tsquery's text form.
func quoteLexeme(w string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", "''").Replace(w) + "'"
}

// fillSearch gives the articles without a search vector (those stored
// before migration 007) theirs, a few hundred at a time.
func (s *Store) fillSearch(ctx context.Context) error {
	for {
		rows, err := s.pool.Query(ctx, `SELECT id, title, text FROM articles WHERE search IS NULL ORDER BY id LIMIT 256`)
		if err != nil {
			return err
		}
		var ids []string
		var vectors []pgtype.TSVector
		for rows.Next() {
			var id, title, text string
			if err := rows.Scan(&id, &title, &text); err != nil {
				rows.Close()
				return err
			}
			ids, vectors = append(ids, id), append(vectors, searchVector(title, text))
		}
		rows.Close()
		if err := rows.Err(); err != nil || len(ids) == 0 {
			return err
		}
		if _, err := s.pool.Exec(ctx, `UPDATE articles a SET search = v.search
			FROM unnest($1::text[], $2::tsvector[]) AS v(id, search) WHERE a.id = v.id`, ids, vectors); err != nil {
			return fmt.Errorf("search vectors of articles stored before: %w", err)
		}
	}
}
