package source

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// TestReadSized reads what io.ReadAll reads, whatever size it is told,
// or fails as it fails (what came before the error is dropped).
func TestReadSized(t *testing.T) {
	text := strings.Repeat("The envoy was recalled. ", 300)
	readers := map[string]func() io.Reader{
		"whole":     func() io.Reader { return strings.NewReader(text) },
		"one byte":  func() io.Reader { return iotest.OneByteReader(strings.NewReader(text)) },
		"half":      func() io.Reader { return iotest.HalfReader(strings.NewReader(text)) },
		"data+EOF":  func() io.Reader { return iotest.DataErrReader(strings.NewReader(text)) },
		"timed out": func() io.Reader { return iotest.TimeoutReader(strings.NewReader(text)) },
	}
	for _, size := range []int64{0, 1, 100, int64(len(text)) - 1, int64(len(text)), int64(len(text)) + 1, 1 << 20} {
		for name, r := range readers {
			got, err := readSized(r(), size)
			want, wantErr := io.ReadAll(r())
			if err != wantErr {
				t.Errorf("%s, size %d: error %v, io.ReadAll gives %v", name, size, err, wantErr)
			}
			if err == nil && !bytes.Equal(got, want) {
				t.Errorf("%s, size %d: read %d bytes, io.ReadAll reads %d", name, size, len(got), len(want))
			}
		}
	}
}
