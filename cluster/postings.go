package cluster

import "slices"

// Posting lists. Terms are numbered densely from 0 (vocab), so the events
// or stories posted under each term are a slice indexed by the term, not a
// map: finding candidates looks nothing up by hash.

// postings holds, for each term, the items posted under it, in the order
// they were posted.
type postings[T interface{ isDead() bool }] [][]T

// add posts x under term id.
func (p *postings[T]) add(id int32, x T) {
	if int(id) >= len(*p) {
		*p = append(*p, make([][]T, int(id)+1-len(*p))...)
	}
	(*p)[id] = append((*p)[id], x)
}

// live returns the items posted under id that are not dropped, dropping
// the others from the list.
func (p postings[T]) live(id int32) []T {
	if int(id) >= len(p) {
		return nil
	}
	list := removeDead(p[id])
	if len(list) == 0 {
		list = nil
	}
	p[id] = list
	return list
}

// posted returns the items posted under id: the list as it stands when
// clean (nothing dropped since the last sweep, so none of them is), else
// live's. Reading a list as it stands looks at none of its items: each
// is a cache miss.
func (p postings[T]) posted(id int32, clean bool) []T {
	if !clean {
		return p.live(id)
	}
	if int(id) >= len(p) {
		return nil
	}
	return p[id]
}

// sweep takes the dropped items out of the lists of the terms stale,
// each list once, releases the lists left empty, and returns stale
// emptied.
func (p postings[T]) sweep(stale []int32) []int32 {
	for _, id := range stale {
		if int(id) < len(p) && len(p[id]) > 0 {
			p.live(id)
		}
	}
	return stale[:0]
}

// remap renumbers the terms (remap[old] is the new term, -1 for a term
// forgotten), keeping the live items of each list.
func (p postings[T]) remap(remap []int32, terms int) postings[T] {
	out := make(postings[T], terms)
	for id, list := range p {
		if id < len(remap) && remap[id] >= 0 && len(list) > 0 {
			if list = removeDead(list); len(list) > 0 {
				out[remap[id]] = list
			}
		}
	}
	return out
}

// removeDead drops the dead events or stories of a posting list. A list
// without any is returned as it is, unwritten: most are, outside Settle.
func removeDead[T interface{ isDead() bool }](list []T) []T {
	first := slices.IndexFunc(list, T.isDead)
	if first < 0 {
		return list
	}
	live := list[:first]
	for _, x := range list[first+1:] {
		if !x.isDead() {
			live = append(live, x)
		}
	}
	clear(list[len(live):])
	return live
}
