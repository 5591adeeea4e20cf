package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/batch"
	"github.com/mohscode/mohscode/internal/server"
)

// stubServer replaces the service for one test: it records the options
// serve passes and returns at once.
func stubServer(t *testing.T) *server.Options {
	t.Helper()
	var got server.Options
	orig := runServer
	runServer = func(_ context.Context, ln net.Listener, opt server.Options) error {
		got = opt
		return ln.Close()
	}
	t.Cleanup(func() { runServer = orig })
	return &got
}

// TestGCDefaults: batch and serve set GOGC and the memory limit unless the
// environment sets them; a usage error leaves the runtime alone.
func TestGCDefaults(t *testing.T) {
	oldPercent, oldLimit := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetGCPercent(oldPercent); debug.SetMemoryLimit(oldLimit) })
	stubServer(t)
	note := filepath.Join(t.TempDir(), "note.txt")
	require.NoError(t, os.WriteFile(note, []byte(cleanNote), 0o644))
	tests := []struct {
		name      string
		gogc      string // the environment's GOGC; the runtime applied it at start
		args      []string
		wantGOGC  int
		wantLimit bool // the default memory limit is set
	}{
		{"batch sets the defaults", "", []string{"batch", "-q", note}, batch.DefaultGOGC, true},
		{"serve sets the defaults", "", []string{"serve", "--addr", "127.0.0.1:0"}, batch.DefaultGOGC, true},
		{"batch keeps the environment's GOGC", "150", []string{"batch", "-q", note}, 150, true},
		{"serve keeps the environment's GOGC", "150", []string{"serve", "--addr", "127.0.0.1:0"}, 150, true},
		{"a usage error changes nothing", "", []string{"batch", "--jobs", "0", note}, 100, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("GOGC", tc.gogc)
			t.Setenv("GOMEMLIMIT", "")
			start := 100
			if tc.gogc != "" {
				start = 150
			}
			debug.SetGCPercent(start)
			debug.SetMemoryLimit(oldLimit)
			code, _, stderr := runCLI(t, "", tc.args...)
			if tc.wantLimit {
				require.Equal(t, exitOK, code, stderr)
			}
			assert.Equal(t, tc.wantGOGC, debug.SetGCPercent(-1))
			debug.SetGCPercent(start)
			if tc.wantLimit {
				assert.Equal(t, int64(batch.DefaultMemoryLimit), debug.SetMemoryLimit(-1))
			} else {
				assert.Equal(t, oldLimit, debug.SetMemoryLimit(-1))
			}
		})
	}
}

// TestBatchNamesSkippedFiles: the files a directory input does not read are
// named in the summary.
func TestBatchNamesSkippedFiles(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{"a.txt": cleanNote, "claims.csv": "x,y\n", "readme.md": "# notes\n"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644))
	}
	tests := []struct {
		name       string
		args       []string
		wantStderr string
	}{
		{"summary", []string{"batch", dir}, "skipped 2 files that are not notes (.txt, .hl7): " +
			filepath.Join(dir, "claims.csv") + ", " + filepath.Join(dir, "readme.md") + "\n"},
		{"quiet", []string{"batch", "--quiet", dir}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, "", tc.args...)
			assert.Equal(t, exitOK, code, stderr)
			assert.Equal(t, 1, strings.Count(stdout, "\n"), "one record: a.txt")
			if tc.wantStderr == "" {
				assert.Empty(t, stderr)
			} else {
				assert.Contains(t, stderr, "1 notes, ")
				assert.Contains(t, stderr, tc.wantStderr)
			}
		})
	}
}

// documentReferences writes a Bulk Data file of two DocumentReferences
// holding cleanNote: doc-a with a subject and an author, doc-b without.
func documentReferences(t *testing.T) string {
	t.Helper()
	data := base64.StdEncoding.EncodeToString([]byte(cleanNote))
	var b strings.Builder
	for _, doc := range []map[string]any{
		{"resourceType": "DocumentReference", "id": "doc-a",
			"subject": map[string]any{"reference": "Patient/p1"},
			"author":  []any{map[string]any{"reference": "Practitioner/a1"}},
			"content": []any{map[string]any{"attachment": map[string]any{"contentType": "text/plain", "data": data}}}},
		{"resourceType": "DocumentReference", "id": "doc-b",
			"content": []any{map[string]any{"attachment": map[string]any{"contentType": "text/plain", "data": data}}}},
	} {
		line, err := json.Marshal(doc)
		require.NoError(t, err)
		b.Write(append(line, '\n'))
	}
	p := filepath.Join(t.TempDir(), "DocumentReference.ndjson")
	require.NoError(t, os.WriteFile(p, []byte(b.String()), 0o644))
	return p
}

// fhirRefs reads the patient, provider and coverage references of each
// Claim of an NDJSON stream, by Claim id ("" for a placeholder).
func fhirRefs(t *testing.T, stdout string) map[string][3]string {
	t.Helper()
	got := map[string][3]string{}
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		type ref struct {
			Reference string `json:"reference"`
		}
		var c struct {
			ID        string `json:"id"`
			Patient   ref    `json:"patient"`
			Provider  ref    `json:"provider"`
			Insurance []struct {
				Coverage ref `json:"coverage"`
			} `json:"insurance"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &c))
		require.Len(t, c.Insurance, 1)
		got[c.ID] = [3]string{c.Patient.Reference, c.Provider.Reference, c.Insurance[0].Coverage.Reference}
	}
	return got
}

// TestBatchFHIRReferences: a DocumentReference's subject and author become
// the Claim's patient and provider; the flags override them; placeholders
// are warned of once per batch, and fail the batch under --strict.
func TestBatchFHIRReferences(t *testing.T) {
	docs := documentReferences(t)
	tests := []struct {
		name       string
		args       []string
		want       map[string][3]string
		wantCode   int
		wantStderr string // "" : no warning
	}{
		{"from the DocumentReference", []string{},
			map[string][3]string{"doc-a": {"Patient/p1", "Practitioner/a1", ""}, "doc-b": {"", "", ""}},
			exitOK, "mohscode batch: warning: placeholder (data-absent) references in 2 FHIR Claims: patient, provider, coverage; give --patient-ref, --provider-ref, --coverage-ref\n"},
		{"flags override", []string{"--patient-ref", "Patient/f", "--coverage-ref", "Coverage/c"},
			map[string][3]string{"doc-a": {"Patient/f", "Practitioner/a1", "Coverage/c"}, "doc-b": {"Patient/f", "", "Coverage/c"}},
			exitOK, "mohscode batch: warning: placeholder (data-absent) references in 1 FHIR Claim: provider; give --provider-ref\n"},
		{"strict with placeholders", []string{"--strict", "--coverage-ref", "Coverage/c"},
			map[string][3]string{"doc-a": {"Patient/p1", "Practitioner/a1", "Coverage/c"}, "doc-b": {"", "", "Coverage/c"}},
			exitNote, "mohscode batch: error (--strict): placeholder (data-absent) references in 1 FHIR Claim: patient, provider; give --patient-ref, --provider-ref\n"},
		{"strict with every reference", []string{"--strict", "--patient-ref", "Patient/f", "--provider-ref", "Practitioner/f", "--coverage-ref", "Coverage/c"},
			map[string][3]string{"doc-a": {"Patient/f", "Practitioner/f", "Coverage/c"}, "doc-b": {"Patient/f", "Practitioner/f", "Coverage/c"}},
			exitOK, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"batch", "-q", "-f", "fhir"}, tc.args...)
			code, stdout, stderr := runCLI(t, "", append(args, docs)...)
			assert.Equal(t, tc.wantCode, code, stderr)
			assert.Equal(t, tc.want, fhirRefs(t, stdout))
			assert.Equal(t, tc.wantStderr, stderr, "one warning per batch, even under --quiet")
		})
	}
}

// TestCodeFHIRStrict: code warns of placeholders as batch does.
func TestCodeFHIRStrict(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStderr string
	}{
		{"warning", []string{"--patient-ref", "Patient/1"}, exitOK,
			"mohscode code: warning: placeholder (data-absent) references in 1 FHIR Claim: provider, coverage; give --provider-ref, --coverage-ref\n"},
		{"strict", []string{"--strict"}, exitNote, "mohscode code: error (--strict): placeholder"},
		{"strict, every reference", []string{"--strict", "--patient-ref", "Patient/1", "--provider-ref", "Practitioner/2", "--coverage-ref", "Coverage/3"}, exitOK, ""},
		{"strict is fhir only", []string{"-f", "csv", "--strict"}, exitUsage, "--strict applies to --format fhir only, not csv"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"code", "-f", "fhir"}, tc.args...)
			code, _, stderr := runCLI(t, cleanNote, append(args, "-")...)
			assert.Equal(t, tc.wantCode, code, stderr)
			if tc.wantStderr == "" {
				assert.Empty(t, stderr)
			} else {
				assert.Contains(t, stderr, tc.wantStderr)
			}
		})
	}
}

// TestServeCodingBound: --max-coding and --queue-wait reach the server;
// values below 1 (or 0 s) are usage errors.
func TestServeCodingBound(t *testing.T) {
	got := stubServer(t)
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantMax    int
		wantWait   time.Duration
		wantStderr string
	}{
		{"defaults", nil, exitOK, server.DefaultMaxCoding(), server.DefaultQueueWait, ""},
		{"given", []string{"--max-coding", "3", "--queue-wait", "250ms"}, exitOK, 3, 250 * time.Millisecond, ""},
		{"zero", []string{"--max-coding", "0"}, exitUsage, 0, 0, "--max-coding must be at least 1, not 0"},
		{"negative", []string{"--max-coding", "-4"}, exitUsage, 0, 0, "--max-coding must be at least 1, not -4"},
		{"not a number", []string{"--max-coding", "lots"}, exitUsage, 0, 0, `--max-coding: "lots" is not a whole number`},
		{"no wait", []string{"--queue-wait", "0s"}, exitUsage, 0, 0, "--queue-wait must be more than 0, not 0s"},
		{"wait not a duration", []string{"--queue-wait", "soon"}, exitUsage, 0, 0, `--queue-wait: "soon" is not a duration such as 500ms or 2s`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			*got = server.Options{}
			code, _, stderr := runCLI(t, "", append([]string{"serve", "--addr", "127.0.0.1:0"}, tc.args...)...)
			assert.Equal(t, tc.wantCode, code, stderr)
			assert.Equal(t, tc.wantMax, got.MaxCoding)
			assert.Equal(t, tc.wantWait, got.QueueWait)
			assert.Contains(t, stderr, tc.wantStderr)
		})
	}
}

// TestREADMEDocumentsTheCommandLine: every flag of the pipeline and service
// commands, every exit status and the HL7 v2 sample are in the README, and
// the help shows the new flags with an example.
func TestREADMEDocumentsTheCommandLine(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	for _, name := range []string{"batch", "serve", "code", "audit"} {
		t.Run(name, func(t *testing.T) {
			c, ok := lookup(name)
			require.True(t, ok)
			_, help, _ := runCLI(t, "", c.name, "--help")
			for _, line := range strings.Split(help, "\n") {
				f := strings.Fields(line)
				if len(f) == 0 || !strings.HasPrefix(line, "      --") && !strings.HasPrefix(strings.TrimSpace(line), "-") {
					continue
				}
				flag := f[0]
				if strings.HasSuffix(flag, ",") { // "-f, --format"
					flag = f[1]
				}
				flag, _, _ = strings.Cut(flag, "[") // "--quiet[=true|false]"
				if strings.HasPrefix(flag, "--") && flag != "--help" {
					documented := regexp.MustCompile(regexp.QuoteMeta(flag) + `([^a-z-]|$)`).Match(readme)
					assert.True(t, documented, "README documents %s %s", name, flag)
				}
			}
		})
	}
	for _, want := range []string{"mohscode batch samples/dictation.hl7", "--strict", "| 0 |", "| 1 |", "| 2 |", "| 3 |", "| 130, 143 |"} {
		assert.True(t, strings.Contains(string(readme), want), "README has %q", want)
	}
	_, help, _ := runCLI(t, "", "batch", "--help")
	assert.Contains(t, help, "--strict")
	assert.Contains(t, help, "samples/dictation.hl7")
	assert.Contains(t, help, "or with --strict a FHIR Claim with a placeholder")
	_, help, _ = runCLI(t, "", "serve", "--help")
	assert.Contains(t, help, "--max-coding")
	assert.Contains(t, help, "--queue-wait 500ms")
}
