package timeline

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline"
)

func axisEntry(d storyline.Date, text string, outlets int, score float64) storyline.Entry {
	return storyline.Entry{Date: d, Text: text, Outlets: outlets, Score: score}
}

// checkAxis fails the test when two marks touch, two labels overlap,
// a label runs off the axis or a leader runs through another label.
func checkAxis(t *testing.T, ax Axis) {
	t.Helper()
	for i := 1; i < len(ax.Marks); i++ {
		a, b := ax.Marks[i-1], ax.Marks[i]
		if b.X-a.X < a.R+b.R {
			t.Errorf("marks %s and %s overlap: x %.1f r %.1f and x %.1f r %.1f", a.First, b.First, a.X, a.R, b.X, b.R)
		}
	}
	for i, a := range ax.Spans {
		for _, b := range ax.Spans[i+1:] {
			if a.Y == b.Y && a.X0 < b.X1 && b.X0 < a.X1 {
				t.Errorf("bars %s and %s overlap in one row", a.Date, b.Date)
			}
		}
	}
	type box struct{ x0, x1, y float64 }
	boxes := make([]box, len(ax.Labels))
	for i, l := range ax.Labels {
		w := TextWidth(l.Text, labelSize)
		x0 := l.X
		if l.End {
			x0 -= w
		}
		boxes[i] = box{x0, x0 + w, l.Y}
		if x0 < 0 || x0+w > AxisWidth {
			t.Errorf("label %q runs off the axis: %.1f to %.1f", l.Text, x0, x0+w)
		}
		if l.LeaderY <= l.Y {
			t.Errorf("label %q: leader from y %.1f goes up to %.1f", l.Text, l.Y, l.LeaderY)
		}
	}
	for i, a := range boxes {
		for j, b := range boxes {
			if i != j && a.y == b.y && a.x0 < b.x1 && b.x0 < a.x1 {
				t.Errorf("labels %q and %q overlap", ax.Labels[i].Text, ax.Labels[j].Text)
			}
			// j's leader runs from below j's text down to the line: it
			// must not pass through i's text, below j's.
			if i != j && a.y > b.y && ax.Labels[j].LeaderX > a.x0 && ax.Labels[j].LeaderX < a.x1 {
				t.Errorf("the leader of %q runs through label %q", ax.Labels[j].Text, ax.Labels[i].Text)
			}
		}
	}
}

func TestLayoutPlacesDaysInOrder(t *testing.T) {
	tl := &storyline.Timeline{Entries: []storyline.Entry{
		axisEntry(day(2021, 3, 17), "Russia recalls its ambassador", 2, 3),
		axisEntry(day(2022, 6, 1), "Two hours of consultations at the ministry", 1, 2),
		{Text: "undated"},
		axisEntry(day(2024, 3, 11), "The embassy prepares the vote", 1, 1),
	}}
	tl.Entries[3].Conflicts = []storyline.Conflict{{Kind: "date"}}
	ax := Layout(tl, AxisOptions{})
	if len(ax.Marks) != 3 {
		t.Fatalf("got %d marks, want 3 (the undated entry is left off)", len(ax.Marks))
	}
	m := ax.Marks
	if !(m[0].X < m[1].X && m[1].X < m[2].X) {
		t.Errorf("marks not in date order: x = %.1f, %.1f, %.1f", m[0].X, m[1].X, m[2].X)
	}
	if m[0].R <= m[2].R {
		t.Errorf("a mark of 2 outlets (r %.1f) is no larger than one of 1 (r %.1f)", m[0].R, m[2].R)
	}
	if m[0].Conflict || !m[2].Conflict {
		t.Errorf("conflict flags %v, %v; want only the last", m[0].Conflict, m[2].Conflict)
	}
	if m[2].Entries[0] != 3 {
		t.Errorf("the last mark points at entry %v, want 3", m[2].Entries)
	}
	if !strings.Contains(m[0].Title, "17 March 2021: Russia recalls its ambassador (2 outlets)") {
		t.Errorf("hover text %q", m[0].Title)
	}
	if len(ax.Labels) != 3 {
		t.Errorf("%d labels for 3 marks far apart, want 3: %+v", len(ax.Labels), ax.Labels)
	}
	if len(ax.Ticks) == 0 {
		t.Error("no ticks on a three-year axis")
	}
	checkAxis(t, ax)
	if got := Layout(&storyline.Timeline{}, AxisOptions{}); len(got.Marks)+len(got.Spans) != 0 {
		t.Errorf("an empty timeline has %d marks", len(got.Marks))
	}
}

// Thirty-four happenings of one day are one mark that says so, not a
// stack of thirty-four dots; its label is the most important one's.
func TestLayoutOneDayIsOneMark(t *testing.T) {
	var tl storyline.Timeline
	for i := range 34 {
		tl.Entries = append(tl.Entries, axisEntry(day(2021, 3, 17), fmt.Sprintf("Happening number %d", i), 1, float64(i%7)))
	}
	tl.Entries[20].Text, tl.Entries[20].Score = "Moscow recalls its ambassador", 10
	tl.Entries = append(tl.Entries, axisEntry(day(2021, 6, 16), "Geneva summit", 3, 5))
	ax := Layout(&tl, AxisOptions{})
	if len(ax.Marks) != 2 {
		t.Fatalf("%d marks, want 2", len(ax.Marks))
	}
	m := ax.Marks[0]
	if len(m.Entries) != 34 || m.Entries[0] != 20 {
		t.Errorf("the day's mark holds %d entries, first %d; want 34, first 20 (the best)", len(m.Entries), m.Entries[0])
	}
	if m.R != maxRadius {
		t.Errorf("a mark of 34 outlets has r %.1f, want the largest, %.1f", m.R, maxRadius)
	}
	var label string
	for _, l := range ax.Labels {
		if l.LeaderX == m.X {
			label = l.Text
		}
	}
	if !strings.HasPrefix(label, "17 Mar · Moscow recalls its ambassador") || !strings.HasSuffix(label, "+33") {
		t.Errorf("the day's label is %q", label)
	}
	if !strings.Contains(m.Title, "… and 26 more") {
		t.Errorf("hover text lists more than %d happenings: %q", maxEntries, m.Title)
	}
	checkAxis(t, ax)
}

// Days too close to draw apart share a mark; a click on it zooms into
// them.
func TestLayoutMergesCloseDays(t *testing.T) {
	tl := &storyline.Timeline{Entries: []storyline.Entry{
		axisEntry(day(2019, 1, 10), "early", 1, 1),
		axisEntry(day(2021, 3, 16), "report", 1, 1),
		axisEntry(day(2021, 3, 17), "recall", 2, 3),
		axisEntry(day(2021, 3, 18), "reply", 1, 1),
		axisEntry(day(2024, 3, 11), "vote", 1, 1),
	}}
	// Five years, linear (a range asked for is never broken).
	ax := Layout(tl, AxisOptions{
		From: storyline.Year(2019), To: storyline.Year(2024),
		Zoom:  func(a, b storyline.Date) string { return "zoom:" + a.String() + ".." + b.String() },
		Entry: func(d storyline.Date, i int) string { return "#" + d.String() },
	})
	if len(ax.Marks) != 3 {
		t.Fatalf("%d marks, want 3 (three March days in one)", len(ax.Marks))
	}
	m := ax.Marks[1]
	if m.First != day(2021, 3, 16) || m.Last != day(2021, 3, 18) || len(m.Entries) != 3 {
		t.Errorf("middle mark covers %s..%s with %d entries", m.First, m.Last, len(m.Entries))
	}
	if m.Href != "zoom:2021-03-16..2021-03-18" {
		t.Errorf("a mark of three days links to %q, want its zoom", m.Href)
	}
	if ax.Marks[0].Href != "#2019-01-10" {
		t.Errorf("a mark of one day links to %q, want its entries", ax.Marks[0].Href)
	}
	checkAxis(t, ax)
}

// A date known to the month or the year is a bar over that stretch; a
// year outside the days' range stretches the axis only to its edge.
func TestLayoutVagueDatesAreBars(t *testing.T) {
	tl := &storyline.Timeline{Entries: []storyline.Entry{
		axisEntry(storyline.Year(2020), "the 2020 election", 1, 1),
		axisEntry(storyline.Month(2021, 3), "called home in March", 1, 1),
		axisEntry(day(2021, 3, 17), "recall", 2, 3),
		axisEntry(day(2021, 11, 2), "positive shifts", 1, 2),
	}}
	ax := Layout(tl, AxisOptions{})
	if len(ax.Marks) != 2 || len(ax.Spans) != 2 {
		t.Fatalf("%d marks and %d bars, want 2 and 2", len(ax.Marks), len(ax.Spans))
	}
	if ax.From.Year() != 2020 || ax.From.Month() != time.December {
		t.Errorf("the axis starts %s; the 2020 mention should stretch it to late December 2020 only", ax.From.Format(time.DateOnly))
	}
	for _, s := range ax.Spans {
		if s.Date == storyline.Month(2021, 3) {
			x0 := ax.Marks[0].X // 17 March is inside March's bar
			if !(s.X0 < x0 && x0 < s.X1) {
				t.Errorf("March's bar %.1f..%.1f does not cover 17 March at %.1f", s.X0, s.X1, x0)
			}
		}
		if s.Y <= ax.LineY {
			t.Errorf("bar %s at y %.1f is not below the line at %.1f", s.Date, s.Y, ax.LineY)
		}
	}
	checkAxis(t, ax)
}

// A zoomed axis shows the range asked for, and what lies outside it is
// left off.
func TestLayoutZoom(t *testing.T) {
	tl := &storyline.Timeline{Entries: []storyline.Entry{
		axisEntry(day(2021, 3, 17), "recall", 2, 3),
		axisEntry(day(2021, 3, 22), "consultations", 1, 2),
		axisEntry(day(2021, 6, 16), "summit", 3, 3),
	}}
	zoom := func(a, b storyline.Date) string { return a.String() + ".." + b.String() }
	ax := Layout(tl, AxisOptions{From: storyline.Month(2021, 3), To: storyline.Month(2021, 3), Zoom: zoom})
	if got := ax.From.Format(time.DateOnly) + " " + ax.To.Format(time.DateOnly); got != "2021-03-01 2021-03-31" {
		t.Errorf("zoomed axis shows %s", got)
	}
	if !ax.Zoomed || len(ax.Marks) != 2 {
		t.Errorf("zoomed %v with %d marks, want 2 (June is outside)", ax.Zoomed, len(ax.Marks))
	}
	if ax.Marks[1].X-ax.Marks[0].X < 100 {
		t.Errorf("five days apart in a month's view are %.1f units apart", ax.Marks[1].X-ax.Marks[0].X)
	}
	var links []string
	for _, tk := range ax.Ticks {
		if tk.Href != "" {
			links = append(links, tk.Label+"="+tk.Href)
		}
	}
	if len(links) == 0 || !strings.HasPrefix(links[0], "1 Mar=2021-03-01..2021-03-07") {
		t.Errorf("a month's ticks are weeks linked to their zoom: %v", links)
	}
	checkAxis(t, ax)
}

func TestTicks(t *testing.T) {
	for _, tt := range []struct {
		from, to storyline.Date
		first    string // the first labelled tick
		unit     string
	}{
		{day(2021, 3, 16), day(2021, 3, 22), "16 Mar", "days"},
		{day(2021, 3, 1), day(2021, 5, 31), "1 Mar", "weeks"},
		{day(2021, 1, 1), day(2021, 12, 31), "Jan 2021", "months"},
		{day(2020, 12, 1), day(2022, 6, 30), "Jan–Mar 2021", "quarters"},
		{day(2020, 12, 1), day(2024, 2, 28), "2021", "years"},
		{day(1990, 1, 1), day(2024, 12, 31), "1990", "years"},
	} {
		ax := Layout(&storyline.Timeline{Entries: []storyline.Entry{axisEntry(tt.from, "a", 1, 1), axisEntry(tt.to, "b", 1, 1)}}, AxisOptions{From: tt.from, To: tt.to})
		var labels []string
		var prev float64 = -1e9
		for _, tk := range ax.Ticks {
			if tk.Label == "" {
				continue
			}
			w := TextWidth(tk.Label, 12)
			if tk.LabelX-w/2 < prev {
				t.Errorf("%s..%s: tick label %q overlaps the one before", tt.from, tt.to, tk.Label)
			}
			prev = tk.LabelX + w/2
			labels = append(labels, tk.Label)
		}
		if len(labels) < 2 || labels[0] != tt.first {
			t.Errorf("%s..%s: tick labels %q, want %s from %q", tt.from, tt.to, labels, tt.unit, tt.first)
		}
	}
}

// A dense timeline of many dates over years: whatever the layout does,
// no mark touches another, no label overlaps another, and the most
// important marks are labelled.
func TestLayoutDense(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var tl storyline.Timeline
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 150 {
		d := storyline.DateOf(start.AddDate(0, 0, int(math.Abs(r.NormFloat64())*200)))
		switch i % 10 {
		case 0:
			d = d.Truncate(storyline.PrecisionMonth)
		case 1:
			d = d.Truncate(storyline.PrecisionYear)
		}
		tl.Entries = append(tl.Entries, axisEntry(d, fmt.Sprintf("Something happened, the %dth thing of the story so far", i), 1+r.IntN(5), r.Float64()*5))
	}
	for _, opt := range []AxisOptions{{}, {From: storyline.Month(2020, 3), To: storyline.Month(2020, 4)}} {
		ax := Layout(&tl, opt)
		checkAxis(t, ax)
		if len(ax.Labels) < 5 {
			t.Errorf("%s..%s: only %d labels", opt.From, opt.To, len(ax.Labels))
		}
		n := 0
		for _, m := range ax.Marks {
			n += len(m.Entries)
		}
		for _, s := range ax.Spans {
			n += len(s.Entries)
		}
		if opt.From.IsZero() && n != len(tl.Entries) {
			t.Errorf("the marks and bars hold %d entries, want all %d", n, len(tl.Entries))
		}
	}
}

func TestAxisSVG(t *testing.T) {
	tl := &storyline.Timeline{Entries: []storyline.Entry{
		axisEntry(day(2021, 3, 17), `<script>alert("x")</script> recalled`, 2, 3),
		axisEntry(day(2021, 3, 17), "second", 1, 1),
		axisEntry(storyline.Month(2021, 6), "in June", 1, 1),
		axisEntry(day(2021, 11, 2), "shifts", 1, 1),
	}}
	ax := Layout(tl, AxisOptions{
		Zoom:  func(a, b storyline.Date) string { return "javascript:alert(1)" },
		Entry: func(d storyline.Date, i int) string { return "#d-" + d.String() },
	})
	svg, err := ax.SVG()
	if err != nil {
		t.Fatal(err)
	}
	s := string(svg)
	for _, want := range []string{
		`<svg class="axis-svg" viewBox="0 0 1000 `,
		`data-from="2021-03-`, `<circle `, `href="#d-2021-03-17"`, `data-entries="0 1"`,
		`&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; recalled`, `>2</text>`, `<rect `,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
	for _, bad := range []string{"<script", "javascript:", "style="} {
		if strings.Contains(s, bad) {
			t.Errorf("SVG holds %q:\n%s", bad, s)
		}
	}
	if n := strings.Count(s, "<circle "); n != len(ax.Marks) {
		t.Errorf("%d circles for %d marks", n, len(ax.Marks))
	}
	if empty, _ := Layout(&storyline.Timeline{}, AxisOptions{}).SVG(); empty != "" {
		t.Errorf("an empty axis draws %q", empty)
	}
}

// A date that is only an estimate (every report of it dated by the
// estimate of an undated article's publication) is drawn hatched and
// labelled "about", with its evidence on hover; a day that a report
// gives is drawn plainly even beside an estimate.
func TestLayoutEstimatedDates(t *testing.T) {
	const why = storyline.EstimatePrefix + "written on or after 2021-03-17, the Wednesday that Example Wire reports"
	est := storyline.Citation{ArticleID: "u", DateText: why, Estimated: true}
	given := storyline.Citation{ArticleID: "g", DateText: "Wednesday"}
	tl := &storyline.Timeline{Entries: []storyline.Entry{
		{Date: day(2021, 3, 17), Text: "Russia recalls its ambassador", Outlets: 1, Score: 2, Sources: []storyline.Citation{est}},
		{Date: day(2021, 6, 16), Text: "Geneva summit", Outlets: 2, Score: 3, Sources: []storyline.Citation{given, est}},
		{Date: day(2021, 11, 2), Text: "Positive shifts", Outlets: 1, Score: 1, Sources: []storyline.Citation{given}},
	}}
	if got := EstimateOf(tl.Entries[0]); got != "date "+why {
		t.Errorf("EstimateOf = %q", got)
	}
	if EstimateOf(tl.Entries[1]) != "" {
		t.Error("an entry that one report dates itself is called an estimate")
	}
	ax := Layout(tl, AxisOptions{Entry: func(d storyline.Date, _ int) string { return "#" + DayID(d) }})
	if len(ax.Marks) != 2 || len(ax.Spans) != 1 || !ax.Spans[0].Estimated || ax.Spans[0].Date != day(2021, 3, 17) {
		t.Fatalf("%d marks and %d bars (%+v); want the estimate as the one bar, hatched", len(ax.Marks), len(ax.Spans), ax.Spans)
	}
	est17 := ax.Spans[0]
	if est17.Href != "#d-2021-03-17" || est17.X1-est17.X0 < minBar {
		t.Errorf("the estimate's bar %.1f..%.1f links to %q", est17.X0, est17.X1, est17.Href)
	}
	if !strings.Contains(est17.Title, "about 17 March 2021 (date estimated: written on or after") {
		t.Errorf("the estimate's hover text lacks its evidence: %q", est17.Title)
	}
	var label string
	for _, l := range ax.Labels {
		if l.LeaderX >= est17.X0 && l.LeaderX <= est17.X1 {
			label = l.Text
		}
	}
	if !strings.HasPrefix(label, "about 17 Mar · ") {
		t.Errorf("the estimate's label is %q", label)
	}
	svg, err := ax.SVG()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(svg), `<pattern id="axis-hatch"`) || strings.Count(string(svg), `fill="url(#axis-hatch)"`) != 1 ||
		!strings.Contains(string(svg), `<a class="span estimated" href="#d-2021-03-17"`) {
		t.Errorf("the estimate is not the one hatched mark:\n%s", svg)
	}
	md := renderString(t, tl, "md")
	if !strings.Contains(md, "*Date estimated: written on or after 2021-03-17, the Wednesday that Example Wire reports*") {
		t.Errorf("md does not say the date is estimated:\n%s", md)
	}
	if text := renderString(t, tl, "text"); !strings.Contains(text, "(date estimated: written on or after") {
		t.Errorf("text does not say the date is estimated:\n%s", text)
	}
}

// A story of a few weeks with a happening years later gets a broken axis:
// the weeks take most of the width, the quiet years a narrow gap.
func TestLayoutBreaksQuietYears(t *testing.T) {
	tl := &storyline.Timeline{Entries: []storyline.Entry{
		axisEntry(day(2021, 3, 16), "report", 1, 1),
		axisEntry(day(2021, 3, 17), "recall", 2, 3),
		axisEntry(day(2021, 3, 18), "reply", 1, 1),
		axisEntry(day(2021, 3, 22), "talks", 1, 2),
		axisEntry(day(2021, 4, 2), "more talks", 1, 2),
		axisEntry(day(2024, 3, 11), "vote", 1, 1),
	}}
	ax := Layout(tl, AxisOptions{})
	if len(ax.Lines) != 2 {
		t.Fatalf("the axis has %d stretches, want 2 (broken between 2021 and 2024): %v", len(ax.Lines), ax.Lines)
	}
	if w := ax.Lines[0][1] - ax.Lines[0][0]; w < 0.7*AxisWidth {
		t.Errorf("March 2021 gets %.0f of %d units", w, AxisWidth)
	}
	if len(ax.Marks) != 6 {
		t.Errorf("%d marks; with the room of a broken axis each day stands apart (6)", len(ax.Marks))
	}
	last := ax.Marks[len(ax.Marks)-1]
	if last.X < ax.Lines[1][0] || last.X > ax.Lines[1][1] {
		t.Errorf("the 2024 mark at %.1f is not on the second stretch %v", last.X, ax.Lines[1])
	}
	var names []string
	for _, tk := range ax.Ticks {
		if tk.Label != "" && tk.LabelX > ax.Lines[1][0] {
			names = append(names, tk.Label)
		}
	}
	if len(names) == 0 || !strings.HasSuffix(names[0], "Mar 2024") {
		t.Errorf("the 2024 stretch's first tick label is not of March 2024: %q", names)
	}
	checkAxis(t, ax)
	// Zoomed, the same entries lie on one straight axis.
	if z := Layout(tl, AxisOptions{From: storyline.Year(2021), To: storyline.Year(2024)}); len(z.Lines) != 1 {
		t.Errorf("a zoomed axis has %d stretches", len(z.Lines))
	}
}

// A vague date before the story's days ("2020" in a story of March to
// November 2021) is background: it stands on a narrow stretch of its own
// at the start, and the days keep their room.
func TestLayoutSetsVagueBackgroundApart(t *testing.T) {
	tl := &storyline.Timeline{Entries: []storyline.Entry{
		axisEntry(storyline.Year(2020), "the 2020 election", 1, 1),
		axisEntry(day(2021, 3, 16), "report", 1, 1),
		axisEntry(day(2021, 3, 17), "recall", 2, 3),
		axisEntry(day(2021, 3, 18), "reply", 1, 1),
		axisEntry(day(2021, 3, 22), "talks", 1, 2),
		axisEntry(day(2021, 6, 16), "summit", 2, 2),
		axisEntry(day(2021, 11, 2), "shifts", 1, 1),
	}}
	ax := Layout(tl, AxisOptions{})
	if len(ax.Lines) < 3 {
		t.Fatalf("stretches %v; want the 2020 edge apart from March", ax.Lines)
	}
	if w := ax.Lines[0][1] - ax.Lines[0][0]; w > minSegment+1 {
		t.Errorf("the 2020 edge takes %.0f units", w)
	}
	if len(ax.Spans) != 1 || ax.Spans[0].X1 > ax.Lines[0][1]+breakWidth {
		t.Errorf("the 2020 bar %+v is not on the first stretch %v", ax.Spans, ax.Lines[0])
	}
	if n := len(ax.Marks); n < 5 {
		t.Errorf("%d marks; March's four days should have room to stand mostly apart", n)
	}
	checkAxis(t, ax)
}
