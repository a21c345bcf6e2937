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
)

// Files yields an Input for each path: a file, every file under a
// directory (recursively, in name order, skipping hidden ones), or "-" for
// stdin. Gzip is undone transparently, recognised by its magic bytes. A
// path that cannot be read yields an Input with Err set, and the rest go on.
func Files(paths []string, stdin io.Reader) iter.Seq[Input] {
	return func(yield func(Input) bool) {
		for _, p := range paths {
			if p == "-" {
				if !yield(load("-", "", stdin)) {
					return
				}
				continue
			}
			fi, err := os.Stat(p)
			if err != nil {
				if !yield(Input{Origin: p, Err: unwrapPath(err)}) {
					return
				}
				continue
			}
			if !fi.IsDir() {
				if !yield(loadFile(p)) {
					return
				}
				continue
			}
			var files []string
			walkErr := filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
				if err != nil {
					files = append(files, q) // reported when loaded
					return nil
				}
				if q != p && strings.HasPrefix(d.Name(), ".") {
					if d.IsDir() {
						return filepath.SkipDir
					}
					return nil
				}
				if d.Type().IsRegular() {
					files = append(files, q)
				}
				return nil
			})
			if walkErr != nil {
				if !yield(Input{Origin: p, Err: walkErr}) {
					return
				}
			}
			sort.Strings(files)
			for _, f := range files {
				if !yield(loadFile(f)) {
					return
				}
			}
		}
	}
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
			in := load(p, path.Base(p), f)
			f.Close()
			if !yield(in) {
				return
			}
		}
	}
}

func loadFile(p string) Input {
	f, err := os.Open(p)
	if err != nil {
		return Input{Origin: p, Err: unwrapPath(err)}
	}
	defer f.Close()
	return load(p, filepath.Base(p), f)
}

// load reads r whole (at most one byte over MaxInputBytes, so an input
// over the limit is seen without reading it all), undoing gzip.
func load(origin, name string, r io.Reader) Input {
	in := Input{Origin: origin, Name: name}
	data, err := io.ReadAll(io.LimitReader(r, MaxInputBytes+1))
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
		if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
			in.Err = fmt.Errorf("broken gzip: %w", err)
			return in
		}
		// A gzip stream cut short still gives what it had; the text
		// decoder repairs a character cut at the end.
	}
	in.Data = data
	return in
}

// unwrapPath drops the path from an *fs.PathError: the Input names it.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
