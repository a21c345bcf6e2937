// Package natstest gives tests a real NATS server with JetStream: embedded
// (github.com/nats-io/nats-server/v2) on a free loopback port, its store in
// a temporary directory, or Debian's nats-server binary for the tests that
// check storyline against the version Debian ships.
package natstest

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"

	"github.com/storyline/storyline/internal/pgtest"
)

// Server is a running NATS server.
type Server struct {
	URL  string
	Port int
	dir  string
	srv  *server.Server // embedded
	cmd  *exec.Cmd      // binary
	exit chan error
}

// Start starts an embedded server with JetStream, stopped when the test
// ends.
func Start(t testing.TB) *Server {
	t.Helper()
	s := &Server{dir: t.TempDir()}
	if err := s.startEmbedded(0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	return s
}

func (s *Server) startEmbedded(port int) error {
	if port == 0 {
		port = server.RANDOM_PORT
	}
	srv, err := server.NewServer(&server.Options{
		Host: "127.0.0.1", Port: port, JetStream: true, StoreDir: s.dir, NoSigs: true,
		MaxPayload: 8 << 20,
	})
	if err != nil {
		return fmt.Errorf("nats server: %w", err)
	}
	srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		srv.Shutdown()
		return errors.New("nats server not ready within 10s")
	}
	s.srv = srv
	s.Port = srv.Addr().(*net.TCPAddr).Port
	s.URL = fmt.Sprintf("nats://127.0.0.1:%d", s.Port)
	return nil
}

// StartBinary starts Debian's nats-server (found on the PATH or in
// /usr/sbin) with JetStream; without it the test is skipped, or fails
// under CI=true.
func StartBinary(t testing.TB) *Server {
	t.Helper()
	bin, err := exec.LookPath("nats-server")
	if err != nil {
		if _, serr := os.Stat("/usr/sbin/nats-server"); serr != nil {
			pgtest.Unavailable(t, "nats-server: %v (install Debian's nats-server)", err)
		}
		bin = "/usr/sbin/nats-server"
	}
	s := &Server{dir: t.TempDir()}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.Port = l.Addr().(*net.TCPAddr).Port
	l.Close()
	conf := filepath.Join(s.dir, "nats.conf")
	if err := os.WriteFile(conf, []byte("max_payload: 8MB\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.cmd = exec.Command(bin, "-a", "127.0.0.1", "-p", strconv.Itoa(s.Port), "-js", "-sd", filepath.Join(s.dir, "js"), "-c", conf)
	s.cmd.Stdout, s.cmd.Stderr = os.Stderr, os.Stderr
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s.exit = make(chan error, 1)
	go func() { s.exit <- s.cmd.Wait() }()
	s.URL = fmt.Sprintf("nats://127.0.0.1:%d", s.Port)
	t.Cleanup(s.Stop)
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if nc, err := nats.Connect(s.URL); err == nil {
			nc.Close()
			return s
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s did not accept connections within 10s", bin)
	return nil
}

// Stop stops the server.
func (s *Server) Stop() {
	if s.srv != nil {
		s.srv.Shutdown()
		s.srv.WaitForShutdown()
		s.srv = nil
	}
	if s.cmd != nil {
		s.cmd.Process.Kill()
		<-s.exit
		s.cmd = nil
	}
}

// Restart stops an embedded server and starts it again on the same port
// with the same store after pause, as an outage would.
func (s *Server) Restart(pause time.Duration) error {
	if s.srv == nil {
		return errors.New("natstest: only an embedded server restarts")
	}
	s.Stop()
	time.Sleep(pause)
	return s.startEmbedded(s.Port)
}
