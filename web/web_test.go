package web_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/httpapi"
	"github.com/storyline/storyline/internal/servetest"
	"github.com/storyline/storyline/web"
)

// newSite returns the whole server (API and pages behind the middleware)
// over a SQLite store holding the servetest fixture.
func newSite(t testing.TB) (http.Handler, *servetest.Fixture) {
	t.Helper()
	ctx := context.Background()
	st := servetest.OpenStore(t)
	fx, err := servetest.Load(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	log := servetest.Logger(t)
	site := &web.Site{Store: st, Timeline: servetest.Timeline, Log: log}
	srv := &httpapi.Server{Store: st, Timeline: servetest.Timeline, Pages: site.Handler(), Log: log}
	return srv.Handler(), fx
}

func get(t *testing.T, h http.Handler, target string) (int, http.Header, string) {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", target, nil))
	b, _ := io.ReadAll(w.Body)
	return w.Code, w.Header(), string(b)
}

func TestPages(t *testing.T) {
	h, fx := newSite(t)
	recall := url.PathEscape(fx.Recall.ID)
	tests := []struct {
		name, target string
		status       int
		want         []string // substrings of the page
	}{
		{"front", "/", 200, []string{
			`href="/stories/story-antonov"`, "Russia&#39;s ambassador in Washington", "3 events", "5 outlets",
			"Latest:", "Antonov sees positive shifts"}},
		{"story", "/stories/story-antonov", 200, []string{
			`<svg class="axis-svg" viewBox=`, `id="d-2021-03-17"`, `id="entry-0"`,
			// March and November, with a break for the quiet months
			// between: each day a mark of its own, leading to its entries.
			`<a class="mark" href="#d-2021-03-17" data-entries="0">`, `<a class="mark" href="#d-2021-03-22" data-entries="2">`,
			`<a class="mark" href="#d-2021-11-02" data-entries="3">`, `<path class="break" `,
			`<time datetime="2021-03-17">17 March 2021</time>`,
			// A citation: outlet and title, linked to the article, and the original.
			`<a class="cite" href="/articles/` + recall + `?s=0&amp;e=`,
			`<span class="outlet">Example Wire</span>: <cite>Moscow calls its ambassador home from Washington</cite></a>`,
			`<a class="orig" href="https://example.org/2021/03/17/recall" rel="noopener noreferrer nofollow">`,
			"Daily Courier and Example Wire",
			// The key entities that are entities, each once.
			`<a class="tag" href="/entities/Anatoly%20Antonov">Anatoly Antonov</a>`}},
		{"story zoomed", "/stories/story-antonov?from=2021-03&to=2021-03", 200, []string{
			`data-from="2021-03-01" data-to="2021-03-31"`, "Showing <strong>1 March 2021 – 31 March 2021</strong>",
			`<a class="zoom-whole" href="/stories/story-antonov">`, `value="2021-03"`}},
		{"story bad zoom", "/stories/story-antonov?from=March", 400, []string{"want a date as YYYY, YYYY-MM or YYYY-MM-DD"}},
		{"story backwards zoom", "/stories/story-antonov?from=2021-04&to=2021-03", 400, []string{"ends before it starts"}},
		{"article", "/articles/" + recall, 200, []string{
			`class="ent ent-person" title="Anatoly Antonov (person)"`,
			`class="date" title="DATE 2021-03-17 (from 2021-03-17)">Wednesday</span>`,
			`class="quote" title="quote: Maria Zakharova"`,
			"Removed by cleaning", "<code>ad-marker</code>", "[ad_1]",
			`<a href="https://example.org/2021/03/17/recall" rel="noopener noreferrer nofollow">`}},
		{"article cited", "/articles/" + recall + "?s=0&e=10", 200, []string{
			`<span class="ent ent-place cited" title="Russia (place); the sentence cited" id="cited">Russia</span><span class="cited" title="the sentence cited"> on </span>`}},
		{"entity", "/entities/Anatoly%20Antonov", 200, []string{"<h1>Anatoly Antonov</h1>", "person", `id="entry-0"`, `<svg class="axis-svg"`}},
		{"entity zoomed", "/entities/Anatoly%20Antonov?from=2021-11-01&to=2021-11-30", 200, []string{`data-from="2021-11-01" data-to="2021-11-30"`, "positive shifts"}},
		{"entities", "/entities?kind=person", 200, []string{`href="/entities/Maria%20Zakharova"`}},
		{"search", "/search?q=consultations", 200, []string{`href="/articles/` + url.PathEscape(fx.Talks.ID) + `"`}},
		{"empty search", "/search", 200, []string{`name="q"`}},
		{"static css", "/static/style.css", 200, []string{".cited"}},
		{"static js", "/static/app.js", 200, []string{"hashchange"}},
		{"no static listing", "/static/", 404, []string{"there is no page at /static/"}},
		{"unknown story", "/stories/nope", 404, []string{"no story"}},
		{"unknown article", "/articles/0000000000000000", 404, []string{"<h1>404</h1>"}},
		{"unknown entity", "/entities/Nobody", 404, []string{"<h1>404</h1>"}},
		{"unknown page", "/no/such/page", 404, []string{"there is no page at /no/such/page"}},
		{"cited span past the end", "/articles/" + recall + "?s=0&e=100000", 400, []string{"not a span"}},
		{"cited span not a number", "/articles/" + recall + "?s=a&e=b", 400, []string{"not a span"}},
		{"bad entity kind", "/entities?kind=animal", 400, []string{"want person, org or place"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, hdr, body := get(t, h, tt.target)
			if status != tt.status {
				t.Fatalf("GET %s: status %d, want %d\n%s", tt.target, status, tt.status, body)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("GET %s: page lacks %q", tt.target, w)
				}
			}
			if hdr.Get("Content-Security-Policy") == "" {
				t.Errorf("GET %s: no Content-Security-Policy", tt.target)
			}
			if strings.HasPrefix(tt.target, "/static/") {
				return
			}
			if ct := hdr.Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("GET %s: Content-Type %q", tt.target, ct)
			}
			checkNoInline(t, body)
		})
	}
}

// checkNoInline parses a page and checks it carries no script but the
// one file, no inline event handlers or styles, no javascript: URLs and
// no elements that load content (img, iframe, object, embed).
func checkNoInline(t *testing.T, body string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatalf("parse page: %v", err)
	}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.Data {
		case "script":
			if len(n.Attr) != 2 || attr(n, "src") != "/static/app.js" {
				t.Errorf("page has a script element %v", n.Attr)
			}
		case "img", "iframe", "object", "embed", "frame", "base", "meta":
			if n.Data != "meta" || (attr(n, "charset") == "" && attr(n, "name") != "viewport") {
				t.Errorf("page has a <%s> element %v", n.Data, n.Attr)
			}
		}
		for _, a := range n.Attr {
			k := strings.ToLower(a.Key)
			if strings.HasPrefix(k, "on") || k == "style" || k == "srcdoc" || k == "formaction" {
				t.Errorf("page has an attribute %s=%q on <%s>", a.Key, a.Val, n.Data)
			}
			if (k == "href" || k == "src" || k == "action" || k == "xlink:href") &&
				strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
				t.Errorf("page has a javascript: URL %s=%q on <%s>", a.Key, a.Val, n.Data)
			}
		}
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// A hostile article is shown as text: every field that tries to run
// script appears escaped, on its own page and where others cite it.
func TestHostileArticle(t *testing.T) {
	h, fx := newSite(t)
	for _, target := range []string{
		"/articles/" + url.PathEscape(fx.Hostile.ID),
		"/articles/" + url.PathEscape(fx.Hostile.ID) + "?s=0&e=60",
		"/stories/" + fx.StoryID,
		"/entities/Anatoly%20Antonov",
		"/search?q=" + url.QueryEscape(`ambassador <script>`),
		"/search?q=" + url.QueryEscape(`"><script>alert(1)</script>`),
		"/",
	} {
		t.Run(target, func(t *testing.T) {
			status, _, body := get(t, h, target)
			if status != 200 {
				t.Fatalf("status %d\n%s", status, body)
			}
			checkNoInline(t, body)
			for _, raw := range []string{"<img", "<svg onload", "<a href=\"javascript"} {
				if strings.Contains(body, raw) {
					t.Errorf("raw %q reached the page", raw)
				}
			}
		})
	}
	_, _, body := get(t, h, "/articles/"+url.PathEscape(fx.Hostile.ID))
	for _, want := range []string{
		"&lt;script&gt;document.title=&#34;pwned&#34;", // the title, escaped
		"&lt;img src=x onerror=",                       // the source
		"javascript:document.title=",                   // the URL as text, not a link
		"&lt;script&gt;alert(&#34;debris&#34;)",        // the debris
	} {
		if !strings.Contains(body, want) {
			t.Errorf("hostile article page lacks %q", want)
		}
	}
}

func TestFrontPageWithoutStories(t *testing.T) {
	ctx := context.Background()
	st := servetest.OpenStore(t)
	site := (&web.Site{Store: st, Log: servetest.Logger(t)}).Handler()
	_, _, body := get(t, site, "/")
	if !strings.Contains(body, "the store is empty") {
		t.Errorf("empty store front page:\n%s", body)
	}
	a := servetest.New().Talks
	if _, err := st.PutArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	_, _, body = get(t, site, "/")
	want := fmt.Sprintf(`href="/articles/%s"`, a.ID)
	if !strings.Contains(body, "1 article is stored") || !strings.Contains(body, want) {
		t.Errorf("front page of one ungrouped article lacks the article:\n%s", body)
	}
	// A story page without a timeline function still shows its events.
	_, _, body = get(t, site, "/stories/none")
	if !strings.Contains(body, "404") {
		t.Errorf("unknown story without timelines: %s", body)
	}
}

// Every entity link on the pages leads to an entity page: a story's key
// entities that are no entity ("March") are not linked, an alias and the
// full name are one link, and quote speakers link only when known.
func TestEntityLinksResolve(t *testing.T) {
	h, fx := newSite(t)
	pages := []string{"/", "/stories/" + fx.StoryID, "/entities", "/entities/Anatoly%20Antonov"}
	for _, a := range fx.Articles() {
		pages = append(pages, "/articles/"+url.PathEscape(a.ID))
	}
	checked := 0
	for _, p := range pages {
		status, _, body := get(t, h, p)
		if status != 200 {
			t.Fatalf("GET %s: %d", p, status)
		}
		doc, err := html.Parse(strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		for n := range doc.Descendants() {
			href := attr(n, "href")
			if n.Type != html.ElementNode || !strings.HasPrefix(href, "/entities/") {
				continue
			}
			if status, _, _ := get(t, h, href); status != 200 {
				t.Errorf("%s links to %s, which answers %d", p, href, status)
			}
			checked++
		}
	}
	if checked < 5 {
		t.Errorf("only %d entity links checked", checked)
	}
	_, _, body := get(t, h, "/stories/"+fx.StoryID)
	if n := strings.Count(body, `href="/entities/Anatoly%20Antonov"`); n != 1 {
		t.Errorf("the story links Anatoly Antonov %d times among its key entities, want once (Antonov is his alias)", n)
	}
	if strings.Contains(body, `/entities/March`) {
		t.Error("the story links its key entity March, which is no entity")
	}
}

// Citations and event members name the outlet and the title, never the
// file an article was read from.
func TestNoLocalPaths(t *testing.T) {
	h, fx := newSite(t)
	for _, p := range []string{"/", "/stories/" + fx.StoryID, "/entities/Anatoly%20Antonov", "/stories/" + fx.StoryID + "?from=2021-03"} {
		_, _, body := get(t, h, p)
		if strings.Contains(body, "servetest/") {
			t.Errorf("%s shows an origin path (servetest/...)", p)
		}
	}
}

// The concise view says how many happenings it leaves out and links to
// them all; the full view links back; zoom keeps the choice.
func TestConciseAndAll(t *testing.T) {
	ctx := context.Background()
	st := servetest.OpenStore(t)
	fx, err := servetest.Load(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	// A concise view of two entries, so that four are more than it shows.
	two := func(ctx context.Context, st storyline.Store, q httpapi.TimelineQuery) (*storyline.Timeline, error) {
		if !q.All && q.Limit == 0 {
			q.Limit = 2
		}
		return httpapi.StoreTimeline(ctx, st, q)
	}
	h := (&web.Site{Store: st, Timeline: two, Log: servetest.Logger(t)}).Handler()
	story := "/stories/" + fx.StoryID
	_, _, body := get(t, h, story)
	for _, want := range []string{
		"The 2 most important of 4 happenings",
		`<a class="show-all" href="/stories/story-antonov?all=1">Show all 4</a>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("concise story page lacks %q", want)
		}
	}
	if n := strings.Count(body, `<li id="entry-`); n != 2 {
		t.Errorf("concise story page lists %d entries, want 2", n)
	}
	_, _, body = get(t, h, story+"?all=1")
	if n := strings.Count(body, `<li id="entry-`); n != 4 {
		t.Errorf("the full story page lists %d entries, want 4", n)
	}
	if !strings.Contains(body, "4 happenings") || !strings.Contains(body, `<input type="hidden" name="all" value="1">`) {
		t.Error("the full story page does not say it shows every happening, or its zoom form forgets it")
	}
	_, _, body = get(t, h, story+"?all=1&from=2021-03&to=2021-03")
	if !strings.Contains(body, `<a class="zoom-whole" href="/stories/story-antonov?all=1">`) {
		t.Error("zoomed, the full view's way back to the whole timeline forgets all=1")
	}
	if status, _, _ := get(t, h, story+"?all=maybe"); status != 400 {
		t.Errorf("all=maybe: status %d, want 400", status)
	}
}

// TestQuotesShownOnce checks how the pages show what was said: a direct
// quote in its own quotation marks only (no <q>, which would add a second
// pair), indirect content as reported speech without marks.
func TestQuotesShownOnce(t *testing.T) {
	h, fx := newSite(t)
	for _, p := range []string{"/articles/" + url.PathEscape(fx.Recall.ID), "/entities/Maria%20Zakharova"} {
		status, _, body := get(t, h, p)
		if status != 200 {
			t.Fatalf("GET %s: %d", p, status)
		}
		if strings.Contains(body, "<q>We want") {
			t.Errorf("GET %s: a quote in <q>, shown in marks the text does not have", p)
		}
		if !strings.Contains(body, `<span class="said direct">We want to stop an irreversible decline</span>`) {
			t.Errorf("GET %s: the direct quote is not shown as said", p)
		}
	}
}
