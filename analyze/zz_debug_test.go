package analyze

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/clean"
	"github.com/storyline/storyline/source"
	"github.com/storyline/storyline/timex"
)

func TestZZTenses(t *testing.T) {
	f, err := os.Open("/work/realpages/dates/dev/pages.jsonl")
	if err != nil || os.Getenv("ZZ") == "" {
		t.Skip()
	}
	want := os.Getenv("ZZ")
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var p struct{ URL, Text string }
		json.Unmarshal(sc.Bytes(), &p)
		if want != "all" && !strings.Contains(p.URL, want) {
			continue
		}
		for d := range source.Read(source.Input{Origin: "x.jsonl", Name: "x.jsonl", Data: sc.Bytes()}) {
			if d == nil {
				continue
			}
			a, err := clean.Clean(d.Article())
			if err != nil {
				continue
			}
			if want == "all" && !a.Published.IsZero() {
				continue
			}
			fmt.Println("=====", p.URL, a.Published)
			for _, tx := range timex.Tag(a.Text, storyline.Date{}) {
				if tx.Type != "DATE" {
					continue
				}
				fmt.Printf("   %-14s %-7s %q\n", tx.Value, tx.Tense, tx.Text)
			}
		}
	}
}
