package timeline

import (
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/storyline/storyline"
)

// hostile is a timeline whose every field comes from a hostile article.
func hostile(title, url, text string) *storyline.Timeline {
	c := storyline.Citation{ArticleID: "a1", Source: title, URL: url, Sentence: text, Start: 0, End: len(text)}
	return &storyline.Timeline{
		Title: title,
		Entries: []storyline.Entry{{
			Date: storyline.Day(2021, 3, 17), Text: text, Outlets: 1,
			Sources:   []storyline.Citation{c, {ArticleID: "a2", URL: url}},
			Conflicts: []storyline.Conflict{{Kind: "number", Versions: []storyline.Version{{Value: title, Sources: []storyline.Citation{c}}}}},
		}},
	}
}

var hostileURLs = []string{
	"javascript:alert(1)",
	"JavaScript:alert(document.cookie)",
	" javascript:alert(1)",
	"\tjava\nscript:alert(1)",
	"data:text/html,<script>alert(1)</script>",
	"vbscript:msgbox(1)",
	`https://example.com/"><script>alert(1)</script>`,
	"https://example.com/a) [x](javascript:alert(1)",
	"https://example.com/a b <c>",
	"//evil.example/x",
	"/relative/path",
	"https://",
	"http://[::1]:8080/a(b)c",
}

var hostileTexts = []string{
	`"><script>alert(1)</script>`,
	"[click](javascript:alert(1))",
	"<img src=x onerror=alert(1)>",
	"line one\n# heading\n- list\n\n[x]: javascript:alert(1)",
	"`code` *bold* _it_ \\ ![img](javascript:x)",
	"1. ordered",
	"> quoted",
	"\x1b[31mred\x1b[0m \u2028 next",
}

// mdLinks returns the destination of every Markdown inline link or image
// in md: the text after a "](" whose "]" is not escaped, up to ")".
func mdLinks(md string) []string {
	var out []string
	for i := 0; i+1 < len(md); i++ {
		if md[i] != ']' || md[i+1] != '(' {
			continue
		}
		slashes := 0
		for j := i - 1; j >= 0 && md[j] == '\\'; j-- {
			slashes++
		}
		if slashes%2 == 1 {
			continue
		}
		dest := md[i+2:]
		if k := strings.IndexByte(dest, ')'); k >= 0 {
			dest = dest[:k]
		}
		out = append(out, dest)
	}
	return out
}

// checkMarkdown fails unless every link in md goes to an http(s) URL that
// cannot end early, no raw HTML is left, and no field broke out of its line.
func checkMarkdown(t *testing.T, md string, dates int) {
	t.Helper()
	for _, dest := range mdLinks(md) {
		if !strings.HasPrefix(dest, "http://") && !strings.HasPrefix(dest, "https://") {
			t.Errorf("link to %q in:\n%s", dest, md)
		}
		if strings.ContainsAny(dest, " \t\n<>\"'(\\`") {
			t.Errorf("link destination %q holds a character that can end it", dest)
		}
	}
	if strings.Contains(md, "<") {
		t.Errorf("raw markup left in:\n%s", md)
	}
	headings := 0
	for line := range strings.Lines(md) {
		if strings.HasPrefix(line, "#") {
			headings++
		}
	}
	if headings != 1+dates {
		t.Errorf("%d headings, want %d (the title and one a date): a field broke out of its line:\n%s", headings, 1+dates, md)
	}
}

// checkHTML fails unless the page carries the CSP, runs no script and
// links only to http(s) URLs or to anchors in itself.
func checkHTML(t *testing.T, page string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	csp := false
	ids, anchors := map[string]bool{}, map[string]bool{}
	defer func() {
		for a := range anchors {
			if !ids[a] {
				t.Errorf("link to #%s, which is not in the export", a)
			}
		}
	}()
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.Data {
		case "script", "iframe", "object", "embed", "base", "form", "img":
			t.Errorf("<%s> element in the export", n.Data)
		}
		for _, a := range n.Attr {
			switch {
			case strings.HasPrefix(a.Key, "on"):
				t.Errorf("event handler %s=%q in the export", a.Key, a.Val)
			case a.Key == "id":
				ids[a.Val] = true
			case a.Key == "href" && strings.HasPrefix(a.Val, "#"):
				anchors[a.Val[1:]] = true
			case a.Key == "href" && !strings.HasPrefix(a.Val, "http://") && !strings.HasPrefix(a.Val, "https://"):
				t.Errorf("link to %q in the export", a.Val)
			case a.Key == "http-equiv" && a.Val == "Content-Security-Policy":
				csp = true
			}
		}
	}
	if !csp {
		t.Error("the export carries no Content-Security-Policy")
	}
}

func TestRenderHostile(t *testing.T) {
	for _, u := range hostileURLs {
		for _, text := range hostileTexts {
			tl := hostile(text, u, text)
			checkMarkdown(t, renderString(t, tl, "md"), 1)
			checkHTML(t, renderString(t, tl, "html"))
		}
	}
}

func TestMarkdownLinks(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://planet.example/recall", "- [Planet](https://planet.example/recall): "},
		{"https://planet.example/a(b)?q=x y", "- [Planet](https://planet.example/a%28b%29?q=x%20y): "},
		{"javascript:alert(1)", "- Planet: "},
		{"ftp://planet.example/x", "- Planet: "},
		{"", "- Planet: "},
	}
	for _, tt := range tests {
		tl := hostile("Planet", tt.url, "Moscow recalled its ambassador.")
		if md := renderString(t, tl, "md"); !strings.Contains(md, "\n"+tt.want) {
			t.Errorf("URL %q: want a line starting %q in:\n%s", tt.url, tt.want, md)
		}
	}
	// Text is escaped, not dropped.
	md := renderString(t, hostile("T", "", "[click](javascript:alert(1)) <b>"), "md")
	if !strings.Contains(md, `\[click\](javascript:alert(1)) &lt;b&gt;`) {
		t.Errorf("escaped text missing from:\n%s", md)
	}
}

// TestHTMLPolicy checks that the export's policy is the server's, that
// it allows the page's own stylesheet by its hash, and nothing inline
// else.
func TestHTMLPolicy(t *testing.T) {
	page := renderString(t, hostile("T", "https://x.example/", "text"), "html")
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var policy, style string
	for n := range doc.Descendants() {
		switch {
		case n.Type == html.ElementNode && n.Data == "meta":
			for _, a := range n.Attr {
				if a.Key == "content" && strings.Contains(a.Val, "default-src") {
					policy = a.Val
				}
			}
		case n.Type == html.ElementNode && n.Data == "style" && n.FirstChild != nil:
			style = n.FirstChild.Data
		}
	}
	sum := sha256.Sum256([]byte(style))
	if want := "style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(policy, want) {
		t.Errorf("policy %q does not allow the page's stylesheet (%s)", policy, want)
	}
	for _, d := range strings.Split(storyline.ContentSecurityPolicy, "; ") {
		if strings.HasPrefix(d, "style-src") || strings.HasPrefix(d, "frame-ancestors") {
			continue
		}
		if !strings.Contains(policy, d) {
			t.Errorf("export policy lacks the server's %q", d)
		}
	}
	if strings.Contains(policy, "unsafe") {
		t.Errorf("export policy allows unsafe code: %s", policy)
	}
}

// FuzzRenderExports renders a timeline made of arbitrary titles, URLs and
// sentences: no export may link anywhere but to an http(s) URL, keep raw
// markup, or let a field break out of its line.
func FuzzRenderExports(f *testing.F) {
	for _, u := range hostileURLs {
		f.Add(hostileTexts[0], u, hostileTexts[1])
	}
	for _, s := range hostileTexts {
		f.Add(s, "https://example.com/x", s)
	}
	f.Fuzz(func(t *testing.T, title, url, text string) {
		tl := hostile(title, url, text)
		checkMarkdown(t, renderString(t, tl, "md"), 1)
		checkHTML(t, renderString(t, tl, "html"))
	})
}
