package source

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// goldenItem is one document or item error as a golden file records it.
type goldenItem struct {
	Error         string   `json:"error,omitempty"`
	Origin        string   `json:"origin,omitempty"`
	Item          string   `json:"item,omitempty"`
	Format        string   `json:"format,omitempty"`
	URL           string   `json:"url,omitempty"`
	Title         string   `json:"title,omitempty"`
	Byline        string   `json:"byline,omitempty"`
	Source        string   `json:"source,omitempty"`
	Language      string   `json:"language,omitempty"`
	Published     string   `json:"published,omitempty"`
	PublishedFrom string   `json:"published_from,omitempty"`
	Repairs       []string `json:"repairs,omitempty"`
	RawBytes      int      `json:"raw_bytes,omitempty"`
	Text          string   `json:"text,omitempty"`
}

// readGolden reads a file as storyline would (gzip undone, format
// detected) and renders what came out.
func readGolden(t *testing.T, path string) []byte {
	t.Helper()
	var items []goldenItem
	for in := range Files([]string{path}, nil) {
		for d, err := range Read(in) {
			if err != nil {
				items = append(items, goldenItem{Error: err.Error()})
				continue
			}
			items = append(items, goldenItem{
				Origin: d.Origin, Item: d.Item, Format: d.Format, URL: d.URL, Title: d.Title,
				Byline: d.Byline, Source: d.Source, Language: d.Language,
				Published: d.Published.String(), PublishedFrom: string(d.PublishedFrom),
				Repairs: d.Repairs, RawBytes: len(d.Raw), Text: d.Text,
			})
		}
	}
	out, err := json.MarshalIndent(items, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(out, '\n')
}

// TestGolden reads every page, feed and archive under testdata/html,
// testdata/feed and testdata/warc and compares what comes out with the
// file's .golden beside it. Run with -update to rewrite them.
func TestGolden(t *testing.T) {
	for _, dir := range []string{"html", "feed", "warc"} {
		paths, err := filepath.Glob(filepath.Join("testdata", dir, "*"))
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range paths {
			if strings.HasSuffix(path, ".golden") {
				continue
			}
			t.Run(filepath.ToSlash(path), func(t *testing.T) {
				got := readGolden(t, path)
				golden := path + ".golden"
				if *update {
					if err := os.WriteFile(golden, got, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test -run TestGolden -update to create it)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from %s; got:\n%s", path, golden, got)
				}
			})
		}
	}
}
