package source

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// gzipped returns data gzip-compressed, cut to its first keep bytes
// (all of it when keep is 0).
func gzipped(t *testing.T, data string, keep int) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(data))
	zw.Close()
	if keep == 0 {
		return b.Bytes()
	}
	return b.Bytes()[:keep]
}

// TestTruncatedGzip: a gzip file cut short gives what came through, and
// the cut is noted on the item it falls in: a repair on a document, a
// word in the reason of a rejection.
func TestTruncatedGzip(t *testing.T) {
	dir := t.TempDir()
	var body strings.Builder
	body.WriteString("Envoy recalled\n\n")
	for i := 0; i < 200; i++ {
		body.WriteString("Moscow recalled its ambassador from Washington for consultations, the ministry said. ")
	}
	full := gzipped(t, body.String(), 0)
	os.WriteFile(filepath.Join(dir, "a.txt.gz"), full[:len(full)-40], 0o644)

	lines := `{"title": "One", "text": "The first article says the envoy flew home."}
{"title": "Two", "text": "The second article says the talks went on."}
{"title": "Three", "text": "` + strings.Repeat("The third article is long and its gzip stream is cut. ", 40) + `"}
`
	zl := gzipped(t, lines, 0)
	os.WriteFile(filepath.Join(dir, "b.jsonl.gz"), zl[:len(zl)-20], 0o644)
	os.WriteFile(filepath.Join(dir, "c.txt.gz"), gzipped(t, "Whole\n\nA whole article, not cut.", 0), 0o644)

	var got []string
	for in := range Files([]string{dir}, nil) {
		for d, err := range Read(in) {
			if err != nil {
				got = append(got, strings.TrimPrefix(err.Error(), dir+"/"))
				continue
			}
			got = append(got, strings.TrimPrefix(d.Origin, dir+"/")+" "+strings.Join(d.Repairs, "; "))
		}
	}
	if len(got) != 5 {
		t.Fatalf("got %d items, want 5: %q", len(got), got)
	}
	cut := "gzip stream cut short after "
	if !strings.HasPrefix(got[0], "a.txt.gz ") || !strings.Contains(got[0], cut) {
		t.Errorf("cut text article: %q, want a repair saying %q", got[0], cut)
	}
	if got[1] != "b.jsonl.gz:1 " || got[2] != "b.jsonl.gz:2 " {
		t.Errorf("whole lines before the cut: %q, %q, want no repair", got[1], got[2])
	}
	if !strings.HasPrefix(got[3], "b.jsonl.gz: line 3: malformed JSON") || !strings.Contains(got[3], cut) {
		t.Errorf("cut line: %q", got[3])
	}
	if got[4] != "c.txt.gz " {
		t.Errorf("whole gzip: %q, want no repair", got[4])
	}
}
