package source

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// decodeMixed decodes UTF-8 text with stretches in a legacy encoding (a
// name pasted from a Windows-1251 page into a UTF-8 article, an accented
// word from a Latin-1 one): the UTF-8 stays as it is and only the runs
// of invalid bytes are decoded, each as what it looks like. ok is false
// when b holds no multi-byte UTF-8 character away from its invalid bytes:
// then it is not UTF-8 text at all, and the caller decides.
//
// The runs are Windows-1251 when they look like Cyrillic words (three
// bytes or more on average, nearly all letters); else a run of one or two
// accented letters beside an ASCII letter, or Windows-1252 punctuation, is
// Windows-1252; anything else is replaced by U+FFFD. Each choice is noted.
func decodeMixed(b []byte) (s string, repairs []string, ok bool) {
	end := len(b) - cutRune(b)
	type tok struct {
		i, n int
		bad  bool
	}
	var toks []tok
	for i := 0; i < end; {
		r, n := utf8.DecodeRune(b[i:end])
		toks = append(toks, tok{i, n, r == utf8.RuneError && n == 1})
		i += n
	}
	isolated := 0
	for k, t := range toks {
		if t.n > 1 && (k == 0 || !toks[k-1].bad) && (k == len(toks)-1 || !toks[k+1].bad) {
			isolated++
		}
	}
	if isolated == 0 {
		return "", nil, false
	}
	runs, total, letters := 0, 0, 0
	for k, t := range toks {
		if !t.bad {
			continue
		}
		if k == 0 || !toks[k-1].bad {
			runs++
		}
		total++
		if b[t.i] >= 0xC0 {
			letters++
		}
	}
	cyrillic := total >= 3*runs && letters*5 >= total*4
	if cyrillic {
		// Windows-1251 text can hold a valid UTF-8 pair by chance (an
		// upper-case letter before » is one): beside a run, it is part of it.
		for k, t := range toks {
			if t.n == 2 && b[t.i] <= 0xDF && (k > 0 && toks[k-1].bad || k+1 < len(toks) && toks[k+1].bad) {
				toks[k].bad = true
			}
		}
	}
	var sb strings.Builder
	sb.Grow(len(b) + 16)
	type count struct{ bytes, runs, first int }
	var as1251, as1252, replaced count
	note := func(c *count, start, n int) {
		if c.bytes == 0 {
			c.first = start
		}
		c.bytes += n
		c.runs++
	}
	for k := 0; k < len(toks); {
		t := toks[k]
		if !t.bad {
			sb.Write(b[t.i : t.i+t.n])
			k++
			continue
		}
		j := k
		for j < len(toks) && toks[j].bad {
			j++
		}
		start, stop := t.i, toks[j-1].i+toks[j-1].n
		run := b[start:stop]
		k = j
		if cyrillic {
			if d, err := charmap.Windows1251.NewDecoder().Bytes(run); err == nil && cleanDecode(d) {
				sb.Write(d)
				note(&as1251, start, len(run))
				continue
			}
		} else if latinRun(b, start, stop) {
			if d, err := charmap.Windows1252.NewDecoder().Bytes(run); err == nil && cleanDecode(d) {
				sb.Write(d)
				note(&as1252, start, len(run))
				continue
			}
		}
		for range run {
			sb.WriteRune(utf8.RuneError)
		}
		note(&replaced, start, len(run))
	}
	if end < len(b) {
		repairs = append(repairs, fmt.Sprintf("cut multi-byte character at the end removed (%d bytes)", len(b)-end))
	}
	if as1251.bytes > 0 {
		repairs = append(repairs, fmt.Sprintf("%d byte(s) in %d run(s) not UTF-8, decoded from Windows-1251, the first at byte %d", as1251.bytes, as1251.runs, as1251.first))
	}
	if as1252.bytes > 0 {
		repairs = append(repairs, fmt.Sprintf("%d byte(s) in %d run(s) not UTF-8, decoded from Windows-1252, the first at byte %d", as1252.bytes, as1252.runs, as1252.first))
	}
	if replaced.bytes > 0 {
		repairs = append(repairs, fmt.Sprintf("%d invalid UTF-8 byte(s) replaced, the first at byte %d", replaced.bytes, replaced.first))
	}
	return sb.String(), repairs, true
}

// latinRun reports whether b[start:stop], bytes that are not UTF-8, look
// like Windows-1252 inside UTF-8 text: one or two accented letters beside
// an ASCII letter ("caf\xe9"), or a curly quote or dash.
func latinRun(b []byte, start, stop int) bool {
	n := stop - start
	if n == 1 && strings.IndexByte("\x85\x91\x92\x93\x94\x96\x97", b[start]) >= 0 {
		return true
	}
	if n > 2 {
		return false
	}
	for _, c := range b[start:stop] {
		if c < 0xC0 || c == 0xD7 || c == 0xF7 || c == 0xFF {
			return false
		}
	}
	ascii := func(i int) bool {
		return i >= 0 && i < len(b) && (b[i]|0x20 >= 'a' && b[i]|0x20 <= 'z')
	}
	return ascii(start-1) || ascii(stop)
}
