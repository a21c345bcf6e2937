package cluster

import (
	"fmt"
	"os"
	"testing"

	"github.com/storyline/storyline"

	"github.com/storyline/storyline/eval/ecbplus"
	"github.com/storyline/storyline/internal/shareddata"
)

// TestDumpFeatures writes, for an oracle stream of ECB+, the features of
// each document against every candidate event, for offline analysis.
func TestDumpFeatures(t *testing.T) {
	out := os.Getenv("CLUSTER_DUMP")
	if out == "" {
		t.Skip("set CLUSTER_DUMP to a file to dump features")
	}
	docs, err := ecbplus.Load(shareddata.Dir(t, "eval/ecbplus"), nil)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Create(out)
	defer f.Close()
	for _, seed := range ecbplus.Seeds[:2] {
		c := New(Options{})
		gold := map[string]string{}
		for _, d := range ecbplus.Shuffle(docs, seed) {
			doc := Doc{ID: d.Name, Title: d.Title(), Text: d.Text()}
			cn := c.extract(&doc)
			v := c.weigh(cn, false)
			for _, id := range c.EventIDs() {
				ev := c.events[id]
				k := ev.c.cosKinds(v)
				same := 0
				if gold[id] == d.Gold {
					same = 1
				}
				fmt.Fprintf(f, "%d %s %d %.4f %.4f %.4f %.4f %d\n", seed, d.Name, same, ev.c.cos(v), k[0], k[1], k[2], len(ev.members))
			}
			gold["e-"+d.Gold] = d.Gold
			c.Restore(doc, "e-"+d.Gold, "", "", storyline.Membership{})
		}
	}
}
