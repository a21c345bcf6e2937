package nlp

import "strings"

// stopFinder finds the stops ('.', '!', '?') of a line one after the
// other, as strings.IndexAny(line[i:], ".!?") does for each i, faster:
// the next place of each stop is found with IndexByte, which reads many
// bytes at a time, and kept until the reader passes it, where IndexAny
// tests every byte against the three. Most of a line's stops are full
// stops; its first '!' or '?' is usually found once for the whole line.
type stopFinder struct {
	line string
	// next holds the index of the first of each stop at or after from,
	// len(line) when there is none.
	next [len(stopBytes)]int
	from int
}

var stopBytes = [...]byte{'.', '!', '?'}

// newStopFinder returns the finder of line's stops from i on.
func newStopFinder(line string, i int) stopFinder {
	f := stopFinder{line: line}
	f.find(i)
	return f
}

// find reads the next place of each stop from i on.
func (f *stopFinder) find(i int) {
	f.from = i
	for k, c := range stopBytes {
		f.next[k] = f.nextOf(c, i)
	}
}

// nextOf is the index of the first c at or after i, len(f.line) when
// there is none.
func (f *stopFinder) nextOf(c byte, i int) int {
	if at := strings.IndexByte(f.line[i:], c); at >= 0 {
		return i + at
	}
	return len(f.line)
}

// at returns the index of the first stop at or after i (0 <= i <=
// len(line)), or -1 when there is none.
func (f *stopFinder) at(i int) int {
	if i < f.from {
		f.find(i) // back before the places read: read them again
	}
	f.from = i
	first := len(f.line)
	for k := range f.next {
		if f.next[k] < i {
			f.next[k] = f.nextOf(stopBytes[k], i)
		}
		first = min(first, f.next[k])
	}
	if first == len(f.line) {
		return -1
	}
	return first
}
