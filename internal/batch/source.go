package batch

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Record is one note to code. Err is set when the record could be located
// but not read (a malformed NDJSON line, an attachment with only a url):
// it still yields one output record.
type Record struct {
	ID    string
	Text  string
	Payer string
	Err   error
}

// maxRecord bounds one NDJSON line (a note is at most about 1 MiB of text,
// base64 makes it 4/3 larger).
const maxRecord = 4 << 20

// Read sends the records of every input, in order, to emit; it stops early
// when emit returns false. An input is a file, a directory (every *.txt in
// it, recursively, in lexical order), "-" for standard input, an NDJSON
// file of {"id", "text", "payer"} records, or a FHIR Bulk Data NDJSON file
// of DocumentReference resources. An input that cannot be opened yields one
// error record named after it.
func Read(inputs []string, stdin io.Reader, emit func(Record) bool) {
	for _, in := range inputs {
		if !readInput(in, stdin, emit) {
			return
		}
	}
}

func readInput(in string, stdin io.Reader, emit func(Record) bool) bool {
	if in == "-" {
		return readStream(in, stdin, emit)
	}
	info, err := os.Stat(in)
	if err != nil {
		return emit(Record{ID: in, Err: err})
	}
	if info.IsDir() {
		return readDir(in, emit)
	}
	f, err := os.Open(in)
	if err != nil {
		return emit(Record{ID: in, Err: err})
	}
	defer f.Close()
	if ext := strings.ToLower(filepath.Ext(in)); ext == ".ndjson" || ext == ".jsonl" {
		return readNDJSON(in, f, emit)
	}
	return readNote(in, f, emit)
}

func readDir(dir string, emit func(Record) bool) bool {
	more := true
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			more = emit(Record{ID: path, Err: err})
		} else if !d.IsDir() && strings.EqualFold(filepath.Ext(path), ".txt") {
			more = readInput(path, nil, emit)
		}
		if !more {
			return fs.SkipAll
		}
		return nil
	})
	if err != nil && more {
		return emit(Record{ID: dir, Err: err})
	}
	return more
}

// readStream reads standard input: NDJSON when it starts with "{", else
// one note.
func readStream(name string, r io.Reader, emit func(Record) bool) bool {
	br := bufio.NewReader(r)
	for {
		b, err := br.Peek(1)
		if err != nil || !isSpace(b[0]) {
			break
		}
		br.ReadByte()
	}
	if b, err := br.Peek(1); err == nil && b[0] == '{' {
		return readNDJSON(name, br, emit)
	}
	return readNote(name, br, emit)
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

func readNote(name string, r io.Reader, emit func(Record) bool) bool {
	b, err := io.ReadAll(r)
	if err != nil {
		return emit(Record{ID: name, Err: err})
	}
	return emit(Record{ID: name, Text: string(b)})
}

// noteRecord is one record of an NDJSON batch.
type noteRecord struct {
	ID    string  `json:"id"`
	Text  *string `json:"text"`
	Payer string  `json:"payer"`
}

// documentReference is the part of a FHIR DocumentReference that carries
// a note.
type documentReference struct {
	ResourceType string `json:"resourceType"`
	ID           string `json:"id"`
	Content      []struct {
		Attachment struct {
			ContentType string `json:"contentType"`
			Data        string `json:"data"`
			URL         string `json:"url"`
		} `json:"attachment"`
	} `json:"content"`
}

// readNDJSON reads one record a line. The first record decides whether
// the file holds DocumentReference resources or plain note records.
func readNDJSON(name string, r io.Reader, emit func(Record) bool) bool {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxRecord)
	fhir, decided := false, false
	line := 0
	for sc.Scan() {
		line++
		data := bytes.TrimSpace(sc.Bytes())
		if len(data) == 0 {
			continue
		}
		pos := fmt.Sprintf("%s:%d", name, line)
		if !decided {
			var probe struct {
				ResourceType string `json:"resourceType"`
			}
			json.Unmarshal(data, &probe)
			fhir, decided = probe.ResourceType == "DocumentReference", true
		}
		var rec Record
		if fhir {
			rec = documentRecord(pos, data)
		} else {
			rec = noteRecordOf(pos, data)
		}
		if !emit(rec) {
			return false
		}
	}
	if err := sc.Err(); err != nil {
		return emit(Record{ID: fmt.Sprintf("%s:%d", name, line+1), Err: fmt.Errorf("reading the file: %w", err)})
	}
	return true
}

func noteRecordOf(pos string, data []byte) Record {
	var nr noteRecord
	if err := json.Unmarshal(data, &nr); err != nil {
		return Record{ID: pos, Err: fmt.Errorf("not a JSON note record: %w", err)}
	}
	id := nr.ID
	if id == "" {
		id = pos
	}
	if nr.Text == nil {
		return Record{ID: id, Err: errors.New(`the record has no "text"`)}
	}
	return Record{ID: id, Text: *nr.Text, Payer: nr.Payer}
}

func documentRecord(pos string, data []byte) Record {
	var doc documentReference
	if err := json.Unmarshal(data, &doc); err != nil {
		return Record{ID: pos, Err: fmt.Errorf("not a JSON resource: %w", err)}
	}
	id := doc.ID
	if id == "" {
		id = pos
	}
	if doc.ResourceType != "DocumentReference" {
		return Record{ID: id, Err: fmt.Errorf("resourceType %q, expected DocumentReference", doc.ResourceType)}
	}
	hasURL := false
	for _, c := range doc.Content {
		a := c.Attachment
		if a.Data == "" {
			hasURL = hasURL || a.URL != ""
			continue
		}
		if ct := strings.ToLower(a.ContentType); ct != "" && !strings.HasPrefix(ct, "text/plain") {
			continue
		}
		text, err := base64.StdEncoding.DecodeString(a.Data)
		if err != nil {
			return Record{ID: id, Err: fmt.Errorf("attachment data is not base64: %w", err)}
		}
		return Record{ID: id, Text: string(text)}
	}
	if hasURL {
		return Record{ID: id, Err: errors.New("the attachment has only a url; mohscode reads the note from content[].attachment.data (base64 text/plain)")}
	}
	return Record{ID: id, Err: errors.New("no text/plain attachment with data in content[]")}
}
