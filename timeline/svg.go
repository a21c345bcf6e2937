package timeline

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"
)

// SVG draws the axis as an inline SVG element. It needs no stylesheet
// (colours and fonts are presentation attributes) and no script, so the
// pages and the self-contained HTML export draw it alike under a CSP that
// forbids inline styles and scripts; a stylesheet may still restyle its
// classes (axisline, tick, ticklabel, span, leader, mark, label).
func (ax Axis) SVG() (template.HTML, error) {
	if len(ax.Marks) == 0 && len(ax.Spans) == 0 {
		return "", nil
	}
	var b bytes.Buffer
	if err := svgTmpl.Execute(&b, ax); err != nil {
		return "", err
	}
	// The template escaped every value: the output is safe HTML.
	return template.HTML(b.String()), nil
}

var svgTmpl = template.Must(template.New("axis").Funcs(template.FuncMap{
	"n":     func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) },
	"add":   func(a, b float64) float64 { return a + b },
	"sub":   func(a, b float64) float64 { return a - b },
	"width": func(a, b float64) float64 { return b - a },
	"entries": func(idx []int) string {
		s := make([]string, len(idx))
		for i, v := range idx {
			s[i] = strconv.Itoa(v)
		}
		return strings.Join(s, " ")
	},
	"count": func(idx []int) string {
		if len(idx) > 99 {
			return "99+"
		}
		return strconv.Itoa(len(idx))
	},
	// The line runs a little past the first and last marks' stretch.
	"sub8": func(i int, x float64) float64 {
		if i == 0 {
			return x - 8
		}
		return x
	},
	"add8": func(i, n int, x float64) float64 {
		if i == n-1 {
			return x + 8
		}
		return x
	},
	"breaks": func(ax Axis) []float64 {
		var out []float64
		for i := 1; i < len(ax.Lines); i++ {
			out = append(out, (ax.Lines[i-1][1]+ax.Lines[i][0])/2)
		}
		return out
	},
	"tickY": func(ax Axis) float64 { return ax.Height - 6 },
	"estimates": func(ax Axis) bool {
		for _, m := range ax.Marks {
			if m.Estimated {
				return true
			}
		}
		for _, s := range ax.Spans {
			if s.Estimated {
				return true
			}
		}
		return false
	},
}).Parse(`<svg class="axis-svg" viewBox="0 0 1000 {{n .Height}}" width="1000" height="{{n .Height}}" role="img" aria-label="Time axis from {{.From.Format "2 January 2006"}} to {{.To.Format "2 January 2006"}}" data-from="{{.From.Format "2006-01-02"}}" data-to="{{.To.Format "2006-01-02"}}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif">
{{if estimates .}}<defs><pattern id="axis-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#ffffff"></rect><line x1="0" y1="0" x2="0" y2="4" stroke="#1f5fa8" stroke-width="2"></line></pattern></defs>
{{end}}{{range $i, $l := .Lines}}<line class="axisline" x1="{{n (index $l 0 | sub8 $i)}}" y1="{{n $.LineY}}" x2="{{n (index $l 1 | add8 $i (len $.Lines))}}" y2="{{n $.LineY}}" stroke="#8894a0" stroke-width="2"></line>{{end}}
{{- range breaks .}}<path class="break" d="M{{n (sub . 6)}} {{n (add $.LineY 6)}} l5 -12 M{{n (add . 1)}} {{n (add $.LineY 6)}} l5 -12" stroke="#8894a0" stroke-width="1.5" fill="none"></path>{{end}}
{{- range .Ticks}}
{{if ge .X 0.0}}<line class="tick" x1="{{n .X}}" y1="{{n (sub $.LineY 5)}}" x2="{{n .X}}" y2="{{n (add $.LineY 5)}}" stroke="#8894a0" stroke-width="1.5"></line>{{end}}
{{- if .Label}}{{if .Href}}<a class="ticklink" href="{{.Href}}">{{end}}<text class="ticklabel" x="{{n .LabelX}}" y="{{n (tickY $)}}" font-size="12" text-anchor="middle" fill="#5d6875">{{.Label}}</text>{{if .Href}}</a>{{end}}{{end}}
{{- end}}
{{- range .Spans}}
<a class="span{{if .Estimated}} estimated{{end}}"{{with .Href}} href="{{.}}"{{end}} data-entries="{{entries .Entries}}"><title>{{.Title}}</title><rect x="{{n .X0}}" y="{{n .Y}}" width="{{n (width .X0 .X1)}}" height="7" rx="2" {{if .Estimated}}fill="url(#axis-hatch)" stroke="#1f5fa8" stroke-width="1" stroke-dasharray="3 2"{{else}}fill="#9db8d9"{{end}}></rect></a>
{{- end}}
{{- range .Labels}}
<line class="leader" x1="{{n .LeaderX}}" y1="{{n (add .Y 3)}}" x2="{{n .LeaderX}}" y2="{{n .LeaderY}}" stroke="#b7c0ca" stroke-width="1"></line>
{{- end}}
{{- range .Marks}}
<a class="mark{{if .Conflict}} conflict{{end}}{{if .Estimated}} estimated{{end}}"{{with .Href}} href="{{.}}"{{end}} data-entries="{{entries .Entries}}"><title>{{.Title}}</title><circle cx="{{n .X}}" cy="{{n $.LineY}}" r="{{n .R}}" {{if .Estimated}}fill="url(#axis-hatch)" stroke="{{if .Conflict}}#b3261e{{else}}#1f5fa8{{end}}" stroke-width="2" stroke-dasharray="3 2"{{else}}fill="#1f5fa8" fill-opacity="0.85" stroke="{{if .Conflict}}#b3261e{{else}}#ffffff{{end}}" stroke-width="{{if .Conflict}}3{{else}}1.5{{end}}"{{end}}></circle>{{if gt (len .Entries) 1}}<text x="{{n .X}}" y="{{n (add $.LineY 3.5)}}" font-size="10" font-weight="700" text-anchor="middle" fill="{{if .Estimated}}#1f5fa8{{else}}#ffffff{{end}}">{{count .Entries}}</text>{{end}}</a>
{{- end}}
{{- range .Labels}}
{{if .Href}}<a class="label" href="{{.Href}}">{{end}}<text class="labeltext" x="{{n .X}}" y="{{n .Y}}" font-size="12" text-anchor="{{if .End}}end{{else}}start{{end}}" fill="#1d232a">{{.Text}}</text>{{if .Href}}</a>{{end}}
{{- end}}
</svg>`))
