package clean
import ("testing";"fmt";"os";"bufio";"encoding/json";"strings";"github.com/storyline/storyline")
func TestZZ(t *testing.T){
	w := os.Getenv("ZZ"); if w == "" { t.Skip() }
	f, _ := os.Open("/work/realpages/dates/dev/pages.jsonl")
	sc := bufio.NewScanner(f); sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var p struct{URL, Text string}; json.Unmarshal(sc.Bytes(), &p)
		if !strings.Contains(p.URL, w) { continue }
		a, err := Clean(&storyline.Article{URL: p.URL, Text: p.Text})
		fmt.Println(err, a.Published, a.PublishedFrom, "title:", a.Title)
		for _, d := range a.Debris { fmt.Printf("  debris %-12s %q\n", d.Rule, d.Text) }
		fmt.Println(a.Text[:min(600, len(a.Text))])
	}
}
