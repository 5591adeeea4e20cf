package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode"
	"github.com/mohscode/mohscode/internal/batch"
	"github.com/mohscode/mohscode/internal/codetable"
)

func TestVersion(t *testing.T) {
	pack := codetable.Pack()
	for _, args := range [][]string{{"--version"}, {"version"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, stdout, stderr := runCLI(t, "", args...)
			assert.Equal(t, exitOK, code, stderr)
			assert.Regexp(t, `^mohscode \S+`, stdout)
			assert.Contains(t, stdout, "rule pack "+pack.Version+" ("+pack.CPT+", "+pack.ICD10CM+")\n")
		})
	}
}

// TestHelpEveryCommand: -h, --help and help CMD print the command's help,
// with its flags and the exit statuses, to standard output, status 0.
func TestHelpEveryCommand(t *testing.T) {
	for _, c := range commands() {
		t.Run(c.name, func(t *testing.T) {
			_, want, _ := runCLI(t, "", c.name, "--help")
			assert.Contains(t, want, "Usage: mohscode "+c.name)
			assert.Contains(t, want, "Exit status:\n  0  coded")
			for _, args := range [][]string{{c.name, "-h"}, {c.name, "--help"}, {"help", c.name}} {
				code, stdout, stderr := runCLI(t, "", args...)
				assert.Equal(t, exitOK, code, args)
				assert.Empty(t, stderr, args)
				assert.Equal(t, want, stdout, args)
			}
		})
	}
	code, stdout, _ := runCLI(t, "", "help")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, stdout, "Exit status:")
	code, _, stderr := runCLI(t, "", "help", "bill")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, `unknown command "bill"`)
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"jobs zero", []string{"batch", "--jobs", "0", "-"}, "--jobs must be at least 1, not 0"},
		{"jobs negative", []string{"batch", "-j", "-3", "-"}, "--jobs must be at least 1, not -3"},
		{"jobs not a number", []string{"batch", "-j", "many", "-"}, `--jobs: "many" is not a whole number`},
		{"negative note size", []string{"code", "--max-note-size", "-1", "-"}, "--max-note-size must be at least 1, not -1"},
		{"negative line length", []string{"batch", "--max-line-length", "-5", "-"}, "--max-line-length must be at least 1, not -5"},
		{"fees with json", []string{"code", "-f", "json", "--fees", "fees.csv", "-"}, "--fees applies to --format x12 or fhir only, not json"},
		{"patient ref with csv", []string{"batch", "-f", "csv", "--patient-ref", "Patient/1", "-"}, "--patient-ref applies to --format fhir only, not csv"},
		{"errors file with ndjson", []string{"batch", "--errors", "e.ndjson", "-"}, "--errors applies to --format fhir or x12 only, not ndjson"},
		{"check takes no claim format", []string{"check", "-f", "x12", "-"}, "--format must be one of text, json, not \"x12\""},
		{"unknown payer", []string{"check", "-p", "acme", "-"}, `payer must be one of commercial, medicare, uhc, not "acme"`},
		{"check has no lines to check against tables", []string{"check", "--mue", "mue.csv", "-"}, "unknown flag: --mue"},
		{"rules takes no argument", []string{"rules", "x"}, `unexpected argument "x"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, cleanNote, tc.args...)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, stdout)
			assert.Contains(t, stderr, tc.stderr)
			assert.Contains(t, stderr, "Run 'mohscode help "+tc.args[0]+"' for usage.")
			assert.NotRegexp(t, `strconv|\*\w+\.\w+|pflag`, stderr, "no Go names in messages")
		})
	}
}

func TestShortFlags(t *testing.T) {
	out := filepath.Join(t.TempDir(), "claim.json")
	code, stdout, stderr := runCLI(t, cleanNote, "code", "-f", "json", "-p", "medicare", "-o", out, "-")
	require.Equal(t, exitOK, code, stderr)
	assert.Empty(t, stdout, "-o writes the file instead")
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"payer_profile": "medicare"`)

	code, stdout, stderr = runCLI(t, cleanNote, "batch", "-f", "csv", "-j", "2", "-q", "-")
	require.Equal(t, exitOK, code, stderr)
	assert.True(t, strings.HasPrefix(stdout, "id,"), stdout)
}

func TestUnreadableInput(t *testing.T) {
	code, _, stderr := runCLI(t, "", "check", "no-such-note.txt")
	assert.Equal(t, exitInput, code)
	assert.Equal(t, "mohscode check: open no-such-note.txt: no such file or directory\n", stderr)
}

// TestCheckPositions: check prints each finding as FILE:LINE: RULE: MESSAGE.
func TestCheckPositions(t *testing.T) {
	code, stdout, _ := runCLI(t, "Lesion 1\nSite: nose\nStage 1: 2 blocks\n", "check", "-p", "medicare", "-")
	assert.Equal(t, exitNote, code)
	assert.Contains(t, stdout, "-:1: diagnosis-missing: Lesion 1 has no diagnosis\n")
	assert.Contains(t, stdout, "-:3: margins-missing: ")
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		assert.Regexp(t, `^-:\d+: [a-z0-9-]+: `, line)
	}
}

// failingWriter fails every write, as a closed pipe does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

func TestRulesFailedWrite(t *testing.T) {
	var stderr bytes.Buffer
	code := run([]string{"rules"}, strings.NewReader(""), failingWriter{}, &stderr)
	assert.Equal(t, exitNote, code)
	assert.Equal(t, "mohscode rules: broken pipe\n", stderr.String())
}

func TestEscaper(t *testing.T) {
	tests := []struct {
		name   string
		writes []string
		want   string
	}{
		{"plain text and newlines", []string{"Site: nose\n\tStage 1\n"}, "Site: nose\n\tStage 1\n"},
		{"escape sequence", []string{"a\x1b]0;pwned\x07b"}, `a\x1b]0;pwned\x07b`},
		{"carriage return and DEL", []string{"x\ry\x7f"}, `x\x0dy\x7f`},
		{"C1 control", []string{"a\u009bb"}, `a\u009bb`},
		{"C1 control split across writes", []string{"a\xc2", "\x9bb"}, `a\u009bb`},
		{"UTF-8 kept", []string{"é ×2 — ok"}, "é ×2 — ok"},
		{"UTF-8 lead byte split across writes", []string{"caf\xc3", "\xa9"}, "café"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			e := &escaper{w: &b}
			for _, w := range tc.writes {
				n, err := e.Write([]byte(w))
				require.NoError(t, err)
				assert.Equal(t, len(w), n)
			}
			assert.Equal(t, tc.want, b.String())
		})
	}
}

// TestCodeJSONIsTheGoAPI: for every sample, `mohscode code --format json`
// prints what the public Go API returns for the note, encoded as JSON.
func TestCodeJSONIsTheGoAPI(t *testing.T) {
	eng, err := mohscode.New(mohscode.Options{})
	require.NoError(t, err)
	notes, err := filepath.Glob("../../samples/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, notes)
	for _, path := range notes {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			require.NoError(t, err)
			_, stdout, _ := runCLI(t, "", "code", "-f", "json", path)
			res, err := eng.Code(path, src)
			if err != nil {
				assert.Contains(t, stdout, `"error"`)
				return
			}
			want, err := json.Marshal(res)
			require.NoError(t, err)
			assert.JSONEq(t, string(want), stdout)
		})
	}
}

// TestBatchInterrupted: a batch stopped by SIGINT while it waits for more
// input writes whole records only — every chunk of records it had read
// in full — prints the summary and exits with 130.
func TestBatchInterrupted(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancelCause(context.Background())
	var stdout, stderr bytes.Buffer
	exit := make(chan int, 1)
	go func() {
		exit <- runBatch(ctx, env{stdin: pr, stdout: &stdout, stderr: &stderr}, []string{"-j", "2", "-"})
	}()
	const sent = batch.DefaultChunk + 6
	for i := range sent {
		rec, err := json.Marshal(map[string]string{"id": fmt.Sprintf("n%d", i+1), "text": cleanNote})
		require.NoError(t, err)
		_, err = pw.Write(append(rec, '\n'))
		require.NoError(t, err)
	}
	// half a record: the reader has taken the whole ones when this write
	// returns
	_, err := pw.Write([]byte(`{"id": "half", "te`))
	require.NoError(t, err)
	time.Sleep(100 * time.Millisecond)
	cancel(interruption{syscall.SIGINT})
	select {
	case code := <-exit:
		assert.Equal(t, 130, code)
	case <-time.After(10 * time.Second):
		t.Fatal("the batch did not stop")
	}
	lines := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")
	assert.GreaterOrEqual(t, len(lines), batch.DefaultChunk, "the first chunk is written")
	assert.LessOrEqual(t, len(lines), sent)
	for i, line := range lines {
		var rec struct{ ID string }
		require.NoError(t, json.Unmarshal([]byte(line), &rec), "a whole record")
		assert.Equal(t, fmt.Sprintf("n%d", i+1), rec.ID)
	}
	assert.Contains(t, stderr.String(), fmt.Sprintf("%d notes", len(lines)))
	assert.Contains(t, stderr.String(), fmt.Sprintf("mohscode batch: stopped by SIGINT after %d records", len(lines)))
}

func TestInterruptionStatus(t *testing.T) {
	assert.Equal(t, 130, interruption{syscall.SIGINT}.exitStatus())
	assert.Equal(t, 143, interruption{syscall.SIGTERM}.exitStatus())
	assert.Equal(t, "interrupted by SIGTERM", interruption{syscall.SIGTERM}.Error())
}
