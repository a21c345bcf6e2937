// Package shareddata finds the shared folder of real articles and
// evaluation data that sits beside the repository (../shared), for tests
// that need it. Tests skip cleanly when it is absent.
package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

// Root returns the shared folder: $STORYLINE_SHARED if set, else the
// folder "shared" beside the module root. It returns "" when there is none.
func Root() string {
	if d := os.Getenv("STORYLINE_SHARED"); d != "" {
		if isDir(d) {
			return d
		}
		return ""
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			s := filepath.Join(filepath.Dir(dir), "shared")
			if isDir(s) {
				return s
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Dir returns the path of rel inside the shared folder, skipping the test
// when the shared folder or rel is absent.
func Dir(t testing.TB, rel string) string {
	t.Helper()
	root := Root()
	if root == "" {
		t.Skip("../shared is absent: skipping a test that needs shared data")
	}
	p := filepath.Join(root, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s is absent: skipping", p)
	}
	return p
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}
