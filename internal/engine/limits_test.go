package engine_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/engine"
)

func TestLimits(t *testing.T) {
	small := engine.Limits{NoteBytes: 100, LineBytes: 20}
	tests := []struct {
		name string
		src  string
		want string // "" when within the limits
	}{
		{"within", "Site: nose\nStage 1: 1 block\n", ""},
		{"note too big", strings.Repeat("Site: nose\n", 10), "n.txt:1:1: the note is over the limit of 100 bytes"},
		{"line too long", "Site: nose\nIndication: " + strings.Repeat("x", 30) + "\n", "n.txt:2:1: line 2 is 42 bytes long; the limit is 20 bytes"},
		{"last line without newline", "Site: nose\n" + strings.Repeat("y", 21), "n.txt:2:1: line 2 is 21 bytes long; the limit is 20 bytes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := engine.CodeWithin("n.txt", tc.src, coding.Options{}, small)
			if tc.want == "" {
				assert.NoError(t, err)
				return
			}
			var perr *diag.ParseError
			require.ErrorAs(t, err, &perr)
			assert.Equal(t, tc.want, perr.Error())
		})
	}
	_, err := engine.Code("big.txt", strings.Repeat("Hemostasis: cautery\n", 60000), coding.Options{})
	assert.EqualError(t, err, "big.txt:1:1: the note is over the limit of 1 MiB")
}
