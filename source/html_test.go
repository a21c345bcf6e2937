package source

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding/charmap"
)

func TestHTMLSniff(t *testing.T) {
	cases := []struct {
		name, head, file string
		want             int
	}{
		{"doctype", "<!DOCTYPE html>\n<html><head>", "", 20},
		{"doctype lower case after BOM", "\xEF\xBB\xBF  <!doctype html><title>x</title>", "", 20},
		{"html root after comment", "<!-- saved page --><html lang=en>", "", 20},
		{"xhtml", `<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html xmlns="http://www.w3.org/1999/xhtml">`, "", 20},
		{"fragment named .htm", "<div><p>Text</p></div>", "page.htm", 10},
		{"fragment with body", "<meta charset=utf-8><body><p>x", "", 10},
		{"bare fragment", "<p>Text</p>", "", 0},
		{"rss", `<?xml version="1.0"?><rss version="2.0"><channel>`, "feed.html", 10},
		{"plain text", "Moscow, 2 November. Text.", "x.html", 0},
		{"json", `{"text":"<html>"}`, "", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := (htmlReader{}).Sniff([]byte(c.head), c.file); got != c.want {
				t.Errorf("Sniff(%q, %q) = %d, want %d", c.head, c.file, got, c.want)
			}
		})
	}
}

func TestDetectFormats(t *testing.T) {
	cases := []struct {
		name, data, file, want string
	}{
		{"html page", "<!DOCTYPE html><html><body><p>x</p></body></html>", "", "html"},
		{"rss", `<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>`, "", "feed"},
		{"atom", `<feed xmlns="http://www.w3.org/2005/Atom"></feed>`, "", "feed"},
		{"rdf", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"></rdf:RDF>`, "", "feed"},
		{"json feed", `{"version": "https://jsonfeed.org/version/1.1", "items": []}`, "", "feed"},
		{"jsonl", `{"text": "a"}`, "", "jsonl"},
		{"warc", "WARC/1.1\r\nWARC-Type: warcinfo\r\n", "", "warc"},
		{"text", " date 2021-11-02\nTitle\nBody", "", "text"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Detect([]byte(c.data), c.file)
			if r == nil || r.Name() != c.want {
				t.Errorf("Detect(%q) = %v, want %s", c.data, r, c.want)
			}
		})
	}
}

func TestHTMLText(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"plain", "  one   two\n three ", "one two three"},
		{"plain paragraphs", "one\n\n two \r\n\r\nthree", "one\n\ntwo\n\nthree"},
		{"paragraphs", "<p>One.</p><p>Two <b>bold</b>.</p>", "One.\n\nTwo bold."},
		{"inline joins without space", "<p>Anto<i>nov</i> said</p>", "Antonov said"},
		{"space kept across inline", "<p>said <a href=x>on Monday</a> that</p>", "said on Monday that"},
		{"br breaks", "first line<br>second line<br/><br/>third", "first line\n\nsecond line\n\nthird"},
		{"entities", "<p>Q&amp;A &mdash; &#8220;yes&#8221;&nbsp;now</p>", "Q&A — “yes” now"},
		{"scripts and styles dropped", "<p>a</p><script>alert(1)</script><style>p{}</style><noscript>enable js</noscript><p>b</p>", "a\n\nb"},
		{"forms dropped", "<p>a<form><input value=x><button>Send</button></form></p>", "a"},
		{"lists", "<ul><li>one</li><li>two</li></ul>", "one\n\ntwo"},
		{"table cells spaced", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\n\nc"},
		{"unclosed tags", "<p>one<p>two<div>three", "one\n\ntwo\n\nthree"},
		{"comment", "<p>a<!-- hidden --> b</p>", "a b"},
		{"escaped markup stays text", "&lt;p&gt;not a tag&lt;/p&gt;", "<p>not a tag</p>"},
		{"empty", "<p> </p><div></div>", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := HTMLText(c.in); got != c.want {
				t.Errorf("HTMLText(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestPageLanguage(t *testing.T) {
	cases := []struct{ page, want string }{
		{`<html lang="en-GB"><body>x</body></html>`, "en"},
		{`<html lang="RU"><body>x</body></html>`, "ru"},
		{`<html><head><meta http-equiv="Content-Language" content="de_DE"></head></html>`, "de"},
		{`<html lang="x-klingon"><body>x</body></html>`, ""},
		{`<html><body>x</body></html>`, ""},
	}
	for _, c := range cases {
		root, err := html.Parse(strings.NewReader(c.page))
		if err != nil {
			t.Fatal(err)
		}
		if got := pageLanguage(root); got != c.want {
			t.Errorf("pageLanguage(%q) = %q, want %q", c.page, got, c.want)
		}
	}
}

func TestDecodeMarkup(t *testing.T) {
	ru, _ := charmap.Windows1251.NewEncoder().String("<p>Посол России</p>")
	koi, _ := charmap.KOI8R.NewEncoder().String("<p>Посол России</p>")
	latin, _ := charmap.ISO8859_1.NewEncoder().String("<p>Café Zürich, déjà vu, naïve</p>")
	cases := []struct {
		name, in, contentType, want, repair string
	}{
		{"utf-8", "<p>Посол</p>", "", "<p>Посол</p>", ""},
		{"declared in the HTTP header", koi, "text/html; charset=koi8-r", "<p>Посол России</p>", "decoded from koi8-r (declared)"},
		{"declared in a meta tag", `<meta charset="koi8-r">` + koi, "", `<meta charset="koi8-r"><p>Посол России</p>`, "decoded from koi8-r (declared)"},
		{"declared in the XML declaration", `<?xml version="1.0" encoding="windows-1251"?>` + ru, "", `<?xml version="1.0" encoding="windows-1251"?><p>Посол России</p>`, "decoded from windows-1251 (declared)"},
		{"undeclared Cyrillic is guessed", ru, "", "<p>Посол России</p>", "decoded from Windows-1251"},
		{"undeclared Latin-1 is guessed", latin, "", "<p>Café Zürich, déjà vu, naïve</p>", "decoded from Latin-1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, repairs, err := decodeMarkup([]byte(c.in), c.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("text = %q, want %q", got, c.want)
			}
			if c.repair == "" && len(repairs) > 0 || c.repair != "" && (len(repairs) != 1 || repairs[0] != c.repair) {
				t.Errorf("repairs = %q, want %q", repairs, c.repair)
			}
		})
	}
}

func TestReadHTMLRejects(t *testing.T) {
	cases := []struct {
		name, page, want string
	}{
		{"navigation only", "<html><body><nav><a href=/>Home</a> <a href=/b>World</a></nav></body></html>", "no article text found in the page"},
		{"nested too deeply", "<html><body>" + strings.Repeat("<div>", 1000) + "<p>" + strings.Repeat("word ", 50) + "</p></body></html>", "malformed HTML"},
		{"too many elements", "<html><body>" + strings.Repeat("<p>word", maxPageElements) + "</body></html>", "too complex"},
		{"undecodable", "<html><body>\x81\x8d\x8f\x90\x9d\x81\x8d\x8f\x90\x9d</body></html>", "undecodable encoding"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := ReadHTML([]byte(c.page), "", "")
			if doc != nil || err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("ReadHTML = %v, %v; want no document and an error with %q", doc, err, c.want)
			}
		})
	}
}

// TestReadHTMLHostile checks that nothing a hostile page carries in
// scripts, handlers, forms or embedded objects reaches the text.
func TestReadHTMLHostile(t *testing.T) {
	page, err := os.ReadFile("testdata/html/hostile.html")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ReadHTML(page, "", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"INJECTED", "alert", "onload", "steal", "IFRAME", "SVG TEXT", "FORM TEXT", "TEXTAREA", "BUTTON", "COMMENT", "javascript", "enable JavaScript", "cookie"} {
		if strings.Contains(doc.Text, bad) || strings.Contains(doc.Title, bad) {
			t.Errorf("text holds %q:\n%s", bad, doc.Text)
		}
	}
	for _, good := range []string{"summoned Anatoly Antonov", "ended without agreement.", "in kind", "campaign of pressure"} {
		if !strings.Contains(doc.Text, good) {
			t.Errorf("text lacks %q:\n%s", good, doc.Text)
		}
	}
	if doc.URL != "" {
		t.Errorf("URL = %q, want none (the page's base is javascript:)", doc.URL)
	}
}

func TestReadHTMLURL(t *testing.T) {
	body := "<body><p>" + strings.Repeat("The ambassador spoke to reporters. ", 20) + "</p></body>"
	cases := []struct {
		name, head, pageURL, want string
	}{
		{"canonical wins over the fetch address", `<link rel="canonical" href="https://a.example/story">`, "https://a.example/story?utm=x", "https://a.example/story"},
		{"og:url", `<meta property="og:url" content="https://b.example/s">`, "", "https://b.example/s"},
		{"relative canonical resolved", `<link rel="canonical" href="/story">`, "https://c.example/x", "https://c.example/story"},
		{"fetch address when the page has none", "", "https://d.example/p", "https://d.example/p"},
		{"none", "", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := ReadHTML([]byte("<html><head>"+c.head+"</head>"+body+"</html>"), "", c.pageURL)
			if err != nil {
				t.Fatal(err)
			}
			if doc.URL != c.want {
				t.Errorf("URL = %q, want %q", doc.URL, c.want)
			}
		})
	}
}

// itemLabel is what an item error or document may name its item.
var itemLabel = regexp.MustCompile(`^(item|record|line) [1-9][0-9]*$`)

// checkReader is the property every reader keeps on any input: it does
// not panic, every problem is an *ItemError naming the input and, if any,
// an item by number, items come in order, and documents hold valid UTF-8,
// some text and their raw bytes.
func checkReader(t *testing.T, r Reader, data []byte) {
	t.Helper()
	last := 0
	for d, err := range r.Read(Input{Origin: "fuzz", Data: data}) {
		var item string
		if err != nil {
			ie, ok := err.(*ItemError)
			if !ok {
				t.Fatalf("error %v is not an *ItemError", err)
			}
			if ie.Origin != "fuzz" || ie.Reason == "" || !utf8.ValidString(ie.Reason) {
				t.Fatalf("item error %#v does not name the input and a reason", ie)
			}
			item = ie.Item
		} else {
			if d == nil {
				t.Fatal("nil document without an error")
			}
			for _, s := range []string{d.Text, d.Title, d.URL, d.Source, d.Byline, d.Language, d.Origin} {
				if !utf8.ValidString(s) {
					t.Fatalf("invalid UTF-8 in %q", s)
				}
			}
			if strings.TrimSpace(d.Text) == "" {
				t.Fatal("document with no text")
			}
			if len(d.Raw) == 0 {
				t.Fatal("document without its raw bytes")
			}
			if d.Format != r.Name() {
				t.Fatalf("format %q from the %s reader", d.Format, r.Name())
			}
			if !strings.HasPrefix(d.Origin, "fuzz") {
				t.Fatalf("origin %q does not name the input", d.Origin)
			}
			if d.Published.IsZero() != (d.PublishedFrom == "") {
				t.Fatalf("published %v from %q", d.Published, d.PublishedFrom)
			}
			item = d.Item
		}
		if item == "" {
			continue
		}
		if !itemLabel.MatchString(item) {
			t.Fatalf("item %q is not a numbered item", item)
		}
		var n int
		fmt.Sscanf(item[strings.IndexByte(item, ' ')+1:], "%d", &n)
		if n <= last {
			t.Fatalf("item %d after item %d", n, last)
		}
		last = n
	}
}

func FuzzHTML(f *testing.F) {
	for _, name := range []string{"article.html", "hostile.html", "cp1251.html"} {
		b, err := os.ReadFile("testdata/html/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("<html><body><p>" + strings.Repeat("word ", 30) + "<table><td><svg><math><p>x"))
	f.Add([]byte(`<meta charset="utf-16"><p>` + strings.Repeat("a ", 20)))
	f.Add([]byte(`<html><head><script type="application/ld+json">{"datePublished":"2021-13-45","author":[[[{}]]]}</script></head><body><time datetime="9999-01-01">x</time>` + strings.Repeat("<p>word word word</p>", 5)))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(bytes.TrimSpace(data)) == 0 {
			return
		}
		checkReader(t, htmlReader{}, data)
	})
}

// benchPage writes a news page of realistic size and shape (about 9 KB:
// metadata, scripts, navigation, eight paragraphs, related links, footer).
func benchPage(i int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Envoy story %d | Bench Times</title>
<meta property="og:site_name" content="Bench Times"><meta property="article:published_time" content="2021-%02d-%02dT10:00:00Z">
<link rel="canonical" href="https://bench.example/world/%d"><script>window.dataLayer=[];function gtag(){dataLayer.push(arguments)}</script>
<style>body{font:16px serif}.nav a{margin:0 4px}</style></head><body><header><nav class="nav">`, i, i%12+1, i%28+1, i)
	for k := 0; k < 30; k++ {
		fmt.Fprintf(&b, `<a href="/section/%d">Section %d</a> `, k, k)
	}
	fmt.Fprintf(&b, `</nav></header><main><article><h1>Envoy story %d</h1><p class="byline">By Staff Writer</p>`, i)
	for p := 0; p < 8; p++ {
		fmt.Fprintf(&b, "<p>In paragraph %d of story %d, the ambassador told reporters in Washington that relations between the two countries had reached a difficult point, "+
			"that his embassy was working with far fewer diplomats than before, and that Moscow still hoped for <a href=\"/t\">talks on strategic stability</a> "+
			"and on the work of the embassies, which both governments have described as necessary despite the sanctions announced earlier in the week.</p>\n", p, i)
	}
	b.WriteString(`</article></main><aside><h3>Most read</h3><ul>`)
	for k := 0; k < 10; k++ {
		fmt.Fprintf(&b, `<li><a href="/most/%d">A much read story number %d</a></li>`, k, k)
	}
	b.WriteString(`</ul></aside><footer><p>Bench Times. All rights reserved.</p><script>track()</script></footer></body></html>`)
	return []byte(b.String())
}

func BenchmarkHTML(b *testing.B) {
	pages := make([][]byte, 64)
	size := 0
	for i := range pages {
		pages[i] = benchPage(i)
		size += len(pages[i])
	}
	b.SetBytes(int64(size / len(pages)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := ReadHTML(pages[i%len(pages)], "", ""); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// TestReadHTMLConcurrent reads pages from several goroutines at once, as
// the pipeline does; run with -race it checks that the extractors share
// no unguarded state.
func TestReadHTMLConcurrent(t *testing.T) {
	page, err := os.ReadFile("testdata/html/article.html")
	if err != nil {
		t.Fatal(err)
	}
	want, err := ReadHTML(page, "", "")
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			for range 5 {
				got, err := ReadHTML(page, "", "")
				if err == nil && (got.Text != want.Text || got.Published != want.Published) {
					err = fmt.Errorf("read %q, %v; want %q, %v", got.Text, got.Published, want.Text, want.Published)
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
