package entity

// Most of a text's tokens are lower-case words no rule starts from. As it
// makes each token, the tokenizer lists the tokens each later pass
// starts from and marks the tokens inside quotation marks; the passes
// then read only their own tokens instead of the whole text again.

// tokenIndex lists token indices, in text order.
type tokenIndex struct {
	// starts: words a name may start from or be cut out of: capitalised,
	// written in capitals, or hyphenated ("Russia-US", "el-Sisi").
	starts []int
	// articles: "a", "an" and "the".
	articles []int
	// pronouns: he, him, his, himself, she, her, hers, herself.
	pronouns []int
	// numbers: words a model number may be ("737", "A320"): a digit first
	// or second.
	numbers []int
	open    bool // a quotation is open
}

// reset empties the index for a new text.
func (ix *tokenIndex) reset() {
	ix.starts, ix.articles, ix.pronouns, ix.numbers = ix.starts[:0], ix.articles[:0], ix.pronouns[:0], ix.numbers[:0]
	ix.open = false
}

// add lists token i, the last of toks, and marks it if it is quoted.
func (ix *tokenIndex) add(toks []token, i int) {
	t := &toks[i]
	if !t.word {
		switch t.text {
		case "“", "«":
			ix.open = true
			return
		case "”", "»":
			ix.open = false
			return
		case "\"":
			ix.open = !ix.open
			return
		}
	}
	if t.newline {
		ix.open = false // a new line or paragraph opens its quotation afresh
	}
	t.quoted = ix.open
	if !t.word {
		return
	}
	if t.cap || t.upper || t.hyphen {
		ix.starts = append(ix.starts, i)
	}
	if isDigit(t.text[0]) || len(t.text) >= 4 && isDigit(t.text[1]) {
		ix.numbers = append(ix.numbers, i)
	}
	switch w := t.low; len(w) {
	case 1, 2, 3:
		switch w {
		case "a", "an", "the":
			ix.articles = append(ix.articles, i)
		case "he", "him", "his", "she", "her":
			ix.pronouns = append(ix.pronouns, i)
		}
	case 4, 7:
		switch w {
		case "hers", "himself", "herself":
			ix.pronouns = append(ix.pronouns, i)
		}
	}
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
