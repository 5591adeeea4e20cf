package mohscode_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/engine"
	"github.com/mohscode/mohscode/internal/render"
)

// TestResultIsTheJSONContract codes every sample through the public API and
// compares the JSON of its Result with what `mohscode code --format json
// samples/NAME.txt` prints: the internal engine's claim rendered as the
// output contract (a note that cannot be coded is an error in both).
func TestResultIsTheJSONContract(t *testing.T) {
	eng, err := mohscode.New(mohscode.Options{})
	require.NoError(t, err)
	notes, err := filepath.Glob("samples/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, notes)
	for _, path := range notes {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txt"), func(t *testing.T) {
			src, err := os.ReadFile(path)
			require.NoError(t, err)
			claim, cliErr := engine.Code(path, string(src), coding.Options{})
			res, err := eng.Code(path, src)
			if cliErr != nil {
				var cerr *mohscode.CodeError
				require.ErrorAs(t, err, &cerr)
				assert.Equal(t, cliErr.Error(), cerr.Error())
				assert.Equal(t, mohscode.Error, cerr.Finding.Severity)
				return
			}
			require.NoError(t, err)
			var want, got bytes.Buffer
			require.NoError(t, render.JSON(&want, claim))
			enc := json.NewEncoder(&got)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			require.NoError(t, enc.Encode(res))
			assert.Equal(t, want.String(), got.String())
		})
	}
}

func TestNewNamesTheBadOption(t *testing.T) {
	tests := []struct {
		name string
		opt  mohscode.Options
		want string // a part of the error
	}{
		{"unknown profile", mohscode.Options{Profile: "medicaid"}, "medicaid"},
		{"profile file missing", mohscode.Options{Profile: "testdata/none.json"}, "testdata/none.json"},
		{"MUE file missing", mohscode.Options{MUE: mohscode.Table{Path: "testdata/no-mue.csv"}}, "no-mue.csv"},
		{"bad PTP reader", mohscode.Options{PTP: mohscode.Table{Reader: strings.NewReader("junk\n"), Name: "ptp.csv"}}, "ptp.csv"},
		{"negative note size", mohscode.Options{MaxNoteBytes: -1}, "negative"},
		{"negative line length", mohscode.Options{MaxLineBytes: -5}, "negative"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			eng, err := mohscode.New(tc.opt)
			require.Error(t, err)
			assert.Nil(t, eng)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestOptionsApply(t *testing.T) {
	src, err := os.ReadFile("samples/two-lesions-medicare.txt")
	require.NoError(t, err)
	mue, err := os.ReadFile("cmd/mohscode/testdata/mue-fixture.csv")
	require.NoError(t, err)
	eng, err := mohscode.New(mohscode.Options{Profile: "UHC",
		MUE: mohscode.Table{Reader: bytes.NewReader(mue), Name: "mue.csv"}, PTP: mohscode.Table{Path: "cmd/mohscode/testdata/ptp-fixture.csv"}})
	require.NoError(t, err)
	res, err := eng.Code("note.txt", src)
	require.NoError(t, err)
	assert.Equal(t, "uhc", res.Encounter.PayerProfile)
	assert.Contains(t, res.Edits.MUE, "mue.csv")
	assert.Contains(t, res.Edits.PTP, "ptp-fixture.csv")

	small, err := mohscode.New(mohscode.Options{MaxNoteBytes: 10})
	require.NoError(t, err)
	_, err = small.Code("note.txt", src)
	var cerr *mohscode.CodeError
	require.ErrorAs(t, err, &cerr)
	assert.Equal(t, "note.txt:1:1: the note is over the limit of 10 bytes", err.Error())
}

// TestConcurrentUse codes one note from many goroutines on one engine (run
// with -race).
func TestConcurrentUse(t *testing.T) {
	eng, err := mohscode.New(mohscode.Options{Profile: "medicare"})
	require.NoError(t, err)
	src, err := os.ReadFile("samples/nose-two-stage.txt")
	require.NoError(t, err)
	first, err := eng.Code("nose.txt", src)
	require.NoError(t, err)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			res, err := eng.Code("nose.txt", src)
			if assert.NoError(t, err) {
				assert.Equal(t, first, res)
			}
		})
	}
	wg.Wait()
}

func TestFindingString(t *testing.T) {
	tests := []struct {
		name string
		f    mohscode.Finding
		want string
	}{
		{"whole line", mohscode.Finding{File: "n.txt", Line: 4, Rule: "blocks-missing", Message: "Stage 2 has no block count"},
			"n.txt:4: blocks-missing: Stage 2 has no block count"},
		{"with column", mohscode.Finding{File: "n.txt", Line: 4, Column: 11, Rule: "blocks-missing", Message: "m"}, "n.txt:4:11: blocks-missing: m"},
		{"no rule", mohscode.Finding{File: "n.txt", Line: 1, Column: 1, Message: "m"}, "n.txt:1:1: m"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.f.String())
		})
	}
}

func TestLineLesions(t *testing.T) {
	assert.Equal(t, []string{"1", "2"}, mohscode.Line{Lesion: "1,2"}.Lesions())
	assert.Equal(t, []string{"biopsy 1"}, mohscode.Line{Lesion: "biopsy 1"}.Lesions())
	assert.Nil(t, mohscode.Line{}.Lesions())
}

// TestAllDiagnosticsInOneRun: a bad block value, an unknown site and a
// misspelt key are all reported by one Code call, each at its place, none
// hiding the others.
func TestAllDiagnosticsInOneRun(t *testing.T) {
	note := strings.Join([]string{
		"Date of service: 2026-03-14",
		"Surgeon: Dana Whitfield, MD",
		"Payer: Aetna commercial",
		"",
		"Lesion 1",
		"Site: left glorpal ridge",
		"Diagnosis: basal cell carcinoma, nodular",
		"Stage 1:",
		"  Blocks: three-ish",
		"  Stain: H&E",
		"  Margns: clear",
	}, "\n")
	eng, err := mohscode.New(mohscode.Options{})
	require.NoError(t, err)
	res, err := eng.Code("three.txt", []byte(note))
	require.NoError(t, err)
	type at struct {
		Rule string
		Line int
	}
	var got []at
	for _, f := range res.Findings {
		got = append(got, at{f.Rule, f.Line})
	}
	assert.Subset(t, got, []at{{"site-unknown", 6}, {"value-invalid", 9}, {"unknown-field", 11}})
	assert.Empty(t, res.Lines, "a lesion without a known site is not coded")
}
