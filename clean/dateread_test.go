package clean

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storyline/storyline"
)

// TestReadDateLine has one line for every shape of date line met on real
// pages (the words around the dates are made up), and lines that hold a
// date but are no date line.
func TestReadDateLine(t *testing.T) {
	day := storyline.Day
	noYear := func(m time.Month, d int) storyline.Date {
		return storyline.Date{Month: m, Day: d, Precision: storyline.PrecisionDay}
	}
	cases := []struct {
		name string
		line string
		want storyline.Date
		kind DateKind
	}{
		{"month day year, dash, time", "Oct 6, 2024 - 10:04", day(2024, 10, 6), DateUnlabelled},
		{"day month year, am time", "19 December 2022, 12:08 am", day(2022, 12, 19), DateUnlabelled},
		{"ISO, bar, time", "2024-03-11 | 03:10", day(2024, 3, 11), DateUnlabelled},
		{"weekday and ordinal in brackets, then a place", "( Wed, 30th Aug, 2023) London, UK", day(2023, 8, 30), DateUnlabelled},
		{"published and updated", "Published: Feb. 4, 2023 at 3:48 PM EST|Updated: 2 hours ago", day(2023, 2, 4), DatePublished},
		{"forum post, month first with AM/PM", "09-01-2017, 08:12 PM", day(2017, 9, 1), DateUnlabelled},
		{"forum post after Old", "Old 02-25-2023, 06:59 AM", day(2023, 2, 25), DatePublished},
		{"dotted day first, 24-hour time", "06.10.2024 14:30", day(2024, 10, 6), DateUnlabelled},
		{"byline, date, reading time", "by Kira Lund October 6, 2024 5:58 AM 2 min read", day(2024, 10, 6), DateUnlabelled},
		{"weekday, date, time, comments", "Wednesday 16 June 2021 12:45 comments", day(2021, 6, 16), DateUnlabelled},
		{"author, age, weekday and ordinal", "Omar Haddad 7 minutes ago Wed 16th June 2021 | 05:30 PM", day(2021, 6, 16), DateUnlabelled},
		{"title, site and date in one line", "Envoys meet in Vienna | Radio Nord - news of the day | RN | 16.06.2021", day(2021, 6, 16), DateUnlabelled},
		{"abbreviated month with a stop, dash, time, By", "Oct. 24, 2011 - 19:26 By", day(2011, 10, 24), DateUnlabelled},
		{"updated before created, day first with IST", "Wire | Kyiv | Updated: 03-02-2024 16:23 IST | Created: 03-02-2024 16:23 IST", day(2024, 2, 3), DatePublished},
		{"time and zone after", "Sep 20, 2023 10:27 AM IST", day(2023, 9, 20), DateUnlabelled},
		{"forum post by a user", "Postby harbour_watch » Wed Mar 28, 2018 6:39 pm", day(2018, 3, 28), DatePublished},
		{"posted by a user whose name is in lower case", "Posted by harbourwatch on July 22, 2004 at 9:25 AM PDT", day(2004, 7, 22), DatePublished},
		{"published with time", "Published: May 26, 2021 05:53 PM", day(2021, 5, 26), DatePublished},
		{"full weekday, zone", "Wednesday, 17 March 2021 03:00 PM EDT", day(2021, 3, 17), DateUnlabelled},
		{"posted, time first", "Posted at 8:39 AM, Apr 15, 2021", day(2021, 4, 15), DatePublished},
		{"hash, zone in brackets", "# 29 July 2021 07:02 (UTC +04:00)", day(2021, 7, 29), DateUnlabelled},
		{"agency, time, date", "Newswire) 08:19, July 29, 2021", day(2021, 7, 29), DateUnlabelled},
		{"ISO with seconds glued to a name", "2022-04-26 07:59:29Newswire Editor : Ann Lee App Download", day(2022, 4, 26), DateUnlabelled},
		{"label in the piece before", "Publish Date: 10:48 - 25 April 2022", day(2022, 4, 25), DatePublished},
		{"updated only", "Updated 12:07 a.m. ET, March 15, 2023", day(2023, 3, 15), DateUpdated},
		{"unlabelled before updated", "Updated 12:07 a.m. ET, March 15, 2023 | March 14, 2023 - Envoy news", day(2023, 3, 14), DateUnlabelled},
		{"after a caption", "Two envoys shake hands before the talks. Uncategorized By Editor Last updated Jun 16, 2021 56 Share 56 Share", day(2021, 6, 16), DateUpdated},
		{"year after a slash", "16 november / 2017", day(2017, 11, 16), DateUnlabelled},
		{"dateline with a mixed-case place and agency", "Addis Ababa, June 16, 2021 (FBC)", day(2021, 6, 16), DateUnlabelled},
		{"no year, time and place", "February 26, 23:46 UTC+3 WASHINGTON", noYear(2, 26), DateUnlabelled},
		{"no year alone", "16 november", noYear(11, 16), DateUnlabelled},
		{"German, the day with a stop", "1. Februar 2022", day(2022, 2, 1), DateUnlabelled},
		{"German, a weekday, a month spelt as in English", "Montag, 16. September 2013", day(2013, 9, 16), DateUnlabelled},
		{"German, a title, a dash, a weekday", "Protokoll der Sitzung - Mittwoch, 8. Januar 2014", day(2014, 1, 8), DateUnlabelled},
		{"German, updated", "Aktualisiert am 5. März 2024, 14:30 Uhr", day(2024, 3, 5), DateUpdated},
		{"Italian, a time first, a weekday", "23.54 - giovedì 15 giugno 2023", day(2023, 6, 15), DateUnlabelled},
		{"Italian, published", "Pubblicato il 3 ottobre 2019 alle ore 10:15", day(2019, 10, 3), DatePublished},
		{"Italian in capitals", "VERTICE DEI SINDACI – 9 MARZO 2021", day(2021, 3, 9), DateUnlabelled},
		{"French", "mardi 3 février 2022 - 08:40", day(2022, 2, 3), DateUnlabelled},
		{"Spanish, de and del", "8 de octubre del 2020", day(2020, 10, 8), DateUnlabelled},
		{"Portuguese, a weekday in -feira, de", "quinta-feira, 6 de dezembro de 2006", day(2006, 12, 6), DateUnlabelled},
		{"Dutch", "dinsdag 8 oktober 2020, 17:05", day(2020, 10, 8), DateUnlabelled},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := ReadDateLine(c.line)
			if !ok || got.Date != c.want || got.Kind != c.kind {
				t.Fatalf("ReadDateLine(%q) = %v kind %d, %v; want %v kind %d", c.line, got.Date, got.Kind, ok, c.want, c.kind)
			}
			if got.Start < 0 || got.End > len(c.line) || got.Start >= got.End {
				t.Errorf("span %d-%d out of the line", got.Start, got.End)
			}
		})
	}

	for _, line := range []string{
		"March 17, 2021 was the day of the recall.",
		"The envoy arrived on Monday, March 22, 2021, for talks.",
		"Talks resumed on 17.03.2021 after a pause.",
		"Envoys met on March 22 in Vienna",
		"Ships 2021-03-17 18:00 vessels 120,000 tonnes",
		"04-05-2021", // day and month cannot be told apart
		"2021-00-17",
		"Joined: Mon Jul 01, 2013 11:42 pm", // a forum member's, not the page's
		"February 30, 2021",
		"© 2024, Privacy Policy",
		"Updated: 2 hours ago",
		"In 2017 the consulate closed.",
		"dinsdag 2 juli", // a day without a year in another language: as often one to come
		"Il consiglio si è riunito giovedì 15 giugno 2023, alle ore 18.45.", // a sentence
		"Die Sitzung fand am 16. September 2013 statt.",                     // a sentence
		"Chapter 16. September 2013 was dry",                                // a sentence, the stop kept
		"",
	} {
		if got, ok := ReadDateLine(line); ok {
			t.Errorf("ReadDateLine(%q) = %v, want no date line", line, got.Date)
		}
	}
}

// FuzzReadDateLine checks that the reader never panics and that a date
// it reads is a real day, spanned in the line, and read again from the
// span alone.
func FuzzReadDateLine(f *testing.F) {
	for _, s := range []string{
		"Oct 6, 2024 - 10:04", "19 December 2022, 12:08 am", "2024-03-11 | 03:10",
		"( Wed, 30th Aug, 2023) London, UK", "Published: Feb. 4, 2023 at 3:48 PM EST|Updated: 2 hours ago",
		"09-01-2017, 08:12 PM", "16 november / 2017", "Publish Date: 10:48 - 25 April 2022", "| | · »",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := ReadDateLine(s)
		if !ok {
			return
		}
		d := got.Date
		if d.Precision != storyline.PrecisionDay || d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > 31 {
			t.Fatalf("ReadDateLine(%q) = %+v, not a day", s, d)
		}
		if d.Year != 0 {
			if _, ok := validDay(d.Year, int(d.Month), d.Day); !ok {
				t.Fatalf("ReadDateLine(%q) = %v, not a real day", s, d)
			}
		}
		if got.Start < 0 || got.End > len(s) || got.Start >= got.End {
			t.Fatalf("ReadDateLine(%q): span %d-%d", s, got.Start, got.End)
		}
	})
}

// TestURLDate has the shapes of dates real URLs carry, and numbers that
// are no dates.
func TestURLDate(t *testing.T) {
	day := storyline.Day
	cases := []struct {
		url  string
		want storyline.Date
	}{
		{"https://wire.example/20211102/envoy-1757436556.html", day(2021, 11, 2)},
		{"https://www.paper.example/2021/06/21/envoy-returns/", day(2021, 6, 21)},
		{"https://paper.example/n/2021-06-21-envoy", day(2021, 6, 21)},
		{"https://paper.example/a/a-13-2005-08-09-rates/307247.html", day(2005, 8, 9)},
		{"https://paper.example/intl/25868-2021-11-28-02-21-34.html", day(2021, 11, 28)},
		{"https://paper.example/2021/06/summit-preview", storyline.Month(2021, 6)},
		{"https://paper.example/story/envoys-expelled-1.1612537871183", day(2021, 2, 5)},
		{"https://paper.example/article/quake-strikes-coast-1704115944-641", day(2024, 1, 1)},
		{"https://paper.example/world/1101321500.html", storyline.Date{}},
		{"https://paper.example/id-1704115944/envoy", storyline.Date{}}, // not the last segment
		{"https://paper.example/id/20219999/x", storyline.Date{}},
		{"https://paper.example/news/7041678877995/", storyline.Date{}}, // milliseconds of 2193
		{"https://paper.example/world/1101321500.html", storyline.Date{}},
		{"https://paper.example/item-2019-1234", storyline.Date{}},
		{"not a url %%", storyline.Date{}},
		// A date and a time run together, with or without seconds and more digits.
		{"https://air.example/agency-closes-airspace-to-jets-201903122250/", day(2019, 3, 12)},
		{"https://wire.example/stories/201903120057.html", day(2019, 3, 12)},
		{"https://tv.example/video/jet-on-fire/20190507155411001843.html", day(2019, 5, 7)},
		{"https://paper.example/item/201913122250/", storyline.Date{}}, // month 13
		{"https://paper.example/item/201903122675/", storyline.Date{}}, // hour 26
		// One-digit days and months, months by name.
		{"https://paper.example/news/2019/05/5/jet-lands-on-fire.html", day(2019, 5, 5)},
		{"https://paper.example/news/2019/5/05/jet-lands-on-fire.html", day(2019, 5, 5)},
		{"http://paper.example/news/2019/mar/12/president-on-planes/", day(2019, 3, 12)},
		{"http://paper.example/news/2019/Mar/", storyline.Month(2019, 3)},
		{"https://paper.example/crash-report-4548066-Mar2019/", storyline.Month(2019, 3)},
		{"https://paper.example/news/2019/mar/32/x/", storyline.Month(2019, 3)},
		// A day written first, in a slug: read alone only when the day
		// cannot be the month (see TestURLDayFirst).
		{"https://gov.example/speeches/288344-minister-23022023-pensions", day(2023, 2, 23)},
		{"https://gov.example/speeches/283741-minister-03022022-election", storyline.Date{}},
		{"https://gov.example/speeches/283741-minister-31022022-election", storyline.Date{}}, // 31 February
		{"https://paper.example/news/content_20245151.htm", storyline.Date{}},
		{"https://paper.example/nrw/crash-blocks-two-lanes_aid-90562631", storyline.Date{}},
		// An archive's copy: the original's date, never the capture's.
		{"https://megalodon.jp/ref/2025-0220-1958-29/https://news.example:443/world/live-news/jets-grounded", storyline.Date{}},
		{"https://megalodon.jp/2025-0220-1958-29/news.example/2019/03/14/jets-grounded", day(2019, 3, 14)},
		{"https://web.archive.org/web/20250220195829/https://news.example/2019/03/14/jets-grounded/", day(2019, 3, 14)},
		{"http://web.archive.org/web/20250220195829id_/http://news.example/world/jets-grounded", storyline.Date{}},
		{"https://archive.ph/2025.02.20-195829/https://news.example/world/jets-grounded-201903140830/", day(2019, 3, 14)},
		{"https://archive.ph/AbC12", storyline.Date{}},
	}
	for _, c := range cases {
		got, ok := URLDate(c.url)
		if got != c.want || ok != !c.want.IsZero() {
			t.Errorf("URLDate(%q) = %v, %v; want %v", c.url, got, ok, c.want)
		}
	}
}

// TestOriginalURL: an archive's copy names the page it copied; other
// URLs are their own.
func TestOriginalURL(t *testing.T) {
	cases := []struct {
		url, want string
		archived  bool
	}{
		{"https://megalodon.jp/ref/2025-0220-1958-29/https://edition.news.example:443/world/live/jets", "https://edition.news.example:443/world/live/jets", true},
		{"https://megalodon.jp/2025-0220-1958-29/news.example/a/b", "http://news.example/a/b", true},
		{"https://web.archive.org/web/20190314083012/https://news.example/x?id=3", "https://news.example/x?id=3", true},
		{"https://web.archive.org/web/20190314083012id_/http:/news.example/x", "http://news.example/x", true},
		{"http://archive.org/wait/20190314083012/https://news.example/x", "https://news.example/x", true},
		{"https://archive.ph/newest/https://news.example/x", "https://news.example/x", true},
		{"https://archive.today/2019.03.14-083012/https://news.example/x", "https://news.example/x", true},
		{"https://archive.ph/AbC12", "", true},
		{"https://webcache.googleusercontent.com/search?q=cache:AbCd12:https://news.example/x+jets", "https://news.example/x", true},
		{"https://news.example/archive/2019/03/14/x", "https://news.example/archive/2019/03/14/x", false},
		{"https://archive.org/details/some-book", "", true},
		{"https://webcache.googleusercontent.com/search?q=cache:AbCd12", "", true},
		{"https://web.archive.org/web/2019/https:", "", true},
		{"https://megalodon.jp/ref/2025-0220-1958-29/https://", "", true},
		{"", "", false},
	}
	for _, c := range cases {
		got, archived := OriginalURL(c.url)
		if got != c.want || archived != c.archived {
			t.Errorf("OriginalURL(%q) = %q, %v; want %q, %v", c.url, got, archived, c.want, c.archived)
		}
	}
	// The source of an archive's copy is the original's outlet.
	a, err := Clean(&storyline.Article{URL: "https://megalodon.jp/ref/2025-0220-1958-29/https://edition.news.example/world/jets", Text: "The jets were grounded on Wednesday."})
	if err != nil {
		t.Fatal(err)
	}
	if a.Source != "edition.news.example" || !a.Published.IsZero() {
		t.Errorf("archive copy: source %q, published %v; want edition.news.example and no date", a.Source, a.Published)
	}
}

// TestHeaderMonth: a crawler's header that knows only the month is made
// precise by a day within it that the URL or the page gives, and by no
// other day of the page; a day the URL gives outside it overrules it, as
// the publisher wrote the URL and the crawler guessed the month, and the
// disagreement is noted among the repairs.
func TestHeaderMonth(t *testing.T) {
	day := storyline.Day
	cases := []struct {
		name, url, text string
		want            storyline.Date
		noted           bool
	}{
		{"the month alone", "https://news.example/world/jets-grounded", "The agency grounded the jets.", storyline.Month(2019, 3), false},
		{"a day on the page", "", "Jets grounded\n\nMarch 12, 2019\n\nThe agency grounded the jets.", day(2019, 3, 12), false},
		{"a day in the URL", "https://news.example/2019/03/12/jets-grounded/", "The agency grounded the jets.", day(2019, 3, 12), false},
		{"a day of another month on the page", "", "Jets grounded\n\nApril 12, 2019\n\nThe agency grounded the jets.", storyline.Month(2019, 3), false},
		{"a day of another month in the URL", "https://news.example/2019/04/12/jets-grounded/", "The agency grounded the jets.", day(2019, 4, 12), true},
		{"a day of another year in the URL", "https://news.example/world/2017-03-08-jets-grounded-1", "The agency grounded the jets.", day(2017, 3, 8), true},
		{"a month of another year in the URL", "https://news.example/2017/03/jets-grounded.html", "The agency grounded the jets.", storyline.Month(2019, 3), false},
		{"a day in Italian on the header's line", "", "23.54 - venerdì 15 marzo 2019\n\nL'agenzia ha fermato i jet.", day(2019, 3, 15), false},
	}
	for _, c := range cases {
		a, err := Clean(&storyline.Article{URL: c.url, Text: c.text, Published: storyline.Month(2019, 3), PublishedFrom: storyline.DateFromHeader})
		if err != nil {
			t.Fatal(err)
		}
		if a.Published != c.want {
			t.Errorf("%s: published %v from %q, want %v", c.name, a.Published, a.PublishedFrom, c.want)
		}
		noted := slices.ContainsFunc(a.Repairs, func(r string) bool { return strings.Contains(r, "crawler's header gives 2019-03") })
		if noted != c.noted {
			t.Errorf("%s: repairs %q, want the disagreement noted: %v", c.name, a.Repairs, c.noted)
		}
	}
}

// TestHeaderDayBeatsURL: a crawler's header that gives the day is kept
// when the URL gives another, without a note.
func TestHeaderDayBeatsURL(t *testing.T) {
	a, err := Clean(&storyline.Article{URL: "https://news.example/world/2017-03-08-jets-grounded-1", Text: "The agency grounded the jets.",
		Published: storyline.Day(2019, 3, 12), PublishedFrom: storyline.DateFromHeader})
	if err != nil {
		t.Fatal(err)
	}
	if a.Published != storyline.Day(2019, 3, 12) || a.PublishedFrom != storyline.DateFromHeader || len(a.Repairs) != 0 {
		t.Errorf("published %v from %q, repairs %q; want the header's 2019-03-12 and no repair", a.Published, a.PublishedFrom, a.Repairs)
	}
}

// TestMaskDayDots: the stop after a German day before a month and a year
// becomes a space, and no other stop does.
func TestMaskDayDots(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Montag, 16. September 2013", "Montag, 16  September 2013"},
		{"1. Februar 2022 | 8. März 2022", "1  Februar 2022 | 8  März 2022"},
		{"16. September", "16. September"},                     // no year
		{"Seite 2. September 2013", "Seite 2  September 2013"}, // read as a date; the words decide whether it is a date line
		{"Punkt 1.16. September 2013", "Punkt 1.16. September 2013"},
		{"Um 12:16. September 2013", "Um 12:16. September 2013"},
		{"Kapitel 116. September 2013", "Kapitel 116. September 2013"},
		{"16. Sitzung 2013", "16. Sitzung 2013"}, // no month
	}
	for _, c := range cases {
		if got := maskDayDots(c.in); got != c.want {
			t.Errorf("maskDayDots(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestURLDayFirst: a day written first in a URL's slug, whose day may be
// the month ("03022022"), is read day first on a page in another language
// than English, and not at all on a page in English, where the month may
// come first.
func TestURLDayFirst(t *testing.T) {
	const u = "https://gov.example/speeches/283741-minister-03022022-election"
	french := "Entretien avec la ministre\n\nLa ministre a répondu aux questions des journalistes sur la situation sociale, " +
		"l'élection présidentielle et la fonction publique. Elle a dit que le gouvernement ferait tout pour que les salaires suivent les prix."
	english := "Interview with the minister\n\nThe minister answered the reporters' questions on the social situation, " +
		"the presidential election and the civil service. She said the government would do all it could for wages to keep up with prices."
	for _, c := range []struct {
		text string
		want storyline.Date
	}{{french, storyline.Day(2022, 2, 3)}, {english, storyline.Date{}}} {
		a, err := Clean(&storyline.Article{URL: u, Text: c.text})
		if err != nil {
			t.Fatal(err)
		}
		if a.Published != c.want {
			t.Errorf("page in %q: published %v from %q, want %v", a.Language, a.Published, a.PublishedFrom, c.want)
		}
	}
}

// TestYearFromText: a dateline without a year takes the year that puts it
// shortly after the latest date the text gives with one.
func TestYearFromText(t *testing.T) {
	cases := []struct {
		text       string
		month, day int
		want       int
	}{
		{"Prices rose 9% in April 2022, the office said.", 5, 5, 2022},
		{"The last meeting was on December 28, 2023.", 1, 5, 2024},
		{"The treaty was signed on 12 March 2021.", 3, 20, 2021},
		{"The treaty was signed in February 2022.", 6, 15, 0}, // months apart: no year
		{"Talks are set for May 20, 2024.", 5, 15, 0},         // a later date: the day is not after it
		{"No dates here at all.", 5, 5, 0},
	}
	for _, c := range cases {
		if got := yearFromText(c.text, time.Month(c.month), c.day); got != c.want {
			t.Errorf("yearFromText(%q, %d, %d) = %d, want %d", c.text, c.month, c.day, got, c.want)
		}
	}
}

// TestPageDate: the date lines of a page give its publication date, the
// published one first; a site's calendar atop the page does not. The
// pages are made up in the shapes of real ones.
func TestPageDate(t *testing.T) {
	day := storyline.Day
	cases := []struct {
		name, url, text string
		want            storyline.Date
		updated         storyline.Date // the estimate of a page updated only
	}{
		{"a byline with the date under the headline", "",
			"Envoy ends his term\n\nby Kira Lund October 6, 2024 5:58 AM 2 min read\n\nThe ambassador left Washington on Saturday.", day(2024, 10, 6), storyline.Date{}},
		{"a wire's stamp as the first line", "",
			"24 Oct 2018 10:41\n\nTreaty talks stall\n\nThe ambassador said the talks had stalled.", day(2018, 10, 24), storyline.Date{}},
		{"a site's calendar over the headline", "",
			"Friday, July 1, 2022\n\nAmbassador says there is still time to save the treaty\n\nThe ambassador said there was time.", storyline.Date{}, storyline.Date{}},
		{"a site's calendar over its name and motto", "",
			"June 20, 2021\n\nDaily Wire Digest\n\nAll the news for you\n\nMinistry expels ten diplomats\n\nThe ministry said ten diplomats must leave.", storyline.Date{}, storyline.Date{}},
		{"a blog's post date in the URL's month", "https://blog.example/2014/10/rates-rise.html",
			"Friday, October 31, 2014\n\nRates rise to 9.5%\n\nThe central bank raised its rate.", day(2014, 10, 31), storyline.Date{}},
		{"a date alone over the headline", "https://news.example/ceo-apologises-to-families-f6af0155",
			"May 29, 2019\n\nCEO apologises to the families of the crash victims\n\nThe chief executive said he was sorry.", day(2019, 5, 29), storyline.Date{}},
		{"a blog's date header over the headline, the URL's month", "http://blog.example/2019/03/report-subpoenas.html",
			"Wednesday, March 20, 2019\n\nReport: Prosecutors Issue Subpoenas\n\nProsecutors issued several subpoenas.", day(2019, 3, 20), storyline.Date{}},
		{"a site's short calendar over the headline, the URL's day", "https://tv.example/video/jet-on-fire/20190507155411001843.html",
			"Saturday 9/25/21\n\nA jet on fire at the airport.\n\nA reader sent us this video of the jet.", day(2019, 5, 7), storyline.Date{}},
		{"milliseconds under the byline", "",
			"Regulator grounds the jets\nBy Lin Wei\nDaily app\n1552270705000\n\nThe regulator grounded the jets on Monday.", day(2019, 3, 11), storyline.Date{}},
		{"updated, then published, on one line", "",
			"Wire | Kyiv | Updated: 04-02-2024 16:23 IST | Created: 03-02-2024 16:23 IST\n\nA refinery was hit by drones on Saturday.", day(2024, 2, 3), storyline.Date{}},
		{"updated only: no publication date", "",
			"Envoy leaves Washington\n\nLast updated: October 7, 2024 09:15\n\nThe ambassador left Washington on Saturday.", storyline.Date{}, day(2024, 10, 7)},
		{"updated only under a dated URL: the URL's month, not the update's day", "https://news.example/2024/10/envoy-leaves.html",
			"Envoy leaves Washington\n\nUpdated 12:07 a.m. ET, October 9, 2024\n\nThe ambassador left Washington on Saturday.", storyline.Month(2024, 10), storyline.Date{}},
		{"a forum's first post atop the page, over the poster's name and rank", "",
			"Old  August 7th, 2003, 4:24pm     #1\nKira Lund is offline\nKira Lund\nSenior Member\nJoined: Nov 2000\n\nHow do the envoys' forums work?\n\nThe forums are where members talk to each other.", day(2003, 8, 7), storyline.Date{}},
		{"a German site's calendar over the headline", "",
			"Montag, 16. September 2013\n\nDie Gesandte verlässt Washington nach drei Jahren\n\nDie Gesandte verließ die Stadt am Samstag.", storyline.Date{}, storyline.Date{}},
		{"an Italian site's calendar over the headline", "",
			"giovedì 15 giugno 2023\n\nL'ambasciatore lascia Washington dopo tre anni\n\nL'ambasciatore ha lasciato la città sabato.", storyline.Date{}, storyline.Date{}},
		{"a German blog's date over an English headline", "",
			"1. Februar 2022\n\nThe forgotten history of the first pocket computer that almost won\n\nThe film tells how a small firm nearly beat the giants.", day(2022, 2, 1), storyline.Date{}},
		{"a German transcript's date under its title", "",
			"Bundespresseamt\n\nProtokoll der Sitzung - Mittwoch, 8. Januar 2014\n\nThemen: Reisen, Haushalt\n\nDer Sprecher eröffnet die Sitzung.", day(2014, 1, 8), storyline.Date{}},
		{"a dateline under a teaser, its year from the text", "",
			"Rates rise again\n\nRead the latest on the economy here. The bank raised its rate once more.\n\nLisbon, May 5 (Wire) The bank raised its rate once more.\n\nPrices rose 9% in April 2022, the office said.", day(2022, 5, 5), storyline.Date{}},
		{"a dateline under a teaser, no year in the text", "",
			"Rates rise again\n\nRead the latest on the economy here. The bank raised its rate once more.\n\nLisbon, May 5 (Wire) The bank raised its rate once more.\n\nPrices rose 9% in April, the office said.", storyline.Date{}, storyline.Date{}},
		{"a forum's first post, not a member's join date", "",
			"Envoys and ambassadors\n\nPostby harbour_watch » Wed Mar 28, 2018 6:39 pm\n\nJoined: Mon Jul 01, 2013 11:42 pm\n\nThe envoy was summoned by the minister.\n\nPostby Kent » Sun Apr 01, 2018 3:48 pm\n\nI agree with the above.", day(2018, 3, 28), storyline.Date{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := Clean(&storyline.Article{Origin: "p.jsonl", URL: c.url, Text: c.text})
			if err != nil {
				t.Fatal(err)
			}
			if a.Published != c.want {
				t.Errorf("published %v from %q, want %v", a.Published, a.PublishedFrom, c.want)
			}
			if a.Estimated != c.updated {
				t.Errorf("estimated %v (%s), want %v", a.Estimated, a.EstimatedFrom, c.updated)
			}
		})
	}
}
