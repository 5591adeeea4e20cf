package lower

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestSelfCorrected: a dictated self-correction keeps only the corrected
// words, at their own columns (the text keeps its length); what is no
// self-correction is left as it is.
func TestSelfCorrected(t *testing.T) {
	sp := func(s string) string { return strings.Repeat(" ", len(s)) }
	for _, tt := range []struct{ name, in, want string }{
		{"a site corrected, with the words taken back after 'not'",
			"carcinoma of the right dorsal forearm - correction, the left dorsal forearm, not the right - punch biopsy 10/29/2026",
			"carcinoma of the " + sp("right dorsal forearm - correction, the ") + "left dorsal forearm," + sp(" not the right -") + " punch biopsy 10/29/2026"},
		{"the words taken back start after the sentence before",
			"versus scar. A punch - correction, a shave biopsy was taken of a scaly papule",
			"versus scar. " + sp("A punch - correction, ") + "a shave biopsy was taken of a scaly papule"},
		{"a site corrected within its region",
			"carcinoma of the right lower abdomen - correction, the right flank, not the abdomen - shave biopsy",
			"carcinoma of the " + sp("right lower abdomen - correction, the ") + "right flank," + sp(" not the abdomen -") + " shave biopsy"},
		{"a block count corrected",
			"Stage 1 was five blocks - correction, six blocks; I miscounted from the map.",
			"Stage 1 was " + sp("five blocks - correction, ") + "six blocks; I miscounted from the map."},
		{"an en dash", "Stage 2 was two blocks – correction, three blocks; clear.", "Stage 2 was " + sp("two blocks – correction, ") + "three blocks; clear."},
		{"no self-correction: a dog-ear correction", "with undermining and dog-ear correction, final length 7.0 cm", "with undermining and dog-ear correction, final length 7.0 cm"},
		{"no self-correction: a colon form is left to the reader", "of the left shin - correction: the biopsy report reads invasive", "of the left shin - correction: the biopsy report reads invasive"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := selfCorrected(tt.in)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, len(tt.in), len(got), "columns kept")
		})
	}
}
