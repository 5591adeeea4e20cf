package engine_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/engine"
)

// seed adds every sample note and a few hand-picked shapes to a corpus.
func seed(f *testing.F) {
	files, _ := filepath.Glob("../../samples/*.txt")
	for _, file := range files {
		if src, err := os.ReadFile(file); err == nil {
			f.Add(string(src))
		}
	}
	for _, s := range []string{"", "Lesion", "Stage 1:", "Site: nose\nStage 1: 7 blocks; stain: MART-1 (blocks 9-1)",
		"Repair: flap; defect 0 x 0 cm", "Biopsy: punch, R hand\n  Frozen section: yes, 3 blocks", "Lesion 1 of 2:\r\nDOS: 2/29/2025"} {
		f.Add(s)
	}
}

// FuzzParse: any input either becomes a model or fails with a positioned
// error whose line is within the note; it never panics.
func FuzzParse(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, src string) {
		n, err := engine.Model("fuzz.txt", src)
		if err != nil {
			var perr *diag.ParseError
			if !errors.As(err, &perr) {
				t.Fatalf("not a positioned error: %v", err)
			}
			if perr.Line < 1 || perr.Line > strings.Count(src, "\n")+1 || perr.Column < 1 {
				t.Fatalf("error outside the note: %v", perr)
			}
			return
		}
		if n == nil {
			t.Fatal("no model and no error")
		}
	})
}

// FuzzCode: any note that parses codes without panicking, every line has
// at least one unit, every diagnosis pointer names a diagnosis (at most
// four per line), and every finding points into the note.
func FuzzCode(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, src string) {
		claim, err := engine.Code("fuzz.txt", src, coding.Options{})
		if err != nil {
			return
		}
		lines := strings.Count(src, "\n") + 1
		for _, l := range claim.Lines {
			if l.Units < 1 {
				t.Fatalf("line %d %s has %d units", l.Seq, l.Code, l.Units)
			}
			if len(l.DiagnosisPointers) > 4 {
				t.Fatalf("line %d has %d pointers", l.Seq, len(l.DiagnosisPointers))
			}
			for _, p := range l.DiagnosisPointers {
				if p < 1 || p > len(claim.Diagnoses) {
					t.Fatalf("line %d points at diagnosis %d of %d", l.Seq, p, len(claim.Diagnoses))
				}
			}
			for _, e := range l.Evidence {
				if e.Line < 1 || e.Line > lines {
					t.Fatalf("line %d cites note line %d of %d", l.Seq, e.Line, lines)
				}
			}
		}
		for _, f := range claim.Findings {
			if f.Line < 1 || f.Line > lines {
				t.Fatalf("finding %s at line %d of %d", f.Rule, f.Line, lines)
			}
		}
	})
}
