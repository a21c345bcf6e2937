package sqlite

import "math/bits"

// chunk returns how many of n rows (n > 0) the next multi-row statement
// writes: most while that many are left, else the largest power of two
// not above n. The statements of every batch then come in a few sizes,
// each prepared once a Store (txStmts) rather than parsed again for the
// odd number of rows a batch ends with.
func chunk(n, most int) int {
	if n >= most {
		return most
	}
	return 1 << (bits.Len(uint(n)) - 1)
}
