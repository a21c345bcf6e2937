package timex

import (
	"strconv"
	"strings"
	"testing"
	"time"

	storyline "github.com/storyline/storyline"
)

// BenchmarkLinear tags growing inputs of repeated month names: ns/op per
// byte stays flat when the tagger is linear.
func BenchmarkLinear(b *testing.B) {
	dct := storyline.Day(2021, time.March, 22)
	for _, n := range []int{10000, 100000} {
		for _, unit := range []string{"March ", "the the ", "Monday, "} {
			s := strings.Repeat(unit, n)
			b.Run(strings.TrimSpace(unit)+"/"+strconv.Itoa(n), func(b *testing.B) {
				b.SetBytes(int64(len(s)))
				for i := 0; i < b.N; i++ {
					Tag(s, dct)
				}
			})
		}
	}
}
