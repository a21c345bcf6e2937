// Package sqlite is storyline's embedded store: SQLite through the pure-Go
// modernc.org/sqlite driver, in WAL mode, with embedded ordered migrations
// and FTS5 full-text search.
//
// The Store is one concrete type split by entity: articles and rejections
// in article.go, analysis in analysis.go, events and stories in event.go.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"net/url"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/storyline/storyline"
)

// migrationFS holds the schema as numbered files, NNN_name.sql, applied in
// name order. PRAGMA user_version records the number of the last one
// applied, so each runs once.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

var _ storyline.Store = (*Store)(nil)

// Store keeps everything storyline knows in one SQLite file.
type Store struct {
	db *sql.DB
	// hot are the reads made again and again (resolving a name to an
	// entity, say), each prepared once.
	hot *stmtCache
	// known is what PutAnalyses read and wrote of the entities (known.go)
	known knownCache
	// Now is the clock, for tests.
	Now func() time.Time
}

// stmtCache prepares each query it is given once and runs it again from
// the prepared statement. Only fixed queries go through it.
type stmtCache struct {
	db *sql.DB
	m  sync.Map // query -> *sql.Stmt
}

func (c *stmtCache) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st, ok := c.m.Load(query); ok {
		return st.(*sql.Stmt).QueryContext(ctx, args...)
	}
	st, err := c.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if prev, loaded := c.m.LoadOrStore(query, st); loaded {
		st.Close()
		st = prev.(*sql.Stmt)
	}
	return st.QueryContext(ctx, args...)
}

func (c *stmtCache) close() {
	c.m.Range(func(_, st any) bool {
		st.(*sql.Stmt).Close()
		return true
	})
}

// Open opens (creating if needed) the database file at path and brings its
// schema up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	return openVersion(ctx, path, math.MaxInt)
}

// openVersion opens the database at path with the migrations up to
// number version applied, for tests of databases made by older versions.
func openVersion(ctx context.Context, path string, version int) (*Store, error) {
	if err := create(ctx, path); err != nil {
		return nil, fmt.Errorf("create database %s: %w", path, err)
	}
	q := url.Values{}
	for _, p := range []string{
		"journal_mode(WAL)",
		"busy_timeout(10000)",
		"foreign_keys(ON)",
		"synchronous(NORMAL)",
		fmt.Sprintf("cache_size(-%d)", cacheKiB),
		"wal_autocheckpoint(8192)",
		"temp_store(MEMORY)",
	} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	s := &Store{db: db, hot: &stmtCache{db: db}, Now: time.Now}
	if err := s.migrate(ctx, version); err != nil {
		db.Close()
		return nil, fmt.Errorf("migrate database %s: %w", path, err)
	}
	return s, nil
}

// cacheKiB is the page cache of each connection, in KiB (an ingest opens
// one connection). The pages it holds are memory the process faults in
// as the cache fills (modernc's allocator maps each 16 KB page on its
// own), so a larger cache costs page faults and resident memory: at 32 MB
// a Timeline17 ingest made about 10,000 more page faults and peaked about
// 45 MB higher than at 8 MB, to read some 950 pages fewer from the WAL or
// the file (which the kernel's page cache holds), and BenchmarkWrite/4x
// spent about a tenth more CPU; at 4 MB the ingest reads 2,300 pages
// more than at 32 MB and BenchmarkWrite/4x costs more again
// (BENCHMARKS.md, store11).
const cacheKiB = 8192

// pageSize is the page size of a database Open makes; one made before
// keeps its own (SQLite cannot change it in WAL mode). A 16 KB page holds
// an article's row (text and raw bytes, about 10 KB) without overflow
// pages and writes a quarter as many WAL frames as 4 KB pages: a
// Timeline17 ingest makes 22k pwrite and 6k pread calls instead of 77k and
// 24k, and PutArticles 7-12% less CPU in side-by-side runs (BENCHMARKS.md).
const pageSize = 16384

// create makes the database file at path, unless it exists, with
// pageSize pages and in WAL mode. The page size must be set before
// anything is written, journal_mode included, and the driver runs the
// _pragma list of Open's DSN in alphabetical order (journal_mode before
// page_size).
func create(ctx context.Context, path string) error {
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		return nil // there already, or not ours to make: Open will say
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.ExecContext(ctx, fmt.Sprintf("PRAGMA page_size = %d; PRAGMA journal_mode = WAL", pageSize))
	return err
}

// Close closes the database.
func (s *Store) Close() error {
	s.hot.close()
	return s.db.Close()
}

// DB returns the underlying database, for tools and tests.
func (s *Store) DB() *sql.DB { return s.db }

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var ms []migration
	for _, name := range names {
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must be NNN_name.sql", base)
		}
		if len(ms) > 0 && ms[len(ms)-1].version == v {
			return nil, fmt.Errorf("migrations %s and %s have the same number", ms[len(ms)-1].name, base)
		}
		b, err := migrationFS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(b)})
	}
	return ms, nil
}

// migrate applies the migrations numbered above the database's
// user_version, up to number upTo, all in one transaction: a new database
// gets its whole schema in one commit, and an upgrade that fails leaves
// the database as it was.
func (s *Store) migrate(ctx context.Context, upTo int) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var have int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&have); err != nil {
		return err
	}
	applied := have
	for _, m := range ms {
		if m.version > upTo {
			break
		}
		if m.version <= have {
			continue
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("apply %s: %w", m.name, err)
		}
		applied = m.version
	}
	if applied == have {
		return nil
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", applied)); err != nil {
		return err
	}
	return tx.Commit()
}
