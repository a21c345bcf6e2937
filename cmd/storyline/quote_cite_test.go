package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestQuotesCiteArticles: the quotes command names each quote's article
// as timelines cite it, by outlet and title (an untitled one by its first
// words), never by the local file it was read from. The articles are made
// up.
func TestQuotesCiteArticles(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"titled.jsonl": `{"url":"https://wire.example/2021/03/17/envoy-recalled","title":"Envoy recalled for talks","source":"Wire Daily","published":"2021-03-17",` +
			`"text":"Russia recalled its ambassador in Washington on Wednesday.\n\n“We want to understand where relations are heading,” Maria Zakharova said."}` + "\n",
		"plain.txt": "The envoy arrived at the ministry on Monday, March 22, 2021, for two hours of talks. He left without a word to the reporters waiting outside.\n\n" +
			"“The talks were useful,” Sergei Ryabkov told reporters.",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "q.db")
	mustCLI(t, db, "ingest", dir)
	out := mustCLI(t, db, "quotes")
	for _, want := range []string{"Wire Daily, “Envoy recalled for talks”", "[The envoy arrived at the ministry on Monday,"} {
		if !strings.Contains(out, want) {
			t.Errorf("quotes does not cite %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, dir) || strings.Contains(out, ".txt") || strings.Contains(out, ".jsonl") {
		t.Errorf("quotes shows a local file path:\n%s", out)
	}
}
