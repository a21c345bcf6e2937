package clean

import (
	"strings"
)

// Penn Treebank tokenisation: some corpora (Timeline17 among them) hand out
// their articles as the tokens a parser read, each separated by a space,
// with brackets written -LRB- and -RRB-, opening quotation marks `` and `,
// closing ones '' and ', and a space before every comma, stop and clitic
// ("BP 's", "do n't"). Read as it is, such a text gives names such as
// "LRB", quotations no reader pairs and titles no journalist would print.
// Cleaning recognises the shape, puts the text back as it was written and
// notes the repair, before any other rule reads a line.

// ptbBrackets are the tokens the treebank writes for brackets.
var ptbBrackets = map[string]string{
	"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}",
}

// isPTB reports whether a text is Penn Treebank tokenised: two spaced
// commas or stops at least, a marker written text never holds (a bracket
// token, a doubled backquote or apostrophe standing alone, a clitic or a stop split off its word),
// three such signs in all, and hardly any comma glued to its word as
// writers put it. A text that merely holds a stray " , " stays as it is.
func isPTB(text string) bool {
	spacedCommas := strings.Count(text, " , ")
	ends := strings.Count(text, " .\n") + strings.Count(text, " . \n")
	if strings.HasSuffix(text, " .") || strings.HasSuffix(text, " . ") {
		ends++
	}
	spaced := spacedCommas + ends
	if spaced < 2 {
		return false
	}
	tokens := strings.Count(text, "-LRB-") + strings.Count(text, "-RRB-") +
		strings.Count(text, " `` ") + strings.Count(text, " '' ") + strings.Count(text, " 's ") + strings.Count(text, " n't ")
	if ends+tokens == 0 || spaced+tokens < 3 {
		return false
	}
	glued := strings.Count(text, ", ") - spacedCommas
	return glued*4 <= spaced
}

// ptbGlueLeft are the tokens written against the word before them.
var ptbGlueLeft = map[string]bool{
	",": true, ".": true, ";": true, ":": true, "?": true, "!": true, "%": true,
	")": true, "]": true, "}": true, "”": true,
	"'s": true, "'S": true, "'re": true, "'RE": true, "'ve": true, "'VE": true, "'ll": true, "'LL": true,
	"'d": true, "'D": true, "'m": true, "'M": true, "n't": true, "N'T": true,
}

// ptbGlueRight are the tokens written against the word after them.
var ptbGlueRight = map[string]bool{"(": true, "[": true, "{": true, "“": true, "‘": true, "$": true, "US$": true, "C$": true, "A$": true}

// ptbEscapes are the treebank's escaped slash and star ("REUTERS\/Jane Doe").
var ptbEscapes = strings.NewReplacer(`\/`, "/", `\*`, "*")

// detokenizePTB puts one line of Penn Treebank tokens back as written
// text: "BP 's shares fell 5 % -LRB- to $ 3 -RRB- , [2 backquotes] a blow ,
// [2 apostrophes] he said ." reads "BP's shares fell 5% (to $3), “a blow,”
// he said."
func detokenizePTB(s string) string {
	toks := strings.Fields(s)
	if len(toks) == 0 {
		return s
	}
	// A ` opens a single quotation that a lone ' closes; other lone 's
	// are apostrophes of plural possessives ("workers ' rights").
	openSingle := 0
	for i, t := range toks {
		switch t {
		case "``":
			toks[i] = "“"
		case "''":
			toks[i] = "”"
		case "`":
			toks[i] = "‘"
			openSingle++
		case "'":
			if openSingle > 0 {
				toks[i] = "’"
				openSingle--
			}
		default:
			if b, ok := ptbBrackets[t]; ok {
				toks[i] = b
			} else if strings.Contains(t, `\`) {
				toks[i] = ptbEscapes.Replace(t)
			}
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	prev := ""
	for i, t := range toks {
		if i > 0 {
			glue := ptbGlueLeft[t] || ptbGlueRight[prev] || t == "'" || t == "’" ||
				(t == "na" && (prev == "gon" || prev == "wan" || prev == "Gon" || prev == "Wan"))
			if t == "." && strings.HasSuffix(prev, ".") {
				continue // "the U.S. ." ends on the abbreviation's stop
			}
			if !glue {
				b.WriteByte(' ')
			}
		}
		b.WriteString(t)
		prev = t
	}
	return b.String()
}

// joinQuoted joins the lines of a put-back treebank text that a quotation
// runs across: such a text has one sentence a line, no paragraphs, and a
// quotation of three sentences would otherwise end with its first. A
// quotation still open after maxQuotedLines lines is taken to be a stray
// mark and joins no more.
func (d *doc) joinQuoted() {
	const maxQuotedLines = 6
	for i := 0; i < len(d.lines); i++ {
		open := strings.Count(d.lines[i].s, "“") - strings.Count(d.lines[i].s, "”")
		for n := 1; open > 0 && n < maxQuotedLines && i+1 < len(d.lines) && d.lines[i+1].s != ""; n++ {
			next := d.lines[i+1].s
			d.lines[i].s += " " + next
			d.lines = append(d.lines[:i+1], d.lines[i+2:]...)
			open += strings.Count(next, "“") - strings.Count(next, "”")
		}
	}
}
