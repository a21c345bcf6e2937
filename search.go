package storyline

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Bounds on a search query: its cost in a full-text engine grows with
// the number of its words (a query pasted from a whole article ran for a
// minute), and a person looking for something types a few words.
const (
	MaxSearchChars = 1000
	MaxSearchWords = 64
)

// SearchOp is the kind of a SearchQuery node.
type SearchOp int

// The kinds of SearchQuery node.
const (
	// SearchTerm matches Text: one word, or several as a phrase, the last
	// a prefix when Prefix is set.
	SearchTerm SearchOp = iota
	// SearchAnd matches what every one of Kids matches.
	SearchAnd
	// SearchOr matches what any of Kids matches.
	SearchOr
	// SearchNot matches what Kids[0] matches and Kids[1] does not.
	SearchNot
)

// SearchQuery is a parsed search query, a tree every store renders in its
// own syntax (FTS5 MATCH, PostgreSQL tsquery). Build one with ParseSearch.
type SearchQuery struct {
	Op SearchOp
	// Text is a term's words as the user typed them ("U.S.-Russia",
	// "positive shifts"), with a possessive 's taken off; the store's
	// tokenizer splits it. Words are runs of letters and digits.
	Text   string
	Prefix bool
	Kids   []*SearchQuery
}

// ParseSearch reads a search query as a person types it: words (all of
// them must match, in any order), "double quotes" for a phrase, OR and NOT
// (in capitals) between terms, AND, (brackets) to group, and a trailing *
// for a prefix. It is lenient where a person would be: punctuation inside
// words is part of them ("Antonov's", "U.S."), an unmatched bracket or
// quote or a dangling OR is ignored, "ambassador (Russia)" is two words.
//
// It returns EINVALID, with a message saying what to change, for a query
// over MaxSearchChars characters or MaxSearchWords words, one holding a
// NUL or another control character or invalid UTF-8, a NOT with nothing
// before it, and a query with no words at all.
func ParseSearch(q string) (*SearchQuery, error) {
	if !utf8.ValidString(q) {
		return nil, Errorf(EINVALID, "the search query is not valid UTF-8 text")
	}
	if n := utf8.RuneCountInString(q); n > MaxSearchChars {
		return nil, Errorf(EINVALID, "the search query is %d characters long; the limit is %d: search for a few distinctive words", n, MaxSearchChars)
	}
	for i, r := range q {
		if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' {
			name := fmt.Sprintf("control character U+%04X", r)
			if r == 0 {
				name = "NUL byte (%00)"
			}
			return nil, Errorf(EINVALID, "the search query holds a %s at byte %d: search for words", name, i)
		}
	}
	p := &searchParser{toks: searchTokens(q)}
	root, err := p.or()
	if err != nil {
		return nil, err
	}
	if root == nil {
		return nil, Errorf(EINVALID, "the search query %q has no words to search for", q)
	}
	if n := root.words(); n > MaxSearchWords {
		return nil, Errorf(EINVALID, "the search query has %d words; the limit is %d: search for a few distinctive words", n, MaxSearchWords)
	}
	return root, nil
}

// words counts the words of the query's terms.
func (q *SearchQuery) words() int {
	if q.Op == SearchTerm {
		return countWords(q.Text)
	}
	n := 0
	for _, k := range q.Kids {
		n += k.words()
	}
	return n
}

// countWords counts the runs of letters and digits in s.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// String writes the query back in the syntax ParseSearch reads, every
// group in brackets: `antonov ("positive shifts" OR recall*)`.
func (q *SearchQuery) String() string {
	switch q.Op {
	case SearchTerm:
		s := q.Text
		if strings.ContainsAny(s, " \t\n\r()") || s == "OR" || s == "AND" || s == "NOT" {
			s = `"` + strings.ReplaceAll(s, `"`, "") + `"`
		}
		if q.Prefix {
			s += "*"
		}
		return s
	case SearchNot:
		return "(" + q.Kids[0].String() + " NOT " + q.Kids[1].String() + ")"
	}
	sep := " "
	if q.Op == SearchOr {
		sep = " OR "
	}
	parts := make([]string, len(q.Kids))
	for i, k := range q.Kids {
		parts[i] = k.String()
	}
	return "(" + strings.Join(parts, sep) + ")"
}

type searchTokKind int

const (
	tokTerm searchTokKind = iota
	tokOpen
	tokClose
	tokOr
	tokAnd
	tokNot
)

type searchTok struct {
	kind   searchTokKind
	text   string
	prefix bool
}

// searchTokens splits a query into terms, brackets and operators. A
// bracket without its match is dropped; an unclosed quote runs to the end.
func searchTokens(q string) []searchTok {
	var toks []searchTok
	var open []int // indexes of unmatched "(" tokens
	possessive := strings.NewReplacer("'s ", " ", "’s ", " ")
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '(':
			open = append(open, len(toks))
			toks = append(toks, searchTok{kind: tokOpen})
			i++
		case c == ')':
			if len(open) > 0 {
				open = open[:len(open)-1]
				toks = append(toks, searchTok{kind: tokClose})
			}
			i++
		case c == '"':
			j := strings.IndexByte(q[i+1:], '"')
			if j < 0 {
				j = len(q) - i - 1
			}
			phrase := strings.TrimSpace(possessive.Replace(q[i+1:i+1+j] + " "))
			i += j + 2
			prefix := i < len(q) && q[i] == '*'
			if prefix {
				i++
			}
			if countWords(phrase) > 0 {
				toks = append(toks, searchTok{kind: tokTerm, text: strings.Join(strings.Fields(phrase), " "), prefix: prefix})
			}
		default:
			j := i
			for j < len(q) && !strings.ContainsRune(" \t\n\r()\"", rune(q[j])) {
				j++
			}
			w := q[i:j]
			i = j
			switch w {
			case "OR":
				toks = append(toks, searchTok{kind: tokOr})
				continue
			case "AND":
				toks = append(toks, searchTok{kind: tokAnd})
				continue
			case "NOT":
				toks = append(toks, searchTok{kind: tokNot})
				continue
			}
			prefix := strings.HasSuffix(w, "*")
			w = strings.TrimRight(w, "*")
			w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
			if countWords(w) > 0 {
				toks = append(toks, searchTok{kind: tokTerm, text: w, prefix: prefix})
			}
		}
	}
	// Drop the brackets left open, so what they held is read as if they
	// were not there.
	for k := len(open) - 1; k >= 0; k-- {
		toks = append(toks[:open[k]], toks[open[k]+1:]...)
	}
	return toks
}

// searchParser reads tokens by precedence, as FTS5 does: NOT binds
// tightest, then AND (or no operator at all), then OR.
type searchParser struct {
	toks []searchTok
	pos  int
}

func (p *searchParser) peek() (searchTokKind, bool) {
	if p.pos >= len(p.toks) {
		return 0, false
	}
	return p.toks[p.pos].kind, true
}

// or reads terms joined by OR; a nil query is an empty group.
func (p *searchParser) or() (*SearchQuery, error) {
	var kids []*SearchQuery
	for {
		q, err := p.and()
		if err != nil {
			return nil, err
		}
		if q != nil {
			kids = append(kids, q)
		}
		if k, ok := p.peek(); !ok || k != tokOr {
			break
		}
		p.pos++
	}
	return join(SearchOr, kids), nil
}

func (p *searchParser) and() (*SearchQuery, error) {
	var kids []*SearchQuery
	for {
		k, ok := p.peek()
		if !ok || k == tokOr || k == tokClose {
			break
		}
		if k == tokAnd {
			p.pos++ // AND is what no operator means
			continue
		}
		q, err := p.not()
		if err != nil {
			return nil, err
		}
		if q != nil {
			kids = append(kids, q)
		}
	}
	return join(SearchAnd, kids), nil
}

func (p *searchParser) not() (*SearchQuery, error) {
	if k, _ := p.peek(); k == tokNot {
		return nil, Errorf(EINVALID, "NOT needs words before it, to find the articles that name them but not what follows: write 'Antonov NOT Geneva'")
	}
	q, err := p.unary()
	if err != nil {
		return nil, err
	}
	for {
		if k, ok := p.peek(); !ok || k != tokNot {
			return q, nil
		}
		p.pos++
		if k, ok := p.peek(); !ok || k != tokTerm && k != tokOpen {
			continue // a dangling NOT
		}
		excl, err := p.unary()
		if err != nil {
			return nil, err
		}
		switch {
		case q == nil:
			return nil, Errorf(EINVALID, "NOT needs words before it, to find the articles that name them but not what follows: write 'Antonov NOT Geneva'")
		case excl != nil:
			q = &SearchQuery{Op: SearchNot, Kids: []*SearchQuery{q, excl}}
		}
	}
}

// unary reads a term or a bracketed group.
func (p *searchParser) unary() (*SearchQuery, error) {
	t := p.toks[p.pos]
	p.pos++
	if t.kind == tokTerm {
		return &SearchQuery{Op: SearchTerm, Text: t.text, Prefix: t.prefix}, nil
	}
	// An opening bracket: every one left has its match.
	q, err := p.or()
	if err != nil {
		return nil, err
	}
	p.pos++ // the closing bracket
	return q, nil
}

// join makes one node of kids: nil for none, the kid itself for one.
func join(op SearchOp, kids []*SearchQuery) *SearchQuery {
	switch len(kids) {
	case 0:
		return nil
	case 1:
		return kids[0]
	}
	return &SearchQuery{Op: op, Kids: kids}
}
