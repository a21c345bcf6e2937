package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// languageSample is how much text language detection looks at: enough to
// tell, and detection costs in proportion.
const languageSample = 700

// newsLanguages are the languages detection chooses among: those news
// comes in most. Comparing trigram profiles is most of the cost of
// cleaning, so the long tail is left out; scripts of their own (Greek,
// Hebrew, Arabic, CJK, ...) are told by their script whatever this says.
var newsLanguages = whatlanggo.Options{Whitelist: map[whatlanggo.Lang]bool{
	whatlanggo.Eng: true, whatlanggo.Rus: true, whatlanggo.Ukr: true, whatlanggo.Bel: true, whatlanggo.Bul: true,
	whatlanggo.Srp: true, whatlanggo.Mkd: true, whatlanggo.Ind: true, whatlanggo.Deu: true, whatlanggo.Fra: true,
	whatlanggo.Spa: true, whatlanggo.Por: true, whatlanggo.Ita: true, whatlanggo.Nld: true, whatlanggo.Pol: true,
	whatlanggo.Ces: true, whatlanggo.Ron: true, whatlanggo.Hun: true, whatlanggo.Tur: true, whatlanggo.Swe: true,
	whatlanggo.Dan: true, whatlanggo.Nob: true, whatlanggo.Fin: true, whatlanggo.Vie: true, whatlanggo.Tgl: true,
	whatlanggo.Hrv: true, whatlanggo.Slv: true, whatlanggo.Lit: true, whatlanggo.Lav: true, whatlanggo.Est: true,
	whatlanggo.Arb: true, whatlanggo.Pes: true, whatlanggo.Urd: true, whatlanggo.Hin: true, whatlanggo.Cmn: true,
	whatlanggo.Jpn: true, whatlanggo.Kor: true, whatlanggo.Heb: true, whatlanggo.Ell: true, whatlanggo.Tha: true,
	whatlanggo.Kat: true, whatlanggo.Ben: true, whatlanggo.Tam: true, whatlanggo.Azj: true, whatlanggo.Uzb: true,
}}

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
	if english(text) {
		return "en"
	}
	info := whatlanggo.DetectWithOptions(text, newsLanguages)
	if info.Lang == -1 {
		return ""
	}
	return info.Lang.Iso6391()
}

// englishWords are the commonest English function words, which make up a
// quarter of English running text and almost none of any other language's.
var englishWords = map[string]bool{"the": true, "and": true, "of": true, "to": true, "in": true, "a": true,
	"is": true, "was": true, "that": true, "for": true, "on": true, "with": true, "said": true, "he": true,
	"it": true, "as": true, "by": true, "at": true, "his": true, "has": true, "from": true, "have": true}

// english reports whether text is plainly English: at least 40 words, a
// fifth of them English function words. It spares the trigram comparison
// for most news.
func english(text string) bool {
	words, hits := 0, 0
	var low [4]byte
	for i := 0; i < len(text); {
		// A word is a run of letters (strings.FieldsFunc with
		// !unicode.IsLetter): ASCII bytes are told without decoding.
		start, ascii := i, true
		for i < len(text) {
			if c := text[i]; c < utf8.RuneSelf {
				if 'a' <= c|0x20 && c|0x20 <= 'z' {
					i++
					continue
				}
				break
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) {
				break
			}
			ascii = false
			i += size
		}
		if i == start {
			// not a letter: step over it
			if text[i] < utf8.RuneSelf {
				i++
			} else {
				_, size := utf8.DecodeRuneInString(text[i:])
				i += size
			}
			continue
		}
		words++
		w := text[start:i]
		if len(w) > 4 {
			continue
		}
		// An ASCII word is lowered into low, without allocating.
		if ascii {
			for k := range len(w) {
				low[k] = lowerASCII(w[k])
			}
			if englishWords[string(low[:len(w)])] {
				hits++
			}
		} else if englishWords[strings.ToLower(w)] {
			hits++
		}
	}
	return words >= 40 && hits*5 >= words
}
