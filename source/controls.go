package source

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/storyline/storyline/internal/swar"
	"golang.org/x/text/encoding/charmap"
)

// stripControls removes from the document's fields the control characters
// no article holds, which a terminal takes as commands and a database may
// cut a string at: NUL, ESC and the other C0 controls, and DEL. The text
// keeps its tabs and line breaks (a form feed or vertical tab becomes a
// line break); in one-line fields they become spaces. A C1 control (U+0080
// to U+009F) is the Windows-1252 punctuation it stands for (U+0092 is ’),
// or is removed. Each field changed is noted in Repairs; Raw is left as
// it came.
func (d *Document) stripControls() {
	fields := []struct {
		name string
		s    *string
		text bool
	}{
		{"title", &d.Title, false}, {"text", &d.Text, true}, {"URL", &d.URL, false},
		{"source", &d.Source, false}, {"byline", &d.Byline, false}, {"language", &d.Language, false},
	}
	for _, f := range fields {
		s, removed, mapped := stripControls(*f.s, f.text)
		*f.s = s
		if removed > 0 {
			d.Repairs = append(d.Repairs, fmt.Sprintf("%d control character(s) removed from the %s", removed, f.name))
		}
		if mapped > 0 {
			d.Repairs = append(d.Repairs, fmt.Sprintf("%d C1 control character(s) in the %s read as Windows-1252 punctuation", mapped, f.name))
		}
	}
}

// stripControls returns s without its control characters, and how many
// it removed and how many C1 controls it read as Windows-1252.
func stripControls(s string, text bool) (out string, removed, mapped int) {
	if !hasControls(s, text) {
		return s, 0, 0
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			if !text {
				r = ' '
			}
			b.WriteRune(r)
		case r == '\f' || r == '\v':
			if text {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		case r < 0x20 || r == 0x7f:
			removed++
		case r >= 0x80 && r < 0xa0:
			if p := charmap.Windows1252.DecodeByte(byte(r)); p >= 0xa0 && p != utf8.RuneError {
				b.WriteRune(p)
				mapped++
			} else {
				removed++
			}
		default:
			b.WriteRune(r)
		}
	}
	out = b.String()
	if !text {
		out = collapseSpace(out)
	}
	return out, removed, mapped
}

// hasControls reports, in one pass over the bytes, whether stripControls
// would change s: whether it holds a C0 control (but for a text's tab,
// line feed and carriage return), DEL or a C1 control (0xC2 followed by
// 0x80-0x9F: in valid UTF-8, 0xC2 only ever starts a rune); or, holding a
// text's line breaks or tabs, is not valid UTF-8 (the rune-by-rune copy
// writes U+FFFD for each bad byte; a text without any control is let
// through as it is).
func hasControls(s string, text bool) bool {
	breaks := false
	for i := 0; i < len(s); i++ {
		// Eight bytes at a time, past those that are none of the
		// bytes below (a word test: no byte under 0x20, none 0x7F or
		// 0xC2); a word that holds one is looked at byte by byte.
		for i+8 <= len(s) && !mayControl(swar.Load64(s, i)) {
			i += 8
		}
		if i == len(s) {
			break
		}
		switch c := s[i]; {
		case c < 0x20:
			if !text || c != '\t' && c != '\n' && c != '\r' {
				return true
			}
			breaks = true
		case c == 0x7f:
			return true
		case c == 0xc2:
			if i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] < 0xa0 {
				return true
			}
		}
	}
	return breaks && !utf8.ValidString(s)
}

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// mayControl reports whether a word of eight bytes holds a byte under
// 0x20, 0x7F or 0xC2 (the bit tricks for a byte under n and a zero byte,
// which have no false negatives).
func mayControl(x uint64) bool {
	under20 := (x - ones*0x20) & ^x & highs
	y := x ^ ones*0x7f
	is7F := (y - ones) & ^y & highs
	z := x ^ ones*0xc2
	isC2 := (z - ones) & ^z & highs
	return under20|is7F|isC2 != 0
}
