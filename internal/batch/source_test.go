package batch_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/mohscode/mohscode/internal/batch"
)

const note = "Site: nose\nStage 1: 1 block; margins: clear\n"

// readAll reads a source into its records.
func readAll(t *testing.T, src batch.Source) []batch.Record {
	t.Helper()
	var got []batch.Record
	src.Read(func(r batch.Record) bool {
		got = append(got, r)
		return true
	})
	return got
}

// TestDirectoryWalkSurvivesBadEntries: a link named like a note that
// points at a directory (which crashed the walk with a stack overflow),
// a dangling link and a link loop each become one error record; every
// other note is still read, and files that are not notes are skipped and
// named.
func TestDirectoryWalkSurvivesBadEntries(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	write("a.txt", note)
	write("sub/c.txt", note)
	write("z.txt", note)
	write("notes.pdf", "%PDF-1.4")
	require.NoError(t, os.Symlink(dir, filepath.Join(dir, "b-loop.txt")))
	require.NoError(t, os.Symlink(filepath.Join(dir, "sub"), filepath.Join(dir, "b-dir.txt")))
	require.NoError(t, os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(dir, "b-dangling.txt")))
	require.NoError(t, os.Symlink(filepath.Join(dir, "a.txt"), filepath.Join(dir, "b-file.txt")))

	var skipped []string
	got := readAll(t, batch.Source{Inputs: []string{dir}, Skipped: func(p, why string) {
		skipped = append(skipped, filepath.Base(p)+": "+why)
	}})
	type rec struct{ name, err string }
	want := []rec{
		{"a.txt", ""},
		{"b-dangling.txt", "no such file"},
		{"b-dir.txt", "a link to a directory"},
		{"b-file.txt", ""},
		{"b-loop.txt", "a link to a directory"},
		{"c.txt", ""},
		{"z.txt", ""},
	}
	require.Len(t, got, len(want))
	for i, w := range want {
		assert.Equal(t, w.name, filepath.Base(got[i].ID))
		if w.err == "" {
			assert.NoError(t, got[i].Err)
			assert.Equal(t, note, got[i].Text)
		} else {
			assert.ErrorContains(t, got[i].Err, w.err)
		}
	}
	assert.Equal(t, []string{"notes.pdf: not a note file (.txt, .hl7)"}, skipped)
}

func TestSummaryNamesSkippedFiles(t *testing.T) {
	var s batch.Summary
	readAll(t, batch.Source{Inputs: []string{"testdata/notes"}, Skipped: s.Skip})
	var b strings.Builder
	require.NoError(t, s.Write(&b))
	assert.Contains(t, b.String(), "skipped 1 files that are not notes (.txt, .hl7): testdata/notes/readme.md\n")
}

// TestEncodings: a note file is decoded whatever its encoding, and bytes
// that are not text are refused with the file's name, never coded.
func TestEncodings(t *testing.T) {
	utf16 := func(e unicode.Endianness) []byte {
		b, err := unicode.UTF16(e, unicode.UseBOM).NewEncoder().Bytes([]byte(note))
		require.NoError(t, err)
		return b
	}
	cp1252, err := charmap.Windows1252.NewEncoder().String("Site: nose\nSurgeon: José Núñez\n")
	require.NoError(t, err)
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	tests := []struct {
		name     string
		data     []byte
		text     string
		encoding string
		badLine  int
		err      string
	}{
		{name: "utf-8", data: []byte(note), text: note, encoding: "utf-8"},
		{name: "utf-8 with BOM", data: append([]byte("\xef\xbb\xbf"), note...), text: note, encoding: "utf-8"},
		{name: "utf-16le", data: utf16(unicode.LittleEndian), text: note, encoding: "utf-16le"},
		{name: "utf-16be", data: utf16(unicode.BigEndian), text: note, encoding: "utf-16be"},
		{name: "windows-1252", data: []byte(cp1252), text: "Site: nose\nSurgeon: José Núñez\n", encoding: "windows-1252", badLine: 2},
		{name: "png", data: png, err: "note.txt:2: binary data, not a note: byte 0x1A on line 2"},
		{name: "NUL", data: []byte("Site: nose\x00\n"), err: "note.txt:1: binary data, not a note: byte 0x00 on line 1"},
		{name: "terminal escape", data: []byte("Site: nose\n\x1b]0;pwned\x07\n"), err: "note.txt:2: binary data, not a note: byte 0x1B on line 2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "note.txt")
			require.NoError(t, os.WriteFile(path, tc.data, 0o644))
			got := readAll(t, batch.Source{Inputs: []string{path}})
			require.Len(t, got, 1)
			if tc.err != "" {
				require.Error(t, got[0].Err)
				assert.Equal(t, filepath.Dir(path)+"/"+tc.err, got[0].Err.Error())
				return
			}
			require.NoError(t, got[0].Err)
			assert.Equal(t, tc.text, got[0].Text)
			assert.Equal(t, tc.encoding, got[0].Encoding)
			assert.Equal(t, tc.badLine, got[0].BadLine)
		})
	}
}

// TestWindows1252Finding: the claim of a note read as Windows-1252 says so
// in a finding on the first line that was not UTF-8.
func TestWindows1252Finding(t *testing.T) {
	cp1252, err := charmap.Windows1252.NewEncoder().String("Surgeon: José Núñez\n" + note)
	require.NoError(t, err)
	got := collect(t, []string{"-"}, cp1252, 1)
	require.Len(t, got, 1)
	require.NoError(t, got[0].Err)
	var rules []string
	for _, f := range got[0].Claim.Findings {
		if f.Rule == batch.InputEncoding.ID {
			assert.Equal(t, 1, f.Line)
			rules = append(rules, f.Rule)
		}
	}
	assert.Len(t, rules, 1)
}

func TestNDJSONTextWithNUL(t *testing.T) {
	got := collect(t, []string{"-"}, `{"id":"a","text":"Site: nose\u0000"}`+"\n", 1)
	require.Len(t, got, 1)
	assert.EqualError(t, got[0].Err, `-:1: the record's "text" holds binary data: byte 0x00 on line 1 of the note`)
}

// TestHL7 reads MDM^T02 and ORU^R01 messages, plain and MLLP-framed, from
// a file and from standard input.
func TestHL7(t *testing.T) {
	plain, err := os.ReadFile("testdata/messages.hl7")
	require.NoError(t, err)
	var framed bytes.Buffer
	for _, m := range bytes.SplitAfter(plain, []byte("\rMSH")) {
		framed.WriteString("\x0b")
		framed.Write(m)
	}
	msgs := strings.Split(string(plain), "\rMSH")
	frame := "\x0b" + msgs[0] + "\r\x1c\r" + "\x0bMSH" + msgs[1] + "\x1c\r"
	for _, tc := range []struct {
		name  string
		input string
		stdin string
	}{
		{"file", "testdata/messages.hl7", ""},
		{"stdin", "-", string(plain)},
		{"stdin with LF", "-", strings.ReplaceAll(string(plain), "\r", "\n")},
		{"MLLP framed", "-", frame},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := readAll(t, batch.Source{Inputs: []string{tc.input}, Stdin: strings.NewReader(tc.stdin)})
			require.Len(t, got, 2)
			require.NoError(t, got[0].Err)
			assert.Equal(t, "DOC-2026-0001", got[0].ID, "TXA-12")
			assert.Equal(t, "2026-03-14", got[0].DateOfService, "TXA-4")
			assert.Equal(t, "Dana Whitfield (DW123)", got[0].Author, "TXA-5")
			assert.Contains(t, got[0].Text, "Stage 1: 3 blocks; stain: H&E; margins: block 1 positive (deep), blocks 2-3 clear\n", "TX lines joined, escapes undone")
			require.NoError(t, got[1].Err)
			assert.Equal(t, "MSG-0002", got[1].ID, "MSH-10")
			assert.Equal(t, "2026-03-15", got[1].DateOfService, "OBR-7")
			assert.Contains(t, got[1].Text, "Site: right temple\n", "ED base64 decoded")
		})
	}
	coded := collect(t, []string{"testdata/messages.hl7"}, "", 2)
	require.Len(t, coded, 2)
	for _, r := range coded {
		require.NoError(t, r.Err)
		assert.NotEmpty(t, r.Claim.Lines, r.ID)
	}
	require.NotNil(t, coded[0].Claim.Encounter.DateOfService)
	assert.Equal(t, "2026-03-14", *coded[0].Claim.Encounter.DateOfService, "the message's date fills a note without one")
}

// TestHL7Malformed: each bad message is one error record naming its place;
// the good messages around it are still read.
func TestHL7Malformed(t *testing.T) {
	good := "MSH|^~\\&|A|B|C|D|20260314||MDM^T02|M1|P|2.5\rTXA|1|OP|TX|20260314\rOBX|1|TX|X||Site: nose||||||F\rOBX|2|TX|X||Stage 1: 1 block||||||F\r"
	tests := []struct {
		name, msg, err string
	}{
		{"wrong type", "MSH|^~\\&|A|B|C|D|20260314||ADT^A01|M2|P|2.5\rPID|1\r", `-:5: HL7 message: message type "ADT^A01"; mohscode reads MDM^T02 and ORU^R01`},
		{"no text", "MSH|^~\\&|A|B|C|D|20260314||ORU^R01|M2|P|2.5\rOBX|1|NM|X||42||||||F\r", "-:5: HL7 message: no OBX segment with TX, FT or ED text"},
		{"bad base64", "MSH|^~\\&|A|B|C|D|20260314||ORU^R01|M2|P|2.5\rOBX|1|ED|X||^text^plain^Base64^***||||||F\r", "-:5: HL7 message: segment 2: OBX-5 ED data is not base64"},
		{"short MSH", "MSH|^~\r", "-:5: HL7 message: the MSH segment is too short to hold its encoding characters"},
		{"bad segment", "MSH|^~\\&|A|B|C|D|20260314||ORU^R01|M2|P|2.5\rthis is not a segment\r", "-:5: HL7 message: segment 2 is not an HL7 segment (its name is not three letters or digits)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := readAll(t, batch.Source{Inputs: []string{"-"}, Stdin: strings.NewReader(good + tc.msg + good)})
			require.Len(t, got, 3)
			assert.NoError(t, got[0].Err)
			require.Error(t, got[1].Err)
			assert.Equal(t, tc.err, got[1].Err.Error())
			assert.NoError(t, got[2].Err)
		})
	}
}

// TestDocumentReferenceRefs: a DocumentReference's subject and first author
// come with its record, for the FHIR Claim written from it.
func TestDocumentReferenceRefs(t *testing.T) {
	got := readAll(t, batch.Source{Inputs: []string{"testdata/bulk-documents.ndjson"}})
	require.Len(t, got, 3)
	assert.Equal(t, "doc-3", got[2].ID)
	assert.Equal(t, "Patient/p-3", got[2].Patient)
	assert.Equal(t, "Practitioner/dw", got[2].Provider)
	assert.Empty(t, got[0].Patient)
}
