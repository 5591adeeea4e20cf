package main

import (
	"fmt"
	"io"
	"os"

	"golang.org/x/term"
)

// terminalSafe returns w, or, when w is a terminal, a writer that shows
// control characters escaped: note text quoted in messages and reports
// cannot move the cursor, recolour or retitle the user's terminal.
func terminalSafe(w io.Writer) io.Writer {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return &escaper{w: f}
	}
	return w
}

// escaper writes control characters as \xNN (C0 but newline and tab, DEL)
// or \u00NN (C1, as UTF-8).
type escaper struct {
	w io.Writer
	// lead is set when the last write ended in the first byte of a
	// two-byte sequence that may be a C1 control.
	lead bool
}

// Write escapes p; it reports len(p) written when the escaped bytes were.
func (e *escaper) Write(p []byte) (int, error) {
	written := len(p)
	if e.lead {
		p = append([]byte{0xC2}, p...)
		e.lead = false
	}
	out := make([]byte, 0, len(p)+8)
	for i := 0; i < len(p); i++ {
		b := p[i]
		switch {
		case b == 0xC2 && i+1 == len(p):
			e.lead = true
		case b == 0xC2 && p[i+1] >= 0x80 && p[i+1] <= 0x9F:
			out = fmt.Appendf(out, `\u%04x`, p[i+1])
			i++
		case b < 0x20 && b != '\n' && b != '\t', b == 0x7F:
			out = fmt.Appendf(out, `\x%02x`, b)
		default:
			out = append(out, b)
		}
	}
	if _, err := e.w.Write(out); err != nil {
		return 0, err
	}
	return written, nil
}
