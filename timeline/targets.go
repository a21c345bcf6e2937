package timeline

import "math"

// targets are the happenings statements may move into (moveItemsInto),
// with their members indexed: a statement need not be compared with the
// members of every one of them to find those it links to at threshold.
type targets struct {
	into    []*happening
	members *dayReports // the members that date each (not corroborating)
	owner   []int       // the position in into of each member's happening
	buf     []*happening
}

// newTargets indexes the members of into for moving statements: when
// they are few, every target is tested (find returns into).
// fewMoving is the number of moving statements up to which the targets
// are not indexed: testing each costs less than the index.
const fewMoving = 8

func newTargets(into []*happening, threshold float64, moving int) *targets {
	t := &targets{into: into}
	if moving <= fewMoving {
		return t
	}
	var members []*item
	for k, g := range into {
		for _, b := range g.items {
			if !g.coarse[b] {
				members = append(members, b)
				t.owner = append(t.owner, k)
			}
		}
	}
	t.members = newReports(members, false, func(x, y *item) float64 { return threshold })
	return t
}

// find returns the targets, in order, that it may link to at threshold:
// those with a member it names the same kind of happening and an actor
// with, or both about the focus in one article, or alike at threshold
// (link). The others link to it below threshold. found is scratch space.
func (t *targets) find(it *item, found []int) ([]*happening, []int) {
	if t.members == nil {
		return t.into, found
	}
	found = t.members.candidates(it, len(t.members.reports), found[:0])
	t.buf = t.buf[:0]
	last := -1
	for _, m := range found { // members are in the order of their happenings
		if k := t.owner[m]; k != last {
			t.buf = append(t.buf, t.into[k])
			last = k
		}
	}
	return t.buf, found
}

// eachLink calls f, in order, with each target g that it links to at the
// threshold and the link and closest of linkOne(sp, it, g), sp holding
// it's vector spread out. With the members indexed, only the members the
// index finds for it are compared: the others are below the threshold,
// unless none of those found reaches it and a kind of happening links
// them (then closest reads them all). found is scratch space.
func (t *targets) eachLink(sp *spread, it *item, threshold float64, found []int, f func(g *happening, link, closest float64)) []int {
	if t.members == nil {
		for _, g := range t.into {
			if !g.mayLink(it, threshold) {
				continue
			}
			if l, c := linkOne(sp, it, g); l >= threshold {
				f(g, l, c)
			}
		}
		return found
	}
	found = t.members.candidates(it, len(t.members.reports), found[:0])
	for i := 0; i < len(found); {
		k := t.owner[found[i]]
		c, kind := 0.0, false
		for ; i < len(found) && t.owner[found[i]] == k; i++ {
			b := t.members.reports[found[i]]
			if !kind && linksAtOne(it, b) {
				kind = true
			}
			c = math.Max(c, sp.cosine(&b.vec))
		}
		switch g := t.into[k]; {
		case c >= threshold && kind:
			f(g, 1, c)
		case c >= threshold:
			f(g, c, c)
		case kind:
			_, c = linkOne(sp, it, g)
			f(g, 1, c)
		}
	}
	return found
}

// release gives back what the index holds (dayReports.release).
func (t *targets) release() {
	if t != nil && t.members != nil {
		t.members.release()
	}
}

// targetCache keeps the targets of one date at a time, built when a
// happening of another date asks: happenings come in date order, so a
// date's are built once and given back when the next date's are (a date
// that came back would have them built again, alike).
type targetCache[K comparable] struct {
	key K
	t   *targets
	ok  bool
}

// get returns the targets of key, built by build unless they are kept.
func (c *targetCache[K]) get(key K, build func() *targets) *targets {
	if c.ok && c.key == key {
		return c.t
	}
	c.release()
	c.key, c.t, c.ok = key, build(), true
	return c.t
}

// release gives back the targets kept.
func (c *targetCache[K]) release() {
	c.t.release()
	c.t, c.ok = nil, false
}
