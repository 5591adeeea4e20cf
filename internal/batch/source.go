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
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/engine"
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

// Read sends the records of every input, in order, to emit; it stops early
// when emit returns false. An input is a file, a directory (every *.txt in
// it, recursively, in lexical order), "-" for standard input, an NDJSON
// file of {"id", "text", "payer"} records, or a FHIR Bulk Data NDJSON file
// of DocumentReference resources. An input that cannot be opened yields one
// error record named after it.
func Read(inputs []string, stdin io.Reader, emit func(Record) bool) {
	ReadWithin(inputs, stdin, engine.DefaultLimits, emit)
}

// ReadWithin is Read with the given limits: a note over the size limit, or
// an NDJSON record too long to hold one, becomes an error record without
// being read whole, and the records after it are still read.
func ReadWithin(inputs []string, stdin io.Reader, limits engine.Limits, emit func(Record) bool) {
	r := reader{limits: limits, emit: emit}
	for _, in := range inputs {
		if !r.input(in, stdin) {
			return
		}
	}
}

// reader reads inputs into records.
type reader struct {
	limits engine.Limits
	emit   func(Record) bool
}

func (rd reader) input(in string, stdin io.Reader) bool {
	emit := rd.emit
	if in == "-" {
		return rd.stream(in, stdin)
	}
	info, err := os.Stat(in)
	if err != nil {
		return emit(Record{ID: in, Err: err})
	}
	if info.IsDir() {
		return rd.dir(in)
	}
	f, err := os.Open(in)
	if err != nil {
		return emit(Record{ID: in, Err: err})
	}
	defer f.Close()
	if ext := strings.ToLower(filepath.Ext(in)); ext == ".ndjson" || ext == ".jsonl" {
		return rd.ndjson(in, f)
	}
	return rd.note(in, f)
}

func (rd reader) dir(dir string) bool {
	emit := rd.emit
	more := true
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error { // errors become records
		if err != nil {
			more = emit(Record{ID: path, Err: err})
		} else if !d.IsDir() && strings.EqualFold(filepath.Ext(path), ".txt") {
			more = rd.input(path, nil)
		}
		if !more {
			return fs.SkipAll
		}
		return nil
	})
	return more
}

// stream reads standard input: NDJSON when it starts with "{", else one
// note.
func (rd reader) stream(name string, r io.Reader) bool {
	br := bufio.NewReader(r)
	for {
		b, err := br.Peek(1)
		if err != nil || !isSpace(b[0]) {
			break
		}
		br.ReadByte()
	}
	if b, err := br.Peek(1); err == nil && b[0] == '{' {
		return rd.ndjson(name, br)
	}
	return rd.note(name, br)
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

// note reads one note, no more than the size limit.
func (rd reader) note(name string, r io.Reader) bool {
	limit := rd.limits.NoteBytes
	if limit <= 0 {
		limit = math.MaxInt32
	}
	b, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	switch {
	case err != nil:
		return rd.emit(Record{ID: name, Err: err})
	case len(b) > limit:
		return rd.emit(Record{ID: name, Err: &diag.ParseError{Filename: name, Line: 1, Column: 1,
			Message: fmt.Sprintf("the note is over the limit of %d bytes", limit)}})
	}
	return rd.emit(Record{ID: name, Text: string(b)})
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

// ndjson reads one record a line. The first record decides whether the
// file holds DocumentReference resources or plain note records. A line
// too long to hold a note within the limit is skipped to its end and
// becomes an error record.
func (rd reader) ndjson(name string, r io.Reader) bool {
	br := bufio.NewReaderSize(r, 64<<10)
	maxLine := math.MaxInt32
	if rd.limits.NoteBytes > 0 {
		maxLine = 2*rd.limits.NoteBytes + 64<<10 // JSON escapes or base64, and the other fields
	}
	fhir, decided := false, false
	var buf []byte
	for line := 1; ; line++ {
		data, tooLong, err := readLine(br, buf[:0], maxLine)
		buf = data
		pos := fmt.Sprintf("%s:%d", name, line)
		if tooLong {
			if !rd.emit(Record{ID: pos, Err: fmt.Errorf("the record is over the limit of %d bytes", maxLine)}) {
				return false
			}
		} else if data = bytes.TrimSpace(data); len(data) > 0 {
			if !decided {
				var probe struct {
					ResourceType string `json:"resourceType"`
				}
				json.Unmarshal(data, &probe)
				fhir, decided = probe.ResourceType == "DocumentReference", true
			}
			rec := noteRecordOf(pos, data)
			if fhir {
				rec = documentRecord(pos, data)
			}
			if !rd.emit(rec) {
				return false
			}
		}
		if err == io.EOF {
			return true
		}
		if err != nil {
			return rd.emit(Record{ID: pos, Err: fmt.Errorf("reading the file: %w", err)})
		}
	}
}

// readLine reads one line into buf without its end; past max bytes it
// keeps reading to the line's end but reports tooLong and keeps nothing.
func readLine(br *bufio.Reader, buf []byte, max int) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > max {
				tooLong, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return bytes.TrimSuffix(buf, []byte("\n")), tooLong, err
	}
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
