package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/audit"
	"github.com/mohscode/mohscode/internal/batch"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/engine"
)

const cleanNote = `Date of service: 2026-03-14
Surgeon: Dana Whitfield, MD
Pathology: Mohs surgeon
Lesion 1: left nasal ala
Diagnosis: basal cell carcinoma
Prior biopsy: yes
Indication: H-zone
Preoperative size: 0.8 x 0.6 cm
Mohs map: yes
Stage 1: 2 blocks; stain: H&E; margins: clear
  Histology: nodular BCC, superficial dermis
Repair: second intention
`

func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestExitStatus(t *testing.T) {
	tests := []struct {
		name  string
		stdin string
		args  []string
		want  int
	}{
		{"clean note", cleanNote, []string{"code", "-"}, exitOK},
		{"check clean note", cleanNote, []string{"check", "--format", "json", "-"}, exitOK},
		{"error finding", "Lesion 1\nDiagnosis: BCC\n", []string{"code", "-"}, exitNote},
		{"parse error", "Site: nose\nStage 1:\n  Blocks: three-ish\n", []string{"code", "-"}, exitNote},
		{"empty note", "", []string{"code", "-"}, exitNote},
		{"missing file", "", []string{"code", "does-not-exist.txt"}, exitInput},
		{"note over the size limit", cleanNote, []string{"code", "--max-note-size", "10", "-"}, exitNote},
		{"no arguments", "", nil, exitUsage},
		{"unknown command", "", []string{"bill", "-"}, exitUsage},
		{"no file", "", []string{"code"}, exitUsage},
		{"two files", "", []string{"code", "a", "b"}, exitUsage},
		{"bad format", cleanNote, []string{"code", "--format", "xml", "-"}, exitUsage},
		{"bad payer", cleanNote, []string{"code", "--payer", "acme", "-"}, exitUsage},
		{"unknown flag", cleanNote, []string{"code", "--fast", "-"}, exitUsage},
		{"help", "", []string{"--help"}, exitOK},
		{"code help", "", []string{"code", "--help"}, exitOK},
		{"rules", "", []string{"rules"}, exitOK},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, _ := runCLI(t, tc.stdin, tc.args...)
			assert.Equal(t, tc.want, code)
		})
	}
}

// TestCodeErrorIsPositioned: a note that cannot be coded at all gets a
// positioned message on standard error and, with --format json, the error
// record on standard output.
func TestCodeErrorIsPositioned(t *testing.T) {
	code, stdout, stderr := runCLI(t, "Site: nose\nIndication: a long story\n", "code", "--format", "json", "--max-line-length", "12", "-")
	assert.Equal(t, exitNote, code)
	assert.Equal(t, "-:2:1: line 2 is 24 bytes long; the limit is 12 bytes\n", stderr)
	var rec struct {
		Source string `json:"source"`
		Error  struct {
			Line, Column int
			Message      string
		} `json:"error"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &rec))
	assert.Equal(t, "-", rec.Source)
	assert.Equal(t, 2, rec.Error.Line)
	assert.Equal(t, 1, rec.Error.Column)
	assert.Equal(t, "line 2 is 24 bytes long; the limit is 12 bytes", rec.Error.Message)
}

func TestJSONContract(t *testing.T) {
	code, stdout, _ := runCLI(t, cleanNote, "code", "--format", "json", "--payer", "medicare", "-")
	require.Equal(t, exitOK, code)
	var raw map[string]any
	require.NoError(t, json.Unmarshal([]byte(stdout), &raw))
	for _, field := range []string{"source", "encounter", "edits", "lines", "diagnoses", "findings"} {
		assert.Contains(t, raw, field)
	}
	enc := raw["encounter"].(map[string]any)
	assert.Equal(t, "2026-03-14", enc["date_of_service"])
	assert.Nil(t, enc["place_of_service"], "a field the note does not give is null")
	assert.Equal(t, "medicare", enc["payer_profile"])
	assert.Equal(t, map[string]any{"mue": "not checked", "ptp": "not checked"}, raw["edits"])
	lines := raw["lines"].([]any)
	require.Len(t, lines, 1)
	line := lines[0].(map[string]any)
	for _, field := range []string{"seq", "code", "units", "modifiers", "lesion", "description", "diagnosis_pointers", "evidence"} {
		assert.Contains(t, line, field)
	}
	assert.Equal(t, "17311", line["code"])
	assert.Equal(t, []any{}, line["modifiers"])
}

func TestCheckHasNoLines(t *testing.T) {
	_, stdout, _ := runCLI(t, "Site: nose\nStage 1: 1 block\n", "check", "--format", "json", "-")
	var claim coding.Claim
	require.NoError(t, json.Unmarshal([]byte(stdout), &claim))
	assert.Empty(t, claim.Lines)
	assert.NotNil(t, claim.Lines)
	assert.NotEmpty(t, claim.Findings)
}

func TestTextTable(t *testing.T) {
	_, stdout, _ := runCLI(t, cleanNote, "code", "-")
	assert.Contains(t, stdout, "#  CODE   UNITS  MOD  LESION  DX  NOTE LINES  WHY\n")
	assert.Contains(t, stdout, "1  17311  1      -    1       1   4,10        first stage; left nasal ala is Mohs class H\n")
	assert.Contains(t, stdout, "Info:\n  line 12   no-repair-code")
}

// TestRulesListsEveryRule: mohscode rules prints every rule declared
// anywhere in the module (a diag.Rule with an ID in a non-test Go file),
// each once, with its severities, and nothing else.
func TestRulesListsEveryRule(t *testing.T) {
	code, stdout, _ := runCLI(t, "", "rules")
	require.Equal(t, exitOK, code)
	declared := map[string]bool{}
	idRE := regexp.MustCompile(`Rule\{ID: "([a-z0-9-]+)"`)
	require.NoError(t, filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && path != "../.." && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")):
			return filepath.SkipDir
		case d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go"):
			return nil
		}
		src, err := os.ReadFile(path)
		for _, m := range idRE.FindAllSubmatch(src, -1) {
			declared[string(m[1])] = true
		}
		return err
	}))
	require.Contains(t, declared, batch.InputEncoding.ID, "the scan finds the batch reader's rule")
	printed := map[string]bool{}
	heading := regexp.MustCompile(`(?m)^([a-z0-9-]+) \((?:info|warning|error)(?: or (?:info|warning|error))?\)$`)
	for _, m := range heading.FindAllStringSubmatch(stdout, -1) {
		assert.False(t, printed[m[1]], "%s printed twice", m[1])
		printed[m[1]] = true
	}
	assert.Equal(t, declared, printed)
	for _, r := range slices.Concat(coding.Rules, audit.Rules, []*diag.Rule{batch.InputEncoding}) {
		sev := make([]string, 0, 2)
		for _, s := range r.Severities() {
			sev = append(sev, string(s))
		}
		assert.Contains(t, stdout, r.ID+" ("+strings.Join(sev, " or ")+")\n")
	}
	assert.Contains(t, stdout, "input-encoding (warning)\n")
}

func TestUnknownFlagIsExplained(t *testing.T) {
	code, _, stderr := runCLI(t, "", "code", "--fast", "-")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "mohscode code: unknown flag: --fast")
}

func TestHelpHasExample(t *testing.T) {
	_, stdout, _ := runCLI(t, "", "--help")
	assert.Contains(t, stdout, "Examples:\n  mohscode code samples/nose-two-stage.txt")
	_, stdout, _ = runCLI(t, "", "code", "--help")
	assert.Contains(t, stdout, "Examples:")
	assert.Contains(t, stdout, "--payer")
}

func TestEditTables(t *testing.T) {
	code, stdout, _ := runCLI(t, "", "code", "--format", "json", "--mue", "testdata/mue-fixture.csv", "--ptp", "testdata/ptp-fixture.csv", "../../samples/nose-two-stage.txt")
	assert.Equal(t, exitNote, code, "an MAI 2 excess is an error finding")
	var claim coding.Claim
	require.NoError(t, json.Unmarshal([]byte(stdout), &claim))
	assert.Equal(t, coding.Edits{MUE: "testdata/mue-fixture.csv", PTP: "testdata/ptp-fixture.csv"}, claim.Edits)
	var rules []string
	for _, f := range claim.Findings {
		rules = append(rules, f.Rule)
	}
	// 17312×1 is over its fixture value 0; 14060 is column 2 to 17311 with
	// indicator 1, so it gets 59 and a warning; the 17311/17312 pair was
	// deleted before 2026-03-14.
	assert.Equal(t, []string{"mue-exceeded", "ptp-modifier-needed"}, rules)
	assert.Equal(t, "14060", claim.Lines[2].Code)
	assert.Equal(t, []string{"59"}, claim.Lines[2].Modifiers)

	code, _, stderr := runCLI(t, "", "code", "--mue", "testdata/missing.csv", "../../samples/nose-two-stage.txt")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "testdata/missing.csv")
}

// TestBatchFormats feeds a mixed batch — every sample (and any of them that
// cannot be coded), an NDJSON file with a bad line and a note over the line
// limit, and a Bulk DocumentReference file with a url-only attachment — and checks, in
// every format, one output record per input record, in order, every error
// record naming its input.
func TestBatchFormats(t *testing.T) {
	samples, err := filepath.Glob("../../samples/*.txt")
	require.NoError(t, err)
	messages, err := filepath.Glob("../../samples/*.hl7")
	require.NoError(t, err)
	require.NotEmpty(t, messages, "the HL7 v2 sample")
	wantErrors := map[string]bool{"testdata/batch.ndjson:2": true, "rec-3": true, "doc-2": true}
	for _, s := range samples {
		src, err := os.ReadFile(s)
		require.NoError(t, err)
		if _, err := engine.Code(s, string(src), coding.Options{}); err != nil {
			wantErrors[s] = true
		}
	}
	// the directory is read in lexical order; an HL7 v2 file yields one
	// record per message, named by its document or message id
	files := slices.Sorted(slices.Values(append(slices.Clone(samples), messages...)))
	var wantIDs []string
	for _, f := range files {
		if filepath.Ext(f) != ".hl7" {
			wantIDs = append(wantIDs, f)
			continue
		}
		batch.Read([]string{f}, nil, func(r batch.Record) bool {
			require.NoError(t, r.Err, r.ID)
			wantIDs = append(wantIDs, r.ID)
			return true
		})
	}
	wantIDs = append(wantIDs, "rec-1", "testdata/batch.ndjson:2", "rec-3", "doc-1", "doc-2")
	// rec-3 has a line over the --max-line-length of 300 bytes
	args := []string{"batch", "--quiet", "--jobs", "3", "--max-line-length", "300", "../../samples", "testdata/batch.ndjson", "testdata/bulk.ndjson"}

	t.Run("ndjson", func(t *testing.T) {
		code, stdout, _ := runCLI(t, "", append(args, "--format", "ndjson")...)
		assert.Equal(t, exitNote, code, "some records failed")
		var ids []string
		for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
			var rec struct {
				ID    string          `json:"id"`
				Error json.RawMessage `json:"error"`
			}
			require.NoError(t, json.Unmarshal([]byte(line), &rec))
			ids = append(ids, rec.ID)
			assert.Equal(t, wantErrors[rec.ID], rec.Error != nil, rec.ID)
		}
		assert.Equal(t, wantIDs, ids)
	})
	t.Run("csv", func(t *testing.T) {
		_, stdout, _ := runCLI(t, "", append(args, "--format", "csv")...)
		rows, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
		require.NoError(t, err)
		require.Equal(t, "id", rows[0][0])
		errCol := slices.Index(rows[0], "error")
		require.GreaterOrEqual(t, errCol, 0, "an error column")
		var ids []string
		for _, r := range rows[1:] {
			if len(ids) == 0 || ids[len(ids)-1] != r[0] {
				ids = append(ids, r[0])
			}
			if wantErrors[r[0]] {
				assert.NotEmpty(t, r[errCol], "the error column of %s", r[0])
			}
		}
		assert.Equal(t, wantIDs, ids)
	})
	for _, format := range []string{"fhir", "x12"} {
		t.Run(format, func(t *testing.T) {
			errFile := filepath.Join(t.TempDir(), "errors.ndjson")
			code, stdout, _ := runCLI(t, "", append(args, "--format", format, "--errors", errFile)...)
			assert.Equal(t, exitNote, code)
			errs, err := os.ReadFile(errFile)
			require.NoError(t, err)
			failed := map[string]bool{}
			for _, line := range strings.Split(strings.TrimSpace(string(errs)), "\n") {
				var rec struct {
					ID string `json:"id"`
				}
				require.NoError(t, json.Unmarshal([]byte(line), &rec))
				failed[rec.ID] = true
			}
			written := 0
			if format == "fhir" {
				written = strings.Count(stdout, `"resourceType":"Claim"`)
			} else {
				written = strings.Count(stdout, "HI*")
			}
			assert.Equal(t, len(wantIDs), written+len(failed), "one record per input: %d written, %d failed", written, len(failed))
			for id := range wantErrors {
				assert.True(t, failed[id], "%s has an error record", id)
			}
		})
	}
}

func TestLimitFlags(t *testing.T) {
	code, _, stderr := runCLI(t, "Site: nose\nStage 1: 1 block\n", "code", "--max-note-size", "10", "-")
	assert.Equal(t, exitNote, code)
	assert.Equal(t, "-:1:1: the note is over the limit of 10 bytes\n", stderr)
	code, stdout, _ := runCLI(t, "Site: nose\nIndication: a long story\n", "batch", "--quiet", "--max-line-length", "12", "-")
	assert.Equal(t, exitNote, code)
	assert.Contains(t, stdout, `"error":{"line":2,"column":1,"message":"line 2 is 24 bytes long; the limit is 12 bytes"}`)
}
