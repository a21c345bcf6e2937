package source

import (
	"bytes"
	"fmt"
	"iter"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"github.com/storyline/storyline"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

func init() { Register(htmlReader{}) }

// htmlReader reads one article page per input: the main text as
// go-trafilatura finds it, with the title, byline, site name, URL, language
// and publication date the page's metadata gives.
type htmlReader struct{}

var _ Reader = htmlReader{}

func (htmlReader) Name() string { return "html" }

// Sniff claims input whose root element is <html> or that opens with an
// HTML doctype (20), and input that opens with a tag and is named .html or
// .htm, or holds <head> or <body> near its start (10).
func (htmlReader) Sniff(head []byte, name string) int {
	root, doctype, ok := markupRoot(head)
	if !ok {
		return 0
	}
	switch {
	case strings.EqualFold(doctype, "html"), strings.EqualFold(root, "html"):
		return 20
	case root == "":
		return 0
	case hasSuffixFold(name, ".html"), hasSuffixFold(name, ".htm"), hasSuffixFold(name, ".xhtml"):
		return 10
	}
	lower := bytes.ToLower(head)
	if bytes.Contains(lower, []byte("<head")) || bytes.Contains(lower, []byte("<body")) {
		return 10
	}
	return 0
}

func (htmlReader) Read(in Input) iter.Seq2[*Document, error] {
	return func(yield func(*Document, error) bool) {
		doc, err := ReadHTML(in.Data, "", "")
		if err != nil {
			yield(nil, &ItemError{Origin: in.Origin, Reason: err.Error()})
			return
		}
		doc.Origin, doc.Format = in.Origin, "html"
		yield(doc, nil)
	}
}

// maxPageElements bounds the work one page can cost: extraction takes
// time in proportion to the elements, and a news page has a few thousand.
const maxPageElements = 100_000

// countTags counts the start tags of an HTML text ('<' then a letter), up
// to one past limit.
func countTags(text string, limit int) int {
	n := 0
	for i := 0; n <= limit; {
		j := strings.IndexByte(text[i:], '<')
		if j < 0 || i+j+1 >= len(text) {
			break
		}
		i += j + 1
		if c := text[i] | 0x20; c >= 'a' && c <= 'z' {
			n++
		}
	}
	return n
}

// minPageWords is the fewest words of main text a page must have to be an
// article: fewer is a page of navigation, a login wall or an error page.
const minPageWords = 10

// ReadHTML reads one article page: page is its bytes, contentType the
// HTTP Content-Type it was served with ("" if unknown; its charset
// decides the encoding over the page's own declaration) and pageURL the
// address it was fetched from ("" if unknown; a canonical or og:url link
// in the page wins). It returns the document (Origin and Format not set)
// or, when the page holds no article or cannot be read, an error whose
// message a user can act on. Hostile or malformed markup never makes it
// panic, and its work is bounded by the page's size.
func ReadHTML(page []byte, contentType, pageURL string) (doc *Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("HTML page could not be read: the extractor failed (%v)", r)
		}
	}()
	text, repairs, err := decodeMarkup(page, contentType)
	if err != nil {
		return nil, err
	}
	if n := countTags(text, maxPageElements); n > maxPageElements {
		return nil, fmt.Errorf("HTML page too complex to read (over %d elements)", maxPageElements)
	}
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("malformed HTML: %w", err)
	}
	opts := trafilatura.Options{
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled, // run below, on metadata only
	}
	if u, err := url.Parse(pageURL); err == nil && u.IsAbs() {
		opts.OriginalURL = u
	}
	res, err := trafilatura.ExtractDocument(root, opts)
	if err != nil {
		return nil, fmt.Errorf("no article text found in the page: %w", err)
	}
	doc = &Document{
		Raw:     page,
		Title:   collapseSpace(res.Metadata.Title),
		Byline:  collapseSpace(res.Metadata.Author),
		URL:     res.Metadata.URL,
		Source:  collapseSpace(res.Metadata.Sitename),
		Text:    NodeText(res.ContentNode),
		Repairs: repairs,
	}
	if n := len(strings.Fields(doc.Text)); n < minPageWords {
		return nil, fmt.Errorf("no article text found in the page (%d words of text, fewer than %d)", n, minPageWords)
	}
	if doc.URL == "" {
		doc.URL = pageURL
	}
	if doc.Source == "" {
		doc.Source = res.Metadata.Hostname
	}
	if doc.Language = pageLanguage(root); doc.Language == "" {
		doc.Language = res.Metadata.Language
	}
	if d, ok := pageDate(root); ok {
		doc.Published, doc.PublishedFrom = d, storyline.DateFromMeta
	}
	return doc, nil
}

// pageDate finds the publication date in a page's metadata and markup
// (meta tags, JSON-LD, <time> elements) with go-htmldate in its fast mode.
// The page's URL is hidden from it: a date in the URL is the cleaner's to
// find and label.
func pageDate(root *html.Node) (storyline.Date, bool) {
	res, err := htmldate.FromDocument(root, htmldate.Options{
		UseOriginalDate:     true,
		SkipExtensiveSearch: true,
		URL:                 "about:blank",
	})
	if err != nil || res.DateTime.IsZero() {
		return storyline.Date{}, false
	}
	return storyline.DateOf(res.DateTime), true
}

// pageLanguage returns the language a page declares in <html lang> or a
// Content-Language meta tag, as a lowercase ISO 639-1 code, or "".
func pageLanguage(root *html.Node) string {
	var lang string
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if lang != "" || depth > 3 {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				lang = attr(n, "lang")
			case atom.Meta:
				if strings.EqualFold(attr(n, "http-equiv"), "content-language") {
					lang = attr(n, "content")
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	return normLanguage(lang)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// decodeMarkup returns an HTML or XML page as valid UTF-8. Valid UTF-8
// stays as it is (a byte order mark dropped); otherwise the charset that
// the Content-Type or the page itself declares is used, and failing a
// declaration Decode's guess.
func decodeMarkup(b []byte, contentType string) (string, []string, error) {
	if utf8.Valid(b) || hasUTF16BOM(b) {
		return Decode(b)
	}
	enc, name, certain := charset.DetermineEncoding(b[:min(len(b), 1024)], contentType)
	if !certain && name == "windows-1252" {
		// DetermineEncoding's default when nothing is declared, and
		// also what it makes of a declared Latin-1: let Decode guess.
		if label := xmlEncoding(b); label != "" {
			if e, n := charset.Lookup(label); e != nil {
				enc, name = e, n
			}
		}
	}
	if name == "windows-1252" || name == "utf-8" || enc == nil {
		return Decode(b)
	}
	s, err := enc.NewDecoder().Bytes(b)
	if err != nil || !utf8.Valid(s) {
		return Decode(b)
	}
	return string(s), []string{"decoded from " + name + " (declared)"}, nil
}

// xmlEncoding returns the encoding an XML declaration names, or "".
func xmlEncoding(b []byte) string {
	b = bytes.TrimLeft(b[:min(len(b), 512)], "\xEF\xBB\xBF \t\r\n")
	if !bytes.HasPrefix(b, []byte("<?xml")) {
		return ""
	}
	end := bytes.Index(b, []byte("?>"))
	if end < 0 {
		return ""
	}
	decl := b[:end]
	i := bytes.Index(decl, []byte("encoding"))
	if i < 0 {
		return ""
	}
	rest := bytes.TrimLeft(decl[i+len("encoding"):], " \t\r\n")
	if len(rest) == 0 || rest[0] != '=' {
		return ""
	}
	rest = bytes.TrimLeft(rest[1:], " \t\r\n")
	if len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' {
		return ""
	}
	q := rest[0]
	rest = rest[1:]
	if j := bytes.IndexByte(rest, q); j >= 0 {
		return string(rest[:j])
	}
	return ""
}

// markupRoot skips a byte order mark, white space, an XML declaration,
// processing instructions and comments at the start of a document and
// returns the name of the doctype, if one comes first, and of the first
// element (lowercased, prefix kept: "rdf:rdf"). ok is false when the input
// does not open with markup.
func markupRoot(head []byte) (root, doctype string, ok bool) {
	b := bytes.TrimLeft(head, "\xEF\xBB\xBF \t\r\n")
	if len(b) == 0 || b[0] != '<' {
		return "", "", false
	}
	for len(b) > 0 {
		b = bytes.TrimLeft(b, " \t\r\n")
		switch {
		case len(b) < 2 || b[0] != '<':
			return root, doctype, true
		case bytes.HasPrefix(b, []byte("<!--")):
			end := bytes.Index(b, []byte("-->"))
			if end < 0 {
				return root, doctype, true
			}
			b = b[end+3:]
		case b[1] == '?':
			end := bytes.Index(b, []byte("?>"))
			if end < 0 {
				return root, doctype, true
			}
			b = b[end+2:]
		case b[1] == '!':
			end := bytes.IndexByte(b, '>')
			if end < 0 {
				end = len(b)
			}
			f := strings.Fields(string(b[2:end]))
			if len(f) >= 2 && strings.EqualFold(f[0], "doctype") && doctype == "" {
				doctype = strings.ToLower(f[1])
			}
			b = b[min(end+1, len(b)):]
		default:
			n := 1
			for n < len(b) && b[n] != '>' && b[n] != '/' && b[n] != ' ' && b[n] != '\t' && b[n] != '\r' && b[n] != '\n' {
				n++
			}
			return strings.ToLower(string(b[1:n])), doctype, true
		}
	}
	return root, doctype, true
}

func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// NodeText renders an HTML tree as text: each block element (paragraph,
// heading, list item, quotation, table row, line break) ends a paragraph,
// paragraphs are separated by blank lines, white space inside one is
// collapsed, and scripts, styles, forms and embedded objects are left out.
func NodeText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var w textWriter
	w.walk(n)
	w.flush()
	return w.out.String()
}

// HTMLText renders an HTML fragment (a feed item's description, say) as
// text, as NodeText does. Text without markup comes back with its white
// space collapsed into paragraphs at blank lines.
func HTMLText(fragment string) string {
	if !strings.ContainsAny(fragment, "<&") {
		var paras []string
		for _, p := range strings.Split(strings.ReplaceAll(fragment, "\r\n", "\n"), "\n\n") {
			if p = collapseSpace(p); p != "" {
				paras = append(paras, p)
			}
		}
		return strings.Join(paras, "\n\n")
	}
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), body)
	if err != nil {
		return collapseSpace(fragment)
	}
	var w textWriter
	for _, n := range nodes {
		w.walk(n)
	}
	w.flush()
	return w.out.String()
}

type textWriter struct {
	out   strings.Builder
	para  strings.Builder
	space bool
}

// skipped are elements whose content is not article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Svg: true, atom.Math: true,
	atom.Form: true, atom.Button: true, atom.Select: true, atom.Textarea: true,
	atom.Title: true, atom.Canvas: true, atom.Audio: true, atom.Video: true,
}

// blocks are elements that begin and end a paragraph. Trafilatura's own
// names (lb, list, item, quote, head) count too.
var blocks = map[string]bool{
	"p": true, "div": true, "br": true, "hr": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "li": true, "ul": true, "ol": true, "dl": true,
	"dt": true, "dd": true, "blockquote": true, "pre": true, "table": true, "tr": true,
	"section": true, "article": true, "header": true, "footer": true, "aside": true,
	"figure": true, "figcaption": true, "main": true, "nav": true, "address": true,
	"lb": true, "list": true, "item": true, "quote": true, "head": true, "caption": true,
	"details": true, "summary": true, "center": true, "body": true, "html": true,
}

func (w *textWriter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		if skipped[n.DataAtom] || n.DataAtom == atom.Head && n.Parent != nil && n.Parent.DataAtom == atom.Html {
			return
		}
		if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
			w.space = true
		}
	case html.DocumentNode:
	default: // comments, doctypes
		return
	}
	block := n.Type == html.ElementNode && blocks[n.Data]
	if block {
		w.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	if block {
		w.flush()
	}
}

func (w *textWriter) text(s string) {
	if s == "" {
		return
	}
	if isSpace(firstRune(s)) {
		w.space = true
	}
	for i, f := range strings.FieldsFunc(s, isSpace) {
		if w.para.Len() > 0 && (i > 0 || w.space) {
			w.para.WriteByte(' ')
		}
		w.para.WriteString(f)
		w.space = false
	}
	if isSpace(lastRune(s)) {
		w.space = true
	}
}

func (w *textWriter) flush() {
	if w.para.Len() > 0 {
		if w.out.Len() > 0 {
			w.out.WriteString("\n\n")
		}
		w.out.WriteString(w.para.String())
		w.para.Reset()
	}
	w.space = false
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', 0x85, 0xA0, 0x2028, 0x2029, 0x200B, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
