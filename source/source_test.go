package source

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/storyline/storyline"
)

// readAll reads one input and returns its documents and error reasons.
func readAll(t testing.TB, origin, data string) ([]*Document, []string) {
	t.Helper()
	var docs []*Document
	var errs []string
	for d, err := range Read(Input{Origin: origin, Name: filepath.Base(origin), Data: []byte(data)}) {
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		docs = append(docs, d)
	}
	return docs, errs
}

func TestText(t *testing.T) {
	cases := []struct {
		name, in                       string
		title, url, published, textHas string
		from                           storyline.DateSource
	}{
		{
			name:      "header with URL, then a title",
			in:        " date 2021-11-02 https://news.example/20211102/x.html\n\nPositive shifts, the ambassador said\n\nMOSCOW, November 2 – News. Body.",
			title:     "Positive shifts, the ambassador said",
			url:       "https://news.example/20211102/x.html",
			published: "2021-11-02", from: storyline.DateFromHeader,
			textHas: "MOSCOW, November 2",
		},
		{
			name:      "the body begins on the header line",
			in:        " date 2024-03-11 As the vote nears, the embassy said it was in contact.\n\nMore text.",
			published: "2024-03-11", from: storyline.DateFromHeader,
			textHas: "As the vote nears",
		},
		{
			name:    "no header: the first line is the title",
			in:      "Russia recalls its envoy\n[ad_1]\nRussia has recalled its envoy.",
			title:   "Russia recalls its envoy",
			textHas: "[ad_1]\nRussia has recalled",
		},
		{
			name:    "no header and a long paragraph first: no title",
			in:      strings.Repeat("This is a sentence of the story. ", 6) + "\nSecond paragraph.",
			textHas: "This is a sentence",
		},
		{
			name:      "header then a sentence on its own line: no title",
			in:        " date 2021-03-22\nThe ambassador arrived at the ministry on Monday.\nHe said nothing.",
			published: "2021-03-22", from: storyline.DateFromHeader,
			textHas: "The ambassador arrived",
		},
		{
			name:    "an impossible header date is not a header",
			in:      " date 2021-02-30 Title here\nBody text.",
			title:   "date 2021-02-30 Title here",
			textHas: "Body text.",
		},
		{
			name:    "CRLF line ends",
			in:      "Title\r\n\r\nBody line one.\r\nBody line two.",
			title:   "Title",
			textHas: "Body line one.\nBody line two.",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			docs, errs := readAll(t, "a.txt", c.in)
			if len(errs) > 0 || len(docs) != 1 {
				t.Fatalf("got %d documents, errors %v", len(docs), errs)
			}
			d := docs[0]
			if d.Format != "text" || d.Origin != "a.txt" || d.Item != "" || string(d.Raw) != c.in {
				t.Errorf("format %q origin %q item %q raw kept %v", d.Format, d.Origin, d.Item, string(d.Raw) == c.in)
			}
			if d.Title != c.title {
				t.Errorf("title = %q, want %q", d.Title, c.title)
			}
			if d.URL != c.url {
				t.Errorf("url = %q, want %q", d.URL, c.url)
			}
			if got := d.Published.String(); got != c.published || d.PublishedFrom != c.from {
				t.Errorf("published = %q from %q, want %q from %q", got, d.PublishedFrom, c.published, c.from)
			}
			if !strings.Contains(d.Text, c.textHas) {
				t.Errorf("text %q does not contain %q", d.Text, c.textHas)
			}
		})
	}
}

func TestJSONL(t *testing.T) {
	in := `{"url":"https://a.example/2021/03/17/x","title":"Recall","text":"Russia recalled its envoy.","published":"2021-03-17T10:00:00Z","source":"A News","author":["Ann Lee","Bo Ray"],"language":"en"}
{"title":"No text"}

{"link":"https://b.example/y","headline":" Summit ","content":"They met in Geneva.","date":"June 16, 2021","outlet":"B"}
{"text":"broken
{"text":"Unix time","published":1615975200}
{"text":"Month only","published":"2021-06"}
`
	docs, errs := readAll(t, "feed.jsonl", in)
	wantErrs := []string{
		"feed.jsonl: line 2: no article text (fields text, content, body or maintext)",
		"feed.jsonl: line 5: malformed JSON: ",
	}
	if len(errs) != len(wantErrs) {
		t.Fatalf("errors = %q, want %d", errs, len(wantErrs))
	}
	for i, w := range wantErrs {
		if !strings.HasPrefix(errs[i], w) {
			t.Errorf("error %d = %q, want prefix %q", i, errs[i], w)
		}
	}
	if len(docs) != 4 {
		t.Fatalf("got %d documents, want 4", len(docs))
	}
	d := docs[0]
	if d.Origin != "feed.jsonl:1" || d.Item != "line 1" || d.URL != "https://a.example/2021/03/17/x" || d.Title != "Recall" ||
		d.Source != "A News" || d.Byline != "Ann Lee, Bo Ray" || d.Language != "en" || d.Format != "jsonl" ||
		d.Published != storyline.Day(2021, 3, 17) || d.PublishedFrom != storyline.DateFromMeta {
		t.Errorf("line 1 read as %+v", d)
	}
	if !strings.HasPrefix(string(d.Raw), `{"url"`) || strings.HasSuffix(string(d.Raw), "\n") {
		t.Errorf("raw = %q, want the line without its newline", d.Raw)
	}
	d = docs[1]
	if d.Origin != "feed.jsonl:4" || d.URL != "https://b.example/y" || d.Title != "Summit" || d.Text != "They met in Geneva." ||
		d.Source != "B" || d.Published != storyline.Day(2021, 6, 16) {
		t.Errorf("line 4 read as %+v", d)
	}
	if docs[2].Published != storyline.Day(2021, 3, 17) {
		t.Errorf("unix time read as %v", docs[2].Published)
	}
	if docs[3].Published != storyline.Month(2021, 6) {
		t.Errorf("2021-06 read as %v", docs[3].Published)
	}
}

func TestJSONArray(t *testing.T) {
	docs, errs := readAll(t, "a.json", `[{"text":"one"}, {"title":"x"}, {"text":"three"}]`)
	if len(docs) != 2 || len(errs) != 1 || docs[1].Item != "item 3" || !strings.Contains(errs[0], "item 2") {
		t.Errorf("docs %d errs %q", len(docs), errs)
	}
}

func TestRejectInputs(t *testing.T) {
	png := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 100)...)
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "empty"},
		{"blank", []byte(" \n\n\t "), "empty"},
		{"png", png, "binary (image/png), not text"},
		{"nul bytes", []byte("text\x00\x00\x00 with nul bytes"), "binary (NUL bytes), not text"},
		{"too large", bytes.Repeat([]byte("a"), MaxInputBytes+1), "over the size limit"},
		{"only a header", []byte(" date 2021-03-17\n\n"), "no article text"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			docs, errs := readAll(t, "x", string(c.data))
			if len(docs) != 0 || len(errs) != 1 || !strings.Contains(errs[0], c.want) {
				t.Errorf("got %d docs, errors %q; want one error with %q", len(docs), errs, c.want)
			}
		})
	}
}

func TestDecode(t *testing.T) {
	ru := "Посол России в США Анатолий Антонов вернулся в Вашингтон после консультаций в Москве."
	cp1251, _ := charmap.Windows1251.NewEncoder().String(ru)
	fr := "Le président a rappelé l'ambassadeur à Moscou, a déclaré le ministère français des Affaires étrangères."
	latin1, _ := charmap.ISO8859_1.NewEncoder().String(fr)
	cut := "Антонов сказал: «да»"
	cases := []struct {
		name, in, want, repair string
	}{
		{"utf-8 as is", "Ambassador — «Antonov»", "Ambassador — «Antonov»", ""},
		{"byte order mark", "\xEF\xBB\xBFtext", "text", ""},
		{"cut multi-byte character", cut[:len(cut)-1], cut[:len(cut)-2], "cut multi-byte character"},
		{"stray byte", "the ambassador\xff said — yes", "the ambassador\uFFFD said — yes", "1 invalid UTF-8 byte(s) replaced, the first at byte 14"},
		{"windows-1251", cp1251, ru, "decoded from Windows-1251"},
		{"latin-1", latin1, fr, "decoded from Latin-1"},
		{"utf-16le", "\xFF\xFEh\x00i\x00", "hi", "decoded from UTF-16"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, repairs, err := Decode([]byte(c.in))
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("Decode = %q, want %q", got, c.want)
			}
			if c.repair == "" && len(repairs) > 0 || c.repair != "" && (len(repairs) == 0 || !strings.Contains(strings.Join(repairs, "; "), c.repair)) {
				t.Errorf("repairs = %q, want %q", repairs, c.repair)
			}
		})
	}
	if _, _, err := Decode([]byte("\x81\x8d\x8f\x90\x9d\x81\x8d\x8f")); err == nil {
		t.Error("Decode of bytes undefined in every encoding: no error")
	}
}

func TestRepairIsNotedOnTheDocument(t *testing.T) {
	cp1251, _ := charmap.Windows1251.NewEncoder().String("Заголовок\n\nПосол вернулся в Вашингтон после консультаций.")
	docs, errs := readAll(t, "ru.txt", cp1251)
	if len(errs) > 0 || len(docs) != 1 {
		t.Fatalf("docs %d errs %q", len(docs), errs)
	}
	if docs[0].Title != "Заголовок" || !slices.Contains(docs[0].Repairs, "decoded from Windows-1251") || string(docs[0].Raw) != cp1251 {
		t.Errorf("got title %q repairs %q", docs[0].Title, docs[0].Repairs)
	}
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(`{"text":"from gzip"}` + "\n"))
	zw.Close()
	write("b/feed.jsonl.gz", gz.Bytes())
	write("a.txt", []byte("Title\n\nBody."))
	write(".hidden/skip.txt", []byte("no"))
	write("b/.skip.txt", []byte("no"))
	write("b/c/deep.txt", []byte("Deep\n\nBody."))

	var origins []string
	var formats []string
	for in := range Files([]string{dir, filepath.Join(dir, "missing.txt"), "-"}, strings.NewReader("Stdin title\n\nFrom stdin.")) {
		for d, err := range Read(in) {
			if err != nil {
				origins = append(origins, "error: "+err.Error())
				continue
			}
			origins = append(origins, strings.TrimPrefix(d.Origin, dir+"/"))
			formats = append(formats, d.Format)
		}
	}
	want := []string{"a.txt", "b/c/deep.txt", "b/feed.jsonl.gz:1", "error: " + filepath.Join(dir, "missing.txt") + ": cannot be read: no such file or directory", "-"}
	if !slices.Equal(origins, want) {
		t.Errorf("origins = %q\nwant %q", origins, want)
	}
	if !slices.Equal(formats, []string{"text", "text", "jsonl", "text"}) {
		t.Errorf("formats = %q", formats)
	}
}

func TestFS(t *testing.T) {
	fsys := fstest.MapFS{
		"corpus/2.jsonl": {Data: []byte(`{"text":"two"}`)},
		"corpus/1.txt":   {Data: []byte("One\n\nBody.")},
	}
	var origins []string
	for in := range FS(fsys, ".") {
		for d, err := range Read(in) {
			if err != nil {
				t.Fatal(err)
			}
			origins = append(origins, d.Origin)
		}
	}
	if !slices.Equal(origins, []string{"corpus/1.txt", "corpus/2.jsonl:1"}) {
		t.Errorf("origins = %q", origins)
	}
}

// checkDocs is the property every reader keeps, whatever its input: every
// item is a document or an error, documents hold valid UTF-8 text and
// their raw bytes.
func checkDocs(t *testing.T, data []byte, format string) {
	for d, err := range Read(Input{Origin: "fuzz", Data: data}) {
		if err != nil {
			if _, ok := err.(*ItemError); !ok {
				t.Fatalf("error %v is not an *ItemError", err)
			}
			continue
		}
		if d == nil {
			t.Fatal("nil document without an error")
		}
		for i, s := range []string{d.Text, d.Title, d.URL, d.Source, d.Byline, d.Language} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in %q", s)
			}
			for _, r := range s {
				if r < 0x20 && !(i == 0 && (r == '\t' || r == '\n' || r == '\r')) || r >= 0x7f && r < 0xa0 {
					t.Fatalf("control character %U kept in %q", r, s)
				}
			}
		}
		if strings.TrimSpace(d.Text) == "" {
			t.Fatal("document with no text")
		}
		if len(d.Raw) == 0 {
			t.Fatal("document without its raw bytes")
		}
	}
}

func FuzzText(f *testing.F) {
	f.Add([]byte(" date 2021-11-02 https://a.example/20211102/x\n\nTitle\n\nBody."))
	f.Add([]byte("Title\n[ad_1]\nBody\nRead More"))
	f.Add([]byte(" date 2024-03-11 Body on the header line."))
	f.Add([]byte("\xff\xfeT\x00i\x00"))
	f.Add([]byte("\xcf\xee\xf1\xee\xeb \xd0\xee\xf1\xf1\xe8\xe8"))
	f.Fuzz(func(t *testing.T, data []byte) { checkDocs(t, data, "text") })
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"url":"u","title":"t","text":"x","published":"2021-03-17"}` + "\n" + `{"text":`))
	f.Add([]byte(`[{"text":"a"},{"text":"b","published":1615975200}]`))
	f.Add([]byte(`{"text":"a","author":[{"name":"n"}],"date":"June 16, 2021"}`))
	f.Fuzz(func(t *testing.T, data []byte) { checkDocs(t, data, "jsonl") })
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("plain"))
	f.Add([]byte("cut \xd0"))
	f.Add([]byte("\xcf\xee\xf1\xee\xeb"))
	f.Add([]byte("caf\xe9"))
	f.Add([]byte("\xe2\x80\x9cquote\xe2\x80\x9d \xc0\xed\xf2\xee\xed\xee\xe2 \xd1\xbb caf\xe9 \x93x\x94"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, _, err := Decode(data)
		if err == nil && !utf8.ValidString(s) {
			t.Fatalf("Decode(%q) = %q: not valid UTF-8", data, s)
		}
		if utf8.Valid(data) && !bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) && !hasUTF16BOM(data) && s != string(data) {
			t.Fatalf("Decode changed valid UTF-8 %q to %q", data, s)
		}
	})
}

// TestHeaderInAnyFormat: the crawler's " date YYYY-MM-DD" line opens the
// text of a JSONL export as it opens a plain-text file; it is taken off the
// text and gives the date and URL where the fields give none.
func TestHeaderInAnyFormat(t *testing.T) {
	in := `{"url":"https://c.example/envoy","text":" date 2021-06-20 The envoy flew back to Washington on Sunday."}
{"text":" date 2024-10-06 https://d.example/2024/10/06/leaves\n\nThe ambassador left Washington."}
{"text":" date 2017-07-11 Geneva.","published":"2021-06-17"}
{"text":" date 2021-02-30 An impossible day stays in the text."}
{"text":"The date 2021-06-20 mid-text is no header."}
{"url":"https://e.example/world/crash","text":" date 2019-03 Debris lies at the site of the crash near the town."}
{"text":" date 2019-031 A number run on is no month."}
`
	docs, errs := readAll(t, "export.jsonl", in)
	if len(errs) != 0 {
		t.Fatalf("errors %q", errs)
	}
	want := []struct {
		published, from, url, text string
	}{
		{"2021-06-20", "header", "https://c.example/envoy", "The envoy flew back to Washington on Sunday."},
		{"2024-10-06", "header", "https://d.example/2024/10/06/leaves", "The ambassador left Washington."},
		{"2021-06-17", "meta", "", "Geneva."},
		{"", "", "", " date 2021-02-30 An impossible day stays in the text."},
		{"", "", "", "The date 2021-06-20 mid-text is no header."},
		{"2019-03", "header", "https://e.example/world/crash", "Debris lies at the site of the crash near the town."},
		{"", "", "", " date 2019-031 A number run on is no month."},
	}
	if len(docs) != len(want) {
		t.Fatalf("got %d documents, want %d", len(docs), len(want))
	}
	for i, w := range want {
		d := docs[i]
		if d.Published.String() != w.published || string(d.PublishedFrom) != w.from || d.URL != w.url || d.Text != strings.TrimSpace(w.text) {
			t.Errorf("line %d: published %q from %q, url %q, text %q; want %q from %q, url %q, text %q",
				i+1, d.Published, d.PublishedFrom, d.URL, d.Text, w.published, w.from, w.url, strings.TrimSpace(w.text))
		}
	}
}
