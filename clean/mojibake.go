package clean

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mojibake: UTF-8 text that was read as Windows-1252 (or Latin-1) and
// written out again as UTF-8, so that "’" reads "â€™" and "é" reads "Ã©".
// Encoding such a run back to Windows-1252 gives the UTF-8 bytes of the
// characters meant; cleaning repairs the runs that decode so, and notes
// (in the article's repairs) a run of Latin-1 symbols that no decoding
// explains, which it leaves as it is.

// cp1252 maps the characters Windows-1252 puts at 0x80-0x9F to their
// bytes.
var cp1252 = map[rune]byte{'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88,
	'‰': 0x89, 'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95,
	'–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9A, '›': 0x9B, 'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F}

// legacyByte is the byte Windows-1252 (else Latin-1) writes r as; ok is
// false for a character neither has above 0x7F.
func legacyByte(r rune) (byte, bool) {
	if r >= 0x80 && r <= 0xFF {
		return byte(r), true
	}
	b, ok := cp1252[r]
	return b, ok
}

// mayHoldMojibake is the quick test: every character of a run is above
// 0x7F, and every mojibake holds a Latin-1 character (UTF-8 bytes C2 or
// C3 first).
func mayHoldMojibake(s string) bool {
	return strings.IndexByte(s, 0xC3) >= 0 || strings.IndexByte(s, 0xC2) >= 0
}

// repairMojibake returns s with every run that Windows-1252 encodes into
// the UTF-8 of another character decoded ("â€™" gives "’"), and how many
// characters it repaired.
func repairMojibake(s string) (string, int) {
	if !mayHoldMojibake(s) {
		return s, 0
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		lead, ok := legacyByte(r)
		if ok && lead >= 0xC2 && lead <= 0xF4 {
			need := 1
			switch {
			case lead >= 0xF0:
				need = 3
			case lead >= 0xE0:
				need = 2
			}
			buf := []byte{lead}
			j := i + size
			for k := 0; k < need && j < len(s); k++ {
				c, csize := utf8.DecodeRuneInString(s[j:])
				cb, ok := legacyByte(c)
				if !ok || cb < 0x80 || cb > 0xBF {
					break
				}
				buf = append(buf, cb)
				j += csize
			}
			if len(buf) == need+1 {
				if dec, dsize := utf8.DecodeRune(buf); dec != utf8.RuneError && dsize == len(buf) && westernRune(dec) {
					if b.Len() == 0 {
						b.Grow(len(s))
						b.WriteString(s[:i])
					}
					b.WriteRune(dec)
					n++
					i = j
					continue
				}
			}
		}
		if n > 0 {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	if n == 0 {
		return s, 0
	}
	return b.String(), n
}

// westernRune reports whether r is a character the mojibake of Western
// text decodes to: an accented Latin letter, a punctuation mark or a
// currency sign ("²Ñ³Ü" would decode to Cyrillic: no repair).
func westernRune(r rune) bool {
	return r >= 0xA0 && r <= 0x24F || r >= 0x2000 && r <= 0x206F || r >= 0x20A0 && r <= 0x20CF || r == '™'
}

// unreadableRun finds a run of eight characters or more of the Latin-1
// range with three symbols among them or more ("²Ñ³Ü¾±±ô±ð²Ô"): text no
// language writes, which no decoding explains. It returns where the run
// starts and the run, or -1.
func unreadableRun(s string) (int, string) {
	if !mayHoldMojibake(s) {
		return -1, ""
	}
	start, count, symbols := -1, 0, 0
	for i, r := range s + " " {
		if r >= 0xA0 && r <= 0xFF {
			if start < 0 {
				start, count, symbols = i, 0, 0
			}
			count++
			if !unicode.IsLetter(r) {
				symbols++
			}
			continue
		}
		if start >= 0 && count >= 8 && symbols >= 3 {
			return start, s[start:i]
		}
		start = -1
	}
	return -1, ""
}

// repairLines puts a Penn Treebank tokenised text back as written (see
// isPTB), repairs the mojibake of the title and of every line and
// notes it in the article's repairs, with the runs no decoding explains.
func (d *doc) repairLines() {
	if isPTB(d.a.Text) {
		d.a.Title = detokenizePTB(d.a.Title)
		detokenizeLines(d.lines)
		d.titleIntoText()
		d.joinQuoted()
		d.note("Penn Treebank tokens put back as written text: brackets (-LRB- -RRB-), quotation marks (`` ''), no space before punctuation")
	}
	total := 0
	fix := func(s string) string {
		out, n := repairMojibake(s)
		total += n
		return out
	}
	d.a.Title = fix(d.a.Title)
	for i := range d.lines {
		if d.lines[i].s != "" {
			d.lines[i].s = fix(d.lines[i].s)
		}
	}
	if total > 0 {
		d.note(fmt.Sprintf("mojibake repaired: %d characters were UTF-8 read as Windows-1252", total))
	}
	for _, l := range d.lines {
		if at, run := unreadableRun(l.s); at >= 0 {
			d.note(fmt.Sprintf("unreadable characters left as they are (mojibake no decoding explains): %q", run))
		}
	}
}

// note adds a repair note to the article, once.
func (d *doc) note(s string) {
	for _, r := range d.a.Repairs {
		if r == s {
			return
		}
	}
	d.a.Repairs = append(d.a.Repairs, s)
}
