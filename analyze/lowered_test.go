package analyze

import (
	"reflect"
	"testing"
	"unsafe"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/entity"
	"github.com/storyline/storyline/nlp"
	"github.com/storyline/storyline/quote"
	"github.com/storyline/storyline/timex"
)

// analyseWith lowers an article's text once for its extractors, which
// take the lower case of a capitalised word as a slice of that copy. No
// string they return may be such a slice: it would keep the whole copy
// alive as long as the analysis (a one-word role, "President" read as
// "president"; a speaker that is a determiner alone, "Some said").
func TestExtractorsReturnNoSliceOfTheLoweredText(t *testing.T) {
	for _, text := range []string{
		"President Vladimir Putin said on Monday that the talks would go on. He told reporters in Moscow that Russia was ready.",
		"“We are not going to leave this country,” Some said on Tuesday. Others disagreed.",
	} {
		checkExtractorsKeepNoLowered(t, text)
	}
	for _, a := range timeline17(t) { // skips the rest when the corpus is missing
		checkExtractorsKeepNoLowered(t, a.Text)
	}
}

// checkExtractorsKeepNoLowered runs the three extractors over text lowered
// once and fails when a string of their results is a slice of the lowered
// copy.
func checkExtractorsKeepNoLowered(t *testing.T, text string) {
	t.Helper()
	lt := nlp.Lower(text)
	mentions := entity.ExtractLowered(lt)
	found := timex.FindLowered(lt)
	out := map[string]any{
		"mentions": mentions,
		"timexes":  found.Resolve(storyline.Date{}),
		"quotes":   quote.ExtractSaidLowered(lt, mentions),
	}
	found.Release()
	for what, v := range out {
		checkNotIn(t, text, lt.Low(), what, reflect.ValueOf(v))
	}
}

// checkNotIn fails when a string under v starts inside low (unless low is
// text itself, a text without capitals).
func checkNotIn(t *testing.T, text, low, path string, v reflect.Value) {
	t.Helper()
	if low == "" || unsafe.StringData(low) == unsafe.StringData(text) {
		return
	}
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		if s == "" {
			return
		}
		at := uintptr(unsafe.Pointer(unsafe.StringData(s))) - uintptr(unsafe.Pointer(unsafe.StringData(low)))
		if at < uintptr(len(low)) {
			t.Errorf("%s %q is a slice of the lowered text of %.60q", path, s, text)
		}
	case reflect.Slice:
		for i := range v.Len() {
			checkNotIn(t, text, low, path, v.Index(i))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			checkNotIn(t, text, low, path+"."+v.Type().Field(i).Name, v.Field(i))
		}
	}
}
