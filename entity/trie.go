package entity

import "strings"

// A trie over word ids holds a gazetteer's phrase keys (lower-case words
// joined by one space): a name of several words is found by following
// the text's tokens from node to node, with no key string built and
// looked up for each length.

// trie is built once with the lexicon and never changed after.
type trie struct {
	// ids numbers the words of the keys: a word's id is the node it leads
	// to from the root (node 0); deeper nodes take the numbers after.
	ids   map[string]int32
	nodes []trieNode
	next  map[trieStep]int32
}

// trieStep is an edge of a trie: from node by word.
type trieStep struct{ node, word int32 }

// trieNode is a node of a trie: whether its path spells a key, and the
// gazetteer's entry for it.
type trieNode struct {
	en    entry
	known bool
}

// newTrie returns an empty trie with room for about n keys.
func newTrie(n int) *trie {
	return &trie{ids: make(map[string]int32, n), nodes: make([]trieNode, 1, n+1), next: make(map[trieStep]int32, n/2)}
}

// insert adds key and returns its node.
func (t *trie) insert(key string) *trieNode {
	node := int32(0)
	for part := range strings.SplitSeq(key, " ") {
		id, ok := t.ids[part]
		if !ok {
			id = t.add()
			t.ids[part] = id
		}
		if node == 0 {
			node = id
			continue
		}
		step := trieStep{node, id}
		child, ok := t.next[step]
		if !ok {
			child = t.add()
			t.next[step] = child
		}
		node = child
	}
	return &t.nodes[node]
}

func (t *trie) add() int32 {
	t.nodes = append(t.nodes, trieNode{})
	return int32(len(t.nodes) - 1)
}

// step returns the node reached from node by word id, 0 for none.
func (t *trie) step(node, id int32) int32 {
	if id == 0 {
		return 0
	}
	if node == 0 {
		return id
	}
	return t.next[trieStep{node, id}]
}

// known reports whether word id alone is a key.
func (t *trie) known(id int32) bool { return id != 0 && t.nodes[id].known }

// has reports whether key, lower-case words joined by one space, is a key.
func (t *trie) has(key string) bool {
	node := int32(0)
	for part := range strings.SplitSeq(key, " ") {
		if node = t.step(node, t.ids[part]); node == 0 {
			return false
		}
	}
	return node != 0 && t.nodes[node].known
}
