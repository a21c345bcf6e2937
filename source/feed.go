package source

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"iter"
	"net/url"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"github.com/storyline/storyline"
)

func init() { Register(feedReader{}) }

// feedReader reads RSS (0.9x, 1.0/RDF, 2.0), Atom and JSON Feed with
// gofeed: one document per item, its text the item's content or
// description with the markup taken out.
type feedReader struct{}

var _ Reader = feedReader{}

func (feedReader) Name() string { return "feed" }

// Sniff claims XML whose root element is <rss>, <rdf:RDF> or <feed>, and
// JSON that names a jsonfeed.org version (20: above JSONL's 10).
func (feedReader) Sniff(head []byte, name string) int {
	if root, _, ok := markupRoot(head); ok {
		_, local, _ := strings.Cut(root, ":")
		if local == "" {
			local = root
		}
		switch local {
		case "rss", "rdf", "feed":
			return 20
		}
		return 0
	}
	t := bytes.TrimLeft(head, "\xEF\xBB\xBF \t\r\n")
	if len(t) > 0 && t[0] == '{' && bytes.Contains(head, []byte("jsonfeed.org/version")) {
		return 20
	}
	return 0
}

func (feedReader) Read(in Input) iter.Seq2[*Document, error] {
	return func(yield func(*Document, error) bool) {
		reject := func(reason string) { yield(nil, &ItemError{Origin: in.Origin, Reason: reason}) }
		text, repairs, err := decodeMarkup(in.Data, "")
		if err != nil {
			reject(err.Error())
			return
		}
		isJSON := strings.HasPrefix(strings.TrimLeft(text, "\uFEFF \t\r\n"), "{")
		if !isJSON && len(repairs) > 0 {
			// The text is UTF-8 now, whatever the declaration said.
			text = withUTF8Declaration(text)
		}
		items := feedItems(text, isJSON)
		feed, err := gofeed.NewParser().ParseString(text)
		var parsed []*gofeed.Item
		var errs []error
		switch {
		case err == nil && (isJSON || len(feed.Items) == len(items)):
			parsed = feed.Items
			errs = make([]error, len(parsed))
		case isJSON && len(items) > 0:
			// An item of the wrong shape (a number for a title) fails the
			// whole parse: read each item on its own, so the good ones
			// are kept.
			feed, parsed, errs = jsonFeedEach(text, items)
			if feed == nil {
				reject("malformed feed: " + errs[0].Error())
				return
			}
		case isJSON || len(items) == 0:
			if err == nil {
				err = fmt.Errorf("%d items found but gofeed read %d", len(items), len(feed.Items))
			}
			reject("malformed feed: " + err.Error())
			return
		case len(items)*(len(text)-(items[len(items)-1].end-items[0].start)) > maxRecoveryBytes:
			if err == nil {
				err = fmt.Errorf("%d items found but gofeed read %d", len(items), len(feed.Items))
			}
			reject("malformed feed (too large to read item by item): " + err.Error())
			return
		default:
			// A broken item spoils the whole parse, or makes the parser
			// lose items: read each item on its own inside the feed's
			// shell, so the good ones are kept.
			feed, parsed, errs = feedEach(text, items)
			if feed == nil {
				reject("malformed feed: " + errs[0].Error())
				return
			}
		}
		if len(parsed) == 0 {
			reject("no items in the feed")
			return
		}
		source := collapseSpace(HTMLText(feed.Title))
		if source == "" {
			source = host(feed.Link)
		}
		lang := normLanguage(feed.Language)
		for i, it := range parsed {
			n := i + 1
			label := fmt.Sprintf("item %d", n)
			var raw []byte
			if i < len(items) {
				raw = []byte(text[items[i].start:items[i].end])
			}
			if i < len(items) && items[i].cut {
				errs[i] = fmt.Errorf("truncated: the feed ends inside this item")
			}
			if errs[i] != nil {
				if !yield(nil, &ItemError{Origin: in.Origin, Item: label, Reason: errs[i].Error()}) {
					return
				}
				continue
			}
			doc, reason := feedDocument(it, raw)
			if reason != "" {
				if !yield(nil, &ItemError{Origin: in.Origin, Item: label, Reason: reason}) {
					return
				}
				continue
			}
			doc.Origin = fmt.Sprintf("%s:%d", in.Origin, n)
			doc.Item = label
			doc.Source = source
			doc.Language = lang
			doc.Repairs = append(doc.Repairs, repairs...)
			if !yield(doc, nil) {
				return
			}
		}
	}
}

// maxRecoveryBytes bounds the work of reading a broken feed item by item:
// each item is parsed inside the feed's shell, so the cost is the number
// of items times the size of the shell.
const maxRecoveryBytes = 64 << 20

// feedDocument turns a parsed item into a document, or says why it is not
// an article.
func feedDocument(it *gofeed.Item, raw []byte) (*Document, string) {
	if it == nil {
		return nil, "item could not be read"
	}
	doc := &Document{
		Format: "feed",
		Raw:    raw,
		Title:  collapseSpace(HTMLText(it.Title)),
		URL:    strings.TrimSpace(it.Link),
	}
	content, desc := HTMLText(it.Content), HTMLText(it.Description)
	doc.Text = content
	if len(desc) > len(content) {
		doc.Text = desc
	}
	if doc.Text == "" {
		return nil, "no article text (the item has no description or content)"
	}
	if doc.URL == "" && len(it.Links) > 0 {
		doc.URL = strings.TrimSpace(it.Links[0])
	}
	if doc.URL == "" && (strings.HasPrefix(it.GUID, "http://") || strings.HasPrefix(it.GUID, "https://")) {
		doc.URL = strings.TrimSpace(it.GUID)
	}
	var names []string
	for _, p := range it.Authors {
		if p == nil {
			continue
		}
		if n := collapseSpace(first(p.Name, p.Email)); n != "" {
			names = append(names, n)
		}
	}
	doc.Byline = strings.Join(names, ", ")
	switch {
	case it.PublishedParsed != nil:
		doc.Published = storyline.DateOf(*it.PublishedParsed)
	case it.UpdatedParsed != nil:
		doc.Published = storyline.DateOf(*it.UpdatedParsed)
	default:
		if d, ok := ParseTimestamp(first(it.Published, it.Updated)); ok {
			doc.Published = d
		}
	}
	if !doc.Published.IsZero() {
		doc.PublishedFrom = storyline.DateFromFeed
		if updatedOnly(raw) {
			// Only when the entry last changed (gofeed gives it as
			// published): cleaning makes it the latest day of an
			// estimate unless the page dates itself.
			doc.PublishedFrom = storyline.DateFromFeedUpdated
		}
	}
	return doc, ""
}

// updatedOnly reports whether raw is an Atom entry with an <updated>
// element and no <published> one (any namespace prefix).
func updatedOnly(raw []byte) bool {
	s := bytes.TrimSpace(raw)
	if len(s) == 0 || s[0] != '<' {
		return false
	}
	name := s[1:]
	if end := bytes.IndexAny(name, " \t\r\n/>"); end >= 0 {
		name = name[:end]
	}
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	return string(name) == "entry" && bytes.Contains(s, []byte("updated>")) && !bytes.Contains(s, []byte("published>"))
}

// span is a half-open byte range of a text; cut says the text ends
// inside it.
type span struct {
	start, end int
	cut        bool
}

// feedItems finds each item of a feed: for XML the byte range of each
// <item> or <entry> element (any namespace prefix), for JSON Feed each
// object of "items". Comments, CDATA sections and quoted attribute values
// are skipped over; an item left open ends where the next one begins, or
// at the end of the text.
func feedItems(text string, isJSON bool) []span {
	if isJSON {
		return jsonFeedItems(text)
	}
	var out []span
	open, depth := -1, 0
	i := 0
	skip := func(from int, end string) int {
		j := strings.Index(text[from:], end)
		if j < 0 {
			return len(text)
		}
		return from + j + len(end)
	}
	for i < len(text) {
		j := strings.IndexByte(text[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := text[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			i = skip(i+4, "-->")
			continue
		case strings.HasPrefix(rest, "<![CDATA["):
			i = skip(i+9, "]]>")
			continue
		case strings.HasPrefix(rest, "<?"):
			i = skip(i+2, "?>")
			continue
		case strings.HasPrefix(rest, "<!"):
			i = skip(i+2, ">")
			continue
		}
		end := tagEnd(text, i)
		closing := len(rest) > 1 && rest[1] == '/'
		nameStart := i + 1
		if closing {
			nameStart++
		}
		n := nameStart
		for n < end && !strings.ContainsRune(" \t\r\n/>", rune(text[n])) {
			n++
		}
		name := text[nameStart:n]
		if k := strings.LastIndexByte(name, ':'); k >= 0 {
			name = name[k+1:]
		}
		if name == "item" || name == "entry" {
			selfClosing := !closing && end >= 2 && text[end-2] == '/'
			switch {
			case closing && depth > 0:
				if depth--; depth == 0 {
					out = append(out, span{start: open, end: end})
					open = -1
				}
			case closing:
			case open >= 0 && depth > 0:
				// Items do not nest: the open one was never closed.
				out = append(out, span{start: open, end: i})
				open, depth = i, 1
				if selfClosing {
					out = append(out, span{start: i, end: end})
					open, depth = -1, 0
				}
			case selfClosing:
				out = append(out, span{start: i, end: end})
			default:
				open, depth = i, 1
			}
		}
		i = end
	}
	if open >= 0 {
		out = append(out, span{open, len(text), true})
	}
	return out
}

// tagEnd returns the index just past the '>' that ends the tag opening at
// i, skipping quoted attribute values, or len(text).
func tagEnd(text string, i int) int {
	var quote byte
	for k := i + 1; k < len(text); k++ {
		c := text[k]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return k + 1
		case c == '<':
			return k // a tag cut short
		}
	}
	return len(text)
}

// jsonFeedItems returns the byte range of each object in a JSON Feed's
// "items" array, or nil when the feed is not valid JSON. A RawMessage holds
// the value's bytes as they are, so each is found again in the text.
func jsonFeedItems(text string) []span {
	var f struct {
		Items []json.RawMessage `json:"items"`
	}
	if json.Unmarshal([]byte(text), &f) != nil {
		return nil
	}
	var out []span
	pos := 0
	for _, raw := range f.Items {
		k := strings.Index(text[pos:], string(raw))
		if k < 0 {
			return nil
		}
		out = append(out, span{start: pos + k, end: pos + k + len(raw)})
		pos += k + len(raw)
	}
	return out
}

// jsonFeedEach reads each item of a JSON Feed on its own, in a copy of
// the feed that holds that item alone, and the feed without items for its
// own fields. feed is nil when the feed's own fields cannot be read;
// errs[0] then says why.
func jsonFeedEach(text string, items []span) (feed *gofeed.Feed, parsed []*gofeed.Item, errs []error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal([]byte(text), &top); err != nil {
		return nil, nil, []error{err}
	}
	read := func(items string) (*gofeed.Feed, error) {
		top["items"] = json.RawMessage(items)
		b, err := json.Marshal(top)
		if err != nil {
			return nil, err
		}
		f, err := gofeed.NewParser().ParseString(string(b))
		return f, jsonFieldError(err)
	}
	shell, err := read("[]")
	if err != nil {
		return nil, nil, []error{err}
	}
	parsed = make([]*gofeed.Item, len(items))
	errs = make([]error, len(items))
	for i, s := range items {
		parsed[i], errs[i] = oneItem(read("[" + text[s.start:s.end] + "]"))
	}
	return shell, parsed, errs
}

// oneItem returns the item of a feed read with one item in it, or why
// that item is malformed.
func oneItem(f *gofeed.Feed, err error) (*gofeed.Item, error) {
	switch {
	case err != nil:
		return nil, fmt.Errorf("malformed item: %w", err)
	case len(f.Items) != 1:
		return nil, fmt.Errorf("malformed item: read as %d items", len(f.Items))
	}
	return f.Items[0], nil
}

// jsonFieldError says which field of a JSON Feed has the wrong type, in
// the feed's own field names.
func jsonFieldError(err error) error {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return err
	}
	field := te.Field
	if i := strings.LastIndex(field, "alias."); i >= 0 {
		field = field[i+len("alias."):]
	}
	field = strings.TrimPrefix(field, "items.")
	want := "an object"
	switch te.Type.Kind() {
	case reflect.String:
		want = "a string"
	case reflect.Slice, reflect.Array:
		want = "a list"
	case reflect.Bool:
		want = "true or false"
	case reflect.Int, reflect.Int64, reflect.Float64:
		want = "a number"
	}
	if field == "" || field == "items" {
		return fmt.Errorf("a JSON %s where an object was expected", te.Value)
	}
	return fmt.Errorf("field %q is a JSON %s, not %s", field, te.Value, want)
}

// feedEach reads each item of an XML feed on its own, inside the feed's
// shell (everything before the first item and after the last), and the
// shell alone for the feed's own fields. feed is nil when the shell itself
// is malformed; errs[0] then says why.
func feedEach(text string, items []span) (feed *gofeed.Feed, parsed []*gofeed.Item, errs []error) {
	before, after := text[:items[0].start], text[items[len(items)-1].end:]
	if items[len(items)-1].end == len(text) {
		// The last item runs to the end: the feed was cut short.
		after = closingTags(before)
	}
	shell, err := gofeed.NewParser().ParseString(before + after)
	if err != nil {
		return nil, nil, []error{err}
	}
	parsed = make([]*gofeed.Item, len(items))
	errs = make([]error, len(items))
	for i, s := range items {
		f, err := gofeed.NewParser().ParseString(before + text[s.start:s.end] + after)
		// Line numbers as in the whole feed, not the shell.
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			line := se.Line + strings.Count(text[items[0].start:s.start], "\n")
			err = &xml.SyntaxError{Msg: se.Msg, Line: line}
		}
		parsed[i], errs[i] = oneItem(f, err)
	}
	return shell, parsed, errs
}

// closingTags returns the end tags that close the elements still open at
// the end of an XML prefix, innermost first.
func closingTags(prefix string) string {
	var stack []string
	for i := 0; i < len(prefix); {
		j := strings.IndexByte(prefix[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := prefix[i:]
		if strings.HasPrefix(rest, "<!") || strings.HasPrefix(rest, "<?") {
			end := strings.IndexByte(rest, '>')
			if strings.HasPrefix(rest, "<!--") {
				end = strings.Index(rest, "-->") + 2
			} else if strings.HasPrefix(rest, "<![CDATA[") {
				end = strings.Index(rest, "]]>") + 2
			}
			if end < 2 {
				break
			}
			i += end + 1
			continue
		}
		end := tagEnd(prefix, i)
		tag := prefix[i:end]
		name := strings.TrimLeft(tag, "</")
		if k := strings.IndexAny(name, " \t\r\n/>"); k >= 0 {
			name = name[:k]
		}
		switch {
		case strings.HasPrefix(tag, "</"):
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case strings.HasSuffix(tag, "/>"):
		case name != "":
			stack = append(stack, name)
		}
		i = end
	}
	var sb strings.Builder
	for k := len(stack) - 1; k >= 0; k-- {
		sb.WriteString("</" + stack[k] + ">")
	}
	return sb.String()
}

// withUTF8Declaration rewrites the encoding an XML declaration names to
// UTF-8, for text that has been decoded already.
func withUTF8Declaration(text string) string {
	label := xmlEncoding([]byte(text))
	if label == "" {
		return text
	}
	end := strings.Index(text, "?>")
	decl := strings.Replace(text[:end], label, "UTF-8", 1)
	return decl + text[end:]
}

// normLanguage turns a language tag ("en-US", "ru_RU", "EN") into a
// lowercase ISO 639-1 code, or "" when it is not one.
func normLanguage(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	tag, _, _ = strings.Cut(tag, "-")
	tag, _, _ = strings.Cut(tag, "_")
	if len(tag) != 2 || tag[0] < 'a' || tag[0] > 'z' || tag[1] < 'a' || tag[1] > 'z' {
		return ""
	}
	return tag
}

// host returns a URL's host without "www.", or "".
func host(u string) string {
	pu, err := url.Parse(strings.TrimSpace(u))
	if err != nil || !utf8.ValidString(pu.Hostname()) {
		return ""
	}
	return strings.TrimPrefix(pu.Hostname(), "www.")
}
