package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// interruption is the cause of a context ended by a signal.
type interruption struct{ sig syscall.Signal }

// Error names the signal.
func (i interruption) Error() string { return "interrupted by " + i.name() }

func (i interruption) name() string {
	switch i.sig {
	case syscall.SIGINT:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return i.sig.String()
}

// exitStatus is the shell's status of a process ended by the signal: 128
// plus its number (130 for SIGINT, 143 for SIGTERM).
func (i interruption) exitStatus() int { return 128 + int(i.sig) }

// signalContext returns a context that SIGINT or SIGTERM ends with an
// interruption as its cause; stop stops listening for them.
func signalContext() (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-ch:
			sig, _ := s.(syscall.Signal)
			cancel(interruption{sig})
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(ch)
		close(done)
		cancel(nil)
	}
}
