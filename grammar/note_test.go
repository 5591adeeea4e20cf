package grammar

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
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
		b.WriteString(classify(l))
		b.WriteByte('\n')
	}
	return b.String()
}

// classify writes one parsed line with the columns of its parts.
func classify(l *Line) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d", l.Pos.Line)
	switch {
	case l.Rule != nil:
		fmt.Fprintf(&b, " rule@%d", l.Rule.Pos.Column)
	case l.Row != nil:
		b.WriteString(" row")
		for _, c := range l.Row.Cells {
			fmt.Fprintf(&b, " cell=%q@%d", c.Text, c.Pos.Column)
		}
	case l.Item != nil:
		it := l.Item
		if it.Marker != nil {
			fmt.Fprintf(&b, " marker=%q@%d", it.Marker.Text, it.Marker.Pos.Column)
		}
		if it.Label != nil {
			fmt.Fprintf(&b, " label=%q(%s %s)@%d", it.Label.Text, it.Label.Word(), it.Label.Name(), it.Label.Pos.Column)
		}
		if it.Text != nil {
			fmt.Fprintf(&b, " text=%q@%d", it.Text.Text, it.Text.Pos.Column)
		}
		for _, f := range it.Fields {
			fmt.Fprintf(&b, " key=%q@%d", f.Key, f.Pos.Column)
			if f.Value != nil {
				fmt.Fprintf(&b, " value=%q@%d", f.Value.Text, f.Value.Pos.Column)
			}
		}
	case l.Spanned:
		b.WriteString(" spanned")
	default:
		b.WriteString(" blank")
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
			assert.Equal(t, `2 key="Blocks"@1 value="2"@9`, classify(note.Lines[1]))
		})
	}
}

func TestByteOrderMark(t *testing.T) {
	note, err := Parse("n.txt", "\uFEFFDate of service: 2026-03-14\n")
	require.NoError(t, err)
	require.NotNil(t, note.Lines[0].Item)
	require.Len(t, note.Lines[0].Item.Fields, 1)
	assert.Equal(t, "Date of service", note.Lines[0].Item.Fields[0].Key)
}

func TestEmptyNote(t *testing.T) {
	for _, src := range []string{"", "\n\n", "  \r\n\t"} {
		_, err := Parse("empty.txt", src)
		var perr *diag.ParseError
		require.ErrorAs(t, err, &perr)
		assert.Equal(t, "empty.txt:1:1: the note is empty", perr.Error())
	}
}

// TestLineShapes pins how each layout of LAYOUTS.md is read, one line at
// a time.
func TestLineShapes(t *testing.T) {
	tests := []struct{ name, line, want string }{
		{"field", "Site: left cheek", `1 key="Site"@1 value="left cheek"@7`},
		{"key alone", "PREOPERATIVE DIAGNOSIS:", `1 key="PREOPERATIVE DIAGNOSIS"@1`},
		{"tab after colon", "Date of service:\t4/8/2026", `1 key="Date of service"@1 value="4/8/2026"@18`},
		{"tab after colon, then sentences that run on into fields", "Site:\tleft lower eyelid. Diagnosis: BCC", `1 key="Site"@1 value="left lower eyelid. Diagnosis: BCC"@7`},
		{"tab after colon, then an abbreviation before a key", "Surgeon:\tDr. Ames    Payer: Aetna", `1 key="Surgeon"@1 value="Dr. Ames"@10 key="Payer"@22 value="Aetna"@29`},
		{"non-breaking space", "Location:\u00a0Right nasal sidewall", `1 key="Location"@1 value="Right nasal sidewall"@11`},
		{"a key with a remark longer than a key", "Anatomic site (confirmed with the patient and the referral photo): right helix", `1 key="Anatomic site (confirmed with the patient and the referral photo)"@1 value="right helix"@68`},
		{"non-breaking space after a colon in text is a blank", "Repairs, each after tumor clearance:\u00a0The defect was closed.", `1 text="Repairs, each after tumor clearance:  The defect was closed."@1`},
		{"key = value", "Date of service = 2026-02-24", `1 key="Date of service"@1 value="2026-02-24"@19`},
		{"colons dividing a log's columns", "1      : 3      : block 2 positive    : no PNI", `1 row cell="1"@1 cell="3"@10 cell="block 2 positive"@19 cell="no PNI"@41`},
		{"one spaced colon is a key", "TOTAL  : 2 stages, 6 blocks", `1 key="TOTAL"@1 value="2 stages, 6 blocks"@10`},
		{"a pipe table's row without its outer bars", "A   | L nasal ala | 3 blocks; block 2 positive |  | 2 | 5", `1 row cell="A"@1 cell="L nasal ala"@7 cell="3 blocks; block 2 positive"@21 cell=""@51 cell="2"@53 cell="5"@57`},
		{"fields set apart by bars are fields", "LESION 1 | Site: left nasal ala | Dx: basal cell carcinoma | Stage 1: 2 blocks", `1 text="LESION 1"@1 key="Site"@12 value="left nasal ala"@18 key="Dx"@35 value="basal cell carcinoma"@39 key="Stage 1"@62 value="2 blocks"@71`},
		{"two dot-leader fields on a line", "DOS ........ 05/26/2026       Surgeon ........ Dr. Onyango", `1 key="DOS"@1 value="05/26/2026"@14 key="Surgeon"@31 value="Dr. Onyango"@48`},
		{"two aligned-colon fields on a line", "Payer           : Medicare Part B     Read by : Dr. Lee", `1 key="Payer"@1 value="Medicare Part B"@19 key="Read by"@39 value="Dr. Lee"@49`},
		{"an export's key and value", "date_of_service;2026-02-17", `1 row cell="date_of_service"@1 cell="2026-02-17"@17`},
		{"an export's key and a value with commas", "payer,Medicare Part B (Humana, supplement)", `1 row cell="payer"@1 cell="Medicare Part B (Humana, supplement)"@7`},
		{"a comma after a sentence's first word is prose", "Otherwise, the patient did well.", `1 text="Otherwise, the patient did well."@1`},
		{"a byte-order mark decoded as Latin-1", "ï»¿field;value", `1 row cell="field"@4 cell="value"@10`},
		{"tab row keeps its empty cells", "\t\t2\t1\tclear\t", `1 row cell=""@1 cell=""@2 cell="2"@3 cell="1"@5 cell="clear"@7 cell=""@13`},
		{"key=value export", "case_date=2026-09-29", `1 key="case_date"@1 value="2026-09-29"@11`},
		{"key=value pairs", `stage=1 blocks=4 margins="block 2 positive (deep)" note=ok`, `1 key="stage"@1 value="1"@7 key="blocks"@9 value="4"@16 key="margins"@18 value="block 2 positive (deep)"@27 key="note"@52 value="ok"@57`},
		{"key=value bare value with blanks", "dx=squamous cell carcinoma, well differentiated", `1 key="dx"@1 value="squamous cell carcinoma, well differentiated"@4`},
		{"an equation in prose is text", "x=3 and the ratio was 2:1", `1 text="x=3 and the ratio was 2:1"@1`},
		{"' = ' then words then a colon: the key runs to the colon", "Surgeon = pathologist (Y/N): Y", `1 key="Surgeon = pathologist (Y/N)"@1 value="Y"@30`},
		{"' = ' then a value with a colon: the key ends at the '='", "Time in = 10:30", `1 key="Time in"@1 value="10:30"@11`},
		{"an unclosed quote is text", `margins="block 2 positive`, `1 text="margins=\"block 2 positive"@1`},
		{"an equals sign inside a value", "Stains: H&E; ratio = 2:1", `1 key="Stains"@1 value="H&E; ratio = 2:1"@9`},
		{"two fields", "Stages: 2   Total sections: 5", `1 key="Stages"@1 value="2"@9 key="Total sections"@13 value="5"@29`},
		{"two fields by pipe", "Total stages: 2 | Total blocks: 8", `1 key="Total stages"@1 value="2"@15 key="Total blocks"@19 value="8"@33`},
		{"heading then field", "MOHS SURGERY RECORD      Date: 04/16/2026", `1 text="MOHS SURGERY RECORD"@1 key="Date"@26 value="04/16/2026"@32`},
		{"value over a gap", "Indication: [X] location  [ ] Recurrent", `1 key="Indication"@1 value="[X] location  [ ] Recurrent"@13`},
		{"ordinal key", "1st Stage: 2 Sections, Positive", `1 key="1st Stage"@1 value="2 Sections, Positive"@12`},
		{"bullet field", "- Pre-op size: 0.7 x 0.6 cm", `1 marker="-"@1 key="Pre-op size"@3 value="0.7 x 0.6 cm"@16`},
		{"bullet UTF-8", "   • Mohs map: yes", `1 marker="•"@4 key="Mohs map"@6 value="yes"@16`},
		{"an em dash as a bullet", "   — Stage 1: 3 blocks", `1 marker="—"@4 key="Stage 1"@6 value="3 blocks"@15`},
		{"numbered item", "1. Right dorsal hand", `1 marker="1."@1 text="Right dorsal hand"@4`},
		{"a lower-case letter with its parenthesis is a marker", "a) L temple - sup bcc", `1 marker="a)"@1 text="L temple - sup bcc"@4`},
		{"a lower-case letter with a period is no marker", "a. L temple", `1 text="a. L temple"@1`},
		{"lettered item", "A. Left cheek – basal cell carcinoma", `1 marker="A."@1 text="Left cheek – basal cell carcinoma"@4`},
		{"roman item", "III. Right upper eyelid", `1 marker="III."@1 text="Right upper eyelid"@6`},
		{"roman item, parenthesis", "IV) Left forearm", `1 marker="IV)"@1 text="Left forearm"@5`},
		{"no roman numeral", "IIV. Left forearm", `1 text="IIV. Left forearm"@1`},
		{"label", "LESION A", `1 label="LESION A"(lesion A)@1`},
		{"label colon", "SITE A:", `1 label="SITE A"(site A)@1`},
		{"a dictated label's 'number'", "Tumor number one: left postauricular.", `1 label="Tumor number one"(tumor 1)@1 text="left postauricular."@19`},
		{"a label's 'No.'", "Lesion No. 2 - right cheek", `1 label="Lesion No. 2"(lesion 2)@1 text="right cheek"@16`},
		{"label of", "Lesion 1 of 2 – right temple", `1 label="Lesion 1 of 2"(lesion 1)@1 text="right temple"@17`},
		{"label and a double hyphen", "Lesion 1 of 2 -- left lower leg", `1 label="Lesion 1 of 2"(lesion 1)@1 text="left lower leg"@18`},
		{"label hash paren", "Lesion #2 (left forearm)", `1 label="Lesion #2"(lesion 2)@1 text="(left forearm)"@11`},
		{"label comma", "Lesion 2, right forearm", `1 label="Lesion 2"(lesion 2)@1 text="right forearm"@11`},
		{"label closing parenthesis", "Site A) right forehead", `1 label="Site A"(site A)@1 text="right forehead"@9`},
		{"label closing parenthesis, no blank", "Site A)right forehead", `1 text="Site A)right forehead"@1`},
		{"biopsy label", "Biopsy 1: punch biopsy, right forearm", `1 label="Biopsy 1"(biopsy 1)@1 text="punch biopsy, right forearm"@11`},
		{"ordinal label", "Second lesion: left forearm", `1 label="Second lesion"(lesion 2)@1 text="left forearm"@16`},
		{"ordinal word in prose", "Second stage: 2 blocks", `1 key="Second stage"@1 value="2 blocks"@15`},
		{"not a label", "Lesion 2 was then anesthetized.", `1 text="Lesion 2 was then anesthetized."@1`},
		{"label word in a key", "Lesion size: 8 mm", `1 key="Lesion size"@1 value="8 mm"@14`},
		{"site key", "Site: nose", `1 key="Site"@1 value="nose"@7`},
		{"pipe row", "| 1     | 6      | positive |", `1 row cell="1"@3 cell="6"@11 cell="positive"@20`},
		{"pipe row empty cell", "| B | 2 |  |", `1 row cell="B"@3 cell="2"@7 cell=""@12`},
		{"rule", "|-------|--------|", `1 rule@1`},
		{"box rule", "+--------+-------+", `1 rule@1`},
		{"non-breaking space in a column gap", "1\u00a0 \u00a0 8\u00a0 positive", `1 row cell="1"@1 cell="8"@6 cell="positive"@9`},
		{"lone non-breaking space is no gap", "1\u00a0block  clear", `1 row cell="1\u00a0block"@1 cell="clear"@10`},
		{"space columns", "1      8       positive (deep)     H&E", `1 row cell="1"@1 cell="8"@8 cell="positive (deep)"@16 cell="H&E"@36`},
		{"tab columns", "2\t1\tnegative\t", `1 row cell="2"@1 cell="1"@3 cell="negative"@5 cell=""@14`},
		{"tab key", "DOS\t04/17/2026", `1 row cell="DOS"@1 cell="04/17/2026"@5`},
		{"prose", "The margins were clear.  A flap was designed.", `1 text="The margins were clear.  A flap was designed."@1`},
		{"colon in prose", "The report showed: clear, per Dr. A.", `1 key="The report showed"@1 value="clear, per Dr. A."@20`},
		{"sentence colon", "After consent, the site: was marked", `1 text="After consent, the site: was marked"@1`},
		{"url", "See: https://x.example/a", `1 key="See"@1 value="https://x.example/a"@6`},
		{"time", "10:30 procedure started", `1 text="10:30 procedure started"@1`},
		{"a case log's time before its entry", "07:40  Left nasal dorsum: nodular BCC. First stage, four blocks.", `1 key="Left nasal dorsum"@8 value="nodular BCC. First stage, four blocks."@27`},
		{"a case log's time and a tab", "9:05 AM\tStage 1 taken at left temple, 3 blocks.", `1 text="Stage 1 taken at left temple, 3 blocks."@9`},
		{"a log row keeps its time as a cell", "09:05  1  L shin  1  A  clear", `1 row cell="09:05"@1 cell="1"@8 cell="L shin"@11 cell="1"@19 cell="A"@22 cell="clear"@25`},
		{"a misheard word and the number word that corrects it", "The second stage was for [four] blocks.", `1 text="The second stage was four blocks."@1`},
		{"a bracketed word that is no number stays", "The site was marked [with the patient].", `1 text="The site was marked [with the patient]."@1`},
		{"a time then one blank is text", "07:40 Left nasal dorsum: nodular BCC", `1 text="07:40 Left nasal dorsum: nodular BCC"@1`},
		{"bracketed key", "[Pre-op size] 1.0 x 0.9 cm", `1 key="Pre-op size"@2 value="1.0 x 0.9 cm"@15`},
		{"checkbox is no bracketed key", "[X] Yes  [ ] No", `1 row cell="[X] Yes"@1 cell="[ ] No"@10`},
		{"cardinal label", "SITE ONE (left temple):", `1 label="SITE ONE"(site 1)@1 text="(left temple):"@10`},
		{"numbered procedure label", "Procedure #2 - Mohs micrographic surgery", `1 label="Procedure #2"(procedure 2)@1 text="Mohs micrographic surgery"@16`},
		{"dot leader", "Blocks ........ 5", `1 key="Blocks"@1 value="5"@17`},
		{"an ellipsis in prose is no dot leader", "The patient tolerated it well... and left.", `1 text="The patient tolerated it well... and left."@1`},
		{"colon aligned in a column", "DOS        : 04/14/2026", `1 key="DOS"@1 value="04/14/2026"@14`},
		{"columns divided by colons are no aligned colon", "Stage  : Blocks : Margins", `1 row cell="Stage"@1 cell="Blocks"@10 cell="Margins"@19`},
		{"a star against a required key", "*Stage 1: 3 blocks", `1 key="Stage 1"@2 value="3 blocks"@11`},
		{"a star bullet is a marker", "* Stage 1: 3 blocks", `1 marker="*"@1 key="Stage 1"@3 value="3 blocks"@12`},
		{"stage dashes", "Stage 1 -- 2 blocks -- margins negative", `1 text="Stage 1 -- 2 blocks -- margins negative"@1`},
		{"box-drawing row", "│ 1     │ 3      │ H&E │", `1 row cell="1"@3 cell="3"@11 cell="H&E"@20`},
		{"box-drawing rule", "├───────┼────────┤", `1 rule@1`},
		{"double box border", "╚══════════╝", `1 rule@1`},
		{"box title", "║  REPORT  ║", `1 row cell="REPORT"@4`},
		{"quoted CSV", `"1","5","Positive - block 4",""`, `1 row cell="1"@2 cell="5"@6 cell="Positive - block 4"@10 cell=""@31`},
		{"CSV whose quoted cell holds a comma and a blank", `1,3,"positive: block 2 (deep), block 3",H&E`, `1 row cell="1"@1 cell="3"@3 cell="positive: block 2 (deep), block 3"@6 cell="H&E"@41`},
		{"semicolon export", "1;3;block 1 positive (deep), blocks 2-3 clear;H&E", `1 row cell="1"@1 cell="3"@3 cell="block 1 positive (deep), blocks 2-3 clear"@5 cell="H&E"@47`},
		{"bare CSV", "Stage,Blocks,Margin,Stain", `1 row cell="Stage"@1 cell="Blocks"@7 cell="Margin"@14 cell="Stain"@21`},
		{"quoted semicolons", `"2";"1";"clear"`, `1 row cell="2"@2 cell="1"@6 cell="clear"@10`},
		{"block numbers in prose", "residual tumor in blocks 1,3,5", `1 text="residual tumor in blocks 1,3,5"@1`},
		{"commas in prose", "Nodular, infiltrative, and deep", `1 text="Nodular, infiltrative, and deep"@1`},
		{"semicolons in prose", "Margins clear; no residual; closed", `1 text="Margins clear; no residual; closed"@1`},
		{"semicolons in a field", "Stains:H&E;MART-1;SOX10", `1 key="Stains"@1 value="H&E;MART-1;SOX10"@8`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			note, err := Parse("n.txt", tc.line+"\n")
			require.NoError(t, err)
			require.Len(t, note.Lines, 1)
			assert.Equal(t, tc.want, classify(note.Lines[0]))
		})
	}
}

// TestDevNotesParse checks that every realistic note parses: a real note
// is never rejected.
func TestDevNotesParse(t *testing.T) {
	files, err := filepath.Glob("../internal/lower/testdata/dev/*.txt")
	require.NoError(t, err)
	for _, f := range files {
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		_, err = Parse(f, string(src))
		assert.NoError(t, err, f)
	}
}

// TestEBNFInDocs keeps the grammar printed in docs/note-format.md equal to
// the one participle builds from the types; -update rewrites the block.
func TestEBNFInDocs(t *testing.T) {
	const doc = "../docs/note-format.md"
	raw, err := os.ReadFile(doc)
	require.NoError(t, err)
	text := string(raw)
	start := strings.Index(text, "```ebnf\n")
	require.GreaterOrEqual(t, start, 0, "docs/note-format.md has no ```ebnf block")
	start += len("```ebnf\n")
	end := strings.Index(text[start:], "```")
	require.GreaterOrEqual(t, end, 0)
	want := strings.TrimSpace(EBNF()) + "\n"
	if *update {
		require.NoError(t, os.WriteFile(doc, []byte(text[:start]+want+text[start+end:]), 0o644))
		return
	}
	assert.Equal(t, want, text[start:start+end], "run go test ./grammar -update")
}

func TestMarkup(t *testing.T) {
	note, err := Parse("n.txt", "<p><strong>Site:</strong> left cheek<br>Dx: BCC &amp; SCC&nbsp;</p>\n")
	require.NoError(t, err)
	assert.Equal(t, `1 key="Site"@12 value="left cheek"@27 key="Dx"@41 value="BCC &     SCC"@45`, classify(note.Lines[0]))
	// numbered and named entities for the size's "x" and dashes keep every
	// position: "1.1 &#215; 0.9 cm" is "1.1 x      0.9 cm"
	note, err = Parse("n.txt", "Pre-op size: 1.1 &#215; 0.9 cm &ndash; firm\n")
	require.NoError(t, err)
	assert.Equal(t, `1 key="Pre-op size"@1 value="1.1 x      0.9 cm -       firm"@14`, classify(note.Lines[0]))
	// "&bull;" is a bullet: the field after it is a field, not text
	note, err = Parse("n.txt", "&bull; Slides read by:\tDr. Ames (Mohs surgeon)\n")
	require.NoError(t, err)
	assert.Equal(t, `1 marker="*"@1 key="Slides read by"@8 value="Dr. Ames (Mohs surgeon)"@24`, classify(note.Lines[0]))
}

// TestExportDecoration: what exports put around a note's words — RTF control
// words, banner decoration, other bullets — is blank, and every position
// still points into the note.
func TestExportDecoration(t *testing.T) {
	tests := []struct {
		name, line, want string
	}{
		{"RTF line end", `Date of service: 03/09/2026\par`, `1 key="Date of service"@1 value="03/09/2026"@18`},
		{"RTF control words between", `\b Site:\b0  upper back\par`, `1 key="Site"@4 value="upper back"@14`},
		{"banner heading", "===== Lesion A: right nasal ala =====", `1 label="Lesion A"(lesion A)@7 text="right nasal ala"@17`},
		{"section banner", "----- Mohs Log -----", `1 text="Mohs Log"@7`},
		{"an unfilled value is kept", "Blocks: ***", `1 key="Blocks"@1 value="***"@9`},
		{"a rule is a rule", "==========", `1 rule@1`},
		{"square bullet", "▪ Stage 1: 3 blocks", `1 marker="▪"@1 key="Stage 1"@3 value="3 blocks"@12`},
		{"guillemet bullet", "» Stage 1: 3 blocks", `1 marker="»"@1 key="Stage 1"@3 value="3 blocks"@12`},
		{"a second-level bullet o", "  o Histology: basaloid nests", `1 marker="o"@3 key="Histology"@5 value="basaloid nests"@16`},
		{"a bullet lost to a question mark", "? Stage 1: 2 blocks", `1 marker="?"@1 key="Stage 1"@3 value="2 blocks"@12`},
		{"a word o is no bullet before lower case", "o dear", `1 text="o dear"@1`},
		{"a bullet decoded as Windows-1252", "â€¢ Site: left upper cutaneous lip", `1 marker="â€¢"@1 key="Site"@5 value="left upper cutaneous lip"@11`},
		{"a letter in parentheses", "(A) LEFT LOWER EYELID", `1 marker="(A)"@1 text="LEFT LOWER EYELID"@5`},
		{"a number in parentheses", "(12) right forearm", `1 marker="(12)"@1 text="right forearm"@6`},
		{"a parenthesis that is no marker", "(see attached map)", `1 text="(see attached map)"@1`},
		{"a Symbol-font bullet decoded as Windows-1252", "ï‚§ Location: right conchal bowl", `1 marker="ï‚§"@1 key="Location"@5 value="right conchal bowl"@15`},
		{"a second-level bullet o before two blanks", "o  Stage 2: 1 block; margins: clear", `1 marker="o"@1 key="Stage 2"@4 value="1 block; margins: clear"@13`},
		{"a Symbol-font bullet copied from a PDF", "\uf0b7 Date of service: 03/09/2026", `1 marker="\uf0b7"@1 key="Date of service"@3 value="03/09/2026"@20`},
		{"Markdown bold key", "**Date of service:** 2026-01-27", `1 key="Date of service"@3 value="2026-01-27"@22`},
		{"Markdown italic key", "  - *Special stains:* AE1/AE3 (blocks 2-3)", `1 marker="-"@3 key="Special stains"@6 value="AE1/AE3 (blocks 2-3)"@23`},
		{"a heading set between stars", "** Lesion A **", `1 label="Lesion A"(lesion A)@4`},
		{"Markdown heading", "## Lesion 1: L parietal scalp", `1 label="Lesion 1"(lesion 1)@4 text="L parietal scalp"@14`},
		{"Markdown bold in a list", "- **Pre-op size:** 1.8 x 1.5 cm", `1 marker="-"@1 key="Pre-op size"@5 value="1.8 x 1.5 cm"@20`},
		{"a hash that is no heading", "#3 block positive", `1 text="#3 block positive"@1`},
		{"a hash label and a colon", "#2: right forearm", `1 label="#2"(lesion 2)@1 text="right forearm"@5`},
		{"a label and a full stop before its fields", "Tumor #1. Biopsy-proven: shave 10/16/2026", `1 label="Tumor #1"(tumor 1)@1 key="Biopsy-proven"@11 value="shave 10/16/2026"@26`},
		{"a number's decimal point is no label's full stop", "Tumor 1.2 cm wide", `1 text="Tumor 1.2 cm wide"@1`},
		{"a hash label and a dash", "#1 – left cheek", `1 label="#1"(lesion 1)@1 text="left cheek"@6`},
		{"a hash label alone", "#12", `1 label="#12"(lesion 12)@1`},
		{"three digits after a hash are no label", "#123: left cheek", `1 text="#123: left cheek"@1`},
		{"a hash column header", "#   Site      Method", `1 row cell="#"@1 cell="Site"@5 cell="Method"@15`},
		{"Mohs before a label", "MOHS LESION #1 — R NASAL ALA", `1 label="LESION #1"(lesion 1)@6 text="R NASAL ALA"@18`},
		{"Mohs before no label", "MOHS SURGERY RECORD", `1 text="MOHS SURGERY RECORD"@1`},
		{"a pipe-table header opened by a hash", "# | blocks | margins", `1 row cell="#"@1 cell="blocks"@5 cell="margins"@14`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			note, err := Parse("n.txt", tc.line+"\n")
			require.NoError(t, err)
			assert.Equal(t, tc.want, classify(note.Lines[0]))
		})
	}
}

// TestBanner: a line set between runs of decoration says so, for the
// reader to end a value above it there; a plain line or a rule does not.
func TestBanner(t *testing.T) {
	note, err := Parse("n.txt", "Secondary defect: 3.9 sq cm\n--- end of log ---\n===== Lesion A =====\nend of the note\n")
	require.NoError(t, err)
	var got []bool
	for _, ln := range note.Lines {
		got = append(got, ln.Item != nil && ln.Item.Banner)
	}
	assert.Equal(t, []bool{false, true, true, false}, got)
}

// TestRowUnderColumns: a line under a table's header whose segments start
// in the header's columns is a row even where a cell holds a colon, and so
// it is one blank line below; the same line with no table above it, two
// blank lines below, or out of line with the header, is fields.
func TestRowUnderColumns(t *testing.T) {
	header := "STAGE  BLOCKS        MARGIN RESULT                STAINS\n-----  ------------  ---------------------------  ------\n"
	tests := []struct{ name, src, want string }{
		{"under the header", header + "I      blocks 1-7    positive: 3, 6 (deep)        H&E\n",
			`3 row cell="I"@1 cell="blocks 1-7"@8 cell="positive: 3, 6 (deep)"@22 cell="H&E"@51`},
		{"no table above", "I      blocks 1-7    positive: 3, 6 (deep)        H&E\n",
			`1 text="I      blocks 1-7"@1 key="positive"@22 value="3, 6 (deep)        H&E"@32`},
		{"out of line with the header", header + "Surgeon    Dr. Lee    Payer: Aetna\n",
			`3 text="Surgeon    Dr. Lee"@1 key="Payer"@23 value="Aetna"@30`},
		{"one blank line (a double-spaced export) keeps the table", header + "\nI      blocks 1-7    positive: 3, 6 (deep)        H&E\n",
			`4 row cell="I"@1 cell="blocks 1-7"@8 cell="positive: 3, 6 (deep)"@22 cell="H&E"@51`},
		{"two blank lines end the table", header + "\n\nI      blocks 1-7    positive: 3, 6 (deep)        H&E\n",
			`5 text="I      blocks 1-7"@1 key="positive"@22 value="3, 6 (deep)        H&E"@32`},
		{"a row whose margin cell keys each block, its keys running past the header's columns",
			"Stage  Blocks    Margin                        Stains\nI      A B C D   A: + (deep)  B: -  C: -       H&E\nII     A B       A: -  B: + (inferior)          H&E\n",
			`3 row cell="II"@1 cell="A B"@8 cell="A: -"@18 cell="B: + (inferior)"@24 cell="H&E"@49`},
		{"a line whose segments start under too few of the header's cells is fields",
			"Stage  Blocks    Margin                        Stains\nSurgeon Lee   Payer: Aetna   Place: office\n",
			`2 text="Surgeon Lee"@1 key="Payer"@15 value="Aetna"@22 key="Place"@30 value="office"@37`},
		{"a tab-separated row of as many cells as the header, one holding a colon",
			"Mohs Stage\tNo. of Blocks\tMargins\tHistology\nStage 1\t4\tPositive\tSCC in situ: no invasion\n",
			`2 row cell="Stage 1"@1 cell="4"@9 cell="Positive"@11 cell="SCC in situ: no invasion"@20`},
		{"a tab-separated line of fewer cells than the header is fields",
			"Mohs Stage\tNo. of Blocks\tMargins\tHistology\nNote\tsee\tHistology: none\n",
			`2 text="Note\tsee"@1 key="Histology"@10 value="none"@21`},
		{"a pipe row that goes on the cells above keeps their columns",
			"Stage | Blocks | Margins                  | Notes\nI     | 4      | positive: block 2 (deep) | mod diff SCC,\n      |        |                          | no perineural invasion\nII    | 2      | positive: block 1 (deep) | residual focus\n",
			`4 row cell="II"@1 cell="2"@9 cell="positive: block 1 (deep)"@18 cell="residual focus"@45`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			note, err := Parse("n.txt", tc.src)
			require.NoError(t, err)
			assert.Equal(t, tc.want, classify(note.Lines[len(note.Lines)-1]))
		})
	}
}

// TestScannedSpacing: a note with the spacing OCR gives a scanned form
// ("Date   of   service  :   10/07/2026") is read with its spacing
// collapsed, every position still in the note; a note with only aligned
// columns keeps them.
func TestScannedSpacing(t *testing.T) {
	src := "Date   of   service  :   10/07/2026\n" +
		"Surgeon  :   Marisol  Aukerman-Diallo ,  MD\n" +
		"Site   :   left   dorsal   hand\n" +
		"Stage   1  :   3  blocks ;  margins :  clear\n" +
		"Bolster   dressing   sutured   in   place .\n"
	note, err := Parse("n.txt", src)
	require.NoError(t, err)
	assert.Equal(t, []string{
		`1 key="Date of service"@1 value="10/07/2026"@26`,
		`2 key="Surgeon"@1 value="Marisol Aukerman-Diallo, MD"@14`,
		`3 key="Site"@1 value="left dorsal hand"@12`,
		`4 key="Stage 1"@1 value="3 blocks; margins: clear"@16`,
		`5 text="Bolster dressing sutured in place."@1`,
	}, strings.Split(strings.TrimSpace(dump(note)), "\n"))

	aligned := "Stage   Blocks   Margins\n1       3        clear\nSite :   left cheek\n"
	note, err = Parse("n.txt", aligned)
	require.NoError(t, err)
	assert.Equal(t, `1 row cell="Stage"@1 cell="Blocks"@9 cell="Margins"@18`, classify(note.Lines[0]))
}

// TestShortDotLeader: in a form with dot leaders, the longest keys get a
// leader of one or two dots ("Same-day biopsy . shave …"); outside such a
// form " . " is text.
func TestShortDotLeader(t *testing.T) {
	form := "Site ............ left helix\nDiagnosis ....... BCC\nMap ............. drawn\nSame-day biopsy . shave of the residual lesion\nFrozen section .. yes, 1 block\n"
	note, err := Parse("n.txt", form)
	require.NoError(t, err)
	assert.Equal(t, `4 key="Same-day biopsy"@1 value="shave of the residual lesion"@19`, classify(note.Lines[3]))
	assert.Equal(t, `5 key="Frozen section"@1 value="yes, 1 block"@19`, classify(note.Lines[4]))

	note, err = Parse("n.txt", "Stage 1 . 3 blocks\n")
	require.NoError(t, err)
	assert.Equal(t, `1 text="Stage 1 . 3 blocks"@1`, classify(note.Lines[0]))
}

// TestQuotedMail: a note pasted from an e-mail that quotes its lines with
// "> " reads as the note it quotes; a list whose items open with ">" stays
// a list.
func TestQuotedMail(t *testing.T) {
	quoted := "Please code the note below.\n\n> Date of service: 11/12/2026\n> Site: right anterior thigh\n>\n> Stage 1: 3 blocks; all margins clear\n> Repair: complex repair after tumor clearance, length\n> 1.0 cm\n"
	note, err := Parse("n.txt", quoted)
	require.NoError(t, err)
	var got []string
	for _, line := range note.Lines[2:] {
		got = append(got, classify(line))
	}
	assert.Equal(t, []string{`3 key="Date of service"@3 value="11/12/2026"@20`, `4 key="Site"@3 value="right anterior thigh"@9`, `5 blank`,
		`6 key="Stage 1"@3 value="3 blocks; all margins clear"@12`, `7 key="Repair"@3 value="complex repair after tumor clearance, length"@11`, `8 text="1.0 cm"@3`}, got)

	list := "Plan:\n> Site: cheek\n> Stage 1: 2 blocks\n"
	note, err = Parse("n.txt", list)
	require.NoError(t, err)
	assert.Equal(t, `2 marker=">"@1 key="Site"@3 value="cheek"@9`, classify(note.Lines[1]))
}

// TestFilledBlanks: a paper form's blanks filled in by hand and retyped
// between underscores ("Stage _1_   Blocks _6_") read as typed values, and
// every later position still points into the note; an unfilled blank
// ("Blocks ____", "__ of __") stays as it is.
func TestFilledBlanks(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Stage _1_   Blocks _6_   Margins: clear", "Stage 1     Blocks 6     Margins: clear"},
		{"Site: _left nasal ala_", "Site: left nasal ala  "},
		{"Blocks ____", "Blocks ____"},
		{"Page __ of __", "Page __ of __"},
		{"snake_case_word", "snake_case_word"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got := filledBlanks(tc.in)
			assert.Equal(t, tc.want, got)
			assert.Equal(t, len(tc.in), len(got), "positions keep")
		})
	}
}

// TestQuotedCellOverLines: a spreadsheet row whose quoted cell holds line
// breaks (CSV or tab-separated, as a spreadsheet copies a cell with a
// newline) is one row, its cell's lines joined with a blank; the lines
// the cell ran on to stay, as spanned lines, so every later line keeps its
// number and a table goes on past them. A
// quote that never closes, or prose with a stray quote, joins nothing.
func TestQuotedCellOverLines(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"CSV", "Lesion,Stage,Blocks,Margins,Comment\n1,1,2,\"block 1 positive (deep)\nblock 2 clear\",\"nodular BCC, mid dermis\nno perineural invasion\"\n1,2,1,clear,\n",
			[]string{`1 row cell="Lesion"@1 cell="Stage"@8 cell="Blocks"@14 cell="Margins"@21 cell="Comment"@29`,
				`2 row cell="1"@1 cell="1"@3 cell="2"@5 cell="block 1 positive (deep) block 2 clear"@8 cell="nodular BCC, mid dermis no perineural invasion"@48`,
				`3 spanned`, `4 spanned`, `5 row cell="1"@1 cell="2"@3 cell="1"@5 cell="clear"@7 cell=""@13`}},
		{"tab-separated", "Stage\tBlocks\tMargins\n1\t3\t\"block 2 positive\nblocks 1, 3 clear\"\n2\t1\tclear\n",
			[]string{`1 row cell="Stage"@1 cell="Blocks"@7 cell="Margins"@14`, `2 row cell="1"@1 cell="3"@3 cell="block 2 positive blocks 1, 3 clear"@6`,
				`3 spanned`, `4 row cell="2"@1 cell="1"@3 cell="clear"@5`}},
		{"a quote that never closes", "1,1,2,\"block 1 positive\nThe patient tolerated the procedure well.\n",
			[]string{`1 row cell="1"@1 cell="1"@3 cell="2"@5 cell="block 1 positive"@8`, `2 text="The patient tolerated the procedure well."@1`}},
		{"prose with a stray quote", "She said \"call me, if it bleeds, please\nThe map was drawn.\n",
			[]string{`1 text="She said \"call me, if it bleeds, please"@1`, `2 text="The map was drawn."@1`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			note, err := Parse("n.txt", tc.src)
			require.NoError(t, err)
			var got []string
			for _, line := range note.Lines {
				got = append(got, classify(line))
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

// TestLigatures: text copied from a PDF keeps its typographic ligatures; a
// line reads them as their letters ("ﬁnal" is "final", "Deﬁnitive" a key
// like "Definitive"), and every part keeps the column the note has it at,
// a ligature counting as one.
func TestLigatures(t *testing.T) {
	note, err := Parse("n.txt", "Deﬁnitive site: ﬂank   Final defect: ﬀ 2.0 cm\nThe ﬁrst stage was clear.\n")
	require.NoError(t, err)
	assert.Equal(t, `1 key="Definitive site"@1 value="flank"@17 key="Final defect"@24 value="ff 2.0 cm"@38`, classify(note.Lines[0]))
	assert.Equal(t, `2 text="The first stage was clear."@1`, classify(note.Lines[1]))
}
