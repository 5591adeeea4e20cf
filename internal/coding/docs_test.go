package coding_test

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/coding"
)

var updateDocs = flag.Bool("update", false, "rewrite the generated finding list of docs/coding-rules.md from the rule registry")

// codingRulesDoc is the project's rule book, seen from this package.
const codingRulesDoc = "../../docs/coding-rules.md"

// The markers around the generated finding list of docs/coding-rules.md.
const (
	findingsBegin = "<!-- findings:begin (generated from internal/coding's rule registry; do not edit by hand) -->\n"
	findingsEnd   = "<!-- findings:end -->\n"
)

// findingsTable is the finding list of the rule book: every rule of the
// registry, in registry order, with its severity and meaning.
func findingsTable() string {
	var b strings.Builder
	b.WriteString("| rule | severity | meaning |\n|---|---|---|\n")
	for _, r := range coding.Rules {
		b.WriteString("| `" + r.ID + "` | " + string(r.Severity) + " | " + strings.ReplaceAll(r.Doc, "|", `\|`) + " |\n")
	}
	return b.String()
}

// TestCodingRulesDocFindings keeps the finding list of docs/coding-rules.md
// equal to the rule registry (id, severity, meaning), so that the documents
// and the code cannot drift. Run `go test ./internal/coding -run
// TestCodingRulesDocFindings -update` after changing a rule.
func TestCodingRulesDocFindings(t *testing.T) {
	data, err := os.ReadFile(codingRulesDoc)
	require.NoError(t, err)
	doc := string(data)
	before, rest, ok := strings.Cut(doc, findingsBegin)
	require.True(t, ok, "docs/coding-rules.md has no %q marker", strings.TrimSpace(findingsBegin))
	_, after, ok := strings.Cut(rest, findingsEnd)
	require.True(t, ok, "docs/coding-rules.md has no %q marker", strings.TrimSpace(findingsEnd))
	want := before + findingsBegin + findingsTable() + findingsEnd + after
	if *updateDocs {
		require.NoError(t, os.WriteFile(codingRulesDoc, []byte(want), 0o644))
		return
	}
	assert.Equal(t, want, doc, "the finding list of docs/coding-rules.md differs from the registry: rerun with -update")
}

// The project's documents stand on their own: nothing points at the shared
// documents outside the repository.
func TestDocsDoNotPointOutside(t *testing.T) {
	for _, path := range []string{codingRulesDoc, "../../docs/note-format.md", "../../README.md"} {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		assert.NotContains(t, string(data), "shared/", path)
	}
}
