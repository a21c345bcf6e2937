package source

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// Binary names the kind of binary data b holds ("PNG image", "NUL bytes",
// "control characters"), or returns "" for text. UTF-16 text with a byte
// order mark is text.
func Binary(b []byte) string {
	if hasUTF16BOM(b) {
		return ""
	}
	head := b[:min(len(b), 8192)]
	if ct := http.DetectContentType(head); !strings.HasPrefix(ct, "text/") &&
		ct != "application/octet-stream" && !strings.Contains(ct, "json") && !strings.Contains(ct, "xml") {
		return ct
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return "NUL bytes"
	}
	if strayControls(head)*20 > len(head) {
		return "control characters"
	}
	return ""
}

// strayControls counts the bytes of b below 0x20 that text holds none of:
// all but the line feed, carriage return, tab, form feed and escape. It
// passes eight bytes at a time over the words that hold no byte below
// 0x20 (the borrow trick of mayControl), as most words of a text do.
func strayControls(b []byte) int {
	n, i := 0, 0
	for ; i+8 <= len(b); i += 8 {
		if x := binary.LittleEndian.Uint64(b[i:]); (x-ones*0x20)&^x&highs != 0 {
			n += strayControlsIn(b[i : i+8])
		}
	}
	return n + strayControlsIn(b[i:])
}

// strayControlsIn is strayControls, a byte at a time.
func strayControlsIn(b []byte) int {
	n := 0
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			n++
		}
	}
	return n
}

func hasUTF16BOM(b []byte) bool {
	return len(b) >= 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF)
}

// Decode turns text bytes into valid UTF-8, repairing what a reader would
// shrug off and saying what it did: a byte order mark is dropped, UTF-16
// is decoded, a multi-byte character cut at the end is removed, a few
// stray invalid bytes are replaced by U+FFFD, and text in a legacy 8-bit
// encoding (Windows-1251 Cyrillic, Latin-1 / Windows-1252) is decoded.
// Bytes that decode to nothing sensible are an error.
func Decode(b []byte) (string, []string, error) {
	var repairs []string
	switch {
	case bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")):
		b = b[3:]
	case hasUTF16BOM(b):
		s, err := decodeUTF16(b)
		if err != nil {
			return "", nil, err
		}
		return s, []string{"decoded from UTF-16"}, nil
	}
	if utf8.Valid(b) {
		return string(b), nil, nil
	}
	// A multi-byte character cut at the end (a page cut short).
	if cut := cutRune(b); cut > 0 && utf8.Valid(b[:len(b)-cut]) {
		repairs = append(repairs, fmt.Sprintf("cut multi-byte character at the end removed (%d bytes)", cut))
		return string(b[:len(b)-cut]), repairs, nil
	}
	// UTF-8 with stretches in a legacy encoding: decode only those.
	if s, repairs, ok := decodeMixed(b); ok {
		return s, repairs, nil
	}
	valid, invalid, high := 0, 0, 0
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			invalid++
		case n > 1:
			valid++
		}
		if b[i] >= 0x80 {
			high++
		}
		i += n
	}
	// UTF-8 with a few stray bytes: replace them. Text in a legacy
	// encoding rarely holds a valid multi-byte sequence, and its high
	// bytes are letters among letters.
	if valid > 0 && invalid <= valid || invalid <= 3 && !legacyLetters(b) {
		var sb strings.Builder
		sb.Grow(len(b))
		first := -1
		end := len(b) - cutRune(b)
		for i := 0; i < end; {
			r, n := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && n == 1 {
				if first < 0 {
					first = i
				}
				sb.WriteRune(utf8.RuneError)
			} else {
				sb.Write(b[i : i+n])
			}
			i += n
		}
		if end < len(b) {
			repairs = append(repairs, fmt.Sprintf("cut multi-byte character at the end removed (%d bytes)", len(b)-end))
		}
		repairs = append(repairs, fmt.Sprintf("%d invalid UTF-8 byte(s) replaced, the first at byte %d", invalid, first))
		return sb.String(), repairs, nil
	}
	// A legacy single-byte encoding.
	name, enc := guessLegacy(b)
	s, err := enc.NewDecoder().Bytes(b)
	if err != nil || !cleanDecode(s) {
		return "", nil, fmt.Errorf("undecodable encoding: not UTF-8, UTF-16, Windows-1251 or Latin-1")
	}
	return string(s), []string{"decoded from " + name}, nil
}

// cutRune returns how many bytes at the end of b are the start of a
// multi-byte character that was cut off, or 0.
func cutRune(b []byte) int {
	for n := 1; n < utf8.UTFMax && n <= len(b); n++ {
		c := b[len(b)-n]
		if c < 0x80 {
			return 0
		}
		if c >= 0xC0 { // a leading byte
			want := 2
			switch {
			case c >= 0xF0:
				want = 4
			case c >= 0xE0:
				want = 3
			}
			if want > n && !utf8.FullRune(b[len(b)-n:]) {
				return n
			}
			return 0
		}
	}
	return 0
}

// legacyLetters reports whether every high byte of b could be a letter of
// a single-byte encoding: Cyrillic in Windows-1251 (a run of high bytes) or
// an accented Latin-1 letter beside an ASCII letter.
func legacyLetters(b []byte) bool {
	isLetter := func(i int) bool {
		return i >= 0 && i < len(b) && (b[i] >= 'a' && b[i] <= 'z' || b[i] >= 'A' && b[i] <= 'Z' || b[i] >= 0xC0)
	}
	for i, c := range b {
		if c < 0x80 {
			continue
		}
		if c < 0xC0 && c != 0xA0 && c != 0xAB && c != 0xBB && c != 0xB0 && c != 0xB8 && c != 0xA8 || c == 0xD7 || c == 0xF7 {
			return false
		}
		if !isLetter(i-1) && !isLetter(i+1) {
			return false
		}
	}
	return true
}

// guessLegacy tells Windows-1251 from Latin-1: Cyrillic text is mostly
// high bytes, or words of them (three letters or more on average: a
// Russian name in an English text); Western European text mostly ASCII
// letters with a few accented ones among them.
func guessLegacy(b []byte) (string, encoding.Encoding) {
	high, ascii, c1, runs := 0, 0, 0, 0
	for i, c := range b {
		switch {
		case c >= 0xC0:
			high++
			if i == 0 || b[i-1] < 0xC0 {
				runs++
			}
		case c >= 0x80 && c < 0xA0:
			c1++
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			ascii++
		}
	}
	if high > 0 && (high*10 > (high+ascii)*4 || high >= 3*runs) {
		return "Windows-1251", charmap.Windows1251
	}
	if c1 > 0 {
		return "Windows-1252", charmap.Windows1252
	}
	return "Latin-1", charmap.ISO8859_1
}

// cleanDecode reports whether decoded text is free of control characters
// and undefined code points.
func cleanDecode(s []byte) bool {
	for _, r := range string(s) {
		if r == utf8.RuneError || r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' || r >= 0x80 && r < 0xA0 {
			return false
		}
	}
	return true
}

func decodeUTF16(b []byte) (string, error) {
	be := b[0] == 0xFE
	b = b[2:]
	if len(b)%2 == 1 {
		b = b[:len(b)-1]
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		if be {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	s := string(utf16.Decode(u))
	if !cleanDecode([]byte(s)) {
		return "", fmt.Errorf("undecodable encoding: broken UTF-16")
	}
	return s, nil
}
