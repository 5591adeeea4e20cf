package prose

import (
	"strings"
	"testing"
	"time"
)

// TestLinear reads long adversarial prose (one endless sentence of one
// pattern) at two sizes: sixteen times the text may cost at most about
// sixteen times the time (four times that for a busy machine), never the
// square (256 times).
func TestLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	patterns := []string{
		"an additional stage of 2 blocks with tumor at the deep margin, ",
		"no residual tumor ( blocks 1-2 , ",
		"muscle, fascia and tendon and cartilage were not involved and ",
		"MART-1 (blocks 1-2 for melanocytes, ",
		"the 2.3 x 1.9 cm defect was repaired with a 2.5 cm intermediate layered closure, secondary defect 2 sq cm, ",
		"interpreted by me and by the surgeon and by Dr. Ana Ruiz pathologist, ",
		"basal cell carcinoma of the left cheek, nodular, ",
		"1. Left back: 6 mm papule, punch biopsy; impression: rule out BCC\n",
		"; ; ; ( ( ( [ ] x x 1 1 stage stage ",
		"with 4 blocks, 3 sections, 2 pieces, ",
		"a single stage with each block cut, ",
		"Each stage was stained with MART-1 (blocks 1-2) and with H&E on all blocks of both stages, ",
	}
	cost := func(text string) time.Duration {
		paras := splitParagraphs(text)
		best := time.Duration(1 << 62)
		for range 3 {
			start := time.Now()
			Read(paras)
			best = min(best, time.Since(start))
		}
		return best
	}
	for _, pat := range patterns {
		small := strings.Repeat(pat, 150)
		large := strings.Repeat(pat, 2400)
		cs, cl := cost(small), cost(large)
		if cl > 64*cs+20*time.Millisecond {
			t.Errorf("%q: %d bytes took %v, %d bytes took %v", pat, len(small), cs, len(large), cl)
		}
	}
}
