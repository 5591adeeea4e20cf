package main

import (
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress is the batch progress bar: shown on a terminal once a batch has
// run for a moment, silent otherwise (pipes, files, tests, --quiet).
type progress struct {
	bar   *progressbar.ProgressBar
	start time.Time
	n     int
	w     io.Writer
}

// showAfter is how long a batch runs before its bar appears.
const showAfter = 2 * time.Second

func newProgress(w io.Writer, quiet bool) *progress {
	if f, ok := w.(*os.File); !ok || quiet || !isTerminal(f) {
		return &progress{}
	}
	return &progress{start: time.Now(), w: w}
}

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// Add counts one record.
func (p *progress) Add() {
	if p.w == nil {
		return
	}
	p.n++
	if p.bar == nil {
		if time.Since(p.start) < showAfter {
			return
		}
		p.bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(p.w), progressbar.OptionSetDescription("notes"),
			progressbar.OptionShowCount(), progressbar.OptionShowIts(),
			progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
		p.bar.Add(p.n)
		return
	}
	p.bar.Add(1)
}

// Finish clears the bar.
func (p *progress) Finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
