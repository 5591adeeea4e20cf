package batch

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// HL7 v2 input. No maintained HL7 v2 parser for Go is available from the
// Go module proxy this project builds from (github.com/kardianos/hl7 and
// github.com/lenaten/hl7 are not served), so this is a small reader of the
// part of HL7 v2 a note travels in: segments, the encoding characters of
// MSH-1 and MSH-2, fields, repetitions, components and the escape
// sequences of HL7 v2.5 section 2.7, with MLLP framing.

// MLLP frame bytes.
const (
	mllpStart = 0x0B
	mllpEnd   = 0x1C
)

// hl7 reads a file of HL7 v2 messages, MLLP-framed or not, each starting
// with an MSH segment; segments end with CR, LF or CRLF. Each message is one
// record: MDM^T02 or ORU^R01, the note from its OBX segments. A message
// that cannot be read is one error record naming its place.
func (rd reader) hl7(name string, r io.Reader) bool {
	br := bufio.NewReaderSize(r, 64<<10)
	maxMessage := math.MaxInt32
	if rd.limits.NoteBytes > 0 {
		maxMessage = 2*rd.limits.NoteBytes + 64<<10 // base64 and the other segments
	}
	var (
		msg     [][]byte // the segments of the message being read
		size    int
		start   int // the line its MSH is on
		tooLong bool
		buf     []byte
	)
	flush := func() bool {
		if msg == nil && !tooLong {
			return true
		}
		var rec Record
		if tooLong {
			rec = Record{ID: position(name, start), Err: &InputError{Input: name, Line: start,
				Err: fmt.Errorf("the HL7 message is over the limit of %d bytes", maxMessage)}}
		} else {
			rec = hl7Record(name, start, msg)
		}
		msg, size, tooLong = nil, 0, false
		return rd.emit(rec)
	}
	for line := 1; ; line++ {
		seg, long, err := readSegment(br, buf[:0], maxMessage)
		buf = seg
		seg = bytes.TrimLeft(seg, "\x0b") // MLLP start of block
		if i := bytes.IndexByte(seg, mllpEnd); i >= 0 {
			seg = seg[:i]
		}
		seg = bytes.TrimSpace(seg)
		switch {
		case bytes.HasPrefix(seg, []byte("MSH")) || long && msg == nil && !tooLong:
			if !flush() {
				return false
			}
			start, tooLong = line, long
			if !long {
				msg, size = [][]byte{bytes.Clone(seg)}, len(seg)
			}
		case len(seg) == 0:
		case tooLong:
		case msg == nil:
			rec := Record{ID: position(name, line), Err: &InputError{Input: name, Line: line,
				Err: errors.New("not an HL7 v2 message: a segment before any MSH")}}
			if !rd.emit(rec) {
				return false
			}
			for err == nil { // skip to the next MSH
				b, perr := br.Peek(3)
				if perr == nil && string(b) == "MSH" {
					break
				}
				seg, _, err = readSegment(br, buf[:0], maxMessage)
				buf = seg
				line++
			}
		default:
			size += len(seg)
			if tooLong = long || size > maxMessage; tooLong {
				msg = nil
			} else {
				msg = append(msg, bytes.Clone(seg))
			}
		}
		if err == io.EOF {
			return flush()
		}
		if err != nil {
			flush()
			return rd.emit(Record{ID: name, Err: &InputError{Input: name, Line: line, Err: fmt.Errorf("reading the file: %w", err)}})
		}
	}
}

// readSegment reads up to the next CR or LF, like readLine.
func readSegment(br *bufio.Reader, buf []byte, max int) (seg []byte, tooLong bool, err error) {
	for {
		b, err := br.ReadByte()
		if err != nil {
			return buf, tooLong, err
		}
		if b == '\n' {
			return buf, tooLong, nil
		}
		if b == '\r' {
			if next, err := br.Peek(1); err == nil && next[0] == '\n' {
				br.ReadByte()
			}
			return buf, tooLong, nil
		}
		if len(buf) >= max {
			tooLong, buf = true, buf[:0]
		}
		if !tooLong {
			buf = append(buf, b)
		}
	}
}

// hl7Message is a parsed message: its segments' fields by segment name.
type hl7Message struct {
	sep  hl7Separators
	segs []hl7Segment
}

type hl7Segment struct {
	name   string
	fields []string // fields[i] is field i (for MSH, fields[1] is MSH-1)
}

// hl7Separators are the encoding characters of MSH-1 and MSH-2.
type hl7Separators struct {
	field, component, repetition, escape, subcomponent byte
}

// parseHL7 splits a message's segments into fields.
func parseHL7(segs [][]byte) (hl7Message, error) {
	msh := segs[0]
	if len(msh) < 8 {
		return hl7Message{}, errors.New("the MSH segment is too short to hold its encoding characters")
	}
	s := hl7Separators{field: msh[3], component: msh[4], repetition: msh[5], escape: msh[6], subcomponent: msh[7]}
	if s.field == s.component || s.field == s.repetition || s.field == s.escape || isAlnum(s.field) {
		return hl7Message{}, fmt.Errorf("MSH-1 and MSH-2 are not HL7 encoding characters: %q", msh[3:8])
	}
	m := hl7Message{sep: s}
	for i, seg := range segs {
		parts := strings.Split(string(seg), string(s.field))
		name := parts[0]
		if len(name) != 3 || !isAlnum(name[0]) {
			return hl7Message{}, fmt.Errorf("segment %d is not an HL7 segment (its name is not three letters or digits)", i+1)
		}
		if name == "MSH" {
			parts = append([]string{"MSH", string(s.field)}, parts[1:]...)
		}
		m.segs = append(m.segs, hl7Segment{name: name, fields: parts})
	}
	return m, nil
}

func isAlnum(b byte) bool {
	return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9'
}

// field returns field n of the first segment named seg, "" when absent.
func (m hl7Message) field(seg string, n int) string {
	for _, s := range m.segs {
		if s.name == seg {
			if n < len(s.fields) {
				return s.fields[n]
			}
			return ""
		}
	}
	return ""
}

// component returns component n (from 1) of the first repetition of a
// field, unescaped.
func (m hl7Message) component(field string, n int) string {
	rep, _, _ := strings.Cut(field, string(m.sep.repetition))
	parts := strings.Split(rep, string(m.sep.component))
	if n > len(parts) {
		return ""
	}
	return m.unescape(parts[n-1])
}

// unescape replaces HL7's escape sequences: \F\ \S\ \T\ \R\ \E\ by the
// separators, \.br\ by a line break, \Xhh…\ by the bytes it spells; other
// sequences (formatting, character sets) are dropped.
func (m hl7Message) unescape(s string) string {
	e := string(m.sep.escape)
	if !strings.Contains(s, e) {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, e)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		seq, rest, ok := strings.Cut(s[i+1:], e)
		if !ok {
			b.WriteString(s[i:])
			return b.String()
		}
		s = rest
		switch {
		case seq == "F":
			b.WriteByte(m.sep.field)
		case seq == "S":
			b.WriteByte(m.sep.component)
		case seq == "T":
			b.WriteByte(m.sep.subcomponent)
		case seq == "R":
			b.WriteByte(m.sep.repetition)
		case seq == "E":
			b.WriteByte(m.sep.escape)
		case seq == ".br":
			b.WriteByte('\n')
		case strings.HasPrefix(seq, "X"):
			for h := seq[1:]; len(h) >= 2; h = h[2:] {
				if v, err := strconv.ParseUint(h[:2], 16, 8); err == nil {
					b.WriteByte(byte(v))
				}
			}
		}
	}
}

// hl7Record makes the record of one message starting at line of input.
func hl7Record(input string, line int, segs [][]byte) Record {
	fail := func(id string, err error) Record {
		return Record{ID: id, Err: &InputError{Input: input, Line: line, Err: fmt.Errorf("HL7 message: %w", err)}}
	}
	pos := position(input, line)
	m, err := parseHL7(segs)
	if err != nil {
		return fail(pos, err)
	}
	id := cmp.Or(m.component(m.field("TXA", 12), 1), cmp.Or(m.component(m.field("MSH", 10), 1), pos))
	typ := m.component(m.field("MSH", 9), 1) + "^" + m.component(m.field("MSH", 9), 2)
	if typ != "MDM^T02" && typ != "ORU^R01" {
		return fail(id, fmt.Errorf("message type %q; mohscode reads MDM^T02 and ORU^R01", typ))
	}
	text, err := m.noteText()
	if err != nil {
		return fail(id, err)
	}
	rec := noteOf(id, input, line, text)
	if rec.Err != nil {
		return rec
	}
	rec.DateOfService = hl7Date(cmp.Or(m.component(m.field("TXA", 4), 1), m.component(m.field("OBR", 7), 1)))
	rec.Author = personName(m, cmp.Or(m.field("TXA", 5), m.field("TXA", 22)))
	return rec
}

// noteText joins the OBX segments' values: TX and FT values a line per
// repetition, ED values decoded from base64.
func (m hl7Message) noteText() ([]byte, error) {
	var b bytes.Buffer
	found := false
	for i, s := range m.segs {
		if s.name != "OBX" || len(s.fields) < 6 {
			continue
		}
		switch typ := s.fields[2]; typ {
		case "TX", "FT", "ST":
			for _, rep := range strings.Split(s.fields[5], string(m.sep.repetition)) {
				b.WriteString(m.unescape(rep))
				b.WriteByte('\n')
			}
			found = true
		case "ED":
			data := m.component(s.fields[5], 5)
			if enc := m.component(s.fields[5], 4); !strings.EqualFold(enc, "Base64") && !strings.EqualFold(enc, "A") {
				return nil, fmt.Errorf("segment %d: OBX-5 ED data encoded %q; mohscode reads Base64 and A", i+1, enc)
			}
			if strings.EqualFold(m.component(s.fields[5], 4), "Base64") {
				raw, err := base64.StdEncoding.DecodeString(data)
				if err != nil {
					return nil, fmt.Errorf("segment %d: OBX-5 ED data is not base64", i+1)
				}
				b.Write(raw)
			} else {
				b.WriteString(data)
			}
			found = true
		}
	}
	if !found {
		return nil, errors.New("no OBX segment with TX, FT or ED text")
	}
	return b.Bytes(), nil
}

// hl7Date turns an HL7 DTM (YYYYMMDD[HHMM[SS…]]) into YYYY-MM-DD, or "".
func hl7Date(dtm string) string {
	if len(dtm) < 8 {
		return ""
	}
	for _, c := range dtm[:8] {
		if c < '0' || c > '9' {
			return ""
		}
	}
	return dtm[:4] + "-" + dtm[4:6] + "-" + dtm[6:8]
}

// personName reads an XCN (id^family^given^…) as "given family (id)".
func personName(m hl7Message, xcn string) string {
	id, family, given := m.component(xcn, 1), m.component(xcn, 2), m.component(xcn, 3)
	name := strings.TrimSpace(given + " " + family)
	switch {
	case name == "":
		return id
	case id == "":
		return name
	}
	return name + " (" + id + ")"
}
