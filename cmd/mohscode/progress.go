package main

import (
	"io"
	"time"

	"github.com/schollz/progressbar/v3"
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

// newProgress starts the bar for stderr, which terminalSafe has wrapped
// when it is a terminal; the bar writes its control sequences to the
// terminal itself.
func newProgress(stderr io.Writer, quiet bool) *progress {
	esc, ok := stderr.(*escaper)
	if !ok || quiet {
		return &progress{}
	}
	return &progress{start: time.Now(), w: esc.w}
}

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
