// Package pgtest gives tests a real PostgreSQL: a throwaway cluster it
// creates (initdb) and starts on a loopback port for the test binary, or the
// server named by $STORYLINE_TEST_POSTGRES. Each test gets a database of its
// own.
//
// A package whose tests use it stops the server at the end:
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
//
// Without PostgreSQL's binaries the tests skip, except under CI=true, where
// they fail: CI must run them (scripts/test.sh installs postgresql-15).
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// StatementsEnv, set to anything, starts the server with pg_stat_statements
// loaded, for benchmarks that show where the server's time goes.
const StatementsEnv = "STORYLINE_TEST_PG_STATEMENTS"

// Server is a running PostgreSQL that tests may create databases in.
type Server struct {
	// URL connects to the server's maintenance database as a superuser.
	URL string
	// Port is the TCP port on 127.0.0.1.
	Port int
	dir  string
	cmd  *exec.Cmd
	exit chan error
	// owned is true for a cluster this package created and must remove.
	owned bool
}

var (
	once    sync.Once
	shared  *Server
	openErr error
	dbSeq   atomic.Int64
)

// Main runs the tests and then stops the server if one was started.
func Main(m *testing.M) int {
	code := m.Run()
	if shared != nil {
		shared.Stop()
	}
	return code
}

// Shared returns the test binary's server, starting it on first use. A
// test that cannot have one is skipped, or fails under CI=true.
func Shared(t testing.TB) *Server {
	t.Helper()
	once.Do(func() {
		if url := os.Getenv("STORYLINE_TEST_POSTGRES"); url != "" {
			shared = &Server{URL: url}
			return
		}
		shared, openErr = Start()
	})
	if openErr != nil {
		Unavailable(t, "PostgreSQL: %v", openErr)
	}
	return shared
}

// URL returns the address of a new, empty database on the shared server,
// dropped when the test ends.
func URL(t testing.TB) string {
	t.Helper()
	s := Shared(t)
	name := fmt.Sprintf("t%d_%d", os.Getpid(), dbSeq.Add(1))
	url, err := s.CreateDatabase(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.DropDatabase(context.Background(), name) })
	return url
}

// Unavailable skips the test, or fails it under CI=true, where every
// server the suite needs must run.
func Unavailable(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s (CI=true: scripts/test.sh must install it)", msg)
	}
	t.Skipf("%s; skipping", msg)
}

// CreateDatabase creates a database and returns its URL. Its encoding is
// UTF-8 and its character class C.UTF-8, which full-text search needs to
// fold the case of letters beyond ASCII.
func (s *Server) CreateDatabase(ctx context.Context, name string) (string, error) {
	conn, err := pgx.Connect(ctx, s.URL)
	if err != nil {
		return "", fmt.Errorf("connect to %s: %w", s.URL, err)
	}
	defer conn.Close(ctx)
	q := fmt.Sprintf(`CREATE DATABASE %s TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
		pgx.Identifier{name}.Sanitize())
	if _, err := conn.Exec(ctx, q); err != nil {
		return "", fmt.Errorf("create database %s: %w", name, err)
	}
	return withDatabase(s.URL, name), nil
}

// DropDatabase drops a database, closing its connections.
func (s *Server) DropDatabase(ctx context.Context, name string) error {
	conn, err := pgx.Connect(ctx, s.URL)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, fmt.Sprintf(`DROP DATABASE IF EXISTS %s WITH (FORCE)`, pgx.Identifier{name}.Sanitize()))
	return err
}

func withDatabase(url, name string) string {
	base, query, _ := strings.Cut(url, "?")
	if i := strings.LastIndex(base, "/"); i > len("postgres://") {
		base = base[:i]
	}
	out := base + "/" + name
	if query != "" {
		out += "?" + query
	}
	return out
}

// BinDir finds PostgreSQL's server binaries: version 15 first, as Debian
// installs them, then any other version, then initdb on the PATH.
func BinDir() (string, error) {
	if _, err := os.Stat("/usr/lib/postgresql/15/bin/initdb"); err == nil {
		return "/usr/lib/postgresql/15/bin", nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	sort.Strings(dirs)
	if len(dirs) > 0 {
		return filepath.Dir(dirs[len(dirs)-1]), nil
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", errors.New("initdb not found (install postgresql-15)")
}

// Start creates a cluster in a new temporary directory and starts it on a
// free loopback port, as the postgres user when running as root (initdb
// refuses root). Durability is off: it is for tests.
func Start() (*Server, error) {
	bin, err := BinDir()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "storyline-pg-")
	if err != nil {
		return nil, err
	}
	s := &Server{dir: dir, owned: true}
	cred, err := credential(dir)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	data := filepath.Join(dir, "data")
	initdb := exec.Command(filepath.Join(bin, "initdb"), "-D", data, "-U", "storyline", "--auth=trust",
		"--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")
	initdb.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	if out, err := initdb.CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("initdb: %v: %s", err, out)
	}
	for range 5 {
		port, err := freePort()
		if err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
		if err := s.run(bin, data, port, cred); err == nil {
			return s, nil
		} else if !strings.Contains(err.Error(), "in use") {
			os.RemoveAll(dir)
			return nil, err
		}
	}
	os.RemoveAll(dir)
	return nil, errors.New("start postgres: no free port")
}

// run starts postgres on port and waits until it takes connections.
func (s *Server) run(bin, data string, port int, cred *syscall.Credential) error {
	logf, err := os.Create(filepath.Join(s.dir, "postgres.log"))
	if err != nil {
		return err
	}
	defer logf.Close()
	if cred != nil {
		os.Chown(logf.Name(), int(cred.Uid), int(cred.Gid))
	}
	cmd := exec.Command(filepath.Join(bin, "postgres"), "-D", data, "-p", strconv.Itoa(port),
		"-k", s.dir, "-c", "listen_addresses=127.0.0.1",
		"-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
		"-c", "max_connections=300", "-c", "shared_buffers=64MB")
	if os.Getenv(StatementsEnv) != "" {
		cmd.Args = append(cmd.Args, "-c", "shared_preload_libraries=pg_stat_statements", "-c", "pg_stat_statements.track=all")
	}
	cmd.Stdout, cmd.Stderr = logf, logf
	// Should the test binary die without stopping it (a test timeout, a
	// kill), the server shuts down at once (SIGQUIT): the kernel signals
	// it when the thread that started it ends, so that thread is kept
	// for as long as the server runs.
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred, Setpgid: true, Pdeathsig: syscall.SIGQUIT}
	started, exit := make(chan error), make(chan error, 1)
	go func() {
		runtime.LockOSThread() // never unlocked: the thread ends with the server
		err := cmd.Start()
		started <- err
		if err == nil {
			exit <- cmd.Wait()
		}
	}()
	if err := <-started; err != nil {
		return fmt.Errorf("start postgres: %w", err)
	}
	s.cmd, s.Port = cmd, port
	s.URL = fmt.Sprintf("postgres://storyline@127.0.0.1:%d/postgres?sslmode=disable", port)
	s.exit = exit
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-s.exit:
			log, _ := os.ReadFile(filepath.Join(s.dir, "postgres.log"))
			return fmt.Errorf("postgres exited (%v): %s", err, log)
		case <-time.After(100 * time.Millisecond):
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		conn, err := pgx.Connect(ctx, s.URL)
		cancel()
		if err == nil {
			conn.Close(context.Background())
			return nil
		}
	}
	s.kill()
	return errors.New("postgres did not accept connections within 60s")
}

// PID is the server's process ID (its postmaster), 0 for a server that is
// not ours.
func (s *Server) PID() int {
	if s.cmd == nil || s.cmd.Process == nil {
		return 0
	}
	return s.cmd.Process.Pid
}

// Stop shuts the server down (a fast shutdown: sessions are closed) and
// removes the cluster it created.
func (s *Server) Stop() {
	if s.cmd == nil {
		return
	}
	s.cmd.Process.Signal(syscall.SIGINT)
	select {
	case <-s.exit:
	case <-time.After(30 * time.Second):
		s.kill()
	}
	s.cmd = nil
	if s.owned {
		os.RemoveAll(s.dir)
	}
}

// Pause stops the server as an outage would (a fast shutdown, clients
// disconnected), keeping its data; Resume starts it again on the same port.
func (s *Server) Pause() error {
	if s.cmd == nil {
		return errors.New("pgtest: the server is not running or not ours")
	}
	s.cmd.Process.Signal(syscall.SIGINT)
	select {
	case <-s.exit:
	case <-time.After(30 * time.Second):
		s.kill()
	}
	s.cmd = nil
	return nil
}

// Resume starts a paused server again.
func (s *Server) Resume() error {
	bin, err := BinDir()
	if err != nil {
		return err
	}
	cred, err := credential("")
	if err != nil {
		return err
	}
	return s.run(bin, filepath.Join(s.dir, "data"), s.Port, cred)
}

func (s *Server) kill() {
	if s.cmd != nil {
		syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
		<-s.exit
	}
}

// credential is the postgres user's when running as root (and dir, if
// given, is handed to it), else nil: run as ourselves.
func credential(dir string) (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("running as root, and initdb refuses root: %w (install postgresql-15, which creates the user)", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if dir != "" {
		if err := os.Chown(dir, uid, gid); err != nil {
			return nil, err
		}
	}
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
