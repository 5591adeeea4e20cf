package engine

import (
	"fmt"
	"strings"

	"github.com/mohscode/mohscode/internal/diag"
)

// Limits bound what a note may be, so that one oversized input cannot hold
// a worker or the memory of a batch. They are checked before parsing.
type Limits struct {
	NoteBytes int // the longest note, in bytes
	LineBytes int // the longest line, in bytes
}

// DefaultLimits: a note of at most 1 MiB, lines of at most 16 KiB (a long
// dictated paragraph is a few kilobytes).
var DefaultLimits = Limits{NoteBytes: 1 << 20, LineBytes: 16 << 10}

// Check reports a note over the limits as a positioned error; a zero limit
// is no limit.
func (l Limits) Check(name, src string) error {
	if l.NoteBytes > 0 && len(src) > l.NoteBytes {
		return &diag.ParseError{Filename: name, Line: 1, Column: 1,
			Message: fmt.Sprintf("the note is over the limit of %s", bytesize(l.NoteBytes))}
	}
	if l.LineBytes <= 0 {
		return nil
	}
	line := 1
	for rest := src; rest != ""; line++ {
		n := strings.IndexByte(rest, '\n')
		if n < 0 {
			n = len(rest)
		}
		if n > l.LineBytes {
			return &diag.ParseError{Filename: name, Line: line, Column: 1,
				Message: fmt.Sprintf("line %d is %s long; the limit is %s", line, bytesize(n), bytesize(l.LineBytes))}
		}
		rest = rest[min(n+1, len(rest)):]
	}
	return nil
}

// bytesize writes a size for people: "900 bytes", "16 KiB", "2.5 MiB".
func bytesize(n int) string {
	switch {
	case n >= 1<<20:
		return strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/(1<<20)), ".0") + " MiB"
	case n >= 1<<10:
		return strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/(1<<10)), ".0") + " KiB"
	}
	return fmt.Sprintf("%d bytes", n)
}
