package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline"
)

// Debris that live pages and news wires leave in the text, in the shapes
// a read of real pages found becoming timeline entries: app appeals
// ("X is now on WhatsApp."), related-story teasers ("... Read more »"),
// live-blog furniture ("Stay here for live updates.", "- MORE: See more
// of our coverage here.", "- SENATE QUESTIONS: ..." labels), a byline
// stamp with the date, the ticker and the comment count run together,
// and picture captions with their credit at the end ("... PHOTO | NAME |
// AFP", "... 2019. EPA-EFE/FILE/STR", "Scene of the crashReuters", "In
// this Dec. 15, 2018, photo released by ...").

var (
	// appealAppRe is an outlet's appeal to follow it on an app: "Firstpost
	// is now on WhatsApp. For the latest analysis ...".
	appealAppRe = regexp.MustCompile(`^[\p{Lu}][\p{L}\d.&'’ -]{1,40} (?:is|are) (?:now )?(?:also )?(?:on|available on) (?:WhatsApp|Telegram|Google News|Instagram|Threads|Signal|Viber|YouTube)\b`)

	// teaserRe is a link to another story, its first words cut off:
	// "Kenya's aid is to be cut as part of an overall… Read more »".
	teaserRe = regexp.MustCompile(`(?:…|\.\.\.)\s*(?:Read|READ) (?:more|More|MORE)\s*[»›>]*$`)

	// moreCoverageRe is a live blog's link to more of its coverage: "- MORE:
	// See more of our coverage here.", "You can continue to follow our
	// live coverage on the crash here.".
	moreCoverageRe = regexp.MustCompile(`^(?:[-•]\s*)?(?:MORE|More|READ MORE|Read more|RELATED|Related)\s*:\s*(?:See|Read|Follow) (?:more|all|our)\b|` +
		`^You can (?:continue to )?(?:follow|read|find) (?:our|the|all our) (?:live )?(?:coverage|updates|blog)\b[^.!?]{0,100}\bhere\.?$`)

	// liveFurnitureRe is a sentence of a live blog's furniture inside a
	// paragraph: "Stay here for live updates.", "Here’s our preview.".
	liveFurnitureRe = regexp.MustCompile(`(?:^|[.!?”]\s+)((?:Stay (?:here|tuned|with us) for (?:live )?updates|Check back (?:here )?for (?:live )?updates|Follow (?:our|the) live (?:coverage|updates|blog)(?: here)?|Here[’']s our preview|Got a (?:sensitive )?news tip\? Start here)[.!]?)(?:\s+|$)`)

	// labelRe is a section label in capitals opening a bulleted
	// paragraph of a live blog: "- CERTIFICATION: The paper published ...".
	labelRe = regexp.MustCompile(`^[-•]\s*[\p{Lu}][\p{Lu}\d '’&,/-]{2,40}:\s+\p{Lu}`)

	// stampBylineRe is a byline with the date, time, the company's ticker
	// and the comment count run together: "May 15, 2019 10:15 AM ETThe
	// Example Company (EX)EXBy: Jane Doe, News Editor38 Comments".
	stampBylineRe = regexp.MustCompile(`^(?:` + monthRe + `)\s+\d{1,2},\s+(?:19|20)\d{2},?\s+\d{1,2}:\d{2}\s*[AaPp]\.?[Mm]\.?\s*[A-Z]{1,4}.{0,120}?By:?\s*\p{Lu}.{2,100}$`)

	// creditBarRe is a picture credit between bars ending a caption:
	// "... were identified. PHOTO | JANE DOE | AFP".
	creditBarRe = regexp.MustCompile(`\b(?:PHOTO|Photo|IMAGE|Image|FILE PHOTO|PICTURE|Picture)\s*\|\s*[^|]{2,40}\|\s*[^|]{2,40}$`)

	// agencyStampRe is an agency's picture stamp ending a caption:
	// "... near the town, Mar. 10, 2019. EPA-EFE/FILE/STR".
	agencyStampRe = regexp.MustCompile(`\.\s+(?:EPA-EFE|EPA|EFE|AFP|AP|REUTERS|XINHUA|ANADOLU|ANSA|DPA)(?:/[\p{Lu}][\p{Lu}\p{Ll} .'-]{1,30}){1,3}$`)

	// pressCaptionRe is a news photo's caption whose verb is a briefing:
	// "The minister addresses a news conference on the report in the
	// capital, April 4, 2019.".
	pressCaptionRe = regexp.MustCompile(`^(?:\S+\s+){1,12}?(?:addresses|briefs|speaks to|talks to) (?:a|the) (?:news|press|media)(?: conference| briefing)?\b`)

	// inThisPhotoRe opens an agency's caption: "In this Dec. 15, 2018,
	// photo released by ...", "In this undated handout photo ...".
	inThisPhotoRe = regexp.MustCompile(`(?i)^in this\b[^.]{0,40}?(?:\w+\.[^.]{0,30}?)?\b(?:file |handout |undated |aerial )*(?:photo|image|picture|photograph)\b`)

	// viaCreditRe is the credit ending an agency's caption: "Xinhua via AP
	// Xu Yu", "(AP Photo/Jane Doe)".
	viaCreditRe = regexp.MustCompile(`(?:^|\s)(?:[\p{Lu}][\p{L}]+ via AP(?: [\p{Lu}][\p{L}.'-]+){0,3}|\(AP Photo/[^()]{2,40}\))$`)

	// gluedCreditRe is a picture credit between two sentences, glued to
	// the next: "... crash. Photo: GettyThe black boxes ...".
	gluedCreditRe = regexp.MustCompile(`[.!?”]\s+((?:Photo|Image|Picture): (?:Getty Images|Getty|Reuters|REUTERS|AFP|AP|EPA|Shutterstock|Xinhua|Bloomberg))\p{Lu}\p{Ll}`)
)

// gluedAgencies are the credits a caption may come glued to: "Scene of
// the crashReuters".
var gluedAgencies = []string{"Reuters", "REUTERS", "AFP", "Getty Images", "Getty", "EPA", "AP Photo", "Xinhua", "Flash90", "Shutterstock", "Bloomberg"}

// gluedAgency returns where a credit glued to the last word of s starts
// ("Scene of the crashReuters"), or -1. Most lines end in a byte that
// ends no credit, a full stop: the last byte is compared first.
func gluedAgency(s string) int {
	for _, ag := range gluedAgencies {
		if len(s) > len(ag) && s[len(s)-1] == ag[len(ag)-1] && strings.HasSuffix(s, ag) {
			if r, _ := utf8.DecodeLastRuneInString(s[:len(s)-len(ag)]); unicode.IsLower(r) {
				return len(s) - len(ag)
			}
		}
	}
	return -1
}

// isAppAppeal reports whether a line is an outlet's appeal to follow it
// on an app.
func isAppAppeal(p *probe) bool {
	s := p.s
	if len(s) >= 400 {
		return false
	}
	head := s[:min(len(s), 80)] // the app is named in the first words
	if !p.may(" on ") || !strings.Contains(head, " on ") {
		return false
	}
	for _, app := range [...]string{"WhatsApp", "Telegram", "Google News", "Instagram", "Threads", "Signal", "Viber", "YouTube"} {
		if p.may(app) && strings.Contains(head, app) {
			return appealAppRe.MatchString(s)
		}
	}
	return false
}

// isTeaser reports whether a line is a link to more coverage: a
// related story's teaser or a live blog's "see more" line.
func isTeaser(s string) bool {
	if end := strings.TrimRight(s, " »›>"); len(s) < 400 && (strings.HasSuffix(end, "more") || strings.HasSuffix(end, "More") ||
		strings.HasSuffix(end, "MORE")) && teaserRe.MatchString(s) {
		return true
	}
	// Every form of moreCoverageRe holds a colon, or opens with "You
	// can ": most lines hold neither.
	if len(s) >= 250 || strings.IndexByte(s, ':') < 0 && !strings.HasPrefix(s, "You can ") {
		return false
	}
	for _, p := range [...]string{"- ", "• ", "-", "MORE", "More", "READ", "Read", "RELATED", "Related", "You can"} {
		if strings.HasPrefix(s, p) {
			return moreCoverageRe.MatchString(s)
		}
	}
	return false
}

// isStampByline reports whether a line is a byline run together with the
// date and the page's counters, under the probe p.
func isStampByline(p *probe) bool {
	s := p.s
	return len(s) < 300 && len(s) > 0 && strings.IndexByte("JFMASOND", s[0]) >= 0 && p.has("By") &&
		monthNum(p.first) > 0 && stampBylineRe.MatchString(s)
}

// isCreditCaption reports whether a line is a picture caption of the
// shapes agencies and papers print: a credit between bars or an agency's
// stamp at its end, a credit glued to its last word, a caption of a
// briefing with the full date, an "In this ... photo" caption of one
// sentence.
func isCreditCaption(p *probe) bool {
	s := p.s
	if len(s) > 600 {
		return false
	}
	end := tail(s, 90)
	switch {
	case strings.IndexByte(end, '|') >= 0 && creditBarRe.MatchString(end):
		return strings.Count(s, ". ") <= 4
	case strings.IndexByte(end, '/') >= 0 && agencyStampRe.MatchString(end):
		return strings.Count(s, ". ") <= 4 && !endsWithSaid(s)
	case len(s) <= 160 && gluedAgency(s) > 0 && !strings.Contains(s, ". "):
		return len(strings.Fields(s)) <= 20
	case len(s) <= 400 && (strings.Contains(tail(s, 8), "19") || strings.Contains(tail(s, 8), "20")) && endsSentence(s):
		// "... in the capital, April 4, 2019."
		if (p.has("conference") || p.has("briefing") || p.has(" media")) &&
			pressCaptionRe.MatchString(s) && strings.Count(s, ". ") <= 1 && fullDateRe.MatchString(s) {
			return true
		}
	}
	if inThisOpening(s) && inThisPhotoRe.MatchString(s) {
		return firstSentenceEnd(s) == len(s)
	}
	return false
}

// captionBefore reports whether line s is the caption that the next line
// repeats with its credit glued on: "Scene of the crash" above "Scene of
// the crashReuters".
func captionBefore(s, next string) bool {
	if len(next) <= len(s) || !strings.HasPrefix(next, s) {
		return false
	}
	return gluedAgency(next) == len(s)
}

// firstSentenceEnd returns where the first sentence of s ends (after its
// stop), or len(s): a stop before a space and a capital, not after a
// month's or a title's abbreviation ("Dec. 15", "Mr. Doe") or an initial.
func firstSentenceEnd(s string) int {
	for i := 0; i+2 < len(s); i++ {
		if s[i] != '.' && s[i] != '!' && s[i] != '?' || s[i+1] != ' ' {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[i+2:])
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			continue
		}
		if s[i] == '.' {
			w := s[strings.LastIndexByte(s[:i], ' ')+1 : i]
			if len(w) <= 1 || months[strings.ToLower(w)] != 0 || abbreviations[strings.ToLower(w)] || strings.Contains(w, ".") {
				continue
			}
		}
		return i + 1
	}
	return len(s)
}

// abbreviations end in a stop that ends no sentence.
var abbreviations = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "col": true,
	"lt": true, "sgt": true, "gov": true, "sen": true, "rep": true, "prof": true, "no": true, "vs": true, "inc": true, "co": true,
	"corp": true, "ltd": true, "jr": true, "sr": true}

// inlineDebris cuts the debris that stands inside a line of text: a live
// blog's label and furniture sentences, the caption sentence and credit
// of an agency's photo that the rest of the line explains.
func (d *doc) inlineDebris(i int) {
	l := &d.lines[i]
	cut := func(start, end int, rule string) {
		text := strings.TrimSpace(l.s[start:end])
		d.debris = append(d.debris, storyline.Debris{Rule: rule, Text: text, Offset: l.off + start})
		l.s = strings.TrimSpace(strings.TrimSpace(l.s[:start]) + " " + strings.TrimSpace(l.s[end:]))
	}
	if len(l.s) > 3 && (l.s[0] == '-' || strings.HasPrefix(l.s, "•")) {
		if m := labelRe.FindStringIndex(l.s); m != nil {
			cut(0, m[1]-utf8.RuneLen(lastRune(l.s[:m[1]])), RuleLabel)
		}
	}
	// A live blog's paragraph ends in its furniture: "... Stay here for
	// live updates.", "... Got a news tip? Start here."
	for end := strings.TrimRight(l.s, ".!"); strings.HasSuffix(end, "updates") || strings.HasSuffix(end, "here") ||
		strings.HasSuffix(end, "preview") || strings.HasSuffix(end, "coverage") || strings.HasSuffix(end, "blog"); end = strings.TrimRight(l.s, ".!") {
		m := liveFurnitureRe.FindStringSubmatchIndex(l.s)
		if m == nil {
			break
		}
		cut(m[2], m[3], RuleReadMore)
	}
	d.cutDayStamp(i)
	d.cutUpdatedStamp(i)
	if len(l.s) <= 1200 && inThisOpening(l.s) && inThisPhotoRe.MatchString(l.s) {
		if end := firstSentenceEnd(l.s); end < len(l.s) {
			cut(0, end, RuleCaption)
			if m := viaCreditRe.FindStringIndex(l.s); m != nil && m[0] > 0 {
				cut(m[0], len(l.s), RuleCaption)
			}
		}
	}
}

// cutGluedCredit cuts a picture credit glued between two sentences of
// line i ("... crash. Photo: GettyThe flight recorders ..."), before the
// line is judged: with the credit in it, the line would read as a caption
// ending in its credit. It reports whether it cut one.
func (d *doc) cutGluedCredit(i int) bool {
	l := &d.lines[i]
	if !strings.Contains(l.s, ": ") || !strings.Contains(l.s, "Photo: ") && !strings.Contains(l.s, "Image: ") && !strings.Contains(l.s, "Picture: ") {
		return false
	}
	m := gluedCreditRe.FindStringSubmatchIndex(l.s)
	if m == nil {
		return false
	}
	d.debris = append(d.debris, storyline.Debris{Rule: RuleCaption, Text: l.s[m[2]:m[3]], Offset: l.off + m[2]})
	l.s = l.s[:m[2]] + l.s[m[3]:]
	return true
}

// inThisOpening reports whether s opens as an agency's caption does: "In
// this ...".
func inThisOpening(s string) bool {
	return len(s) >= 8 && (s[0] == 'I' || s[0] == 'i') && strings.EqualFold(s[:8], "in this ")
}

// lastRune is the last rune of s.
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
