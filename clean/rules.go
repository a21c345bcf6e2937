package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	adLineRe = regexp.MustCompile(`(?i)^(?:\[ad_?\d*\]|-*\s*advertisement\s*-*|sponsored(?: content)?|\(?adv?\)?|ads by \w+)$`)
	// adInlineRe also needs the marker's exact shape to avoid eating text.
	adInlineRe = regexp.MustCompile(`\[ad_\d+\]`)

	shareRe = regexp.MustCompile(`(?i)^(?:share(?: this(?: article| story| post| page)?| on (?:facebook|twitter|x|whatsapp|telegram|linkedin|reddit|email)| via \w+)?[:!]?|tweet|email|print|` +
		`поделиться:?|teilen:?|partager:?|compartir:?|condividi:?|udostępnij:?|` +
		`(?:click here to |please )?(?:subscribe|sign up)(?: to| for)?(?: (?:our|the))?(?: [\p{L}'’]+){0,3} (?:newsletters?|channel|updates|alerts|briefing|digest|podcast)(?:\s*[.!:])?|` +
		`(?:follow|like|join) us on (?:facebook|twitter|x|instagram|telegram|google news|youtube|whatsapp)(?:[ ,]+(?:and|or|&)? ?(?:facebook|twitter|x|instagram|telegram|google news|youtube|whatsapp))*[.!]?)$`)

	readMoreRe = regexp.MustCompile(`(?i)^(?:read more|read more\.{3}|source link|continue reading|read the full (?:article|story)|` +
		`no more posts available\.?|no more pages to load\.?|load more|view comments|comments?)[.:…]?$`)
	// readMoreLinkRe is a line that points to another article.
	readMoreLinkRe = regexp.MustCompile(`^(?:(?:READ MORE|Read more|Read More|ALSO READ|Also read|Also Read|READ ALSO|Read also|RELATED|Related|SEE ALSO|See also)\s*[:|–—-]\s*\S|(?:SEE ALSO|See also|ALSO READ|Also read|Also Read|READ MORE|Read More)\s+\p{Lu}|(?:More|MORE): \p{Lu}[^.!?]{5,150}$)`)

	// readMoreTailRe is a link to the full article ending a line of text.
	readMoreTailRe = regexp.MustCompile(` (?:Read|READ) (?:the )?(?:[Ff]ull|FULL) (?:[Aa]rticle|ARTICLE|[Ss]tory|STORY) (?:at|on|AT|ON) \S+$`)

	creditRe = regexp.MustCompile(`^\(?(?:(?:Additional )?[Rr]eporting|Editing|Writing|Compiled|Edited|Translated|Translation) by [^.!?]{2,150}[.)]*$|` +
		`^(?:Some )?[Ii]nformation for this (?:report|article|story) (?:was )?(?:provided|contributed) by [^.!?]{2,150}\.?$|` +
		`^(?:By|BY) [^.!?]{2,100} (?:Associated Press|Reuters|AFP|Bloomberg|The Associated Press)$`)

	bylineRe = regexp.MustCompile(`^(?:[-–—]\s*)?(?:[Bb]y|BY|[Oo]leh|OLEH|[Pp]or|[Vv]on|[Pp]ar|Written by|Author:|Автор:)(?:\s*[-–—:]\s*|\s+)(.{0,80})$`)
)

// isAdMarker reports whether a line is an ad marker. Every form of adLineRe
// holds "ad", or "pon" of sponsored, in any case (see containsFold).
func isAdMarker(s string) bool {
	return len(s) < 40 && (containsFold(s, "ad") || containsFold(s, "pon")) && adLineRe.MatchString(s)
}

// isShare reports whether a line is a share, follow or subscribe line;
// first is its first word (lineFirstWord).
func isShare(s, first string) bool {
	return len(s) < 120 && shareFirst[first] && shareRe.MatchString(s)
}

func isReadMore(s string) bool { return len(s) < 60 && readMoreRe.MatchString(s) }

// isReadMoreLink reports whether a line points to another article. Every
// form of readMoreLinkRe opens with the first three letters of Read,
// Related, Also, See or More, capitalised or in capitals.
func isReadMoreLink(s string) bool {
	if len(s) >= 250 || len(s) < 3 {
		return false
	}
	switch s[:3] {
	case "Rea", "REA", "Rel", "REL", "Als", "ALS", "See", "SEE", "Mor", "MOR":
		return readMoreLinkRe.MatchString(s)
	}
	return false
}

// isCredit reports whether a line credits the reporting, editing or
// information. Every form of creditRe holds " by " or "nformation for
// this " or opens with "By " or "BY ".
func isCredit(s string) bool {
	return len(s) < 200 && (strings.Contains(s, " by ") || strings.Contains(s, "nformation for this ") ||
		strings.HasPrefix(s, "By ") || strings.HasPrefix(s, "BY ")) && creditRe.MatchString(s)
}

// isByline reports whether a line is a byline: "By" and at most a few
// capitalised words (a name, perhaps an outlet), or "oleh -" with none.
func isByline(s string) bool {
	m := bylineRe.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	return m[1] == "" || looksLikeName(bylineName(s))
}

// bylineName returns the name in a byline, without the outlet, date or
// role that may follow it.
func bylineName(s string) string {
	m := bylineRe.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	name := m[1]
	for _, sep := range []string{" | ", " - ", " – ", ", ", " / ", " on "} {
		if i := strings.Index(name, sep); i > 0 {
			name = name[:i]
		}
	}
	return strings.TrimSpace(strings.TrimRight(name, " .,-–"))
}

// looksLikeName reports whether s could be a person's name (or names):
// one to six words, the words that matter capitalised.
func looksLikeName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 8 {
		return false
	}
	caps := 0
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			caps++
		} else if !nameParticles[w] {
			return false
		}
	}
	return caps > 0
}

// nameParticles are the lower-case words a name may hold.
var nameParticles = map[string]bool{"and": true, "&": true, "de": true, "da": true, "di": true, "van": true,
	"von": true, "der": true, "al": true, "bin": true, "la": true, "le": true, "dan": true}

// isDateLine reports whether a whole line is a date line (see
// ReadDateLine): a date, perhaps with a label, a time, a byline.
func isDateLine(s string) bool {
	if len(s) > 200 {
		return false
	}
	if _, _, _, n := Dateline(s); n > 0 {
		return false // a dateline opens the story: the dateline rule takes it
	}
	ld, ok := ReadDateLine(s)
	return ok && ld.Whole
}
