package source

import (
	"slices"
	"strings"
	"testing"
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
