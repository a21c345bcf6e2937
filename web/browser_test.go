package web_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"net/http/httptest"
	"net/url"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
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

// A reader opens the front page, goes to the story, sees its timeline,
// opens an entry and follows a citation to the article with the cited
// sentence highlighted; then does the same on a phone-sized screen.
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
		chromedp.WaitVisible(chromedp.CSS(`ol.entries`)))
	if got := title(t, ctx); !strings.HasPrefix(got, "Russia's ambassador in Washington") {
		t.Errorf("story page title %q", got)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("ol.entries > li").length`); n < 3 {
		t.Errorf("story timeline shows %d entries, want at least 3", n)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("svg a.dot").length`); n < 3 {
		t.Errorf("time axis shows %d dots, want at least 3", n)
	}
	screenshot(t, ctx, "story.png")

	// A dot on the axis opens its entry (the script does that); the
	// entry's citations then show.
	do(t, ctx, "open an entry from the axis",
		chromedp.Click(chromedp.CSS(`svg a.dot[data-entry="0"] circle`)),
		chromedp.WaitVisible(chromedp.CSS(`#entry-0 ul.citations a.cite`)))
	open := eval[bool](t, ctx, `document.querySelector("#entry-0 details").open`)
	cites := eval[int](t, ctx, `document.querySelectorAll("#entry-0 a.cite").length`)
	if !open || cites != 2 {
		t.Errorf("entry 0: open %v with %d citations; want open with 2 (the recall, from two outlets)", open, cites)
	}
	screenshot(t, ctx, "story-entry-open.png")

	do(t, ctx, "follow a citation",
		chromedp.Click(chromedp.CSS(`#entry-0 a.cite`)),
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

	// A phone.
	do(t, ctx, "story page on a phone",
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile),
		chromedp.Navigate(ts.URL+"/stories/"+fx.StoryID),
		chromedp.WaitVisible(chromedp.CSS(`ol.entries`)))
	if eval[bool](t, ctx, `document.documentElement.scrollWidth > window.innerWidth + 1`) {
		t.Error("the story page scrolls sideways on a phone")
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
