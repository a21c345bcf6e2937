package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Picture captions and credits, as scraped pages leave them in the text:
// alone on a line, ending a caption, or glued to the word before them.
var (
	// captionLabelRe is a line that is only a picture credit: "Image:
	// REUTERS", "Foto: Mikhail Svetlov / Getty Images", "PHOTO: AP".
	captionLabelRe = regexp.MustCompile(`(?i)^(?:image|photo|photograph|picture|pic|foto|bild|bildrechte|credit|photo credit|image credit|image source|cover image source|file photo|video)\s*[:,]\s*.{1,100}$`)

	// captionIDRe is an image's file name or id: "ap_17253830109585",
	// "olaj 546761", "IMG_2041.jpg".
	captionIDRe = regexp.MustCompile(`(?i)^(?:\p{L}{1,12}[ _-]?\d{5,}|\S+\.(?:jpe?g|png|gif|webp))$`)

	// photoVerbRe is the verb of a news photo's caption, in the present
	// tense right after its subject: "Antonov speaks during a discussion
	// ... on November 18, 2019", "Putin attends a ceremony ...".
	photoVerbRe = regexp.MustCompile(`^(?:\S+\s+){1,12}?(?:speaks (?:during|at|to|with)|delivers (?:a|his|her) (?:speech|address|statement)|attends|waves|gestures|poses|smiles|looks on|reacts|listens|stands (?:in|at|on|next|beside)|shake hands|shakes hands|sit|sits|arrive|arrives (?:at|for|in)|walks (?:to|past|through|out|in|along)|prays|mourns|wipes|holds (?:a|up) (?:sign|banner|placard|flag|portrait)|carries|carry|pull|pulls)\b`)

	// fullDateRe is a full date in a caption: "November 18, 2019",
	// "Sunday, June 1, 2014", "18 November 2019".
	fullDateRe = regexp.MustCompile(`\b(?:` + monthRe + `)\s+\d{1,2},\s+(?:19|20)\d{2}\b|\b\d{1,2}\s+(?:` + monthRe + `)\s+(?:19|20)\d{2}\b`)

	// licenceRe is a picture's licence credit: "... is licensed under CC BY 2.0".
	licenceRe = regexp.MustCompile(`(?i)licensed under (?:cc|creative commons)\b[^.]{0,30}$`)

	// captionCreditRe is a photographer's credit that ends a caption: "(Ali
	// Ihsan Ozturk/AP)", "PHOTO: AP", "REUTERS/Kevin Lamarque", "Valery
	// Sharifulin / TASS / Getty Images file", "De Agostini via Getty Images".
	captionCreditRe = regexp.MustCompile(`(?:` +
		`\((?:Photo(?: by)?:? )?[^()]{1,60}/\s*(?:` + agencyNames + `|[A-Z][\w.&' -]{1,40})(?: Photo)?(?:/File)?\)|` +
		`\b(?i:photo|image|foto|picture|credit)\s*:\s*[^.]{1,60}|` +
		`\b(?:REUTERS|Reuters|AFP|AP)/[\p{Lu}][\p{L}.' -]{1,40}(?:/(?:Pool|File))?(?:\s+[A-Z]{2,4}/[A-Z]{2,4})?|` +
		`\b[\p{Lu}][\p{L}.'-]+(?: [\p{Lu}][\p{L}.'-]+){0,3} ?/ ?(?:` + agencyNames + `)(?: ?/ ?[\p{Lu}][\p{L} .-]{1,30}){0,3}(?: file)?|` +
		`\b[\p{Lu}][\p{L}.'-]+(?: [\p{Lu}][\p{L}.'-]+){0,3} via (?:` + agencyNames + `)` +
		`)\.?\s*$`)

	// captionDashRe is an agency after a dash ending a caption that is
	// not a sentence: "Police officer ... in Hatay - AFP".
	captionDashRe = regexp.MustCompile(`[^.!?”"]\s[-–—]\s*(?:` + agencyNames + `)$`)

	// gluedCaptionRe finds a picture credit glued to the word before it,
	// as page text often comes: "Anatoly AntonovImage: REUTERS".
	gluedCaptionRe = regexp.MustCompile(`(\p{Ll})((?:Image|Photo|Picture|Foto|Bild): )`)

	// creditTailRe is a glued picture credit up to the end of its names:
	// "Image: REUTERS", "Image: Alexander Zemlianichenko/AP/picture
	// alliance", "Photo: Getty Images/AFP/S. Loeb".
	creditTailRe = regexp.MustCompile(`^(?:Image|Photo|Picture|Foto|Bild): (?:[\p{L}.'-]+(?: [\p{L}.'-]+){0,3}/)*(?:picture[- ]alliance|` +
		agencyNames + `|\p{Lu}{2,}(?:[ -]\p{Lu}{2,})*|\p{Lu}[\p{L}.'-]*(?: \p{Lu}[\p{L}.'-]*){0,3})`)
)

// isCaption reports whether a line is a picture caption or credit: a bare
// credit ("Image: REUTERS"), a caption glued to its credit ("Anatoly
// AntonovImage: REUTERS"), or a caption of at most a few sentences ending
// in a photographer's or agency's credit ("... in Van, Turkey. (Ali Ihsan
// Ozturk/AP)").
func isCaption(p *probe) bool {
	s := p.s
	if len(s) > 600 {
		return false
	}
	if len(s) <= 120 && captionFirst[p.first] && captionLabelRe.MatchString(s) && !strings.Contains(s, ". ") || captionShaped(p) {
		return true
	}
	if hasGluedCaption(p) {
		if m := gluedCaptionRe.FindStringSubmatchIndex(s); m != nil && len(strings.Fields(s[:m[3]])) <= 25 && m[3]+creditLen(s[m[3]:]) == len(s) {
			return true // the caption and its credit make the whole line
		}
	}
	// The credit is at the end: look there only. A spaced dash is a space
	// then '-' or the first byte of a Unicode dash (0xe2): a line whose byte
	// pairs hold neither has none.
	end := tail(s, 120)
	if (p.may(" -") || p.may(" \xe2")) && spacedDash(end) && agencyAfterDash(end) && captionDashRe.MatchString(end) && !strings.Contains(s, ". ") && len(strings.Fields(s)) >= 10 && !titleCased(s) && !endsWithSaid(s) {
		return true
	}
	if mayEndInCredit(p, end) && captionCreditRe.MatchString(end) {
		// A credit at the end of a long paragraph of several sentences is
		// more likely a quote of an agency ("..., he told AFP") than a caption.
		return strings.Count(s, ". ") <= 5 && !endsWithSaid(s)
	}
	return false
}

// spacedDash reports whether s holds " - ", " – " or " — ", looking for
// the dash itself ('-', or the byte 0xE2 that starts the other two), which
// running text seldom holds, rather than for the space before it.
func spacedDash(s string) bool {
	return spacedAt(s, '-', "- ") || spacedAt(s, 0xe2, "– ") || spacedAt(s, 0xe2, "— ")
}

// spacedAt reports whether s holds dash, which starts with the byte c,
// after a space.
func spacedAt(s string, c byte, dash string) bool {
	for i := 1; i < len(s); i++ {
		j := strings.IndexByte(s[i:], c)
		if j < 0 {
			return false
		}
		i += j
		if s[i-1] == ' ' && strings.HasPrefix(s[i:], dash) {
			return true
		}
	}
	return false
}

// captionShaped reports whether a line is shaped only as captions are:
// an image's file name or id, "In this file photo ...", a licence credit.
func captionShaped(p *probe) bool {
	s := p.s
	if s == "" {
		return false
	}
	// captionIDRe ends in a digit or in jpg, jpeg, png, gif or webp.
	if last := s[len(s)-1]; len(s) <= 40 && ('0' <= last && last <= '9' || strings.IndexByte("gGfFpP", last) >= 0) && captionIDRe.MatchString(s) {
		return true
	}
	// The openings start with i or f, in either case (no other letter
	// folds to these).
	if c := s[0]; c == 'i' || c == 'I' || c == 'f' || c == 'F' {
		for _, p := range []string{"in this file photo", "in this photo", "in this image", "in this picture", "file photo:", "file - "} {
			if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
				return true
			}
		}
	}
	if len(s) < 160 && containsFold(tail(s, 60), "under c") && licenceRe.MatchString(tail(s, 60)) {
		return true
	}
	return isDatedPhotoCaption(p)
}

// isDatedPhotoCaption reports whether a line is a news photo's caption
// without its credit: one sentence, its verb in the present tense after
// the subject ("... speaks during a discussion"), and the day the picture
// was taken in full ("on November 18, 2019").
func isDatedPhotoCaption(p *probe) bool {
	s := p.s
	if len(s) > 400 || !p.has(" 20") && !p.has(" 19") || strings.Count(s, ". ") > 2 || !endsSentence(s) || !mayHavePhotoVerb(s) || !photoVerbRe.MatchString(s) {
		return false
	}
	return fullDateRe.MatchString(s)
}

// mayEndInCredit is a quick test that captionCreditRe may match end, the
// end of the line p: that one of its forms may end where end does, or
// before a last full stop (and white space).
func mayEndInCredit(p *probe, end string) bool {
	core := trimRESpace(end)
	return creditMayEnd(p, core) || strings.HasSuffix(core, ".") && creditMayEnd(p, core[:len(core)-1])
}

// creditMayEnd reports whether one of captionCreditRe's forms may end
// where text ends, by what each must hold there:
//   - "(Name/AP)": a closing bracket (and a slash before it);
//   - "REUTERS/Name", "Name / TASS / Getty Images file": after the last
//     slash a name or an agency (creditSegment);
//   - "Name via Getty Images": an agency after the last " via "
//     (creditSegment, and no longer than the longest);
//   - "Photo: AP": a colon after one of the words photo, image, foto,
//     picture or credit (in any case), with no full stop after it.
func creditMayEnd(p *probe, text string) bool {
	if strings.IndexByte(text, '/') >= 0 && (strings.HasSuffix(text, ")") || creditSegment(text[strings.LastIndexByte(text, '/')+1:])) {
		return true
	}
	if p.may(" via ") {
		if i := strings.LastIndex(text, " via "); i >= 0 && len(text)-i-len(" via ") <= maxAgencyLen && creditSegment(text[i+len(" via "):]) {
			return true
		}
	}
	return creditColon(text)
}

// creditSegment reports whether s, what follows a credit's last slash,
// may be its last name or agency: perhaps a space, then a capital (or a
// letter beyond ASCII) or an agency written in lower case, and only what
// names are written with.
func creditSegment(s string) bool {
	s = strings.TrimPrefix(s, " ")
	if s == "" || !creditNames(s) {
		return false
	}
	if c := s[0]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
		return true
	}
	for _, ag := range lowerAgencies {
		if strings.HasPrefix(s, ag) {
			return true
		}
	}
	return false
}

// lowerAgencies are the names agencyNames matches that open in lower
// case (TestLowerAgencies).
var lowerAgencies = [...]string{"dpa", "imago", "picture", "agencies"}

// creditNames reports whether s holds only what names and agencies are
// written with: letters, spaces, full stops, hyphens, apostrophes.
func creditNames(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf || c == ' ' || c == '.' || c == '-' || c == '\'') {
			return false
		}
	}
	return true
}

// creditColon reports whether text holds, after its last full stop, a
// colon after one of the words photo, image, foto, picture or credit, in
// any case (none has a letter that folds beyond ASCII), perhaps with
// white space between.
func creditColon(text string) bool {
	if strings.IndexByte(text, ':') < 0 {
		return false
	}
	rest := text[strings.LastIndexByte(text, '.')+1:]
	for {
		c := strings.IndexByte(rest, ':')
		if c < 0 {
			return false
		}
		before := trimRESpace(rest[:c])
		for _, w := range [...]string{"photo", "image", "foto", "picture", "credit"} {
			if len(before) >= len(w) && strings.EqualFold(before[len(before)-len(w):], w) {
				return true
			}
		}
		rest = rest[c+1:]
	}
}

// trimRESpace returns s without the white space (\s) at its end.
func trimRESpace(s string) string {
	for len(s) > 0 && isRESpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

// maxAgencyLen is the length of the longest name agencyNames matches
// (TestMaxAgencyLen).
const maxAgencyLen = 20

// agencyAfterDash is a quick test that captionDashRe may match end: after
// its last dash that follows white space, only white space and at most
// one agency's name. (No agency's name holds white space and a dash.)
func agencyAfterDash(end string) bool {
	for i := len(end) - 1; i > 0; i-- {
		n := 0
		switch {
		case end[i] == '-':
			n = 1
		case strings.HasPrefix(end[i:], "–"), strings.HasPrefix(end[i:], "—"):
			n = len("–")
		}
		if n > 0 && isRESpace(end[i-1]) {
			return len(strings.TrimLeft(end[i+n:], " \t\n\f\r")) <= maxAgencyLen
		}
	}
	return false
}

// containsFold reports whether s holds word in any case. word is lower-case ASCII
// without the letters k and s, whose case folds reach beyond ASCII (the
// Kelvin sign, the long s): for the others, ASCII case is the only fold,
// so this finds all that an expression's (?i) would.
//
// It looks for the word's first letter, in either case, a fast scan each
// (strings.IndexByte), and compares the word only where it stands.
func containsFold(s, word string) bool {
	if word == "" {
		return true
	}
	first := word[0]
	if containsFoldFrom(s, word, first) {
		return true
	}
	return 'a' <= first && first <= 'z' && containsFoldFrom(s, word, first-'a'+'A')
}

// containsFoldFrom reports whether s holds word, in any ASCII case, where
// s holds the byte first.
func containsFoldFrom(s, word string, first byte) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		j := strings.IndexByte(s[i:len(s)-len(word)+1], first)
		if j < 0 {
			return false
		}
		i += j
		k := 1
		for k < len(word) && lowerASCII(s[i+k]) == word[k] {
			k++
		}
		if k == len(word) {
			return true
		}
	}
	return false
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// photoVerbStems are the beginnings of photoVerbRe's verbs.
var photoVerbStems = [...]string{"speaks", "delivers", "attends", "waves", "gestures", "poses", "smiles", "looks", "reacts",
	"listens", "stands", "shake", "sit", "arrive", "walks", "prays", "mourns", "wipes", "holds", "carr", "pull"}

// photoVerbInitials are the first letters of photoVerbStems.
const photoVerbInitials = "sdawgplrmhc"

// mayHavePhotoVerb is a quick test that photoVerbRe may match s: one of
// its second to thirteenth words (runs of other than \s) starts with the
// beginning of one of its verbs.
func mayHavePhotoVerb(s string) bool {
	word := 0
	for i := 0; i < len(s); {
		for i < len(s) && isRESpace(s[i]) {
			i++
		}
		if i == len(s) {
			break
		}
		if word++; word > 13 {
			break
		}
		if word > 1 && strings.IndexByte(photoVerbInitials, s[i]) >= 0 {
			for _, v := range photoVerbStems {
				if strings.HasPrefix(s[i:], v) {
					return true
				}
			}
		}
		for i < len(s) && !isRESpace(s[i]) {
			i++
		}
	}
	return false
}

// tail returns the last n bytes of s, or a little more, to start at a
// rune.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[i:]
}

// endsWithSaid reports whether a line ends like attributed speech ("...,
// he told AP", "... according to Reuters"): the agency is a source there,
// not a picture credit.
func endsWithSaid(s string) bool {
	low := strings.ToLower(s)
	for _, w := range []string{" told ", " said ", " according to ", " reported ", " quoted ", " cited ", " said in a statement to ", " reports "} {
		if i := strings.LastIndex(low, w); i >= 0 && len(low)-i < 60 {
			return true
		}
	}
	return false
}

// isPhotoCredit reports whether a line names a photographer and agency
// alone: "Ivan Sekretarev (Associated Press)", "Mikhail Klimentyev/AP".
func isPhotoCredit(s string) bool {
	if len(s) > 100 {
		return false
	}
	open := firstOf(s, '(', '/')
	if open <= 0 {
		return false
	}
	name := strings.TrimSpace(s[:open])
	rest := strings.Trim(strings.TrimSpace(s[open:]), "()/ ")
	return looksLikeName(name) && len(strings.Fields(name)) <= 4 && agencyLineRe.MatchString(rest)
}

// firstOf returns the index of the first a or b in s, or -1 (as
// strings.IndexAny(s, string(a)+string(b)) for two ASCII bytes), by two
// scans for a byte, which are faster than one for either.
func firstOf(s string, a, b byte) int {
	i := strings.IndexByte(s, a)
	if i < 0 {
		return strings.IndexByte(s, b)
	}
	if j := strings.IndexByte(s[:i], b); j >= 0 {
		return j
	}
	return i
}

// hasGluedCaption reports whether a picture credit is glued into the line.
func hasGluedCaption(p *probe) bool {
	return p.has(": ") && (p.has("Image: ") || p.has("Photo: ") || p.has("Picture: ") || p.has("Foto: ") || p.has("Bild: ")) &&
		gluedCaptionRe.MatchString(p.s)
}

// creditLen returns the length of the glued picture credit s starts with.
func creditLen(s string) int {
	if m := creditTailRe.FindStringIndex(s); m != nil {
		return m[1]
	}
	return len(s)
}

// captionStart returns where a caption glued to a credit begins in the
// text before the credit: after the last sentence end, if the caption is
// at most a dozen words; else the credit stands alone.
func captionStart(before string) int {
	start := 0
	for i := len(before) - 1; i > 0; i-- {
		c := before[i-1]
		if (c == '.' || c == '!' || c == '?') && (before[i] == ' ' || unicode.IsUpper(rune(before[i]))) {
			start = i
			break
		}
	}
	for start < len(before) && before[start] == ' ' {
		start++
	}
	if len(strings.Fields(before[start:])) > 12 {
		return len(before)
	}
	return start
}
