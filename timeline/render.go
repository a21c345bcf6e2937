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
		return renderHTML(w, tl)
	}
	return storyline.Errorf(storyline.EINVALID, "timeline format %q: want one of %s", format, strings.Join(Formats, ", "))
}

// shortName names a cited article in a list of names: its outlet, else
// its title, else its ID; never the file it was read from.
func shortName(c storyline.Citation) string {
	if o := Outlet(c); o != "" {
		return o
	}
	if t := strings.TrimSpace(c.Title); t != "" {
		return "“" + t + "”"
	}
	return "article " + c.ArticleID
}

// Day is the entries of one date: indexes into a timeline's entries, most
// important first.
type Day struct {
	Date    storyline.Date
	Entries []int
}

// ByDate groups a timeline's entries by date, in the timeline's order of
// dates, each date's entries by score (then outlets), most important
// first.
func ByDate(tl *storyline.Timeline) []Day {
	var out []Day
	at := map[storyline.Date]int{}
	for i, e := range tl.Entries {
		g, ok := at[e.Date]
		if !ok {
			g = len(out)
			at[e.Date] = g
			out = append(out, Day{Date: e.Date})
		}
		out[g].Entries = append(out[g].Entries, i)
	}
	for _, d := range out {
		byImportance(tl, d.Entries)
	}
	return out
}

// DayID is the HTML anchor of a date's entries: "d-2021-03-17".
func DayID(d storyline.Date) string {
	if d.IsZero() {
		return "d-undated"
	}
	return "d-" + d.String()
}

// renderText writes the entries by date, each with its outlets and its
// citations: outlet, title, publication date and article ID (for
// "storyline show").
func renderText(w io.Writer, tl *storyline.Timeline) error {
	var b strings.Builder
	if tl.Title != "" {
		fmt.Fprintf(&b, "%s\n%s\n\n", tl.Title, strings.Repeat("=", len([]rune(tl.Title))))
	}
	if len(tl.Entries) == 0 {
		b.WriteString("(no dated entries)\n")
	}
	if n := cutNote(tl); n != "" {
		fmt.Fprintf(&b, "(%s)\n\n", n)
	}
	const indent = "    "
	for _, d := range ByDate(tl) {
		fmt.Fprintf(&b, "%s%s\n", approx(tl, d.Entries), LongDate(d.Date))
		for _, i := range d.Entries {
			e := tl.Entries[i]
			mark := ""
			if EstimateOf(e) != "" {
				mark = "≈ " // the entry's date is an estimate
			}
			fmt.Fprintf(&b, "  %s\n", wrap(mark+e.Text, 74, "  "))
			fmt.Fprintf(&b, "%s[%s]\n", indent, sourcesLine(e, "outlet"))
			if est := EstimateOf(e); est != "" {
				fmt.Fprintf(&b, "%s(%s)\n", indent, wrap(est, 70, indent+" "))
			}
			for _, cs := range ByArticle(e.Sources) {
				line := citationLine(cs[0])
				if len(cs) > 1 {
					line += fmt.Sprintf(" (%d sentences)", len(cs))
				}
				fmt.Fprintf(&b, "%s- %s\n", indent, wrap(line, 70, indent+"  "))
			}
			for _, c := range e.Conflicts {
				fmt.Fprintf(&b, "%s! sources disagree on the %s:\n", indent, c.Kind)
				for _, v := range c.Versions {
					var names []string
					for _, s := range v.Sources {
						names = append(names, shortName(s))
					}
					fmt.Fprintf(&b, "%s  %s: %s\n", indent, v.Value, strings.Join(names, ", "))
				}
			}
			b.WriteString("\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ByArticle groups an entry's citations by the article they cite, in
// their order: an article that gives several sentences is one source.
func ByArticle(cs []storyline.Citation) [][]storyline.Citation {
	var out [][]storyline.Citation
	at := map[string]int{}
	for _, c := range cs {
		i, ok := at[c.ArticleID]
		if !ok {
			i = len(out)
			at[c.ArticleID] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], c)
	}
	return out
}

// sourcesLine says how many independent outlets and articles stand
// behind an entry: "2 outlets, 3 articles".
func sourcesLine(e storyline.Entry, outlet string) string {
	n := len(ByArticle(e.Sources))
	return plural(max(e.Outlets, 1), "1 "+outlet, fmt.Sprintf("%d %ss", e.Outlets, outlet)) + ", " +
		plural(n, "1 article", fmt.Sprintf("%d articles", n))
}

// cutNote says how many happenings a cut timeline leaves out, or "".
func cutNote(tl *storyline.Timeline) string {
	if tl.Total <= len(tl.Entries) {
		return ""
	}
	return fmt.Sprintf("The %d most important of %d happenings; --all shows every one.", len(tl.Entries), tl.Total)
}

// citationLine is a citation in plain text: "Outlet, “Title”, 17 March
// 2021 [article ID]".
func citationLine(c storyline.Citation) string {
	s := CitationName(c)
	if d := CitationDate(c); d != "" {
		s += ", " + d
	}
	return s + " [" + c.ArticleID + "]"
}

// CitationDate is the date of a citation's article as a reader sees it:
// its publication date ("17 March 2021"), an estimate as one ("≈ March
// 2021"), or "" when neither is known.
func CitationDate(c storyline.Citation) string {
	switch {
	case !c.Published.IsZero():
		return LongDate(c.Published)
	case !c.Estimate.IsZero():
		return "≈ " + LongDate(c.Estimate)
	}
	return ""
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

// renderMarkdown writes a heading for each date and under it each entry
// in bold, with its outlets, its citations (outlet and title linked to
// the article's URL when it is a web address, publication date, the cited
// sentence, the article ID) and where sources disagree.
func renderMarkdown(w io.Writer, tl *storyline.Timeline) error {
	var b strings.Builder
	title := tl.Title
	if title == "" {
		title = "Timeline"
	}
	fmt.Fprintf(&b, "# %s\n\n", mdEscape(title))
	if len(tl.Entries) == 0 {
		b.WriteString("No dated entries.\n")
	}
	if n := cutNote(tl); n != "" {
		fmt.Fprintf(&b, "*%s*\n\n", mdEscape(n))
	}
	for _, d := range ByDate(tl) {
		fmt.Fprintf(&b, "## %s%s\n\n", approx(tl, d.Entries), LongDate(d.Date))
		for _, i := range d.Entries {
			e := tl.Entries[i]
			fmt.Fprintf(&b, "**%s**\n\n", mdEscape(e.Text))
			fmt.Fprintf(&b, "%s:\n\n", sourcesLine(e, "independent outlet"))
			if est := EstimateOf(e); est != "" {
				fmt.Fprintf(&b, "*%s*\n\n", mdEscape(strings.ToUpper(est[:1])+est[1:]))
			}
			for _, cs := range ByArticle(e.Sources) {
				c := cs[0]
				line := "- " + mdCitation(c)
				if d := CitationDate(c); d != "" {
					line += ", " + d
				}
				id := strings.ReplaceAll(c.ArticleID, "`", "")
				if len(cs) == 1 {
					fmt.Fprintf(&b, "%s: \"%s\" (article `%s`)\n", line, mdEscape(c.Sentence), id)
					continue
				}
				fmt.Fprintf(&b, "%s (article `%s`):\n", line, id)
				for _, c := range cs {
					fmt.Fprintf(&b, "  - \"%s\"\n", mdEscape(c.Sentence))
				}
			}
			for _, c := range e.Conflicts {
				fmt.Fprintf(&b, "\n**Sources disagree on the %s:**\n\n", c.Kind)
				for _, v := range c.Versions {
					var names []string
					for _, s := range v.Sources {
						names = append(names, mdEscape(shortName(s)))
					}
					fmt.Fprintf(&b, "- %s: %s\n", mdEscape(v.Value), strings.Join(names, ", "))
				}
			}
			b.WriteString("\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdCitation names a cited article in Markdown, "Outlet, *Title*", as a
// link to its URL when that is a web address.
func mdCitation(c storyline.Citation) string {
	outlet, title := Outlet(c), strings.TrimSpace(c.Title)
	var name string
	switch {
	case title == "" && strings.TrimSpace(c.Lead) != "":
		name = mdEscape(CitationName(c)) // "Outlet, [first words…]"
	case outlet != "" && title != "":
		name = mdEscape(outlet) + ", *" + mdEscape(title) + "*"
	case outlet != "":
		name = mdEscape(outlet)
	case title != "":
		name = "*" + mdEscape(title) + "*"
	default:
		name = CitationName(c)
	}
	if u := storyline.WebURL(c.URL); u != "" {
		return "[" + name + "](" + u + ")"
	}
	return name
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

// pageStyle is the html export's one stylesheet, inline so the page
// stands alone; the page's Content-Security-Policy allows it by its hash.
const pageStyle = `body{font:16px/1.5 Georgia,serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem;margin-bottom:.2rem}
h2{font:bold 1rem/1.3 system-ui,sans-serif;margin:1.4rem 0 .4rem}
li.day:target h2{background:#fff7d6}
figure.axis{margin:1rem 0;border:1px solid #ddd;border-radius:6px;padding:.5rem}
div.scroll{overflow-x:auto}
figure.axis svg{display:block;width:100%;min-width:56rem;height:auto}
figcaption,.meta{font:.8rem/1.4 system-ui,sans-serif;color:#666}
ol{list-style:none;padding:0;margin:0}
ol.entries{border-left:3px solid #bbb}
li.entry{margin:0 0 1rem;padding-left:1rem;position:relative}
li.entry:before{content:"";position:absolute;left:-.5rem;top:.45rem;width:.7rem;height:.7rem;border-radius:50%;background:#1f5fa8}
p.text{margin:.25rem 0}
details{font-size:.9rem;color:#444}
details li{margin:.3rem 0}
q{color:#555}
.conflict{background:#fff4e0;border-left:3px solid #e0a030;padding:.25rem .5rem;margin:.5rem 0;font-size:.9rem}
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

// page is what the html export's template reads.
type page struct {
	*storyline.Timeline
	Days  []pageDay
	Axis  template.HTML
	Range string
}

type pageDay struct {
	Date    storyline.Date
	ID      string
	Entries []storyline.Entry
}

// renderHTML writes one self-contained page: the time axis (an inline
// SVG whose marks lead to their dates below) and the entries by date, each
// with its citations linked to the articles' URLs.
func renderHTML(w io.Writer, tl *storyline.Timeline) error {
	p := page{Timeline: tl}
	for _, d := range ByDate(tl) {
		pd := pageDay{Date: d.Date, ID: DayID(d.Date)}
		for _, i := range d.Entries {
			pd.Entries = append(pd.Entries, tl.Entries[i])
		}
		p.Days = append(p.Days, pd)
	}
	ax := Layout(tl, AxisOptions{Entry: func(d storyline.Date, _ int) string { return "#" + DayID(d) }})
	svg, err := ax.SVG()
	if err != nil {
		return fmt.Errorf("draw the time axis: %w", err)
	}
	p.Axis = svg
	if !ax.From.IsZero() {
		p.Range = LongDate(storyline.DateOf(ax.From)) + " – " + LongDate(storyline.DateOf(ax.To))
	}
	return pageTmpl.Execute(w, p)
}

var pageTmpl = template.Must(template.New("page").Funcs(template.FuncMap{
	"name":         shortName,
	"outlet":       Outlet,
	"citationName": CitationName,
	"citationDate": CitationDate,
	"longDate":     LongDate,
	"estimate":     EstimateOf,
	"cut":          cutNote,
	"byArticle":    ByArticle,
	"sources":      func(e storyline.Entry) string { return sourcesLine(e, "independent outlet") },
	"webURL":       storyline.WebURL,
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %s", n, many)
	},
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
{{if not .Entries}}<p>No dated entries.</p>{{else}}<p class="meta">{{plural (len .Entries) "happening" "happenings"}} on {{plural (len .Days) "date" "dates"}}{{with .Range}}, {{.}}{{end}}.{{with cut .Timeline}} {{.}}{{end}}</p>{{end}}
{{with .Axis}}<figure class="axis"><div class="scroll">{{.}}</div>
<figcaption>A circle is a day's happenings (a number inside: several, or days too close to draw apart), a bar a happening known only to the month or year, a red ring a disagreement between sources. Hover for the happenings; click for their sources.</figcaption>
</figure>{{end}}
<ol class="days">
{{range .Days}}<li class="day" id="{{.ID}}">
<h2><time{{if not .Date.IsZero}} datetime="{{.Date}}"{{end}}>{{longDate .Date}}</time></h2>
<ol class="entries">
{{range .Entries}}<li class="entry">
<p class="text">{{.Text}}</p>
<div class="meta">{{sources .}}</div>{{with estimate .}}
<div class="meta"><i>{{.}}</i></div>{{end}}
{{range .Conflicts}}<div class="conflict">Sources disagree on the {{.Kind}}:<ul>{{range .Versions}}<li><b>{{.Value}}</b>: {{range $i, $s := .Sources}}{{if $i}}, {{end}}{{name $s}}{{end}}</li>{{end}}</ul></div>
{{end}}<details open><summary>Sources</summary><ul>
{{range $cs := byArticle .Sources}}{{with $c := index $cs 0}}<li>{{with webURL .URL}}<a href="{{.}}">{{end}}{{with outlet $c}}<b>{{.}}</b>{{end}}{{if and (outlet $c) $c.Title}}: {{end}}{{with $c.Title}}<cite>{{.}}</cite>{{end}}{{if not (or (outlet $c) $c.Title)}}{{citationName $c}}{{end}}{{if webURL .URL}}</a>{{end}}{{with citationDate $c}}, {{.}}{{end}}: {{range $i, $s := $cs}}{{if $i}} … {{end}}<q>{{$s.Sentence}}</q>{{end}} <span class="meta">(article {{.ArticleID}})</span></li>{{end}}
{{end}}</ul></details>
</li>
{{end}}</ol>
</li>
{{end}}</ol>
</body>
</html>
`))

// approx is "≈ " when every entry of a date is dated by an estimate, so
// that the date is shown as one.
func approx(tl *storyline.Timeline, entries []int) string {
	if allEstimated(tl, entries) {
		return "≈ "
	}
	return ""
}
