package clean

import (
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// languageSample is how much text language detection looks at.
const languageSample = 2000

// Language returns the ISO 639-1 code of the language text is written in
// ("en", "ru", "id"), or "" when it is too short to tell.
func Language(text string) string {
	if len(text) > languageSample {
		text = text[:languageSample]
		for !utf8.ValidString(text) {
			text = text[:len(text)-1]
		}
	}
	if utf8.RuneCountInString(text) < 20 {
		return ""
	}
	info := whatlanggo.Detect(text)
	if info.Lang == -1 {
		return ""
	}
	return info.Lang.Iso6391()
}
