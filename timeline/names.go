package timeline

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"

	"github.com/storyline/storyline"
)

// Outlet names the outlet of a cited article: its source, else the host
// of its URL; "" when neither is known. Never the origin: that is a path
// on the machine that ingested the article, which tells a reader nothing.
func Outlet(c storyline.Citation) string {
	if s := strings.TrimSpace(c.Source); s != "" {
		return s
	}
	return Host(c.URL)
}

// Host returns the host of an http(s) URL without a leading "www.", or "".
func Host(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// CitationName is how a citation is named in text: "Outlet, “Title”"
// with what is known of the two; an untitled article by its first words
// in brackets ("Outlet, [China's aviation regulator has grounded nearly…]"),
// so that two untitled reports of one outlet read apart; "untitled
// article, outlet unknown" when nothing is known ("unnamed source" would
// read as an anonymous informant).
func CitationName(c storyline.Citation) string {
	outlet, title := Outlet(c), strings.TrimSpace(c.Title)
	if title == "" && strings.TrimSpace(c.Lead) != "" {
		title = "[" + strings.TrimSpace(c.Lead) + "]"
		if outlet != "" {
			return outlet + ", " + title
		}
		return title
	}
	switch {
	case outlet != "" && title != "":
		return fmt.Sprintf("%s, “%s”", outlet, title)
	case outlet != "":
		return outlet
	case title != "":
		return fmt.Sprintf("“%s”", title)
	}
	return "untitled article, outlet unknown"
}

// leadWords is how many words of an untitled article's text name it.
const leadWords = 8

// Lead returns the first words of an article's text, to name an untitled
// article by: the first eight words of its first paragraph, "…" when
// there are more.
func Lead(text string) string {
	first, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	words := strings.Fields(first)
	if len(words) <= leadWords {
		return strings.Join(words, " ")
	}
	return strings.Join(words[:leadWords], " ") + "…"
}

var monthShort = [...]string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// LongDate writes a date as a reader does: "17 March 2021", "March 2021",
// "2021"; "undated" when unknown.
func LongDate(d storyline.Date) string {
	switch d.Precision {
	case storyline.PrecisionDay:
		return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
	case storyline.PrecisionMonth:
		return fmt.Sprintf("%s %d", d.Month, d.Year)
	case storyline.PrecisionYear:
		return fmt.Sprint(d.Year)
	}
	return "undated"
}

// shortDate writes "17 Mar", "Mar" or "" (a year alone is the year part),
// and the year after it when withYear is set.
func shortDate(d storyline.Date, withYear bool) string {
	var s string
	switch d.Precision {
	case storyline.PrecisionDay:
		s = fmt.Sprintf("%d %s", d.Day, monthShort[d.Month])
	case storyline.PrecisionMonth:
		s = monthShort[d.Month]
	case storyline.PrecisionYear:
		return fmt.Sprint(d.Year)
	}
	if withYear {
		s += fmt.Sprintf(" %d", d.Year)
	}
	return s
}

// shortRange writes the days a mark covers as compactly as reads well:
// "17 Mar", "17–22 Mar", "30 Mar – 2 Apr", with the year when withYear is
// set (or when the two years differ).
func shortRange(a, b storyline.Date, withYear bool) string {
	if a == b || b.IsZero() {
		return shortDate(a, withYear)
	}
	if a.Year != b.Year {
		return shortDate(a, true) + " – " + shortDate(b, true)
	}
	if a.Precision == storyline.PrecisionDay && b.Precision == storyline.PrecisionDay && a.Month == b.Month {
		s := fmt.Sprintf("%d–%d %s", a.Day, b.Day, monthShort[a.Month])
		if withYear {
			s += fmt.Sprintf(" %d", a.Year)
		}
		return s
	}
	return shortDate(a, false) + " – " + shortDate(b, withYear)
}

// Clip shortens text to at most n characters at a word boundary, with an
// ellipsis; a single word longer than n is cut.
func Clip(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	r := []rune(text)
	if len(r) <= n {
		return text
	}
	cut := n - 1
	for i := cut; i > n/2; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimRightFunc(string(r[:cut]), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != ')' && r != '"' && r != '”'
	}) + "…"
}

// Headline is an entry's text as a label: without its closing full stop.
func Headline(text string) string {
	text = strings.TrimSpace(text)
	if strings.HasSuffix(text, ".") && !strings.HasSuffix(text, "..") {
		text = text[:len(text)-1]
	}
	return text
}
