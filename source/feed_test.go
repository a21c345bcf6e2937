package source

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func TestFeedSniff(t *testing.T) {
	cases := []struct {
		name, head string
		want       int
	}{
		{"rss", `<?xml version="1.0" encoding="utf-8"?>` + "\n<rss version=\"2.0\">", 20},
		{"rss after stylesheet and comment", `<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?><!-- feed --><rss>`, 20},
		{"atom", `<feed xmlns="http://www.w3.org/2005/Atom">`, 20},
		{"prefixed atom", `<atom:feed xmlns:atom="http://www.w3.org/2005/Atom">`, 20},
		{"rdf", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`, 20},
		{"json feed", `{"version": "https://jsonfeed.org/version/1", "title": "x"}`, 20},
		{"json article", `{"title": "x", "text": "y"}`, 0},
		{"html", "<!DOCTYPE html><html>", 0},
		{"sitemap", `<?xml version="1.0"?><urlset>`, 0},
		{"text", "Feed the ambassador", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := (feedReader{}).Sniff([]byte(c.head), ""); got != c.want {
				t.Errorf("Sniff(%q) = %d, want %d", c.head, got, c.want)
			}
		})
	}
}

func TestFeedItems(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"rss", "<rss><channel><title>t</title><item><title>a</title></item> <item>b</item></channel></rss>",
			[]string{"<item><title>a</title></item>", "<item>b</item>"}},
		{"atom entries", `<feed><entry a="1">x</entry><entry/></feed>`, []string{`<entry a="1">x</entry>`, "<entry/>"}},
		{"rdf items list is not an item", `<rdf:RDF><channel><items><rdf:Seq/></items></channel><item rdf:about="u">x</item></rdf:RDF>`,
			[]string{`<item rdf:about="u">x</item>`}},
		{"prefixed", "<a:feed><a:entry>x</a:entry></a:feed>", []string{"<a:entry>x</a:entry>"}},
		{"CDATA and comments skipped", "<rss><item><d><![CDATA[</item><item>]]></d><!-- <item> --></item></rss>",
			[]string{"<item><d><![CDATA[</item><item>]]></d><!-- <item> --></item>"}},
		{"quoted >", `<rss><item t="a>b</item>">x</item></rss>`, []string{`<item t="a>b</item>">x</item>`}},
		{"unclosed item ends at the next", "<rss><item>a<item>b</item></rss>", []string{"<item>a", "<item>b</item>"}},
		{"cut short", "<rss><item>a</item><item>b", []string{"<item>a</item>", "<item>b"}},
		{"none", "<rss><channel/></rss>", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, s := range feedItems(c.text, false) {
				got = append(got, c.text[s.start:s.end])
			}
			if fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Errorf("feedItems = %q, want %q", got, c.want)
			}
		})
	}
}

func TestJSONFeedItems(t *testing.T) {
	text := `{"version":"https://jsonfeed.org/version/1.1","title":"[{\"a\":1}]","items":[ {"id":"1","x":[1,{"y":2}]} ,{"id":"2"}]}`
	var got []string
	for _, s := range jsonFeedItems(text) {
		got = append(got, text[s.start:s.end])
	}
	want := []string{`{"id":"1","x":[1,{"y":2}]}`, `{"id":"2"}`}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("jsonFeedItems = %q, want %q", got, want)
	}
	if s := jsonFeedItems(`{"items":[{"id":1}`); s != nil {
		t.Errorf("broken JSON gave items %v", s)
	}
}

func TestClosingTags(t *testing.T) {
	cases := []struct{ prefix, want string }{
		{`<?xml version="1.0"?><rss a="1"><channel><title>x</title><image/>`, "</channel></rss>"},
		{`<rdf:RDF><!-- <x> --><channel><![CDATA[<y>]]></channel>`, "</rdf:RDF>"},
		{"", ""},
	}
	for _, c := range cases {
		if got := closingTags(c.prefix); got != c.want {
			t.Errorf("closingTags(%q) = %q, want %q", c.prefix, got, c.want)
		}
	}
}

func TestFeedItemErrors(t *testing.T) {
	const head = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>`
	good := func(n int) string {
		return fmt.Sprintf("<item><title>Story %d</title><description>The ambassador spoke %d.</description></item>", n, n)
	}
	cases := []struct {
		name, feed string
		docs       []string // the titles read
		errs       []string // the item errors, "item N: reason start"
	}{
		{"all good", head + good(1) + good(2) + "</channel></rss>", []string{"Story 1", "Story 2"}, nil},
		{"broken tag in one item", head + good(1) + "<item><title>Bad</title><description>a <b c</description></item>" + good(3) + "</channel></rss>",
			[]string{"Story 1", "Story 3"}, []string{"item 2: malformed item"}},
		{"mismatched end tag loses nothing else", head + good(1) + "<item><title>Bad</titel><description>x</description></item>" + good(3) + "</channel></rss>",
			[]string{"Story 1", "Story 3"}, []string{"item 2: "}},
		{"cut short in the last item", head + good(1) + good(2) + "<item><title>Cut</title><description>The text st",
			[]string{"Story 1", "Story 2"}, []string{"item 3: truncated: the feed ends inside this item"}},
		{"no text", head + "<item><title>Only a title</title><link>https://a.example/x</link></item></channel></rss>",
			nil, []string{"item 1: no article text"}},
		{"broken shell", `<?xml version="1.0"?><rss><channel <title>x</title>` + good(1) + "</channel></rss>",
			nil, []string{"malformed feed"}},
		{"no items", head + "</channel></rss>", nil, []string{"no items in the feed"}},
		{"broken JSON feed", `{"version":"https://jsonfeed.org/version/1.1","items":[{"title":"a",}]}`, nil, []string{"malformed feed"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var docs, errs []string
			for d, err := range (feedReader{}).Read(Input{Origin: "f.xml", Data: []byte(c.feed)}) {
				if err != nil {
					errs = append(errs, strings.TrimPrefix(err.Error(), "f.xml: "))
					continue
				}
				docs = append(docs, d.Title)
			}
			if fmt.Sprint(docs) != fmt.Sprint(c.docs) {
				t.Errorf("documents = %q, want %q", docs, c.docs)
			}
			if len(errs) != len(c.errs) {
				t.Fatalf("errors = %q, want %q", errs, c.errs)
			}
			for i := range errs {
				if !strings.HasPrefix(errs[i], c.errs[i]) {
					t.Errorf("error %d = %q, want it to begin %q", i, errs[i], c.errs[i])
				}
			}
		})
	}
}

func TestFeedLegacyEncoding(t *testing.T) {
	feed, err := charmap.Windows1251.NewEncoder().String(`<?xml version="1.0" encoding="windows-1251"?>` +
		`<rss version="2.0"><channel><title>Вестник</title><language>ru</language>` +
		`<item><title>Посол вернулся</title><description>Анатолий Антонов вернулся в Вашингтон.</description>` +
		`<pubDate>Thu, 24 Jun 2021 12:00:00 +0300</pubDate></item></channel></rss>`)
	if err != nil {
		t.Fatal(err)
	}
	var docs []*Document
	for d, err := range Read(Input{Origin: "ru.xml", Data: []byte(feed)}) {
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	if len(docs) != 1 {
		t.Fatalf("%d documents, want 1", len(docs))
	}
	d := docs[0]
	got := []string{d.Title, d.Text, d.Source, d.Language, d.Published.String(), string(d.PublishedFrom), strings.Join(d.Repairs, ";")}
	want := []string{"Посол вернулся", "Анатолий Антонов вернулся в Вашингтон.", "Вестник", "ru", "2021-06-24", "feed", "decoded from windows-1251 (declared)"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func FuzzFeed(f *testing.F) {
	for _, name := range []string{"rss2.xml", "atom.xml", "rdf.xml", "jsonfeed.json", "broken_item.xml"} {
		b, err := os.ReadFile("testdata/feed/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`<rss><channel><item><title>a</title><description>b c</description></item><item><![CDATA[`))
	f.Add([]byte(`<feed><entry><content type="html">&lt;script&gt;x&lt;/script&gt;text</content><published>0000-00-00</published></entry></feed>`))
	f.Add([]byte(`{"version": "https://jsonfeed.org/version/1", "items": [{"content_text": "a"}, {"title": 5}, "x", {"authors": {}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(bytes.TrimSpace(data)) == 0 {
			return
		}
		checkReader(t, feedReader{}, data)
		// An item's raw bytes are the feed's own, unless it was decoded.
		for d, err := range (feedReader{}).Read(Input{Origin: "fuzz", Data: data}) {
			if err == nil && len(d.Repairs) == 0 && !bytes.Contains(data, d.Raw) {
				t.Fatalf("%s: raw bytes %q are not in the feed", d.Item, d.Raw)
			}
		}
	})
}

func BenchmarkFeed(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Bench Wire</title>`)
	for i := 0; i < 200; i++ {
		fmt.Fprintf(&sb, `<item><title>Story %d</title><link>https://wire.example/%d</link><pubDate>Mon, 21 Aug 2017 16:05:00 +0000</pubDate>`+
			`<description>&lt;p&gt;The ambassador said on day %d that relations had reached a low point, and that the embassy would keep working.&lt;/p&gt;</description></item>`, i, i, i)
	}
	sb.WriteString("</channel></rss>")
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range (feedReader{}).Read(Input{Origin: "bench", Data: data}) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 200 {
			b.Fatalf("%d items", n)
		}
	}
	b.ReportMetric(float64(b.N*200)/b.Elapsed().Seconds(), "items/s")
}

// TestJSONFeedBadItem: an item of the wrong shape is rejected alone; the
// rest of the feed is read.
func TestJSONFeedBadItem(t *testing.T) {
	feed := `{"version": "https://jsonfeed.org/version/1.1", "title": "Wire", "items": [
	  {"id": "1", "title": "Envoy recalled", "content_text": "Moscow recalled its ambassador from Washington."},
	  {"id": "2", "title": 5, "content_text": "A title that is a number."},
	  {"id": "3", "authors": "nobody", "content_text": "Authors that are a string."},
	  "not an item",
	  {"id": "5", "title": "Envoy returns", "content_text": "The ambassador returned to Washington in June.", "date_published": "2021-06-20T10:00:00Z"}
	]}`
	docs, errs := readAll(t, "wire.json", feed)
	var titles []string
	for _, d := range docs {
		titles = append(titles, d.Origin+" "+d.Title+" "+d.Source)
	}
	if want := []string{"wire.json:1 Envoy recalled Wire", "wire.json:5 Envoy returns Wire"}; !slices.Equal(titles, want) {
		t.Errorf("documents %q, want %q", titles, want)
	}
	want := []string{
		`wire.json: item 2: malformed item: field "title" is a JSON number, not a string`,
		`wire.json: item 3: malformed item: field "authors" is a JSON string, not a list`,
		`wire.json: item 4: malformed item: a JSON string where an object was expected`,
	}
	if !slices.Equal(errs, want) {
		t.Errorf("errors\n%q\nwant\n%q", errs, want)
	}
}

// TestAtomUpdatedOnly: <published> is an entry's publication date; an
// entry with only <updated> says so (DateFromFeedUpdated), for cleaning
// to treat as the latest day it can have been published.
func TestAtomUpdatedOnly(t *testing.T) {
	feed := `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
	<entry><title>Envoy recalled</title><published>2021-03-17T09:00:00Z</published><updated>2021-03-18T10:00:00Z</updated>
	  <content type="text">Moscow recalled its ambassador for consultations.</content></entry>
	<entry><title>Envoy at the ministry</title><updated>2021-03-22T15:30:00Z</updated>
	  <content type="text">The ambassador met officials at the ministry.</content></entry>
	</feed>`
	docs, errs := readAll(t, "wire.atom", feed)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var got []string
	for _, d := range docs {
		got = append(got, d.Title+" "+d.Published.String()+" "+string(d.PublishedFrom))
	}
	want := []string{"Envoy recalled 2021-03-17 feed", "Envoy at the ministry 2021-03-22 feed-updated"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestUpdatedOnly(t *testing.T) {
	cases := map[string]bool{
		`<entry><updated>2021-03-22</updated></entry>`:                                    true,
		` <atom:entry xml:lang="en"><atom:updated>2021-03-22</atom:updated></atom:entry>`: true,
		`<entry><published>2021-03-17</published><updated>2021-03-18</updated></entry>`:   false,
		`<item><updated>2021-03-22</updated></item>`:                                      false,
		`<entry/>`: false,
		`<>`:       false,
		``:         false,
	}
	for raw, want := range cases {
		if got := updatedOnly([]byte(raw)); got != want {
			t.Errorf("updatedOnly(%q) = %v, want %v", raw, got, want)
		}
	}
}
