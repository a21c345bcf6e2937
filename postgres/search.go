package postgres

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/storyline/storyline"
)

// rankWeights are ts_rank's weights of D, C, B and A: the title (A) weighs
// four times the text (B), as in the SQLite store's BM25.
const rankWeights = `'{0.1, 0.1, 0.25, 1.0}'`

// headlineOptions make ts_headline mark matches as the SQLite store's
// snippet does: [matched] words, about 16 of them.
const headlineOptions = `StartSel=[, StopSel=], MaxWords=16, MinWords=8, ShortWord=0, MaxFragments=1, FragmentDelimiter=" … "`

// Search finds articles whose title or text match the query, best first
// (ts_rank, the title weighing four times the text). The syntax is the
// CLI's: words are matched as words (all of them, in any order); "double
// quotes" make a phrase; OR and NOT between terms, AND, parentheses and a
// trailing * for a prefix work as in SQLite's FTS5, NOT binding tighter
// than AND, and AND than OR. A query with no words, or that does not
// parse ("NOT x", "a OR"), is EINVALID.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]storyline.SearchHit, error) {
	expr, args, err := tsQuery(query)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 20
	}
	args = append(args, limit)
	q := `WITH q AS (SELECT ` + expr + ` AS q),
	hits AS (
		SELECT a.id, ts_rank(` + rankWeights + `, a.search, q.q) AS rank
		FROM articles a, q WHERE a.search @@ q.q
		ORDER BY rank DESC, a.id LIMIT $` + strconv.Itoa(len(args)) + `)
	SELECT ` + prefixed("a.", articleColumns) + `,
		ts_headline('simple', a.text, q.q, '` + headlineOptions + `'),
		ts_headline('simple', a.title, q.q, '` + headlineOptions + `'),
		hits.rank
	FROM hits JOIN articles a ON a.id = hits.id, q
	ORDER BY hits.rank DESC, a.id`
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, searchError(query, err)
	}
	defer rows.Close()
	var hits []storyline.SearchHit
	for rows.Next() {
		var textMark, titleMark string
		var rank float32
		a, err := scanArticle(rows, &textMark, &titleMark, &rank)
		if err != nil {
			return nil, searchError(query, err)
		}
		hits = append(hits, storyline.SearchHit{Article: a, Snippet: snippet(a, textMark, titleMark), Score: float64(rank)})
	}
	if err := rows.Err(); err != nil {
		return nil, searchError(query, err)
	}
	return hits, nil
}

// snippet is the headline of the title or the text, whichever marks more
// distinct matched words (the title on a tie, as SQLite's snippet picks
// the best column), with "…" where it cuts the text.
func snippet(a *storyline.Article, textMark, titleMark string) string {
	mark, whole := textMark, a.Text
	if n := marked(titleMark); n > 0 && n >= marked(textMark) {
		mark, whole = titleMark, a.Title
	}
	unmark := strings.NewReplacer("[", "", "]", "")
	plain := strings.TrimSpace(unmark.Replace(mark))
	if plain == "" {
		return mark
	}
	clean := strings.TrimSpace(unmark.Replace(whole))
	if !strings.HasPrefix(clean, plain) {
		mark = "…" + mark
	}
	if !strings.HasSuffix(clean, plain) {
		mark += "…"
	}
	return mark
}

// marked counts the distinct words a headline marks [like this].
func marked(h string) int {
	seen := map[string]bool{}
	for {
		i := strings.IndexByte(h, '[')
		if i < 0 {
			return len(seen)
		}
		j := strings.IndexByte(h[i:], ']')
		if j < 0 {
			return len(seen)
		}
		seen[strings.ToLower(h[i+1:i+j])] = true
		h = h[i+j+1:]
	}
}

func searchError(query string, err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && (pe.Code == "42601" || strings.Contains(pe.Message, "tsquery")) {
		return storyline.Errorf(storyline.EINVALID, "cannot search for %q: %s", query, pe.Message)
	}
	return fmt.Errorf("search %q: %w", query, err)
}

// A token of a search query.
type token struct {
	kind   tokenKind
	text   string // a term's words
	prefix bool   // a term ending in *
}

type tokenKind int

const (
	tTerm tokenKind = iota
	tPhrase
	tOr
	tAnd
	tNot
	tOpen
	tClose
)

// tokenize splits a query as the SQLite store's ftsQuery does: "phrases",
// words (a trailing 's dropped, as the tokenizer splits it off), the
// operators OR, AND, NOT, parentheses (all dropped when unbalanced), and
// prefix* terms.
func tokenize(q string) []token {
	if strings.Count(q, "(") != strings.Count(q, ")") {
		q = strings.NewReplacer("(", " ", ")", " ").Replace(q)
	}
	var out []token
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '(':
			out = append(out, token{kind: tOpen})
			i++
		case c == ')':
			out = append(out, token{kind: tClose})
			i++
		case c == '"':
			j := strings.IndexByte(q[i+1:], '"')
			if j < 0 {
				j = len(q) - i - 1
			}
			phrase := strings.TrimSpace(strings.NewReplacer("'s ", " ", "’s ", " ").Replace(q[i+1:i+1+j] + " "))
			if hasWord(phrase) {
				out = append(out, token{kind: tPhrase, text: phrase})
			}
			i += j + 2
		default:
			j := i
			for j < len(q) && !strings.ContainsRune(" \t\n\r()\"", rune(q[j])) {
				j++
			}
			w := strings.TrimSuffix(strings.TrimSuffix(q[i:j], "'s"), "’s")
			i = j
			switch {
			case w == "OR":
				out = append(out, token{kind: tOr})
			case w == "AND":
				out = append(out, token{kind: tAnd})
			case w == "NOT":
				out = append(out, token{kind: tNot})
			case strings.HasSuffix(w, "*") && hasWord(w):
				out = append(out, token{kind: tTerm, text: strings.TrimRight(w, "*"), prefix: true})
			case hasWord(w):
				out = append(out, token{kind: tTerm, text: w})
			}
		}
	}
	return out
}

func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// tsQuery turns a user's query into an SQL expression of type tsquery
// with its parameters: each term becomes phraseto_tsquery('simple', $n),
// so it is split into words exactly as the indexed text was, and a prefix
// term to_tsquery('simple', $n) of its words, the last with :*.
func tsQuery(q string) (string, []any, error) {
	p := &parser{toks: tokenize(q)}
	terms := 0
	for _, t := range p.toks {
		if t.kind == tTerm || t.kind == tPhrase {
			terms++
		}
	}
	if terms == 0 {
		return "", nil, storyline.Errorf(storyline.EINVALID, "search query %q has no words to search for", q)
	}
	expr, err := p.or()
	if err == nil && p.i < len(p.toks) {
		err = fmt.Errorf("unexpected %s", p.toks[p.i].describe())
	}
	if err != nil {
		return "", nil, storyline.Errorf(storyline.EINVALID, "cannot search for %q: %v", q, err)
	}
	return expr, p.args, nil
}

// parser reads tokens by the grammar
//
//	or      = and {"OR" and}
//	and     = not {["AND"] not}
//	not     = primary {"NOT" primary}
//	primary = term | phrase | "(" or ")"
type parser struct {
	toks []token
	i    int
	args []any
}

func (p *parser) peek() (token, bool) {
	if p.i < len(p.toks) {
		return p.toks[p.i], true
	}
	return token{}, false
}

func (p *parser) or() (string, error) {
	left, err := p.and()
	if err != nil {
		return "", err
	}
	for {
		t, ok := p.peek()
		if !ok || t.kind != tOr {
			return left, nil
		}
		p.i++
		right, err := p.and()
		if err != nil {
			return "", err
		}
		left = "(" + left + " || " + right + ")"
	}
}

func (p *parser) and() (string, error) {
	left, err := p.not()
	if err != nil {
		return "", err
	}
	for {
		t, ok := p.peek()
		if !ok {
			return left, nil
		}
		switch t.kind {
		case tAnd:
			p.i++
		case tTerm, tPhrase, tOpen:
		default:
			return left, nil
		}
		right, err := p.not()
		if err != nil {
			return "", err
		}
		left = "(" + left + " && " + right + ")"
	}
}

func (p *parser) not() (string, error) {
	left, err := p.primary()
	if err != nil {
		return "", err
	}
	for {
		t, ok := p.peek()
		if !ok || t.kind != tNot {
			return left, nil
		}
		p.i++
		right, err := p.primary()
		if err != nil {
			return "", err
		}
		left = "(" + left + " && !!" + right + ")"
	}
}

func (p *parser) primary() (string, error) {
	t, ok := p.peek()
	if !ok {
		return "", errors.New("the query ends where a word was expected")
	}
	p.i++
	switch t.kind {
	case tTerm, tPhrase:
		if t.prefix {
			p.args = append(p.args, prefixQuery(t.text))
			return "to_tsquery('simple', $" + strconv.Itoa(len(p.args)) + ")", nil
		}
		p.args = append(p.args, t.text)
		return "phraseto_tsquery('simple', $" + strconv.Itoa(len(p.args)) + ")", nil
	case tOpen:
		inner, err := p.or()
		if err != nil {
			return "", err
		}
		if t, ok := p.peek(); !ok || t.kind != tClose {
			return "", errors.New("a parenthesis is not closed")
		}
		p.i++
		return inner, nil
	}
	return "", fmt.Errorf("unexpected %s", t.describe())
}

func (t token) describe() string {
	switch t.kind {
	case tOr:
		return "OR"
	case tAnd:
		return "AND"
	case tNot:
		return "NOT"
	case tOpen:
		return `"("`
	case tClose:
		return `")"`
	}
	return strconv.Quote(t.text)
}

// prefixQuery is the to_tsquery text of a prefix term: the term quoted,
// so that the text search parser splits it into words as it split the
// indexed text, the last word a prefix ("recall" gives 'recall':*, "U.S"
// 'u.s':*, "U.S.-Rus" 'u.s' <-> 'rus':*).
func prefixQuery(term string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", "''").Replace(term) + "':*"
}

func prefixed(p, columns string) string {
	fields := strings.Split(columns, ",")
	for i, f := range fields {
		fields[i] = p + strings.TrimSpace(f)
	}
	return strings.Join(fields, ", ")
}
