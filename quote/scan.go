package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline/nlp"
)

// kind is the kind of a token.
type kind uint8

const (
	word  kind = iota
	punct      // , . ; : ! ? ( ) — and the like
	open       // an opening quotation mark
	close      // a closing quotation mark
	para       // a line break: paragraphs end here
)

// token is one word, punctuation mark, quotation mark or line break, with
// byte offsets into the text.
type token struct {
	start, end int
	text       string
	lower      string // lower-cased text of a word
	cls        class  // the word's classes (the lexicon's entry of lower)
	ent        uint16 // the id of that entry, 0 if none
	kind       kind
	inQuote    bool // inside a quotation (between its marks)
	capital    bool // a word whose first letter is upper case
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIWordByte(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isASCIIWordByte is isWordRune of an ASCII character: a letter or digit.
func isASCIIWordByte(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
}

// scan splits text into tokens. Words keep inner apostrophes, hyphens and
// dots ("don't", "ex-president", "U.S.", "3.5"); a final dot stays with an
// abbreviation ("Mr.", "Sen.") and is a token of its own otherwise.
func scan(text string) []token { return scanInto(nil, nlp.Lower(text)) }

// scanInto is scan of lt's text appending to dst[:0] (when it has room
// for the text's tokens, else to a new slice).
func scanInto(dst []token, lt nlp.Lowered) []token {
	// the lower case of an ASCII word with capitals is its slice of the
	// lowered text (a word without capitals is its own lower case)
	text, lowText := lt.Text(), lt.Low()
	toks := dst[:0]
	if cap(toks) < len(text)/4 {
		toks = make([]token, 0, len(text)/4)
	}
	i := 0
	for i < len(text) {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		first := nlp.ASCIIKind[text[i]] // 0 for a rune that is not ASCII
		switch {
		case r == '\n':
			j := i
			for j < len(text) && (text[j] == '\n' || text[j] == '\r' || text[j] == ' ' || text[j] == '\t') {
				j++
			}
			toks = append(toks, token{start: i, end: j, text: "\n", kind: para})
			i = j
			continue
		case first == 0 && (r == ' ' || unicode.IsSpace(r)):
			i += size
			continue
		case first != 0 || isWordRune(r):
			// plain: the word is ASCII; seen: the kinds of its ASCII
			// letters and digits (a capital among them?); h: the hash
			// of its lower case so far, while it is plain
			plain, seen, h := r < utf8.RuneSelf, first, nlp.HashStep(nlp.HashOffset, text[i]|0x20)
			j := i + size
			for j < len(text) {
				// the ASCII letters and digits in a loop of their own,
				// which keeps what it reads in registers
				for j < len(text) {
					k := nlp.ASCIIKind[text[j]]
					if k == 0 {
						break
					}
					seen |= k
					h = nlp.HashStep(h, text[j]|0x20) // a letter's lower case, a digit as it is
					j++
				}
				if j == len(text) {
					break
				}
				c := text[j]
				if c < utf8.RuneSelf && c != '\'' && c != '-' && c != '.' && c != '&' {
					break // no word rune, nor one that joins two words
				}
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) {
					plain = false // an ASCII word byte is read above
					j += s2
					continue
				}
				if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == '&' {
					r3, _ := utf8.DecodeRuneInString(text[j+s2:])
					if j+s2 < len(text) && isWordRune(r3) {
						if r2 == '.' && unicode.IsLower(r3) && !isInitialism(text[i:j]) {
							break
						}
						plain = plain && r2 < utf8.RuneSelf
						h = nlp.HashStep(h, byte(r2)) // ' - . & are their own lower case
						j += s2
						continue
					}
				}
				break
			}
			w := text[i:j]
			if j < len(text) && text[j] == '.' && isAbbrev(w) {
				j++
				w = text[i:j]
				h = nlp.HashStep(h, '.')
			}
			low := w // strings.ToLower(w)
			if !plain {
				low = strings.ToLower(w)
			} else if seen&nlp.KindUpper != 0 {
				low = lowText[i:j]
			}
			capital := first == nlp.KindUpper || r >= utf8.RuneSelf && unicode.IsUpper(r) // startsUpper(w)
			t := token{start: i, end: j, text: w, lower: low, kind: word, capital: capital}
			var e *entry
			if plain {
				e = lookupHashed(low, h)
			} else {
				e = lookup(low)
			}
			if e != nil {
				t.cls, t.ent = e.cls, e.id
			}
			toks = append(toks, t)
			i = j
			if i < len(text) && text[i] == ' ' {
				i++ // the space after a word, without another turn of the loop
			}
			continue
		}
		if r == '\'' && i+1 < len(text) && text[i+1] == '\'' {
			// '' as a double quotation mark (the New York Times' style)
			k := close
			if i == 0 {
				k = open
			} else if p, _ := utf8.DecodeLastRuneInString(text[:i]); unicode.IsSpace(p) || strings.ContainsRune("([{—–-/", p) {
				k = open
			}
			toks = append(toks, token{start: i, end: i + 2, text: "''", kind: k})
			i += 2
			continue
		}
		k := punct
		switch r {
		case '“', '«', '„':
			k = open
			// a “ used as a closing mark: after a word or punctuation,
			// before a space or the end ("...problems,“ said Lee")
			if r == '“' && i > 0 {
				p, _ := utf8.DecodeLastRuneInString(text[:i])
				n, _ := utf8.DecodeRuneInString(text[i+size:])
				if !unicode.IsSpace(p) && !strings.ContainsRune("([{—–-/", p) && (i+size >= len(text) || unicode.IsSpace(n)) {
					k = close
				}
			}
		case '”', '»':
			k = close
		case '"':
			k = close
			if i == 0 {
				k = open
			} else {
				p, _ := utf8.DecodeLastRuneInString(text[:i])
				n, _ := utf8.DecodeRuneInString(text[i+size:])
				// open after a space, unless a space follows too
				// ("'Well done,' " said): then it closes
				if (unicode.IsSpace(p) || strings.ContainsRune("([{—–-/", p)) && (i+size < len(text) && !unicode.IsSpace(n) && !strings.ContainsRune(",.;:!?)", n)) {
					k = open
				}
			}
		case '‘':
			p, _ := utf8.DecodeLastRuneInString(text[:i])
			if i == 0 || unicode.IsSpace(p) || strings.ContainsRune("([{—–-“\"", p) {
				k = open
			}
		case '’', '\'':
			n, _ := utf8.DecodeRuneInString(text[i+size:])
			if i+size >= len(text) || !unicode.IsLetter(n) {
				k = close
			} else if r == '\'' && straightOpens(text, i) {
				k = open // 'Never trust the polls.'
			}
		}
		toks = append(toks, token{start: i, end: i + size, text: text[i : i+size], kind: k})
		i += size
	}
	return toks
}

// straightOpens reports whether the straight single mark at i, before a
// letter, opens a quotation: after a space, an opening bracket or dash or
// the start of the text, and not an elision ('em, 'n', 'til).
func straightOpens(text string, i int) bool {
	if i > 0 {
		p, _ := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsSpace(p) && !strings.ContainsRune("([{—–-“\"", p) {
			return false
		}
	}
	j := i + 1
	for j < len(text) && text[j] < utf8.RuneSelf && (unicode.IsLetter(rune(text[j]))) {
		j++
	}
	switch strings.ToLower(text[i+1 : j]) {
	case "em", "n", "til", "tis", "twas", "cause", "bout", "round":
		return false
	}
	return true
}

// isInitialism reports whether w is single letters joined by dots ("U.S",
// "D.C", "U.S."): its first part between dots is one rune, every other
// one rune or empty.
func isInitialism(w string) bool {
	for first := true; ; first = false {
		dot := strings.IndexByte(w, '.')
		part := w
		if dot >= 0 {
			part = w[:dot]
		}
		if n := utf8.RuneCountInString(part); n != 1 && (first || n != 0) {
			return false
		}
		if dot < 0 {
			return true
		}
		w = w[dot+1:]
	}
}

var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "sen": true, "rep": true, "gov": true,
	"gen": true, "lt": true, "col": true, "sgt": true, "st": true, "jr": true, "sr": true,
	"prof": true, "rev": true, "capt": true, "cmdr": true, "adm": true, "pres": true, "atty": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "no": true, "vs": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "u.s": true, "u.k": true, "u.n": true,
	"d.c": true, "e.g": true, "i.e": true, "a.m": true, "p.m": true, "calif": true, "fla": true,
	"mass": false, "ore": true, "wash": false, "ariz": true, "tenn": true, "penn": false,
}

// isAbbrev reports whether w takes the full stop after it: an
// abbreviation of abbrevs, an initial, or an initialism.
func isAbbrev(w string) bool {
	if inAbbrevs(w) {
		return true
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r) // an initial: "John F. Kennedy"
	}
	return strings.Contains(w, ".") && isInitialism(w)
}

// inAbbrevs reports whether abbrevs[strings.ToLower(w)], lowering an
// ASCII word of up to 32 bytes on the stack rather than in a new string.
func inAbbrevs(w string) bool {
	var buf [32]byte
	if len(w) > len(buf) {
		return abbrevs[strings.ToLower(w)]
	}
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= utf8.RuneSelf {
			return abbrevs[strings.ToLower(w)] // "u.\u212a" is "u.k"
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return abbrevs[string(buf[:len(w)])]
}

// region is a quotation: tokens from its opening mark to its closing mark
// (indexes into the tokens, both inclusive).
type region struct {
	open, close int
	words       int
}

// quotations pairs quotation marks into regions (appended to dst[:0]). A quotation left open at
// the end of a paragraph continues when the next paragraph opens with a
// quotation mark (the newspaper convention for long quotes) and ends with
// its paragraph otherwise. Single quotation marks count only outside
// double ones.
func quotations(dst []region, toks []token) []region {
	out := dst[:0]
	cur := -1       // index of the open mark, or -1
	single := false // the current quotation opened with a single mark
	words := 0
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		switch t.kind {
		case word:
			if cur >= 0 {
				words++
			}
		case open:
			isSingle := t.text == "‘" || t.text == "'"
			if cur >= 0 {
				if !single && isSingle {
					continue // nested single quote
				}
				// An unclosed quotation followed by a new opening in the
				// same paragraph: end the first before it.
				if i-1 > cur {
					out = append(out, region{cur, i - 1, words})
				}
			}
			cur, single, words = i, isSingle, 0
		case close:
			if cur < 0 {
				continue
			}
			isSingle := t.text == "’" || t.text == "'"
			if isSingle != single {
				continue
			}
			out = append(out, region{cur, i, words})
			cur = -1
		case para:
			if cur < 0 {
				continue
			}
			if i+1 < len(toks) && toks[i+1].kind == open && !single {
				// continues: skip the paragraph's re-opening mark
				i++
				continue
			}
			out = append(out, region{cur, i - 1, words})
			cur = -1
		}
	}
	if cur >= 0 && cur < len(toks)-1 {
		out = append(out, region{cur, len(toks) - 1, words})
	}
	for _, r := range out {
		for k := r.open; k <= r.close; k++ {
			toks[k].inQuote = true
		}
	}
	return out
}

// sentenceEnds marks where sentences end (in dst, when it has room): after . ! ? (and any closing
// marks that follow) before a word that does not start in lower case, and
// at every line break, but never inside a quotation.
func sentenceEnds(dst []bool, toks []token) []bool {
	end := resized(dst, len(toks))
	clear(end)
	for i := range toks {
		t := &toks[i]
		switch {
		case t.kind == para:
			end[i] = !(i > 0 && toks[i-1].kind == close && dashLine(toks, i))
		case t.kind == punct && (t.text == "." || t.text == "!" || t.text == "?"):
			j := i + 1
			for j < len(toks) && (toks[j].kind == close || toks[j].text == ")") {
				j++
			}
			if j < len(toks) && toks[j].inQuote && toks[j].kind != open {
				continue // a sentence inside a quotation
			}
			if j < len(toks) && toks[j].kind == punct && strings.Contains(",;:)", toks[j].text) {
				continue // "R-Pa.," is not the end of a sentence
			}
			if j > i+1 && toks[j-1].kind == close && dashLine(toks, j) {
				continue // "...."\n\n- Reyes.
			}
			if j > i+1 && j+1 < len(toks) && toks[j-1].kind == close && (toks[j].text == "-" || toks[j].text == "—" || toks[j].text == "–" || toks[j].text == "―") && toks[j+1].kind == word {
				r, _ := utf8.DecodeRuneInString(toks[j+1].text)
				if unicode.IsUpper(r) {
					continue // "..." - Mayor Tom Reyes: the quotation's source
				}
			}
			if j < len(toks) && toks[j].kind == word {
				r, _ := utf8.DecodeRuneInString(toks[j].text)
				if unicode.IsLower(r) {
					continue
				}
				if j > i+1 && toks[j-1].kind == close && (longQuote(toks, j-1) || opensSentence(toks, j-1)) && cueFollows(toks, j) {
					continue // "...!" Cruz said.
				}
			}
			end[j-1] = true
		}
	}
	return end
}

// dashLine reports whether the paragraph break at i is followed by a
// short paragraph of a dash and a name: the source of the quotation that
// closes the paragraph before ("...."\n\n- Mayor Reyes.).
func dashLine(toks []token, i int) bool {
	for i < len(toks) && toks[i].kind == para {
		i++
	}
	if i+1 >= len(toks) || toks[i].text != "-" && toks[i].text != "—" && toks[i].text != "–" && toks[i].text != "―" || toks[i+1].kind != word {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(toks[i+1].text); !unicode.IsUpper(r) {
		return false
	}
	for k := i + 2; k < len(toks) && k < i+16; k++ {
		switch {
		case toks[k].kind == para:
			return true
		case toks[k].kind != word && toks[k].text != "," && toks[k].text != ".":
			return false
		}
	}
	return i+16 >= len(toks)
}

// cueFollows reports whether a strong cue comes within a few words after
// a closing quotation mark, before any other punctuation that ends a
// sentence: the quotation's attribution ("...?" Mr. Regalado, the mayor,
// asked).
func cueFollows(toks []token, j int) bool {
	for k := j; k < len(toks) && k < j+12; k++ {
		t := &toks[k]
		if t.kind == para || t.kind == open || (t.kind == punct && (t.text == "." || t.text == "!" || t.text == "?")) {
			return false
		}
		if t.kind == word && t.cue().weight >= 0.5 {
			return k > j // "Asked if ..." opens a new sentence
		}
	}
	return false
}

// longQuote reports whether the quotation closed at c has at least
// minQuoteWords words (a scare quote such as “unhinged.” does not).
func longQuote(toks []token, c int) bool {
	n := 0
	for k := c - 1; k >= 0 && toks[k].inQuote && toks[k].kind != open; k-- {
		if toks[k].kind == word {
			n++
			if n >= minQuoteWords {
				return true
			}
		}
	}
	return false
}

// opensSentence reports whether the quotation closed at c opens its
// sentence ("“Not one more!” Ann shouted"): its opening mark comes first in
// the text, its paragraph, or after a sentence's end.
func opensSentence(toks []token, c int) bool {
	o := c - 1
	for o >= 0 && toks[o].kind != open {
		if !toks[o].inQuote {
			return false
		}
		o--
	}
	if o < 0 {
		return false
	}
	if o == 0 || toks[o-1].kind == para {
		return true
	}
	p := &toks[o-1]
	return p.kind == punct && (p.text == "." || p.text == "!" || p.text == "?") || p.kind == close
}
