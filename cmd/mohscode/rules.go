package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/mohscode/mohscode/internal/audit"
	"github.com/mohscode/mohscode/internal/batch"
	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/diag"
)

const rulesHelp = `Usage: mohscode rules

Prints the rule pack — its version, the code-set editions it follows and
the sources of its rules and tables — then every finding rule the program
raises (the engine's, the batch reader's and the audit's), with its
severity and meaning.

Example:
  mohscode rules | less
`

const versionHelp = `Usage: mohscode version   (or mohscode --version)

Prints the program's version and the rule pack it codes by.
`

func rulesCommand(e env, args []string) int {
	fs := newFlagSet(e, "rules", rulesHelp)
	fs.noArguments()
	if code, done := fs.parse(args); done {
		return code
	}
	pack := codetable.Pack()
	var b strings.Builder
	fmt.Fprintf(&b, "Rule pack %s (%s, %s)\n\nSources:\n", pack.Version, pack.CPT, pack.ICD10CM)
	for _, s := range pack.Sources {
		fmt.Fprintf(&b, "  %s\n%s\n", s.Name, wrap(s.Covers, 76, "      "))
	}
	b.WriteString("\nFinding rules:\n\n")
	for _, r := range allRules() {
		sev := make([]string, 0, 2)
		for _, s := range r.Severities() {
			sev = append(sev, string(s))
		}
		fmt.Fprintf(&b, "%s (%s)\n%s\n\n", r.ID, strings.Join(sev, " or "), wrap(r.Doc, 76, "    "))
	}
	if _, err := io.WriteString(e.stdout, b.String()); err != nil {
		return fs.fail(exitNote, err)
	}
	return exitOK
}

// allRules is every finding rule the program raises, each once: the
// engine's registry, the rules of the batch reader (a note file read as
// Windows-1252), and the audit's.
func allRules() []*diag.Rule {
	var rules []*diag.Rule
	seen := map[string]bool{}
	for _, r := range slices.Concat(coding.Rules, []*diag.Rule{batch.InputEncoding}, audit.Rules) {
		if !seen[r.ID] {
			seen[r.ID] = true
			rules = append(rules, r)
		}
	}
	return rules
}

func versionCommand(e env, args []string) int {
	fs := newFlagSet(e, "version", versionHelp)
	fs.noArguments()
	if code, done := fs.parse(args); done {
		return code
	}
	pack := codetable.PackEdition()
	if _, err := fmt.Fprintf(e.stdout, "mohscode %s\nrule pack %s (%s, %s)\n", version(), pack.Version, pack.CPT, pack.ICD10CM); err != nil {
		return fs.fail(exitNote, err)
	}
	return exitOK
}

// version is the module version the binary was built from, with its VCS
// revision when the build recorded one.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value[:min(12, len(s.Value))]
		case "vcs.modified":
			if s.Value == "true" {
				modified = "+dirty"
			}
		}
	}
	if rev != "" && !strings.Contains(v, rev) {
		v += " " + rev + modified
	}
	return v
}

// wrap breaks text into indented lines of at most width characters.
func wrap(text string, width int, indent string) string {
	var b strings.Builder
	n := 0
	for i, w := range strings.Fields(text) {
		if i == 0 {
			b.WriteString(indent)
			n = len(indent)
		} else if n+1+len(w) > width {
			b.WriteString("\n" + indent)
			n = len(indent)
		} else {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}
