package prose

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzRead: Read never panics, and every span it reports lies in the note.
func FuzzRead(f *testing.F) {
	names, _ := filepath.Glob("testdata/*.txt")
	for _, n := range names {
		src, err := os.ReadFile(n)
		if err == nil {
			f.Add(string(src))
		}
	}
	f.Add("Stage I: x2 blocks; 1-2 mm margin (1.95 sq cm) × 3 [ ] Second intention")
	f.Fuzz(func(t *testing.T, src string) {
		paras := splitParagraphs(src)
		facts := Read(paras)
		last := 0
		for _, p := range paras {
			for _, l := range p {
				last = max(last, l.Line)
			}
		}
		check := func(s Span) {
			if s == (Span{}) {
				return
			}
			if s.Line < 1 || s.Line > last || s.EndLine < s.Line || s.Col < 1 || s.EndLine == s.Line && s.EndCol <= s.Col {
				t.Fatalf("span %+v outside the note (%d lines)", s, last)
			}
		}
		for _, st := range append(facts.Stages, facts.Unstaged) {
			check(st.Span)
			check(st.BlocksSpan)
			check(st.MarginSpan)
			check(st.Histology.Span)
			for _, sn := range st.Stains {
				check(sn.Span)
			}
		}
		for _, r := range facts.Repairs {
			check(r.Span)
			check(r.Length.Span)
		}
		for _, a := range facts.Ambiguities {
			for _, s := range a.Spans {
				check(s)
			}
		}
		_ = ReadStage(2, paras)
	})
}
