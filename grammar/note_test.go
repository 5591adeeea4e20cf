package grammar

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/diag"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// dump writes a parsed note one line per note line, for golden files.
func dump(n *Note) string {
	var b strings.Builder
	for _, l := range n.Lines {
		switch {
		case l.Heading != nil:
			h := l.Heading
			fmt.Fprintf(&b, "%d:%d heading %s", h.Pos.Line, h.Pos.Column, h.Word)
			if h.Label != nil {
				fmt.Fprintf(&b, " label=%q@%d", h.Label.Value, h.Label.Pos.Column)
			}
			if h.Total != "" {
				fmt.Fprintf(&b, " of=%s", h.Total)
			}
			if h.Text != nil {
				fmt.Fprintf(&b, " text=%q@%d", h.Text.Text, h.Text.Pos.Column)
			}
		case l.Field != nil:
			fmt.Fprintf(&b, "%d:%d field key=%q", l.Field.Pos.Line, l.Field.Pos.Column, l.Field.Key)
			if v := l.Field.Value; v != nil {
				fmt.Fprintf(&b, " value=%q@%d", v.Text, v.Pos.Column)
			}
		case l.Narrative != nil:
			fmt.Fprintf(&b, "%d:%d narrative %q", l.Narrative.Pos.Line, l.Narrative.Pos.Column, l.Narrative.Text)
		default:
			fmt.Fprintf(&b, "%d blank", l.Pos.Line)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			require.NoError(t, err)
			note, err := Parse(file, string(src))
			require.NoError(t, err)
			got := dump(note)
			golden := strings.TrimSuffix(file, ".txt") + ".golden"
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test ./grammar -update to create it")
			assert.Equal(t, string(want), got)
		})
	}
}

func TestLineEndings(t *testing.T) {
	tests := []struct {
		name string
		src  string
	}{
		{"LF", "Site: nose\nBlocks: 2\n"},
		{"CRLF", "Site: nose\r\nBlocks: 2\r\n"},
		{"no final newline", "Site: nose\nBlocks: 2"},
		{"CRLF no final newline", "Site: nose\r\nBlocks: 2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			note, err := Parse("n.txt", tc.src)
			require.NoError(t, err)
			require.Len(t, note.Lines, 2)
			require.NotNil(t, note.Lines[1].Field)
			assert.Equal(t, "Blocks", note.Lines[1].Field.Key)
			assert.Equal(t, "2", note.Lines[1].Field.Value.Text)
			assert.Equal(t, 2, note.Lines[1].Field.Pos.Line)
		})
	}
}

func TestByteOrderMark(t *testing.T) {
	note, err := Parse("n.txt", "\uFEFFDate of service: 2026-03-14\n")
	require.NoError(t, err)
	require.NotNil(t, note.Lines[0].Field)
	assert.Equal(t, "Date of service", note.Lines[0].Field.Key)
}

func TestEmptyNote(t *testing.T) {
	for _, src := range []string{"", "\n\n", "  \r\n\t"} {
		_, err := Parse("empty.txt", src)
		var perr *diag.ParseError
		require.ErrorAs(t, err, &perr)
		assert.Equal(t, "empty.txt:1:1: the note is empty", perr.Error())
	}
}

// reference is the line classification of NOTE-FORMAT.md section 1 written
// with regular expressions, to check the hand-written lexer against.
var (
	refIndent  = regexp.MustCompile(`^[ \t]*(?:(?:-|\*|•)(?:[ \t]+|$|(?:[A-Za-z])))?[ \t]*`)
	refHeading = regexp.MustCompile(`(?i)^(lesion|biopsy)(?:(?:(?:[ \t]+#?|[ \t]*#)[ \t]*([0-9]{1,3}|[a-z]|[ivx]+)|([0-9]{1,3}))(?:[ \t]+of[ \t]+([0-9]+))?)?[ \t]*(?::[ \t]*(.*?))?[ \t]*$`)
	refField   = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9 \t\-_'/&#().~]*?)[ \t]*:[ \t]*(.*?)[ \t]*$`)
)

func refClassify(line string) string {
	line = strings.TrimRight(line, "\r")
	indent := refIndent.FindString(line)
	if indent != "" && isLetter(indent[len(indent)-1]) {
		indent = indent[:len(indent)-1] // "-Site": the bullet, not the letter after it
	}
	rest := line[len(indent):]
	switch {
	case strings.TrimSpace(rest) == "":
		return "blank"
	case refHeading.MatchString(rest) && (refHeading.FindStringSubmatch(rest)[2] == "" || IsLabel(refHeading.FindStringSubmatch(rest)[2])):
		m := refHeading.FindStringSubmatch(rest)
		return fmt.Sprintf("heading %s label=%q text=%q", m[1], m[2]+m[3], m[5])
	case refField.MatchString(rest) && len([]rune(refField.FindStringSubmatch(rest)[1])) <= maxKeyLen:
		m := refField.FindStringSubmatch(rest)
		return fmt.Sprintf("field key=%q value=%q", m[1], m[2])
	}
	return fmt.Sprintf("narrative %q", strings.TrimSpace(rest))
}

func classify(l *Line) string {
	switch {
	case l.Heading != nil:
		label, text := "", ""
		if l.Heading.Label != nil {
			label = l.Heading.Label.Value
		}
		if l.Heading.Text != nil {
			text = l.Heading.Text.Text
		}
		return fmt.Sprintf("heading %s label=%q text=%q", l.Heading.Word, label, text)
	case l.Field != nil:
		value := ""
		if l.Field.Value != nil {
			value = l.Field.Value.Text
		}
		return fmt.Sprintf("field key=%q value=%q", l.Field.Key, value)
	case l.Narrative != nil:
		return fmt.Sprintf("narrative %q", l.Narrative.Text)
	}
	return "blank"
}

// conformanceLines are lines of every kind, from the spec and from real
// exports; the samples and the golden inputs are added to them.
var conformanceLines = []string{
	"Lesion 2", "Lesion B: left cheek", "Lesion II", "Lesion #1", "Lesion 1 of 2", "LESION 3:", "lesion 1 of 2: nose",
	"Lesion 2 was then anesthetized.", "Lesion size: 8 mm", "Lesionsize: 8", "Lesions: two", "Lesion2", "LESION2: nose", "Lesion2a: x", "Biopsy1: punch",
	"Biopsy 1: punch biopsy, right forearm", "Biopsy: shave, left shin", "Biopsy confirmed: yes", "Biopsy-proven BCC.",
	"Stage 1: 3 blocks; stain: H&E; margins: block 1 positive (deep), blocks 2-3 clear", "Stage 2 :", "  stage 2:", "- Blocks: 2",
	"• Stain: H&E", "* Margins: clear", "-Blocks: 2", "-Site: nose", "*-x", "Pre_op size: 1 cm", "Stage ~2: 1 block", "Time 10:30 started", "10:30 procedure started", "Note: patient tolerated well",
	"PREOP DIAGNOSIS:", "Basal Cell CA.", "", "   ", "\t- ", "Stage two-b:", "Pre-op size: 1 x 1 cm", "A very long text that is not a key at all because it runs on: yes",
}

func TestLexerConformance(t *testing.T) {
	lines := append([]string(nil), conformanceLines...)
	for _, pattern := range []string{"testdata/*.txt", "../samples/*.txt"} {
		files, err := filepath.Glob(pattern)
		require.NoError(t, err)
		for _, f := range files {
			src, err := os.ReadFile(f)
			require.NoError(t, err)
			lines = append(lines, strings.Split(string(src), "\n")...)
		}
	}
	for _, line := range lines {
		note, err := Parse("c.txt", "x\n"+line+"\n")
		require.NoError(t, err, line)
		require.Len(t, note.Lines, 2, line)
		assert.Equal(t, refClassify(line), classify(note.Lines[1]), "line %q", line)
	}
}
