package timeline

import (
	"strings"
	"testing"

	"github.com/storyline/storyline"
)

// TestKeepBoundsTexts keeps the dated statements of articles whose long
// texts have one short dated sentence each. A statement's Text and
// DateText are pieces of its article's text, so keeping them keeps the
// whole text: what a run keeps must count the texts, or maxAnalysed
// bounds a small part of the memory held.
func TestKeepBoundsTexts(t *testing.T) {
	var s eventDates
	day := storyline.Date{Year: 2019, Month: 3, Day: 10, Precision: storyline.PrecisionDay}
	held := 0 // bytes of the texts the kept statements hold
	for i := range 2 * maxAnalysed / (1 << 20) {
		text := "The plane crashed on Sunday. " + strings.Repeat("Filler words go on and on. ", (1<<20)/27)
		a := &storyline.Article{ID: string(rune('a'+i%26)) + strings.Repeat("x", i/26), Text: text}
		st := storyline.Statement{ArticleID: a.ID, Text: text[:28], Date: day, DateText: text[20:27]}
		before := len(s.analysed)
		s.keep(a, []storyline.Statement{st})
		if len(s.analysed) > before {
			held += len(text)
		}
	}
	if held > maxAnalysed {
		t.Errorf("the kept statements hold %d MB of article texts, more than maxAnalysed (%d MB)", held>>20, maxAnalysed>>20)
	}
	if len(s.analysed) == 0 {
		t.Error("nothing kept")
	}
}
