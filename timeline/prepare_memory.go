package timeline

import "slices"

// prepareMemory is the memory of prepare's items, kept with a run's word
// keys (wordKeys.spare) and used again by the next prepare with those
// keys: the event-dates stage prepares one event after the other, each
// done with before the next, and most of what an event's items hold is
// as large as the event. Build's keys are its own, used once.
type prepareMemory struct {
	items   []item
	ptrs    []*item
	weights []float64
	ids     int32Arena
	// terms is prepare's word feature IDs of each sentence (in ids).
	terms map[string][]int32
	// df, kind and keys are by feature ID (prepare's).
	df   []int
	kind []bool
	keys []int32
}

// reset makes m's memory free for one more prepare, dropping what the
// last one made.
func (m *prepareMemory) reset() {
	clear(m.items)
	clear(m.ptrs)
	m.items, m.ptrs = m.items[:0], m.ptrs[:0]
	m.ids.reset()
	if m.terms == nil {
		m.terms = map[string][]int32{}
	}
	m.terms = emptied(m.terms)
	m.df, m.kind, m.keys = m.df[:0], m.kind[:0], m.keys[:0]
}

// itemsFor returns room for n items, empty.
func (m *prepareMemory) itemsFor(n int) []item {
	if cap(m.items) < n {
		m.items = make([]item, 0, n)
	}
	return m.items[:0]
}

// weightsFor returns n weights, to be overwritten.
func (m *prepareMemory) weightsFor(n int) []float64 {
	if cap(m.weights) < n {
		m.weights = make([]float64, n)
	}
	return m.weights[:n]
}

// int32Arena hands out copies of ID lists from large chunks, taken again
// after reset: a prepare's lists in a few allocations, not one a list.
type int32Arena struct {
	chunks [][]int32 // chunks[:used] are handed out from
	used   int
}

// firstChunk and arenaChunk are the lengths of an arena's first chunk
// (4 KB, for a small timeline) and of its largest (256 KB): each chunk
// is twice as long as the one before, up to arenaChunk.
const (
	firstChunk = 1 << 10
	arenaChunk = 1 << 16
)

// clone returns a copy of ids, with no room to grow: an append to it
// copies it out.
func (a *int32Arena) clone(ids []int32) []int32 {
	if len(ids) == 0 {
		return nil
	}
	if len(ids) > firstChunk {
		return slices.Clip(slices.Clone(ids)) // a list that long is rare
	}
	if a.used == 0 || len(a.chunks[a.used-1])+len(ids) > cap(a.chunks[a.used-1]) {
		if a.used == len(a.chunks) {
			n := firstChunk
			if a.used > 0 {
				n = min(arenaChunk, 2*cap(a.chunks[a.used-1]))
			}
			a.chunks = append(a.chunks, make([]int32, 0, n))
		}
		a.chunks[a.used] = a.chunks[a.used][:0]
		a.used++
	}
	c := &a.chunks[a.used-1]
	at := len(*c)
	*c = append(*c, ids...)
	return (*c)[at:len(*c):len(*c)]
}

// reset takes back every list handed out.
func (a *int32Arena) reset() { a.used = 0 }
