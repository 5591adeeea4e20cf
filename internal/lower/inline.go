package lower

import (
	"github.com/mohscode/mohscode/internal/prose"
	"slices"
	"strings"

	"github.com/mohscode/mohscode/grammar"
	"github.com/mohscode/mohscode/internal/anatomy"
	"github.com/mohscode/mohscode/internal/model"
)

// inlineText reads the text of a lesion's opening line. After a label
// ("Lesion 1 of 2 – right temple") the text is the site, kept as the
// heading text. After a list marker ("A. Left cheek – basal cell carcinoma,
// nodular (shave biopsy 04/01/2026). Indication: …. Pre-op size 1.0 x 0.8
// cm.") the site comes first, the diagnosis after the dash (or a full stop),
// then fields written as sentences; after a site and a full stop or comma,
// a dictation is read as one.
func (l *lowerer) inlineText(t *grammar.Text, afterLabel bool) {
	if afterLabel {
		return
	}
	s := t.Text
	dash := -1
	hyphens := false // "#1 R nasal ala - BCC, infiltrative - 1.0 x 0.8 cm - mohs: nose, …": its cells
	for _, sep := range []string{" – ", " — ", " -- ", " - "} {
		if i := strings.Index(s, sep); i > 0 && (dash < 0 || i < dash) {
			dash, hyphens = i+len(sep), sep == " - "
		}
	}
	if _, at, ok := siteLedSplit(s); ok && dash < 0 {
		dash = at // "R nasal ala BCC (bx 1/29/26). Map drawn.": the tumor after its site
	}
	if dash < 0 {
		// "A) Left chin. BCC, nodular. Why Mohs: facial, tissue sparing.",
		// "1. Right helix, pre-op size 0.9 x 0.8 cm. Stage 1, two blocks: …
		// After tumor clearance the defect was repaired with …"
		for _, sep := range []string{". ", ", "} {
			first, rest, ok := strings.Cut(s, sep)
			if !ok || len(strings.Fields(first)) > 6 {
				continue
			}
			if _, site := anatomy.Resolve(first); !site {
				continue
			}
			if at := shift(t.Pos, s[:len(first)+len(sep)]); isDictated(rest) {
				l.narrativeLine(&grammar.Text{Pos: at, Text: rest})
				return
			}
			if sep == ". " {
				dash = len(first) + len(sep)
			}
			break
		}
	}
	if dash < 0 {
		return
	}
	l.openingCells(&grammar.Value{Pos: shift(t.Pos, s[:dash]), Text: s[dash:]}, hyphens)
}

// openingCells reads what follows a lesion's site on its opening line:
// its diagnosis first, then its size, then fields written as sentences,
// cut at sentences, semicolons and spaced dashes ("BCC, nodular – 0.6 x
// 0.5 cm – shave bx 11/09/2026 (…)"), and at spaced hyphens too when
// hyphens is set ("BCC nodular - 0.8 x 0.7 cm - mohs: ear (H-zone)").
func (l *lowerer) openingCells(rest *grammar.Value, hyphens bool) {
	var sentences []*grammar.Value
	for _, sen := range splitSentences(rest) {
		for _, keyed := range splitAtLowerKeys(sen) {
			for _, part := range splitOutside(keyed, ";") { // "BCC, nodular; shave biopsy …; indication: …"
				sentences = append(sentences, splitAtDashes(part, hyphens)...)
			}
		}
	}
	if len(sentences) == 0 {
		return
	}
	if les := l.cur(); !les.Diagnosis.Present() {
		if _, _, ok := itemKey(sentences[0]); !ok {
			dx := strings.TrimSuffix(sentences[0].Text, ".")
			if head, size, ok := dxThenSize(dx); ok && !les.Size.Present() {
				dx, les.Size = head, model.Size{Dims: size, Line: rest.Pos.Line} // "nodular BCC (BA26-7710), 1.0 x 0.8 cm", "superficial BCC, 1.0 x 0.9 cm (shave bx …)"
			}
			les.Diagnosis = model.Text{Value: dx, Line: rest.Pos.Line}
			sentences = sentences[1:]
		}
	}
	for len(sentences) > 0 && !l.cur().Size.Present() {
		m, err := grammar.ParseMeasure("", sentences[0])
		if err != nil || len(m.Dims) == 0 || m.AreaSq > 0 {
			break
		}
		l.cur().Size = model.Size{Dims: m.Dims, Line: sentences[0].Pos.Line} // "… – 0.6 x 0.5 cm – …"
		sentences = sentences[1:]
	}
	for _, sen := range sentences {
		l.sentence(sen)
	}
}

// toldDefect reports whether a sentence tells a defect's size in words
// rather than as a key and its value: "the secondary defect (…) measured
// 6.0 sq cm".
func toldDefect(text string) bool {
	lower := asciiLower(text)
	return strings.Contains(lower, "defect") && strings.Contains(lower, "measur") && strings.IndexAny(text, "0123456789") >= 0
}

// inlineValue reads the value of a field keyed by a lesion's label ("A:
// final defect 1.3 x 1.2 cm; intermediate layered closure 2.4 cm").
func (l *lowerer) inlineValue(v *grammar.Value) {
	for _, it := range splitSentences(v) {
		if key, rest, ok := itemKey(it); ok && rest != nil && isStageField(&grammar.Field{Key: key, Value: rest}) || stageFirst(it.Text) {
			// "Stage 1: 3 blocks, all clear; well-differentiated SCC in the
			// dermis, no PNI", "Stage 1 - 2 blocks, block 1 positive (deep);
			// infiltrative BCC …": the stage's own items
			l.sentence(it)
			continue
		}
		if parts := splitOutside(it, ";"); len(parts) == 2 && isRepairText(parts[0].Text) && toldDefect(parts[1].Text) {
			// "after tumor clearance, repaired with a cheek advancement flap;
			// the secondary defect (Burow's triangles and advanced tissue)
			// measured 6.0 sq cm": one repair, told as prose
			l.paragraph = append(l.paragraph, *it)
			l.endParagraph()
			continue
		}
		if parts := splitOutside(it, ";"); len(parts) == 2 && isRepairText(parts[0].Text) && bareMeasure(parts[1]) {
			l.sentence(it) // "complex layered repair with wide undermining and cone excision; 4.0 cm.": the repair and its length
			continue
		}
		for _, part := range splitOutside(it, ";") {
			l.sentence(part)
		}
	}
}

// bareMeasure reports whether a part is a size or length alone: "4.0 cm.".
func bareMeasure(v *grammar.Value) bool {
	m, err := grammar.ParseMeasure("", &grammar.Value{Pos: v.Pos, Text: strings.TrimSuffix(strings.TrimSpace(v.Text), ".")})
	return err == nil && (len(m.Dims) > 0 || m.AreaSq > 0)
}

// stageFirst reports whether a sentence opens with a stage: "Stage 1 - 2
// blocks, …", "First stage 2 blocks, …".
func stageFirst(text string) bool {
	words := strings.Fields(asciiLower(firstWords(text, 2)))
	return namesStageWord(strings.Join(words, " ")) || len(words) == 2 && slices.Contains(lesionOrdinals, words[0]) && words[1] == "stage"
}

// sentence reads one sentence or item that may be a field: "Indication:
// facial location", "Pre-op size 1.0 x 0.8 cm", "Defect 1.4 x 1.2 cm",
// "After tumor clearance: intermediate layered repair, 2.0 cm". Anything
// else goes to the prose reader.
func (l *lowerer) sentence(v *grammar.Value) {
	text := strings.TrimSuffix(strings.TrimSpace(v.Text), ".")
	v = &grammar.Value{Pos: v.Pos, Text: text}
	if l.bareSize(v) {
		return // "Right lower eyelid - nodular BCC, shave biopsy …; 0.6 x 0.5 cm; Mohs for …"
	}
	if key, rest, ok := itemKey(v); ok && rest != nil {
		if _, known := lookupAny(key); known {
			l.field(len(l.lines), &grammar.Field{Pos: v.Pos, Key: key, Value: rest})
			return
		}
		if isRepairText(rest.Text) {
			if isDeferred(key) || mentions(asciiLower(key), []string{"simple", "intermediate", "complex"}) {
				// "delayed closure: patient elected to return 06/01/2026 for
				// closure": the key defers it; "Complex repair: wide
				// undermining …, layered closure": the key names the class
				rest = v
			}
			l.repairText(rest, model.Text{Value: key, Line: v.Pos.Line})
			return
		}
	}
	if key, rest, ok := leadingKey(v, l.repair >= 0); ok {
		rest, next := cutNextKey(rest, l.repair >= 0)
		l.field(len(l.lines), &grammar.Field{Pos: v.Pos, Key: key, Value: rest})
		if next != nil {
			l.sentence(next) // "defect 1.5 x 1.3 cm, secondary defect 2.4 sq cm": each size its key
		}
		return
	}
	if isRepairText(text) && l.lesion >= 0 && !l.tellsOpenRepair(text) {
		l.repairText(v, l.block)
		return
	}
	l.paragraph = append(l.paragraph, *v)
	l.endParagraph()
}

// cutNextKey cuts a value after a leading key at the first comma whose
// part opens with a key of its own (leadingKey): "1.5 x 1.3 cm, secondary
// defect 2.4 sq cm" is "1.5 x 1.3 cm" and "secondary defect 2.4 sq cm".
// next is nil when no part after a comma opens so.
func cutNextKey(v *grammar.Value, repairOpen bool) (value, next *grammar.Value) {
	parts := splitOutside(v, ",")
	for k := 1; k < len(parts); k++ {
		if _, _, ok := leadingKey(parts[k], repairOpen); ok {
			end := parts[k].Pos.Offset - v.Pos.Offset
			return trimmedValue(v, 0, strings.LastIndexByte(v.Text[:end], ',')), trimmedValue(v, end, len(v.Text))
		}
	}
	return v, nil
}

// cutLast cuts s around the last sep.
// dxThenSize splits a lesion line's diagnosis from the size after it, a
// part after a comma that only the biopsy's parts may follow, a
// parenthesis allowed after it: "nodular BCC (BA26-7710), 1.0 x 0.8 cm",
// "superficial BCC, 1.0 x 0.9 cm (shave bx 11/10/2026, TE26-5580)" (the
// parenthesis stays with the diagnosis), "infiltrative basal cell
// carcinoma, 1.2 x 1.0 cm, shave biopsy 11/05/2026 (TE26-5521)".
func dxThenSize(dx string) (string, []float64, bool) {
	body, paren := dx, ""
	if open := strings.IndexByte(dx, '('); open > 0 && strings.HasSuffix(strings.TrimSpace(dx), ")") && strings.Count(dx, "(") == 1 {
		body, paren = strings.TrimSpace(dx[:open]), " "+dx[open:]
	}
	parts := strings.Split(body, ", ")
	for k := len(parts) - 1; k > 0; k-- {
		m, err := grammar.ParseMeasure("", &grammar.Value{Text: parts[k]})
		if err != nil || len(m.Dims) == 0 || m.AreaSq > 0 {
			if citesBiopsy(parts[k]) {
				continue // "infiltrative basal cell carcinoma, 1.2 x 1.0 cm, shave biopsy 11/05/2026 (TE26-5521)": the size before the biopsy
			}
			return dx, nil, false
		}
		return strings.Join(slices.Concat(parts[:k], parts[k+1:]), ", ") + paren, m.Dims, true
	}
	return dx, nil, false
}

func cutLast(s, sep string) (before, after string, found bool) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

// bareSize takes a part of a lesion's line that is a size of two
// dimensions and nothing else, before the lesion has a stage or a repair,
// for its pre-operative size; false when it is not one.
func (l *lowerer) bareSize(v *grammar.Value) bool {
	if l.lesion < 0 || l.stage >= 0 || l.repair >= 0 || !strings.ContainsAny(v.Text, "0123456789") {
		return false
	}
	les := l.cur()
	if les.Size.Present() || len(les.Stages) > 0 || len(les.Repairs) > 0 {
		return false
	}
	m, err := grammar.ParseMeasure("", v)
	if err != nil || len(m.Dims) < 2 || m.AreaSq > 0 {
		return false
	}
	les.Size = model.Size{Dims: m.Dims, Line: v.Pos.Line}
	return true
}

// tellsOpenRepair reports whether a sentence without a measure tells how
// the repair just read was done, by its own kind's word ("Bilobed
// transposition flap. … Undermined in the submuscular plane, flap
// transposed, inset with 5-0 Monocryl"): no second repair.
func (l *lowerer) tellsOpenRepair(text string) bool {
	if l.repair < 0 || l.repair >= len(l.cur().Repairs) {
		return false
	}
	return tellsRepair(text, l.cur().Repairs[l.repair:l.repair+1])
}

// tellsRepair reports whether text without a measure tells how one of
// repairs was done, by its kind's word: "A: flap from the L nasal
// sidewall, inset with 5-0 Monocryl" under a repairs table whose row gave
// lesion A its transposition flap.
func tellsRepair(text string, repairs []model.Repair) bool {
	if strings.ContainsAny(text, "0123456789") && strings.Contains(asciiLower(text), "cm") {
		return false
	}
	words := strings.FieldsFunc(asciiLower(text), func(r rune) bool { return !isLetterRune(r) })
	for _, r := range repairs {
		open := asciiLower(r.Value.Value)
		for _, w := range []string{"flap", "graft", "closure", "repair"} {
			if strings.Contains(open, w) && slices.Contains(words, w) {
				return true
			}
		}
	}
	return false
}

// repairText adds a repair described by text ("intermediate layered
// closure 2.4 cm") to the current lesion; timing is the text over it
// ("After tumor clearance", "Repairs (after tumor clearance at each
// site)").
func (l *lowerer) repairText(v *grammar.Value, timing model.Text) {
	if l.lesion < 0 {
		return
	}
	if len(l.out.Lesions) > 1 && !l.headed {
		l.proseSiteHeadings() // a dictation's lesions, named by the sites their prose gave them
	}
	if parts := l.partsByLesion(v); len(l.out.Lesions) > 1 && parts != nil {
		saved := l.lesion // "right helix, complex repair 2.8 cm; left cheek, complex repair 3.0 cm": each site's repair
		for _, p := range parts {
			l.lesion = p.lesion
			l.repairText(p.value, timing)
		}
		l.lesion = saved
		l.closeSections()
		return
	}
	les := l.cur()
	if tellsRepair(v.Text, les.Repairs) {
		return // "A: flap from the L nasal sidewall, inset with …" under a repairs table whose row gave lesion A its flap
	}
	les.Repairs = append(les.Repairs, model.Repair{Line: v.Pos.Line, Value: textOf(v)})
	l.repair = len(les.Repairs) - 1 // its sizes may follow: "…; primary defect 1.1 x 1.0 cm"
	r := &les.Repairs[l.repair]
	if timing.Present() && strings.Contains(strings.ToLower(timing.Value), "clear") {
		r.Timing = timing
	} else if repairsHeading(l.block.Value) {
		r.Timing = l.block // "Complex repair: wide undermining …" under "REPAIRS (performed after tumor clearance at all three sites)"
	}
	l.problem(repairValue(r, v))
}

// repairWords mark text that describes a repair.
var repairWords = []string{"closure", "repair", "flap", "graft", "ftsg", "stsg", "ilc ", "clc ", "slc ", " att ", "second intention", "secondary intention", "2nd intention", "2nd int "} // "ILC 10.5cm", "CLC 1.9cm": an intermediate or complex linear closure; "bilobed ATT 1.3x1.1 + sec 2.0 sq cm": an adjacent tissue transfer

// isRepairText reports whether text describes a repair.
func isRepairText(s string) bool { return mentions(s, repairWords) }

// mentions reports whether text holds any of words (lower case), in any
// case.
func mentions(text string, words []string) bool {
	lower := asciiLower(text)
	for _, w := range words {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// lookupAny finds a key in the lesion, stage or encounter tables.
func lookupAny(key string) (keyRef, bool) {
	for _, sec := range []section{secLesion, secStage, secEncounter, secRepair} {
		if ref, ok := lookup(sec, key); ok {
			return ref, true
		}
	}
	if _, _, isStage := splitStage(key); isStage {
		return keyRef{}, true
	}
	return keyRef{}, false
}

// measureOnly reports whether s is a size and nothing more: "3.1 cm",
// "2.4 x 2.0 cm", "4.2 cm2".
func measureOnly(s string) bool {
	for _, w := range strings.Fields(strings.TrimSuffix(s, ".")) {
		if !startsWithNumber(w) && !slices.Contains([]string{"x", "×", "by", "cm", "mm", "cm2", "cm²", "sq"}, strings.ToLower(w)) {
			return false
		}
	}
	return startsWithNumber(s)
}

// linkingVerbs stand between a key written as words and its value: "The
// final closure size is 3.1 cm".
var linkingVerbs = map[string]bool{"is": true, "was": true, "measured": true, "measures": true, "measuring": true}

// leadingKey finds a known lesion key written without a colon at the start
// of a sentence: "Pre-op size 1.0 x 0.8 cm" → "Pre-op size", "1.0 x 0.8
// cm"; and, under an open repair, a repair key written in words when the
// sentence is the key, a verb and a size: "The final closure size is 3.1
// cm" → "final closure size", "3.1 cm".
func leadingKey(v *grammar.Value, repairOpen bool) (key string, rest *grammar.Value, ok bool) {
	if strings.IndexAny(v.Text, "0123456789") < 0 && !strings.Contains(asciiLower(v.Text), "map") {
		return "", nil, false // the value after the key is a number, or a map's yes
	}
	words := strings.Fields(v.Text)
	lead := 0 // "The final closure size is 3.1 cm": the article is not the key's
	if len(words) > 2 && strings.EqualFold(words[0], "the") {
		lead = 1
	}
	for n := min(4, len(words)-1-lead); n >= 1; n-- {
		k := strings.Join(words[lead:lead+n], " ")
		ref, known := lookup(secLesion, k)
		if l := letters(k); !known && (l == "preop" || l == "preoperative" || l == "pre") {
			k, known = "Preoperative size", true // "PRE-OP 2.2 x 1.9 cm", "pre 2.2x1.8cm": a bare pre-op key before a size
		}
		if !known && lead == 0 && repairOpen {
			// "bilobed flap; primary defect 1.1 x 1.0 cm; secondary defect
			// 1.5 x 1.2 cm", "intermediate repair; Len 3.5 cm": the open
			// repair's key before its number
			if ref, known = lookup(secRepair, k); known && ref.field != fDefect && ref.field != fSecondaryDefect && ref.field != fLength {
				ref, known = keyRef{}, false
			}
		}
		worded := !known || lead > 0 // "The final closure size is 3.1 cm": a repair's size in words
		if worded && !repairOpen {
			continue // "The primary defect measured 2.4 x 2.0 cm." before the repair is prose
		}
		if worded {
			ref, known = lookup(secRepair, k)
		}
		if !known {
			continue
		}
		at := 0
		for _, w := range words[:lead+n] {
			at = strings.Index(v.Text[at:], w) + at + len(w)
		}
		after := v.Text[at:]
		trimmed := strings.TrimLeft(after, " \t")
		if worded {
			verb := firstWord(trimmed)
			if !linkingVerbs[strings.ToLower(verb)] {
				continue
			}
			trimmed = strings.TrimLeft(trimmed[len(verb):], " \t") // "… is 3.1 cm"
			if !measureOnly(trimmed) {
				continue // "… measured 2.0 x 1.7 cm and was left to heal …" is prose
			}
		}
		yes := ref.field == fMap && yesWords[strings.ToLower(firstWord(trimmed))]                            // "Map drawn."
		if trimmed == "" || !startsWithNumber(trimmed) && !yes || !isKeyWords(strings.TrimPrefix(k, "2°")) { // "2°def 5.0 sq cm"
			continue // "size > 2 cm" is a criterion, not the key Size
		}
		if ref.field == fSite {
			continue // "Site 3 is in a patient with …": the third lesion, named
		}
		return k, &grammar.Value{Pos: shift(v.Pos, v.Text[:len(v.Text)-len(trimmed)]), Text: trimmed}, true
	}
	return "", nil, false
}

// startsWithNumber reports whether s starts with a digit or "approximately".
func startsWithNumber(s string) bool {
	return s != "" && (s[0] >= '0' && s[0] <= '9' || approxWords[strings.ToLower(firstWord(s))])
}

// splitSentences splits a value into sentences at ". " before a capital
// letter or a digit, keeping abbreviations ("Dr. Smith") whole.
func splitSentences(v *grammar.Value) []*grammar.Value {
	var out []*grammar.Value
	at := positioner{v: v, col: v.Pos.Column}
	s := v.Text
	start := 0
	for i := 0; i+2 < len(s); i++ {
		if s[i] != '.' || s[i+1] != ' ' {
			continue
		}
		j := i + 1
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if j == len(s) || !(s[j] >= 'A' && s[j] <= 'Z' || s[j] >= '0' && s[j] <= '9' || endsMeasure(s[start:i])) || isAbbreviation(s[start:i]) {
			continue
		}
		out = at.appendTrimmed(out, start, i+1)
		start = j
	}
	return at.appendTrimmed(out, start, len(s))
}

// splitAtLowerKeys cuts a sentence again at each period whose next part
// opens in lower case with a known key, as terse notes run a lesion's facts
// together: "nod BCC. bx+ 10/13/26 shave (CF26-5301). ind: H-zone,
// recurrent. preop 1.0x0.8cm" is the diagnosis, its biopsy, the indication
// and the size. A period before any other lower-case word ends
// nothing (splitSentences).
func splitAtLowerKeys(v *grammar.Value) []*grammar.Value {
	var out []*grammar.Value
	s, start := v.Text, 0
	for i := 0; i+2 < len(s); i++ {
		if s[i] != '.' || s[i+1] != ' ' || s[i+2] < 'a' || s[i+2] > 'z' || isAbbreviation(s[start:i]) {
			continue
		}
		rest := trimmedValue(v, i+1, len(s))
		if _, _, sized := leadingKey(rest, false); !sized && !opensWithKey(rest.Text) && !datedBiopsy(firstWords(rest.Text, 3)) {
			continue // ("ind: H-zone", "preop 1.0x0.8cm", "bx+ 10/13/26 shave")
		}
		if part := trimmedValue(v, start, i+1); part != nil {
			out = append(out, part)
		}
		start = i + 1
	}
	if part := trimmedValue(v, start, len(s)); part != nil {
		out = append(out, part)
	}
	return out
}

// endsMeasure reports whether text ends with a measure in cm or mm, which
// ends a sentence though the next opens in lower case: "defect 1.6 x 1.3
// cm. simple repair, …" as busy surgeons type.
func endsMeasure(before string) bool {
	unit := before[strings.LastIndexByte(before, ' ')+1:]
	num := strings.TrimSpace(strings.TrimSuffix(before, unit))
	return (unit == "cm" || unit == "mm") && num != "" && num[len(num)-1] >= '0' && num[len(num)-1] <= '9'
}

// abbreviations end in a period without ending a sentence.
var abbreviations = map[string]bool{"dr": true, "mr": true, "mrs": true, "ms": true, "st": true, "vs": true,
	"approx": true, "e.g": true, "i.e": true, "no": true, "sq": true, "ca": true}

// isAbbreviation reports whether the text before a period ends with an
// abbreviation.
func isAbbreviation(before string) bool {
	i := strings.LastIndexAny(before, " (") + 1
	return abbreviations[strings.ToLower(before[i:])]
}

// planLine keeps a line under a plan that tells a repair done today
// ("1. … - Mohs performed today, 2 stages, 3 blocks, clear. After tumor
// clearance the defect was repaired with a 3.2 cm intermediate (layered)
// closure."), as its lesion's: the repair when nothing else in the note
// repairs the lesion (planRepairs). The rest of a plan tells nothing done.
func (l *lowerer) planLine(t *grammar.Text) {
	lower := asciiLower(t.Text)
	if len(l.out.Lesions) == 0 || !mentions(lower, repairWords) || !mentions(lower, repairDoneWords) {
		return
	}
	line := prose.Line{Text: t.Text, Line: t.Pos.Line, Col: t.Pos.Column}
	k := 0
	if len(l.out.Lesions) > 1 {
		refs := l.lesionMentions([]prose.Line{line})
		if len(refs) != 1 || refs[0].lesion < 0 {
			return // a plan's repair of no one lesion
		}
		k = refs[0].lesion
	}
	if l.planned == nil {
		l.planned = map[int][][]prose.Line{}
	}
	l.planned[k] = append(l.planned[k], []prose.Line{line})
}

// repairDoneWords say a repair was done: "was repaired", "closed with".
var repairDoneWords = []string{"was repaired", "were repaired", "was closed", "were closed", "was reconstructed", "was covered", "repaired with", "closed with"}

// planRepairs gives each lesion that nothing else in the note repairs the
// repairs its plan lines tell done (planLine).
func (l *lowerer) planRepairs() {
	for k := range l.out.Lesions {
		if les := &l.out.Lesions[k]; len(les.Repairs) == 0 && len(l.planned[k]) > 0 {
			f := prose.Read(l.planned[k])
			l.repairsProse(les, &prose.Facts{Repairs: f.Repairs, Timing: f.Timing})
		}
	}
}

// narrativeLine reads a line of text: the sentences that are fields
// ("Defect 1.4 x 1.2 cm.", "After tumor clearance: intermediate layered
// repair, 2.0 cm.", "Indication: facial location.") are read as fields,
// the rest is prose.
func (l *lowerer) narrativeLine(t *grammar.Text) {
	if strings.Contains(asciiLower(l.block.Value), "plan") {
		l.planLine(t) // the text under "PLANNED RECONSTRUCTION:" is a plan, not what was done
		return
	}
	v := &grammar.Value{Pos: t.Pos, Text: t.Text}
	sentences := splitSentences(v)
	// a line of several sentences that names another lesion than the one
	// open ("The nose one came first. … Final defect 1.3 x 1.1 cm. After
	// tumor clearance …" while the last listed lesion is open) is told to the
	// prose reader whole, which routes it: a sentence taken as a field here
	// would be the open lesion's, and cut the line in two
	whole := len(sentences) > 1 && len(l.out.Lesions) > 1 && slices.ContainsFunc(l.lesionMentions([]prose.Line{{Text: t.Text, Line: t.Pos.Line, Col: t.Pos.Column}}), func(r lesionRef) bool {
		return r.lesion >= 0 && r.lesion != l.lesion
	})
	for _, sen := range sentences {
		if f := keyedDate(&grammar.Text{Pos: sen.Pos, Text: strings.TrimSuffix(sen.Text, ".")}); f != nil && !l.out.Encounter.Date.Present() {
			l.field(len(l.lines), f) // "Mohs surgery, left helix. Date 04/15/2026. Mohs surgeon …"
			continue
		}
		if f := keyedPayer(&grammar.Text{Pos: sen.Pos, Text: sen.Text}); f != nil && !l.out.Encounter.Payer.Present() {
			l.field(len(l.lines), f) // "… date of service …, 7/21/2026. Insurance Humana ChoiceCare PPO."
			continue
		}
		if len(sentences) > 1 && stageSentence(sen) {
			// "… Stage 1: blocks x7. Well-differentiated SCC invaded … Tumor
			// reached the deep margin of blocks 2 and 6; …": the sentences
			// after a stage's key in a dictated paragraph are that stage's,
			// which the prose reader tells
			l.paragraph = append(l.paragraph, *sen)
			continue
		}
		if l.lesion >= 0 && !whole && l.sentenceField(sen) {
			continue
		}
		l.paragraph = append(l.paragraph, *sen)
	}
}

// stageSentence reports whether a sentence opens with a stage's key and a
// colon: "Stage 1: blocks x7.", "Stage 1 histology: …".
func stageSentence(v *grammar.Value) bool {
	key, _, ok := strings.Cut(v.Text, ":")
	if !ok || !isKeyLike(key) {
		return false
	}
	_, tail, isStage := splitStage(key)
	return isStage && (tail == "" || stageOnly(tail)) // "Stage 1 histology: …" too
}

// sentenceField reads a sentence that is a field, and reports whether it
// was one.
func (l *lowerer) sentenceField(v *grammar.Value) bool {
	text := strings.TrimSuffix(strings.TrimSpace(v.Text), ".")
	v = &grammar.Value{Pos: v.Pos, Text: text}
	if key, rest, ok := itemKey(v); ok && rest != nil && isKeyLike(key) {
		if ref, ok := lookup(secEncounter, key); ok && ref.field == fPathology && len(readersOf(rest.Text)) == 0 {
			return false // "Path: well-differentiated SCC to mid dermis, no PNI, margins clear": what the slides showed, prose
		}
		if _, known := lookupAny(key); known && !l.proseStageKey(key) {
			l.endParagraph()
			l.field(len(l.lines), &grammar.Field{Pos: v.Pos, Key: key, Value: rest})
			return true
		}
		if isRepairText(rest.Text) && isRepairLead(key) {
			l.endParagraph()
			l.repairText(rest, model.Text{Value: key, Line: v.Pos.Line})
			return true
		}
	}
	if key, rest, ok := leadingKey(v, l.repair >= 0); ok {
		l.endParagraph()
		head, tail, cut := strings.Cut(rest.Text, "; ")
		if !cut || isRepairText(head) || !isRepairText(tail) {
			l.field(len(l.lines), &grammar.Field{Pos: v.Pos, Key: key, Value: rest})
			return true
		}
		// "final defect 1.8 x 1.5 cm; intermediate layered repair, 3.2 cm":
		// the repair after the semicolon is no part of the defect's value
		l.field(len(l.lines), &grammar.Field{Pos: v.Pos, Key: key, Value: &grammar.Value{Pos: rest.Pos, Text: head}})
		repair := trimmedValue(rest, len(head)+2, len(rest.Text))
		if !l.sentenceField(repair) {
			l.paragraph = append(l.paragraph, *repair)
		}
		return true
	}
	return false
}

// proseStageKey reports whether a key inside a sentence speaks of a stage
// the prose around it names ("Stage 1 was excised … Histology: nests of BCC
// … Blocks 2 and 3 were positive."): with no stage section open, the key and
// its value stay in the paragraph, so that the prose reader gives them to
// that stage.
func (l *lowerer) proseStageKey(key string) bool {
	return l.stage < 0 && stageOnly(key)
}

// stageOnly reports whether a key belongs to a stage alone: "Histology",
// "Findings", "Margins".
func stageOnly(key string) bool {
	for _, sec := range []section{secLesion, secEncounter, secRepair} {
		if _, ok := lookup(sec, key); ok {
			return false
		}
	}
	_, ok := lookup(secStage, key)
	return ok
}

// isKeyLike reports whether text before a colon inside a sentence reads as
// a key: a few words, no sentence punctuation.
func isKeyLike(key string) bool {
	return wordCount(key, 6) <= 5 && !strings.ContainsAny(key, ",;.")
}

// isRepairLead reports whether the text before a colon introduces a
// repair: "After tumor clearance", "Repair", "Closure".
func isRepairLead(key string) bool {
	return mentions(key, []string{"clearance", "repair", "closure", "reconstruction"}) &&
		!mentions(key, []string{"plan", "option", "consider"}) // a plan is not a repair
}

// dictationVerbs mark a value dictated as sentences rather than listed as
// items.
var dictationVerbs = []string{" was ", " were ", " measured ", " is ", " had ", " did ",
	// "After tumor clearance I reconstructed the defect with a cheek advancement flap."
	" i reconstructed ", " i repaired ", " i closed ", " we reconstructed ", " we repaired ", " we closed ",
	" consisted "} // "Stage 1 consisted of 3 section(s). Margin status: positive.", a generated sentence

// isDictated reports whether a value is dictated prose.
func isDictated(s string) bool {
	lower := " " + asciiLower(s) + " "
	for _, v := range dictationVerbs {
		if strings.Contains(lower, v) {
			return true
		}
	}
	return false
}

// restOfValue gives the prose reader what a field's value says beyond the
// field: the sentences after a size ("Final defect: 1.4 x 1.2 cm. After
// tumor clearance, the defect was repaired with …"), and a dictated
// indication that also tells the biopsy and the size.
func (l *lowerer) restOfValue(ref keyRef, f *grammar.Field, v *grammar.Value) {
	if v == nil {
		return
	}
	switch ref.field {
	case fSize, fFinalDefect, fExcisionMargin:
		sentences := splitSentences(v)
		from := min(1, len(sentences))
		if from == 1 && ref.field == fFinalDefect && mentions(sentences[0].Text, []string{" closed ", " repaired ", " reconstructed ", " heal ", " intention"}) && isRepairText(sentences[0].Text) {
			// "Final defect 1.2 x 1.0 cm, closed after tumor clearance with an
			// intermediate layered repair of 2.0 cm.", "Defect 1.9 x 1.6 cm,
			// left to heal by 2nd intention."
			from = 0
		}
		for _, sen := range sentences[from:] {
			l.narrativeLine(&grammar.Text{Pos: sen.Pos, Text: sen.Text})
		}
		l.endParagraph()
	case fMap:
		if readerStatement(v.Text) {
			l.proseField(f, v) // "Map: drawn; slides read by the Mohs surgeon"
		}
	case fIndication, fDiagnosis, fPostopDiagnosis:
		if isDictated(v.Text) || ref.field == fIndication && tellsTumor(v.Text) {
			l.proseField(f, v)
			return
		}
		sentences := splitSentences(v) // "Reason for Mohs: temple. Clinical size 1.1 x 0.9 cm. Map drawn."
		from := min(1, len(sentences))
		if from == 1 && (ref.field == fIndication && (tellsSize(sentences[0].Text) || tellsMeasure(sentences[0].Text)) || ref.field == fDiagnosis && tellsMeasure(sentences[0].Text)) {
			// "INDICATION: Preauricular location (H-zone), ill-defined borders, size 1.6 x 1.4 cm.",
			// "Why Mohs: recurrent tumor in a prior excision scar, 2.6 x 2.2 cm, …",
			// "Preoperative: … left temple (shave biopsy 03/05/2026), 1.3 x 1.1 cm.": the prose reads the size too
			from = 0
		}
		for _, sen := range sentences[from:] {
			l.narrativeLine(&grammar.Text{Pos: sen.Pos, Text: sen.Text})
		}
		l.endParagraph()
	}
}

// tellsSize reports whether a value states a size in words and digits
// ("size 1.6 x 1.4 cm", "measuring 8 mm").
func tellsSize(s string) bool {
	return mentions(s, []string{"size", "measur"}) && strings.ContainsAny(s, "0123456789")
}

// tellsMeasure reports whether text holds a length in cm or mm after a
// digit ("1.3 x 1.1 cm", "8mm").
func tellsMeasure(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if (s[i] == 'c' || s[i] == 'm') && s[i+1] == 'm' && (i+2 == len(s) || !isLetterByte(s[i+2])) {
			j := i - 1
			for j >= 0 && s[j] == ' ' {
				j--
			}
			if j >= 0 && s[j] >= '0' && s[j] <= '9' {
				return true
			}
		}
	}
	return false
}

// deferralWords say a closure is left to a later visit: such a repair value
// stays a field, whose words the coding rules read.
var deferralWords = []string{"delayed", "will return", "later date", "later visit", "scheduled", "deferred"}

// isDeferred reports whether a repair value defers the closure.
func isDeferred(s string) bool { return mentions(s, deferralWords) }

// splitFields splits a value at semicolons that start a known key: "BCC
// (bx 10/13/2026); Indication: nose; Map: yes" is the value "BCC (bx
// 10/13/2026)" and the fields Indication and Map. A value with no such
// semicolon is returned whole.
func splitFields(v *grammar.Value) (*grammar.Value, []*grammar.Field) {
	if strings.IndexByte(v.Text, ';') < 0 && !strings.Contains(v.Text, ". ") {
		return v, nil
	}
	var parts []*grammar.Value // "…; Indication: nose" and "03/16/2026. Surgeon: …"
	for _, p := range splitOutside(v, ";") {
		parts = append(parts, splitSentences(p)...)
	}
	var fields []*grammar.Field
	first := -1
	for k, p := range parts {
		key, rest, ok := itemKey(p)
		if k > 0 && ok && rest != nil && isKeyLike(key) {
			// "…; I read them. HISTOLOGY: nests …" stays prose, and so does
			// "… Stage 1 histology: …; tumor reached … The second stage was …"
			// with sentences after it, which the prose reader gives their stages
			if _, known := lookupAny(key); known && !stageOnly(key) && !(k < len(parts)-1 && stageSentence(p)) {
				fields = append(fields, &grammar.Field{Pos: p.Pos, Key: key, Value: rest})
				continue
			}
		}
		if k > 0 && k == len(parts)-1 && !ok {
			if key, rest, ok := leadingKey(p, false); ok && len(fields) == 0 {
				fields = append(fields, &grammar.Field{Pos: p.Pos, Key: key, Value: rest}) // "Pre-op size: 1.1 x 0.9 cm; map drawn"
				continue
			}
		}
		if len(fields) > 0 {
			// text after a field continues that field's value
			last := fields[len(fields)-1]
			last.Value = &grammar.Value{Pos: last.Value.Pos, Text: last.Value.Text + "; " + p.Text}
			continue
		}
		first = k
	}
	if len(fields) == 0 || first < 0 {
		return v, nil
	}
	end := parts[first].Pos.Offset - v.Pos.Offset + len(parts[first].Text)
	return &grammar.Value{Pos: v.Pos, Text: v.Text[:end]}, fields
}

// isStageField reports whether a field is a stage or repair key, whose
// value keeps its own items ("Stage 1: 3 blocks; margins: …; Histology: …").
func isStageField(f *grammar.Field) bool {
	if ref, ok := lookup(secLesion, f.Key); ok && ref.field == fRepair {
		return true // a repair's value has its own items ("…; site: …; timing: …")
	}
	_, _, isStage, _ := stageKey(f)
	return isStage
}
