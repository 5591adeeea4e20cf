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
	"strconv"
	"strings"

	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/engine"
)

// Record is one note to code. Err is set when the record could be located
// but not read (a malformed NDJSON line, an attachment with only a url, a
// binary file): it still yields one output record.
type Record struct {
	ID    string
	Text  string
	Payer string
	Err   error
	// Encoding is what the note file was read as (one of the Encoding
	// constants), empty for a record that carried text already (NDJSON).
	// BadLine is, for EncodingWindows1252, the first line that was not
	// valid UTF-8; the coded claim gets an input-encoding finding there.
	Encoding string
	BadLine  int
	// DateOfService (YYYY-MM-DD) and Author come from the record's
	// envelope (an HL7 v2 message's TXA or OBR), empty when it has none;
	// the date fills in a claim whose note gives none.
	DateOfService string
	Author        string
	// Patient and Provider are FHIR references ("Patient/123") from a
	// DocumentReference's subject and first author, for the Claim written
	// from it; empty otherwise.
	Patient, Provider string
}

// InputError is a record that was found in its input but could not be read
// as a note: a malformed NDJSON line, a record without text, a file that is
// binary or a link to a directory. Input names the file ("-" for standard
// input) and Line the line the record starts on in it — its record number
// in an NDJSON file — or 0 when the error is the file's as a whole. It has
// no column: nothing in the note is wrong.
type InputError struct {
	Input string
	Line  int
	Err   error
}

// Error formats the error as input:line: message, or input: message.
func (e *InputError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %v", e.Input, e.Err)
	}
	return fmt.Sprintf("%s:%d: %v", e.Input, e.Line, e.Err)
}

// Unwrap returns the reason.
func (e *InputError) Unwrap() error { return e.Err }

// InputPosition returns where the record is: its input and line (0 for
// the whole input). Writers of error records use it instead of a note
// position.
func (e *InputError) InputPosition() (input string, line int) { return e.Input, e.Line }

// Source is where the records of a batch come from.
type Source struct {
	// Inputs are files, directories, and "-" for standard input (see Read).
	Inputs []string
	// Stdin is read for the input "-".
	Stdin io.Reader
	// Limits bound each note; the zero value means no limit.
	Limits engine.Limits
	// Skipped, when not nil, hears of every file of a directory input that
	// is not read because it is not a note file, and why.
	Skipped func(path, reason string)
}

// NoteFileExts are the file name extensions a directory input reads: plain
// text notes, and HL7 v2 messages.
var NoteFileExts = []string{".txt", ".hl7"}

// Read sends the records of every input, in order, to emit; it stops early
// when emit returns false. An input is a file, a directory (every note file
// in it — see NoteFileExts —, recursively, in lexical order), "-" for
// standard input, an NDJSON file of {"id", "text", "payer"} records, a FHIR
// Bulk Data NDJSON file of DocumentReference resources, or an HL7 v2 file
// (.hl7, or standard input starting with MSH or an MLLP frame). An input
// that cannot be opened yields one error record named after it.
func Read(inputs []string, stdin io.Reader, emit func(Record) bool) {
	ReadWithin(inputs, stdin, engine.DefaultLimits, emit)
}

// ReadWithin is Read with the given limits: a note over the size limit, or
// an NDJSON record too long to hold one, becomes an error record without
// being read whole, and the records after it are still read.
func ReadWithin(inputs []string, stdin io.Reader, limits engine.Limits, emit func(Record) bool) {
	Source{Inputs: inputs, Stdin: stdin, Limits: limits}.Read(emit)
}

// Read sends the source's records to emit, as the package's Read does.
func (s Source) Read(emit func(Record) bool) {
	r := reader{limits: s.Limits, emit: emit, skipped: s.Skipped}
	for _, in := range s.Inputs {
		if !r.input(in, s.Stdin) {
			return
		}
	}
}

// reader reads inputs into records.
type reader struct {
	limits  engine.Limits
	emit    func(Record) bool
	skipped func(path, reason string)
}

// input reads one input named on the command line; a named pipe or device
// is read as a file.
func (rd reader) input(in string, stdin io.Reader) bool {
	if in == "-" {
		return rd.stream(in, stdin)
	}
	info, err := os.Stat(in)
	if err != nil {
		return rd.emit(Record{ID: in, Err: err})
	}
	if info.IsDir() {
		return rd.dir(in)
	}
	return rd.file(in)
}

func (rd reader) file(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return rd.emit(Record{ID: path, Err: err})
	}
	defer f.Close()
	switch strings.ToLower(filepath.Ext(path)) {
	case ".ndjson", ".jsonl":
		return rd.ndjson(path, f)
	case ".hl7":
		return rd.hl7(path, f)
	}
	return rd.note(path, f)
}

// dir reads the note files of a directory tree. An entry that cannot be
// read — a link to a directory (never followed, so no loop and no
// unbounded recursion), a link that leads nowhere, a pipe or device named
// like a note — is one error record; the other files are still read.
func (rd reader) dir(dir string) bool {
	more := true
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error { // errors become records
		switch {
		case err != nil:
			more = rd.emit(Record{ID: path, Err: err})
		case d.IsDir():
			return nil
		case !isNoteFile(path):
			if rd.skipped != nil {
				rd.skipped(path, "not a note file ("+strings.Join(NoteFileExts, ", ")+")")
			}
		default:
			more = rd.dirEntry(path, d)
		}
		if !more {
			return fs.SkipAll
		}
		return nil
	})
	return more
}

func (rd reader) dirEntry(path string, d fs.DirEntry) bool {
	info, err := os.Stat(path) // follows a link
	switch {
	case err != nil:
		return rd.emit(Record{ID: path, Err: err})
	case info.IsDir():
		return rd.emit(Record{ID: path, Err: &InputError{Input: path,
			Err: errors.New("a link to a directory, named like a note; links to directories are not followed")}})
	case !info.Mode().IsRegular():
		return rd.emit(Record{ID: path, Err: &InputError{Input: path, Err: errors.New("not a regular file")}})
	}
	return rd.file(path)
}

func isNoteFile(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range NoteFileExts {
		if ext == e {
			return true
		}
	}
	return false
}

// stream reads standard input: NDJSON when it starts with "{", HL7 v2 when
// it starts with MSH or an MLLP frame, else one note.
func (rd reader) stream(name string, r io.Reader) bool {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
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
	if b, err := br.Peek(3); err == nil && (b[0] == mllpStart || string(b) == "MSH") {
		return rd.hl7(name, br)
	}
	return rd.note(name, br)
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

// readLimited reads all of r, but no more than limit bytes (a limit of 0 or
// less is no limit); over is true when r holds more.
func readLimited(r io.Reader, limit int) (b []byte, over bool, err error) {
	if limit <= 0 {
		limit = math.MaxInt32
	}
	b, err = io.ReadAll(io.LimitReader(r, int64(limit)+1))
	return b, len(b) > limit, err
}

// note reads one note, no more than the size limit, and decodes it.
func (rd reader) note(name string, r io.Reader) bool {
	b, over, err := readLimited(r, rd.limits.NoteBytes)
	switch {
	case err != nil:
		return rd.emit(Record{ID: name, Err: err})
	case over:
		return rd.emit(Record{ID: name, Err: &diag.ParseError{Filename: name, Line: 1, Column: 1,
			Message: fmt.Sprintf("the note is over the limit of %d bytes", rd.limits.NoteBytes)}})
	}
	return rd.emit(noteOf(name, name, 0, b))
}

// noteOf makes the record of note id from its bytes, found at line of
// input (0: the input is the note).
func noteOf(id, input string, line int, b []byte) Record {
	text, enc, bad, err := decodeText(input, b)
	if err != nil {
		if ie, ok := errors.AsType[*InputError](err); ok && line > 0 {
			ie.Err = fmt.Errorf("the note of this record: %w", ie.Err)
			ie.Line = line
		}
		return Record{ID: id, Err: err}
	}
	return Record{ID: id, Text: text, Encoding: enc, BadLine: bad}
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
	Subject      struct {
		Reference string `json:"reference"`
	} `json:"subject"`
	Author []struct {
		Reference string `json:"reference"`
	} `json:"author"`
	Content []struct {
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
		if tooLong {
			if !rd.emit(Record{ID: position(name, line), Err: &InputError{Input: name, Line: line,
				Err: fmt.Errorf("the record is over the limit of %d bytes", maxLine)}}) {
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
			rec := noteRecordOf(name, line, data)
			if fhir {
				rec = documentRecord(name, line, data)
			}
			if !rd.emit(rec) {
				return false
			}
		}
		if err == io.EOF {
			return true
		}
		if err != nil {
			return rd.emit(Record{ID: position(name, line), Err: &InputError{Input: name, Line: line,
				Err: fmt.Errorf("reading the file: %w", err)}})
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

// position names a record by its input and line, "input:line", for a
// record without an id.
func position(input string, line int) string {
	return input + ":" + strconv.Itoa(line)
}

// noteRecordOf reads the NDJSON note record on line of input.
func noteRecordOf(input string, line int, data []byte) Record {
	var nr noteRecord
	if err := json.Unmarshal(data, &nr); err != nil {
		return Record{ID: position(input, line), Err: &InputError{Input: input, Line: line, Err: fmt.Errorf("not a JSON note record: %w", err)}}
	}
	id := nr.ID
	if id == "" {
		id = position(input, line)
	}
	if nr.Text == nil {
		return Record{ID: id, Err: &InputError{Input: input, Line: line, Err: errors.New(`the record has no "text"`)}}
	}
	if l, c, bad := controlByte(*nr.Text); bad {
		return Record{ID: id, Err: &InputError{Input: input, Line: line,
			Err: fmt.Errorf(`the record's "text" holds binary data: byte 0x%02X on line %d of the note`, c, l)}}
	}
	return Record{ID: id, Text: *nr.Text, Payer: nr.Payer}
}

// documentRecord reads the DocumentReference on line of input.
func documentRecord(input string, line int, data []byte) Record {
	at := func(err error) *InputError { return &InputError{Input: input, Line: line, Err: err} }
	var doc documentReference
	if err := json.Unmarshal(data, &doc); err != nil {
		return Record{ID: position(input, line), Err: at(fmt.Errorf("not a JSON resource: %w", err))}
	}
	id := doc.ID
	if id == "" {
		id = position(input, line)
	}
	if doc.ResourceType != "DocumentReference" {
		return Record{ID: id, Err: at(fmt.Errorf("resourceType %q, expected DocumentReference", doc.ResourceType))}
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
			return Record{ID: id, Err: at(fmt.Errorf("attachment data is not base64: %w", err))}
		}
		rec := noteOf(id, input, line, text)
		rec.Patient = doc.Subject.Reference
		if len(doc.Author) > 0 {
			rec.Provider = doc.Author[0].Reference
		}
		return rec
	}
	if hasURL {
		return Record{ID: id, Err: at(errors.New("the attachment has only a url; mohscode reads the note from content[].attachment.data (base64 text/plain)"))}
	}
	return Record{ID: id, Err: at(errors.New("no text/plain attachment with data in content[]"))}
}
