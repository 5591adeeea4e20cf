package engine_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/engine"
)

func TestRequestPayer(t *testing.T) {
	const note = "Date of service: 2026-03-02\nPayer: Aetna\nSite: nose\nStage 1: 1 block; margins: clear\n"
	tests := []struct {
		name  string
		opt   engine.Options
		payer string
		want  string
	}{
		{"the note's payer", engine.Options{}, "", "commercial"},
		{"the record's payer over the note's", engine.Options{}, "Medicare Part B", "medicare"},
		{"the engine's profile over the record's", engine.Options{Payer: "UHC"}, "Medicare Part B", "uhc"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			eng, err := engine.New(tc.opt)
			require.NoError(t, err)
			n, claim, err := eng.Analyze(engine.Request{Name: "n.txt", Text: note, Payer: tc.payer})
			require.NoError(t, err)
			require.NotNil(t, n)
			assert.Equal(t, tc.want, claim.Encounter.PayerProfile)
		})
	}
}

func TestNewLimits(t *testing.T) {
	eng, err := engine.New(engine.Options{Limits: engine.Limits{LineBytes: 20}})
	require.NoError(t, err)
	assert.Equal(t, engine.Limits{NoteBytes: engine.DefaultLimits.NoteBytes, LineBytes: 20}, eng.Limits())
	_, err = eng.Code("n.txt", "Indication: "+strings.Repeat("x", 30))
	assert.EqualError(t, err, "n.txt:1:1: line 1 is 42 bytes long; the limit is 20 bytes")
	_, err = engine.New(engine.Options{Limits: engine.Limits{NoteBytes: -1}})
	assert.ErrorContains(t, err, "negative")
}

func TestProfileFileErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, json, want string
	}{
		{"a field of the wrong type", `{"name": 5}`, `field "name": want a string, not a number`},
		{"notes not an object", `{"name": "x", "notes": []}`, `field "notes": want an object, not an array`},
		{"an unknown field", `{"name": "x", "bogus": 1}`, `unknown field "bogus"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			file := filepath.Join(dir, "p.json")
			require.NoError(t, os.WriteFile(file, []byte(tc.json), 0o644))
			_, err := engine.New(engine.Options{ProfileFile: file})
			require.Error(t, err)
			assert.Contains(t, err.Error(), file+": ")
			assert.Contains(t, err.Error(), tc.want)
			assert.NotContains(t, err.Error(), "Go ")
		})
	}
}

// A panic while coding a note becomes that note's error, positioned at the
// note's start, and shows neither the panic value nor the note.
func TestRecoverTurnsAPanicIntoTheNotesError(t *testing.T) {
	codeAndPanic := func() (err error) {
		defer engine.Recover("note.txt", &err)
		panic("a bug quoting the note: Site: left cheek")
	}
	err := codeAndPanic()
	require.Error(t, err)
	assert.Equal(t, "note.txt:1:1: internal error while coding this note; please report it with the note", err.Error())
	assert.NotContains(t, err.Error(), "left cheek")

	noPanic := func() (err error) {
		defer engine.Recover("note.txt", &err)
		return nil
	}
	assert.NoError(t, noPanic(), "without a panic the error is left alone")
}
