package lower

import (
	"strings"

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
	if t == nil || len(splitSentences(&grammar.Value{Pos: t.Pos, Text: t.Text})) > 1 {
		return nil // sentences are prose
	}
	return fieldsOfParts(splitKeyless(t))
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
	if text == "" {
		return nil
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
		if v == nil || !shortValue(v.Text) || alone && !formValue(ref.field, v.Text) {
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

// formValue reports whether a line of one key and its value, with no colon
// and no other field beside it, reads as a form's field rather than a
// heading or a sentence: a site that resolves, a diagnosis that names a
// tumor, a reason for Mohs, a repair.
func formValue(f field, value string) bool {
	switch f {
	case fSite:
		if w, _, _ := strings.Cut(strings.TrimSpace(value), " "); grammar.IsDigits(w) || len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' && w != "L" && w != "R" {
			return false // "Site 2 – R chin", "Site B – nose": a lesion's label, not a site field ("Site R temple" is one)
		}
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
