package source

import (
	"bytes"
	"encoding/json"
	"fmt"
	"iter"
	"strings"
	"time"

	"github.com/storyline/storyline"
)

func init() { Register(jsonlReader{}) }

// jsonlReader reads JSON Lines, one article object per line, and also a
// JSON array of such objects. Field names vary between scrapers, so each
// field has its usual aliases.
type jsonlReader struct{}

func (jsonlReader) Name() string { return "jsonl" }

// Sniff claims input whose first non-blank byte opens a JSON object or an
// array of objects.
func (jsonlReader) Sniff(head []byte, name string) int {
	head = bytes.TrimLeft(head, " \t\r\n\xEF\xBB\xBF")
	switch {
	case len(head) == 0:
		return 0
	case head[0] == '{':
		return 10
	case head[0] == '[' && bytes.HasPrefix(bytes.TrimLeft(head[1:], " \t\r\n"), []byte("{")):
		return 10
	}
	return 0
}

// jsonArticle is an article object as scrapers write it.
type jsonArticle struct {
	URL       string          `json:"url"`
	Link      string          `json:"link"`
	Title     string          `json:"title"`
	Headline  string          `json:"headline"`
	Text      string          `json:"text"`
	Content   string          `json:"content"`
	Body      string          `json:"body"`
	MainText  string          `json:"maintext"`
	Published json.RawMessage `json:"published"`
	Date      json.RawMessage `json:"date"`
	PubAt     json.RawMessage `json:"published_at"`
	DatePub   json.RawMessage `json:"date_publish"`
	PubDate   json.RawMessage `json:"pubDate"`
	Source    string          `json:"source"`
	Outlet    string          `json:"outlet"`
	Domain    string          `json:"source_domain"`
	Byline    string          `json:"byline"`
	Author    json.RawMessage `json:"author"`
	Authors   json.RawMessage `json:"authors"`
	Language  string          `json:"language"`
	Lang      string          `json:"lang"`
}

func (jsonlReader) Read(in Input) iter.Seq2[*Document, error] {
	return func(yield func(*Document, error) bool) {
		text, repairs, err := Decode(in.Data)
		if err != nil {
			yield(nil, &ItemError{Origin: in.Origin, Reason: err.Error()})
			return
		}
		data := []byte(text)
		if t := bytes.TrimLeft(data, " \t\r\n"); len(t) > 0 && t[0] == '[' {
			var items []json.RawMessage
			if err := json.Unmarshal(t, &items); err != nil {
				yield(nil, &ItemError{Origin: in.Origin, Reason: "malformed JSON array: " + err.Error()})
				return
			}
			for i, raw := range items {
				doc, err := jsonDocument(in.Origin, fmt.Sprintf("item %d", i+1), fmt.Sprintf("%s:%d", in.Origin, i+1), raw, repairs)
				if !yield(doc, err) {
					return
				}
			}
			return
		}
		n := 0
		for line := range bytes.Lines(data) {
			n++
			line = bytes.TrimRight(line, "\r\n")
			if len(bytes.TrimSpace(line)) == 0 {
				continue
			}
			doc, err := jsonDocument(in.Origin, fmt.Sprintf("line %d", n), fmt.Sprintf("%s:%d", in.Origin, n), line, repairs)
			if !yield(doc, err) {
				return
			}
		}
	}
}

func jsonDocument(origin, item, itemOrigin string, raw []byte, repairs []string) (*Document, error) {
	var j jsonArticle
	if err := json.Unmarshal(raw, &j); err != nil {
		return nil, &ItemError{Origin: origin, Item: item, Reason: "malformed JSON: " + err.Error()}
	}
	doc := &Document{
		Origin:   itemOrigin,
		Item:     item,
		Format:   "jsonl",
		Raw:      bytes.Clone(raw),
		URL:      first(j.URL, j.Link),
		Title:    collapseSpace(first(j.Title, j.Headline)),
		Text:     strings.TrimSpace(first(j.Text, j.Content, j.Body, j.MainText)),
		Source:   first(j.Source, j.Outlet, j.Domain),
		Byline:   first(j.Byline, names(j.Author), names(j.Authors)),
		Language: first(j.Language, j.Lang),
		Repairs:  repairs,
	}
	if doc.Text == "" {
		return nil, &ItemError{Origin: origin, Item: item, Reason: "no article text (fields text, content, body or maintext)"}
	}
	for _, f := range []json.RawMessage{j.Published, j.Date, j.PubAt, j.DatePub, j.PubDate} {
		if d, ok := jsonDate(f); ok {
			doc.Published, doc.PublishedFrom = d, storyline.DateFromMeta
			break
		}
	}
	return doc, nil
}

// names reads an author field: a string, a list of strings, or objects
// with a name.
func names(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) != nil {
		var o struct{ Name string }
		json.Unmarshal(raw, &o)
		return o.Name
	}
	var out []string
	for _, r := range list {
		if n := names(r); n != "" {
			out = append(out, n)
		}
	}
	return strings.Join(out, ", ")
}

// dateLayouts are the timestamp forms scrapers write.
var dateLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04",
	"2006-01-02 15:04", time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", "January 2, 2006", "2 January 2006",
	"Jan 2, 2006", "02.01.2006", "2006/01/02",
}

// jsonDate reads a publication date: a string in a common layout (a day,
// or YYYY-MM / YYYY at their precision) or Unix seconds.
func jsonDate(raw json.RawMessage) (storyline.Date, bool) {
	if len(raw) == 0 || string(raw) == "null" {
		return storyline.Date{}, false
	}
	var secs float64
	if json.Unmarshal(raw, &secs) == nil && secs > 0 {
		return storyline.DateOf(time.Unix(int64(secs), 0).UTC()), true
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return storyline.Date{}, false
	}
	return ParseTimestamp(s)
}

// ParseTimestamp reads a date or timestamp in a common layout. A bare
// YYYY-MM or YYYY keeps its precision.
func ParseTimestamp(s string) (storyline.Date, bool) {
	s = strings.TrimSpace(s)
	if d, err := storyline.ParseDate(s); err == nil && !d.IsZero() {
		return d, true
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return storyline.DateOf(t), true
		}
	}
	return storyline.Date{}, false
}

func first(s ...string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
