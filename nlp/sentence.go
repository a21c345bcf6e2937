package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences splits text into sentences, as real pages write them.
//
// A blank line always ends a sentence, and so does a line break, unless it
// wraps a sentence (the line ends without a stop and the next goes on in
// lower case). Within a line a sentence ends at '.', '!' or '?', with any
// closing quotes or brackets after it, and
//   - white space and a word that can start a sentence, unless the stop
//     ends a known abbreviation or an initial;
//   - or a lower-case word after a full stop that ends a plain word ("the
//     ambassador emphasized. that Russia offers"), a word of text gone
//     missing rather than an abbreviation;
//   - or, with no space at all, a capitalised word ("legal logic .Vladimir
//     Putin"), as scraped text joins sentences.
//
// A quotation of several sentences that its attribution follows after a
// comma ("“A. B,” the ambassador said.") stays one sentence, and a heading
// in capitals glued to the sentence after it ("HOW IT HAPPENED The
// cyclone ...") is a sentence of its own.
func Sentences(text string) []Span {
	var out []Span
	start := 0 // where the current run of wrapped lines began
	lineStart := 0
	for lineStart <= len(text) {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		next := lineEnd + 1
		if lineEnd < len(text) && wraps(text, start, lineEnd, next) {
			lineStart = next // the sentence goes on on the next line
			continue
		}
		out = splitLine(text, start, lineEnd, out)
		start, lineStart = next, next
	}
	return out
}

// wraps reports whether the line break at end (the line starting at start)
// wraps a sentence: the line is long, does not end a sentence, and the next
// line goes on in lower case.
func wraps(text string, start, end, next int) bool {
	s, e := trim(text, start, end)
	if e-s < 40 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(text[s:e])
	if strings.ContainsRune(".!?:;\"”’»)", last) {
		return false
	}
	if next >= len(text) || text[next] == '\n' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[next:])
	return unicode.IsLower(r)
}

// splitLine splits text[start:end] (one line, or lines wrapping one
// paragraph) into sentences and appends them to out.
func splitLine(text string, start, end int, out []Span) []Span {
	s := start
	if h := capsHeading(text, start, end); h > 0 {
		if ts, te := trim(text, start, h); ts < te {
			out = append(out, Span{ts, te})
		}
		s = h
	}
	i := s
	stops := newStopFinder(text[:end], i)
	for i < end {
		// on to the next stop
		if i = stops.at(i); i < 0 {
			break
		}
		c := text[i]
		stop := i
		j := i + 1
		// Runs of stops ("?!", "...") and closing quotes or brackets.
		closed := false
		for j < end {
			r, n := utf8.DecodeRuneInString(text[j:])
			if r == '.' || r == '!' || r == '?' {
				j += n
				continue
			}
			if isCloser(r) {
				closed = true
				j += n
				continue
			}
			break
		}
		if j < end && !isSpaceByte(text[j]) {
			// No space after the stop: a sentence joined to the next one.
			if k := gluedStart(text, s, stop, j, end); k > 0 && !inQuotation(text, s, stop, end) {
				out = appendSpan(out, text, s, j)
				s, i = k, k
				continue
			}
			i = j
			continue
		}
		k := j
		for k < end && isSpaceByte(text[k]) {
			k++
		}
		if k >= end {
			i = j
			break
		}
		if c == '.' && isAbbreviation(text, s, stop) {
			i = j
			continue
		}
		if !canStartSentence(text[k:end]) && !(c == '.' && j == stop+1 && !closed && lostWordBreak(text, s, stop, k, end)) {
			i = j
			continue
		}
		if inQuotation(text, s, stop, end) {
			i = j
			continue
		}
		out = appendSpan(out, text, s, j)
		s = k
		i = k
	}
	return appendSpan(out, text, s, end)
}

func appendSpan(out []Span, text string, s, e int) []Span {
	if ts, te := trim(text, s, e); ts < te {
		out = append(out, Span{ts, te})
	}
	return out
}

// gluedStart returns where the next sentence starts when a stop at stop
// (its run and closers ending at j) is glued to it without a space: a
// capitalised word of lower-case letters ("logic .Vladimir Putin",
// "emphasized.The talks"), after a plain word or a space. It returns 0
// when the stop belongs to an abbreviation, a number, a name or an address.
func gluedStart(text string, s, stop, j, end int) int {
	if j != stop+1 && text[stop] == '.' && j < end && text[j-1] == '.' {
		return 0 // "..." runs into the next word
	}
	k := j
	r, n := utf8.DecodeRuneInString(text[k:end])
	if isOpener(r) && r != '-' && r != '–' && r != '—' {
		k += n
		r, n = utf8.DecodeRuneInString(text[k:end])
	}
	if !unicode.IsUpper(r) {
		return 0
	}
	// The word after: a capital then lower-case letters ("Vladimir"), not
	// "U.S" or "McX" glued inside a name or a domain.
	lower := 0
	for w := k + n; w < end; {
		r2, n2 := utf8.DecodeRuneInString(text[w:end])
		if !unicode.IsLetter(r2) {
			if r2 == '.' {
				return 0 // another initial or abbreviation
			}
			break
		}
		if unicode.IsLower(r2) {
			lower++
		}
		w += n2
	}
	if lower < 1 {
		return 0
	}
	// The word before: lower-case letters, or a space before the stop.
	if stop > s && text[stop-1] == ' ' {
		return k
	}
	if text[stop] == '.' && isAbbreviation(text, s, stop) {
		return 0
	}
	w, letters, upper := stop, 0, 0
	for w > s {
		r2, n2 := utf8.DecodeLastRuneInString(text[s:w])
		if !unicode.IsLetter(r2) {
			break
		}
		letters++
		if unicode.IsUpper(r2) {
			upper++
		}
		w -= n2
	}
	if letters < 2 || upper > 1 || text[stop] == '.' && strings.ContainsAny(text[max(s, w-1):w], "./@") {
		return 0
	}
	return k
}

// lostWordBreak reports whether a full stop at stop, after a plain word of
// lower-case letters, ends a sentence although a lower-case word follows
// at k: the next sentence lost its first words ("the ambassador
// emphasized. that Russia offers"). A following word with a stop of its
// own ("e.g.") is an abbreviation going on.
func lostWordBreak(text string, s, stop, k, end int) bool {
	// The word after.
	w := k
	for w < end {
		r, n := utf8.DecodeRuneInString(text[w:end])
		if !unicode.IsLetter(r) {
			if r == '.' {
				return false
			}
			break
		}
		if !unicode.IsLower(r) {
			return false
		}
		w += n
	}
	if w-k < 2 {
		return false
	}
	// The word before: three lower-case letters or more, no abbreviation.
	b, letters := stop, 0
	for b > s {
		r, n := utf8.DecodeLastRuneInString(text[s:b])
		if !unicode.IsLetter(r) {
			break
		}
		if !unicode.IsLower(r) {
			return false
		}
		letters++
		b -= n
	}
	if letters < 3 || abbreviations[text[b:stop]] || b > s && text[b-1] == '.' {
		return false
	}
	return true
}

// inQuotation reports whether a stop at stop lies inside a quotation of the
// line that its attribution follows after a comma ("“A. B,” he said"), so
// that the quotation and its attribution stay one sentence.
func inQuotation(text string, s, stop, end int) bool {
	open, straight := quoteOpenAt(text, s, stop)
	if !open {
		return false
	}
	// The closing mark, not too far on.
	limit := min(end, stop+1200)
	for k := stop + 1; k < limit; {
		r, n := utf8.DecodeRuneInString(text[k:limit])
		if r == '”' || r == '»' || straight && r == '"' {
			prev, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text[s:k], " "))
			return prev == ','
		}
		if !straight && (r == '“' || r == '«') {
			return false
		}
		k += n
	}
	return false
}

// quoteOpenAt reports whether a quotation is open at i in the line from s:
// an opening curly or angle quote not yet closed, or an odd number of
// straight double quotes.
func quoteOpenAt(text string, s, i int) (open, straight bool) {
	curly, straights := 0, 0
	for _, r := range text[s:i] {
		switch r {
		case '“', '«':
			curly = 1
		case '”', '»':
			curly = 0
		case '"':
			straights++
		}
	}
	if curly > 0 {
		return true, false
	}
	return straights%2 == 1, true
}

// capsHeading returns where a heading in capitals glued to the start of a
// line ends ("THIS IS HOW IT HAPPENED The cyclone ..."): three words of
// capitals or more, then a capitalised word of lower-case letters; 0 when
// the line has none.
func capsHeading(text string, start, end int) int {
	words := 0
	i := start
	for i < end {
		for i < end && text[i] == ' ' {
			i++
		}
		w := i
		caps, lower := 0, 0
		for i < end && text[i] != ' ' {
			r, n := utf8.DecodeRuneInString(text[i:end])
			switch {
			case unicode.IsUpper(r):
				caps++
			case unicode.IsLower(r):
				lower++
			case unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-':
			default:
				return 0
			}
			i += n
		}
		if i == w {
			return 0
		}
		if lower > 0 {
			if words >= 3 && caps == 1 && unicode.IsUpper(rune(text[w])) {
				return w
			}
			return 0
		}
		if caps < 2 && words == 0 {
			return 0
		}
		words++
	}
	return 0
}

func canStartSentence(rest string) bool {
	for _, r := range rest {
		if isOpener(r) {
			continue
		}
		return unicode.IsUpper(r) || unicode.IsDigit(r) || r > unicode.MaxLatin1 && !unicode.IsLower(r)
	}
	return false
}

// isAbbreviation reports whether the word that ends at the stop at index
// dot is an abbreviation or an initial ("Mr.", "U.S.", "J.").
func isAbbreviation(text string, lineStart, dot int) bool {
	w := dot
	for w > lineStart {
		r, n := utf8.DecodeLastRuneInString(text[lineStart:w])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		w -= n
	}
	word := text[w:dot]
	if word == "" {
		return false
	}
	if strings.Contains(word, ".") { // U.S, a.m, e.g
		return true
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r)
	}
	return abbreviations[strings.ToLower(word)]
}

var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "sen": true,
	"rep": true, "gov": true, "lt": true, "col": true, "capt": true, "sgt": true, "maj": true,
	"adm": true, "cmdr": true, "st": true, "jr": true, "sr": true, "rev": true, "hon": true,
	"pres": true, "supt": true, "insp": true, "amb": true, "atty": true, "messrs": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "bros": true, "dept": true, "univ": true,
	"no": true, "nos": true, "vs": true, "etc": true, "approx": true, "est": true, "fig": true,
	"ave": true, "blvd": true, "mt": true, "ft": true, "vol": true, "ed": true, "eds": true,
}
