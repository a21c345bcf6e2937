package source

import (
	"iter"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storyline/storyline"
)

func init() { Register(textReader{}) }

// textReader reads one article per plain-text file, as the seeds come: an
// optional first line " date YYYY-MM-DD [URL]", on which the text may
// already begin, else a title line, then the body.
type textReader struct{}

func (textReader) Name() string { return "text" }

// Sniff answers 1 to anything: plain text is the fallback format.
func (textReader) Sniff(head []byte, name string) int { return 1 }

// headerRe matches the header line: " date 2021-11-02 https://ria.ru/...".
// The crawler may know only the month: " date 2019-03 Wreckage lies ...".
var headerRe = regexp.MustCompile(`^[ \t]*date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)(?:[ \t]+(https?://\S+))?[ \t]*`)

// Header reads the crawler's header that may open a text in any format:
// " date YYYY-MM-DD" (or " date YYYY-MM", a month), perhaps followed by
// the page's URL, on the text's first line (on which the article may go
// on). It returns the date, the URL ("" when there is none) and the
// length of the header in text, or n == 0 when the text opens with no
// header or an impossible date.
func Header(text string) (d storyline.Date, url string, n int) {
	m := headerRe.FindStringSubmatchIndex(text)
	if m == nil || m[1] < len(text) && m[1] == m[3] && !unicode.IsSpace(rune(text[m[1]])) {
		// "date 2019-031": no date of the header's shapes.
		return storyline.Date{}, "", 0
	}
	d, err := storyline.ParseDate(text[m[2]:m[3]])
	if err != nil || d.IsZero() {
		return storyline.Date{}, "", 0
	}
	if m[4] >= 0 {
		url = text[m[4]:m[5]]
	}
	return d, url, m[1]
}

// takeHeader removes a crawler's header from the start of the document's
// text (see Header); its date and URL fill the document's where the format
// gave none.
func (d *Document) takeHeader() {
	date, url, n := Header(d.Text)
	if n == 0 || strings.TrimSpace(d.Text[n:]) == "" {
		return
	}
	d.Text = strings.TrimLeft(d.Text[n:], " \t\r\n")
	if d.Published.IsZero() {
		d.Published, d.PublishedFrom = date, storyline.DateFromHeader
	}
	if d.URL == "" {
		d.URL = url
	}
}

func (textReader) Read(in Input) iter.Seq2[*Document, error] {
	return func(yield func(*Document, error) bool) {
		text, repairs, err := Decode(in.Data)
		if err != nil {
			yield(nil, &ItemError{Origin: in.Origin, Reason: err.Error()})
			return
		}
		doc := ParseText(text)
		doc.Origin, doc.Format, doc.Raw = in.Origin, "text", in.Data
		doc.Repairs = append(repairs, doc.Repairs...)
		if strings.TrimSpace(doc.Text) == "" {
			yield(nil, &ItemError{Origin: in.Origin, Reason: "no article text after the header and title"})
			return
		}
		yield(doc, nil)
	}
}

// ParseText splits a plain-text article into its header fields, title and
// body text. Line endings are normalised to "\n".
func ParseText(text string) *Document {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	doc := &Document{}
	rest := text
	header := false
	if d, url, n := Header(rest); n > 0 {
		header = true
		doc.Published, doc.PublishedFrom, doc.URL = d, storyline.DateFromHeader, url
		rest = rest[n:]
		// The body may begin on the header line itself.
		line, _, _ := strings.Cut(rest, "\n")
		if strings.TrimSpace(line) != "" {
			doc.Text = strings.TrimSpace(rest)
			return doc
		}
	}
	rest = strings.TrimLeft(rest, " \t\n")
	first, body, _ := strings.Cut(rest, "\n")
	if isTitle(first, header) {
		doc.Title = collapseSpace(first)
		rest = body
	}
	doc.Text = strings.Trim(rest, "\n")
	return doc
}

// isTitle reports whether the first line of a text is its title. Without
// a header line the first line is the title unless it is plainly a
// paragraph; after one it must look like a headline.
func isTitle(line string, afterHeader bool) bool {
	line = strings.TrimSpace(line)
	n := utf8.RuneCountInString(line)
	if n == 0 || n > 250 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if !afterHeader {
		paragraph := last == '.' && strings.Contains(line, ". ") && n >= 120
		return !paragraph
	}
	first := firstRune(line)
	return n <= 200 && last != '.' && (unicode.IsUpper(first) || unicode.IsDigit(first) || strings.ContainsRune("\"“'‘«", first))
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
