package batch_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/mohscode/mohscode/internal/batch"
	"github.com/mohscode/mohscode/internal/engine"
)

// FuzzRead feeds any bytes to the readers as standard input and as a note
// and an HL7 file: nothing panics, every record has an id, and a record
// without an error holds valid UTF-8 with no NUL, whatever the encoding or
// framing it came in.
func FuzzRead(f *testing.F) {
	for _, seed := range []string{"testdata/messages.hl7", "testdata/notes.ndjson", "testdata/bulk-documents.ndjson", "testdata/notes/a.txt"} {
		b, err := os.ReadFile(seed)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("\xff\xfeS\x00i\x00t\x00e\x00"))
	f.Add([]byte("\x0bMSH|^~\\&|A\r\x1c\r"))
	f.Add([]byte("Site: caf\xe9\n"))
	dir := f.TempDir()
	limits := engine.Limits{NoteBytes: 1 << 16, LineBytes: 1 << 12}
	f.Fuzz(func(t *testing.T, data []byte) {
		txt, hl7 := filepath.Join(dir, "n.txt"), filepath.Join(dir, "n.hl7")
		for _, p := range []string{txt, hl7} {
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		batch.Source{Inputs: []string{"-", txt, hl7}, Stdin: bytes.NewReader(data), Limits: limits}.Read(func(r batch.Record) bool {
			if r.ID == "" {
				t.Fatalf("a record without an id: %+v", r)
			}
			if r.Err == nil && (!utf8.ValidString(r.Text) || bytes.IndexByte([]byte(r.Text), 0) >= 0) {
				t.Fatalf("record %s: text that is not clean UTF-8: %q", r.ID, r.Text)
			}
			return true
		})
	})
}
