package clean_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storyline/storyline/clean"
	"github.com/storyline/storyline/demo"
	"github.com/storyline/storyline/source"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden reads the demo corpus, cleans each article and compares the
// result with testdata/golden/<item>.json. Run with -update to rewrite the
// golden files after a deliberate change, and read the diff.
func TestGolden(t *testing.T) {
	n := 0
	for in := range source.FS(demo.Corpus(), ".") {
		for doc, err := range source.Read(in) {
			if err != nil {
				t.Fatalf("demo corpus: %v", err)
			}
			n++
			a, err := clean.Clean(doc.Article())
			if err != nil {
				t.Fatalf("%s: %v", doc.Origin, err)
			}
			again, err := clean.Clean(a)
			if err != nil || again.Text != a.Text || len(again.Debris) != len(a.Debris) {
				t.Errorf("%s: cleaning is not idempotent", doc.Origin)
			}
			a.Raw = nil
			got, err := json.MarshalIndent(a, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			name := strings.NewReplacer("/", "_", ":", "_").Replace(doc.Origin) + ".json"
			path := filepath.Join("testdata", "golden", name)
			if *update {
				os.MkdirAll(filepath.Dir(path), 0o755)
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./clean -run TestGolden -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s: cleaned article differs from %s (run with -update and read the diff):\n%s", doc.Origin, path, got)
			}
		}
	}
	if n < 10 {
		t.Errorf("read %d demo articles, want at least 10", n)
	}
}
