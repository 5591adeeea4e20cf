package prose

import (
	"math/rand"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestHangHunt(t *testing.T) {
	if os.Getenv("HANG") == "" {
		t.Skip()
	}
	names, _ := filepath.Glob("testdata/*.txt")
	r := rand.New(rand.NewSource(1))
	for iter := 0; iter < 20000; iter++ {
		src, _ := os.ReadFile(names[r.Intn(len(names))])
		b := []byte(string(src))
		for k := 0; k < 1+r.Intn(8); k++ {
			if len(b) == 0 {
				break
			}
			p := r.Intn(len(b))
			switch r.Intn(5) {
			case 3:
				a := r.Intn(len(b))
				e := min(len(b), a+1+r.Intn(64))
				chunk := append([]byte(nil), b[a:e]...)
				var rep []byte
				for n := r.Intn(2000); n > 0; n-- {
					rep = append(rep, chunk...)
				}
				b = append(b[:p], append(rep, b[p:]...)...)
			case 4:
				c := byte(r.Intn(256))
				rep := make([]byte, r.Intn(20000))
				for i := range rep {
					rep[i] = c
				}
				b = append(b[:p], append(rep, b[p:]...)...)
			case 0:
				b[p] = byte(r.Intn(256))
			case 1:
				b = append(b[:p], b[p+1:]...)
			case 2:
				b = append(b[:p], append([]byte{byte(r.Intn(128))}, b[p:]...)...)
			}
		}
		done := make(chan struct{})
		go func() { Read(splitParagraphs(string(b))); ReadStage(2, splitParagraphs(string(b))); close(done) }()
		select {
		case <-done:
		case <-time.After(2 * time.Second):
			os.WriteFile("/tmp/hang/input.txt", b, 0o644)
			t.Fatalf("hang at iter %d", iter)
		}
	}
}
