//go:build unix

package source

import (
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestFilesNotFiles gives ingest what is not a file, alone and inside a
// directory: each is named with its reason, none is opened for reading
// (a named pipe no writer opens would stall the run for ever), and the
// files beside them are read.
func TestFilesNotFiles(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(filepath.Join(in, "sub"), 0o755)
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(in, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "Title A\n\nBody of A.")
	write("sub/b.txt", "Title B\n\nBody of B.")
	if err := syscall.Mkfifo(filepath.Join(in, "pipe.txt"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	os.Symlink("loop2", filepath.Join(in, "loop1"))
	os.Symlink("loop1", filepath.Join(in, "loop2"))
	os.Symlink("a.txt", filepath.Join(in, "link-to-a.txt"))
	os.Symlink("nowhere.txt", filepath.Join(in, "broken.txt"))
	os.Symlink("sub", filepath.Join(in, "link-to-sub"))
	ln, err := net.Listen("unix", filepath.Join(in, "socket"))
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	outside := filepath.Join(dir, "outside.fifo")
	if err := syscall.Mkfifo(outside, 0o644); err != nil {
		t.Fatal(err)
	}

	paths := []string{outside, in, filepath.Join(in, "loop1")}
	if _, err := os.Stat("/dev/null"); err == nil {
		paths = append(paths, "/dev/null")
	}
	done := make(chan []string)
	go func() {
		var got []string
		for input := range Files(paths, nil) {
			for d, err := range Read(input) {
				if err != nil {
					got = append(got, strings.ReplaceAll(err.Error(), in+"/", ""))
					continue
				}
				got = append(got, strings.TrimPrefix(d.Origin, in+"/"))
			}
		}
		done <- got
	}()
	var got []string
	select {
	case got = <-done:
	case <-time.After(time.Minute):
		t.Fatal("Files is stuck: it opened a named pipe for reading")
	}
	want := []string{
		outside + ": cannot be read: a named pipe (FIFO), not a file (to ingest what it carries, pipe it to 'storyline ingest -')",
		"a.txt",
		"broken.txt: cannot be read: a broken symbolic link (what it points to does not exist)",
		"link-to-a.txt",
		"link-to-sub: cannot be read: a symbolic link to a directory: not followed (name the directory itself to ingest it)",
		"loop1: cannot be read: a symbolic link loop (too many levels of symbolic links)",
		"loop2: cannot be read: a symbolic link loop (too many levels of symbolic links)",
		"pipe.txt: cannot be read: a named pipe (FIFO), not a file (to ingest what it carries, pipe it to 'storyline ingest -')",
		"socket: cannot be read: a socket, not a file",
		"sub/b.txt",
		"loop1: cannot be read: a symbolic link loop (too many levels of symbolic links)",
	}
	if slices.Contains(paths, "/dev/null") {
		want = append(want, "/dev/null: cannot be read: a device, not a file")
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}
