package main

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// The progress line appears only once the batch has run for showAfter, is
// rewritten in place at most every redrawEvery, and is cleared at the end;
// a batch that ends before showAfter leaves the terminal untouched.
func TestProgress(t *testing.T) {
	start := time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		at    []time.Duration // when each note is counted
		wants string
	}{
		{"short batch", []time.Duration{0, time.Second, showAfter - 1}, ""},
		{"shown after a while", []time.Duration{time.Second, showAfter, 4 * time.Second},
			clearLine + "notes 2 (1/s)" + clearLine + "notes 3 (1/s)" + clearLine},
		{"throttled", []time.Duration{showAfter, showAfter + redrawEvery/2, showAfter + redrawEvery},
			clearLine + "notes 1 (0/s)" + clearLine + "notes 3 (1/s)" + clearLine},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			var now time.Time
			p := &progress{w: &out, now: func() time.Time { return now }, start: start}
			for _, d := range tt.at {
				now = start.Add(d)
				p.Add()
			}
			p.Finish()
			assert.Equal(t, tt.wants, out.String())
		})
	}
}

// A progress line that is silent (not a terminal, or --quiet) writes
// nothing and never reads the clock.
func TestProgressSilent(t *testing.T) {
	var out bytes.Buffer
	p := newProgress(&out, false)
	p.Add()
	p.Finish()
	assert.Empty(t, out.String())
}
