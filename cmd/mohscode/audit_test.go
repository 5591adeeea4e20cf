package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// billedAsCoded bills nose-two-stage as the note supports: its one repair
// carries no modifier.
const billedAsCoded = "nose-two-stage,17311,1,,1\nnose-two-stage,17312,1,,1\nnose-two-stage,14060,1,,1\n"

// billedWithMistakes bills two samples with mistakes: 59 on a repair that
// the rules give none, 17312 × 3 for two stages.
const billedWithMistakes = "note,code,units,modifiers,lesion\n" +
	"back-seven-blocks,17313,1,,1\nback-seven-blocks,17315,2,,1\nback-seven-blocks,12032,1,59,1\n" +
	"forearm-tendon-medicare-advantage,17311,1,,1\nforearm-tendon-medicare-advantage,17312,3,,1\nforearm-tendon-medicare-advantage,13121,1,,1\n"

func writeAuditClaims(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "claims.csv")
	require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	return p
}

func runAuditCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runCLI(t, stdin, append([]string{"audit"}, args...)...)
}

func TestAuditExitStatus(t *testing.T) {
	clean := writeAuditClaims(t, billedAsCoded)
	mistakes := writeAuditClaims(t, billedWithMistakes)
	malformed := writeAuditClaims(t, "nose-two-stage,17311,1\nnose-two-stage,17312,two\n")
	longLine := filepath.Join(t.TempDir(), "long-line.txt")
	require.NoError(t, os.WriteFile(longLine, []byte("Site: nose\nIndication: "+strings.Repeat("x", 200)+"\n"), 0o644))
	tests := []struct {
		name   string
		args   []string
		want   int
		stderr string
	}{
		{"claims agree", []string{"--claims", clean, "../../samples/nose-two-stage.txt"}, exitOK, ""},
		{"differences", []string{"--claims", mistakes, "../../samples/back-seven-blocks.txt", "../../samples/forearm-tendon-medicare-advantage.txt"},
			exitNote, "mohscode audit: 2 of 2 audited notes differ from their claims\n"},
		{"a note without claims", []string{"--claims", clean, "../../samples/nose-two-stage.txt", "../../samples/back-seven-blocks.txt"},
			exitNote, "mohscode audit: 0 of 1 audited notes differ from their claims, 1 note without claims\n"},
		{"claims for a note not given", []string{"--claims", mistakes, "../../samples/back-seven-blocks.txt"},
			exitNote, "1 claim id without a note"},
		{"a note that cannot be coded", []string{"--claims", clean, "--max-line-length", "100", "../../samples/nose-two-stage.txt", longLine},
			exitNote, "1 note not coded"},
		{"no --claims", []string{"../../samples/nose-two-stage.txt"}, exitUsage, "give the billed lines with --claims FILE"},
		{"no notes", []string{"--claims", clean}, exitUsage, "give at least one note input"},
		{"bad format", []string{"--claims", clean, "--format", "xml", "../../samples/nose-two-stage.txt"}, exitUsage, "--format must be one of text, json, csv"},
		{"bad payer", []string{"--claims", clean, "--payer", "acme", "../../samples/nose-two-stage.txt"}, exitUsage, "payer must be one of"},
		{"jobs below 1", []string{"--claims", clean, "-j", "0", "../../samples/nose-two-stage.txt"}, exitUsage, "--jobs must be at least 1, not 0"},
		{"unknown flag", []string{"--claims", clean, "--fast", "../../samples/nose-two-stage.txt"}, exitUsage, "unknown flag: --fast"},
		{"claims file missing", []string{"--claims", "no-such.csv", "../../samples/nose-two-stage.txt"}, exitInput, "no-such.csv"},
		{"malformed claims", []string{"--claims", malformed, "../../samples/nose-two-stage.txt"}, exitInput, `claims.csv:2: units "two": want a whole number of at least 1`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runAuditCLI(t, "", tc.args...)
			assert.Equal(t, tc.want, code, stderr)
			if tc.stderr == "" {
				assert.Empty(t, stderr)
			} else {
				assert.Contains(t, stderr, tc.stderr)
			}
		})
	}
}

func TestAuditText(t *testing.T) {
	code, out, _ := runAuditCLI(t, "", "--claims", writeAuditClaims(t, billedWithMistakes),
		"../../samples/back-seven-blocks.txt", "../../samples/forearm-tendon-medicare-advantage.txt")
	assert.Equal(t, exitNote, code)
	for _, want := range []string{
		"== ../../samples/back-seven-blocks.txt (claim id back-seven-blocks), commercial: 2 of 3 lines match (1 modifiers differ)",
		"audit-modifier-unsupported",
		"12032 ×1 59 billed with 59, which the coding rules do not give this line",
		"17312 ×3 billed for lesion 1; the note supports ×1: 2 stages: 1 beyond the first",
		"Summary\n",
		"Mohs 1731x",
	} {
		assert.Contains(t, out, want)
	}
}

func TestAuditFormats(t *testing.T) {
	claims := writeAuditClaims(t, billedWithMistakes)
	notes := []string{"../../samples/back-seven-blocks.txt", "../../samples/forearm-tendon-medicare-advantage.txt"}

	code, out, _ := runAuditCLI(t, "", append([]string{"--claims", claims, "--format", "json"}, notes...)...)
	assert.Equal(t, exitNote, code)
	var report struct {
		Notes   []map[string]any `json:"notes"`
		Summary struct {
			Matched  int `json:"matched"`
			Differs  int `json:"differs"`
			Findings []struct {
				Rule  string `json:"rule"`
				Count int    `json:"count"`
			} `json:"audit_findings"`
		} `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &report))
	assert.Len(t, report.Notes, 2)
	assert.Equal(t, 4, report.Summary.Matched)
	assert.Equal(t, 2, report.Summary.Differs)
	require.Len(t, report.Summary.Findings, 2)

	code, out, _ = runAuditCLI(t, "", append([]string{"--claims", claims, "--format", "csv"}, notes...)...)
	assert.Equal(t, exitNote, code)
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, 3, "a header and one row per difference")
	assert.Equal(t, "note", recs[0][0])
	assert.Equal(t, []string{"modifiers differ", "12032"}, recs[1][2:4])
	assert.Equal(t, []string{"units differ", "17312"}, recs[2][2:4])
	assert.Equal(t, "audit-modifier-unsupported", recs[1][12])
}

func TestAuditHTML(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "audit.html")
	code, out, stderr := runAuditCLI(t, "", "--claims", writeAuditClaims(t, billedAsCoded), "--html", page, "../../samples/nose-two-stage.txt")
	assert.Equal(t, exitOK, code, stderr)
	assert.Contains(t, out, "3 of 3 lines match")
	html, err := os.ReadFile(page)
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(html, []byte("<!DOCTYPE html>")))
	assert.Contains(t, string(html), `<svg id="chart"`)

	code, _, stderr = runAuditCLI(t, "", "--claims", writeAuditClaims(t, billedAsCoded), "--html", filepath.Join(dir, "no", "such", "dir.html"),
		"../../samples/nose-two-stage.txt")
	assert.Equal(t, exitNote, code)
	assert.Contains(t, stderr, "mohscode audit: open ")
}

// TestAuditNotesFromStdin reads NDJSON notes from standard input, matched
// by their record ids.
func TestAuditNotesFromStdin(t *testing.T) {
	rec, err := json.Marshal(map[string]string{"id": "n1", "text": cleanNote})
	require.NoError(t, err)
	code, out, stderr := runAuditCLI(t, string(rec)+"\n", "--claims", writeAuditClaims(t, "n1,17311,1,,1\n"), "-")
	assert.Equal(t, exitOK, code, stderr)
	assert.Contains(t, out, "== n1, commercial: 1 of 1 lines match")
}

// TestAuditNeverLogsNoteText: standard error carries counts and usage,
// never a note's text, even for a note that cannot be parsed.
func TestAuditNeverLogsNoteText(t *testing.T) {
	secret := "Zanzibar-Quixote"
	notes := []map[string]string{
		{"id": "bad", "text": "Site: " + secret + " nose\nStage 1:\n  Blocks: " + secret + "\n"},
		{"id": "good", "text": strings.Replace(cleanNote, "left nasal ala", "left nasal ala "+secret, 1)},
	}
	var in strings.Builder
	for _, n := range notes {
		b, err := json.Marshal(n)
		require.NoError(t, err)
		in.Write(b)
		in.WriteByte('\n')
	}
	for _, format := range []string{"text", "json", "csv"} {
		code, _, stderr := runAuditCLI(t, in.String(), "--claims", writeAuditClaims(t, "bad,17311,1\ngood,17312,1\nghost,17311,1\n"), "--format", format, "-")
		assert.Equal(t, exitNote, code)
		assert.NotEmpty(t, stderr)
		assert.NotContains(t, stderr, secret, format)
		assert.NotContains(t, stderr, "nasal", format)
	}
}

// TestAuditAppliesTables: audit --payer, --mue and --ptp code the notes
// under the profile and check them against the tables, as code does.
func TestAuditAppliesTables(t *testing.T) {
	code, out, stderr := runAuditCLI(t, "", "--claims", writeAuditClaims(t, billedAsCoded), "-f", "json", "-p", "medicare",
		"--mue", "testdata/mue-fixture.csv", "--ptp", "testdata/ptp-fixture.csv", "../../samples/nose-two-stage.txt")
	assert.Equal(t, exitNote, code, stderr)
	var report struct {
		Notes []struct {
			Payer         string `json:"payer_profile"`
			Documentation []struct {
				Rule string `json:"rule"`
			} `json:"documentation_findings"`
		} `json:"notes"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &report))
	require.Len(t, report.Notes, 1)
	assert.Equal(t, "medicare", report.Notes[0].Payer)
	var rules []string
	for _, f := range report.Notes[0].Documentation {
		rules = append(rules, f.Rule)
	}
	assert.Contains(t, rules, "mue-exceeded")
	assert.Contains(t, rules, "ptp-modifier-needed")
}

// TestAuditClaimsFileIsStrict: the claims file is read as RFC 4180 (a
// stray quote is an error naming its line, never a field that swallows the
// next rows) with a bound on its lines; nothing is audited from a claims
// file that reads wrong.
func TestAuditClaimsFileIsStrict(t *testing.T) {
	tests := []struct {
		name   string
		claims string
		stderr string
	}{
		{"bare quote", "nose-two-stage,17311,1,,1\nnose-two-stage,17312\",1,,1\nnose-two-stage,14060,1,,1\n",
			`claims.csv:2: bare " in non-quoted-field`},
		{"quote that swallows the next rows", "nose-two-stage,17311,1,,1\nnose-two-stage,\"17312,1,,1\nnose-two-stage,14060,1,,1\n",
			`claims.csv:2: extraneous or missing " in quoted-field`},
		{"line over the limit", "nose-two-stage,17311,1,,1\nnose-two-stage,17312,1,," + strings.Repeat("x", 70<<10) + "\n",
			"claims.csv:2: line 2 is longer than 65536 bytes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runAuditCLI(t, "", "--claims", writeAuditClaims(t, tc.claims), "../../samples/nose-two-stage.txt")
			assert.Equal(t, exitInput, code)
			assert.Empty(t, stdout)
			assert.Contains(t, stderr, tc.stderr)
			assert.Less(t, len(stderr), 1000, "the line is never quoted whole")
		})
	}
}

// TestAuditCSVFormulaInjection: note ids, claim ids and reasons that start
// like a spreadsheet formula are written as text in the csv report.
func TestAuditCSVFormulaInjection(t *testing.T) {
	claims := writeAuditClaims(t, `"=HYPERLINK(""http://evil.example"",""click"")",17311,1,,1`+"\n"+
		"+cmd|' /C calc'!A0,17311,1,,1\n@SUM(1+1),17312,1,,1\n")
	notes := `{"id":"-2+3","text":` + strconvQuote(cleanNote) + "}\n" +
		`{"id":"\tindent","text":` + strconvQuote(cleanNote) + "}\n"
	code, stdout, stderr := runAuditCLI(t, notes, "--claims", claims, "-f", "csv", "-")
	assert.Equal(t, exitNote, code, stderr)
	rows, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	require.NoError(t, err)
	var cells []string
	for _, row := range rows {
		for _, c := range row {
			if c != "" {
				assert.NotContains(t, "=+-@\t\r", c[:1], "cell %q starts like a formula", c)
			}
			cells = append(cells, c)
		}
	}
	for _, want := range []string{`'=HYPERLINK("http://evil.example","click")`, "'+cmd|' /C calc'!A0", "'@SUM(1+1)", "'-2+3", "'\tindent"} {
		assert.Contains(t, cells, want)
	}
}

// TestAuditNamesSkippedFiles: a directory's files that are not notes are
// named on standard error, as batch's summary names them.
func TestAuditNamesSkippedFiles(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("../../samples/nose-two-stage.txt")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "nose-two-stage.txt"), src, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "march.xlsx"), []byte("PK"), 0o644))
	tests := []struct {
		name   string
		inputs []string
		stderr string
	}{
		{"a directory with a spreadsheet", []string{dir}, "mohscode audit: skipped 1 files that are not notes (.txt, .hl7): " + filepath.Join(dir, "march.xlsx") + "\n"},
		{"a file", []string{filepath.Join(dir, "nose-two-stage.txt")}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runAuditCLI(t, "", append([]string{"--claims", writeAuditClaims(t, billedAsCoded)}, tc.inputs...)...)
			assert.Equal(t, exitOK, code, stderr)
			assert.Equal(t, tc.stderr, stderr)
		})
	}
}

func strconvQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
