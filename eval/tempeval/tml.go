// Package tempeval reads TempEval-3 TimeML documents (.tml) and scores time
// expressions the way the TempEval-3 scorer does: strict and relaxed F1 on
// spans, and value and type accuracy on relaxed matches.
package tempeval

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	storyline "github.com/storyline/storyline"
)

// Doc is one TimeML document: its raw text (the content of <TEXT> with the
// markup removed), its creation date and the gold time expressions, with
// byte offsets into Text.
type Doc struct {
	Name  string // file name without the folder
	Group string // the sub-folder it came from ("TimeBank", "AQUAINT"), "" at the top
	DCT   storyline.Date
	// DCTValue is the DCT's TIMEX3 value as written (it may carry a time).
	DCTValue string
	Text     string
	Gold     []storyline.Timex
}

// ReadFile reads one .tml file.
func ReadFile(path string) (*Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read timeml %s: %w", path, err)
	}
	defer f.Close()
	d, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("read timeml %s: %w", path, err)
	}
	d.Name = filepath.Base(path)
	return d, nil
}

// Read parses a TimeML document. It fails when the XML is malformed, when
// there is no <TEXT>, or when TIMEX3 elements nest.
func Read(r io.Reader) (*Doc, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = true
	var (
		d           Doc
		text        strings.Builder
		inText      bool
		inDCT       bool
		sawText     bool
		open        *storyline.Timex
		depthInText int
	)
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("xml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "TEXT" && !inText:
				inText, sawText = true, true
			case t.Name.Local == "DCT":
				inDCT = true
			case t.Name.Local == "TIMEX3" && inDCT:
				d.DCTValue = attr(t, "value")
			case t.Name.Local == "TIMEX3" && inText:
				if open != nil {
					return nil, fmt.Errorf("TIMEX3 %s nests inside %s", attr(t, "tid"), open.Rule)
				}
				open = &storyline.Timex{Start: text.Len(), Type: attr(t, "type"), Value: attr(t, "value"), Rule: attr(t, "tid")}
			}
			if inText {
				depthInText++
			}
		case xml.EndElement:
			if inText {
				depthInText--
			}
			switch {
			case t.Name.Local == "TEXT" && depthInText < 0:
				inText = false
			case t.Name.Local == "DCT":
				inDCT = false
			case t.Name.Local == "TIMEX3" && open != nil:
				open.End = text.Len()
				open.Text = text.String()[open.Start:open.End]
				d.Gold = append(d.Gold, *open)
				open = nil
			}
		case xml.CharData:
			if inText {
				text.Write(t)
			}
		}
	}
	if !sawText {
		return nil, errors.New("no <TEXT> element")
	}
	d.Text = text.String()
	if len(d.DCTValue) >= 10 {
		dct, err := storyline.ParseDate(d.DCTValue[:10])
		if err != nil {
			return nil, fmt.Errorf("DCT value %q: %w", d.DCTValue, err)
		}
		d.DCT = dct
	}
	return &d, nil
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// ReadDir reads every .tml file under dir (recursively), sorted by path,
// skipping a file whose name it has already read in another folder.
// A document's Group is the first folder of its path below dir.
func ReadDir(dir string) ([]*Doc, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() && strings.HasSuffix(p, ".tml") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list timeml files in %s: %w", dir, err)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no .tml files in %s: point --data at a TempEval-3 folder such as ../shared/eval/tempeval3/train", dir)
	}
	sort.Strings(paths)
	docs := make([]*Doc, 0, len(paths))
	seen := map[string]bool{}
	for _, p := range paths {
		// The TempEval-3 train folder repeats a TimeBank file in
		// "testpipeline": score each document once.
		if seen[filepath.Base(p)] {
			continue
		}
		seen[filepath.Base(p)] = true
		d, err := ReadFile(p)
		if err != nil {
			return nil, err
		}
		rel, _ := filepath.Rel(dir, p)
		if i := strings.IndexAny(rel, `/\`); i >= 0 {
			d.Group = rel[:i]
		}
		docs = append(docs, d)
	}
	return docs, nil
}
