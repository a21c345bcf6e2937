package storetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline"
)

// RunArticles tests the ArticleStore contract. open must return a new,
// empty store, closed when the test ends.
func RunArticles(t *testing.T, open func(t *testing.T) storyline.ArticleStore) {
	ctx := context.Background()

	t.Run("PutAndGet", func(t *testing.T) {
		st := open(t)
		want := fullArticle()
		created, err := st.PutArticle(ctx, want)
		if err != nil || !created {
			t.Fatalf("PutArticle = %v, %v; want true, nil", created, err)
		}
		got, err := st.Article(ctx, want.ID)
		if err != nil {
			t.Fatal(err)
		}
		sameArticle(t, got, want)
	})

	t.Run("PutTwiceKeepsTheFirst", func(t *testing.T) {
		st := open(t)
		a := article("a1", "Ambassador recalled", storyline.Day(2021, 3, 17))
		mustPut(t, st, a)
		b := *a
		b.Title, b.Origin = "Changed title", "elsewhere.txt"
		created, err := st.PutArticle(ctx, &b)
		if err != nil || created {
			t.Fatalf("second PutArticle = %v, %v; want false, nil", created, err)
		}
		got, err := st.Article(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Title != a.Title || got.Origin != a.Origin {
			t.Errorf("stored article changed to %q from %q", got.Title, got.Origin)
		}
		if n, _ := st.CountArticles(ctx, storyline.ArticleFilter{}); n != 1 {
			t.Errorf("CountArticles = %d, want 1", n)
		}
	})

	t.Run("NotFound", func(t *testing.T) {
		st := open(t)
		_, err := st.Article(ctx, "nosuchid")
		if code := storyline.ErrorCode(err); code != storyline.ENOTFOUND {
			t.Errorf("Article(unknown) error code %q (%v), want %q", code, err, storyline.ENOTFOUND)
		}
		err = st.SetDuplicate(ctx, "nosuchid", "other", 0.9)
		if code := storyline.ErrorCode(err); code != storyline.ENOTFOUND {
			t.Errorf("SetDuplicate(unknown) error code %q (%v), want %q", code, err, storyline.ENOTFOUND)
		}
		err = st.SetDating(ctx, "nosuchid", storyline.Dating{Estimated: storyline.Year(2021)})
		if code := storyline.ErrorCode(err); code != storyline.ENOTFOUND {
			t.Errorf("SetDating(unknown) error code %q (%v), want %q", code, err, storyline.ENOTFOUND)
		}
	})

	t.Run("OrderAndFilters", func(t *testing.T) {
		st := open(t)
		arts := []*storyline.Article{
			article("d", "Undated", storyline.Date{}),
			article("c", "Summit", storyline.Day(2021, 6, 16)),
			article("b", "Recall", storyline.Day(2021, 3, 17)),
			article("a", "Month only", storyline.Month(2021, 3)),
			article("e", "Year only", storyline.Year(2021)),
			article("f", "Election", storyline.Day(2024, 3, 11)),
		}
		arts[1].Source, arts[1].Language = "capital-ledger.example", "ru"
		arts[5].Source = "capital-ledger.example"
		for _, a := range arts {
			mustPut(t, st, a)
		}
		cases := []struct {
			name string
			f    storyline.ArticleFilter
			want []string
		}{
			{"all, by date, coarser first, undated last", storyline.ArticleFilter{}, []string{"e", "a", "b", "c", "f", "d"}},
			{"source", storyline.ArticleFilter{Source: "capital-ledger.example"}, []string{"c", "f"}},
			{"language", storyline.ArticleFilter{Language: "ru"}, []string{"c"}},
			{"from a day", storyline.ArticleFilter{From: storyline.Day(2021, 3, 17)}, []string{"b", "c", "f"}},
			{"to a month, inclusive", storyline.ArticleFilter{To: storyline.Month(2021, 6)}, []string{"e", "a", "b", "c"}},
			{"a year", storyline.ArticleFilter{From: storyline.Year(2024), To: storyline.Year(2024)}, []string{"f"}},
			{"IDs", storyline.ArticleFilter{IDs: []string{"f", "d", "zz"}}, []string{"f", "d"}},
			{"no IDs", storyline.ArticleFilter{IDs: []string{}}, nil},
			{"limit", storyline.ArticleFilter{Limit: 2}, []string{"e", "a"}},
			{"offset", storyline.ArticleFilter{Offset: 4}, []string{"f", "d"}},
			{"offset and limit", storyline.ArticleFilter{Offset: 1, Limit: 2}, []string{"a", "b"}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				list, err := st.Articles(ctx, c.f)
				if err != nil {
					t.Fatal(err)
				}
				if got := ids(list); !reflect.DeepEqual(got, c.want) {
					t.Errorf("Articles = %v, want %v", got, c.want)
				}
				n, err := st.CountArticles(ctx, c.f)
				if err != nil {
					t.Fatal(err)
				}
				noPage := c.f
				noPage.Limit, noPage.Offset = 0, 0
				all, _ := st.Articles(ctx, noPage)
				if n != len(all) {
					t.Errorf("CountArticles = %d, want %d (Offset and Limit ignored)", n, len(all))
				}
			})
		}
	})

	t.Run("MetaOnly", func(t *testing.T) {
		st := open(t)
		full := fullArticle()
		mustPut(t, st, full)
		other := article("zz-other", "Another", storyline.Day(2021, 6, 16))
		mustPut(t, st, other)
		for _, f := range []storyline.ArticleFilter{
			{MetaOnly: true},
			{MetaOnly: true, IDs: []string{full.ID, other.ID}},
			{MetaOnly: true, IDs: []string{full.ID}, From: full.Published},
		} {
			list, err := st.Articles(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			var got *storyline.Article
			for _, a := range list {
				if a.ID == full.ID {
					got = a
				}
			}
			if got == nil {
				t.Fatalf("Articles(%+v) = %v, lacks %s", f, ids(list), full.ID)
			}
			want := *full
			want.Text, want.Raw, want.Debris, want.Repairs = "", nil, nil, nil
			sameArticle(t, got, &want)
			if got.Debris != nil || got.Repairs != nil || got.Raw != nil {
				t.Errorf("MetaOnly: Debris %v, Repairs %v, Raw %q; want all nil", got.Debris, got.Repairs, got.Raw)
			}
		}
	})

	t.Run("ManyIDs", func(t *testing.T) {
		// More IDs than SQLite takes parameters in one statement (32,766):
		// the contract puts no limit on their number.
		st := open(t)
		for _, id := range []string{"m1", "m2", "m3"} {
			mustPut(t, st, article(id, "Story "+id, storyline.Day(2021, 3, 17)))
		}
		many := make([]string, 0, 40000)
		for i := range 40000 {
			many = append(many, fmt.Sprintf("absent-%05d", i))
		}
		many = append(many, "m3", "m1", "m3")
		for _, meta := range []bool{false, true} {
			list, err := st.Articles(ctx, storyline.ArticleFilter{IDs: many, MetaOnly: meta})
			if err != nil {
				t.Fatalf("Articles(%d IDs, MetaOnly %v): %v", len(many), meta, err)
			}
			if got, want := ids(list), []string{"m1", "m3"}; !reflect.DeepEqual(got, want) {
				t.Errorf("Articles(%d IDs, MetaOnly %v) = %v, want %v", len(many), meta, got, want)
			}
		}
		n, err := st.CountArticles(ctx, storyline.ArticleFilter{IDs: many})
		if err != nil || n != 2 {
			t.Errorf("CountArticles(%d IDs) = %d, %v; want 2", len(many), n, err)
		}
	})

	t.Run("Search", func(t *testing.T) {
		st := open(t)
		a := article("s1", "Antonov recalled for consultations", storyline.Day(2021, 3, 17))
		a.Text = "Russia called its ambassador home after the interview."
		b := article("s2", "Summit in Geneva", storyline.Day(2021, 6, 16))
		b.Text = "The presidents agreed that Antonov would return to Washington. Antonov said so too."
		c := article("s3", "Выборы президента", storyline.Day(2024, 3, 15))
		c.Text, c.Language = "Посольство в Вашингтоне готовит избирательный участок.", "ru"
		for _, x := range []*storyline.Article{a, b, c} {
			mustPut(t, st, x)
		}
		cases := []struct {
			query string
			want  []string
		}{
			{"Antonov", []string{"s1", "s2"}}, // the title weighs more
			{"geneva", []string{"s2"}},
			{"ambassador interview", []string{"s1"}},
			{`"return to Washington"`, []string{"s2"}},
			{"recall*", []string{"s1"}},
			{"summit OR interview", []string{"s2", "s1"}}, // a title match first
			{"Antonov NOT geneva", []string{"s1"}},
			{"Antonov's", []string{"s1", "s2"}},
			{"U.S.-Russia (relations", nil},
			{"Antonov (interview)", []string{"s1"}},                 // brackets group, as a person means them
			{"Antonov (geneva OR interview)", []string{"s2", "s1"}}, // a title match first
			{"Antonov NOT (geneva OR summit)", []string{"s1"}},
			{"ambassador OR", []string{"s1"}}, // a dangling operator is ignored
			{"посольство", []string{"s3"}},
			{"nothing matches this", nil},
		}
		for _, c := range cases {
			t.Run(c.query, func(t *testing.T) {
				hits, err := st.Search(ctx, c.query, 10)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for i, h := range hits {
					got = append(got, h.Article.ID)
					if h.Snippet == "" {
						t.Errorf("hit %d has no snippet", i)
					}
					if i > 0 && h.Score > hits[i-1].Score {
						t.Errorf("hit %d scores %v, above hit %d (%v): not best first", i, h.Score, i-1, hits[i-1].Score)
					}
				}
				if !reflect.DeepEqual(got, c.want) {
					t.Errorf("Search(%q) = %v, want %v", c.query, got, c.want)
				}
			})
		}
		long := strings.Repeat("Antonov said the ambassador would return ", 300) // 2,100 words
		for _, q := range []string{"", "   ", `""`, "\x00", "Antonov\x00", "NOT Antonov", long, strings.Repeat("Antonov ", 65)} {
			if _, err := st.Search(ctx, q, 10); storyline.ErrorCode(err) != storyline.EINVALID {
				t.Errorf("Search(%.60q) error %.200v, want code %s", q, err, storyline.EINVALID)
			}
		}
		hits, err := st.Search(ctx, "Antonov", 1)
		if err != nil || len(hits) != 1 {
			t.Errorf("Search with limit 1 = %d hits, %v", len(hits), err)
		}
		done, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := st.Search(done, "Antonov", 10); !errors.Is(err, context.Canceled) {
			t.Errorf("Search after its context is done: err = %v, want context.Canceled", err)
		}
	})

	t.Run("SetDuplicate", func(t *testing.T) {
		st := open(t)
		a := article("orig", "Recall", storyline.Day(2021, 3, 17))
		b := article("copy", "Recall", storyline.Day(2021, 3, 17))
		mustPut(t, st, a)
		mustPut(t, st, b)
		if err := st.SetDuplicate(ctx, "copy", "orig", 0.93); err != nil {
			t.Fatal(err)
		}
		got, err := st.Article(ctx, "copy")
		if err != nil {
			t.Fatal(err)
		}
		if got.DuplicateOf != "orig" || got.Similarity != 0.93 {
			t.Errorf("after SetDuplicate: duplicate_of %q similarity %v", got.DuplicateOf, got.Similarity)
		}
	})

	t.Run("SetDating", func(t *testing.T) {
		st := open(t)
		disputed := article("hdr", "Summit", storyline.Day(2017, 7, 11))
		undated := article("nodate", "Envoy leaves", storyline.Date{})
		mustPut(t, st, disputed)
		mustPut(t, st, undated)
		dispute := storyline.Dating{Disputed: "the text reports 2021-06-16 in the past tense"}
		estimate := storyline.Dating{
			Estimated:           storyline.Month(2024, 10),
			EstimatedFrom:       "the latest day it reports in the past tense, 2024-10-05",
			EstimatedEarliest:   storyline.Day(2024, 10, 5),
			EstimatedLatest:     storyline.Day(2024, 10, 12),
			EstimatedConfidence: 0.6,
		}
		if err := st.SetDating(ctx, "hdr", dispute); err != nil {
			t.Fatal(err)
		}
		if err := st.SetDating(ctx, "nodate", estimate); err != nil {
			t.Fatal(err)
		}
		for id, want := range map[string]storyline.Dating{"hdr": dispute, "nodate": estimate} {
			got, err := st.Article(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if got.Dating != want {
				t.Errorf("Article(%s).Dating = %+v, want %+v", id, got.Dating, want)
			}
			list, err := st.Articles(ctx, storyline.ArticleFilter{IDs: []string{id}, MetaOnly: true})
			if err != nil || len(list) != 1 || list[0].Dating != want {
				t.Errorf("Articles(MetaOnly, %s) = %v, %v; want its dating %+v", id, list, err, want)
			}
		}
		// The page's own date is kept, and a later call replaces the dating.
		got, _ := st.Article(ctx, "hdr")
		if got.Published != storyline.Day(2017, 7, 11) || got.PublishedFrom != storyline.DateFromHeader {
			t.Errorf("after SetDating the publication date is %v from %q, want 2017-07-11 from header", got.Published, got.PublishedFrom)
		}
		if err := st.SetDating(ctx, "nodate", storyline.Dating{}); err != nil {
			t.Fatal(err)
		}
		if got, _ := st.Article(ctx, "nodate"); got.Dating != (storyline.Dating{}) {
			t.Errorf("after clearing, Dating = %+v", got.Dating)
		}
	})

	t.Run("SetDatings", func(t *testing.T) {
		st := open(t)
		mustPut(t, st, article("a", "Summit", storyline.Day(2017, 7, 11)))
		mustPut(t, st, article("b", "Envoy leaves", storyline.Date{}))
		mustPut(t, st, article("c", "Talks resume", storyline.Date{}))
		first := storyline.Dating{
			Estimated:           storyline.Month(2024, 10),
			EstimatedFrom:       "the latest day it reports in the past tense, 2024-10-05",
			EstimatedEarliest:   storyline.Day(2024, 10, 5),
			EstimatedLatest:     storyline.Day(2024, 10, 12),
			EstimatedConfidence: 0.6,
		}
		second := storyline.Dating{Estimated: storyline.Day(2024, 10, 9), EstimatedFrom: "another report", EstimatedConfidence: 0.8}
		dispute := storyline.Dating{Disputed: "the text reports 2021-06-16 in the past tense"}
		if err := st.SetDatings(ctx, nil); err != nil {
			t.Fatalf("SetDatings(nil) = %v", err)
		}
		// In order: the later dating of b replaces the first.
		err := st.SetDatings(ctx, []storyline.ArticleDating{{ID: "a", Dating: dispute}, {ID: "b", Dating: first}, {ID: "c", Dating: first}, {ID: "b", Dating: second}})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]storyline.Dating{"a": dispute, "b": second, "c": first}
		check := func(when string) {
			t.Helper()
			for id, w := range want {
				if got, err := st.Article(ctx, id); err != nil || got.Dating != w {
					t.Errorf("%s: Article(%s) = %+v, %v; want dating %+v", when, id, got, err, w)
				}
			}
		}
		check("after SetDatings")
		// One unknown article: ENOTFOUND, and none is recorded.
		err = st.SetDatings(ctx, []storyline.ArticleDating{{ID: "a", Dating: storyline.Dating{}}, {ID: "nosuchid", Dating: first}, {ID: "c", Dating: storyline.Dating{}}})
		if code := storyline.ErrorCode(err); code != storyline.ENOTFOUND {
			t.Errorf("SetDatings(with an unknown ID) error code %q (%v), want %q", code, err, storyline.ENOTFOUND)
		}
		check("after a failed SetDatings")
	})

	t.Run("Rejections", func(t *testing.T) {
		st := open(t)
		if list, err := st.Rejections(ctx); err != nil || len(list) != 0 {
			t.Fatalf("Rejections of an empty store = %v, %v", list, err)
		}
		at := time.Date(2026, 1, 2, 3, 4, 5, 600, time.UTC)
		recorded := []storyline.Rejection{
			{Origin: "batch/photo.jpg", Reason: "binary (image/jpeg), not text", At: at},
			{Origin: "batch/feed.jsonl", Item: "line 10", Reason: "malformed JSON: unexpected end", At: at.Add(time.Second)},
			{Origin: "batch/feed.jsonl", Item: "line 9", Reason: "empty", At: at.Add(2 * time.Second)},
			{Origin: "batch/empty.txt", Reason: "empty", At: at.Add(3 * time.Second)},
		}
		for _, r := range recorded {
			if err := st.PutRejection(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		// Re-ingesting rejects the same items again: nothing new is
		// recorded, and the first time each was rejected stays.
		for _, r := range recorded {
			r.At = r.At.Add(time.Hour)
			if err := st.PutRejection(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		// The same item for another reason is another rejection.
		other := storyline.Rejection{Origin: "batch/feed.jsonl", Item: "line 10", Reason: "another reason", At: at.Add(4 * time.Second)}
		if err := st.PutRejection(ctx, other); err != nil {
			t.Fatal(err)
		}
		// Listed by origin, then item, numbered items in their order, then
		// reason, whatever order several workers recorded them in.
		want := []storyline.Rejection{recorded[3], recorded[2], other, recorded[1], recorded[0]}
		got, err := st.Rejections(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("Rejections = %d, want %d", len(got), len(want))
		}
		for i := range want {
			if got[i].Origin != want[i].Origin || got[i].Item != want[i].Item || got[i].Reason != want[i].Reason || !got[i].At.Equal(want[i].At) {
				t.Errorf("rejection %d = %+v, want %+v", i, got[i], want[i])
			}
		}
	})
}

// fullArticle has every field set, to check the store keeps each.
func fullArticle() *storyline.Article {
	return &storyline.Article{
		ID:            "0123456789abcdef",
		Origin:        "corpus/004.txt",
		URL:           "https://news.example/20211102/shifts.html",
		Source:        "news.example",
		Title:         "Positive shifts, the ambassador said",
		Byline:        "Jane Roe",
		Published:     storyline.Day(2021, 11, 2),
		PublishedFrom: storyline.DateFromHeader,
		Dateline:      "MOSCOW",
		Language:      "en",
		Text:          "In relations between the two countries there were shifts.\n\nMuch work remains — «sprouts», he said.",
		Raw:           []byte(" date 2021-11-02 https://news.example/20211102/shifts.html\n\xff\x00raw bytes"),
		Format:        "text",
		Debris: []storyline.Debris{
			{Rule: "dateline", Text: "MOSCOW, November 2 – News.", Offset: 0},
			{Rule: "read-more", Text: "Read More", Offset: 120},
		},
		Repairs: []string{"decoded from Windows-1251"},
		Dating: storyline.Dating{
			Disputed:            "the text reports 2021-11-03 in the past tense",
			Estimated:           storyline.Day(2021, 11, 3),
			EstimatedFrom:       "the latest day it reports in the past tense",
			EstimatedEarliest:   storyline.Day(2021, 11, 3),
			EstimatedLatest:     storyline.Day(2021, 11, 5),
			EstimatedConfidence: 0.7,
		},
		IngestedAt: time.Date(2026, 11, 22, 10, 0, 0, 123456789, time.UTC),
	}
}

func article(id, title string, published storyline.Date) *storyline.Article {
	a := &storyline.Article{
		ID: id, Origin: id + ".txt", Title: title, Published: published,
		Text: title + ". Some text about it.", Raw: []byte(title), Format: "text",
		Language: "en", IngestedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
	}
	if !published.IsZero() {
		a.PublishedFrom = storyline.DateFromHeader
	}
	return a
}

func mustPut(t *testing.T, st storyline.ArticleStore, a *storyline.Article) {
	t.Helper()
	if created, err := st.PutArticle(context.Background(), a); err != nil || !created {
		t.Fatalf("PutArticle(%s) = %v, %v", a.ID, created, err)
	}
}

func ids(list []*storyline.Article) []string {
	var out []string
	for _, a := range list {
		out = append(out, a.ID)
	}
	return out
}

// sameArticle compares every field; IngestedAt as an instant.
func sameArticle(t *testing.T, got, want *storyline.Article) {
	t.Helper()
	if !got.IngestedAt.Equal(want.IngestedAt) {
		t.Errorf("IngestedAt = %v, want %v", got.IngestedAt, want.IngestedAt)
	}
	if !bytes.Equal(got.Raw, want.Raw) {
		t.Errorf("Raw = %q, want %q", got.Raw, want.Raw)
	}
	g, w := *got, *want
	g.IngestedAt, w.IngestedAt = time.Time{}, time.Time{}
	g.Raw, w.Raw = nil, nil
	if !reflect.DeepEqual(g, w) {
		t.Errorf("stored article differs:\n got %s\nwant %s", fmt.Sprintf("%+v", g), fmt.Sprintf("%+v", w))
	}
}
