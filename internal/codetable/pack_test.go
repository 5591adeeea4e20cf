package codetable

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The rule pack names its version, the code-set editions of the tables (CPT 2026,
// ICD-10-CM FY2026) and where each part of the rules comes from.
func TestPack(t *testing.T) {
	p := Pack()
	assert.NotEmpty(t, p.Version)
	assert.Equal(t, "CPT 2026", p.CPT)
	assert.Equal(t, "ICD-10-CM FY2026", p.ICD10CM)
	assert.NotEmpty(t, p.Sources)
	for _, s := range p.Sources {
		assert.NotEmpty(t, s.Name)
		assert.NotEmpty(t, s.Covers, s.Name)
	}
	t.Run("callers cannot change the pack", func(t *testing.T) {
		p.Sources[0].Name = "changed"
		assert.NotEqual(t, "changed", Pack().Sources[0].Name)
	})
}
