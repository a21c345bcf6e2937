package clean

import (
	"testing"
	"time"

	"github.com/storyline/storyline"
)

func TestFolderDate(t *testing.T) {
	cases := []struct {
		origin string
		want   storyline.Date
	}{
		{"/data/timeline17/bpoil_bbc/InputDocs/2010-05-01/1387.htm.txt", storyline.Day(2010, time.May, 1)},
		{"news/2019-03-10/photos/crash.txt", storyline.Day(2019, time.March, 10)}, // the innermost dated folder
		{"2021-11-02/antonov.txt", storyline.Day(2021, time.November, 2)},
		{"/data/2010-05-01.txt", storyline.Date{}},        // the file's own name is not read
		{"/data/2010/05/01/story.txt", storyline.Date{}},  // no folder written YYYY-MM-DD
		{"/data/2010-02-30/story.txt", storyline.Date{}},  // no such day
		{"/data/x2010-05-01/story.txt", storyline.Date{}}, // a name holding a date is no date
		{"feed.jsonl:3", storyline.Date{}},
		{"", storyline.Date{}},
	}
	for _, c := range cases {
		got, ok := FolderDate(c.origin)
		if got != c.want || ok != !c.want.IsZero() {
			t.Errorf("FolderDate(%q) = %v, %v; want %v", c.origin, got, ok, c.want)
		}
	}
}

// An article filed in a folder named by its day takes that day when the
// page gives none; a date the page gives comes first.
func TestPublicationFromFolder(t *testing.T) {
	origin := "/collection/InputDocs/2010-05-01/17.htm.txt"
	a, err := Clean(&storyline.Article{Origin: origin, Title: "Oil reaches the coast", Text: "The slick reached the coast on Friday, officials said."})
	if err != nil {
		t.Fatal(err)
	}
	if want := storyline.Day(2010, time.May, 1); a.Published != want || a.PublishedFrom != storyline.DateFromFolder {
		t.Errorf("published %v from %q, want %v from the folder", a.Published, a.PublishedFrom, want)
	}
	a, err = Clean(&storyline.Article{Origin: origin, Title: "Oil reaches the coast",
		Text: "HOUSTON, April 30 (Reuters) - The slick reached the coast on Friday, officials said.\n\nApril 30, 2010"})
	if err != nil {
		t.Fatal(err)
	}
	if want := storyline.Day(2010, time.April, 30); a.Published != want || a.PublishedFrom == storyline.DateFromFolder {
		t.Errorf("published %v from %q, want %v from the page", a.Published, a.PublishedFrom, want)
	}
}

// A page archived on a day was published by then: an archive filed in a
// folder named by a later day (when the crawls were collected) gives its
// pages the crawl date, not the folder's; a folder's day up to the crawl
// date is the page's.
func TestFolderDateNotAfterTheCrawl(t *testing.T) {
	crawled := storyline.Day(2024, time.January, 3)
	for _, c := range []struct {
		folder string
		want   storyline.Date
		from   storyline.DateSource
	}{
		{"2024-01-05", crawled, storyline.DateFromCrawl},
		{"2024-01-03", crawled, storyline.DateFromFolder},
		{"2023-12-30", storyline.Day(2023, time.December, 30), storyline.DateFromFolder},
	} {
		a, err := Clean(&storyline.Article{Origin: "/crawls/" + c.folder + "/news.warc:4", Title: "Oil reaches the coast",
			Text: "The slick reached the coast on Friday, officials said.", Published: crawled, PublishedFrom: storyline.DateFromCrawl})
		if err != nil {
			t.Fatal(err)
		}
		if a.Published != c.want || a.PublishedFrom != c.from {
			t.Errorf("folder %s, crawled %v: published %v from %q, want %v from %q", c.folder, crawled, a.Published, a.PublishedFrom, c.want, c.from)
		}
	}
}

// A folder named by a day after the article was read names no publication
// date: a day to come is nobody's publication day.
func TestFolderDateNotAfterTheIngest(t *testing.T) {
	read := time.Date(2026, time.December, 4, 15, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		folder string
		want   storyline.Date
	}{
		{"2026-12-05", storyline.Date{}},
		{"2026-12-04", storyline.Day(2026, time.December, 4)},
		{"2026-12-01", storyline.Day(2026, time.December, 1)},
	} {
		a, err := Clean(&storyline.Article{Origin: "/scrapes/" + c.folder + "/a.txt", Title: "Oil reaches the coast",
			Text: "The slick reached the coast, officials said.", IngestedAt: read})
		if err != nil {
			t.Fatal(err)
		}
		if a.Published != c.want {
			t.Errorf("folder %s read on %v: published %v from %q, want %v", c.folder, read, a.Published, a.PublishedFrom, c.want)
		}
	}
}
