package clean

import (
	"iter"
	"math/bits"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/internal/swar"
)

// Penn Treebank tokenisation: some corpora (Timeline17 among them) hand out
// their articles as the tokens a parser read, each separated by a space,
// with brackets written -LRB- and -RRB-, opening quotation marks `` and `,
// closing ones '' and ', and a space before every comma, stop and clitic
// ("BP 's", "do n't"). Read as it is, such a text gives names such as
// "LRB", quotations no reader pairs and titles no journalist would print.
// Cleaning recognises the shape, puts the text back as it was written and
// notes the repair, before any other rule reads a line.

// isPTB reports whether a text is Penn Treebank tokenised: two spaced
// commas or stops at least, a marker written text never holds (a bracket
// token, a doubled backquote or apostrophe standing alone, a clitic or a stop split off its word),
// three such signs in all, and hardly any comma glued to its word as
// writers put it. A text that merely holds a stray " , " stays as it is.
func isPTB(text string) bool {
	c := countPTBSigns(text)
	spaced := c.spacedCommas + c.ends
	if spaced < 2 {
		return false
	}
	tokens := strings.Count(text, "-LRB-") + strings.Count(text, "-RRB-") + c.marks
	if c.ends+tokens == 0 || spaced+tokens < 3 {
		return false
	}
	glued := c.commas - c.spacedCommas
	return glued*4 <= spaced
}

// ptbSigns are the counts isPTB weighs, each as strings.Count would give
// it (occurrences that do not overlap).
type ptbSigns struct {
	spacedCommas int // " , "
	commas       int // ", "
	ends         int // " .\n", " . \n", and " ." or " . " at the end
	marks        int // " `` ", " '' ", " 's ", " n't "
}

// countPTBSigns counts the signs of a treebank text in a pass for each of
// the rarer bytes they hold (a comma, a line end, a backquote, an
// apostrophe), found many bytes at a time, rather than one for each sign,
// each stopping at every space.
func countPTBSigns(text string) ptbSigns {
	var c ptbSigns
	// A match counts only where the one before of the same sign ended.
	next := 0
	for i := range bytePositions(text, ',') {
		if i+1 < len(text) && text[i+1] == ' ' {
			c.commas++
			if i >= 1 && text[i-1] == ' ' && i-1 >= next {
				c.spacedCommas++
				next = i + 2
			}
		}
	}
	for i := range bytePositions(text, '\n') {
		if i >= 2 && text[i-2:i] == " ." {
			c.ends++
		}
		if i >= 3 && text[i-3:i] == " . " {
			c.ends++
		}
	}
	if strings.HasSuffix(text, " .") || strings.HasSuffix(text, " . ") {
		c.ends++
	}
	next = 0
	for i := range bytePositions(text, '`') {
		if i >= 1 && text[i-1] == ' ' && i+2 < len(text) && text[i+1] == '`' && text[i+2] == ' ' && i-1 >= next {
			c.marks++
			next = i + 3
		}
	}
	nextQuote, nextS, nextNT := 0, 0, 0
	for i := range bytePositions(text, '\'') {
		if i+2 >= len(text) || text[i+2] != ' ' || i < 1 {
			continue
		}
		switch {
		case text[i-1] == ' ' && text[i+1] == '\'' && i-1 >= nextQuote:
			c.marks++
			nextQuote = i + 3
		case text[i-1] == ' ' && text[i+1] == 's' && i-1 >= nextS:
			c.marks++
			nextS = i + 3
		case i >= 2 && text[i-2] == ' ' && text[i-1] == 'n' && text[i+1] == 't' && i-2 >= nextNT:
			c.marks++
			nextNT = i + 3
		}
	}
	return c
}

// bytePositions yields the index of every b in s.
func bytePositions(s string, b byte) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; ; i++ {
			k := strings.IndexByte(s[i:], b)
			if k < 0 {
				return
			}
			i += k
			if !yield(i) {
				return
			}
		}
	}
}

// ptbGlueLeft reports whether a token (as put back) is written against
// the word before it.
func ptbGlueLeft(t string) bool {
	switch t {
	case ",", ".", ";", ":", "?", "!", "%", ")", "]", "}", "”",
		"'s", "'S", "'re", "'RE", "'ve", "'VE", "'ll", "'LL", "'d", "'D", "'m", "'M", "n't", "N'T":
		return true
	}
	return false
}

// ptbGlueRight reports whether a token (as put back) is written against
// the word after it.
func ptbGlueRight(t string) bool {
	switch t {
	case "(", "[", "{", "“", "‘", "$", "US$", "C$", "A$":
		return true
	}
	return false
}

// ptbEscapes are the treebank's escaped slash and star ("REUTERS\/Jane Doe").
var ptbEscapes = strings.NewReplacer(`\/`, "/", `\*`, "*")

// detokenizePTB puts one line of Penn Treebank tokens back as written
// text: "BP 's shares fell 5 % -LRB- to $ 3 -RRB- , [2 backquotes] a blow ,
// [2 apostrophes] he said ." reads "BP's shares fell 5% (to $3), “a blow,”
// he said." It reads the tokens (strings.Fields) one after the other,
// writing each as it goes.
func detokenizePTB(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	if !detokenizePTBTo(&b, s) {
		return s // no token
	}
	return b.String()
}

// detokenizeLines puts back each line of a treebank text as detokenizePTB
// does, written one after the other into one string (an allocation for
// the text, not one a line), each line a part of it.
func detokenizeLines(lines []line) {
	n := 0
	for _, l := range lines {
		n += len(l.s)
	}
	var b strings.Builder
	b.Grow(n)
	ends := make([]int, len(lines)) // where line i ends in b; -1: as it was
	for i, l := range lines {
		ends[i] = -1
		if l.s != "" && detokenizePTBTo(&b, l.s) {
			ends[i] = b.Len()
		}
	}
	all, start := b.String(), 0
	for i, end := range ends {
		if end >= 0 {
			lines[i].s, start = all[start:end], end
		}
	}
}

// detokenizePTBTo writes the tokens of one line put back as written text
// (see detokenizePTB) to b, and reports whether the line held a token.
// Most tokens are written as they stand, one space after the token
// before: such a run of the line is copied at once, when a token that is
// written otherwise (glued, put back, or after more than a space) ends it.
func detokenizePTBTo(b *strings.Builder, s string) bool {
	// A ` opens a single quotation that a lone ' closes; other lone 's
	// are apostrophes of plural possessives ("workers ' rights").
	openSingle := 0
	prev := ""
	prevRight := false // ptbGlueRight(prev)
	first := true
	escaped := strings.IndexByte(s, '\\') >= 0 // a token of the line may be
	run := -1                                  // where the run not yet copied starts, or -1
	end := 0                                   // where the token before ends
	for i := 0; i < len(s); {
		// the next token: a run of bytes up to white space
		// (unicode.IsSpace), most often after one space
		if s[i] == ' ' {
			i++
		}
		if i < len(s) && (s[i] <= ' ' || s[i] >= utf8.RuneSelf) {
			i = skipSpace(s, i)
		}
		if i == len(s) {
			break
		}
		j := tokenEnd(s, i)
		t := s[i:j]
		i = j
		// Every token written otherwise opens with a backquote, an
		// apostrophe or a hyphen; a word is written as it is.
		w, asIs := t, true // asIs: w == t
		switch c := t[0]; {
		case c != '`' && c != '\'' && c != '-':
			if escaped && strings.IndexByte(t, '\\') >= 0 {
				w = ptbEscapes.Replace(t)
				asIs = w == t
			}
		default:
			w = ptbToken(t, &openSingle)
			asIs = w == t
		}
		start := j - len(t)
		// A word that opens with an ASCII letter or digit but n is
		// glued to nothing on its left, and to nothing on its right
		// unless it ends in a dollar sign (US$).
		word := isASCIIAlnum(w[0]) && w[0]|0x20 != 'n'
		right := (!word || w[len(w)-1] == '$') && ptbGlueRight(w)
		if !first {
			glue := prevRight || !word && (ptbGlueLeft(w) ||
				w == "'" || w == "’" || (w == "na" && (prev == "gon" || prev == "wan" || prev == "Gon" || prev == "Wan")))
			if !word && w == "." && strings.HasSuffix(prev, ".") {
				continue // "the U.S. ." ends on the abbreviation's stop
			}
			if !glue && run >= 0 && asIs && start == end+1 && s[end] == ' ' {
				end, prev, prevRight = j, w, right // the run goes on
				if !right {
					if k := plainStretch(s, j); k > j {
						end, prev, i = k, lastToken(s, k), k
					}
				}
				continue
			}
			if run >= 0 {
				b.WriteString(s[run:end])
				run = -1
			}
			if !glue {
				b.WriteByte(' ')
			}
		}
		first = false
		if asIs {
			run = start
		} else {
			b.WriteString(w)
		}
		end, prev, prevRight = j, w, right
		if run >= 0 && !right {
			if k := plainStretch(s, j); k > j {
				end, prev, i = k, lastToken(s, k), k
			}
		}
	}
	if run >= 0 {
		b.WriteString(s[run:end])
	}
	return !first
}

// plainStretch returns where the tokens after the one that ends at j go
// on its run: the end of the last of the words written as they stand, one
// space apart, that follow it (j when none does). It stops short of a
// token that opens with a byte that glues, brackets or puts back
// (ptbBreaksFirst), of "na" and of a token that holds a byte that may make
// it one to put back or that may be white space (ptbBreaksAny): the token
// loop reads those. It looks at each byte once, not at each token.
func plainStretch(s string, j int) int {
	if j >= len(s) || s[j] != ' ' {
		return j
	}
	last := j // the end of the last whole token of the stretch
	q := j + 1
	// Eight bytes at a time while none may stop the stretch: no byte of
	// ptbBreaksAny, and after each space an ASCII letter or digit but n.
	const ones, high = 0x0101010101010101, 0x8080808080808080
	var space uint64 = high >> 56 // whether the byte before the block is a space (s[j] is)
	for ; q+8 <= len(s); q += 8 {
		x := swar.Load64(s, q)
		y := x &^ high
		ascii := ^x & high
		stop := x&high | ascii&^(y+ones*(0x80-' ')) | // beyond ASCII, or a control byte
			bytesEqual(x, '$') | bytesEqual(x, '\'') | bytesEqual(x, '`') | bytesEqual(x, '\\')
		spaces := bytesEqual(x, ' ')
		alnum := bytesBetween(x, '0', '9') | bytesBetween(x, 'A', 'Z') | bytesBetween(x, 'a', 'z')
		after := spaces<<8 | space // the bytes after a space
		if stop|after&^(alnum&^bytesEqual(x, 'n')) != 0 {
			break // the loop below finds where
		}
		if spaces != 0 {
			last = q + 7 - bits.LeadingZeros64(spaces)/8
		}
		space = spaces >> 56
	}
	for ; q < len(s); q++ {
		c := s[q]
		switch {
		case c == ' ':
			if s[q-1] == ' ' {
				return last // two spaces
			}
			last = q
		case ptbBreaksAny[c]:
			return last
		case s[q-1] == ' ' && ptbBreaksFirst[c] && (c != 'n' || q+1 < len(s) && s[q+1] == 'a'):
			return last
		}
	}
	if s[len(s)-1] != ' ' {
		return len(s)
	}
	return last
}

// bytesEqual returns the high bit of each of the eight bytes of x that
// is c.
func bytesEqual(x uint64, c byte) uint64 {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	z := x ^ ones*uint64(c)
	return ^(((z &^ high) + ones*0x7f) | z) & high
}

// bytesBetween returns the high bit of each of the eight bytes of x that
// is an ASCII byte from lo to hi (0 < lo <= hi < 0x7f). With each byte's
// high bit cleared, adding to it carries into no other byte: the high bit
// of the sum says whether the byte is at least lo, or above hi.
func bytesBetween(x uint64, lo, hi byte) uint64 {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	y := x &^ high
	return (y + ones*uint64(0x80-lo)) &^ (y + ones*uint64(0x80-hi-1)) &^ x & high
}

// lastToken returns the token of s that ends at k.
func lastToken(s string, k int) string {
	return s[strings.LastIndexByte(s[:k], ' ')+1 : k]
}

// ptbBreaksAny marks the bytes that make the token holding them one the
// token loop must read: a dollar (US$ glues to the number after it), an
// apostrophe or backquote, a backslash (an escape), a control byte (white
// space among them) and every byte beyond ASCII (curly quotation marks,
// white space beyond ASCII).
var ptbBreaksAny = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c < ' ' || c >= utf8.RuneSelf
	}
	for _, c := range []byte("$'`\\") {
		t[c] = true
	}
	return t
}()

// ptbBreaksFirst marks the bytes that make the token they open one the
// token loop must read: the marks glued to the word before or after, a
// hyphen (-LRB-), and n (n't, na; n followed by a only).
var ptbBreaksFirst = func() (t [256]bool) {
	for _, c := range []byte(",.;:?!%)]}([{-n") {
		t[c] = true
	}
	return t
}()

// ptbToken returns a token that opens with a backquote, an apostrophe or
// a hyphen as written: quotation marks for the treebank's, brackets for
// -LRB- and its kind. openSingle counts the single quotations opened (by
// a backquote) and not yet closed.
func ptbToken(t string, openSingle *int) string {
	switch t {
	case "``":
		t = "“"
	case "''":
		t = "”"
	case "`":
		t = "‘"
		*openSingle++
	case "'":
		if *openSingle > 0 {
			t = "’"
			*openSingle--
		}
	case "-LRB-": // the treebank's brackets
		t = "("
	case "-RRB-":
		t = ")"
	case "-LSB-":
		t = "["
	case "-RSB-":
		t = "]"
	case "-LCB-":
		t = "{"
	case "-RCB-":
		t = "}"
	default:
		if strings.IndexByte(t, '\\') >= 0 {
			t = ptbEscapes.Replace(t)
		}
	}
	return t
}

// skipSpace returns the index of the first byte from i on that does not
// start white space (unicode.IsSpace), or len(s).
func skipSpace(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpace[c] == 0 {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			return i
		}
		i += size
	}
	return i
}

// tokenEnd returns the index of the first byte from i on that starts
// white space (unicode.IsSpace), or len(s).
func tokenEnd(s string, i int) int {
	// Eight bytes at a time while none is below '!' (white space among
	// them) or outside ASCII: the lowest byte the mask marks is the first
	// such (a borrow of the subtraction only comes from a byte below it
	// that is marked too).
	for i+8 <= len(s) {
		x := swar.Load64(s, i)
		m := ((x - 0x2121212121212121) | x) & 0x8080808080808080
		if m == 0 {
			i += 8
			continue
		}
		k := bits.TrailingZeros64(m) / 8
		i += k
		if c := byte(x >> (8 * k)); c < utf8.RuneSelf {
			if asciiSpace[c] != 0 {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return i
		}
		i += size
	}
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] != 0 {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

// asciiSpace marks the ASCII white space bytes, as strings.Fields does.
var asciiSpace = [256]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}

// joinQuoted joins the lines of a put-back treebank text that a quotation
// or a bracket runs across: such a text has one sentence a line, no
// paragraphs, so a quotation of three sentences would otherwise end with
// its first, and a sentence splitter that took "(BP.N)" for two sentences
// leaves "(BP." and "N) shares fell" on lines of their own. A quotation or
// bracket still open after maxQuotedLines lines is taken to be a stray
// mark and joins no more.
func (d *doc) joinQuoted() {
	const maxQuotedLines = 6
	out := d.lines[:0] // the lines kept, each written over one read before
	for i := 0; i < len(d.lines); i++ {
		l := d.lines[i]
		q, p := balance(l.s)
		if (q > 0 || p > 0) && i+1 < len(d.lines) && d.lines[i+1].s != "" {
			var b strings.Builder
			b.WriteString(l.s)
			last := l.s
			for n := 1; (q > 0 || p > 0) && n < maxQuotedLines && i+1 < len(d.lines) && d.lines[i+1].s != ""; n++ {
				i++
				next := d.lines[i].s
				if !strings.HasSuffix(last, ".") || !tickerTail(next) {
					b.WriteString(" ") // "(BP." and "N) shares": "(BP.N) shares"
				}
				b.WriteString(next)
				dq, dp := balance(next)
				q, p, last = q+dq, p+dp, next
			}
			l.s = b.String()
		}
		out = append(out, l)
	}
	clear(d.lines[len(out):])
	d.lines = out
}

// balance returns how many quotation marks and how many round brackets a
// line opens more than it closes (negative when it closes more).
func balance(s string) (quotes, brackets int) {
	if strings.Contains(s, "“") || strings.Contains(s, "”") {
		quotes = strings.Count(s, "“") - strings.Count(s, "”")
	}
	if strings.IndexByte(s, '(') >= 0 || strings.IndexByte(s, ')') >= 0 {
		brackets = strings.Count(s, "(") - strings.Count(s, ")")
	}
	return quotes, brackets
}

// unclosed counts the quotation marks and round brackets a line opens and
// does not close.
func unclosed(s string) int {
	q, p := balance(s)
	return max(0, q) + max(0, p)
}

// tickerTail reports whether a line opens with the end of a ticker symbol
// a sentence splitter cut off: one or two capitals and a closing bracket.
func tickerTail(s string) bool {
	k := 0
	for k < len(s) && k < 3 && s[k] >= 'A' && s[k] <= 'Z' {
		k++
	}
	return k >= 1 && k <= 2 && k < len(s) && s[k] == ')'
}

// titleIntoText puts back into the text a title that a reader took from
// the first line of a treebank text and that is the story's opening: a
// wire service's page stamp and dateline ("NEW YORK | Wed Jun 9, 2010 7:24
// pm EDT NEW YORK (Reuters) - BP Plc (BP."), a broadcaster's byline run
// into the first sentence ("By Jane Roe BBC News, Paris The ..."; see
// outletByline), or a line a bracket or quotation runs on from. It becomes the first line (at offset -1: not in
// the text before cleaning), for the dateline and joining rules to read.
//
// A headline run together with such an opening ("BP pledges oil fields to
// spill fund LONDON | Fri Oct 1, 2010 4:52 pm EDT LONDON (Reuters) - BP
// ...", "Bacteria fed on the spill, report says Tuesday, January 11, 2011;
// 12:31 AM The oil spill in ...") keeps the headline; the opening goes to
// the text, without a newspaper's stamp.
func (d *doc) titleIntoText() {
	t := d.a.Title
	if t == "" {
		return
	}
	// Each pattern is tried where the text holds a piece of it that
	// never changes (most titles hold neither).
	if m := findIfHolds(midStampRe, t, " | "); m != nil && m[0] > 0 {
		if at := stampStart(t, m[0]); hasLower(t[:at]) {
			d.a.Title = strings.TrimSpace(t[:at])
			d.lines = slices.Insert(d.lines, 0, line{s: strings.TrimSpace(t[at:]), off: -1})
			return
		}
	}
	if m := findIfHolds(paperStampRe, t, "; "); m != nil && m[1] < len(t) {
		d.debris = append(d.debris, storyline.Debris{Rule: RuleDateLine, Text: strings.TrimSpace(t[m[0]:m[1]]), Offset: -1})
		d.a.Title = strings.TrimSpace(t[:m[0]])
		d.lines = slices.Insert(d.lines, 0, line{s: strings.TrimSpace(t[m[1]:]), off: -1})
		return
	}
	if n, _, _, _ := cutPageStamp(t); n == 0 && unclosed(t) == 0 {
		_, o, _, k := Dateline(t)
		wire := k > 0 && o != "" && strings.Contains(t[:k], "(")
		if by, _ := outletByline(t); !wire && by == 0 {
			return
		}
	}
	d.lines = slices.Insert(d.lines, 0, line{s: t, off: -1})
	d.a.Title = ""
}

// midStampRe is a wire service's page stamp after a headline, from the
// dateline's place on: " LONDON | Fri Oct 1, 2010 4:52 pm EDT".
var midStampRe = regexp.MustCompile(` [A-Z][A-Z./' -]*[A-Z](?:, [A-Z][a-z]+)? \| (?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d\d [ap]m [A-Z]{2,4} `)

// stampStart returns where the page stamp that midStampRe found from
// from on starts: at the first word from there whose place the dateline
// after the stamp names again ("Spill costs hit BP LONDON | Fri Oct 1,
// 2010 4:52 pm EDT LONDON (Reuters) - ...": at LONDON, "BP" ends the
// headline), or at from when no word does.
func stampStart(t string, from int) int {
	bar := from + strings.Index(t[from:], " | ")
	for i := from; i < bar; i++ {
		if t[i] == ' ' {
			if n, _, _, _ := cutPageStamp(t[i+1:]); n > 0 {
				return i
			}
		}
	}
	return from
}

// paperStampRe is a newspaper's stamp of the day and time, between a
// headline and the story: "Tuesday, January 11, 2011; 12:31 AM".
var paperStampRe = regexp.MustCompile(fullWeekdayRe + `, ` + fullMonthRe + ` \d{1,2}, \d{4}; \d{1,2}:\d{2} [AP]M\b`)

// hasLower reports whether s holds an ASCII lower-case letter: a headline
// does, the first words of a place in capitals ("NEW" of "NEW YORK") do not.
func hasLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'a' <= s[i] && s[i] <= 'z' {
			return true
		}
	}
	return false
}
