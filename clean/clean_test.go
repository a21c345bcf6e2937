package clean

import (
	"slices"
	"strings"
	"testing"

	"github.com/storyline/storyline"
)

// cleanText cleans an article of the given title and text.
func cleanText(t *testing.T, title, text string) *storyline.Article {
	t.Helper()
	a, err := Clean(&storyline.Article{Origin: "t.txt", Title: title, Text: text})
	if err != nil {
		t.Fatalf("Clean: %v", err)
	}
	return a
}

func rules(a *storyline.Article) []string {
	var out []string
	for _, d := range a.Debris {
		out = append(out, d.Rule)
	}
	return out
}

// TestRules has, for every rule, text it must clean and text it must
// leave alone.
func TestRules(t *testing.T) {
	cases := []struct {
		rule, title, in, want string
		fires                 bool
	}{
		// the shapes a read of real pages found (QA, ET302 pages)
		{RuleDateLine, "T", "Body.\n\nDaily app\n\n1552270705000\n\nMore body.", "Body.\n\nDaily app\n\nMore body.", true},
		{RuleShare, "T", "Body.\n\nPaperpost is now on WhatsApp. Sign up for our service.", "Body.", true},
		{RuleReadMore, "T", "Body.\n\nThe budget calls for cuts as part of an overall… Read more »\n\nMore body.", "Body.\n\nMore body.", true},
		{RuleReadMore, "T", "- The hearing begins at noon. Stay here for live updates.", "- The hearing begins at noon.", true},
		{RuleLabel, "T", "- HEARING: A Senate panel meets today.", "A Senate panel meets today.", true},
		{RuleLabel, "T", "BEIJING: The regulator grounded the jets.", "BEIJING: The regulator grounded the jets.", false},
		{RuleCaption, "T", "Body.\n\nResponders at the site. PHOTO | JANE DOE | AFP", "Body.", true},
		{RuleCaption, "T", "The ban came a day after the crash. Photo: GettyThe recorders arrived on Thursday.",
			"The ban came a day after the crash. The recorders arrived on Thursday.", true},
		{RuleByline, "T", "Body.\n\nMay 15, 2019 10:15 AM ETThe Example Company (EX)EXBy: Jane Doe, Editor38 Comments\n\nMore body.", "Body.\n\nMore body.", true},
		// ad-marker
		{RuleAdMarker, "", "[ad_1]\nBody text.", "Body text.", true},
		{RuleAdMarker, "", "First.\n[ad_2]\nSecond.", "First.\n\nSecond.", true},
		{RuleAdMarker, "", "Body with [ad_1] inside.", "Body with inside.", true},
		{RuleAdMarker, "", "First.\n\nAdvertisement\n\nSecond.", "First.\n\nSecond.", true},
		{RuleAdMarker, "", "- Advertisement -\nBody.", "Body.", true},
		{RuleAdMarker, "", "The advertisement ran on Sunday.", "The advertisement ran on Sunday.", false},
		// share
		{RuleShare, "", "Body.\nShare this article", "Body.", true},
		{RuleShare, "", "Share on Facebook\nBody.\nShare on Twitter", "Body.", true},
		{RuleShare, "", "Body.\n\nSubscribe to our newsletter", "Body.", true},
		{RuleShare, "", "Body.\nFollow us on Twitter and Facebook", "Body.", true},
		{RuleShare, "", "Investors share the view that rates will rise.", "Investors share the view that rates will rise.", false},
		{RuleShare, "", "Subscribe to our newsletter, the minister joked, if you want the truth.", "Subscribe to our newsletter, the minister joked, if you want the truth.", false},
		// read-more
		{RuleReadMore, "", "Body.\nRead More", "Body.", true},
		{RuleReadMore, "", "Body.\n\nRead more", "Body.", true},
		{RuleReadMore, "", "Body.\nSource link", "Body.", true},
		{RuleReadMore, "", "Body.\n\nNo More Posts Available.\n\nNo more pages to load.", "Body.", true},
		{RuleReadMore, "", "Body.\nREAD MORE: Russia summons US envoy\nMore body.", "Body.\n\nMore body.", true},
		{RuleReadMore, "", "Read more about the report in the annex, officials said.", "Read more about the report in the annex, officials said.", false},
		{RuleReadMore, "", "Read More\nBody at the end.", "Read More\n\nBody at the end.", false},
		// credit
		{RuleCredit, "", "Body.\nAdditional reporting by Lauren Fedor in Washington", "Body.", true},
		{RuleCredit, "", "Body.\nReporting by Ilya Sorokin; Editing by Tom Beck", "Body.", true},
		{RuleCredit, "", "Body.\n(Reporting by Ann Lee)", "Body.", true},
		{RuleCredit, "", "Reporting by state media was scarce.\nBody.", "Reporting by state media was scarce.\n\nBody.", false},
		// byline
		{RuleByline, "", "By Margaret Hale\n\nBody.", "Body.", true},
		{RuleByline, "", "oleh -\nBody.", "Body.", true},
		{RuleByline, "", "BY JOHN SMITH | Capital Ledger\nBody.", "Body.", true},
		{RuleByline, "", "By the end of the day the talks were over.", "By the end of the day the talks were over.", false},
		{RuleByline, "", "Body.\nBy Margaret Hale", "Body.\n\nBy Margaret Hale", false},
		// title-repeat
		{RuleTitleRepeat, "Moscow recalls envoy", "Moscow recalls envoy\nMoscow recalls envoy\n\nBody.", "Body.", true},
		{RuleTitleRepeat, "Moscow recalls envoy", "MOSCOW RECALLS ENVOY.\nBody.", "Body.", true},
		{RuleTitleRepeat, "Moscow recalls envoy", "Body.\nMoscow recalls envoy", "Body.", true}, // pages repeat it in their footer too
		{RuleTitleRepeat, "Moscow recalls envoy", "Moscow recalls envoy and warns of a blind alley\nBody.", "Moscow recalls envoy and warns of a blind alley\n\nBody.", false},
		{RuleTitleRepeat, "Moscow recalls envoy", "Moscow recalls envoy for talks, the ministry said.", "Moscow recalls envoy for talks, the ministry said.", false},
		// date-line
		{RuleDateLine, "", "Published: June 17, 2021\n\nBody.", "Body.", true},
		{RuleDateLine, "", "Wednesday, 17 March 2021 10:32 GMT\nBody.", "Body.", true},
		{RuleDateLine, "", "Body.\n\n2021-03-17", "Body.", true},
		{RuleDateLine, "", "Updated on 17.03.2021 at 14:05\nBody.", "Body.", true},
		{RuleDateLine, "", "March 17, 2021 was the day of the recall.", "March 17, 2021 was the day of the recall.", false},
		// navigation
		{RuleNavigation, "T", "1. Skip to content\nBody.", "Body.", true},
		{RuleNavigation, "T", "Back to Main page\nBody.\nGo to home page", "Body.", true},
		{RuleNavigation, "T", "All news\nBody.\nRelated Articles\nYou may also like...", "Body.", true},
		{RuleNavigation, "T", "Home > World > Europe\nBody.", "Body.", true},
		{RuleNavigation, "T", "Body.\nMore from CNN | europe | politics | diplomacy", "Body.", true},
		{RuleNavigation, "T", "Body.\nEnvoy leaves Washington after seven years Envoy leaves Washington after seven years", "Body.", true},
		{RuleNavigation, "T", "Updated at:\nBody.\nTEXAS STATE ・ 3 HOURS AGO", "Body.", true},
		{RuleNavigation, "T", "Back to the drawing board, the minister told his staff.", "Back to the drawing board, the minister told his staff.", false},
		{RuleNavigation, "T", "The search went on all night.", "The search went on all night.", false},
		// caption
		{RuleCaption, "T", "Body.\nImage: REUTERS\nMore.", "Body.\n\nMore.", true},
		{RuleCaption, "T", "Body.\nAnatoly AntonovImage: REUTERS\nMore.", "Body.\n\nMore.", true},
		{RuleCaption, "T", "The envoy left in March.Anatoly AntonovImage: Sergei Ivanov/TASS/picture alliance The embassy said nothing.", "The envoy left in March. The embassy said nothing.", true},
		{RuleCaption, "T", "Body.\nFirefighters search a flattened school in Malatya on Monday. (Ayse Kaya/AP)\nMore.", "Body.\n\nMore.", true},
		{RuleCaption, "T", "Body.\nA rescuer carries a child out of the rubble in Adana - AFP\nMore.", "Body.\n\nMore.", true},
		{RuleCaption, "T", "Body.\nThe two leaders shake hands at the villa. REUTERS/Jane Doe\nMore.", "Body.\n\nMore.", true},
		{RuleCaption, "T", "Body.\nIvan Petrov (Associated Press)\nMore.", "Body.\n\nMore.", true},
		{RuleCaption, "T", "Body.\nimg_20230207123456\nMore.", "Body.\n\nMore.", true},
		{RuleCaption, "T", "Body.\nIn this file photo taken on Monday, the minister speaks to reporters in Oslo.\nMore.", "Body.\n\nMore.", true},
		{RuleCaption, "T", "Body.\nThe Russian envoy speaks during a panel at a Washington institute on November 18, 2019 in Washington, DC.\nMore.", "Body.\n\nMore.", true},
		{RuleCaption, "T", "Body.\nThe deputy minister delivers his speech at a security forum in Singapore on Sunday, June 1, 2014.\nMore.", "Body.\n\nMore.", true},
		{RuleCaption, "T", "The envoy spoke during a panel on November 18, 2019, and left early.", "The envoy spoke during a panel on November 18, 2019, and left early.", false},
		{RuleCaption, "T", "The bank raised its rate to 5.75%, the highest in 23 years, the governor told AFP - AFP", "The bank raised its rate to 5.75%, the highest in 23 years, the governor told AFP - AFP", false},
		{RuleCaption, "T", "The minister resigned on Monday. He denied any wrongdoing. - AFP", "The minister resigned on Monday. He denied any wrongdoing. - AFP", false},
		// agency
		{RuleAgency, "T", "Reuters |\nBody.\n(IANS)", "Body.", true},
		{RuleAgency, "T", "Body.\nfek/dpa/AFP", "Body.", true},
		{RuleAgency, "T", "Body.\nSource : reuters", "Body.", true},
		{RuleAgency, "T", "The Denver Post\nBody.", "Body.", true},
		{RuleAgency, "T", "Reuters reported the deal first.", "Reuters reported the deal first.", false},
		// watch
		{RuleWatch, "T", "Body.\nWatch video 01:16\nRussia recalls its envoy\nMore.", "Body.\n\nMore.", true},
		{RuleWatch, "T", "Body.\nVideo Player 00:00 00:00\n02:13\nMore.", "Body.\n\nMore.", true},
		{RuleWatch, "T", "Watch the video the ministry published on Tuesday.", "Watch the video the ministry published on Tuesday.", false},
		// comments
		{RuleComments, "T", "Body.\nLeave a Reply\nYour email address will not be published. Required fields are marked *", "Body.", true},
		{RuleComments, "T", "Body.\n(Visited 212 times, 3 visits today)\n1075 views", "Body.", true},
		{RuleComments, "T", "Postby Dana » Wed Mar 28, 2018 6:39 pm\nBody.\nPosts: 3320\nJoined: Mon Jul 01, 2013 11:42 pm", "Body.", true},
		{RuleComments, "T", "Body.\nReplyDelete\nThis comment has been removed by a blog administrator.", "Body.", true},
		{RuleComments, "T", "Leave a reply to the ministry, the ambassador said.", "Leave a reply to the ministry, the ambassador said.", false},
		// cookie
		{RuleCookie, "T", "We use cookies to give you the best experience on our site.\nBody.", "Body.", true},
		{RuleCookie, "T", "Accept all cookies\nBody.", "Body.", true},
		// footer
		{RuleFooter, "T", "Body.\n© 2024 Example Media. All rights reserved.", "Body.", true},
		{RuleFooter, "T", "Body.\nCookie Policy Privacy Policy Terms and Conditions Contact Us", "Body.", true},
		{RuleFooter, "T", "Body.\nThis article has been automatically translated,\nread the original article here.", "Body.", true},
		{RuleFooter, "T", "Body.\nThis is a breaking news story and will be updated...", "Body.", true},
		{RuleFooter, "T", "Copyright law was the subject of the hearing.", "Copyright law was the subject of the hearing.", false},
		{RuleFooter, "T", "Support us\nOur journalism is read in 40 countries. Your support can help us stay free.\nBody.", "Body.", true},
		{RuleFooter, "T", "The ministry asked people to donate blood and to support us in the effort, she said.", "The ministry asked people to donate blood and to support us in the effort, she said.", false},
		{RuleNavigation, "T", "×\nBody.\n2 related media assets (image or videos) available. Click to see the gallery.", "Body.", true},
		{RuleReadMore, "T", "Body.\nMore: Envoy says talks were useful\nMore body.", "Body.\n\nMore body.", true},
		// tags
		{RuleTags, "T", "Body.\n#Russia #USA #Diplomacy", "Body.", true},
		{RuleTags, "T", "Body.\nTags: Russia, United States, embassy", "Body.", true},
		{RuleTags, "T", "Body.\nBiden, Putin, Russia, USA", "Body.", true},
		{RuleTags, "T", "Biden, Putin, Russia, USA\nBody.", "Biden, Putin, Russia, USA\n\nBody.", false},
		// repeat
		{RuleRepeat, "T", "Body.\nA rescuer lifts a girl from the rubble\nA rescuer lifts a girl from the rubble\nMore.", "Body.\n\nA rescuer lifts a girl from the rubble\n\nMore.", true},
		// dateline
		{RuleDateline, "", "MOSCOW, November 2 – RIA Novosti. In relations there were shifts.", "In relations there were shifts.", true},
		{RuleDateline, "", "RUSIA, Radar Ampera – Russia has withdrawn its envoy.", "Russia has withdrawn its envoy.", true},
		{RuleDateline, "", "WASHINGTON (Reuters) - The report came out.", "The report came out.", true},
		{RuleDateline, "", "MOSCOW, March 17. /TASS/. The ministry said.", "The ministry said.", true},
		{RuleDateline, "", "GENEVA — The presidents met.", "The presidents met.", true},
		{RuleDateline, "", "NATO, meanwhile, said nothing.", "NATO, meanwhile, said nothing.", false},
		{RuleDateline, "", "The U.S. - Russia talks began.", "The U.S. - Russia talks began.", false},
	}
	for _, c := range cases {
		t.Run(c.rule+"/"+c.in, func(t *testing.T) {
			a := cleanText(t, c.title, c.in)
			if a.Text != c.want {
				t.Errorf("text = %q, want %q", a.Text, c.want)
			}
			if fired := slices.Contains(rules(a), c.rule); fired != c.fires {
				t.Errorf("rule %s fired = %v, want %v (debris %+v)", c.rule, fired, c.fires, a.Debris)
			}
			// Debris offsets point at what was removed, in the text before cleaning.
			for _, d := range a.Debris {
				if d.Offset < 0 || d.Offset > len(c.in) || !strings.HasPrefix(c.in[d.Offset:], firstWord(d.Text)) {
					t.Errorf("debris %q at offset %d does not point at it in %q", d.Text, d.Offset, c.in)
				}
			}
		})
	}
}

func firstWord(s string) string {
	w, _, _ := strings.Cut(s, " ")
	return w
}

// A line that is only the word some rules read the next word after
// ("This", "The") is text like any other.
func TestWordAlone(t *testing.T) {
	for _, w := range []string{"This", "THE", "the"} {
		text := "The envoy was recalled on Monday, officials said.\n\n" + w + "\n\nHe left Moscow on Tuesday."
		if a := cleanText(t, "Envoy recalled", text); a.Text != text {
			t.Errorf("cleaning the line %q alone: text %q, want it as it was", w, a.Text)
		}
	}
}

func TestByline(t *testing.T) {
	cases := []struct{ in, want string }{
		{"By Margaret Hale\nBody.", "Margaret Hale"},
		{"BY JOHN SMITH | Capital Ledger\nBody.", "JOHN SMITH"},
		{"By Daniel Ortiz, Reuters\nBody.", "Daniel Ortiz"},
		{"oleh -\nBody.", ""},
		{"Oleh Budi Santoso\nBody.", "Budi Santoso"},
		{"By Ludwig van der Berg and Ann Lee\nBody.", "Ludwig van der Berg and Ann Lee"},
	}
	for _, c := range cases {
		if got := cleanText(t, "", c.in).Byline; got != c.want {
			t.Errorf("byline of %q = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDateline(t *testing.T) {
	cases := []struct {
		in, place, outlet string
		date              storyline.Date
	}{
		{"MOSCOW, November 2 – RIA Novosti. Text.", "MOSCOW", "RIA Novosti", storyline.Date{Month: 11, Day: 2, Precision: storyline.PrecisionDay}},
		{"RUSIA, Radar Ampera – Text.", "RUSIA", "Radar Ampera", storyline.Date{}},
		{"WASHINGTON, March 17 (Reuters) - Text.", "WASHINGTON", "Reuters", storyline.Date{Month: 3, Day: 17, Precision: storyline.PrecisionDay}},
		{"NEW YORK, March 17, 2021 (AP) — Text.", "NEW YORK", "AP", storyline.Day(2021, 3, 17)},
		{"MOSCOW, March 17. /TASS/. Text.", "MOSCOW", "TASS", storyline.Date{Month: 3, Day: 17, Precision: storyline.PrecisionDay}},
		{"GENEVA (Capital Ledger) - Text.", "GENEVA", "Capital Ledger", storyline.Date{}},
		{"KYIV — Text.", "KYIV", "", storyline.Date{}},
		{"Oslo, May 5 (AP) Text.", "Oslo", "AP", storyline.Date{Month: 5, Day: 5, Precision: storyline.PrecisionDay}},
		{"Addis Ababa, June 16, 2021 (FBC) – Text.", "Addis Ababa", "FBC", storyline.Day(2021, 6, 16)},
		{"TALLINN (Baltic Wire / Newsdesk - 30th July, 2021) Text.", "TALLINN", "Newsdesk", storyline.Day(2021, 7, 30)},
	}
	for _, c := range cases {
		place, outlet, date, n := Dateline(c.in)
		if place != c.place || outlet != c.outlet || date != c.date || c.in[n:] != "Text." {
			t.Errorf("Dateline(%q) = %q, %q, %v, rest %q", c.in, place, outlet, date, c.in[n:])
		}
	}
	for _, in := range []string{"Text without one.", "USA, the report said – nothing.", "MOSCOW, November 2 –",
		"Paris (and its suburbs) saw protests.", "London, she said (quietly), was calm.", "Berlin (Reuters) reported it."} {
		if _, _, _, n := Dateline(in); n != 0 {
			t.Errorf("Dateline(%q) found one of %d bytes", in, n)
		}
	}
}

// TestPublished checks every place a publication date comes from, and
// that an unknown date stays unknown.
func TestPublished(t *testing.T) {
	cases := []struct {
		name      string
		a         storyline.Article
		want      storyline.Date
		from      storyline.DateSource
		wantSrc   string
		wantPlace string
	}{
		{"header wins over the rest", storyline.Article{Published: storyline.Day(2021, 11, 2), PublishedFrom: storyline.DateFromHeader,
			URL: "https://ria.ru/20211101/x.html", Text: "MOSCOW, November 3 – RIA Novosti. Text."},
			storyline.Day(2021, 11, 2), storyline.DateFromHeader, "ria.ru", "MOSCOW"},
		{"URL /20211102/", storyline.Article{URL: "https://ria.ru/20211102/ssha-1757436556.html", Text: "Text."},
			storyline.Day(2021, 11, 2), storyline.DateFromURL, "ria.ru", ""},
		{"URL /2021/06/21/", storyline.Article{URL: "https://www.news.example/2021/06/21/story/", Text: "Text."},
			storyline.Day(2021, 6, 21), storyline.DateFromURL, "news.example", ""},
		{"URL /2021-06-21-slug", storyline.Article{URL: "https://news.example/n/2021-06-21-slug", Text: "Text."},
			storyline.Day(2021, 6, 21), storyline.DateFromURL, "news.example", ""},
		{"URL month, dateline day", storyline.Article{URL: "https://news.example/2021/06/slug", Text: "MOSCOW, June 27 (Wire) - Text."},
			storyline.Day(2021, 6, 27), storyline.DateFromDateline, "news.example", "MOSCOW"},
		{"dateline with its own year", storyline.Article{Text: "NEW YORK, March 17, 2021 (AP) — Text."},
			storyline.Day(2021, 3, 17), storyline.DateFromDateline, "AP", "NEW YORK"},
		{"dateline without a year: unknown", storyline.Article{Text: "MOSCOW, November 2 – RIA Novosti. Text."},
			storyline.Date{}, "", "RIA Novosti", "MOSCOW"},
		{"a date line in the body", storyline.Article{Text: "Published: June 17, 2021\n\nText."},
			storyline.Day(2021, 6, 17), storyline.DateFromBody, "", ""},
		{"a date in a sentence is not a publication date", storyline.Article{Text: "On March 17, 2021 Russia recalled its envoy."},
			storyline.Date{}, "", "", ""},
		{"a number in the URL is not a date", storyline.Article{URL: "https://news.example/id/20219999/x", Text: "Text."},
			storyline.Date{}, "", "news.example", ""},
		{"a URL date beats the crawl date of an archived page", storyline.Article{Published: storyline.Day(2024, 1, 5), PublishedFrom: storyline.DateFromCrawl,
			URL: "https://news.example/2021/03/17/recall", Text: "Text."},
			storyline.Day(2021, 3, 17), storyline.DateFromURL, "news.example", ""},
		{"the crawl date stays when the page gives none", storyline.Article{Published: storyline.Day(2024, 1, 5), PublishedFrom: storyline.DateFromCrawl,
			URL: "https://news.example/recall", Text: "Text."},
			storyline.Day(2024, 1, 5), storyline.DateFromCrawl, "news.example", ""},
		{"the source field wins over the domain", storyline.Article{Source: "A News", URL: "https://a.example/x", Text: "Text."},
			storyline.Date{}, "", "A News", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := Clean(&c.a)
			if err != nil {
				t.Fatal(err)
			}
			if a.Published != c.want || a.PublishedFrom != c.from {
				t.Errorf("published %v from %q, want %v from %q", a.Published, a.PublishedFrom, c.want, c.from)
			}
			if a.Source != c.wantSrc || a.Dateline != c.wantPlace {
				t.Errorf("source %q dateline %q, want %q %q", a.Source, a.Dateline, c.wantSrc, c.wantPlace)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"a line each", "One.\nTwo.\n\n\nThree.", "One.\n\nTwo.\n\nThree."},
		{"hard-wrapped lines join", "The ambassador arrived at the ministry on Monday and\nleft through a side door two hours later without\nspeaking to reporters.\n\nNext.",
			"The ambassador arrived at the ministry on Monday and left through a side door two hours later without speaking to reporters.\n\nNext."},
		{"spaces fold", "A  line\twith   gaps.\u00a0", "A line with gaps."},
	}
	for _, c := range cases {
		if got := cleanText(t, "", c.in).Text; got != c.want {
			t.Errorf("%s: text = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestNothingLeft(t *testing.T) {
	_, err := Clean(&storyline.Article{Origin: "x", Title: "T", Text: "T\n[ad_1]\nRead More"})
	if storyline.ErrorCode(err) != storyline.EINVALID {
		t.Errorf("Clean of pure debris: %v, want EINVALID", err)
	}
}

func TestLanguageAndID(t *testing.T) {
	en := cleanText(t, "", "The ambassador returned to Washington after the summit in Geneva.")
	ru := cleanText(t, "", "Посол вернулся в Вашингтон после встречи президентов в Женеве.")
	id := cleanText(t, "", "Pemerintah Rusia telah menarik duta besarnya dari Washington untuk konsultasi.")
	for _, c := range []struct{ got, want string }{{en.Language, "en"}, {ru.Language, "ru"}, {id.Language, "id"}} {
		if c.got != c.want {
			t.Errorf("language %q, want %q", c.got, c.want)
		}
	}
	if en.ID != storyline.ArticleID("", en.Text) || len(en.ID) != 16 {
		t.Errorf("ID %q is not ArticleID(source, text)", en.ID)
	}
}

func TestIdempotent(t *testing.T) {
	for _, in := range idempotenceSeeds {
		once, err := Clean(&storyline.Article{Title: "Moscow recalls envoy", Text: in, URL: "https://a.example/2021/03/x"})
		if err != nil {
			continue
		}
		twice, err := Clean(once)
		if err != nil {
			t.Fatalf("cleaning clean text failed: %v", err)
		}
		if twice.Text != once.Text || twice.Title != once.Title || len(twice.Debris) != len(once.Debris) ||
			twice.Published != once.Published || twice.ID != once.ID || twice.Byline != once.Byline {
			t.Errorf("not idempotent on %q:\nonce  %q %+v\ntwice %q %+v", in, once.Text, once.Debris, twice.Text, twice.Debris)
		}
	}
}

var idempotenceSeeds = []string{
	"Moscow recalls envoy\n\noleh -\nMoscow recalls envoy\n\nRUSIA, Radar Ampera – Russia has withdrawn its envoy.\n\nNo more pages to load.",
	"[ad_1]\nRussia has recalled its ambassador.\nAdditional reporting by Lauren Fedor in Washington\nRead More",
	"By Jane Roe\nPublished: June 17, 2021\nMOSCOW, June 17 (Wire) - Text.\nShare this article",
	"Moscow recalls envoy\nMoscow recalls envoy\nMoscow recalls envoy\nMoscow recalls envoy\nMoscow recalls envoy\nMoscow recalls envoy\nBody.",
	"MOSCOW, March 17 – TASS. WASHINGTON (Reuters) - Nested datelines.",
	"The ambassador arrived at the ministry on Monday and\nleft through a side door two hours later without\nspeaking.",
}

func FuzzClean(f *testing.F) {
	for _, s := range idempotenceSeeds {
		f.Add("Moscow recalls envoy", s)
	}
	f.Fuzz(func(t *testing.T, title, text string) {
		once, err := Clean(&storyline.Article{Title: title, Text: text})
		if err != nil {
			return
		}
		twice, err := Clean(once)
		if err != nil {
			t.Fatalf("cleaning clean text failed: %v", err)
		}
		if twice.Text != once.Text || len(twice.Debris) != len(once.Debris) {
			t.Fatalf("not idempotent:\nonce  %q\ntwice %q", once.Text, twice.Text)
		}
		for _, d := range once.Debris {
			if d.Offset == -1 && d.Rule == RuleFurniture {
				if !strings.Contains(title, d.Text) && collapseSpace(title) != d.Text {
					t.Fatalf("furniture title %q is not the title %q", d.Text, title)
				}
				continue
			}
			if !strings.Contains(text, d.Text) {
				t.Fatalf("debris %q is not in the text %q", d.Text, text)
			}
		}
	})
}

// TestHeadline checks that an untitled text gets the headline it opens
// with, past the furniture above it, and that a text without one keeps
// its first sentence.
func TestHeadline(t *testing.T) {
	body := "The ministry said on Tuesday that the envoy would fly home for talks about the state of relations."
	cases := []struct{ name, url, title, text, wantTitle, wantText string }{
		{"the first line", "", "", "Moscow recalls its envoy\n" + body, "Moscow recalls its envoy", body},
		{"past navigation", "", "", "Back to Main page\nAll news\nMoscow recalls its envoy\n" + body, "Moscow recalls its envoy", body},
		{"past a section label", "", "", "Americas\nMoscow recalls its envoy for talks\n" + body, "Moscow recalls its envoy for talks", body},
		{"past a kicker", "", "", "Home for talks\nMoscow recalls its envoy from Washington\n" + body, "Moscow recalls its envoy from Washington", body},
		{"past the site's name", "https://www.harbourgazette.example/x", "", "Harbour Gazette\nMoscow recalls its envoy\n" + body, "Moscow recalls its envoy", body},
		{"past a tagline, by the URL's slug", "https://tidings.example/moscow-recalls-its-envoy-for-talks/", "",
			"Tidings Online\nAll The News You Need!\nMoscow recalls its envoy for talks\n" + body, "Moscow recalls its envoy for talks", body},
		{"a site suffix", "https://dw.example/x", "", "Moscow recalls its envoy | DW News - the latest | DW | 17.03.2021\n" + body, "Moscow recalls its envoy", body},
		{"a section prefix", "", "", "World News | Moscow recalls its envoy for talks\n" + body, "Moscow recalls its envoy for talks", body},
		{"a forum title after its icon word", "", "", "Angry A long night at the embassy\nA long night at the embassy\n" + body, "A long night at the embassy", body},
		{"a headline ending in an abbreviation", "", "", "Moscow calls its envoy home from the U.S.\n" + body, "Moscow calls its envoy home from the U.S.", body},
		{"a title-cased headline with a full stop", "", "", "Central Bank Raises Its Key Rate Again.\n" + body, "Central Bank Raises Its Key Rate Again.", body},
		{"untitled: a lead paragraph", "", "", body + "\nMore text follows here.", "", body + "\n\nMore text follows here."},
		{"untitled: a dateline", "", "", "MOSCOW, March 17 (Wire) - " + body, "", body},
		{"untitled: short lines only", "", "", "Moscow recalls its envoy\nMore soon.", "", "Moscow recalls its envoy\n\nMore soon."},
		{"a furniture title gives way", "", "All news", "Moscow recalls its envoy\n" + body, "Moscow recalls its envoy", body},
		{"a date as title gives way", "", "March 17, 2021", "Moscow recalls its envoy\n" + body, "Moscow recalls its envoy", body},
		{"an agency as title gives way", "", "Reuters", "Moscow recalls its envoy\n" + body, "Moscow recalls its envoy", body},
		{"a real title stays", "", "Envoy called home", "Moscow recalls its envoy\n" + body, "Envoy called home", "Moscow recalls its envoy\n\n" + body},
		{"the crawler's header is left alone", "", "", "date 2021-03-17 Moscow recalls its envoy\n" + body, "", "date 2021-03-17 Moscow recalls its envoy\n\n" + body},
		// The site's own title above the headline the slug names.
		{"past the site's home title, by the URL's slug", "https://www.kxx.example/article/news/envoy-recalled-for-talks/281-3be9",
			"", "Breaking News\nMore () »\nHarbour's Leading Local News: Weather, Traffic, Sports and more | Harbour City | KXX.com\nEnvoy recalled for talks\n" + body,
			"Envoy recalled for talks", body},
		{"past the site's name and motto", "https://harbourgazette.example/269059/", "",
			"Harbour Gazette-News- Official Travel Portal News At The Coast\n\nجانبى طويل\n\nEnvoy tells reporters of “deep concern”\n\n" + body,
			"Envoy tells reporters of “deep concern”", body},
		{"a site's title as the title gives way", "https://harbourgazette.example/269059/", "Harbour Gazette-News- Official Travel Portal News At The Coast",
			"Envoy tells reporters of “deep concern”\n" + body, "Envoy tells reporters of “deep concern”", body},
		{"a visit date as title gives way", "https://tv.example/video/envoy-recalled/20190507155411001843.html", "Saturday 9/25/21",
			"Envoy recalled for talks\n" + body, "Envoy recalled for talks", body},
		// Never story text as a headline.
		{"untitled: the story's first words after its dateline, hard-wrapped", "http://wire.example/?p=192397", "",
			"NEW YORK, April 6, 2019 (Wire) – The ministry said on Tuesday that the envoy\n\nwould fly home for talks about the state of relations.",
			"", "The ministry said on Tuesday that the envoy\n\nwould fly home for talks about the state of relations."},
		{"untitled: a line whose sentence goes on below", "", "",
			"The ministry said on Tuesday that the envoy\n\nwould fly home for talks about the state of relations.",
			"", "The ministry said on Tuesday that the envoy\n\nwould fly home for talks about the state of relations."},
		{"untitled: a caption's name unlike the slug", "http://tv.example/ministry-says-envoy-followed-procedure-doe/", "",
			"Jane Doe\n\n" + body, "", "Jane Doe\n\n" + body},
		{"untitled: a caption of clauses, though the slug matches", "https://paper.example/envoy-recalled-embassy-talks-4548066-Mar2019/", "",
			"Workers carry boxes and files, under the eyes of guards, out of the embassy where the envoy recalled for talks worked\n\n" + body,
			"", body},
		{"untitled: a long first sentence with commas stays", "", "",
			"The ministry, which gave no reason, said on Tuesday that the envoy, recalled last week, would stay in Moscow for talks about relations.\n\n" + body,
			"", "The ministry, which gave no reason, said on Tuesday that the envoy, recalled last week, would stay in Moscow for talks about relations.\n\n" + body},
		{"a headline ending in a quoted phrase", "", "", "Envoy warns Washington of what he calls “irrevocable damage”\n" + body,
			"Envoy warns Washington of what he calls “irrevocable damage”", body},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := Clean(&storyline.Article{Origin: "t", URL: c.url, Title: c.title, Text: c.text})
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != c.wantTitle || a.Text != c.wantText {
				t.Errorf("title %q text %q\nwant  %q text %q", a.Title, a.Text, c.wantTitle, c.wantText)
			}
			again, err := Clean(a)
			if err != nil || again.Title != a.Title || again.Text != a.Text {
				t.Errorf("not idempotent: %q %q", again.Title, again.Text)
			}
		})
	}
}

// TestDoubleSpaced: a text hard-wrapped with a blank line after every
// line becomes paragraphs of whole sentences; a text of short paragraphs
// stays as it is.
func TestDoubleSpaced(t *testing.T) {
	wrapped := "NEW YORK, April 6, 2019 (Wire) – The ministry said on Tuesday\n\n" +
		"that it would cut the number of staff at its embassy in the\n\n" +
		"capital from forty to twenty-five by the end of the year.\n\n" +
		"The ambassador told reporters that the decision was temporary and\n\n" +
		"that it would not affect the work of the consulates in the\n\n" +
		"regional offices in the north.\n\n" +
		"“We are working closely with our partners,” she said."
	want := "The ministry said on Tuesday that it would cut the number of staff at its embassy in the capital from forty to twenty-five by the end of the year.\n\n" +
		"The ambassador told reporters that the decision was temporary and that it would not affect the work of the consulates in the regional offices in the north.\n\n" +
		"“We are working closely with our partners,” she said."
	a, err := Clean(&storyline.Article{Origin: "t", Text: wrapped})
	if err != nil {
		t.Fatal(err)
	}
	if a.Text != want {
		t.Errorf("double-spaced text:\n%q\nwant\n%q", a.Text, want)
	}
	plain := "Envoy recalled for talks\n\nThe ministry said on Tuesday that it would call its ambassador home\n\n" +
		"the ministry added, in a second statement, that talks would follow\n\nMore soon."
	if a, err := Clean(&storyline.Article{Origin: "t", Title: "T", Text: plain}); err != nil || a.Text != plain {
		t.Errorf("short text changed: %q", a.Text)
	}
}

func TestHardWrapped(t *testing.T) {
	cases := []struct {
		block []string
		want  bool
	}{
		{[]string{"The ambassador arrived at the ministry on Monday and", "left through a side door."}, true},
		{[]string{"Moscow recalls envoy and warns of a blind alley", "Russia has recalled its ambassador."}, false},
		{[]string{"Officials counted the ballots again in three districts", "Results were due by the evening of the second day", "No one expected a change."}, true},
	}
	for _, c := range cases {
		if got := hardWrapped(c.block); got != c.want {
			t.Errorf("hardWrapped(%q) = %v, want %v", c.block, got, c.want)
		}
	}
}

// TestFeedUpdatedOnly: an Atom entry that gives only the day it was last
// updated is not dated by it. The page's own date comes first; without
// one the article is estimated as published on or before that day.
func TestFeedUpdatedOnly(t *testing.T) {
	updated := storyline.Day(2021, 3, 22)
	cases := []struct {
		name     string
		a        storyline.Article
		want     storyline.Date
		from     storyline.DateSource
		estimate bool
	}{
		{"no other date: an estimate on or before the updated day",
			storyline.Article{URL: "https://wire.example/envoy-consultations", Text: "The ambassador met officials at the ministry."},
			storyline.Date{}, "", true},
		{"a URL date is the publication date",
			storyline.Article{URL: "https://wire.example/2021/03/20/envoy-consultations", Text: "The ambassador met officials at the ministry."},
			storyline.Day(2021, 3, 20), storyline.DateFromURL, false},
		{"a date line in the body is the publication date",
			storyline.Article{URL: "https://wire.example/envoy", Text: "Published: March 19, 2021\n\nThe ambassador met officials at the ministry."},
			storyline.Day(2021, 3, 19), storyline.DateFromBody, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.a.Published, c.a.PublishedFrom = updated, storyline.DateFromFeedUpdated
			a, err := Clean(&c.a)
			if err != nil {
				t.Fatal(err)
			}
			if a.Published != c.want || a.PublishedFrom != c.from {
				t.Errorf("published %v from %q, want %v from %q", a.Published, a.PublishedFrom, c.want, c.from)
			}
			if got := IsUpdatedEstimate(a.Dating) && a.Dating.EstimatedLatest == updated; got != c.estimate {
				t.Errorf("estimate %+v: from the updated day %v, want %v", a.Dating, got, c.estimate)
			}
		})
	}
}
