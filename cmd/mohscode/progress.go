package main

import (
	"fmt"
	"io"
	"time"
)

// progress is the batch progress line: shown on a terminal once a batch
// has run for a moment, silent otherwise (pipes, files, tests, --quiet).
// It is one line, rewritten in place at most every redrawEvery: the count
// of notes and the rate.
type progress struct {
	w     io.Writer // the terminal itself, nil when silent
	now   func() time.Time
	start time.Time
	drawn time.Time // when the line was last written; zero before
	n     int
}

// showAfter is how long a batch runs before its line appears, and
// redrawEvery how often the line is rewritten after that.
const (
	showAfter   = 2 * time.Second
	redrawEvery = 100 * time.Millisecond
)

// clearLine returns the cursor to the start of the line and erases it.
const clearLine = "\r\x1b[K"

// newProgress starts the line for stderr, which terminalSafe has wrapped
// when it is a terminal; the line writes its control sequences to the
// terminal itself.
func newProgress(stderr io.Writer, quiet bool) *progress {
	esc, ok := stderr.(*escaper)
	if !ok || quiet {
		return &progress{}
	}
	return &progress{w: esc.w, now: time.Now, start: time.Now()}
}

// Add counts one record, and redraws the line when it is due.
func (p *progress) Add() {
	if p.w == nil {
		return
	}
	p.n++
	now := p.now()
	if now.Sub(p.start) < showAfter || now.Sub(p.drawn) < redrawEvery {
		return
	}
	p.drawn = now
	fmt.Fprintf(p.w, "%snotes %d (%.0f/s)", clearLine, p.n, float64(p.n)/now.Sub(p.start).Seconds())
}

// Finish clears the line.
func (p *progress) Finish() {
	if !p.drawn.IsZero() {
		io.WriteString(p.w, clearLine)
	}
}
