package batch

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/engine"
)

// A panic while coding one note becomes that record's error; the records
// after it are still coded.
func TestPanicStaysInItsRecord(t *testing.T) {
	codeNote = func(name, src string, opt coding.Options, l engine.Limits) (coding.Claim, error) {
		if name == "bad" {
			panic("a bug: " + src)
		}
		return engine.CodeWithin(name, src, opt, l)
	}
	defer func() { codeNote = engine.CodeWithin }()
	var got []Result
	err := Run(func(emit func(Record) bool) {
		for _, id := range []string{"a", "bad", "c"} {
			emit(Record{ID: id, Text: "Site: nose\nStage 1: 1 block\n"})
		}
	}, Options{Jobs: 2}, func(r Result) error {
		got = append(got, r)
		return nil
	})
	require.NoError(t, err)
	require.Len(t, got, 3)
	assert.NoError(t, got[0].Err)
	assert.EqualError(t, got[1].Err, "bad:1:1: internal error while coding this note; please report it with the note")
	assert.NotContains(t, got[1].Err.Error(), "Site: nose", "the panic value may quote the note")
	assert.NoError(t, got[2].Err)
}
