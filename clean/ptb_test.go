package clean

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// A text handed out as a parser's tokens (Penn Treebank style, as
// Timeline17's articles come) is put back as it was written before any
// rule reads it, and the repair is noted.
func TestPTBTextIsPutBack(t *testing.T) {
	in := "The storm 's winds -LRB- up to 90 mph -RRB- reached the coast on Monday , officials said . \n" +
		"`` We do n't know yet how bad it is , '' the mayor said , adding that the ` worst case ' was still ahead . \n" +
		"Residents ' cars lined the road to the U.S. . \n" +
		"Damage was put at $ 3 million , or 5 % of the town 's budget -LSB- estimate -RSB- . \n" +
		"He added : `` That will not last . \n" +
		"We expect more damage . \n" +
		"We hope it is not much . '' \n" +
		"Shares of Gulf Drilling Co -LRB- GDC . \n" +
		"N -RRB- -LRB- GDC . \n" +
		"L -RRB- fell 5 % . \n" +
		"Photo : REUTERS\\/Jane Roe \n"
	a := cleanText(t, "Storm hits coast as winds reach -LRB- 90 mph -RRB-", in)
	want := []string{
		"The storm's winds (up to 90 mph) reached the coast on Monday, officials said.",
		"“We don't know yet how bad it is,” the mayor said, adding that the ‘worst case’ was still ahead.",
		"Residents' cars lined the road to the U.S.",
		"Damage was put at $3 million, or 5% of the town's budget [estimate].",
		// one sentence a line: a quotation's sentences make one paragraph
		"He added: “That will not last. We expect more damage. We hope it is not much.”",
		// a ticker a sentence splitter cut at its stop
		"Shares of Gulf Drilling Co (GDC.N) (GDC.L) fell 5%.",
	}
	for _, w := range want {
		if !strings.Contains(a.Text, w) {
			t.Errorf("text lacks %q:\n%s", w, a.Text)
		}
	}
	if strings.Contains(a.Text, "REUTERS\\/") || strings.Contains(a.Text, "-LRB-") || strings.Contains(a.Text, " ,") {
		t.Errorf("tokens left in the text:\n%s", a.Text)
	}
	if want := "Storm hits coast as winds reach (90 mph)"; a.Title != want {
		t.Errorf("title %q, want %q", a.Title, want)
	}
	if !hasRepair(a.Repairs, "Penn Treebank") {
		t.Errorf("repairs %q: the Penn Treebank repair is not noted", a.Repairs)
	}
	again := cleanText(t, a.Title, a.Text)
	if again.Text != a.Text || hasRepair(again.Repairs, "Penn Treebank") {
		t.Errorf("cleaning the put-back text again changed it or noted a repair:\n%s\n%q", again.Text, again.Repairs)
	}
}

// Written text is never taken for tokens: a stray space before a comma, an
// ellipsis spaced out, two apostrophes for a quotation mark (the New York
// Times' style) or a bracket written out leave it as it is.
func TestWrittenTextIsLeftAlone(t *testing.T) {
	texts := []string{
		"The minister said , after a pause, that talks would resume. He left at noon , and returned at six.\n\nThe envoy, who arrived late, declined to comment , aides said.",
		"Wait . . . what happened next . . . nobody knows . . .\n\nThe crowd waited.",
		"''We will not back down,'' the senator said. ''Never.''\n\nShe spoke in Albany, New York, on Tuesday.",
		"The parser writes -LRB- for a bracket, the paper explains. Its authors, who met in 1993, chose the form.",
		"It's the company's view , he said .\n\nThey don't agree.",
		// a code sample, a table spaced around its commas, emoticons, and
		// the treebank's own marks quoted, in articles written as usual
		"The library, first released in 2019, reads files in parallel.\n\nA loop over them looks like this:\n\nfor (i = 0 ; i < n ; i++) { read(f[i] , buf) ; }\n\nIts author, who works in Berlin, said the next version would be faster.",
		"Turnout rose in every county, the figures show.\n\nCounty , Votes , Share\n\nKent , 1200 , 40 %\n\nEssex , 900 , 30 %\n\nOfficials, who counted through the night, said the result was clear.",
		"Fans greeted the news with emoticons :-) and ;) , and some with :( .\n\nThe club, founded in 1902, said tickets would go on sale on Monday.",
		"In LaTeX, a quotation opens with `` and closes with '' , the manual says.\n\nThe Penn Treebank writes a bracket as -LRB- , and its successors, such as OntoNotes, kept the form.",
	}
	for _, in := range texts {
		a := cleanText(t, "T", in)
		if a.Text != in {
			t.Errorf("written text changed:\n%s\ngave\n%s", in, a.Text)
		}
		if hasRepair(a.Repairs, "Penn Treebank") {
			t.Errorf("written text noted as tokens: %q", in)
		}
	}
}

func TestDetokenizePTB(t *testing.T) {
	cases := []struct{ in, want string }{
		{"He said : `` Yes . ''", "He said: “Yes.”"},
		{"I 'm gon na go , wo n't I ?", "I'm gonna go, won't I?"},
		{"-LRB- 1 -RRB- The fund -LCB- see below -RCB- grew 10 % .", "(1) The fund {see below} grew 10%."},
		{"the workers ' union", "the workers' union"},
		{"costs of US$ 5 billion", "costs of US$5 billion"},
		{"", ""},
	}
	for _, c := range cases {
		if got := detokenizePTB(c.in); got != c.want {
			t.Errorf("detokenizePTB(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func hasRepair(repairs []string, s string) bool {
	for _, r := range repairs {
		if strings.Contains(r, s) {
			return true
		}
	}
	return false
}

// detokenizePTBSlow is detokenizePTB as it was first written: the line
// split with strings.Fields, the tokens mapped, then joined, each glue
// looked up in a map.
func detokenizePTBSlow(s string) string {
	toks := strings.Fields(s)
	if len(toks) == 0 {
		return s
	}
	brackets := map[string]string{"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
	glueLeft := map[string]bool{
		",": true, ".": true, ";": true, ":": true, "?": true, "!": true, "%": true,
		")": true, "]": true, "}": true, "”": true,
		"'s": true, "'S": true, "'re": true, "'RE": true, "'ve": true, "'VE": true, "'ll": true, "'LL": true,
		"'d": true, "'D": true, "'m": true, "'M": true, "n't": true, "N'T": true,
	}
	glueRight := map[string]bool{"(": true, "[": true, "{": true, "“": true, "‘": true, "$": true, "US$": true, "C$": true, "A$": true}
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
			if b, ok := brackets[t]; ok {
				toks[i] = b
			} else if strings.Contains(t, `\`) {
				toks[i] = strings.NewReplacer(`\/`, "/", `\*`, "*").Replace(t)
			}
		}
	}
	var b strings.Builder
	prev := ""
	for i, t := range toks {
		if i > 0 {
			glue := glueLeft[t] || glueRight[prev] || t == "'" || t == "’" ||
				(t == "na" && (prev == "gon" || prev == "wan" || prev == "Gon" || prev == "Wan"))
			if t == "." && strings.HasSuffix(prev, ".") {
				continue
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

var ptbLines = []string{
	"the oil company said on Monday that its chief executive would step down , a source told Reuters .",
	"they were gon na wait until the nation 's banks opened , but the crowd did n't want to wait any longer",
	"the dollar rose to US$ 12.5 against all major currencies after the central bank said rates would stay",
	"a long line of plain words with  two spaces and a\ttab and a caf\u00e9 and a \u201cquote\u201d inside it",
	"plain words up to (( brackets , [[ 5 % ]] and -- dashes : n a na nab Na NA n't",
	"", " ", "\u00a0", "x", " x ", "He said : `` Yes . ''", "I 'm gon na go , wo n't I ?", "Gon na Wan na wan\tna",
	"-LRB- 1 -RRB- The fund -LCB- see below -RCB- grew 10 % .", "the workers ' union", "costs of US$ 5 billion , C$ 3 or A$ 2",
	"a ` quoted ' word and a stray ' and ` ` two ' ' '", "the U.S. . Then U.S. .", ". . .", "REUTERS\\/Jane Roe \\* \\\\/ x\\",
	"-LSB- a -RSB- , -LRB--RRB- ( ) [ ] { } “ ” ‘ ’", "It 's , 'S 're 'RE 've 'VE 'll 'LL 'd 'D 'm 'M n't N'T ; : ? ! %",
	"word\u2003word\u0085word\u00a0 \u3000end", "bad \xff\xfe utf-8 \xc2 ,", "$ 5 $", "`` ``", "'' ''",
	"one two  three\tfour five six", "a b\\/c d e , f g . h", "x y . . z", "the U.S. . The U.S. said", "-LRB- a b -RRB- c d '' e f",
}

func TestDetokenizePTBAsTheSlow(t *testing.T) {
	for _, s := range ptbLines {
		checkDetokenizePTB(t, s)
	}
}

func FuzzDetokenizePTB(f *testing.F) {
	for _, s := range ptbLines {
		f.Add(s)
	}
	f.Fuzz(checkDetokenizePTB)
}

func checkDetokenizePTB(t *testing.T, s string) {
	if got, want := detokenizePTB(s), detokenizePTBSlow(s); got != want {
		t.Errorf("detokenizePTB(%q) = %q, want %q", s, got, want)
	}
}

// joinQuotedSlow is joinQuoted as first written: each line joined on in
// place, the lines after it moved down.
func joinQuotedSlow(d *doc) {
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

func TestJoinQuotedAsTheSlow(t *testing.T) {
	pieces := []string{"", "a", "“b", "c”", "“d” e", "“f “g", "h” i”", "j"}
	r := rand.New(rand.NewPCG(5, 6))
	for range 5000 {
		var lines []line
		for k := range r.IntN(14) {
			lines = append(lines, line{s: pieces[r.IntN(len(pieces))], off: 10 * k})
		}
		fast, slow := &doc{lines: slices.Clone(lines)}, &doc{lines: slices.Clone(lines)}
		fast.joinQuoted()
		joinQuotedSlow(slow)
		if !slices.Equal(fast.lines, slow.lines) {
			t.Fatalf("joinQuoted(%+v) = %+v, want %+v", lines, fast.lines, slow.lines)
		}
	}
}

// isPTBSlow is isPTB as first written: a strings.Count for each sign.
func isPTBSlow(text string) bool {
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

// TestIsPTBAsTheSlow draws texts of the bytes the signs are made of, signs
// overlapping their own kind among them (" , , ", " 's 's ", two pairs of
// backquotes spaced in a row), and checks that isPTB counts as
// strings.Count does.
func TestIsPTBAsTheSlow(t *testing.T) {
	pieces := []string{" ", ",", ".", "\n", "`", "'", "s", "n", "t", "-LRB-", "-RRB-", "x", " , ", " `` ", " '' ", " 's ", " n't ", ", ", " .\n"}
	r := rand.New(rand.NewPCG(7, 8))
	seen := 0
	for range 20000 {
		var b strings.Builder
		for range r.IntN(30) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		got, want := isPTB(s), isPTBSlow(s)
		if got != want {
			t.Fatalf("isPTB(%q) = %v, want %v", s, got, want)
		}
		if want {
			seen++
		}
		if c := countPTBSigns(s); c.spacedCommas != strings.Count(s, " , ") || c.commas != strings.Count(s, ", ") ||
			c.marks != strings.Count(s, " `` ")+strings.Count(s, " '' ")+strings.Count(s, " 's ")+strings.Count(s, " n't ") {
			t.Fatalf("countPTBSigns(%q) = %+v, not as strings.Count counts", s, c)
		}
	}
	if seen < 1000 {
		t.Errorf("only %d of the drawn texts are treebank texts: the test says little", seen)
	}
	for _, s := range ptbLines {
		if got, want := isPTB(s), isPTBSlow(s); got != want {
			t.Errorf("isPTB(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestTokenEnd checks tokenEnd, which reads eight bytes at a time, against
// unicode.IsSpace a rune at a time, on long and short runs of letters
// among control bytes, runes of two to four bytes, spaces outside ASCII
// and broken UTF-8.
func TestTokenEnd(t *testing.T) {
	pieces := []string{"a", "Zebra-crossing", `U.S.\/EU`, "\x01", "\x7f", "é", "€", "𝔘", "\u00a0", "\u2003", "\u0085", "\xff", "\xc2", " ", "\t", "\v"}
	r := rand.New(rand.NewPCG(9, 10))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		for i := range len(s) + 1 {
			want := len(s)
			if k := strings.IndexFunc(s[i:], unicode.IsSpace); k >= 0 {
				want = i + k
			}
			if got := tokenEnd(s, i); got != want {
				t.Fatalf("tokenEnd(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
}

// TestDetokenizeLines checks that the lines of a text put back at once
// read as each put back alone: lines without a token (empty, white space
// only) as they were.
func TestDetokenizeLines(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for range 2000 {
		var lines []line
		for k := range r.IntN(10) {
			lines = append(lines, line{s: ptbLines[r.IntN(len(ptbLines))], off: k})
		}
		want := slices.Clone(lines)
		for i := range want {
			if want[i].s != "" {
				want[i].s = detokenizePTB(want[i].s)
			}
		}
		detokenizeLines(lines)
		if !slices.Equal(lines, want) {
			t.Fatalf("detokenizeLines gives %+v, want %+v", lines, want)
		}
	}
}
