package analyze

import (
	"testing"
	"time"
)

func BenchmarkZZBig(b *testing.B) {
	arts := timeline17(b)
	now := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	ids := map[string]bool{"b12d2baa4aac965b": true, "2bfa056658e3a70d": true, "331e99af8f1b7be0": true, "ceb39f48d4530d32": true, "a43c9fcfdaa93dec": true, "f501b292a5734642": true, "686bd2c9b1db8553": true, "32ea7c56be7174bd": true}
	var big []int
	for i, a := range arts {
		if ids[a.ID] {
			big = append(big, i)
		}
	}
	i := 0
	for b.Loop() {
		Analyse(arts[big[i%len(big)]], now)
		i++
	}
}
