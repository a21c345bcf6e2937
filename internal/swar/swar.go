// Package swar reads text eight bytes at a time ("SIMD within a
// register"): the scanners of several stages test a word of eight bytes
// at once for the bytes they look for, and read the bytes one by one only
// where a word may hold one.
package swar

// Load64 returns the eight bytes of s from i on as one word, s[i] in the
// lowest byte (little-endian). s must hold at least i+8 bytes. The
// compiler makes the eight loads one.
func Load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
