package source

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
)

// Files yields an Input for each path: a file, every file under a
// directory (recursively, in name order, skipping hidden ones), or "-" for
// stdin. Gzip is undone transparently, recognised by its magic bytes. A
// path that cannot be read yields an Input with Err set, and the rest go
// on: a named pipe, a device or a socket (never opened for reading, so a
// pipe no writer opens cannot stall the run), a symbolic link loop, a
// broken link. Inside a directory, a link to a file is followed and a link
// to a directory is named, not followed.
func Files(paths []string, stdin io.Reader) iter.Seq[Input] {
	return func(yield func(Input) bool) {
		for _, p := range paths {
			if p == "-" {
				if !yield(load("-", "", stdin, 0)) {
					return
				}
				continue
			}
			fi, err := os.Stat(p)
			switch {
			case err != nil:
				if !yield(Input{Origin: p, Err: statError(p, err)}) {
					return
				}
				continue
			case !fi.IsDir():
				if !yield(loadFile(p, fi)) {
					return
				}
				continue
			}
			for _, e := range walk(p) {
				in := Input{Origin: e.path, Err: e.err}
				if e.err == nil {
					in = loadFile(e.path, e.info)
				}
				if !yield(in) {
					return
				}
			}
		}
	}
}

// entry is a file found under a directory, or why it cannot be read.
type entry struct {
	path string
	info fs.FileInfo
	err  error
}

// walk lists the files under dir in name order, skipping hidden ones.
// Links are followed to files only; what is not a file is listed with the
// reason.
func walk(dir string) []entry {
	var out []entry
	err := filepath.WalkDir(dir, func(q string, d fs.DirEntry, err error) error {
		if err != nil {
			out = append(out, entry{path: q, err: unwrapPath(err)})
			return nil
		}
		if q != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		fi, err := os.Stat(q) // through a link
		switch {
		case err != nil:
			out = append(out, entry{path: q, err: statError(q, err)})
		case fi.IsDir():
			out = append(out, entry{path: q, err: errors.New("a symbolic link to a directory: not followed (name the directory itself to ingest it)")})
		default:
			out = append(out, entry{path: q, info: fi, err: notAFile(fi.Mode())})
		}
		return nil
	})
	if err != nil {
		out = append(out, entry{path: dir, err: unwrapPath(err)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out
}

// notAFile says why a file of mode m is not read: it is a named pipe, a
// device or a socket. It returns nil for a regular file.
func notAFile(m fs.FileMode) error {
	switch {
	case m.IsRegular():
		return nil
	case m&fs.ModeNamedPipe != 0:
		return errors.New("a named pipe (FIFO), not a file (to ingest what it carries, pipe it to 'storyline ingest -')")
	case m&fs.ModeSocket != 0:
		return errors.New("a socket, not a file")
	case m&fs.ModeDevice != 0:
		return errors.New("a device, not a file")
	}
	return fmt.Errorf("not a regular file (%s)", m.Type())
}

// statError says why p could not be opened or followed, naming a link
// that leads nowhere.
func statError(p string, err error) error {
	switch {
	case errors.Is(err, syscall.ELOOP):
		return errors.New("a symbolic link loop (too many levels of symbolic links)")
	case errors.Is(err, fs.ErrNotExist):
		if fi, lerr := os.Lstat(p); lerr == nil && fi.Mode()&fs.ModeSymlink != 0 {
			return errors.New("a broken symbolic link (what it points to does not exist)")
		}
	}
	return unwrapPath(err)
}

// FS yields an Input for every file under root in fsys, in name order:
// an embedded corpus, say.
func FS(fsys fs.FS, root string) iter.Seq[Input] {
	return func(yield func(Input) bool) {
		var files []string
		err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() && !strings.HasPrefix(d.Name(), ".") {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			yield(Input{Origin: root, Err: err})
			return
		}
		for _, p := range files {
			f, err := fsys.Open(p)
			if err != nil {
				if !yield(Input{Origin: p, Err: err}) {
					return
				}
				continue
			}
			in := load(p, path.Base(p), f, 0)
			f.Close()
			if !yield(in) {
				return
			}
		}
	}
}

// loadFile reads the file at p, which a Stat found to be fi. It opens the
// file without blocking and checks again that it is a regular file, so a
// file swapped for a named pipe meanwhile is refused, not waited on.
func loadFile(p string, fi fs.FileInfo) Input {
	if err := notAFile(fi.Mode()); err != nil {
		return Input{Origin: p, Err: err}
	}
	f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return Input{Origin: p, Err: statError(p, err)}
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return Input{Origin: p, Err: unwrapPath(err)}
	}
	if err := notAFile(fi.Mode()); err != nil {
		return Input{Origin: p, Err: err}
	}
	return load(p, filepath.Base(p), f, fi.Size())
}

// load reads r whole (at most one byte over MaxInputBytes, so an input
// over the limit is seen without reading it all), undoing gzip. size is
// how long r is expected to be (a file's size), or 0.
func load(origin, name string, r io.Reader, size int64) Input {
	in := Input{Origin: origin, Name: name}
	data, err := readSized(io.LimitReader(r, MaxInputBytes+1), size)
	if err != nil {
		in.Err = unwrapPath(err)
		return in
	}
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
		in.Name = strings.TrimSuffix(strings.TrimSuffix(name, ".gz"), ".gzip")
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			in.Err = fmt.Errorf("broken gzip: %w", err)
			return in
		}
		data, err = io.ReadAll(io.LimitReader(zr, MaxInputBytes+1))
		switch {
		case errors.Is(err, io.ErrUnexpectedEOF):
			// A gzip stream cut short still gives what it had (the text
			// decoder repairs a character cut at the end), noted on the
			// last item, where the cut is.
			in.Repairs = append(in.Repairs, fmt.Sprintf("gzip stream cut short after %s unpacked: the input ends early, what came through is kept", byteSize(len(data))))
		case err != nil:
			in.Err = fmt.Errorf("broken gzip: %w", err)
			return in
		}
	}
	in.Data = data
	return in
}

// readSized reads r to its end as io.ReadAll does, into a buffer made for
// size bytes (0: unknown, io.ReadAll's own): a file is read in one call,
// not in one for each doubling of a buffer from 512 bytes.
func readSized(r io.Reader, size int64) ([]byte, error) {
	if size <= 0 {
		return io.ReadAll(r)
	}
	// One byte more, so that the read after the last byte finds the end
	// without growing the buffer.
	b := make([]byte, 0, min(size, MaxInputBytes)+1)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // the file grew: let append make room
		}
	}
}

// unwrapPath drops the path from an *fs.PathError: the Input names it.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
