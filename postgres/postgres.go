// Package postgres is storyline's store for more than one machine:
// PostgreSQL through pgx, with embedded ordered migrations and full-text
// search over weighted tsvectors. It passes the same storetest suite as the
// embedded SQLite store, and several processes may write to one database at
// once (the queue's workers do).
//
// The Store is one concrete type split by entity: articles and rejections
// in article.go, search in search.go, analysis in analysis.go, events and
// stories in event.go.
package postgres

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/storyline/storyline"
)

// migrationFS holds the schema as numbered files, NNN_name.sql, applied in
// name order. The table schema_migrations records each one applied.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

var _ storyline.Store = (*Store)(nil)

// Store keeps everything storyline knows in one PostgreSQL database.
type Store struct {
	pool *pgxpool.Pool
	// Now is the clock, for tests.
	Now func() time.Time
}

// IsURL reports whether a --db value names a PostgreSQL database
// (postgres:// or postgresql://) rather than an SQLite file.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open connects to the database at url (postgres://user@host:port/db) and
// brings its schema up to date. Several processes may open one database at
// once: migrations take a lock.
func Open(ctx context.Context, url string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, storyline.Errorf(storyline.EINVALID, "database URL %s: %v", Redact(url), err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", Redact(url), err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open database %s: %w", Redact(url), err)
	}
	s := &Store{pool: pool, Now: time.Now}
	if err := s.checkLocale(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open database %s: %w", Redact(url), err)
	}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("migrate database %s: %w", Redact(url), err)
	}
	if err := s.fillSearch(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("migrate database %s: %w", Redact(url), err)
	}
	return s, nil
}

// Close closes every connection.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// Pool returns the connection pool, for tools and tests.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.pool.Ping(ctx) }

// Redact hides the password of a database URL, for messages.
func Redact(url string) string {
	scheme, rest, ok := strings.Cut(url, "://")
	if !ok {
		return url
	}
	userinfo, host, ok := strings.Cut(rest, "@")
	if !ok {
		return url
	}
	if name, _, ok := strings.Cut(userinfo, ":"); ok {
		return scheme + "://" + name + ":xxxxx@" + host
	}
	return url
}

// checkLocale refuses a database whose character classes are ASCII-only
// (LC_CTYPE C): its full-text search would not fold "Посольство" to
// "посольство", and searches in any language but English would miss.
func (s *Store) checkLocale(ctx context.Context) error {
	var ok bool
	var ctype string
	if err := s.pool.QueryRow(ctx, `SELECT lower('ÄП') = 'äп', current_setting('lc_ctype')`).Scan(&ok, &ctype); err != nil {
		return err
	}
	if !ok {
		return storyline.Errorf(storyline.EINVALID,
			"the database's LC_CTYPE is %q, which folds only ASCII letters: create it with "+
				"CREATE DATABASE name TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'", ctype)
	}
	return nil
}

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

// migrationLock is the advisory lock key migrations hold, so that workers
// starting together apply each migration once.
const migrationLock = 0x73746f72796c6e01

// migrate applies, each in its own transaction, the migrations not yet
// recorded in schema_migrations.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	for _, m := range ms {
		if err := s.apply(ctx, m); err != nil {
			return fmt.Errorf("apply %s: %w", m.name, err)
		}
	}
	return nil
}

func (s *Store) apply(ctx context.Context, m migration) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrationLock)); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version    integer PRIMARY KEY,
			name       text NOT NULL,
			applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM schema_migrations WHERE version = $1`, m.version).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		if _, err := tx.Exec(ctx, m.sql); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, m.version, m.name)
		return err
	})
}

// Version returns the number of the last migration applied.
func (s *Store) Version(ctx context.Context) (int, error) {
	var v int
	err := s.pool.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// nanos and fromNanos store times as Unix nanoseconds, which keep every
// digit a time.Time has (timestamptz keeps microseconds).
func nanos(t time.Time) int64 { return t.UnixNano() }

func fromNanos(n int64) time.Time { return time.Unix(0, n).UTC() }
