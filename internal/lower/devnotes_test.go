package lower_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/grammar"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/lower"
)

var verbose = flag.Bool("devnotes.v", false, "print every realistic note the engine does not code exactly")

// devExpect is a realistic note's expected claim (testdata/dev/NAME.expect.json).
type devExpect struct {
	Lines []struct {
		Code      string   `json:"code"`
		Units     int      `json:"units"`
		Modifiers []string `json:"modifiers"`
	} `json:"lines"`
	Findings       []string `json:"findings"`
	AbsentFindings []string `json:"absent_findings"`
	Diagnoses      []string `json:"diagnoses"`
}

// lineKey writes a claim line as code×units[modifiers], modifiers sorted.
func lineKey(code string, units int, mods []string) string {
	m := slices.Clone(mods)
	slices.Sort(m)
	return fmt.Sprintf("%s×%d%v", code, units, m)
}

// TestDevNotes codes the realistic development notes (EHR templates, Mohs
// logs, dictations, multi-lesion labels) and compares each claim with the
// one the rule book gives: lines as a multiset, the findings that must and
// must not appear, and the diagnoses in order. The set is development
// material, not the judge; the test holds the count of exact notes so that
// it can only go up.
func TestDevNotes(t *testing.T) {
	const wantExact = 31
	files, err := filepath.Glob("testdata/dev/*.txt")
	require.NoError(t, err)
	require.Len(t, files, 32)
	exact := 0
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txt")
		src, err := os.ReadFile(file)
		require.NoError(t, err)
		raw, err := os.ReadFile(strings.TrimSuffix(file, ".txt") + ".expect.json")
		require.NoError(t, err)
		var want devExpect
		require.NoError(t, json.Unmarshal(raw, &want))

		var misses []string
		note, err := grammar.Parse(file, string(src))
		require.NoError(t, err, "a real note is never rejected")
		n, err := lower.Lower(file, note)
		require.NoError(t, err)
		claim := coding.Code(n, coding.Options{})

		var got, exp []string
		for _, l := range claim.Lines {
			got = append(got, lineKey(l.Code, l.Units, l.Modifiers))
		}
		for _, l := range want.Lines {
			exp = append(exp, lineKey(l.Code, l.Units, l.Modifiers))
		}
		slices.Sort(got)
		slices.Sort(exp)
		if !slices.Equal(got, exp) {
			misses = append(misses, fmt.Sprintf("lines: want %v got %v", exp, got))
		}
		rules := map[string]bool{}
		for _, f := range claim.Findings {
			rules[f.Rule] = true
		}
		for _, r := range want.Findings {
			if !rules[r] {
				misses = append(misses, "missing finding "+r)
			}
		}
		for _, r := range want.AbsentFindings {
			if rules[r] {
				misses = append(misses, "unwanted finding "+r)
			}
		}
		var dx []string
		for _, d := range claim.Diagnoses {
			dx = append(dx, d.Code)
		}
		if want.Diagnoses == nil {
			want.Diagnoses = []string{}
		}
		if dx == nil {
			dx = []string{}
		}
		if !slices.Equal(dx, want.Diagnoses) {
			misses = append(misses, fmt.Sprintf("diagnoses: want %v got %v", want.Diagnoses, dx))
		}
		if len(misses) == 0 {
			exact++
		} else if *verbose {
			t.Logf("%s:\n\t%s", name, strings.Join(misses, "\n\t"))
		}
	}
	t.Logf("%d of %d realistic notes exact", exact, len(files))
	assert.GreaterOrEqual(t, exact, wantExact, "fewer realistic notes are exact than before")
}
