package httpapi_test

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/httpapi"
	"github.com/storyline/storyline/sqlite"
)

// The load check: a bounded loop of Go clients on loopback against a
// store of 10,000 articles (100 stories of 10 events of 10 articles, each
// article with three dated statements and mentions of three of 200
// people). It reports requests/s and the 99th percentile latency.
//
//	go test ./httpapi -run '^$' -bench Load -benchtime 2000x
const (
	loadArticles = 10000
	loadStories  = 100
	loadEvents   = 10 // per story
	loadPeople   = 200
)

// loadClients are the numbers of concurrent clients each load benchmark
// runs with.
var loadClients = []int{1, 2, 8}

var (
	loadOnce sync.Once
	loadPath string
	loadErr  error
)

// loadStore opens the 10,000-article store, building it on the first run
// (about half a minute) and keeping it in the temporary folder for the
// next runs.
func loadStore(b *testing.B) storyline.Store {
	b.Helper()
	loadOnce.Do(func() {
		loadPath = filepath.Join(os.TempDir(), fmt.Sprintf("storyline-load-v1-%d.db", loadArticles))
		if _, err := os.Stat(loadPath); err == nil {
			return
		}
		start := time.Now()
		tmp := loadPath + ".building"
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(tmp + suffix)
		}
		if loadErr = fillLoadStore(tmp); loadErr == nil {
			loadErr = os.Rename(tmp, loadPath)
		}
		b.Logf("built a store of %d articles in %v", loadArticles, time.Since(start).Round(time.Millisecond))
	})
	if loadErr != nil {
		b.Fatal(loadErr)
	}
	st, err := sqlite.Open(context.Background(), loadPath)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

var (
	firstNames = []string{"Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Irina", "Jonas"}
	lastNames  = []string{"Petrov", "Novak", "Larsen", "Moreau", "Santos", "Keller", "Ivanova", "Brennan", "Okafor", "Lindqvist",
		"Haddad", "Romero", "Tanaka", "Weber", "Costa", "Nilsen", "Duarte", "Fischer", "Quinn", "Varga"}
	places  = []string{"Moscow", "Washington", "Geneva", "Vienna", "Brussels", "Ankara", "Helsinki", "Warsaw"}
	verbs   = []string{"met", "called", "warned", "praised", "criticised", "visited", "thanked", "summoned"}
	topics  = []string{"sanctions", "arms control", "the embassy staff", "grain exports", "prisoner swaps", "energy prices", "cyber attacks", "the election"}
	weekday = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
)

func person(i int) string {
	return firstNames[i%len(firstNames)] + " " + lastNames[(i/len(firstNames))%len(lastNames)]
}

func fillLoadStore(path string) error {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	rng := rand.New(rand.NewPCG(7, 7))
	perEvent := loadArticles / (loadStories * loadEvents)
	n := 0
	for s := range loadStories {
		storyID := fmt.Sprintf("story-%03d", s)
		base := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.IntN(1000))
		cast := []int{rng.IntN(loadPeople), rng.IntN(loadPeople), rng.IntN(loadPeople)}
		story := &storyline.Story{ID: storyID, Title: fmt.Sprintf("%s and %s on %s", person(cast[0]), person(cast[1]), topics[s%len(topics)])}
		for e := range loadEvents {
			day := base.AddDate(0, 0, e*9+rng.IntN(5))
			ev := &storyline.Event{ID: fmt.Sprintf("%s-e%02d", storyID, e), StoryID: storyID, Date: storyline.DateOf(day), Outlets: perEvent}
			for k := range perEvent {
				a, an := loadArticle(rng, n, k, day, cast)
				n++
				if _, err := st.PutArticle(ctx, a); err != nil {
					return err
				}
				if err := st.PutAnalysis(ctx, an); err != nil {
					return err
				}
				ev.Members = append(ev.Members, storyline.Membership{ArticleID: a.ID, Origin: a.Origin, Score: 1})
				if ev.Title == "" {
					ev.Title = a.Title
				}
			}
			if err := st.PutEvent(ctx, ev); err != nil {
				return err
			}
			story.Events = append(story.Events, ev)
		}
		story.First, story.Last = story.Events[0].Date, story.Events[len(story.Events)-1].Date
		story.Entities = []string{person(cast[0]), person(cast[1])}
		if err := st.PutStory(ctx, story); err != nil {
			return err
		}
	}
	return nil
}

// loadArticle writes the k-th outlet's report of an event on day.
func loadArticle(rng *rand.Rand, n, k int, day time.Time, cast []int) (*storyline.Article, *storyline.Analysis) {
	who, whom := person(cast[rng.IntN(2)]), person(cast[2])
	if rng.IntN(4) == 0 {
		whom = person(rng.IntN(loadPeople))
	}
	place, verb, topic := places[rng.IntN(len(places))], verbs[rng.IntN(len(verbs))], topics[rng.IntN(len(topics))]
	wd := weekday[rng.IntN(len(weekday))]
	s1 := fmt.Sprintf("%s %s %s in %s on %s over %s.", who, verb, whom, place, wd, topic)
	s2 := fmt.Sprintf("Officials in %s said talks on %s would go on next week, report number %d.", place, topic, n)
	s3 := fmt.Sprintf("%s had warned about %s a month earlier.", whom, topic)
	text := s1 + "\n\n" + s2 + " " + s3
	source := fmt.Sprintf("outlet-%02d.example", k)
	a := &storyline.Article{
		ID: storyline.ArticleID(source, text), Origin: fmt.Sprintf("load/%05d.txt", n), Source: source,
		URL: fmt.Sprintf("https://%s/%s/%05d", source, day.Format("2006/01/02"), n), Title: fmt.Sprintf("%s %s %s", who, verb, whom),
		Published: storyline.DateOf(day.AddDate(0, 0, 1)), PublishedFrom: storyline.DateFromURL, Language: "en", Text: text, Format: "text",
	}
	at := func(sub string) (int, int) { i := strings.Index(text, sub); return i, i + len(sub) }
	m := func(name string) storyline.Mention {
		s, e := at(name)
		return storyline.Mention{Start: s, End: e, Text: name, Kind: storyline.Person, Name: name}
	}
	st := func(i int, sentence string, d storyline.Date, actors ...string) storyline.Statement {
		s, e := at(sentence)
		return storyline.Statement{ArticleID: a.ID, Sentence: i, Start: s, End: e, Text: sentence, Date: d, Actors: actors}
	}
	ws, we := at(wd)
	an := &storyline.Analysis{
		ArticleID: a.ID,
		Mentions:  []storyline.Mention{m(who), m(whom)},
		Timexes:   []storyline.Timex{{Start: ws, End: we, Text: wd, Type: "DATE", Value: day.Format("2006-01-02")}},
		Statements: []storyline.Statement{
			st(0, s1, storyline.DateOf(day), who, whom),
			st(1, s2, storyline.DateOf(day.AddDate(0, 0, 1))),
			st(2, s3, storyline.Month(day.AddDate(0, -1, 0).Year(), day.AddDate(0, -1, 0).Month()), whom),
		},
	}
	return a, an
}

// runLoad runs the load loop once per number of clients.
func runLoad(b *testing.B, targetsOf func(storyline.Store) []string) {
	for _, cache := range []bool{false, true} {
		b.Run(fmt.Sprintf("cache=%v", cache), func(b *testing.B) { runLoadCache(b, targetsOf, cache) })
	}
}

// runLoadCache runs the load loop with and without a timeline cache (10s
// as storyline serve keeps them; the loop repeats a few queries, so with
// the cache nearly all are hits).
func runLoadCache(b *testing.B, targetsOf func(storyline.Store) []string, cache bool) {
	st := loadStore(b)
	targets := targetsOf(st)
	tl, stories := httpapi.TimelineFunc(httpapi.StoreTimeline), httpapi.SummarizeFunc(httpapi.Summarize)
	if cache {
		tl = httpapi.NewTimelineCache(tl, 10*time.Second, 256).Timeline
		stories = httpapi.NewSummaryCache(10 * time.Second).Summarize
	}
	srv := &httpapi.Server{Store: st, Timeline: tl, Stories: stories, Log: slog.New(slog.DiscardHandler)}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	for _, c := range loadClients {
		b.Run(fmt.Sprintf("clients=%d", c), func(b *testing.B) { loadLoop(b, ts.URL, targets, c) })
	}
}

// loadLoop sends b.N requests from clients concurrent clients and reports
// requests/s and latency percentiles.
func loadLoop(b *testing.B, base string, targets []string, clients int) {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	defer client.CloseIdleConnections()
	// One warm-up pass over the targets, checking they answer.
	for _, t := range targets {
		resp, err := client.Get(base + t)
		if err != nil {
			b.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatalf("GET %s: %s", t, resp.Status)
		}
	}
	lat := make([]time.Duration, b.N)
	var next int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	b.ResetTimer()
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= int64(b.N) {
					return
				}
				t0 := time.Now()
				resp, err := client.Get(base + targets[int(i)%len(targets)])
				if err != nil {
					b.Error(err)
					return
				}
				var buf [32 << 10]byte
				for {
					if _, err := resp.Body.Read(buf[:]); err != nil {
						break
					}
				}
				resp.Body.Close()
				lat[i] = time.Since(t0)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	slices.Sort(lat)
	pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}

func BenchmarkLoadTimelineStory(b *testing.B) {
	runLoad(b, func(storyline.Store) []string {
		var targets []string
		for s := 0; s < loadStories; s += 7 {
			targets = append(targets, fmt.Sprintf("/api/timeline?story=story-%03d", s))
		}
		return targets
	})
}

// The entity timelines of the people the store holds, the most
// mentioned and the least among them.
func BenchmarkLoadTimelineEntity(b *testing.B) {
	runLoad(b, func(st storyline.Store) []string {
		es, err := st.Entities(context.Background(), storyline.EntityFilter{})
		if err != nil {
			b.Fatal(err)
		}
		var targets []string
		for i := 0; i < len(es); i += max(1, len(es)/16) {
			targets = append(targets, "/api/timeline?limit=20&entity="+url.QueryEscape(es[i].Name))
		}
		return targets
	})
}

func BenchmarkLoadTimelineQuery(b *testing.B) {
	runLoad(b, func(storyline.Store) []string {
		var targets []string
		for _, t := range topics {
			targets = append(targets, "/api/timeline?limit=20&q="+url.QueryEscape(t))
		}
		return targets
	})
}

// The story list the front page shows: every story with its latest event
// and outlets.
func BenchmarkLoadStories(b *testing.B) {
	runLoad(b, func(storyline.Store) []string { return []string{"/api/stories"} })
}
