package mohscode_test

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/engine"
)

// outsideProgram is a Go program of another module: it codes the notes
// named on its command line and prints each note's claim lines as one JSON
// line.
const outsideProgram = `package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/mohscode/mohscode"
)

func main() {
	eng, err := mohscode.New(mohscode.Options{})
	if err != nil {
		panic(err)
	}
	for _, path := range os.Args[1:] {
		src, err := os.ReadFile(path)
		if err != nil {
			panic(err)
		}
		res, err := eng.Code(path, src)
		if err != nil {
			fmt.Println("null")
			continue
		}
		b, _ := json.Marshal(res.Lines)
		fmt.Println(string(b))
	}
}
`

// TestUsableOutsideTheModule builds a program in a module of its own that
// requires this one through a replace directive, runs it on every sample,
// and compares each note's lines with the lines `mohscode code --format
// json` prints for it. It works offline once `go mod download` has filled
// the module cache.
func TestUsableOutsideTheModule(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a program with the go command")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	root, err := os.Getwd()
	require.NoError(t, err)
	dir := t.TempDir()
	gomod := "module example.com/outside\n\ngo 1.26\n\nrequire github.com/mohscode/mohscode v0.0.0\n\nreplace github.com/mohscode/mohscode => " + root + "\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644))
	sums, err := os.ReadFile(filepath.Join(root, "go.sum"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.sum"), sums, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "main.go"), []byte(outsideProgram), 0o644))

	notes, err := filepath.Glob(filepath.Join(root, "samples", "*.txt"))
	require.NoError(t, err)
	cmd := exec.Command(gobin, append([]string{"run", "."}, notes...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOSUMDB=off", "GOWORK=off")
	out, err := cmd.Output()
	var stderr string
	if ee, ok := errors.AsType[*exec.ExitError](err); ok {
		stderr = string(ee.Stderr)
	}
	require.NoError(t, err, stderr)

	got := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	require.Len(t, got, len(notes))
	for i, path := range notes {
		src, err := os.ReadFile(path)
		require.NoError(t, err)
		claim, err := engine.Code(path, string(src), coding.Options{})
		if err != nil {
			assert.Equal(t, "null", got[i], filepath.Base(path))
			continue
		}
		want, err := json.Marshal(claim.Lines)
		require.NoError(t, err)
		assert.JSONEq(t, string(want), got[i], filepath.Base(path))
	}
}
