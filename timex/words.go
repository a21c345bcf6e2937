package timex

import "sync"

// A Word is a run of ASCII letters of a text that the tagger read as a
// word of its own: Start and End are byte offsets into the text, Hash
// the 32-bit FNV-1a hash of its lower case (as hash/fnv's New32a gives).
type Word struct {
	Start, End int
	Hash       uint32
}

// Words returns the words of f's text that are runs of ASCII letters, in
// the order of the text: each such run that is neither glued to a dot
// ("p.m.", "Sept.") nor to a letter that is not ASCII. Other extractors
// reading the same text take them from here instead of reading its
// letters again. The slice is f's: it is valid until Release.
func (f *Found) Words() []Word {
	if f.words != nil {
		return f.words
	}
	var ws []Word
	if buf, _ := wordBuffers.Get().(*[]Word); buf != nil {
		ws = *buf
	}
	ws = ws[:0]
	for i := range f.toks {
		if t := &f.toks[i]; t.plain {
			ws = append(ws, Word{t.start, t.end, t.hash})
		}
	}
	f.words = ws
	return ws
}

// wordBuffers holds Word slices for Words to reuse (*[]Word).
var wordBuffers sync.Pool
