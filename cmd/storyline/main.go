// Command storyline reads news articles and tells the story back: events,
// stories, entities, quotes and dated, source-cited timelines.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	a := &app{stdout: os.Stdout, stderr: os.Stderr}
	err := a.rootCmd().ExecuteContext(ctx)
	if perr := a.profiles.stop(); perr != nil {
		fmt.Fprintln(os.Stderr, "storyline:", perr)
	}
	if err != nil {
		if code, ok := err.(exitCode); ok {
			stop()
			os.Exit(int(code))
		}
		fmt.Fprintln(os.Stderr, "storyline:", err)
		stop()
		os.Exit(1)
	}
}

// exitCode is returned by a command that has already reported what went
// wrong and only needs the process to exit with that status.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit status %d", int(e)) }
