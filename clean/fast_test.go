package clean

import (
	"math/rand/v2"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The quick tests that spare the cleaning rules a pass or an expression
// must give what the tests they replace give.

var fastCases = []string{
	"Support us! We need your help to keep our journalism ad-free.",
	"Your support matters; your support of this commitment, This commitment, all-access subscriptions.",
	"support usSupport u Support the Guardian!",
	"reading experience of this public resource",
	"need your hel, our journalis, ad-fre",
	"A man waves (Ali Ihsan Ozturk/AP)",
	"PHOTO: AP",
	"Picture : REUTERS",
	"De Agostini via Getty Images",
	"Valery Sharifulin / TASS / Getty Images file",
	"The photo is licensed under CC BY 2.0",
	"This image is LICENSED UNDER Creative Commons Attribution",
	"licen\u017fed under cc by-sa",
	"it was 10:30 and the crédit: none",
	"PhOtO:x, ImAgE :y, FOTO: z, cReDiT:w, PICTURE:v",
	"Two  spaces, a\ttab, a\rCR, a\nLF, a\u00a0no-break space",
	"one space only \u00c2 \u00e2\u0080 \xc2 \xa0 \xc2",
	"",
	" ",
	"  ",
	"\xc2\xa0",
	"\xc2",
	"/",
	":",
	" via ",
	"Vladimir Putin speaks during a meeting in Moscow on November 18, 2019.",
	"A  B\tC\nD\fE\rF\vG H I J K L M sits",
	"1 2 3 4 5 6 7 8 9 10 11 12 13 pulls",
	"1 2 3 4 5 6 7 8 9 10 11 12 pulls",
	"sits alone; x carry on, x shakes hands",
	"MARCH 5", "on Sept. 3", "in 2019", "12/03", "3-4", "1.5", "x9", "the 1990s", "20191", "May", "may 1", "JUNE", "decade 4", "Jan1", "1Jan",
	"Your support", "this commitment", "xx need your help", "all-access subscriptions", "a public resource", "ad-free", "reading experiences",
	"pppp support us", "Support the paper!", "Supporters!", "our journalis", "-a", "jo", "yoursupport", "Your  support",
	"Watch video 01:16", "WATCH: the crash", "Video Player 00:00", "AUDIO PLAYER", "Play", "Now playing", "listen", "Listen to this article (4 mins)",
	"12:30", "1:02:03 4:05", "4:05 mins.", "Wa", "vI", "Read more: x", "ALSO READ: y", "See also Z", "More: Boeing grounds its fleet", "MORE: A b c d e f",
	"Reporting by Jane Doe; Editing by John Roe", "(Additional reporting by X)", "Some information for this report was provided by AP.", "BY JANE DOE Associated Press",
	"By Jane Doe Reuters", "Information for this article contributed by Y.",
	"in Hatay - AFP", "a – b", "a — b", "-- x", " -x", "x- ", "\xe2 - ", "a\xe2\x80\x93 b", " \xe2\x80", "—", " — ",
	strings.Repeat("The man said IT was in THE house and \u0130t was there. ", 8), strings.Repeat("Der Mann sagte es war im Haus. ", 10),
	strings.Repeat("\u0130T \u0130s ", 30),
	"ap_17253830109585", "IMG_2041.jpg", "olaj 546761", "x.WEBP", "a.Gif", "In this file photo, x", "IN THIS PHOTO", "File photo: y", "FILE - z", "file -",
	"Putin attends a ceremony in Moscow on March 1, 2019.", "A man carries a flag on June 2, 2019.", "They pull ropes on 3 May 2019.",
	"Re: x", "re: ", "Re:", "are: ", "RE: x", "xre:  ", ":", "e: ", "Home > World > Europe", " > ", ">", "a » b", " »", "\xc2 ", " \xc2\xbb ",
	"A man waves. (Ali Ihsan Ozturk/AP) ", "x REUTERS/Kevin Lamarque/Pool  ", "Jane Doe/AP/Pool Photo file.", "Photo by X/Getty Images.\t",
	"on: Photo : Jane Doe, then more", "Credit:\tAP . ", "IMAGE:x.y", "Foto: a. b", "\u0130MAGE: x", "image\u0130: x", "a photo: b: c",
	"Jim Doe via Agence France-Presse", "Jim Doe via Agence France-Presse.", "Jim Doe via Xinhua News Agency ", "x via AP and more", "A/B C",
	"Police officer stands in Hatay - AFP", "in Hatay -\tEPA-EFE", "in Hatay \u2013 Agence France-Presse", "a - b - c - Reuters", "x \u2014AFP",
	"1. Skip to content", "12 34", "1", "Home", "HOME  -- page", "Back to top \u2191", "x\xffy", "(\u201cQuoted\u201d) word", "\u2014 Dash:", "word\tnext",
	"abcdefghijklmnopqrstuvwx", "abcdefghijklmnopqrstuvwxy", "abcdefghijklmnopqrstuvwx: y", "THE...", "É mais", "ÉCOLE",
	"MOSCOW, November 2 \u2013 RIA Novosti.", "WASHINGTON (Reuters) -", "MOSCOW, March 17. /TASS/.", "O\u2019HARE, May 1 -", "U.S. -", "A -", "AB\u2014",
	"\u00a9 2024 The Paper", "(c) x", "Copyright 2021", "ALL RIGHTS RESERVED.", "Privacy Policy | Terms of Use", "FAQ, Help",
	"The views expressed in the above article are the author's own.", "Some say the views expressed in the above piece are old.",
	"We may earn money when you buy through links on our site.", "WHEN YOU PURCHASE THROUGH LINKS ON THIS SITE", "He has disabled all ads.",
	"OUR JOURNALISM matters", "Your support can help", "We need your help to keep going", "Please support this public resource",
	"All-Access subscriptions", "ad-free", "Support the Guardian!", "support us", "Donate now", "Turn up your support",
	"This article was machine-translated from French.", "(The above story is by AFP and unedited.)", "Get our free app.",
	"the vieW", "linkſ on", "\u212aeep", "our journali\u017fm is ad-free",
	"Leave a Reply", "ReplyDelete", "1075 views", "1.2K VIEWS", "Posts: 21", "Jane Doe is offline", "Jane is ONLINE", "jdoe's Avatar", "JDOE'S AVATAR",
	"Re: the crash", "RE: x", "Thread title; was re: y", "a, b: re: c", "Return to Board index", "Return to News: the crash thread",
	"(visited 1,234 times, 5 visits today)", "%d bloggers like this:", "who is online", "Users browsing this thread: none", "ſ is online",
	"Postby Kent \u00bb Sun Apr 01, 2018 3:48 pm", "by x \u00bb 02-25-2023, 06:59 AM", "Old 02-25-2023, 06:59 AM", "\u00ab on: May 02, 2017, 08:58:18 AM \u00bb",
	"#12 Sun Apr 01, 2018 3:48 pm", "By Kent \u00bb Sun Apr 01, 2018", "old 02-25-2023, 06:59 AM",
	"The Denver Post", "Belfast Telegraph ", "Business\u00a0Insider\u2003", "the daily", "A B C Daily", "A B C D News", "NEWS", " Fox News", "Fox news\t",
	"Jim Doe via dpa", "Jim Doe via imago.", "x via these feeds .", "x via London on 30 April .", "Jo Doe via A.P.", "x via \u00c9FE",
	"Jane Doe/dpa", "Jane Doe / imago", "X/picture alliance", "X/picture-alliance/dpa", "Jane/agencies", "Jane Doe/AP/Pool", "the TV/Radio .",
	"and/or buy more land/factories/etc .", "x/ \u00c9mile", "x/ y", "A/B", "AP/", "AP/ ", "(x/y)",
	"Man admits killing pensioner in a town Man admits killing pensioner in a town",
	"Man admits killing  pensioner in a town centre Man admits killing pensioner in a town centre",
	"Man admits killing pensioner in a town centre\tMan admits killing pensioner in a town centre",
	"Man admits killing pensioner in a town centre Man admits killing pensioner in a town centre ",
	" Man admits killing pensioner in a town centre Man admits killing pensioner in a town centre",
	"Ten men  Ten men", "Ten men Ten men Ten", "Ten  men Ten men Ten men ",
	"Posted 3 hours AGO", "ago", "go", "Choose Your Language", "CHOOSE YOUR\u00a0", "Photo GALLERY: the crash", "\u0130 ago", "5 min Ago\xff",
	"Shares fall as BP struggles Wednesday 2 June 2010 17.37 BST Workers lay booms", "Saturday 12 June 2010 09.05 GMT", "Monday 1 March 2010 10.00 BS T",
	"Spill costs hit BP LONDON | Fri Oct 1, 2010 4:52 pm EDT LONDON (Reuters) - BP", " WASHINGTON, Texas | Mon Mar 2, 2009 4:23 pm EST ", "NEW YORK |Wed Jun 9, 2010 7:24 pm EDT ",
	"15 minutes ago", "3 photos", "3 PHOTO\u017f", "12 / 30", "2h", "2024", "2 Choose your language", "10 CHOO\u017fE YOUR LANGUAGE", "1 Click here to see the gallery",
	"5 clic\u212a to view the slideshow.", "15 people were killed on Monday, 2 hours ago", "7 Lifestyle \u00b7 3 days ago", "12 people died in the blast, officials said.",
	"Bacteria fed on the spill, report says Tuesday, January 11, 2011; 12:31 AM The oil", "Sunday, May 16, 2010; 4:43 PM", "Friday, May 14, 2010 ;4:43 PM",
	"More from Europe", "MORE IN World | Home", "Latest from the BBC", "LATEſT IN x", "More world news", "more top ſTORIEſ",
	"More fine ARTICLES", "More fine articleſ", "More world newſ", "MORE TOP ſTORIES", "More top stories", "More than 100 people died", "View as: list", "Create an account or sign in to comment", "Thanks for reading this story.",
	"THANKS FOR LIKING THIS STORY!", "Sport · 3 days ago", "More · 2 hours AGO", "Latest • 5 mins ago", "English - Choose your language",
	"More: Click here to see the gallery.", "Thanks", "View", "More", "NEWſ",
	"Leave a comment", "LEAVE A REPLY", "Post a comment", "Posts: 21", "POST NEW THREAD Reply", "Add comment", "add a COMMENT", "Comments (3)",
	"Comment (12)", "No comments:", "All Comments", "Show new comments (4)", "View comments", "Your email address will not be published.",
	"Required fields are marked *", "Reply", "ReplyDelete", "Delete", "This comment has been removed by the author.",
	"THIſ COMMENT HAſ BEEN REMOVED BY A BLOG ADMINIſTRATOR", "%d bloggers like this:", ",5 views", ".5k views", "1K views",
	"Thread Tools Display Modes", "Display Modes", "Who is online", "Users browsing this forum: none", "Join Date: May 2010", "Joined: x",
	"Location: Paris", "Reputation: 10", "Thanks: 3", "Likes Received: 4", "Senior Member", "junior member", "Moderator", "Administrator",
	"Return to Board index", "ſhow comments", "ſenior member", "uſers browsing this thread: x", "The comment", "This is it", "Who",
	"We use cookies to improve your experience.", "WE USE COOKIES", "we uses cookies", "We uſe cookies", "“We use cookies", "We  use cookies",
	"By continuing to use this site you agree", "BY USING OUR WEBSITE", "By using this site.", "by continuing to browse our site", "By,",
	"Accept all cookies", "Cookie settings", "Manage consent", "This site uses cookies.", "This website uses cookies", "We,",
	"Watch", "Wat", "Play", "PLAY VIDEO", "Now playing", "Listen", "LIſTEN to this article", "Liſten", "Video player", "Audio player 1:02",
	"Views", "No", "Not now", "Please play", "Like", "Pla", "12", "1:2", "1:23", "01:16 02:30 mins.",
	"Scene of the crashReuters", "crashREUTERS", "a fireAFP", "the sceneGetty Images", "xGetty", "yEPA", "zAP Photo", "éXinhua", "Reuters",
	"[ad_1]", "[AD]", "- ADVERTISEMENT -", "Advertisement", "Sponsored content", "SPONSORED", "ſponsored", "(ad)", "Adv", "ads by Google",
	"- MORE: See more of our coverage here.", "More: Read all about it", "• RELATED : Follow our blog", "READ MORE:See more", "- More - See more",
	"You can continue to follow our live coverage on the crash here.", "You can read the updates here", "You can  follow our blog here.",
	"abcdefg  hijklmnop", "abcdefg hijklmno pqrstuvw x", "abcdefghijklmno  ", "abcdefghijklmnop\tq", "abcdefghijklmno \xc2\xa0x", "abcdefghijk\u00e9 \u00e9\u00e9", "abcdefgh/:9", "abcdefghijklmno0", "\xb0\xb9\xaf\xba/:", "@@@@@@@@0",
}

func TestFastAsTheSlow(t *testing.T) {
	for _, s := range fastCases {
		checkFast(t, s)
	}
}

func FuzzFast(f *testing.F) {
	for _, s := range fastCases {
		f.Add(s)
	}
	f.Fuzz(checkFast)
}

func checkFast(t *testing.T, s string) {
	if got, want := appealWords(newProbe(s)), appealWordsSlow(s); got != want {
		t.Errorf("appealWords(%q) = %v, want %v", s, got, want)
	}
	if low := strings.ToLower(s); navigationTail(s) != (strings.HasSuffix(low, "ago") || strings.Contains(low, "choose your") || strings.Contains(low, "gallery")) {
		t.Errorf("navigationTail(%q) = %v", s, navigationTail(s))
	}
	if watchRe.MatchString(s) && !mayBeWatch(s) {
		t.Errorf("mayBeWatch(%q) = false, but watchRe matches", s)
	}
	if got, want := isReadMoreLink(s), len(s) < 250 && readMoreLinkRe.MatchString(s); got != want {
		t.Errorf("isReadMoreLink(%q) = %v, want %v", s, got, want)
	}
	if got, want := isCredit(s), len(s) < 200 && creditRe.MatchString(s); got != want {
		t.Errorf("isCredit(%q) = %v, want %v", s, got, want)
	}
	if got, want := captionShaped(newProbe(s)), captionShapedSlow(s); got != want {
		t.Errorf("captionShaped(%q) = %v, want %v", s, got, want)
	}
	if got, want := hasReColon(s), strings.Contains(s, "Re: ") || strings.Contains(s, "re: "); got != want {
		t.Errorf("hasReColon(%q) = %v, want %v", s, got, want)
	}
	if got, want := spacedAt(s, '>', "> ") || spacedAt(s, 0xc2, "» "), strings.Contains(s, " > ") || strings.Contains(s, " » "); got != want {
		t.Errorf("spaced > or » in %q = %v, want %v", s, got, want)
	}
	if got, want := spacedDash(s), strings.Contains(s, " - ") || strings.Contains(s, " – ") || strings.Contains(s, " — "); got != want {
		t.Errorf("spacedDash(%q) = %v, want %v", s, got, want)
	}
	if got, want := isDoubledLink(newProbe(s)), isDoubledLinkSlow(s); got != want {
		t.Errorf("isDoubledLink(%q) = %v, want %v", s, got, want)
	}
	if hasSpaceRun(s) && !newProbe(s).maySpaceRun() {
		t.Errorf("maySpaceRun(%q) = false, but the line has a run of white space", s)
	}
	if got, want := english(s), englishSlow(s); got != want {
		t.Errorf("english(%q) = %v, want %v", s, got, want)
	}
	if got, want := hasDigit(s), strings.ContainsAny(s, "0123456789"); got != want {
		t.Errorf("hasDigit(%q) = %v, want %v", s, got, want)
	}
	if got, want := mayHoldDate(s), mayHoldDateSlow(s); got != want {
		t.Errorf("mayHoldDate(%q) = %v, want %v", s, got, want)
	}
	if got, want := hasFoldableSpace(s), strings.ContainsAny(s, "\t\r\n\u00a0") || strings.Contains(s, "  "); got != want {
		t.Errorf("hasFoldableSpace(%q) = %v, want %v", s, got, want)
	}
	if captionCreditRe.MatchString(s) && !mayEndInCredit(newProbe(s), s) {
		t.Errorf("mayEndInCredit(%q) = false, but captionCreditRe matches", s)
	}
	if got, want := mayEndInCredit(newProbe(s), s) && captionCreditRe.MatchString(s), (strings.ContainsAny(s, "/:") || strings.Contains(s, " via ")) && captionCreditRe.MatchString(s); got != want {
		t.Errorf("credit test of %q = %v, want %v", s, got, want)
	}
	if key, ok := navKeyASCII(s, nil); ok && string(key) != navKey(s) {
		t.Errorf("navKeyASCII(%q) = %q, navKey gives %q", s, key, navKey(s))
	}
	if startsWithDigit(s) && navigationRe.MatchString(s) && !mayBeNumberedNavigation(s) {
		t.Errorf("mayBeNumberedNavigation(%q) = false, but navigationRe matches", s)
	}
	if !startsWithDigit(s) && navigationRe.MatchString(s) && !mayBeWordNavigation(s) {
		t.Errorf("mayBeWordNavigation(%q) = false, but navigationRe matches", s)
	}
	if got, want := findDayStamp(s), dayStampRe.FindStringIndex(s); !slices.Equal(got, want) {
		t.Errorf("findDayStamp(%q) = %v, dayStampRe gives %v", s, got, want)
	}
	if got, want := findIfHolds(midStampRe, s, " | "), midStampRe.FindStringIndex(s); !slices.Equal(got, want) {
		t.Errorf("findIfHolds(midStampRe, %q) = %v, midStampRe gives %v", s, got, want)
	}
	if got, want := findIfHolds(paperStampRe, s, "; "), paperStampRe.FindStringIndex(s); !slices.Equal(got, want) {
		t.Errorf("findIfHolds(paperStampRe, %q) = %v, paperStampRe gives %v", s, got, want)
	}
	if got, want := lineFirstWord(s), lineFirstWordSlow(s); got != want {
		t.Errorf("lineFirstWord(%q) = %q, want %q", s, got, want)
	}
	if got, want := footerMatch(s), footerSlowRe.MatchString(s); got != want {
		t.Errorf("footerMatch(%q) = %v, footerRe gives %v", s, got, want)
	}
	if got, want := commentsMatch(s), commentsSlowRe.MatchString(s); got != want {
		t.Errorf("commentsMatch(%q) = %v, commentsRe gives %v", s, got, want)
	}
	if got, want := isOutletName(s), isOutletNameSlow(s); got != want {
		t.Errorf("isOutletName(%q) = %v, want %v", s, got, want)
	}
	if got, want := isForumStamp(s), isForumStampSlow(s); got != want {
		t.Errorf("isForumStamp(%q) = %v, want %v", s, got, want)
	}
	if datelineRe.MatchString(s) && !mayOpenDateline(s) {
		t.Errorf("mayOpenDateline(%q) = false, but datelineRe matches", s)
	}
	if captionDashRe.MatchString(s) && !agencyAfterDash(s) {
		t.Errorf("agencyAfterDash(%q) = false, but captionDashRe matches", s)
	}
	if got, want := gluedAgency(s), gluedAgencySlow(s); got != want {
		t.Errorf("gluedAgency(%q) = %d, want %d", s, got, want)
	}
	if got, want := firstOf(s, '(', '/'), strings.IndexAny(s, "(/"); got != want {
		t.Errorf("firstOf(%q, '(', '/') = %d, want %d", s, got, want)
	}
	if got, want := isAdMarker(s), len(s) < 40 && adLineRe.MatchString(s); got != want {
		t.Errorf("isAdMarker(%q) = %v, want %v", s, got, want)
	}
	if got, want := isCookie(s, lineFirstWord(s)), isCookieSlow(s, lineFirstWord(s)); got != want {
		t.Errorf("isCookie(%q) = %v, want %v", s, got, want)
	}
	if got, want := isTeaser(s), isTeaserSlow(s); got != want {
		t.Errorf("isTeaser(%q) = %v, want %v", s, got, want)
	}
	if photoVerbRe.MatchString(s) && !mayHavePhotoVerb(s) {
		t.Errorf("mayHavePhotoVerb(%q) = false, but photoVerbRe matches", s)
	}
	if licenceRe.MatchString(s) && !containsFold(s, "under c") {
		t.Errorf("containsFold(%q, \"under c\") = false, but licenceRe matches", s)
	}
	for _, w := range []string{"photo", "image", "foto", "picture", "credit", "under c", "choose your", "gallery", "", "x", ": "} {
		if got, want := containsFold(s, w), containsFoldSlow(s, w); got != want {
			t.Errorf("containsFold(%q, %q) = %v, want %v", s, w, got, want)
		}
	}
	for _, w := range []string{"photo", "image", "foto", "picture", "credit", "under c"} {
		if got, want := containsFold(s, w), strings.Contains(strings.ToLower(s), w); got && !want {
			t.Errorf("containsFold(%q, %q) = %v", s, w, got)
		}
	}
}

// footerSlowRe is footerRe as it was, footerStartRe's and footerAnyRe's
// forms in one expression.
var footerSlowRe = regexp.MustCompile(`(?i)^(?:` +
	`(?:copyright\s*)?(?:©|\(c\))\s*.{0,120}|copyright\s+(?:\d{4}|by)\b.{0,120}|all rights reserved\.?|` +
	`(?:(?:cookie policy|privacy policy|privacy|terms(?: of (?:use|service))?|terms and conditions|brand safety|faq|help|contact(?: us)?|about us|advertise|sitemap|careers)[ |,·]*){2,}|` +
	`.{0,80}when you (?:purchase|buy) (?:something )?through (?:the )?links on (?:our|this) site.{0,200}|` +
	`the information on this site is of a general nature only.{0,400}|` +
	`this (?:article|story|page) (?:has been|was) (?:automatically|machine)[ -]translated.{0,60}|read the original(?: article)?(?: here)?\.?|` +
	`this is a breaking news story(?: and)? (?:will|may) be updated.{0,20}|this (?:story|article) (?:is developing|will be updated).{0,40}|` +
	`\(the above story is .{10,400}\)|.{0,30}the views (?:appearing|expressed) in the above .{10,200}|` +
	`see the rest of the story at .{2,60}|read (?:the )?full article (?:at|on) .{2,40}|for more stories on .{2,60} visit .{2,60}|` +
	`advertise (?:on|with) \S+ to reach .{0,80}|(?:download|get) (?:our|the) (?:free )?app\.?|` +
	`get the latest news and updates straight to your inbox\.?|` +
	`support us|support (?:the )?[\p{L}' ]{2,30}!|donate(?: now| today)?|enjoying ad-free content\??|turn up your support|` +
	`.{0,120}\b(?:our journalism|ad-free|this commitment costs us|(?:disabled|removed) all ads|your support (?:can|will) help|we need your help to keep|support this public resource|all-access subscriptions?)\b.{0,160}` +
	`)$`)

// commentsSlowRe is commentsRe as it was, commentsStartRe's and
// commentsAnyRe's forms in one expression.
var commentsSlowRe = regexp.MustCompile(`(?i)^(?:` +
	`leave a (?:reply|comment)|post a comment|add (?:a )?comment|comments? \(\d+\)|\d+ comments?|no comments:?|all comments|show (?:new )?comments(?: \(\d+\))?|view comments|` +
	`your email address will not be published\.?(?: required fields are marked \*)?|required fields are marked \*|` +
	`reply(?:delete)?|delete|this comment has been removed by (?:a blog administrator|the author)\.?|` +
	`%d bloggers like this:?|\(visited \d[\d,]* times?, \d[\d,]* visits? today\)|[\d,.]+k? views|` +
	`post new thread(?:\s+reply)?|thread tools(?:\s+display modes)?|display modes|who is online|users browsing this (?:forum|thread): .*|` +
	`(?:posts|join date|joined|location|reputation|thanks|likes received): .{1,40}|senior member|junior member|moderator|administrator|` +
	`\S+(?: \S+)? is (?:offline|online)|\S+'s avatar|return to (?:board index|index|forum|top|[^.:]{1,40}: .{1,60})|` +
	`(?:[^.!?]{0,60}[;:,]\s*(?:was )?)?re: [^.!?]{1,80}` +
	`)$`)

// gluedAgencySlow is gluedAgency without its look at the last byte first.
func gluedAgencySlow(s string) int {
	for _, ag := range gluedAgencies {
		if len(s) > len(ag) && strings.HasSuffix(s, ag) {
			if r, _ := utf8.DecodeLastRuneInString(s[:len(s)-len(ag)]); unicode.IsLower(r) {
				return len(s) - len(ag)
			}
		}
	}
	return -1
}

// isCookieSlow is isCookie without its look at the word after "we" and "by".
func isCookieSlow(s, first string) bool {
	if len(s) >= 400 {
		return false
	}
	switch w := first; w {
	case "we", "by", "accept", "cookie", "manage":
	case "this":
		if w2 := wordAfter(s, w); w2 != "site" && w2 != "website" {
			return false
		}
	default:
		return false
	}
	return cookieRe.MatchString(s)
}

// isTeaserSlow is isTeaser without its look for a colon first.
func isTeaserSlow(s string) bool {
	if end := strings.TrimRight(s, " »›>"); len(s) < 400 && (strings.HasSuffix(end, "more") || strings.HasSuffix(end, "More") ||
		strings.HasSuffix(end, "MORE")) && teaserRe.MatchString(s) {
		return true
	}
	if len(s) >= 250 {
		return false
	}
	for _, p := range [...]string{"- ", "• ", "-", "MORE", "More", "READ", "Read", "RELATED", "Related", "You can"} {
		if strings.HasPrefix(s, p) {
			return moreCoverageRe.MatchString(s)
		}
	}
	return false
}

// isOutletNameSlow is isOutletName without its look at the last word first.
func isOutletNameSlow(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 4 || !outletWords[strings.ToLower(words[len(words)-1])] {
		return false
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// isForumStampSlow is isForumStamp without its quick test.
func isForumStampSlow(s string) bool {
	m := forumStampRe.FindStringSubmatch(s)
	return m != nil && stampDateRe.MatchString(m[1])
}

// lineFirstWordSlow is lineFirstWord trimming every word.
func lineFirstWordSlow(s string) string {
	s = strings.TrimLeft(s, "([«\"“'‘•*-–— ")
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		s = s[:i]
	}
	if len(s) > 24 {
		return ""
	}
	return strings.ToLower(strings.TrimRight(s, ":.,;!?»…)/|"))
}

// appealWordsSlow is appealWords as it was written first.
// captionShapedSlow is captionShaped without its quick tests.
func captionShapedSlow(s string) bool {
	if len(s) <= 40 && captionIDRe.MatchString(s) {
		return true
	}
	for _, p := range []string{"in this file photo", "in this photo", "in this image", "in this picture", "file photo:", "file - "} {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	if len(s) < 160 && containsFold(tail(s, 60), "under c") && licenceRe.MatchString(tail(s, 60)) {
		return true
	}
	return isDatedPhotoCaptionSlow(s)
}

// isDatedPhotoCaptionSlow tries photoVerbRe on every line of its shape.
func isDatedPhotoCaptionSlow(s string) bool {
	if len(s) > 400 || !strings.Contains(s, " 20") && !strings.Contains(s, " 19") || strings.Count(s, ". ") > 2 || !endsSentence(s) || !photoVerbRe.MatchString(s) {
		return false
	}
	return fullDateRe.MatchString(s)
}

// containsFoldSlow is containsFold as it was first written: a comparison
// at every byte.
func containsFoldSlow(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		j := 0
		for j < len(word) && lowerASCII(s[i+j]) == word[j] {
			j++
		}
		if j == len(word) {
			return true
		}
	}
	return false
}

// isDoubledLinkSlow is isDoubledLink folding white space before any
// other test.
func isDoubledLinkSlow(s string) bool {
	if hasSpaceRun(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	n := len(s)
	if n < 21 || n%2 == 0 {
		return false
	}
	half := n / 2
	return s[half] == ' ' && s[:half] == s[half+1:]
}

// englishSlow is english lowering every word with strings.ToLower.
func englishSlow(text string) bool {
	words, hits := 0, 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		words++
		if len(w) <= 4 && englishWords[strings.ToLower(w)] {
			hits++
		}
	}
	return words >= 40 && hits*5 >= words
}

// mayHoldDateSlow is mayHoldDate without its quick tests (a digit
// anywhere, a month's first three letters before the lookup).
func mayHoldDateSlow(s string) bool {
	digits, joined := 0, false
	wordStart := -1
	for i := 0; i <= len(s); i++ {
		var c byte
		if i < len(s) {
			c = s[i]
		}
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			if wordStart < 0 {
				wordStart = i
			}
			continue
		}
		if wordStart >= 0 {
			if w := s[wordStart:i]; months[strings.ToLower(w)] != 0 && strings.ContainsAny(s, "0123456789") {
				return true
			}
			wordStart = -1
		}
		if c >= '0' && c <= '9' {
			digits++
			if digits == 4 && (s[i-3] == '1' && s[i-2] == '9' || s[i-3] == '2' && s[i-2] == '0') && (i+1 == len(s) || s[i+1] < '0' || s[i+1] > '9') {
				return true
			}
			continue
		}
		if digits > 0 && (c == '.' || c == '/' || c == '-') && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
			joined = true
		}
		digits = 0
	}
	return joined
}

func TestMonthPrefix(t *testing.T) {
	for name := range months {
		for _, w := range []string{name, strings.ToUpper(name), strings.ToUpper(name[:1]) + name[1:]} {
			if !monthPrefix(w) {
				t.Errorf("monthPrefix(%q) = false", w)
			}
		}
	}
	for _, w := range []string{"the", "Mac", "jab", "octopus"[1:], "seat", "NOW"} {
		if monthPrefix(w) {
			t.Errorf("monthPrefix(%q) = true", w)
		}
	}
}

func appealWordsSlow(s string) bool {
	return strings.Contains(s, "our journalism") || strings.Contains(s, "ad-free") || strings.Contains(s, "reading experience") || strings.Contains(s, "Support us") ||
		strings.Contains(s, "support us") || strings.Contains(s, "your support") || strings.Contains(s, "Your support") ||
		strings.Contains(s, "need your help") || strings.Contains(s, "this commitment") || strings.Contains(s, "This commitment") ||
		strings.Contains(s, "all-access subscription") || strings.Contains(s, "public resource") || strings.Contains(s, "Support ") && strings.HasSuffix(s, "!")
}

var sepCases = []string{
	"MOSCOW, June 21 | 10:30 · Updated • 2021 » News « Home",
	"Posted 12 March 2021 / 10:30 - Reuters – AP — AFP",
	"He left. Then she came!  And  ?  More. lower. X",
	"a  /  b  -  c  \u2013  d  \u2014 e \t|\t f\n.\nG",
	"end. ", "end.", "end.  ", "x /y", "x/ y", " / ", " /", "/ ", "  ", "",
	"\xe2\x80 \xe2\x80\x93 \xc2\xb7\xc2 \xc2\xbb",
	"The end.\fX and the end.\vY",
}

func TestLineSepIndex(t *testing.T) {
	for _, s := range sepCases {
		checkLineSepIndex(t, s)
	}
}

func FuzzLineSepIndex(f *testing.F) {
	for _, s := range sepCases {
		f.Add(s)
	}
	f.Fuzz(checkLineSepIndex)
}

func checkLineSepIndex(t *testing.T, s string) {
	if got, want := lineSepIndex(s), lineSeps.FindAllStringIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal[[]int]) {
		t.Errorf("lineSepIndex(%q) = %v, the expression gives %v", s, got, want)
	}
}

// TestLineSepIndexPieces tries strings made of the pieces the separators
// are made of, many at random.
func TestLineSepIndexPieces(t *testing.T) {
	pieces := []string{" ", "  ", "\t", "\n", "\f", "\r", "\v", "|", "·", "•", "»", "«", "/", "-", "–", "—", ".", "!", "?", "A", "Z", "a", "1", "\xe2", "\xc2", "\x80"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		checkLineSepIndex(t, b.String())
	}
}

func TestLowerASCIIInto(t *testing.T) {
	var buf [9]byte
	for _, w := range []string{"MAR", "March", "sEPTember", "abc", "XYZZYXYZZ", "jan"} {
		if got, want := string(lowerASCIIInto(&buf, w)), strings.ToLower(w); got != want {
			t.Errorf("lowerASCIIInto(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestPhotoVerbInitials(t *testing.T) {
	for _, v := range photoVerbStems {
		if !strings.Contains(photoVerbInitials, v[:1]) {
			t.Errorf("photoVerbInitials lacks %q, the first letter of %q", v[:1], v)
		}
	}
}

// TestMaxAgencyLen checks maxAgencyLen against the longest name
// agencyNames matches.
func TestMaxAgencyLen(t *testing.T) {
	re, err := syntax.Parse(agencyNames, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	var longest func(re *syntax.Regexp) int
	longest = func(re *syntax.Regexp) int {
		switch re.Op {
		case syntax.OpLiteral:
			return len(string(re.Rune))
		case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
			return utf8.UTFMax
		case syntax.OpConcat:
			n := 0
			for _, sub := range re.Sub {
				n += longest(sub)
			}
			return n
		case syntax.OpAlternate, syntax.OpCapture, syntax.OpQuest:
			n := 0
			for _, sub := range re.Sub {
				n = max(n, longest(sub))
			}
			return n
		case syntax.OpEmptyMatch:
			return 0
		}
		t.Fatalf("agencyNames holds %v: no longest match", re)
		return 0
	}
	if n := longest(re); n != maxAgencyLen {
		t.Errorf("the longest agency name is %d bytes, maxAgencyLen is %d", n, maxAgencyLen)
	}
}

// TestLowerAgencies checks lowerAgencies against the names agencyNames
// matches that open with a lower-case letter.
func TestLowerAgencies(t *testing.T) {
	re, err := syntax.Parse(agencyNames, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	if re.Op != syntax.OpAlternate {
		t.Fatalf("agencyNames is %v, not an alternation", re.Op)
	}
	for _, alt := range re.Sub {
		first := alt
		for first.Op == syntax.OpConcat || first.Op == syntax.OpCapture {
			first = first.Sub[0]
		}
		if first.Op != syntax.OpLiteral && first.Op != syntax.OpCharClass {
			t.Fatalf("agencyNames: cannot tell how %v opens", alt)
		}
		r := first.Rune[0]
		if !unicode.IsLower(r) {
			continue
		}
		found := false
		for _, ag := range lowerAgencies {
			if strings.HasPrefix(ag, string(first.Rune)) || strings.HasPrefix(string(first.Rune), ag) {
				found = true
			}
		}
		if !found {
			t.Errorf("agencyNames: %v opens in lower case and is not in lowerAgencies", alt)
		}
	}
}

// TestHasDigitEveryByte puts every byte at every place of an eight-byte
// block and after it, among bytes next to the digits.
func TestHasDigitEveryByte(t *testing.T) {
	for c := range 256 {
		for at := range 9 {
			b := []byte("/:/:/:/:/")
			b[at] = byte(c)
			if got, want := hasDigit(string(b)), '0' <= c && c <= '9'; got != want {
				t.Errorf("hasDigit(%q) = %v, want %v", b, got, want)
			}
		}
	}
}
