package cluster_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/cluster"
	"github.com/storyline/storyline/internal/shareddata"
)

// Fixtures, written for these tests: two reports of one recall, a copy of
// the first with different debris, a report of a recall of the same
// ambassador three years later, and an unrelated earthquake.
var (
	recallA = cluster.Doc{ID: "a", Source: "wire", Title: "Moscow calls its ambassador home from Washington",
		Published: storyline.Day(2021, time.March, 17),
		Text: `Russia has called its ambassador to the United States, Anatoly Antonov, back to Moscow for consultations, the foreign ministry said on Wednesday.
Foreign ministry spokeswoman Maria Zakharova said the aim was to stop relations with Washington from sliding into irreversible decline.
The recall came hours after President Joe Biden said in a television interview that Vladimir Putin would pay a price for meddling in the 2020 election.
A State Department spokesperson said Washington was aware of the decision and remained committed to dialogue with Moscow.`}
	recallB = cluster.Doc{ID: "b", Source: "daily", Title: "Russia recalls envoy Antonov as ties with US sour",
		Published: storyline.Day(2021, time.March, 18),
		Text: `Russia recalled its envoy in Washington, Anatoly Antonov, for consultations after President Joe Biden called Vladimir Putin a killer.
Maria Zakharova, who speaks for the foreign ministry, said Moscow wanted to prevent an irreversible deterioration of relations with the United States.
US intelligence had said a day earlier that Putin authorised efforts to sway the 2020 election, a finding Moscow rejects.`}
	recallCopy = cluster.Doc{ID: "a-copy", Source: "aggregator", Title: "Moscow calls its ambassador home from Washington",
		Published: storyline.Day(2021, time.March, 17),
		Text: `Advertisement
Russia has called its ambassador to the United States, Anatoly Antonov, back to Moscow for consultations, the foreign ministry said on Wednesday.
Foreign ministry spokeswoman Maria Zakharova said the aim was to stop relations with Washington from sliding into irreversible decline.
The recall came hours after President Joe Biden said in a television interview that Vladimir Putin would pay a price for meddling in the 2020 election.
A State Department spokesperson said Washington was aware of the decision and remained committed to dialogue with Moscow.
Share this article`}
	recall2024 = cluster.Doc{ID: "c", Source: "wire", Title: "Moscow calls its ambassador home from Washington again",
		Published: storyline.Day(2024, time.March, 11),
		Text: `Russia has called its ambassador to the United States, Anatoly Antonov, back to Moscow for consultations, the foreign ministry said.
Foreign ministry spokeswoman Maria Zakharova said relations with Washington had reached a new low before the presidential election.`}
	quake = cluster.Doc{ID: "d", Source: "daily", Title: "Strong earthquake shakes northern Chile",
		Published: storyline.Day(2021, time.March, 18),
		Text: `A magnitude 6.8 earthquake struck off the coast of northern Chile on Thursday, the geological survey said.
There were no immediate reports of damage or casualties in Antofagasta, and no tsunami warning was issued.`}
)

func TestPlacement(t *testing.T) {
	c := cluster.New(cluster.Options{})
	got := map[string]cluster.Placement{}
	for _, d := range []cluster.Doc{recallA, recallB, recallCopy, recall2024, quake} {
		got[d.ID] = c.Add(d)
	}
	t.Run("reports of one happening share an event", func(t *testing.T) {
		if got["a"].EventID != got["b"].EventID {
			t.Errorf("a in %s, b in %s; want one event (b score %.3f)", got["a"].EventID, got["b"].EventID, got["b"].Score)
		}
		if len(got["b"].Terms) == 0 || len(got["b"].Entities) == 0 {
			t.Errorf("b placed without an explanation: terms %v, entities %v", got["b"].Terms, got["b"].Entities)
		}
	})
	t.Run("a copy points at the original", func(t *testing.T) {
		p := got["a-copy"]
		if p.DuplicateOf != "a" || p.Similarity < 0.6 {
			t.Errorf("copy: duplicate_of %q similarity %.2f, want a, >= 0.6", p.DuplicateOf, p.Similarity)
		}
		if p.EventID != got["a"].EventID {
			t.Errorf("copy in event %s, want the original's %s", p.EventID, got["a"].EventID)
		}
	})
	t.Run("the same words three years later are another event and story", func(t *testing.T) {
		if got["c"].EventID == got["a"].EventID || got["c"].StoryID == got["a"].StoryID {
			t.Errorf("2024 recall placed in %s/%s with the 2021 recall", got["c"].EventID, got["c"].StoryID)
		}
	})
	t.Run("an unrelated event is apart", func(t *testing.T) {
		if got["d"].EventID == got["a"].EventID || got["d"].StoryID == got["a"].StoryID {
			t.Errorf("earthquake placed with the recall")
		}
	})
	t.Run("event counts outlets once and has a date and title", func(t *testing.T) {
		ev, ok := c.Event(got["a"].EventID)
		if !ok {
			t.Fatal("event of a is not active")
		}
		if len(ev.Members) != 3 || ev.Outlets != 2 {
			t.Errorf("event has %d members, %d outlets; want 3 members (copy included), 2 outlets", len(ev.Members), ev.Outlets)
		}
		if want := storyline.Day(2021, time.March, 17); ev.Date != want {
			t.Errorf("event date %s, want %s", ev.Date, want)
		}
		if ev.Title == "" {
			t.Error("event has no title")
		}
	})
}

func TestDeterministic(t *testing.T) {
	docs := []cluster.Doc{recallA, quake, recallB, recallCopy, recall2024}
	run := func() []cluster.Placement {
		c := cluster.New(cluster.Options{})
		var out []cluster.Placement
		for _, d := range docs {
			out = append(out, c.Add(d))
		}
		return out
	}
	first := run()
	for i := 0; i < 5; i++ {
		if got := run(); !reflect.DeepEqual(got, first) {
			t.Fatalf("run %d differs:\n%v\nwant\n%v", i, got, first)
		}
	}
}

func TestEventDateFromText(t *testing.T) {
	// Reports published days later about a happening on a named day.
	mk := func(id string, pub int) cluster.Doc {
		return cluster.Doc{ID: id, Source: id, Title: "Ambassador meets ministry officials",
			Published: storyline.Day(2021, time.March, pub),
			Dates:     []storyline.Date{storyline.Day(2021, time.March, 22), storyline.Day(2021, time.March, 17)},
			Text:      fmt.Sprintf("Anatoly Antonov met officials of the Russian foreign ministry in Moscow on March 22 for consultations, report %s.", id)}
	}
	c := cluster.New(cluster.Options{})
	p := c.Add(mk("x", 24))
	c.Add(mk("y", 25))
	ev, _ := c.Event(p.EventID)
	if want := storyline.Day(2021, time.March, 22); ev.Date != want {
		t.Errorf("event date %s, want %s (named in the texts, not published)", ev.Date, want)
	}
	if len(ev.Members) != 2 {
		t.Errorf("event has %d members, want 2", len(ev.Members))
	}
}

// TestWindowBoundsMemory streams a year of daily, unrelated articles and
// checks that only the window's events stay in memory.
func TestWindowBoundsMemory(t *testing.T) {
	c := cluster.New(cluster.Options{Window: 7 * 24 * time.Hour, StoryWindow: 30 * 24 * time.Hour})
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 365*4; i++ {
		day := start.AddDate(0, 0, i/4)
		c.Add(syntheticDoc(i, storyline.DateOf(day)))
	}
	events, stories, articles := c.Active()
	if events > 8*4+64 || articles > 8*4+64 {
		t.Errorf("after a year, %d events and %d articles active; want about a week's worth", events, articles)
	}
	if stories > 31*4+64 {
		t.Errorf("after a year, %d stories open; want about a month's worth", stories)
	}
}

// syntheticDoc makes article i of a generated stream: about 8 articles per
// happening, each happening with its own names and words drawn from a
// large made-up vocabulary, plus common words.
func syntheticDoc(i int, d storyline.Date) cluster.Doc {
	topic := i / 8
	r := rand.New(rand.NewPCG(uint64(i), 7))
	word := func(k int) string { // made-up word k of the vocabulary
		const syl = "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu"
		ss := strings.Fields(syl)
		x := uint64(k)*0x9e3779b97f4a7c15 + 1
		var b strings.Builder
		for n := 0; n < 3; n++ {
			b.WriteString(ss[x%uint64(len(ss))])
			x /= uint64(len(ss))
		}
		return b.String()
	}
	var text strings.Builder
	for s := 0; s < 12; s++ {
		fmt.Fprintf(&text, "The %s of %s said", word(r.IntN(50)), strings.Title(word(100000+topic*3+r.IntN(3))))
		for w := 0; w < 14; w++ {
			if r.IntN(2) == 0 {
				text.WriteString(" " + word(1000+topic*40+r.IntN(40))) // the happening's words
			} else {
				text.WriteString(" " + word(50+r.IntN(20000))) // anything
			}
		}
		fmt.Fprintf(&text, " on %d occasions.\n", r.IntN(1000))
	}
	return cluster.Doc{
		ID: fmt.Sprintf("doc%d", i), Source: fmt.Sprintf("outlet%d", i%5), Published: d,
		Title: fmt.Sprintf("%s %s %s", word(1000+topic*40), word(1001+topic*40), word(50+r.IntN(20000))),
		Text:  text.String(),
	}
}

// TestSeeds places the five seed articles in every order, then settles:
// 001 and 002 (the 2021 recall) are one event, 003 (the consultations) is
// in its story, and 000 (the 2024 election) is not.
func TestSeeds(t *testing.T) {
	dir := shareddata.Dir(t, "corpus/seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) < 4 {
		t.Skip("seed articles missing")
	}
	var docs []cluster.Doc
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, seedDoc(filepath.Base(f)[:3], string(b)))
	}
	for _, order := range permutations(len(docs)) {
		c := cluster.New(cluster.Options{})
		got := map[string]cluster.Placement{}
		for _, i := range order {
			got[docs[i].ID] = c.Add(docs[i])
		}
		for _, mv := range c.Settle() { // as an ingest run ends
			p := got[mv.ArticleID]
			p.EventID, p.StoryID = mv.To, mv.Story
			got[mv.ArticleID] = p
		}
		if got["001"].EventID != got["002"].EventID {
			t.Errorf("order %v: 001 in %s, 002 in %s; want one event", order, got["001"].EventID, got["002"].EventID)
		}
		if got["003"].StoryID != got["002"].StoryID {
			t.Errorf("order %v: 003 in story %s, 002 in %s; want one story", order, got["003"].StoryID, got["002"].StoryID)
		}
		if got["000"].StoryID == got["002"].StoryID || got["000"].StoryID == got["003"].StoryID {
			t.Errorf("order %v: 000 (2024) placed in the 2021 story", order)
		}
	}
}

// seedDoc reads a seed: an optional " date YYYY-MM-DD" header before the
// text, the first line as the title.
func seedDoc(id, raw string) cluster.Doc {
	d := cluster.Doc{ID: id, Source: id}
	s := strings.TrimLeft(raw, " ")
	if strings.HasPrefix(s, "date ") && len(s) >= 15 {
		if p, err := storyline.ParseDate(s[5:15]); err == nil {
			d.Published = p
			s = strings.TrimSpace(s[15:])
		}
	}
	title, _, _ := strings.Cut(s, "\n")
	if len(title) < 200 {
		d.Title = strings.TrimSpace(title)
	}
	d.Text = s
	return d
}

func permutations(n int) [][]int {
	var out [][]int
	var rec func(p []int, used []bool)
	rec = func(p []int, used []bool) {
		if len(p) == n {
			out = append(out, append([]int(nil), p...))
			return
		}
		for i := 0; i < n; i++ {
			if !used[i] {
				used[i] = true
				rec(append(p, i), used)
				used[i] = false
			}
		}
	}
	rec(nil, make([]bool, n))
	return out
}

// TestSettle: two events of one happening merge, the younger into the
// older; unrelated ones and those too far apart in time stay apart, and the
// dropped event is gone, with its story when that held nothing else.
func TestSettle(t *testing.T) {
	for _, tt := range []struct {
		name      string
		storyTh   float64 // 0.99: every event opens a story of its own
		dropStory bool
	}{
		{"one story", 0, false},
		{"story of its own", 0.99, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := cluster.New(cluster.Options{EventThreshold: 0.99, StoryThreshold: tt.storyTh}) // every article opens an event
			got := map[string]cluster.Placement{}
			for _, d := range []cluster.Doc{recallA, quake, recallB, recall2024} {
				got[d.ID] = c.Add(d)
			}
			moves := c.Settle()
			if len(moves) != 1 {
				t.Fatalf("Settle moved %d articles (%+v), want 1", len(moves), moves)
			}
			mv := moves[0]
			if mv.ArticleID != "b" || mv.To != got["a"].EventID || mv.From != got["b"].EventID || mv.Story != got["a"].StoryID {
				t.Errorf("Settle moved %+v, want b from %s to %s in story %s", mv, got["b"].EventID, got["a"].EventID, got["a"].StoryID)
			}
			wantDrop := ""
			if tt.dropStory {
				wantDrop = got["b"].StoryID
			}
			if mv.Score < 0.15 || mv.DroppedStory != wantDrop {
				t.Errorf("move score %.3f, dropped story %q; want at least 0.15 and %q", mv.Score, mv.DroppedStory, wantDrop)
			}
			if _, ok := c.Event(mv.From); ok {
				t.Errorf("event %s still active after its article moved", mv.From)
			}
			if _, ok := c.Story(got["b"].StoryID); ok == tt.dropStory {
				t.Errorf("story %s active after Settle: %v, want %v", got["b"].StoryID, ok, !tt.dropStory)
			}
			ev, ok := c.Event(mv.To)
			if !ok || len(ev.Members) != 2 {
				t.Fatalf("event %s after Settle: %+v, want a and b", mv.To, ev)
			}
			if again := c.Settle(); len(again) != 0 {
				t.Errorf("a second Settle moved %+v, want nothing", again)
			}
		})
	}
}

// TestSettleMovesCopies: an event moves whole, its near-copies with it.
func TestSettleMovesCopies(t *testing.T) {
	c := cluster.New(cluster.Options{EventThreshold: 0.99})
	got := map[string]cluster.Placement{}
	for _, d := range []cluster.Doc{recallB, quake, recallA, recallCopy} { // b's event is the older
		got[d.ID] = c.Add(d)
	}
	if got["a-copy"].DuplicateOf != "a" || got["a-copy"].EventID != got["a"].EventID {
		t.Fatalf("a-copy placed %+v, want a near-copy of a in its event", got["a-copy"])
	}
	moved := map[string]string{}
	for _, mv := range c.Settle() {
		moved[mv.ArticleID] = mv.To
	}
	want := map[string]string{"a": got["b"].EventID, "a-copy": got["b"].EventID}
	if !reflect.DeepEqual(moved, want) {
		t.Errorf("Settle moved %v, want %v", moved, want)
	}
	ev, ok := c.Event(got["b"].EventID)
	if !ok || len(ev.Members) != 3 {
		t.Fatalf("event %s after Settle: %+v, want a, a-copy and b", got["b"].EventID, ev)
	}
}

// TestMergeBeforeEviction: events about to leave memory get Settle's
// passes first, and the placement that caused it carries the moves.
func TestMergeBeforeEviction(t *testing.T) {
	// Every article opens an event; only two events stay active.
	c := cluster.New(cluster.Options{EventThreshold: 0.99, MaxActive: 2, Window: 48 * time.Hour})
	a, b := c.Add(recallA), c.Add(recallB)
	later := quake
	later.Published = storyline.Day(2021, time.March, 30)
	p := c.Add(later)
	if len(p.Moves) != 1 {
		t.Fatalf("moves %+v, want b into a's event", p.Moves)
	}
	want := []cluster.Reassignment{{ArticleID: "b", From: b.EventID, To: a.EventID, Story: a.StoryID, Score: p.Moves[0].Score}}
	if !reflect.DeepEqual(p.Moves, want) {
		t.Fatalf("moves %+v, want %+v", p.Moves, want)
	}
	if ev, ok := c.Event(a.EventID); !ok || len(ev.Members) != 2 {
		t.Errorf("event %s after the merge: %+v (active %v), want a and b, kept until its moves are out", a.EventID, ev, ok)
	}
	if again := c.Settle(); len(again) != 0 {
		t.Errorf("Settle moved %+v again, want nothing", again)
	}
}
