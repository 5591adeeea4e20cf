package lower_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/mohscode/mohscode/grammar"
	"github.com/mohscode/mohscode/internal/lower"
)

// FuzzLower reads arbitrary text through the layout grammar and lowering,
// seeded with every realistic set: no panic, every finding of reading has a line
// in the note.
func FuzzLower(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*.txt") // every realistic set
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err == nil {
			f.Add(string(src))
		}
	}
	f.Add("| Stage | Blocks |\n|---|---|\n| 1 | 3 |\nLESION A\nA: final defect 1 x 1 cm; simple repair 2 cm\n")
	f.Fuzz(func(t *testing.T, src string) {
		note, err := grammar.Parse("f.txt", src)
		if err != nil {
			return
		}
		n, err := lower.Lower("f.txt", note)
		if err != nil {
			t.Fatalf("lowering failed: %v", err)
		}
		for _, f := range n.Findings {
			if f.Line < 1 || f.Line > len(note.Lines) {
				t.Fatalf("%s at line %d of a %d-line note: %s", f.Rule, f.Line, len(note.Lines), f.Message)
			}
		}
	})
}
