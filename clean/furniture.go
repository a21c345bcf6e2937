package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The furniture of a web page that scrapers leave in the text: navigation,
// photo captions and credits, video players, comment and forum chrome,
// cookie notices and footers. Each pattern matches a whole line (trimmed),
// so a sentence of the story that merely mentions these words is safe.
var (
	// navigationRe is the navigation whose words vary; the fixed phrases
	// are navPhrases.
	navigationRe = regexp.MustCompile(`(?i)^(?:` +
		`(?:more|latest) (?:from|in) [\p{L}\d&' ]{2,30}(?: \| .*)?|more [\p{L} ]{1,30} (?:articles|stories|news)|` +
		`view as: .{0,40}|\d{1,3} photos|\d{1,3} ?/ ?(?:\d{1,3})?|\d{1,4}|` +
		`.{0,30}\bchoose your lang\w*|(?:[\p{L} ]{1,30}\s*[・|•·-]\s*)?\d{1,3} ?(?:[smhd]|mins?|minutes?|hrs?|hours?|days?) ago|\d{1,2}[mhd]|` +
		`create an account or (?:log|sign) in.{0,40}|thanks for (?:liking|reading) this story.{0,80}|` +
		`.{0,60}click (?:here )?to (?:see|view|open) the (?:gallery|slideshow)\.?` +
		`)$`)

	// breadcrumbRe is a trail of sections: "Home > World > Europe".
	breadcrumbRe = regexp.MustCompile(`^(?:[^>»]{1,40}\s+[>»]\s+){2,}[^>»]{1,40}$`)

	// commentsStartRe and commentsAnyRe are the furniture of comments
	// and forums: forms that open with their own words, and forms whose
	// words may follow others (commentsMatch tries them).
	commentsStartRe = regexp.MustCompile(`(?i)^(?:` +
		`leave a (?:reply|comment)|post a comment|add (?:a )?comment|comments? \(\d+\)|\d+ comments?|no comments:?|all comments|show (?:new )?comments(?: \(\d+\))?|view comments|` +
		`your email address will not be published\.?(?: required fields are marked \*)?|required fields are marked \*|` +
		`reply(?:delete)?|delete|this comment has been removed by (?:a blog administrator|the author)\.?|` +
		`%d bloggers like this:?|\(visited \d[\d,]* times?, \d[\d,]* visits? today\)|[\d,.]+k? views|` +
		`post new thread(?:\s+reply)?|thread tools(?:\s+display modes)?|display modes|who is online|users browsing this (?:forum|thread): .*|` +
		`(?:posts|join date|joined|location|reputation|thanks|likes received): .{1,40}|senior member|junior member|moderator|administrator|` +
		`return to (?:board index|index|forum|top|[^.:]{1,40}: .{1,60})` +
		`)$`)
	commentsAnyRe = regexp.MustCompile(`(?i)^(?:` +
		`\S+(?: \S+)? is (?:offline|online)|\S+'s avatar|` +
		`(?:[^.!?]{0,60}[;:,]\s*(?:was )?)?re: [^.!?]{1,80}` +
		`)$`)

	// forumStampRe is a forum post's header: "Postby Kent » Sun Apr 01,
	// 2018 3:48 pm", "Old 02-25-2023, 06:59 AM", "« on: May 02, 2017,
	// 08:58:18 AM »". Group 1 is the date.
	forumStampRe = regexp.MustCompile(`^(?:(?:Post)?by\s+[^»]{1,40}»\s*|Old\s+|«\s*on:\s*|#\d+\s+)(.{6,60}?)\s*»?$`)

	// stampDateRe is the date in a forum post's stamp, in any order of
	// day, month and year ("02-25-2023, 06:59 AM", "Sun Apr 01, 2018").
	stampDateRe = regexp.MustCompile(`(?i)\b(?:\d{1,2}[-./]\d{1,2}[-./](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4})\b`)

	// watchRe is a video or audio player's leftovers: "Watch video 01:16",
	// "Video Player 00:00", a bare duration.
	watchRe = regexp.MustCompile(`(?i)^(?:` +
		`watch(?: the)? video(?: \d{1,2}:\d{2}(?::\d{2})?(?: .{0,120})?)?|watch(?: now| live)?:? .{0,100}\d{1,2}:\d{2}|watch: [^.]{3,100}|` +
		`(?:video|audio) player(?:\s+\d{1,2}:\d{2})*|play(?: video| audio)?|now playing|video duration.{0,40}|` +
		`listen(?: to (?:this )?(?:article|story))?(?: \(\d+ mins?\))?|` +
		`\d{1,2}:\d{2}(?::\d{2})?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)*(?: mins?\.?)?` +
		`)$`)

	cookieRe = regexp.MustCompile(`(?i)^(?:` +
		`(?:we|this (?:site|website)) uses? cookies\b.{0,300}|by (?:continuing to (?:use|browse)|using) (?:this|our) (?:site|website)\b.{0,300}|` +
		`accept(?: all)? cookies|cookie (?:settings|preferences|policy|consent)|manage (?:cookies|consent|preferences)` +
		`)$`)

	// footerStartRe and footerAnyRe are a site's footer and notices about
	// the page itself: those that open the line, and those that may stand
	// after other words (footerMatch tries them).
	footerStartRe = regexp.MustCompile(`(?i)^(?:` +
		`(?:copyright\s*)?(?:©|\(c\))\s*.{0,120}|copyright\s+(?:\d{4}|by)\b.{0,120}|all rights reserved\.?|` +
		`(?:(?:cookie policy|privacy policy|privacy|terms(?: of (?:use|service))?|terms and conditions|brand safety|faq|help|contact(?: us)?|about us|advertise|sitemap|careers)[ |,·]*){2,}|` +
		`the information on this site is of a general nature only.{0,400}|` +
		`this (?:article|story|page) (?:has been|was) (?:automatically|machine)[ -]translated.{0,60}|read the original(?: article)?(?: here)?\.?|` +
		`this is a breaking news story(?: and)? (?:will|may) be updated.{0,20}|this (?:story|article) (?:is developing|will be updated).{0,40}|` +
		`\(the above story is .{10,400}\)|` +
		`see the rest of the story at .{2,60}|read (?:the )?full article (?:at|on) .{2,40}|for more stories on .{2,60} visit .{2,60}|` +
		`advertise (?:on|with) \S+ to reach .{0,80}|(?:download|get) (?:our|the) (?:free )?app\.?|` +
		`get the latest news and updates straight to your inbox\.?|` +
		`support us|support (?:the )?[\p{L}' ]{2,30}!|donate(?: now| today)?|enjoying ad-free content\??|turn up your support` +
		`)$`)
	footerAnyRe = regexp.MustCompile(`(?i)^(?:` +
		`.{0,80}when you (?:purchase|buy) (?:something )?through (?:the )?links on (?:our|this) site.{0,200}|` +
		`.{0,30}the views (?:appearing|expressed) in the above .{10,200}|` +
		`.{0,120}\b(?:our journalism|ad-free|this commitment costs us|(?:disabled|removed) all ads|your support (?:can|will) help|we need your help to keep|support this public resource|all-access subscriptions?)\b.{0,160}` +
		`)$`)

	// tagsRe is a line of hashtags or a "Tags:" list.
	tagsRe = regexp.MustCompile(`(?i)^(?:#[\p{L}\d_]+.*#[\p{L}\d_]+.*#[\p{L}\d_]+.*|(?:#[\p{L}\d_]+\s*){2}|tags?:\s*.{1,200}|keywords?:\s*.{1,200}|topics?:\s*.{1,200})$`)

	// agencies are news and photo agencies and picture desks: a line
	// made of them alone is a credit.
	agencyNames  = `(?:AP|A\.P\.|Associated Press|Reuters|REUTERS|AFP|Agence France-Presse|dpa|DPA|EPA|EPA-EFE|EFE|ANP|RTR|ANSA|TASS|ITAR-TASS|RIA Novosti|RIA|Sputnik|Interfax|Xinhua|IANS|PTI|ANI|UNI|Anadolu(?: Agency)?|Yonhap|Kyodo|Bloomberg|AAP|CNA|Bernama|Ukrinform|Getty Images|Getty|Shutterstock|Alamy|imago|picture[- ]alliance|Kremlin Pool|Pool|SIPA|ZUMA|NurPhoto|Xinhua News Agency|Agencies|agencies)`
	agencyLineRe = regexp.MustCompile(`(?i)^[(\[]?(?:(?:sources?|via)\s*:\s*)?` + agencyNames + `(?:\s*[/|,;&+]\s*` + agencyNames + `)*[)\]]?\s*\|?$|` +
		`^[a-z]{2,4}(?:/[a-z]{2,4})*/` + agencyNames + `$|^[-–—]\s*` + agencyNames + `$`)
)

// lineFirstWord returns the first word of a line in lower case, without the
// punctuation around it: the cheap test every rule makes before its
// pattern, since most lines are the story's and start otherwise.
func lineFirstWord(s string) string {
	// Most lines open with a letter or a digit, and most words end in
	// one: no trimming to do (the cut sets hold neither).
	if s != "" && !isASCIIAlnum(s[0]) {
		s = strings.TrimLeft(s, "([«\"“'‘•*-–— ")
	}
	n := 0
	for n < len(s) && s[n] != ' ' && s[n] != '\t' {
		if n++; n > 24 {
			return ""
		}
	}
	s = s[:n]
	if s != "" && !isASCIIAlnum(s[len(s)-1]) {
		s = strings.TrimRight(s, ":.,;!?»…)/|")
	}
	return strings.ToLower(s)
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// wordSet makes a set of first words.
func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// navPhrases are navigation lines, normalised by navKey.
var navPhrases = wordLines(`skip to content|skip to main content|skip to the content|skip to navigation|skip to search|skip to footer|
	jump to content|jump to main content|jump to navigation|back to top|back to main page|back to main|back to home|back to homepage|
	back to home page|back to news|back to all news|back to articles|back to index|go to home page|go to homepage|go to home|go to top|
	go to main page|go to the main page|return to top|return to homepage|return to home page|return to main page|back to top button|
	home|homepage|home page|menu|main menu|open menu|close menu|toggle navigation|navigation|search|close|logo|site logo|all news|
	latest news|more news|breaking news|news feed|live news feed|top stories|most read|most popular|most viewed|trending|trending now|
	editor s picks|editors picks|us news|world news|local news|business news|sport news|sports news|politics news|tech news|
	entertainment news|reports|related|related articles|related posts|related news|related stories|related content|related coverage|
	related topics|related links|you may also like|you might also like|may also like|might also like|more in this section|
	more from this section|more in this category|more on this story|more about this story|more stories|read next|up next|recommended|
	recommended for you|popular posts|popular posts from this blog|see also|full article|full story|full list|read full article|
	read the full article|read full story|read the full story|accessibility links|network links|send to|print|see gallery|
	see the gallery|photo gallery|start slideshow|go deeper|like this|published|updated|posted|last updated|modified|updated at|
	published at|published on|updated on|posted on|published updated|published updated at|самое интересное|новости партнеров|
	новости партнёров|все новости|главная|все темы|темы все темы|темывсе темы|читайте также`)

// wordLines makes a set of phrases separated by "|".
func wordLines(list string) map[string]bool {
	m := map[string]bool{}
	for _, p := range strings.Split(list, "|") {
		m[strings.Join(strings.Fields(p), " ")] = true
	}
	return m
}

// isNavPhrase reports whether a line of at most 60 bytes is one of
// navPhrases: navPhrases[navKey(s)], without allocating for an ASCII line.
func isNavPhrase(s string) bool {
	var buf [60]byte
	if key, ok := navKeyASCII(s, buf[:0]); ok {
		return navPhrases[string(key)]
	}
	return navPhrases[navKey(s)]
}

// navKeyASCII appends navKey(s) to buf when s is ASCII (ok), lowering
// letters and joining the runs of letters and digits with one space.
func navKeyASCII(s string, buf []byte) (key []byte, ok bool) {
	firstEnd := -1 // where the first word ends in buf
	for i := 0; i < len(s); {
		if s[i] >= utf8.RuneSelf {
			return nil, false
		}
		if !isASCIIAlnum(s[i]) {
			i++
			continue
		}
		if len(buf) > 0 {
			buf = append(buf, ' ')
		}
		for ; i < len(s) && isASCIIAlnum(s[i]); i++ {
			buf = append(buf, lowerASCII(s[i]))
		}
		if firstEnd < 0 {
			firstEnd = len(buf)
		}
	}
	if firstEnd >= 0 && firstEnd < len(buf) && '0' <= buf[0] && buf[0] <= '9' {
		buf = buf[firstEnd+1:] // a leading list number
	}
	return buf, true
}

// navKey normalises a line for navPhrases: lower case, words only, a
// leading list number dropped ("1. Skip to content").
func navKey(s string) string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(f) > 1 && startsWithDigit(f[0]) {
		f = f[1:]
	}
	return strings.Join(f, " ")
}

var (
	commentsFirst = wordSet(`leave post postby add comments comment no all show view your required reply replydelete delete this %d visited posts
		join joined location reputation thanks likes senior junior moderator administrator who users thread display return`)
	footerFirst = wordSet(`© (c) copyright all cookie privacy terms brand faq help contact about advertise sitemap careers read see for
		download get donate`)
	agencyFirst = wordSet(`ap a.p associated reuters afp agence dpa epa epa-efe efe anp rtr ansa tass itar-tass ria sputnik interfax xinhua ians pti
		ani uni anadolu yonhap kyodo bloomberg aap cna bernama ukrinform getty shutterstock alamy imago picture-alliance picture kremlin
		pool sipa zuma nurphoto agencies source sources via`)
	shareFirst   = wordSet(`share tweet email print поделиться teilen partager compartir condividi udostępnij click please subscribe sign follow like join`)
	captionFirst = wordSet(`image photo photograph picture pic foto bild bildrechte credit cover file video`)
)

// isNavigation reports whether a line, under the probe p, is navigation:
// a menu entry, a heading of related links, a breadcrumb, an empty date
// label.
func isNavigation(p *probe) bool {
	s, first := p.s, p.first
	if len(s) <= 60 && isNavPhrase(s) {
		return true
	}
	if isDoubledLink(p) {
		return true
	}
	if p.may(" >") && spacedAt(s, '>', "> ") || p.may(" \u00bb") && spacedAt(s, 0xc2, "» ") { // " > ", " » "
		return len(s) < 200 && breadcrumbRe.MatchString(s) && strings.Count(s, " ") < 12
	}
	if len(s) <= 12 && strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return true // a close button or a rule: "×", "***"
	}
	if startsWithDigit(s) {
		if !mayBeNumberedNavigation(s) {
			return false
		}
	} else if w := first; w != "more" && w != "latest" && w != "view" && w != "create" && w != "thanks" {
		// navigationTail's words hold the oo of choose and the ll of
		// gallery: the pairs rule out most lines before it looks.
		if !hasSuffixFold(s, "ago") && !p.mayFold('o', 'o') && !p.mayFold('l', 'l') || !navigationTail(tail(s, 40)) {
			return false
		}
	} else if !mayBeWordNavigation(s) {
		return false
	}
	return len(s) < 300 && navigationRe.MatchString(s)
}

// mayBeWordNavigation reports whether a line that opens with no digit may
// be one of navigationRe's forms, in any case (see hasPrefixFold,
// hasSuffixFold and containsFold): "more from", "more in", "latest from"
// or "latest in" opening it; "more" opening it and "articles", "stories"
// or "news" ending it; "view as:", "create an account or " or "thanks for "
// opening it; "ago" ending it; "choo" (of choose your language) or "clic"
// (of click to see the gallery) in it. Most lines that open with "More"
// are the story's ("More than 100 people ..."), and the expression would
// try each of its forms that may open with anything on them.
func mayBeWordNavigation(s string) bool {
	for _, p := range [...]string{"more from ", "more in ", "latest from ", "latest in ", "view as:", "create an account or ", "thanks for "} {
		if hasPrefixFold(s, p) {
			return true
		}
	}
	if hasPrefixFold(s, "more ") && (hasSuffixFold(s, "articles") || hasSuffixFold(s, "stories") || hasSuffixFold(s, "news")) {
		return true
	}
	return hasSuffixFold(s, "ago") || containsFold(s, "choo") || containsFold(s, "clic")
}

// mayBeNumberedNavigation reports whether a line that opens with a digit
// may be one of navigationRe's forms: a short one ("12", "3 photos",
// "1 / 12", "5m"), a time ago, a language menu ("choose your lang...") or
// a gallery's link ("... click to see the gallery"). Most such lines are
// the story's ("15 people were killed ..."), and the expression would try
// each of its forms that may open with anything on them.
func mayBeNumberedNavigation(s string) bool {
	// "choo" and "clic" have no letter whose case folds beyond ASCII
	// (containsFold).
	return len(s) <= 16 || navigationTail(tail(s, 40)) || containsFold(s, "choo") || containsFold(s, "clic")
}

// navigationTail reports whether the end of a line, in any case, ends in
// "ago" or holds "choose your" or "gallery": what strings.ToLower(end) would
// show (no other letter than ASCII lowers to these words' letters).
func navigationTail(end string) bool {
	n := len(end)
	return n >= 3 && lowerASCII(end[n-3]) == 'a' && lowerASCII(end[n-2]) == 'g' && lowerASCII(end[n-1]) == 'o' ||
		containsFold(end, "choose your") || containsFold(end, "gallery")
}

// isDoubledLink reports whether a line is a link's text twice over, as a
// list of related headlines comes out ("Man admits killing pensioner Man
// admits killing pensioner"). Runs of white space count as one space, as
// the cleaned text shows them: otherwise a line with two spaces in it would
// pass here and be removed by cleaning the cleaned text again. The probe
// spares the scan for runs of white space on a line that has none.
func isDoubledLink(p *probe) bool {
	s := p.s
	if len(s) < 21 {
		return false // folding white space only shortens a line
	}
	if p.maySpaceRun() && hasSpaceRun(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	n := len(s)
	if n < 21 || n%2 == 0 {
		return false
	}
	half := n / 2
	return s[half] == ' ' && s[:half] == s[half+1:]
}

// hasSpaceRun reports whether s holds two white-space bytes in a row or a
// white space other than a plain space.
func hasSpaceRun(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\t', '\n', '\v', '\f', '\r':
			return true
		case ' ':
			if i+1 < len(s) && s[i+1] == ' ' {
				return true
			}
		}
	}
	return false
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// isComments reports whether a line is the furniture of comments or a
// forum: reply buttons, counts of views and posts, member details.
func isComments(p *probe) bool {
	s := p.s
	if len(s) >= 200 {
		return false // as below, before looking at its words
	}
	if !commentsFirst[p.first] && !startsWithDigit(s) && !p.has(" is o") && !p.has("'s Avatar") &&
		!p.has("'s avatar") && !hasReColon(s) {
		return false
	}
	if len(s) > 120 {
		low := strings.ToLower(s[:20])
		if len(s) >= 200 || !strings.HasPrefix(low, "your email") && !strings.HasPrefix(low, "users browsing") {
			return false
		}
	}
	return commentsMatch(s)
}

// commentsMatch reports whether a line is comment or forum furniture:
// commentsStartRe, or commentsAnyRe where its words may be ("line" of
// online and offline, "avatar", "re: ", in any case: none holds a k or an
// s, see containsFold).
func commentsMatch(s string) bool {
	if mayOpenComments(s) && commentsStartRe.MatchString(s) {
		return true
	}
	return (containsFold(s, "line") || containsFold(s, "avatar") || containsFold(s, "re: ")) && commentsAnyRe.MatchString(s)
}

// mayOpenComments is a quick test that commentsStartRe may match s: that
// s opens with a digit, a comma or a full stop, or as one of
// commentsOpenings does in any case (see hasPrefixFold).
func mayOpenComments(s string) bool {
	if startsWithDigit(s) || s != "" && (s[0] == ',' || s[0] == '.') {
		return true
	}
	for _, o := range commentsOpenings {
		if hasPrefixFold(s, o) {
			return true
		}
	}
	return false
}

// commentsOpenings are the openings of commentsStartRe's forms that open
// with neither a digit, nor a comma nor a full stop.
var commentsOpenings = [...]string{"leave a ", "post", "add ", "comment", "no comment", "all comment", "show ", "view comment",
	"your email", "required ", "reply", "delete", "this comment ", "%d ", "(visited ", "thread tools", "display modes", "who is ",
	"users ", "join", "location: ", "reputation: ", "thanks: ", "likes received: ", "senior member", "junior member", "moderator",
	"administrator", "return to "}

// hasPrefixFold reports whether s may open with prefix (lower-case ASCII)
// in any case, as an expression's (?i) would find it: ASCII letters are
// compared without their case, and a byte beyond ASCII may be there (the
// Kelvin sign folds to k, the long s to s; both are longer than the
// letter, so a line shorter than prefix opens with neither).
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := range len(prefix) {
		if c := s[i]; c >= utf8.RuneSelf {
			return true
		} else if lowerASCII(c) != prefix[i] {
			return false
		}
	}
	return true
}

// hasSuffixFold reports whether s may end with suffix (lower-case ASCII)
// in any case, as hasPrefixFold finds an opening, compared from the end:
// the bytes after the last byte beyond ASCII stand where suffix's last
// letters would, and that byte may end a letter that folds to one of
// suffix's. The bytes before it are shifted by the longer letter: the
// last eight bytes of "articleſ" are "rticle" and the long s's two.
func hasSuffixFold(s, suffix string) bool {
	if len(s) < len(suffix) {
		return false
	}
	for i := 1; i <= len(suffix); i++ {
		if c := s[len(s)-i]; c >= utf8.RuneSelf {
			return true
		} else if lowerASCII(c) != suffix[len(suffix)-i] {
			return false
		}
	}
	return true
}

// hasReColon reports whether s holds "Re: " or "re: ", looking for the
// colon, which running text seldom holds.
func hasReColon(s string) bool {
	for i := 2; i+1 < len(s); i++ {
		j := strings.IndexByte(s[i:len(s)-1], ':')
		if j < 0 {
			return false
		}
		i += j
		if s[i+1] == ' ' && s[i-1] == 'e' && (s[i-2] == 'r' || s[i-2] == 'R') {
			return true
		}
	}
	return false
}

// isWatch reports whether a line is left by a video or audio player.
func isWatch(s string) bool {
	return len(s) < 160 && mayBeWatch(s) && watchRe.MatchString(s)
}

// mayBeWatch is a quick test that watchRe may match s: it opens with a
// digit and a digit or colon, or with the first three letters, in any
// case, of watch, video, audio, play, now or listen. No letter but these
// ASCII ones folds to them, but for the s of listen: the long s, whose
// first byte is beyond ASCII, may stand there.
func mayBeWatch(s string) bool {
	if len(s) < 3 {
		return false // every form is four bytes long at least
	}
	c, next := s[0], lowerASCII(s[1])
	if '0' <= c && c <= '9' {
		return '0' <= next && next <= '9' || next == ':'
	}
	switch third := lowerASCII(s[2]); lowerASCII(c) {
	case 'w', 'p':
		return next == 'a' && third == 't' || next == 'l' && third == 'a'
	case 'v':
		return next == 'i' && third == 'd'
	case 'a':
		return next == 'u' && third == 'd'
	case 'n':
		return next == 'o' && third == 'w'
	case 'l':
		return next == 'i' && (third == 's' || third >= utf8.RuneSelf)
	}
	return false
}

// isCookie reports whether a line is a cookie or consent notice.
func isCookie(s, first string) bool {
	if len(s) >= 400 {
		return false
	}
	switch w := first; w {
	case "we", "by":
		// "We use cookies ...", "By continuing to use ...", "By using
		// ...": the word opens the line, a space and a u or c after it.
		if len(s) < 4 || s[2] != ' ' || lowerASCII(s[3]) != 'u' && lowerASCII(s[3]) != 'c' {
			return false
		}
	case "accept", "cookie", "manage":
	case "this":
		if w2 := wordAfter(s, w); w2 != "site" && w2 != "website" {
			return false
		}
	default:
		return false
	}
	return cookieRe.MatchString(s)
}

// wordAfter returns the first word (lineFirstWord) of what follows the
// first word w of line s and the byte after it, or "" when nothing does:
// a line may be the word alone ("This").
func wordAfter(s, w string) string {
	if len(s) <= len(w) {
		return ""
	}
	return lineFirstWord(s[len(w)+1:])
}

// isFooter reports whether a line is a site's footer, a notice about
// the page, or an appeal for support.
func isFooter(p *probe) bool {
	s := p.s
	if len(s) >= 500 {
		return false
	}
	if appealWords(p) {
		return footerMatch(s)
	}
	if len(s) > 120 {
		// Only the long notices: look for their words before the pattern.
		if !p.has("through links on") && !p.has("general nature") && !p.has("above story") && !p.has("views appearing") &&
			!p.has("views expressed") {
			return false
		}
		return footerMatch(s)
	}
	w := p.first
	if w == "this" || w == "the" {
		if w2 := wordAfter(s, w); w2 != "article" && w2 != "story" && w2 != "page" && w2 != "is" && w2 != "above" && w2 != "views" {
			return false
		}
	} else if !footerFirst[w] && !strings.HasPrefix(s, "©") {
		return false
	}
	return footerMatch(s)
}

// footerMatch reports whether a line is a footer or a notice about the
// page: footerStartRe, or footerAnyRe where its words may be. Each form of
// footerAnyRe holds one of footerAnyWords (in any case), which a line of a
// story seldom holds; footerStartRe fails at a story's first words.
func footerMatch(s string) bool {
	if footerStartRe.MatchString(s) {
		return true
	}
	for _, w := range footerAnyWords {
		if containsFold(s, w) {
			return footerAnyRe.MatchString(s)
		}
	}
	return false
}

// footerAnyWords are pieces of footerAnyRe's forms, one at least in each,
// without the letters k and s (see containsFold).
var footerAnyWords = [...]string{"when you", "the vie", "our journali", "ad-free", "commitment", "all ad", "pport",
	"need your help", "public re", "all-acce"}

// isTags reports whether a line lists hashtags or tags.
func isTags(s, first string) bool {
	if len(s) >= 300 || s == "" {
		return false
	}
	if s[0] != '#' {
		switch first {
		case "tags", "tag", "keywords", "keyword", "topics", "topic":
		default:
			return false
		}
	}
	return tagsRe.MatchString(s)
}

// isAgency reports whether a line only names agencies or an outlet.
func isAgency(s, first string) bool {
	if len(s) >= 80 {
		return false
	}
	if w := first; !agencyFirst[w] && !strings.Contains(w, "/") {
		return isOutletName(s)
	}
	return agencyLineRe.MatchString(s) || sourceLineRe.MatchString(s)
}

// sourceLineRe is a short "Source: ..." credit line, without a sentence.
var sourceLineRe = regexp.MustCompile(`^(?:Source|SOURCE|Sources)\s?: [^.!?]{2,60}$`)

// outletWords end the names of news outlets.
var outletWords = map[string]bool{"post": true, "times": true, "news": true, "herald": true, "tribune": true, "journal": true,
	"telegraph": true, "gazette": true, "guardian": true, "express": true, "mail": true, "chronicle": true, "observer": true,
	"standard": true, "independent": true, "insider": true, "daily": true, "today": true, "online": true, "press": true,
	"wire": true, "review": true, "record": true, "bulletin": true, "courier": true, "examiner": true, "dispatch": true,
	"inquirer": true, "register": true, "sentinel": true, "enquirer": true, "monitor": true, "reporter": true, "weekly": true,
	"magazine": true, "radio": true, "tv": true, "network": true, "agency": true}

// isOutletName reports whether a line is only an outlet's name: two to
// four capitalised words, the last one of the words outlets are named
// with ("The Denver Post", "Belfast Telegraph", "Business Insider").
func isOutletName(s string) bool {
	// The last word first: it is one of outletWords on few lines, and
	// finding it costs no split.
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	last := s
	if i := strings.LastIndexFunc(s, unicode.IsSpace); i >= 0 {
		_, size := utf8.DecodeRuneInString(s[i:])
		last = s[i+size:]
	}
	if !outletWords[strings.ToLower(last)] {
		return false
	}
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

// isNameList reports whether a line is only a list of names, as tag
// lists at the end of a page are: "Biden, Putin, Russia, USA".
func isNameList(s string) bool {
	if strings.ContainsAny(s, ".!?:;\"“”") {
		return false
	}
	items := strings.Split(s, ",")
	if len(items) < 3 || len(items) > 12 {
		return false
	}
	for _, it := range items {
		if !looksLikeName(strings.TrimSpace(it)) || len(strings.Fields(it)) > 3 {
			return false
		}
	}
	return true
}

// isSiteName reports whether a line is the site's own name, as its
// domain spells it: "Hardwood Paroxysm" on hardwoodparoxysm.com, "DW
// News" on dw.com, "The Patriot Files Forums" on patriotfiles.com.
func isSiteName(s, dom string) bool {
	if dom == "" || len(strings.Fields(s)) > 6 {
		return false
	}
	label := domainLabel(dom)
	if len(label) < 2 {
		return false
	}
	n := lettersOnly(s)
	if n == label {
		return true
	}
	for _, suffix := range []string{"news", "online", "tv", "media", "com", "today", "daily", "forums", "forum"} {
		if n == label+suffix || n == "the"+label+suffix || n == "the"+label {
			return true
		}
	}
	return len(label) >= 6 && strings.Contains(n, label) && len(n) <= 2*len(label)+8
}

// domainLabel is the distinctive part of a domain: "hardwoodparoxysm" of
// hardwoodparoxysm.com, "dw" of dw.com, "koreaherald" of m.koreaherald.com.
func domainLabel(dom string) string {
	parts := strings.Split(dom, ".")
	best := ""
	for i, p := range parts {
		if i == len(parts)-1 || p == "www" || p == "m" || p == "amp" || p == "en" || p == "co" || p == "com" || p == "org" || p == "net" {
			continue
		}
		if len(p) > len(best) {
			best = p
		}
	}
	return lettersOnly(best)
}

func lettersOnly(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var (
	// watchBareRe is "Watch video 01:16" alone, the video's title on the
	// next line.
	watchBareRe = regexp.MustCompile(`(?i)^watch(?: the)? video(?: \d{1,2}:\d{2}(?::\d{2})?)?$`)
)

// appealWords reports whether a line speaks of the site's own
// journalism, ads or subscriptions, as its appeals for support do.
func appealWords(p *probe) bool {
	for _, a := range appealPhrases {
		if p.may(a.pair) && p.has(a.phrase) {
			return true
		}
	}
	return p.may("pp") && p.has("Support ") && strings.HasSuffix(p.s, "!")
}

// appealPhrases are the phrases of appeals for support, each with a pair
// of its bytes that is rare in running text, looked for first.
var appealPhrases = [...]struct{ pair, phrase string }{
	{"jo", "our journalism"}, {"-f", "ad-free"}, {"xp", "reading experience"}, {"pp", "Support us"}, {"pp", "support us"},
	{"pp", "your support"}, {"pp", "Your support"}, {"lp", "need your help"}, {"mm", "this commitment"},
	{"mm", "This commitment"}, {"-a", "all-access subscription"}, {"bl", "public resource"},
}

// endsSentence reports whether a line ends as a sentence does.
func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(s))
	return strings.ContainsRune(".!?”\"'»…", r)
}
