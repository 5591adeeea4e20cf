package prose

import (
	"encoding/json"
	"os"
	"testing"
)

// benchNote is a 3.2 KB dictated note: the cheek note with the forearm
// note's procedure paragraphs after it.
func benchNote(b *testing.B) [][]Line {
	b.Helper()
	var src []byte
	for _, name := range []string{"dict-cheek-rotation-flap", "dict-forearm-sccis-negated-deep"} {
		s, err := os.ReadFile("testdata/" + name + ".txt")
		if err != nil {
			b.Fatal(err)
		}
		src = append(src, s...)
		src = append(src, '\n')
	}
	paras := splitParagraphs(string(src))
	b.SetBytes(int64(len(src)))
	return paras
}

// BenchmarkRead reads the prose of a 3.2 KB dictated note.
func BenchmarkRead(b *testing.B) {
	paras := benchNote(b)
	theLexicon()
	b.ReportAllocs()
	for b.Loop() {
		Read(paras)
	}
}

// BenchmarkJSONBaseline decodes the facts Read makes of the same note from
// their JSON with encoding/json: the yardstick of the engine's budgets.
func BenchmarkJSONBaseline(b *testing.B) {
	paras := benchNote(b)
	data, err := json.Marshal(Read(paras))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		var f Facts
		if err := json.Unmarshal(data, &f); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatch finds the lexicon's phrases in the paragraphs of the note of
// BenchmarkRead, tokenized once: the phrase matcher alone.
func BenchmarkMatch(b *testing.B) {
	paras := benchNote(b)
	lx := theLexicon()
	t := joinText(paras)
	var ps []*para
	for pi, lines := range paras {
		if len(lines) > 0 {
			p := &para{}
			p.reset(&t, pi, lines)
			ps = append(ps, p)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range ps {
			p.match(lx)
		}
	}
}
