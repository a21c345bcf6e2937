package timeline

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/storyline/storyline"
)

// Formats Render writes.
var Formats = []string{"text", "json", "md", "html"}

// Render writes a timeline in a format: "text" (for a terminal), "json"
// ({"entries": [...]}), "md" (Markdown) or "html" (one self-contained
// page: no scripts, styles inline). An unknown format is EINVALID.
func Render(w io.Writer, tl *storyline.Timeline, format string) error {
	switch format {
	case "text", "":
		return renderText(w, tl)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(tl)
	case "md", "markdown":
		return renderMarkdown(w, tl)
	case "html":
		return pageTmpl.Execute(w, tl)
	}
	return storyline.Errorf(storyline.EINVALID, "timeline format %q: want one of %s", format, strings.Join(Formats, ", "))
}

func sourceName(c storyline.Citation) string {
	switch {
	case c.Source != "":
		return c.Source
	case c.Origin != "":
		return c.Origin
	}
	return c.ArticleID
}

func renderText(w io.Writer, tl *storyline.Timeline) error {
	var b strings.Builder
	if tl.Title != "" {
		fmt.Fprintf(&b, "%s\n%s\n\n", tl.Title, strings.Repeat("=", len([]rune(tl.Title))))
	}
	if len(tl.Entries) == 0 {
		b.WriteString("(no dated entries)\n")
	}
	for _, e := range tl.Entries {
		fmt.Fprintf(&b, "%-10s  %s\n", e.Date, wrap(e.Text, 66, strings.Repeat(" ", 12)))
		outlets := "outlet"
		if e.Outlets != 1 {
			outlets = "outlets"
		}
		fmt.Fprintf(&b, "%12s[%d %s, %d %s]\n", "", e.Outlets, outlets, len(e.Sources), plural(len(e.Sources), "source", "sources"))
		for _, c := range e.Sources {
			fmt.Fprintf(&b, "%12s- %s (%s, bytes %d-%d)\n", "", sourceName(c), c.ArticleID, c.Start, c.End)
		}
		for _, c := range e.Conflicts {
			fmt.Fprintf(&b, "%12s! sources disagree on the %s:\n", "", c.Kind)
			for _, v := range c.Versions {
				var names []string
				for _, s := range v.Sources {
					names = append(names, sourceName(s))
				}
				fmt.Fprintf(&b, "%14s%s: %s\n", "", v.Value, strings.Join(names, ", "))
			}
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// wrap folds text at width columns, indenting continuation lines.
func wrap(text string, width int, indent string) string {
	var b strings.Builder
	col := 0
	for i, word := range strings.Fields(text) {
		n := len([]rune(word))
		if i > 0 {
			if col+1+n > width {
				b.WriteString("\n" + indent)
				col = 0
			} else {
				b.WriteByte(' ')
				col++
			}
		}
		b.WriteString(word)
		col += n
	}
	return b.String()
}

func renderMarkdown(w io.Writer, tl *storyline.Timeline) error {
	var b strings.Builder
	title := tl.Title
	if title == "" {
		title = "Timeline"
	}
	fmt.Fprintf(&b, "# %s\n\n", mdEscape(title))
	for _, e := range tl.Entries {
		fmt.Fprintf(&b, "## %s\n\n%s\n\n", e.Date, mdEscape(e.Text))
		fmt.Fprintf(&b, "Independent outlets: %d\n\n", e.Outlets)
		for _, c := range e.Sources {
			fmt.Fprintf(&b, "- %s: \"%s\" (article `%s`, bytes %d-%d)\n", mdLink(sourceName(c), c.URL),
				mdEscape(c.Sentence), strings.ReplaceAll(c.ArticleID, "`", ""), c.Start, c.End)
		}
		for _, c := range e.Conflicts {
			fmt.Fprintf(&b, "\n**Sources disagree on the %s:**\n\n", c.Kind)
			for _, v := range c.Versions {
				var names []string
				for _, s := range v.Sources {
					names = append(names, mdEscape(sourceName(s)))
				}
				fmt.Fprintf(&b, "- %s: %s\n", mdEscape(v.Value), strings.Join(names, ", "))
			}
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;", "#", `\#`)

// mdEscape makes text from articles plain Markdown text: every character
// that could open a link, an emphasis, a code span or raw HTML is escaped,
// line breaks and other control characters become spaces (no field can
// start a block of its own), and a leading list marker is escaped.
func mdEscape(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
	s = mdEscaper.Replace(s)
	s = strings.TrimLeft(s, " ")
	if s != "" && strings.IndexByte("-+=", s[0]) >= 0 {
		return `\` + s
	}
	// An ordered list marker ("1." or "1)"): escape its punctuation.
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + `\` + s[i:]
	}
	return s
}

// mdLink is a source's name as a Markdown link to its URL when that is a
// web address, else the name as text: a javascript: or data: URL never
// becomes a link, and the URL cannot end the link early.
func mdLink(name, rawURL string) string {
	if u := storyline.WebURL(rawURL); u != "" {
		return "[" + mdEscape(name) + "](" + u + ")"
	}
	return mdEscape(name)
}

// pageStyle is the html export's one stylesheet, inline so the page
// stands alone; the page's Content-Security-Policy allows it by its hash.
const pageStyle = `body{font:16px/1.5 Georgia,serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}
ol{list-style:none;padding:0;border-left:3px solid #bbb}
li.entry{margin:0 0 1.5rem;padding-left:1rem;position:relative}
li.entry:before{content:"";position:absolute;left:-.5rem;top:.45rem;width:.7rem;height:.7rem;border-radius:50%;background:#555}
time{font:bold .9rem/1 monospace;color:#555}
p.text{margin:.25rem 0}
details{font-size:.9rem;color:#444}
.conflict{background:#fff4e0;border-left:3px solid #e0a030;padding:.25rem .5rem;margin:.5rem 0;font-size:.9rem}
.meta{font-size:.8rem;color:#777}
`

// pagePolicy is the html export's Content-Security-Policy: the server's
// pages' (storyline.ContentSecurityPolicy), with the inline stylesheet
// allowed by its hash in place of the server's own, and without
// frame-ancestors, which a <meta> policy cannot carry.
var pagePolicy = func() string {
	sum := sha256.Sum256([]byte(pageStyle))
	p := strings.Replace(storyline.ContentSecurityPolicy, "style-src 'self'",
		"style-src 'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'", 1)
	return strings.TrimSuffix(strings.Replace(p, "frame-ancestors 'none'", "", 1), "; ")
}()

var pageTmpl = template.Must(template.New("page").Funcs(template.FuncMap{
	"name":   sourceName,
	"webURL": storyline.WebURL,
	"style":  func() template.CSS { return template.CSS(pageStyle) },
	"policy": func() string { return pagePolicy },
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{policy}}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{if .Title}}{{.Title}}{{else}}Timeline{{end}}</title>
<style>{{style}}</style>
</head>
<body>
<h1>{{if .Title}}{{.Title}}{{else}}Timeline{{end}}</h1>
{{if not .Entries}}<p>No dated entries.</p>{{end}}
<ol>
{{range .Entries}}<li class="entry">
<time datetime="{{.Date}}">{{.Date}}</time>
<p class="text">{{.Text}}</p>
<div class="meta">{{.Outlets}} independent outlet{{if ne .Outlets 1}}s{{end}}, {{len .Sources}} source{{if ne (len .Sources) 1}}s{{end}}</div>
{{range .Conflicts}}<div class="conflict">Sources disagree on the {{.Kind}}:<ul>{{range .Versions}}<li><b>{{.Value}}</b>: {{range $i, $s := .Sources}}{{if $i}}, {{end}}{{name $s}}{{end}}</li>{{end}}</ul></div>
{{end}}<details><summary>Sources</summary><ul>
{{range $s := .Sources}}<li>{{with webURL .URL}}<a href="{{.}}">{{name $s}}</a>{{else}}{{name $s}}{{end}}: &ldquo;{{.Sentence}}&rdquo; <span class="meta">(article {{.ArticleID}}, bytes {{.Start}}&ndash;{{.End}})</span></li>
{{end}}</ul></details>
</li>
{{end}}</ol>
</body>
</html>
`))
