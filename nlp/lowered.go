package nlp

// A Lowered is a text with its LowerASCII, made once (Lower) for the
// tokenisers of the extractors that read the same text (entity, timex,
// quote): each takes the lower case of an ASCII word with capitals as a
// slice of Low instead of lowering the word again into a buffer of its
// own.
type Lowered struct {
	text, low string
}

// Lower returns text with its LowerASCII.
func Lower(text string) Lowered { return Lowered{text: text, low: LowerASCII(text)} }

// Text returns the text.
func (l Lowered) Text() string { return l.text }

// Low returns the text's LowerASCII: Low()[i:j] is the lower case of
// Text()[i:j] when that is ASCII.
func (l Lowered) Low() string { return l.low }
