package prose

import (
	"os"
	"testing"
)

// BenchmarkRead reads the prose of a 2.6 KB dictated note.
func BenchmarkRead(b *testing.B) {
	src, err := os.ReadFile("testdata/dict-cheek-rotation-flap.txt")
	if err != nil {
		b.Fatal(err)
	}
	paras := splitParagraphs(string(src))
	theLexicon()
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Read(paras)
	}
}
