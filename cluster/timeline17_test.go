package cluster_test

import (
	"strings"
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/cluster"
	"github.com/storyline/storyline/eval/ecbplus"
	"github.com/storyline/storyline/internal/shareddata"
)

// TestTimeline17 streams every Timeline17 article by date and scores the
// stories against the subjects (H1N1, MJ, bpoil, haiti), each told by
// several outlets' folders.
func TestTimeline17(t *testing.T) {
	docs, err := ecbplus.LoadTimeline17(shareddata.Dir(t, "eval/timeline17"))
	if err != nil {
		t.Fatal(err)
	}
	c := cluster.New(cluster.Options{})
	pred, folder, subject := map[string]string{}, map[string]string{}, map[string]string{}
	for _, d := range docs {
		p := c.Add(cluster.Doc{ID: d.ID, Title: d.Title, Text: d.Text, Published: storyline.DateOf(d.Published)})
		pred[d.ID], folder[d.ID] = p.StoryID, d.Topic
		subject[d.ID], _, _ = strings.Cut(d.Topic, "_")
		for _, mv := range p.Moves {
			pred[mv.ArticleID] = mv.Story
		}
	}
	for _, mv := range c.Settle() {
		pred[mv.ArticleID] = mv.Story
	}
	byFolder, _ := ecbplus.Score(pred, folder)
	bySubject, _ := ecbplus.Score(pred, subject)
	t.Logf("Timeline17 %d articles, %d stories: vs folders P %.3f R %.3f F1 %.3f B3 %.3f; vs subjects P %.3f R %.3f F1 %.3f B3 %.3f",
		len(docs), bySubject.Clusters, byFolder.Precision, byFolder.Recall, byFolder.F1, byFolder.BCubedF1,
		bySubject.Precision, bySubject.Recall, bySubject.F1, bySubject.BCubedF1)
	if bySubject.Precision < 0.95 || bySubject.F1 < 0.75 {
		t.Errorf("stories vs subjects: precision %.3f, F1 %.3f; want at least 0.95 and 0.75 (measured 0.998 and 0.781)", bySubject.Precision, bySubject.F1)
	}
}
