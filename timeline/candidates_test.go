package timeline

import (
	"fmt"
	"slices"
	"testing"

	"github.com/storyline/storyline"
)

// A report index finds the reports of a statement's own article that
// sameStory may join with it (ofArticle) in its window of sentences as
// a reading of the article's whole list would: its lead, the reports
// about the focus when it is, those a sentence or two away, all of them
// for a lead; below the limit, and none the probe found already.
func TestOfArticleReadsTheWholeList(t *testing.T) {
	for seed := range uint64(4) {
		stmts, arts := crowded(seed, 400)
		if seed%2 == 1 {
			for i := range stmts { // one date: some twenty reports of each article
				stmts[i].Date = storyline.Day(2021, 3, 12)
			}
		}
		for _, opt := range []Options{{}, {Focus: []string{"Anatoly Antonov"}}} {
			t.Run(fmt.Sprintf("seed %d focus %v", seed, opt.Focus != nil), func(t *testing.T) {
				checkOfArticle(t, prepare(stmts, arts, opt))
			})
		}
	}
}

func checkOfArticle(t *testing.T, items []*item) {
	t.Helper()
	byDate := map[storyline.Date][]*item{}
	for _, it := range items {
		byDate[it.date] = append(byDate[it.date], it)
	}
	tested := 0
	for _, reports := range byDate {
		if len(reports) <= fewReports {
			continue // not indexed
		}
		r := newDayReports(reports, true)
		for _, x := range items {
			for _, limit := range []int{len(reports), len(reports) / 2} {
				r.probe++
				r.seen[0] = r.probe // the probe found the first report already
				got := r.ofArticle(x, limit, nil)
				slices.Sort(got)
				var want []int
				for j, y := range reports[:limit] {
					if j == 0 || y.st.ArticleID != x.st.ArticleID {
						continue
					}
					if x.lead || y.lead || x.focus && y.focus || abs(x.st.Sentence-y.st.Sentence) <= continuityWindow {
						want = append(want, j)
					}
				}
				if !slices.Equal(got, want) {
					t.Fatalf("%s sentence %d (lead %v, focus %v), limit %d: reports %v, want %v",
						x.st.ArticleID, x.st.Sentence, x.lead, x.focus, limit, got, want)
				}
				tested += len(want)
			}
		}
		r.release()
	}
	if tested == 0 {
		t.Fatal("no date has an index with reports of one article: the input tests nothing")
	}
}
