// Command mohscode turns a Mohs micrographic surgery operative note into
// the claim lines a coder would submit, and into the documentation findings
// that say what the note is missing.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// Exit statuses, as the usage text documents them.
const (
	exitOK    = 0 // coded, no error finding
	exitNote  = 1 // an error finding, a note that cannot be parsed, a failed record, a failed write
	exitUsage = 2 // bad flags or arguments, or a flag's file that cannot be used
	exitInput = 3 // an input that cannot be read
)

// exitStatusHelp documents the exit statuses in every command's help.
const exitStatusHelp = `Exit status:
  0  coded, no error finding
  1  an error finding, a note that cannot be parsed, a failed record, a
     failed write, or with --strict a FHIR Claim with a placeholder
     (data-absent) patient, provider or coverage reference
  2  usage error: bad flags or arguments, or a flag's file that is unusable
  3  an input that cannot be read
`

// command is one subcommand of mohscode.
type command struct {
	name    string
	summary string
	run     func(e env, args []string) int
}

// env is what a command reads and writes.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// commands lists the subcommands in the order the usage shows them.
func commands() []command {
	return []command{
		{"code", "claim lines (CPT codes, units, modifiers, evidence) and findings", codeCommand},
		{"check", "documentation findings only", checkCommand},
		{"batch", "many notes (files, directories, NDJSON, FHIR DocumentReference) in parallel", batchCommand},
		{"serve", "an HTTP API and a web page for coders, on localhost by default", serveCommand},
		{"audit", "billed claims against their notes: differences, audit findings, agreement", auditCommand},
		{"rules", "the rule pack: its version, sources, and every finding rule", rulesCommand},
		{"version", "the program's and the rule pack's versions", versionCommand},
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run runs the command line args and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := env{stdin: stdin, stdout: terminalSafe(stdout), stderr: terminalSafe(stderr)}
	if len(args) == 0 {
		fmt.Fprint(e.stderr, usage())
		return exitUsage
	}
	switch args[0] {
	case "-h", "--help":
		fmt.Fprint(e.stdout, usage())
		return exitOK
	case "--version":
		return versionCommand(e, args[1:])
	case "help":
		return helpCommand(e, args[1:])
	}
	if c, ok := lookup(args[0]); ok {
		return c.run(e, args[1:])
	}
	fmt.Fprintf(e.stderr, "mohscode: unknown command %q; run 'mohscode --help' for the commands\n", args[0])
	return exitUsage
}

func lookup(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// helpCommand prints the usage, or one command's help.
func helpCommand(e env, args []string) int {
	switch len(args) {
	case 0:
		fmt.Fprint(e.stdout, usage())
		return exitOK
	case 1:
		if c, ok := lookup(args[0]); ok {
			return c.run(e, []string{"--help"})
		}
		fmt.Fprintf(e.stderr, "mohscode help: unknown command %q; run 'mohscode --help' for the commands\n", args[0])
	default:
		fmt.Fprintln(e.stderr, "Usage: mohscode help [COMMAND]")
	}
	return exitUsage
}

// usage is the program's help.
func usage() string {
	var b strings.Builder
	b.WriteString(`mohscode codes Mohs micrographic surgery operative notes.

Usage:
  mohscode COMMAND [flags] [arguments]
  mohscode help COMMAND     the command's flags and examples
  mohscode --version

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-8s %s\n", c.name, c.summary)
	}
	b.WriteString(`
Examples:
  mohscode code samples/nose-two-stage.txt
  mohscode code -f json -p medicare samples/two-lesions-medicare.txt
  mohscode batch -f csv -o claims.csv samples/
  mohscode batch samples/dictation.hl7

`)
	b.WriteString(exitStatusHelp)
	return b.String()
}
