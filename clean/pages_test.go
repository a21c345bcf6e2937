package clean

import (
	"strings"
	"testing"

	"github.com/storyline/storyline"
)

// TestPages cleans whole pages shaped as scrapers export real ones (the
// text is ours, the shapes are theirs): the title is the headline, every
// piece of furniture is gone and every sentence of the story is kept.
func TestPages(t *testing.T) {
	cases := []struct {
		name, url, text, title string
		story, debris          []string
	}{
		{
			name: "a broadcaster's page with a video and glued captions",
			url:  "https://www.dw.example/en/envoy-leaves-for-talks/a-1234",
			text: "Envoy leaves for talks in Moscow | DW News - the latest news | DW | 20.03.2021\n" +
				"Envoy leaves for talks in Moscow\n" +
				"The ambassador left the embassy on Saturday and drove to the airport.\n" +
				"The ambassador waved to reporters at the gateImage: REUTERS\n" +
				"He is expected to meet officials at the foreign ministry on Monday.\n" +
				"Watch video 01:16\n" +
				"Why the ambassador was called home\n" +
				"Officials said the talks could last several weeks.Anatoly AntonovImage: Ivan Petrov/TASS/picture alliance The embassy gave no details.",
			title: "Envoy leaves for talks in Moscow",
			story: []string{"The ambassador left the embassy on Saturday and drove to the airport.",
				"He is expected to meet officials at the foreign ministry on Monday.",
				"Officials said the talks could last several weeks. The embassy gave no details."},
			debris: []string{"Image:", "Watch video", "Why the ambassador was called home", "DW News", "waved to reporters"},
		},
		{
			name: "a news agency's page",
			url:  "https://agency.example/politics/123456",
			text: "All news\nUpdated at: \n\nEnvoy back in Washington after three months\n\n" +
				"The ambassador's car entered the embassy grounds on Sunday evening\n\n" +
				"WASHINGTON, June 20. /Agency/. The ambassador returned to Washington on Sunday after three months of talks in Moscow.\n\n" +
				"He flew in on a scheduled flight and was met by diplomats.\n\nShare this article!\n1075 views\nPrint:",
			title: "Envoy back in Washington after three months",
			story: []string{"The ambassador returned to Washington on Sunday after three months of talks in Moscow.",
				"He flew in on a scheduled flight and was met by diplomats."},
			debris: []string{"All news", "Updated at", "Share this", "views", "Print"},
		},
		{
			name: "a blog with a masthead, comments and a footer",
			url:  "https://harbourgazette.example/envoy-called-home-over-report/",
			text: "Skip to content\nHarbour Gazette\nYour Daily Dose Of News!\nEnvoy called home over report\n" +
				"The foreign ministry called its ambassador home for consultations on Wednesday, a day after the report was published.\n" +
				"A spokeswoman said relations had reached a dead end.\n" +
				"A view of the ministry building in the capital on Wednesday. (Jane Roe/AP)\n" +
				"Leave a Reply\nYour email address will not be published. Required fields are marked *\n" +
				"We use cookies to make this site work better for you.\n© 2024 Harbour Gazette. All rights reserved.",
			title: "Envoy called home over report",
			story: []string{"The foreign ministry called its ambassador home for consultations on Wednesday, a day after the report was published.",
				"A spokeswoman said relations had reached a dead end."},
			debris: []string{"Skip to", "Harbour Gazette", "Daily Dose", "Jane Roe/AP", "Leave a Reply", "cookies", "©"},
		},
		{
			name: "a forum thread",
			url:  "http://forum.example/viewtopic.php?t=1",
			text: "Envoy summoned over remarks\n\nPostby Dana » Wed Mar 28, 2018 6:39 pm\n\n" +
				"The ambassador was summoned to explain remarks he made at a press conference on Tuesday.\n\n" +
				"Posts: 3320\nJoined: Mon Jul 01, 2013 11:42 pm\nLocation: Sydney, Australia\n\n" +
				"Re: Envoy summoned over remarks\n\nPostby Kim » Thu Mar 29, 2018 9:02 am\n\n" +
				"I think the minister was right to ask for an explanation.\n\nWho is online\nUsers browsing this forum: No registered users and 3 guests",
			title: "Envoy summoned over remarks",
			story: []string{"The ambassador was summoned to explain remarks he made at a press conference on Tuesday.",
				"I think the minister was right to ask for an explanation."},
			debris: []string{"Postby", "Posts:", "Joined", "Location", "Re:", "Who is online", "browsing"},
		},
		{
			name: "an untitled page keeps its first sentence",
			url:  "https://news.example/2021/03/18/x",
			text: "Russia has recalled its ambassador for talks on the state of relations with Washington.\n\n" +
				"The move came a day after the president's remarks in a television interview.\n\n" +
				"(Visited 145 times, 1 visits today)\nSubscribe to our Youtube Channel :\nFollow Us on Instagram",
			title: "",
			story: []string{"Russia has recalled its ambassador for talks on the state of relations with Washington.",
				"The move came a day after the president's remarks in a television interview."},
			debris: []string{"Visited", "Subscribe", "Instagram"},
		},
		{
			name: "a live blog with labels, teasers and captions",
			url:  "https://paper.example/business/live-updates-from-jet-hearing/",
			text: "Where things stand:\n" +
				"- HEARING: A Senate panel is set to question regulators about the two crashes. Here’s our preview. The hearing begins at noon. Stay here for live updates.\n\n" +
				"- DELEGATION: The paper reported this month that managers had pushed engineers to delegate safety reviews to the maker.\n\n" +
				"- MORE: See more of our jet coverage here. Got a sensitive news tip? Start here.\n\n" +
				"You can continue to follow our live coverage of the crash here.\n\n" +
				"Rescue workers search the site of the crash near the town, Mar. 10, 2019. EPA-EFE/FILE/STR\n\n" +
				"Responders at the site of the crash on March 10, 2019. The minister said 25 of the victims had been identified. PHOTO | JANE DOE | AFP\n\n" +
				"The minister addresses a news conference on the report in the capital, April 4, 2019.\n\n" +
				"The regulator's budget calls for deep cuts in aid as part of an overall… Read more »\n\n" +
				"Paperpost is now on WhatsApp. For the latest news, sign up for our WhatsApp service. Just go to Paperpost.example/whatsapp.",
			title: "",
			story: []string{"A Senate panel is set to question regulators about the two crashes.", "The hearing begins at noon.",
				"The paper reported this month that managers had pushed engineers to delegate safety reviews to the maker."},
			debris: []string{"HEARING:", "DELEGATION:", "preview", "Stay here", "MORE:", "news tip", "follow our live", "EPA-EFE",
				"PHOTO |", "addresses a news conference", "Read more", "WhatsApp"},
		},
		{
			name: "a wire photo's caption explained by its news, a glued credit, a stamped byline",
			url:  "https://wire.example/news/jets-grounded-1",
			text: "Scene of the crash\nScene of the crashReuters\n\n" +
				"May 15, 2019 10:15 AM ETThe Example Company (EX)EXBy: Jane Doe, News Editor38 Comments\n\n" +
				"In this Dec. 15, 2018, photo released by the Example Agency, guests look at a jet at a ceremony in the port city. The regulator ordered airlines to ground the jets on Monday, March 11, 2019. Example via AP Lin Wei\n\n" +
				"The ban came a day after the crash. Photo: GettyThe flight recorders arrived in Paris on Thursday.",
			title: "",
			story: []string{"The regulator ordered airlines to ground the jets on Monday, March 11, 2019.",
				"The ban came a day after the crash. The flight recorders arrived in Paris on Thursday."},
			debris: []string{"Scene of the crash", "Comments", "In this Dec. 15", "via AP", "Photo: Getty"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := Clean(&storyline.Article{Origin: "t", URL: c.url, Text: c.text})
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != c.title {
				t.Errorf("title %q, want %q", a.Title, c.title)
			}
			for _, s := range c.story {
				if !strings.Contains(a.Text, s) {
					t.Errorf("story sentence lost: %q\ntext: %q", s, a.Text)
				}
			}
			for _, s := range c.debris {
				if strings.Contains(a.Text, s) {
					t.Errorf("debris %q left in %q", s, a.Text)
				}
			}
			again, err := Clean(a)
			if err != nil || again.Text != a.Text || again.Title != a.Title {
				t.Errorf("not idempotent")
			}
		})
	}
}
