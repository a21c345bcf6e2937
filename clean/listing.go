package clean

import (
	"net/url"
	"strings"
	"unicode"
)

// Listing pages.
//
// A search-results page, a tag or category page, a page of a section's
// archive is made of many items, each with its own date: the first
// item's date, or the last one's at the foot, is not when the page was
// published, and the page has no date of its own. Its URL says what it
// is: a search term in the query ("?q=...", "?key=..."), a path through
// a search, tag or category folder ("/search/", "/ara", "/tag/police"),
// or a page number over a section rather than a story ("/computing/?page=76",
// "/tag/police/page/2"). The date lines of such a page are its items'
// and are not taken; the URL's own day, and the crawler's, still are.

// searchKeys are the query keys that carry a search term.
var searchKeys = []string{"q", "query", "key", "keyword", "keywords", "search", "searchword"}

// listingFolders are the path segments a search, tag or category page
// sits under: "search" and its names in other languages (Turkish "ara",
// German "suche", French "recherche", ...).
var listingFolders = map[string]bool{
	"search": true, "ara": true, "suche": true, "recherche": true, "buscar": true, "busca": true,
	"cerca": true, "zoeken": true, "find": true,
	"tag": true, "tags": true, "hashtag": true, "category": true, "categories": true,
}

// ListingURL reports whether u is the address of a listing page: search
// results, a tag or category page, or a numbered page of a section.
func ListingURL(u string) bool {
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	q := p.Query()
	for _, k := range searchKeys {
		if v := q.Get(k); hasLetter(v) {
			return true
		}
	}
	segs := strings.Split(strings.Trim(p.Path, "/"), "/")
	for i, s := range segs {
		s = strings.ToLower(s)
		// "/category/world/minister-quits-after-budget-row" is a story
		// filed under its category: only a path that ends in no story's
		// slug is the listing itself.
		if listingFolders[s] && !articleSlug(segs[len(segs)-1]) {
			return true
		}
		// "/tag/police/page/2": a numbered page of a listing.
		if s == "page" && i > 0 && i == len(segs)-2 && digits(segs[i+1]) {
			return true
		}
	}
	// "/computing/?page=76": a numbered page of a section, not the
	// second page of a story, whose path names the story.
	if n := q.Get("page"); digits(n) && !storySlug(segs[len(segs)-1]) {
		return true
	}
	return false
}

// storySlug reports whether a path segment names a story rather than a
// section: it holds a number or several words joined by hyphens or
// underscores, or ends like a file ("x.html").
func storySlug(s string) bool {
	return strings.ContainsAny(s, "0123456789-_.")
}

// articleSlug reports whether a path segment names one article: four
// or more words joined by hyphens or underscores, or an ID of five
// digits or more. A tag's slug ("police-shooting") is shorter.
func articleSlug(s string) bool {
	if strings.Count(s, "-")+strings.Count(s, "_") >= 3 {
		return true
	}
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run >= 5 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// hasLetter reports whether s holds a letter of any script.
func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}
