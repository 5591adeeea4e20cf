package batch

import (
	"math"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
)

// noLimit is the runtime's memory limit when none is set.
const noLimit = math.MaxInt64

func TestSetGCDefaults(t *testing.T) {
	oldGC, oldLimit := debug.SetGCPercent(100), debug.SetMemoryLimit(noLimit)
	t.Cleanup(func() {
		debug.SetGCPercent(oldGC)
		debug.SetMemoryLimit(oldLimit)
	})
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

	gogc, limit := SetGCDefaults(env(nil))
	assert.Equal(t, DefaultGOGC, gogc)
	assert.Equal(t, int64(DefaultMemoryLimit), limit)

	debug.SetGCPercent(150) // as the runtime does for GOGC=150
	debug.SetMemoryLimit(noLimit)
	gogc, limit = SetGCDefaults(env(map[string]string{"GOGC": "150", "GOMEMLIMIT": "off"}))
	assert.Equal(t, 150, gogc, "the environment wins")
	assert.Equal(t, int64(noLimit), limit)
}
