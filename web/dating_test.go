package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/internal/servetest"
	"github.com/storyline/storyline/web"
)

// TestDatesShownWithEvidence: an estimated date is shown as one ("≈ March
// 2021", its evidence on hover), never plainly; a page date the text
// disputes is shown as disputed.
func TestDatesShownWithEvidence(t *testing.T) {
	ctx := context.Background()
	st := servetest.OpenStore(t)
	site := (&web.Site{Store: st, Log: servetest.Logger(t)}).Handler()
	fx := servetest.New()
	undated, disputed := fx.Envoy, fx.Talks
	undated.Published, undated.PublishedFrom = storyline.Date{}, ""
	disputed.Published = storyline.Day(2017, 7, 11)
	for _, a := range []*storyline.Article{undated, disputed} {
		if _, err := st.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	estimate := storyline.Dating{Estimated: storyline.Month(2021, 3), EstimatedFrom: "written in the week after 2021-03-17",
		EstimatedEarliest: storyline.Day(2021, 3, 17), EstimatedLatest: storyline.Day(2021, 3, 23), EstimatedConfidence: 0.6}
	dispute := storyline.Dating{Disputed: `the text reports "March 22, 2021" in the past tense, after the page's date 2017-07-11`}
	if err := st.SetDating(ctx, undated.ID, estimate); err != nil {
		t.Fatal(err)
	}
	if err := st.SetDating(ctx, disputed.ID, dispute); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		page string
		want []string
	}{
		{"/", []string{`title="date estimated: written in the week after 2021-03-17">≈ March 2021</span>`, `page date 11 July 2017 disputed`}},
		{"/articles/" + undated.ID, []string{`<dt>Estimated</dt>`, `≈ March 2021`, `written in the week after 2021-03-17`}},
		{"/articles/" + disputed.ID, []string{`disputed by the text`, `<dt>Disputed</dt>`, `after the page&#39;s date 2017-07-11`}},
	} {
		_, _, body := get(t, site, c.page)
		for _, w := range c.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s lacks %q", c.page, w)
			}
		}
		if strings.Contains(body, `datetime="2021-03"`) {
			t.Errorf("%s shows the estimate as a plain date", c.page)
		}
	}
}
