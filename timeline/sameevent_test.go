package timeline

import (
	"testing"

	"github.com/storyline/storyline"
)

// Two outlets word the lead of one event differently; the clustering stage
// knows they report the same event, so their leads are one entry. Other
// sentences are merged on their words alone.
func TestSameEventLeadsMerge(t *testing.T) {
	day := storyline.Day(2021, 3, 17)
	stmts := []storyline.Statement{
		{ArticleID: "a", Sentence: 0, Date: day, Text: "Moscow has pulled its envoy out of Washington for talks at home."},
		{ArticleID: "b", Sentence: 0, Date: day, Text: "The Kremlin recalled its ambassador from the United States on Wednesday."},
		{ArticleID: "a", Sentence: 3, Date: day, DateText: "on Wednesday", Text: "Stock markets in Asia closed higher on Wednesday after a quiet session."},
		{ArticleID: "c", Sentence: 0, Date: day, Text: "A storm flooded the coastal road near the harbour."},
	}
	articles := map[string]*storyline.Article{
		"a": {ID: "a", Source: "Outlet A"}, "b": {ID: "b", Source: "Outlet B"}, "c": {ID: "c", Source: "Outlet C"},
	}
	event := map[string]string{"a": "e1", "b": "e1", "c": "e2"}
	sameEvent := func(x, y string) bool { return event[x] == event[y] }

	tests := []struct {
		name      string
		sameEvent func(a, b string) bool
		want      int // entries
	}{
		{"without events, different words stay apart", nil, 4},
		{"leads of one event merge", sameEvent, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := Build(stmts, articles, Options{SameEvent: tt.sameEvent})
			if len(tl.Entries) != tt.want {
				t.Fatalf("%d entries, want %d: %+v", len(tl.Entries), tt.want, tl.Entries)
			}
			if tt.sameEvent == nil {
				return
			}
			for _, e := range tl.Entries {
				if len(e.Sources) == 2 && e.Outlets != 2 {
					t.Errorf("the merged lead entry counts %d outlets, want 2", e.Outlets)
				}
			}
		})
	}
}
