package web_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/storyline/storyline/analyze"
	"github.com/storyline/storyline/cluster"
	"github.com/storyline/storyline/demo"
	"github.com/storyline/storyline/httpapi"
	"github.com/storyline/storyline/internal/servetest"
	"github.com/storyline/storyline/pipeline"
	"github.com/storyline/storyline/source"
	"github.com/storyline/storyline/web"
)

// The sample corpus the demo ships, ingested as storyline ingest does
// (analysed and clustered), read in the browser: the front page lists its
// stories, a story shows its timeline, an entry's citation leads to the
// article with the cited sentence highlighted.
func TestBrowserDemoCorpus(t *testing.T) {
	ctx, log := browser(t)
	st := servetest.OpenStore(t)
	opt := pipeline.Options{Workers: 1, Stages: []pipeline.Stage{analyze.Stage(st), cluster.NewStage(st, cluster.Options{})}}
	sum, err := pipeline.Run(context.Background(), st, source.FS(demo.Corpus(), "."), opt)
	if err != nil {
		t.Fatal(err)
	}
	if sum.New == 0 || len(sum.StageErrors) > 0 {
		t.Fatalf("ingest of the sample corpus: %s %v", sum, sum.StageErrors)
	}
	lg := servetest.Logger(t)
	site := &web.Site{Store: st, Timeline: httpapi.StoreTimeline, Log: lg}
	srv := &httpapi.Server{Store: st, Timeline: httpapi.StoreTimeline, Pages: site.Handler(), Log: lg}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()

	do(t, ctx, "front page",
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`.story-card h2 a`)))
	stories := eval[int](t, ctx, `document.querySelectorAll(".story-card").length`)
	t.Logf("%d articles in %d stories", sum.New, stories)
	screenshot(t, ctx, "demo-front.png")

	// The story with the most events.
	do(t, ctx, "open the biggest story",
		chromedp.Evaluate[chromedp.Void](`(() => {
			let best = null, most = -1;
			for (const c of document.querySelectorAll(".story-card")) {
				const n = parseInt((c.querySelector(".meta").textContent.match(/(\d+) events?/) || [0, 0])[1]);
				if (n > most) { most = n; best = c; }
			}
			location.href = best.querySelector("h2 a").href;
		})()`),
		chromedp.WaitVisible(chromedp.CSS(`h2`)),
		chromedp.WaitReady(chromedp.CSS(`footer`)))
	entries := eval[int](t, ctx, `document.querySelectorAll("ol.entries > li").length`)
	screenshot(t, ctx, "demo-story.png")
	if entries == 0 {
		t.Fatalf("the biggest story of the sample corpus shows no timeline entries")
	}
	checkAxis(t, "the demo's biggest story", measureAxis(t, ctx))

	// The first day that has a mark of its own opens from the axis.
	day := eval[string](t, ctx, `document.querySelector('.axis-svg a.mark[href^="#d-"]').getAttribute("href")`)
	do(t, ctx, "open a day from the axis",
		chromedp.Click(chromedp.CSS(`.axis-svg a.mark[href="`+day+`"] circle`)),
		chromedp.WaitVisible(chromedp.CSS(day+` a.cite`)))
	if n := checkCitations(t, ctx, day); n == 0 {
		t.Errorf("%s shows no citations", day)
	}
	sentence := eval[string](t, ctx, `document.querySelector("`+day+` ul.citations q").textContent`)
	do(t, ctx, "follow its first citation",
		chromedp.Click(chromedp.CSS(day+` a.cite`)),
		chromedp.WaitVisible(chromedp.CSS(`#cited`)))
	cited := eval[string](t, ctx, `Array.from(document.querySelectorAll(".text .cited")).map(e => e.textContent).join("")`)
	if cited == "" || strings.Join(strings.Fields(cited), " ") != strings.Join(strings.Fields(sentence), " ") {
		t.Errorf("highlighted %q, want the cited sentence %q", cited, sentence)
	}
	screenshot(t, ctx, "demo-article.png")
	if dialogs, _ := log.get(); len(dialogs) > 0 {
		t.Errorf("dialogs opened: %q", dialogs)
	}
}
