package swar

import (
	"encoding/binary"
	"testing"
)

func TestLoad64IsLittleEndian(t *testing.T) {
	s := "xyzABCDEFGHIJ"
	for i := 0; i+8 <= len(s); i++ {
		if got, want := Load64(s, i), binary.LittleEndian.Uint64([]byte(s[i:])); got != want {
			t.Errorf("Load64(%q, %d) = %#x; want %#x", s, i, got, want)
		}
	}
}

func TestLoad64WantsEightBytes(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Load64 of 7 bytes did not panic")
		}
	}()
	Load64("1234567", 0)
}
