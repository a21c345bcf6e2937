package web_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"net/http/httptest"
	"net/url"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/storyline/storyline/httpapi"
	"github.com/storyline/storyline/internal/servetest"
	"github.com/storyline/storyline/timeline"
)

// chromiumPath is where Debian's chromium lives; scripts/test.sh installs
// it when missing.
const chromiumPath = "/usr/bin/chromium"

// browser starts headless Chromium for a test and returns its context and
// what the page did: every dialog it opened and every console line. The
// test is skipped when Chromium is missing, except under CI=true, where a
// missing browser fails it.
func browser(t *testing.T) (context.Context, *pageLog) {
	t.Helper()
	path := chromiumPath
	if _, err := os.Stat(path); err != nil {
		if p, err := exec.LookPath("chromium"); err == nil {
			path = p
		} else if os.Getenv("CI") == "true" {
			t.Fatalf("chromium is not installed at %s: scripts/test.sh installs it (apt-get install -y chromium)", chromiumPath)
		} else {
			t.Skipf("chromium is not installed at %s; run scripts/test.sh or apt-get install -y chromium", chromiumPath)
		}
	}
	if testing.Short() {
		t.Skip("browser tests are skipped with -short")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox, // the tests run as root in containers
		chromedp.DisableGPU,
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-dev-shm-usage", true),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	log := &pageLog{}
	err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *page.EventJavascriptDialogOpening:
			log.add(&log.dialogs, string(ev.Type)+": "+ev.Message)
			// The listener must not send commands itself.
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		case *runtime.EventConsoleAPICalled:
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, strings.Trim(string(a.Value), `"`))
			}
			log.add(&log.console, string(ev.Type)+": "+strings.Join(parts, " "))
		case *runtime.EventExceptionThrown:
			log.add(&log.console, "exception: "+ev.ExceptionDetails.Text)
		case *cdplog.EventEntryAdded: // the browser's own messages: CSP violations, failed loads
			log.add(&log.console, string(ev.Entry.Level)+": "+string(ev.Entry.Source)+": "+ev.Entry.Text)
		}
	})
	if err != nil {
		t.Fatalf("listen to the page: %v", err)
	}
	return ctx, log
}

type pageLog struct {
	mu               sync.Mutex
	dialogs, console []string
}

func (l *pageLog) add(list *[]string, s string) {
	l.mu.Lock()
	*list = append(*list, s)
	l.mu.Unlock()
}

func (l *pageLog) get() (dialogs, console []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.dialogs...), append([]string(nil), l.console...)
}

// artifacts is where the screenshots go (ignored by git).
func artifacts(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("testdata", "artifacts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(artifacts(t), name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// do runs steps and fails the test on an error.
func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

func title(t *testing.T, ctx context.Context) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil {
		t.Fatalf("title: %v", err)
	}
	return s
}

// axisState is what the time axis shows in the browser, measured from
// the rendered page.
type axisState struct {
	From          string   `json:"from"`
	To            string   `json:"to"`
	Marks         int      `json:"marks"`
	Labels        []string `json:"labels"`
	MarkOverlaps  []string `json:"markOverlaps"`
	LabelOverlaps []string `json:"labelOverlaps"`
	Offside       []string `json:"offside"`
}

// measureAxis reads the axis as drawn: its range, its marks and labels,
// and every pair of marks or labels whose drawn boxes overlap.
func measureAxis(t *testing.T, ctx context.Context) axisState {
	t.Helper()
	return eval[axisState](t, ctx, `(() => {
		const svg = document.querySelector(".axis-svg");
		if (!svg) return {marks: 0, labels: [], markOverlaps: [], labelOverlaps: [], offside: []};
		const frame = svg.getBoundingClientRect();
		const circles = [...svg.querySelectorAll("a.mark circle")].map(c => c.getBoundingClientRect());
		const markOverlaps = [];
		for (let i = 0; i < circles.length; i++) for (let j = i + 1; j < circles.length; j++) {
			const a = circles[i], b = circles[j];
			const d = Math.hypot(a.x + a.width / 2 - b.x - b.width / 2, a.y + a.height / 2 - b.y - b.height / 2);
			if (d < a.width / 2 + b.width / 2 - 0.5) markOverlaps.push(i + " and " + j);
		}
		const texts = [...svg.querySelectorAll("text.labeltext")];
		const boxes = texts.map(t => t.getBoundingClientRect());
		const labelOverlaps = [], offside = [];
		for (let i = 0; i < boxes.length; i++) {
			const a = boxes[i];
			if (a.left < frame.left - 0.5 || a.right > frame.right + 0.5) offside.push(texts[i].textContent);
			for (let j = i + 1; j < boxes.length; j++) {
				const b = boxes[j];
				if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
					labelOverlaps.push(texts[i].textContent + " / " + texts[j].textContent);
			}
		}
		return {from: svg.dataset.from, to: svg.dataset.to, marks: circles.length,
			labels: texts.map(t => t.textContent), markOverlaps, labelOverlaps, offside};
	})()`)
}

// checkAxis fails the test when the drawn axis has no labelled
// happenings, or marks or labels overlap or run off it.
func checkAxis(t *testing.T, what string, ax axisState) {
	t.Helper()
	if ax.Marks == 0 || len(ax.Labels) == 0 {
		t.Errorf("%s: the axis has %d marks and %d labels", what, ax.Marks, len(ax.Labels))
	}
	for _, l := range ax.Labels {
		if strings.TrimSpace(l) == "" {
			t.Errorf("%s: an empty label", what)
		}
	}
	if len(ax.MarkOverlaps) > 0 {
		t.Errorf("%s: marks overlap: %q", what, ax.MarkOverlaps)
	}
	if len(ax.LabelOverlaps) > 0 {
		t.Errorf("%s: labels overlap: %q", what, ax.LabelOverlaps)
	}
	if len(ax.Offside) > 0 {
		t.Errorf("%s: labels run off the axis: %q", what, ax.Offside)
	}
}

// checkCitations checks the citations an open day shows: each names an
// outlet and a title and links to the article page, and none shows a file
// path.
func checkCitations(t *testing.T, ctx context.Context, scope string) int {
	t.Helper()
	type cite struct {
		Href   string `json:"href"`
		Outlet string `json:"outlet"`
		Title  string `json:"title"`
		Text   string `json:"text"`
	}
	cites := eval[[]cite](t, ctx, `[...document.querySelectorAll(`+"`"+scope+` ul.citations li`+"`"+`)].map(li => {
		const a = li.querySelector("a.cite");
		return {href: a.getAttribute("href"), outlet: a.querySelector(".outlet").textContent,
			title: (a.querySelector("cite") || {textContent: ""}).textContent, text: li.textContent};
	})`)
	for _, c := range cites {
		if !strings.HasPrefix(c.Href, "/articles/") {
			t.Errorf("citation %q links to %q, not an article page", c.Text, c.Href)
		}
		if c.Outlet == "" {
			t.Errorf("citation %q names no outlet", c.Text)
		}
		if strings.Contains(c.Text, ".txt") || strings.Contains(c.Text, "servetest/") || strings.Contains(c.Text, "corpus/") {
			t.Errorf("citation %q shows a file path", c.Text)
		}
	}
	return len(cites)
}

// A reader opens the front page, goes to the story, sees its happenings
// labelled on the time axis, zooms into March, opens a day and follows a
// citation to the article with the cited sentence highlighted; then does
// the same on a phone-sized screen.
func TestBrowserStory(t *testing.T) {
	ctx, log := browser(t)
	h, fx := newSite(t)
	ts := httptest.NewServer(h)
	defer ts.Close()

	do(t, ctx, "front page",
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`.story-card a`)))
	if n := eval[int](t, ctx, `document.querySelectorAll(".story-card h2 a").length`); n != 1 {
		t.Errorf("front page shows %d stories, want 1", n)
	}
	screenshot(t, ctx, "front.png")

	do(t, ctx, "story page",
		chromedp.Click(chromedp.CSS(`.story-card h2 a`)),
		chromedp.WaitVisible(chromedp.CSS(`ol.days`)))
	if got := title(t, ctx); !strings.HasPrefix(got, "Russia's ambassador in Washington") {
		t.Errorf("story page title %q", got)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("ol.entries > li").length`); n < 3 {
		t.Errorf("story timeline shows %d entries, want at least 3", n)
	}
	whole := measureAxis(t, ctx)
	checkAxis(t, "story", whole)
	if !slices.ContainsFunc(whole.Labels, func(l string) bool { return strings.HasPrefix(l, "17 Mar · ") }) {
		t.Errorf("no label names the day of the recall: %q", whole.Labels)
	}
	screenshot(t, ctx, "story.png")

	// The zoom form shows two days, each apart; "zoom out" doubles the
	// range, "whole timeline" goes back.
	do(t, ctx, "zoom into 17-18 March",
		chromedp.SetValue(chromedp.CSS(`.zoom-form input[name=from]`), "2021-03-17"),
		chromedp.SetValue(chromedp.CSS(`.zoom-form input[name=to]`), "2021-03-18"),
		chromedp.Submit(chromedp.CSS(`.zoom-form`)),
		chromedp.WaitVisible(chromedp.CSS(`a.zoom-whole`)))
	zoomed := measureAxis(t, ctx)
	checkAxis(t, "zoomed story", zoomed)
	if zoomed.From != "2021-03-16" || zoomed.To != "2021-03-19" || zoomed.Marks != 2 {
		t.Errorf("zoomed into 17-18 March, the axis shows %s..%s with %d marks; want 2021-03-16..2021-03-19 (two days widened to the least, three) with 2",
			zoomed.From, zoomed.To, zoomed.Marks)
	}
	do(t, ctx, "zoom out", chromedp.Click(chromedp.CSS(`a.zoom-out`)), chromedp.WaitVisible(chromedp.CSS(`a.zoom-whole`)))
	if out := measureAxis(t, ctx); out.From >= zoomed.From || out.To <= zoomed.To {
		t.Errorf("zoom out went from %s..%s to %s..%s, want a wider range", zoomed.From, zoomed.To, out.From, out.To)
	}
	screenshot(t, ctx, "story-zoomed.png")

	// A day's mark opens that day's entries (the script does that); its
	// citations name outlets and titles and lead to the articles.
	do(t, ctx, "open 17 March from the axis",
		chromedp.Click(chromedp.CSS(`.axis-svg a.mark[href="#d-2021-03-17"] circle`)),
		chromedp.WaitVisible(chromedp.CSS(`#d-2021-03-17 ul.citations a.cite`)))
	if n := checkCitations(t, ctx, "#d-2021-03-17"); n != 2 {
		t.Errorf("17 March shows %d citations, want 2 (the recall, from two outlets)", n)
	}
	if !eval[bool](t, ctx, `document.querySelector('.axis-svg a.mark[href="#d-2021-03-17"]').classList.contains("active")`) {
		t.Error("the mark of the open day is not marked active")
	}
	screenshot(t, ctx, "story-entry-open.png")

	do(t, ctx, "follow a citation",
		chromedp.Click(chromedp.CSS(`#d-2021-03-17 a.cite`)),
		chromedp.WaitVisible(chromedp.CSS(`#cited`)))
	cited := eval[string](t, ctx, `Array.from(document.querySelectorAll(".text .cited")).map(e => e.textContent).join("")`)
	location, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(location)
	if !strings.HasPrefix(u.Path, "/articles/") || u.Fragment != "cited" {
		t.Errorf("citation led to %s", location)
	}
	id := strings.TrimPrefix(u.Path, "/articles/")
	var want string
	for _, a := range fx.Articles() {
		if a.ID == id {
			want = strings.SplitAfter(a.Text, ".")[0]
		}
	}
	if want == "" || cited != want {
		t.Errorf("cited text %q, want the article's first sentence %q", cited, want)
	}
	screenshot(t, ctx, "article-cited.png")

	// Back on a year of the story, a period under the line zooms into it.
	do(t, ctx, "zoom into November from a tick",
		chromedp.Navigate(ts.URL+"/stories/"+fx.StoryID+"?from=2021&to=2021"),
		chromedp.WaitVisible(chromedp.CSS(`.axis-svg`)),
		chromedp.Click(chromedp.CSS(`.axis-svg a.ticklink[href$="from=2021-11&to=2021-11"] text`)),
		chromedp.WaitVisible(chromedp.CSS(`a.zoom-whole`)))
	if nov := measureAxis(t, ctx); nov.From != "2021-11-01" || nov.To != "2021-11-30" || nov.Marks != 1 {
		t.Errorf("November's view shows %s..%s with %d marks, want 2021-11-01..2021-11-30 with 1", nov.From, nov.To, nov.Marks)
	}
	do(t, ctx, "back to the whole timeline",
		chromedp.Click(chromedp.CSS(`a.zoom-whole`)),
		chromedp.WaitNotPresent(chromedp.CSS(`a.zoom-whole`)))
	if back := measureAxis(t, ctx); back.From != whole.From || back.To != whole.To {
		t.Errorf("the whole timeline is %s..%s again, want %s..%s", back.From, back.To, whole.From, whole.To)
	}

	// A phone.
	do(t, ctx, "story page on a phone",
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile),
		chromedp.Navigate(ts.URL+"/stories/"+fx.StoryID),
		chromedp.WaitVisible(chromedp.CSS(`ol.days`)))
	if eval[bool](t, ctx, `document.documentElement.scrollWidth > window.innerWidth + 1`) {
		t.Error("the story page scrolls sideways on a phone")
	}
	if size := eval[float64](t, ctx, `parseFloat(getComputedStyle(document.querySelector(".axis-svg text.labeltext")).fontSize) * document.querySelector(".axis-svg").getBoundingClientRect().width / 1000`); size < 10 {
		t.Errorf("axis labels are drawn %.1f px high on a phone, too small to read", size)
	}
	if !eval[bool](t, ctx, `(() => {
		const box = document.querySelector(".axis-scroll").getBoundingClientRect();
		const l = document.querySelector(".axis-svg .labeltext").getBoundingClientRect();
		const x = document.querySelector(".axis-svg .labeltext").getAttribute("text-anchor") === "end" ? l.right : l.left;
		return x >= box.left && x <= box.right;
	})()`) {
		t.Error("on a phone the axis does not show its most important mark")
	}
	screenshot(t, ctx, "story-phone.png")
	do(t, ctx, "article on a phone",
		chromedp.Navigate(ts.URL+"/articles/"+url.PathEscape(fx.Recall.ID)),
		chromedp.WaitVisible(chromedp.CSS(`.text`)))
	if eval[bool](t, ctx, `document.documentElement.scrollWidth > window.innerWidth + 1`) {
		t.Error("the article page scrolls sideways on a phone")
	}
	screenshot(t, ctx, "article-phone.png")

	dialogs, console := log.get()
	if len(dialogs) > 0 {
		t.Errorf("dialogs opened: %q", dialogs)
	}
	for _, c := range console {
		if strings.HasPrefix(c, "error") || strings.HasPrefix(c, "exception") {
			t.Errorf("console: %s", c)
		}
	}
}

// The entity page draws the entity's timeline on the axis, with labels.
func TestBrowserEntity(t *testing.T) {
	ctx, _ := browser(t)
	h, _ := newSite(t)
	ts := httptest.NewServer(h)
	defer ts.Close()
	do(t, ctx, "entity page",
		chromedp.Navigate(ts.URL+"/entities/Anatoly%20Antonov"),
		chromedp.WaitVisible(chromedp.CSS(`.axis-svg`)))
	checkAxis(t, "entity", measureAxis(t, ctx))
	screenshot(t, ctx, "entity.png")
}

// A hostile article's script never runs: no dialog opens, the document
// title is the article's title as text, and nothing in the DOM can run.
func TestBrowserHostileArticle(t *testing.T) {
	ctx, log := browser(t)
	h, fx := newSite(t)
	ts := httptest.NewServer(h)
	defer ts.Close()

	for i, target := range []string{
		"/articles/" + url.PathEscape(fx.Hostile.ID),
		"/articles/" + url.PathEscape(fx.Hostile.ID) + "?s=0&e=60#cited",
		"/stories/" + fx.StoryID + "#entry-1",
		"/entities/Anatoly%20Antonov",
		"/search?q=" + url.QueryEscape(`<script>alert(1)</script>`),
	} {
		do(t, ctx, target,
			chromedp.Navigate(ts.URL+target),
			chromedp.WaitReady(chromedp.CSS(`footer`)))
		before := title(t, ctx)
		// Once the load event has fired, any image has loaded or failed
		// and its onerror would have run.
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.readyState === "complete"`)); err != nil {
			t.Fatalf("%s: wait for the load event: %v", target, err)
		}
		after := title(t, ctx)
		if after == "pwned" || after != before {
			t.Errorf("%s: document title changed from %q to %q", target, before, after)
		}
		if strings.HasPrefix(target, "/articles/") && after != fx.Hostile.Title+" · storyline" {
			t.Errorf("%s: title %q, want the hostile title shown as text", target, after)
		}
		live := eval[int](t, ctx, `document.querySelectorAll('a[href^="javascript:"], [onerror], [onload], img, iframe, object, embed, script:not([src="/static/app.js"])').length`)
		if live != 0 {
			t.Errorf("%s: %d live hostile elements in the DOM", target, live)
		}
		screenshot(t, ctx, fmt.Sprintf("hostile-%d.png", i))
	}
	dialogs, console := log.get()
	if len(dialogs) > 0 {
		t.Errorf("hostile content opened dialogs: %q", dialogs)
	}
	for _, c := range console {
		if strings.Contains(c, "pwned") {
			t.Errorf("console: %s", c)
		}
	}
}

// The html export opened from a file: its time axis is drawn with labels
// and no overlaps, its own stylesheet applies under its CSP (allowed by
// hash), nothing is refused and it loads nothing from anywhere.
func TestBrowserExport(t *testing.T) {
	ctx, log := browser(t)
	st := servetest.OpenStore(t)
	fx, err := servetest.Load(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	tl, err := servetest.Timeline(context.Background(), st, httpapi.TimelineQuery{Story: fx.StoryID})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := timeline.Render(&buf, tl, "html"); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "timeline.html")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, "open the export",
		chromedp.Navigate("file://"+file),
		chromedp.WaitVisible(chromedp.CSS(`.axis-svg`)))
	checkAxis(t, "export", measureAxis(t, ctx))
	if font := eval[string](t, ctx, `getComputedStyle(document.body).fontFamily`); !strings.Contains(font, "Georgia") {
		t.Errorf("the export's stylesheet did not apply (body font %q): its CSP hash is wrong", font)
	}
	do(t, ctx, "open a day from the axis",
		chromedp.Click(chromedp.CSS(`.axis-svg a.mark[href="#d-2021-11-02"] circle`)))
	if hash := eval[string](t, ctx, `location.hash`); hash != "#d-2021-11-02" {
		t.Errorf("a click on the mark of 2 November led to %q", hash)
	}
	screenshot(t, ctx, "export.png")
	_, console := log.get()
	for _, c := range console {
		if strings.HasPrefix(c, "error") || strings.Contains(c, "Refused") || strings.Contains(c, "Content Security Policy") {
			t.Errorf("console: %s", c)
		}
	}
	if n := eval[int](t, ctx, `performance.getEntriesByType("resource").length`); n != 0 {
		t.Errorf("the export loaded %d resources; it should stand alone", n)
	}
}
