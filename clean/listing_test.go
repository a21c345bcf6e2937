package clean

import (
	"testing"
	"time"

	"github.com/storyline/storyline"
)

func TestListingURL(t *testing.T) {
	cases := []struct {
		url  string
		want bool
	}{
		// Search results, tag and category pages, numbered pages of a section.
		{"https://paper.example/search?q=harbour+strike", true},
		{"https://haber.example/ara?key=Meclis", true},
		{"https://haber.example/ara", true},
		{"https://blog.example/tag/harbour/", true},
		{"https://blog.example/category/city/page/7", true},
		{"https://magazine.example/science/?page=41&source=", true},
		{"https://gov.example/feed?page=12", true},
		{"https://blog.example/tag/dock-strike", true}, // a tag's slug of two words
		{"https://paper.example/search/results/page/3", true},
		// Stories.
		{"https://paper.example/2024/05/03/harbour-workers-strike/", false},
		{"https://paper.example/city/harbour-workers-strike?page=2", false},           // the second page of a story
		{"https://portal.example/articles/9f2c41ab?page=2", false},                    // the same, by its id
		{"https://forum.example/showthread.php?s=4e07a2db245d98&t=1234", false},       // a session id, not a search
		{"https://paper.example/news?key=48213", false},                               // a story's number, not a term
		{"https://blog.example/node/1201/atom/feed", false},                           // one post's feed
		{"https://board.example/msg/archive/1574225975.html", false},                  // one archived message
		{"https://town.example/news/2011/superintendent_search_update.html", false},   // "search" inside a slug
		{"https://shop.example/page/20-21-26", false},                                 // a page named by numbers
		{"https://paper.example/category/city/dock-workers-walk-out-over-pay", false}, // a story filed under its category
		{"https://paper.example/tags/harbour/story/2024050312345", false},             // a story by its number under a tag
		{"::not a url", false},
	}
	for _, c := range cases {
		if got := ListingURL(c.url); got != c.want {
			t.Errorf("ListingURL(%q) = %v, want %v", c.url, got, c.want)
		}
	}
}

// A listing page's date lines belong to its items: the first result's
// date, or the date under the last item at the foot, is not when the
// page was published, and it gets none. A story with a list of related
// stories at its foot keeps its own date.
func TestListingPageHasNoDate(t *testing.T) {
	cases := []struct {
		name, url, text string
		want            storyline.Date
	}{
		{"search results, each with its date", "https://paper.example/search?q=harbour",
			"Search results\n\nDockers vote to extend the harbour strike\n02/03/2025 18:40\n" +
				"The union said the walkout would go on for another week after talks broke down.\n" +
				"Ferry timetable cut as the strike goes on\n27/02/2025 09:12\n" +
				"Two crossings a day were cancelled, the operator said.\n",
			storyline.Date{}},
		{"a numbered page of a section, an item's date at the foot", "https://magazine.example/science/?page=41",
			"Science\n\nThe quiet comet\n\nAstronomers watching a faint comet for a decade have found that it barely sheds any dust at all, " +
				"a puzzle for the models that explain how comets fade.\n\nMarch 14, 2013\nBack to top",
			storyline.Date{}},
		{"a story with related stories at its foot", "https://paper.example/city/dockers-vote-to-extend-strike",
			"Dockers vote to extend the harbour strike\n\nMarch 2, 2025\n\n" +
				"The union said the walkout would go on for another week after talks with the port authority broke down on Sunday.\n\n" +
				"Related\nFerry timetable cut as the strike goes on\nFebruary 27, 2025",
			storyline.Day(2025, time.March, 2)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := Clean(&storyline.Article{Origin: "p.jsonl", URL: c.url, Text: c.text})
			if err != nil {
				t.Fatal(err)
			}
			if a.Published != c.want {
				t.Errorf("published %v (%s), want %v", a.Published, a.PublishedFrom, c.want)
			}
		})
	}
}
