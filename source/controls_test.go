package source

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storyline/storyline/internal/swar"
	"golang.org/x/text/encoding/charmap"
)

func TestStripControls(t *testing.T) {
	jsonl := `{"title": "Envoy\u0000 recalled \u001b[31mnow\u001b[0m", "source": "Wire\u0007", ` +
		`"url": "https://wire.example/a\u0000b", "text": "Antonov\u0092s\tflight\u0000 home.\r\nHe landed\fon Sunday.\u007f"}`
	docs, errs := readAll(t, "x.jsonl", jsonl)
	if len(errs) > 0 || len(docs) != 1 {
		t.Fatalf("docs %d errs %q", len(docs), errs)
	}
	d := docs[0]
	got := []string{d.Title, d.Source, d.URL, d.Text}
	want := []string{"Envoy recalled [31mnow[0m", "Wire", "https://wire.example/ab", "Antonov’s\tflight home.\r\nHe landed\non Sunday."}
	if !slices.Equal(got, want) {
		t.Errorf("fields %q\nwant %q", got, want)
	}
	wantRepairs := []string{
		"3 control character(s) removed from the title",
		"2 control character(s) removed from the text",
		"1 C1 control character(s) in the text read as Windows-1252 punctuation",
		"1 control character(s) removed from the URL",
		"1 control character(s) removed from the source",
	}
	if !slices.Equal(d.Repairs, wantRepairs) {
		t.Errorf("repairs %q\nwant %q", d.Repairs, wantRepairs)
	}
	if !strings.Contains(string(d.Raw), `\u0000`) {
		t.Errorf("raw bytes changed: %q", d.Raw)
	}

	// A plain-text file: ESC passes the binary check, and is removed.
	docs, _ = readAll(t, "x.txt", "Title \x1b]0;owned\x07here\n\nThe body \x1b[2Jtext.")
	if len(docs) != 1 || docs[0].Title != "Title ]0;ownedhere" || docs[0].Text != "The body [2Jtext." {
		for _, d := range docs {
			t.Errorf("text file: title %q text %q", d.Title, d.Text)
		}
	}
}

func FuzzStripControls(f *testing.F) {
	f.Add("a\x00b\x1b[0m\u0092\u0081\t\n\r\f", true)
	f.Fuzz(func(t *testing.T, s string, text bool) {
		out, _, _ := stripControls(s, text)
		for _, r := range out {
			if r < 0x20 && !(text && (r == '\t' || r == '\n' || r == '\r')) || r >= 0x7f && r < 0xa0 {
				t.Fatalf("stripControls(%q, %v) = %q keeps %U", s, text, out, r)
			}
		}
		if again, _, _ := stripControls(out, text); again != out {
			t.Fatalf("not idempotent: %q then %q", out, again)
		}
	})
}

// stripControlsSlow is stripControls as it was before hasControls: a
// string with any control (line breaks too) goes through the rune-by-rune
// copy.
func stripControlsSlow(s string, text bool) (out string, removed, mapped int) {
	clean := true
	for _, r := range s {
		if r < 0x20 || r >= 0x7f && r < 0xa0 {
			clean = false
			break
		}
	}
	if clean {
		return s, 0, 0
	}
	var b strings.Builder
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

// FuzzStripControlsQuick: the quick test lets through unchanged only what
// the rune-by-rune copy leaves as it is: stripControls gives what it gave
// before hasControls.
func FuzzStripControlsQuick(f *testing.F) {
	for _, s := range []string{"", "plain text", "two\nlines\tand a tab\r\n", "  spaced  title ", "\u0092", "\xc2", "\xc2\x9f", "\xc2\xa0",
		"bad \xff byte", "\ufffd", "é\u00a0à", "\x7f", "\x00", "\f\v", "\u0085 next line",
		"eight by\x7ftes and more", "sixteen bytes ok\x1fthen", "1234567\xc2\x85abcdefgh", "12345678\x00", "abcdefghijklmnop\n\xff",
		"\x80\x80\x80\x80\x80\x80\x80\x80\x1f", "\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\x7f", "\xe2\x80\x99\xe2\x80\x99\xe2\x80\x99 x\n"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, text bool) {
		got, gr, gm := stripControls(s, text)
		want, wr, wm := stripControlsSlow(s, text)
		if got != want || gr != wr || gm != wm {
			t.Fatalf("stripControls(%q, %v) = %q, %d, %d; the copy gives %q, %d, %d", s, text, got, gr, gm, want, wr, wm)
		}
	})
}

// TestMayControl tries the word test on every byte in every place of a
// word among bytes that are none of those it looks for.
func TestMayControl(t *testing.T) {
	for _, fill := range []byte{' ', 'a', 0x20, 0x7e, 0x80, 0xc1, 0xc3, 0xff} {
		for at := range 8 {
			for c := range 256 {
				b := []byte{fill, fill, fill, fill, fill, fill, fill, fill}
				b[at] = byte(c)
				want := c < 0x20 || c == 0x7f || c == 0xc2
				if got := mayControl(swar.Load64(string(b), 0)); got != want {
					t.Errorf("mayControl(%q) = %v, want %v", b, got, want)
				}
			}
		}
	}
}

// strayControls, eight bytes at a time, counts what the byte-by-byte loop
// counts, for every byte at every place of lines around a word's length,
// with a second control byte in the line or not.
func TestStrayControlsEveryByte(t *testing.T) {
	for _, fill := range []byte{' ', 'a', '\n', 0x1b, 0x80, 0xff} {
		for n := range 20 {
			for i := range n {
				for c := range 256 {
					b := bytes.Repeat([]byte{fill}, n)
					b[i] = byte(c)
					if got, want := strayControls(b), strayControlsIn(b); got != want {
						t.Fatalf("strayControls(%q) = %d, want %d", b, got, want)
					}
					b[n-1-i] = 0x01
					if got, want := strayControls(b), strayControlsIn(b); got != want {
						t.Fatalf("strayControls(%q) = %d, want %d", b, got, want)
					}
				}
			}
		}
	}
}
