// Package transport unwraps a note that arrives inside an interface
// message or an export rather than as text: the OBX segments of an HL7 v2
// message, the quoted-printable body of an e-mail, a JSON document of an
// EHR's interface, a flat key=value export (or one of a record a line, its
// pairs set apart by pipes), a CSV export of one row a stage, or a
// speech-recognition transcript whose punctuation was dictated as words. It returns the note
// text the transport carries, for the grammar to read as it reads any
// note; positions then point into that text, not into the message.
package transport

import (
	"io"
	"mime/quotedprintable"
	"strings"

	"github.com/mohscode/mohscode/internal/diag"
)

// Unwrapped says that the note was read out of the message it came in.
var Unwrapped = &diag.Rule{ID: "transport-unwrapped", Severity: diag.Info,
	Doc: "The note came inside an interface message or an export (the OBX segments of an HL7 v2 message, a quoted-printable e-mail body, a JSON document, a key=value export (one pair a line, or one record of pipe-separated pairs a line), a CSV export of one row a stage, whose keys are written as the note's fields, or a speech-recognition transcript whose punctuation words are written as punctuation) and was read from the text it carries: line and column positions point into that text, not into the message."}

// Kind names the transport a note came in.
type Kind string

// The transports Unwrap reads.
const (
	HL7             Kind = "the OBX segments of an HL7 v2 message"
	QuotedPrintable Kind = "a quoted-printable e-mail body"
	JSON            Kind = "a JSON document"
	KeyValue        Kind = "a key=value export"
	CSV             Kind = "a CSV export of one row per stage"
	Spoken          Kind = "a speech-recognition transcript with its punctuation spoken"
)

// headerLines bounds how far into the input the start of a message is
// looked for: a line or two pasted before it ("Pasted from the interface
// log"), or an e-mail's headers.
const headerLines = 40

// headBytes bounds the start of the input where a message's mark (an MSH
// segment, a quoted-printable header, a JSON object's brace) is looked for
// before the input is split into lines.
const headBytes = 8192

// Unwrap returns the note text src carries and the transport it came in;
// ok is false, and src is returned as it is, when src is not a message of
// a transport Unwrap reads.
func Unwrap(src string) (text string, kind Kind, ok bool) {
	head := src[:min(len(src), headBytes)]
	if !strings.Contains(head, "MSH") && !strings.Contains(head, "uoted-") && !strings.Contains(head, "UOTED-") &&
		!strings.Contains(head, "{") && strings.Count(src, "=") < 5 && !strings.Contains(head, `","`) &&
		!strings.Contains(head, " comma") && !strings.Contains(head, " period") && !strings.Contains(head, "aragraph") {
		return src, "", false // a note as written, told apart without splitting it into lines
	}
	if text, ok := hl7(src); ok {
		return text, HL7, true
	}
	if text, ok := quotedPrintableBody(src); ok {
		return text, QuotedPrintable, true
	}
	if text, ok := jsonNote(src); ok {
		return text, JSON, true
	}
	if text, ok := pipeRecords(src); ok { // before kvNote, which would read a record's line as one pair
		return text, KeyValue, true
	}
	if text, ok := kvNote(src); ok {
		return text, KeyValue, true
	}
	if text, ok := csvNote(src); ok {
		return text, CSV, true
	}
	if text, ok := spokenNote(src); ok {
		return text, Spoken, true
	}
	return src, "", false
}

// segments splits an HL7 message at its segment ends: carriage returns,
// line feeds or both.
func segments(src string) []string {
	return strings.FieldsFunc(src, func(r rune) bool { return r == '\r' || r == '\n' })
}

// hl7 reads the text of the OBX segments of an HL7 v2 message whose MSH
// segment opens one of its first lines: each OBX-5 value a line, each of
// its repetitions ("~") a line, its escapes undone ("\T\" is "&", "\.br\"
// a line break). ok is false when src holds no such message or no OBX
// segment.
func hl7(src string) (string, bool) {
	segs := segments(src)
	start := -1
	for i := 0; i < len(segs) && i < headerLines; i++ {
		if s := strings.TrimSpace(segs[i]); len(s) >= 8 && strings.HasPrefix(s, "MSH") {
			start = i
			break
		}
	}
	if start < 0 {
		return "", false
	}
	msh := strings.TrimSpace(segs[start])
	field := msh[3]
	enc := msh[4:8] // component, repetition, escape and subcomponent characters: "^~\&"
	var b strings.Builder
	n := 0
	for _, seg := range segs[start+1:] {
		seg = strings.TrimSpace(seg)
		if !strings.HasPrefix(seg, "OBX"+string(field)) {
			continue
		}
		fields := strings.Split(seg, string(field))
		value := ""
		if len(fields) > 5 {
			value = fields[5]
		}
		for _, rep := range strings.Split(value, string(enc[1])) {
			b.WriteString(unescape(rep, field, enc))
			b.WriteByte('\n')
		}
		n++
	}
	return b.String(), n > 0
}

// unescape undoes HL7 escapes in a value: "\F\" the field separator, "\S\"
// the component one, "\T\" the subcomponent one, "\R\" the repetition one,
// "\E\" the escape character and "\.br\" a line break; other escapes are
// dropped.
func unescape(v string, field byte, enc string) string {
	esc := enc[2]
	if strings.IndexByte(v, esc) < 0 {
		return v
	}
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] != esc {
			b.WriteByte(v[i])
			continue
		}
		end := strings.IndexByte(v[i+1:], esc)
		if end < 0 {
			b.WriteString(v[i:])
			break
		}
		switch code := v[i+1 : i+1+end]; code {
		case "F":
			b.WriteByte(field)
		case "S":
			b.WriteByte(enc[0])
		case "R":
			b.WriteByte(enc[1])
		case "E":
			b.WriteByte(esc)
		case "T":
			b.WriteByte(enc[3])
		case ".br":
			b.WriteByte('\n')
		}
		i += end + 1
	}
	return b.String()
}

// quotedPrintableBody decodes the body of an e-mail whose headers, within
// its first lines, declare "Content-Transfer-Encoding: quoted-printable":
// the headers are dropped (an e-mail's Date is when it was sent, not the
// date of service), soft line breaks joined and "=E2=80=93" made "–".
// ok is false when src declares no such body or it does not decode.
func quotedPrintableBody(src string) (string, bool) {
	lines := strings.SplitAfter(src, "\n")
	declared, end := false, -1
	for i := 0; i < len(lines) && i < headerLines; i++ {
		line := strings.TrimRight(lines[i], "\r\n")
		if k, v, ok := strings.Cut(line, ":"); ok && strings.EqualFold(strings.TrimSpace(k), "Content-Transfer-Encoding") &&
			strings.EqualFold(strings.TrimSpace(v), "quoted-printable") {
			declared = true
		}
		if declared && strings.TrimSpace(line) == "" {
			end = i
			break
		}
	}
	if !declared || end < 0 {
		return "", false
	}
	body, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(strings.Join(lines[end+1:], ""))))
	if err != nil {
		return "", false
	}
	return string(body), true
}
