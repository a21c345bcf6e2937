package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/spf13/cobra"
)

// profiles are the hidden --cpuprofile and --memprofile flags: a CPU
// profile of the whole command (opening the store, the run, closing it),
// and a heap profile (with every allocation since the start) written when
// it ends, for `go tool pprof`. Benchmarks profile the pipeline alone; these
// profile what a user runs.
type profiles struct {
	cpuPath, memPath string
	cpu              *os.File
}

func (p *profiles) flags(root *cobra.Command) {
	fs := root.PersistentFlags()
	fs.StringVar(&p.cpuPath, "cpuprofile", "", "write a CPU profile of the command to this file")
	fs.StringVar(&p.memPath, "memprofile", "", "write a heap profile to this file when the command ends")
	fs.MarkHidden("cpuprofile")
	fs.MarkHidden("memprofile")
}

// start starts the CPU profile, if asked.
func (p *profiles) start() error {
	if p.cpuPath == "" || p.cpu != nil {
		return nil
	}
	f, err := os.Create(p.cpuPath)
	if err != nil {
		return fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("cpu profile %s: %w", p.cpuPath, err)
	}
	p.cpu = f
	return nil
}

// stop ends the CPU profile and writes the heap profile, if asked.
func (p *profiles) stop() error {
	if p.cpu != nil {
		pprof.StopCPUProfile()
		err := p.cpu.Close()
		p.cpu = nil
		if err != nil {
			return fmt.Errorf("cpu profile %s: %w", p.cpuPath, err)
		}
	}
	if p.memPath == "" {
		return nil
	}
	f, err := os.Create(p.memPath)
	if err != nil {
		return fmt.Errorf("heap profile: %w", err)
	}
	runtime.GC()
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return fmt.Errorf("heap profile %s: %w", p.memPath, err)
	}
	return f.Close()
}
