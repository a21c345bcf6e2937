package sqlite

import "testing"

// Every number of rows is written whole, in statements of at most the
// given size, and all the batches between them use few statement sizes.
func TestChunkCoversEveryRowInFewSizes(t *testing.T) {
	sizes := map[int]bool{}
	for n := 1; n <= 1000; n++ {
		left := n
		for left > 0 {
			k := chunk(left, 150)
			if k < 1 || k > 150 || k > left {
				t.Fatalf("chunk(%d, 150) = %d", left, k)
			}
			sizes[k] = true
			left -= k
		}
	}
	// 150 and the powers of two below it
	if len(sizes) != 9 {
		t.Errorf("%d statement sizes for batches of 1 to 1,000 rows, want 9: %v", len(sizes), sizes)
	}
}
