package lower

import (
	"strings"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/mohscode/mohscode/grammar"
	"github.com/mohscode/mohscode/internal/anatomy"
)

// keylessSeparators part the fields a hand-typed form strings along one
// line: "Site R temple / Dx BCC-morpheaform (bx 5/11/26) / Why Mohs: …".
var keylessSeparators = []string{" / ", " ; ", " | "}

// keylessFields reads a line of a hand-typed form whose keys have no colon
// ("Site R lat. neck", "DOS 6/8/26 / Surgeon Dr. … / Ins Cigna …", "Site L
// jawline ; Dx BCC-nod (bx 6/16/26) ; why Mohs: recurrent"): one field per
// part, or nil when the line does not read as fields. A line of several
// parts reads as fields when at least two parts open with a known key and
// every part but unknown ones does; the unknown parts ("Pt Salter, Wendell",
// "MRN 00-4471") are not the engine's facts and are left out. A line of one
// part reads as a field only when its value is short and opens with no verb
// or article ("Site was prepped" is a sentence).
func keylessFields(t *grammar.Text) []*grammar.Field {
	if t == nil || !hasSeparator(t.Text) && !opensWithKey(t.Text) {
		return nil // most lines of prose: no allocation
	}
	if len(splitSentences(&grammar.Value{Pos: t.Pos, Text: t.Text})) > 1 {
		return nil // sentences are prose
	}
	if words := strings.Fields(asciiLower(firstWords(t.Text, 3))); len(words) > 1 && (words[1] == "table" || words[1] == "log") {
		return nil // "CLOSURE TABLE (HistoTrak) - all closures after tumor clearance": a table's caption
	}
	return fieldsOfParts(splitKeyless(t))
}

// hasSeparator reports whether text holds one of keylessSeparators.
func hasSeparator(text string) bool {
	for _, s := range keylessSeparators {
		if strings.Contains(text, s) {
			return true
		}
	}
	return false
}

// opensWithKey reports whether text's first one to three words are a
// known key.
func opensWithKey(text string) bool {
	end := 0
	for n := 0; n < 3; n++ {
		for end < len(text) && text[end] == ' ' {
			end++
		}
		next := strings.IndexByte(text[end:], ' ')
		if next < 0 {
			return false // a key needs a value after it
		}
		end += next
		if _, known := lookupAny(text[:end]); known {
			return true
		}
	}
	return false
}

// keylessCells reads a row whose cells are fields with no colon ("DOS
// 06/22/2026 | Surgeon Dr. … | Ins Medicare | POS 11") as keylessFields
// reads a line's parts.
func keylessCells(r *grammar.Row) []*grammar.Field {
	if len(r.Cells) < 2 {
		return nil
	}
	parts := make([]*grammar.Text, 0, len(r.Cells))
	for _, c := range r.Cells {
		if strings.TrimSpace(c.Text) != "" {
			parts = append(parts, &grammar.Text{Pos: c.Pos, Text: c.Text})
		}
	}
	if len(parts) < 2 {
		return nil
	}
	return fieldsOfParts(parts)
}

// fieldsOfParts reads each part as a field; see keylessFields for when
// the parts read as fields.
func fieldsOfParts(parts []*grammar.Text) []*grammar.Field {
	var out []*grammar.Field
	for _, p := range parts {
		if f := keylessField(p, len(parts) == 1); f != nil {
			out = append(out, f)
		}
	}
	if len(parts) == 1 && len(out) == 1 || len(parts) > 1 && len(out) >= 2 {
		return out
	}
	return nil
}

// splitKeyless cuts a line at its separators, keeping each part's position.
func splitKeyless(t *grammar.Text) []*grammar.Text {
	var out []*grammar.Text
	text, pos := t.Text, t.Pos
	for {
		cut := -1
		sep := ""
		for _, s := range keylessSeparators {
			if i := strings.Index(text, s); i >= 0 && (cut < 0 || i < cut) {
				cut, sep = i, s
			}
		}
		if cut < 0 {
			return append(out, &grammar.Text{Pos: pos, Text: text})
		}
		out = append(out, &grammar.Text{Pos: pos, Text: text[:cut]})
		pos = shift(pos, text[:cut+len(sep)])
		text = text[cut+len(sep):]
	}
}

// keylessField reads one part as a field: "Key: value", a date, a reader
// or a payer in the forms that have their own readers, or a known key of
// one to three words before its value.
func keylessField(p *grammar.Text, alone bool) *grammar.Field {
	text := strings.TrimSpace(p.Text)
	if text == "" || strings.Contains(text, "\t") {
		return nil // cells parted by tabs are read as cells
	}
	if key, value, ok := strings.Cut(text, ":"); ok && isKeyLike(key) && strings.TrimSpace(value) != "" {
		if _, known := lookupAny(key); known {
			at := len(text) - len(value)
			return &grammar.Field{Pos: p.Pos, Key: strings.TrimSpace(key), Value: trimmedValue(&grammar.Value{Pos: p.Pos, Text: text}, at, len(text))}
		}
		return nil
	}
	if _, _, stage := splitStage(firstWords(text, 2)); stage || isStageWord(firstWord(text)) {
		return nil // "Stg 1 - pos deep, periph neg": stage lines have readers of their own
	}
	part := &grammar.Text{Pos: p.Pos, Text: text}
	if f := keyedDate(part); f != nil {
		return f
	}
	if f := keyedReader(part); f != nil {
		return f
	}
	words := strings.Fields(text)
	for n := min(3, len(words)-1); n >= 1; n-- {
		key := strings.Join(words[:n], " ")
		ref, known := lookupAny(key)
		if !known || !isKeyWords(key) {
			continue
		}
		at := strings.Index(text, words[n-1]) + len(words[n-1])
		v := trimmedValue(&grammar.Value{Pos: p.Pos, Text: text}, at, len(text))
		if v == nil || !shortValue(v.Text) || alone && !formValue(ref.field, v.Text) || ref.field == fSite && labelValue(v.Text) {
			return nil
		}
		return &grammar.Field{Pos: p.Pos, Key: key, Value: v}
	}
	if !alone && isRepairText(text) && shortValue(text) {
		// "Defect 2.0 x 1.6 cm ; complex layered repair 2.8 cm after
		// clearance": a repair beside the form's fields names itself
		return &grammar.Field{Pos: p.Pos, Key: "Repair", Value: &grammar.Value{Pos: p.Pos, Text: text}}
	}
	return nil
}

// shortValue reports whether a value after a key without a colon reads as
// a form's value: a few words that open with no verb or article ("R lat.
// neck", not "was prepped and draped").
func shortValue(s string) bool {
	if wordCount(s, 13) > 12 {
		return false
	}
	switch asciiLower(firstWord(s)) {
	case "was", "were", "is", "are", "has", "had", "the", "a", "an", "and", "of", "to", "for", "with", "in", "on":
		return false
	}
	return true
}

// repairKindWords name a repair's kind after a repair key: "Repair int.
// layered 3.2 cm".
var repairKindWords = []string{"layer", "linear", "simple", "intermediate", "complex", "int.", "ftsg", "stsg", "primar"}

// labelValue reports whether the value after a site key is a lesion's
// label ("Site 2 – R chin", "Site B – nose", a row's "Site 1"), not a site
// ("Site R temple" is one).
func labelValue(value string) bool {
	w, _, _ := strings.Cut(strings.TrimSpace(value), " ")
	return grammar.IsDigits(w) || len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' && w != "L" && w != "R"
}

// formValue reports whether a line of one key and its value, with no colon
// and no other field beside it, reads as a form's field rather than a
// heading or a sentence: a site that resolves, a diagnosis that names a
// tumor, a reason for Mohs, a repair.
func formValue(f field, value string) bool {
	switch f {
	case fSite:
		_, ok := anatomy.Resolve(value)
		return ok
	case fDiagnosis:
		return isHistology(value)
	case fIndication:
		return true
	case fRepair:
		return isRepairText(value) || mentions(value, repairKindWords) // "Repair int. layered 3.2 cm (after clearance)"
	}
	return false
}

// keylessLead reads an item whose text before its first colon field is a
// field with no colon ("Dx BCC-nod (shave bx 6/1/26) | Why Mohs: tissue
// sparing | Pre-op size 1.0 x 0.9 cm | Map drawn"): the text's fields, and
// the item's fields with the keyless fields their values go on with; nil
// when the text does not read as a field.
func keylessLead(it *grammar.Item) (lead, fields []*grammar.Field) {
	if it.Text == nil || len(it.Fields) == 0 || it.Marker != nil || it.Label != nil {
		return nil, nil
	}
	lead = keylessFields(it.Text)
	if len(lead) == 0 {
		return nil, nil
	}
	for _, f := range it.Fields {
		if f.Value == nil {
			fields = append(fields, f)
			continue
		}
		parts := splitKeyless(&grammar.Text{Pos: f.Value.Pos, Text: f.Value.Text})
		if len(parts) == 1 {
			fields = append(fields, f)
			continue
		}
		fields = append(fields, &grammar.Field{Pos: f.Pos, Key: f.Key, Value: &grammar.Value{Pos: parts[0].Pos, Text: strings.TrimSpace(parts[0].Text)}})
		for _, p := range parts[1:] {
			if g := keylessField(p, false); g != nil {
				fields = append(fields, g)
			}
		}
	}
	return lead, fields
}

// questionWords open a form's question before the words of its key: "What
// is the lesion location?", "Was a Mohs map drawn?".
var questionWords = map[string]bool{"what": true, "which": true, "was": true, "were": true, "is": true, "are": true,
	"did": true, "the": true, "a": true, "an": true}

// questionField reads a line of a question-set export, a question and its
// answer ("What is the lesion location? Right index finger"): the question
// names the field, by its own words (keys.csv holds question forms such as
// "Why was Mohs chosen") or by its key after the question words.
func questionField(t *grammar.Text) *grammar.Field {
	if t == nil {
		return nil
	}
	q, answer, ok := strings.Cut(t.Text, "? ")
	if !ok || strings.TrimSpace(answer) == "" || wordCount(q, 9) > 8 {
		return nil
	}
	key := q
	for {
		if _, known := lookupAny(key); known {
			at := len(q) + len("? ")
			return &grammar.Field{Pos: t.Pos, Key: key, Value: trimmedValue(&grammar.Value{Pos: t.Pos, Text: t.Text}, at, len(t.Text))}
		}
		w, rest, more := strings.Cut(key, " ")
		if !more || !questionWords[asciiLower(w)] {
			return nil
		}
		key = rest
	}
}

// labelledRows reads lines of tab-parted cells whose first cell is a
// lesion's label and whose second is its site ("Site 1<TAB>left posterior
// calf<TAB>SCC, well differentiated (punch bx …)<TAB>indication: …<TAB>pre-op
// size 1.8 x 1.5 cm") as the labelled lesion lines they are, when two lines
// or more of the note do so with different labels: the label, the site, then
// each cell as a field — by its key, with a colon or without, or as the
// diagnosis when it names a tumor. lines is returned as it is when none does;
// the parsed lines are never changed.
func labelledRows(lines []*grammar.Line) []*grammar.Line {
	return asLabelledItems(lines, func(line *grammar.Line) (*grammar.Item, string) {
		if it := labelledRow(line); it != nil {
			return it, asciiLower(it.Label.Text)
		}
		if it := labelTextFields(line); it != nil {
			return it, asciiLower(it.Label.Text)
		}
		return nil, ""
	})
}

// labelTextFields is the lesion or biopsy line that a line of a label
// alone and its fields stands for ("LESION 1 | Site: left nasal ala | Dx:
// … | Stage 1: 2 blocks, …", "BIOPSY 1 | Type: punch | Site: …", whose
// label the grammar kept as text before the bar), or nil.
func labelTextFields(line *grammar.Line) *grammar.Item {
	it := line.Item
	if it == nil || it.Text == nil || it.Marker != nil || it.Label != nil || len(it.Fields) < 2 {
		return nil
	}
	text := strings.TrimSpace(strings.TrimRight(it.Text.Text, "|"))
	word, name, _ := strings.Cut(text, " ")
	biopsy := strings.EqualFold(word, "biopsy") && grammar.IsLabel(strings.TrimPrefix(strings.TrimSpace(name), "#"))
	if n, _ := grammar.LabelSpan(text); !biopsy && (n == 0 || n != len(text)) {
		return nil
	}
	return &grammar.Item{Pos: it.Pos, Label: &grammar.Label{Pos: it.Text.Pos, Text: text}, Fields: it.Fields}
}

// labelledRow is the lesion line a line of label, site and fields parted by
// tabs stands for, or nil.
func labelledRow(line *grammar.Line) *grammar.Item {
	cells, fields := tabCells(line)
	if len(cells) < 2 { // "Lesion 1<TAB>right jawline", "Site 1<TAB>calf<TAB>SCC<TAB>indication: …"
		return nil
	}
	label, site := cells[0], cells[1]
	if n, _ := grammar.LabelSpan(label.Text); n == 0 || n != len(strings.TrimSpace(label.Text)) {
		return nil
	}
	if _, ok := anatomy.Resolve(site.Text); !ok {
		return nil
	}
	it := &grammar.Item{Pos: line.Pos, Label: &grammar.Label{Pos: label.Pos, Text: strings.TrimSpace(label.Text)},
		Text: &grammar.Text{Pos: site.Pos, Text: strings.TrimSpace(site.Text)}}
	for _, c := range cells[2:] {
		if f := keylessField(c, false); f != nil {
			it.Fields = append(it.Fields, f)
		} else if isHistology(c.Text) {
			it.Fields = append(it.Fields, &grammar.Field{Pos: c.Pos, Key: "Diagnosis", Value: &grammar.Value{Pos: c.Pos, Text: strings.TrimSpace(c.Text)}})
		}
	}
	it.Fields = append(it.Fields, fields...)
	return it
}

// tabCells are a line's cells: a row's, or an item's text and fields cut at
// their tabs (the parser makes "Site 1<TAB>calf<TAB>SCC<TAB>indication: …"
// a text and a field); the fields keep their value up to a tab, and what
// follows it is cells.
func tabCells(line *grammar.Line) (cells []*grammar.Text, fields []*grammar.Field) {
	switch {
	case line.Row != nil:
		for _, c := range line.Row.Cells {
			if strings.TrimSpace(c.Text) != "" {
				cells = append(cells, &grammar.Text{Pos: c.Pos, Text: c.Text})
			}
		}
		return cells, nil
	case line.Item != nil && line.Item.Text != nil && line.Item.Marker == nil && line.Item.Label == nil && strings.Contains(line.Item.Text.Text, "\t"):
		cells = tabParts(line.Item.Text.Pos, line.Item.Text.Text)
		for _, f := range line.Item.Fields {
			if f.Value == nil {
				fields = append(fields, f)
				continue
			}
			parts := tabParts(f.Value.Pos, f.Value.Text)
			fields = append(fields, &grammar.Field{Pos: f.Pos, Key: f.Key, Value: &grammar.Value{Pos: parts[0].Pos, Text: parts[0].Text}})
			cells = append(cells, parts[1:]...)
		}
		return cells, fields
	}
	return nil, nil
}

// tabParts cuts text at its tabs, each part trimmed and positioned.
func tabParts(pos lexer.Position, text string) []*grammar.Text {
	var out []*grammar.Text
	for {
		part, rest, more := strings.Cut(text, "\t")
		if t := strings.TrimSpace(part); t != "" {
			out = append(out, &grammar.Text{Pos: shift(pos, part[:strings.Index(part, t)]), Text: t})
		}
		if !more {
			if len(out) == 0 {
				out = append(out, &grammar.Text{Pos: pos})
			}
			return out
		}
		pos = shift(pos, part+"\t")
		text = rest
	}
}
