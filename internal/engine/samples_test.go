package engine_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/engine"
	"github.com/mohscode/mohscode/internal/render"
)

var update = flag.Bool("update", false, "rewrite the samples/*.json goldens from the engine's output")

// samplesDir is the repository's samples directory, seen from this package.
const samplesDir = "../../samples"

// invalidPrefix marks a sample that must fail to parse; its golden is the
// error record (render.JSONError) instead of a claim.
const invalidPrefix = "invalid-"

// TestSamples codes every samples/*.txt as `mohscode code --format json
// samples/NAME.txt` does and compares the output with samples/NAME.json.
// Run `go test ./internal/engine -run Samples -update` to rewrite the goldens;
// samples/EXPECTED.md says by hand what each golden should contain.
func TestSamples(t *testing.T) {
	notes, err := filepath.Glob(filepath.Join(samplesDir, "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, notes, "no samples in %s", samplesDir)
	for _, path := range notes {
		name := filepath.Base(path)
		t.Run(strings.TrimSuffix(name, ".txt"), func(t *testing.T) {
			src, err := os.ReadFile(path)
			require.NoError(t, err)
			got := renderSample(t, name, string(src))
			golden := strings.TrimSuffix(path, ".txt") + ".json"
			if *update {
				require.NoError(t, os.WriteFile(golden, got, 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "missing golden: run go test ./internal/engine -run Samples -update")
			if diff := firstDiff(want, got); diff != "" {
				t.Errorf("%s differs from the engine's output (rerun with -update if the change is intended)\n%s", golden, diff)
			}
		})
	}
}

// renderSample runs the pipeline on one sample and renders what the CLI's
// JSON format would print for it.
func renderSample(t *testing.T, name, src string) []byte {
	t.Helper()
	source := "samples/" + name
	var out bytes.Buffer
	claim, err := engine.Code(source, src, coding.Options{})
	if strings.HasPrefix(name, invalidPrefix) {
		require.Error(t, err, "%s is named %s… but parsed", name, invalidPrefix)
		require.NoError(t, render.JSONError(&out, source, err))
		return out.Bytes()
	}
	require.NoError(t, err, "%s must parse (name it %s… if it must not)", name, invalidPrefix)
	require.NoError(t, render.JSON(&out, claim))
	return out.Bytes()
}

// firstDiff describes the first line where got differs from want, or returns
// "" when they are equal.
func firstDiff(want, got []byte) string {
	if bytes.Equal(want, got) {
		return ""
	}
	wl := strings.Split(string(want), "\n")
	gl := strings.Split(string(got), "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		w, g := "<end of file>", "<end of file>"
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("first difference at line %d:\n  golden: %s\n  engine: %s", i+1, w, g)
		}
	}
	return "the files differ in bytes that do not split into lines"
}

// TestSamplesHaveNotes keeps the goldens and the notes in step: every golden
// has its note.
func TestSamplesHaveNotes(t *testing.T) {
	goldens, err := filepath.Glob(filepath.Join(samplesDir, "*.json"))
	require.NoError(t, err)
	for _, golden := range goldens {
		note := strings.TrimSuffix(golden, ".json") + ".txt"
		_, err := os.Stat(note)
		assert.NoError(t, err, "%s has no note %s", golden, filepath.Base(note))
	}
}

// TestSampleLineEndings guards the surface forms the samples must keep
// exercising (docs/note-format.md section 1): an editor or a git setting that
// normalises line endings would silently drop them.
func TestSampleLineEndings(t *testing.T) {
	notes, err := filepath.Glob(filepath.Join(samplesDir, "*.txt"))
	require.NoError(t, err)
	var crlf, noFinalNewline int
	for _, path := range notes {
		src, err := os.ReadFile(path)
		require.NoError(t, err)
		if bytes.Contains(src, []byte("\r\n")) {
			crlf++
		}
		if len(src) > 0 && src[len(src)-1] != '\n' {
			noFinalNewline++
		}
	}
	assert.Positive(t, crlf, "no sample with CRLF line endings")
	assert.Positive(t, noFinalNewline, "no sample without a final newline")
}
