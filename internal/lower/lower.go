package lower

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mohscode/mohscode/grammar"
	"github.com/mohscode/mohscode/internal/anatomy"
	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/model"
)

// Lower builds the procedure model of a parsed note. name is the note's
// source, used in error positions. It fails with a *diag.ParseError when a
// value does not fit its key or a field stands where it cannot.
func Lower(name string, note *grammar.Note) (*model.Note, error) {
	l := &lowerer{
		out:    &model.Note{Source: name, Lesions: make([]model.Lesion, 0, 2)},
		lines:  note.Lines,
		lesion: -1, stage: -1, repair: -1, biopsy: -1,
	}
	for _, line := range note.Lines {
		if line.Heading != nil && !line.Heading.Biopsy() {
			l.headed = true
			break
		}
	}
	if !l.headed {
		l.out.Lesions = append(l.out.Lesions, model.Lesion{Label: "1", Line: 0})
		l.lesion = 0
	}
	for i := 0; i < len(note.Lines); i++ {
		line := note.Lines[i]
		var err error
		switch {
		case line.Heading != nil:
			err = l.heading(line.Heading)
		case line.Field != nil:
			var taken int
			taken, err = l.field(i, line.Field)
			i = max(i, taken)
		}
		if err != nil {
			return nil, err
		}
	}
	l.finish()
	return l.out, nil
}

type lowerer struct {
	out    *model.Note
	lines  []*grammar.Line
	headed bool // the note has lesion headings
	// indexes of the open lesion and sections, -1 when none
	lesion, stage, repair, biopsy int
}

func (l *lowerer) cur() *model.Lesion { return &l.out.Lesions[l.lesion] }

func (l *lowerer) closeSections() { l.stage, l.repair = -1, -1 }

func (l *lowerer) heading(h *grammar.Heading) error {
	l.closeSections()
	l.biopsy = -1
	label := ""
	if h.Label != nil {
		label = normalLabel(h.Label.Value)
	}
	text := textOf(h.Text)
	if h.Biopsy() {
		if label == "" {
			label = freeLabel(len(l.out.Biopsies)+1, func(s string) bool { return l.biopsyLine(s) > 0 })
		} else if line := l.biopsyLine(label); line > 0 {
			return duplicateLabel(h, "Biopsy", label, line)
		}
		l.out.Biopsies = append(l.out.Biopsies, model.Biopsy{Label: label, Line: h.Pos.Line, Value: text})
		l.biopsy = len(l.out.Biopsies) - 1
		return nil
	}
	if label == "" {
		label = freeLabel(len(l.out.Lesions)+1, func(s string) bool { return l.lesionLine(s) > 0 })
	} else if line := l.lesionLine(label); line > 0 {
		return duplicateLabel(h, "Lesion", label, line)
	}
	l.out.Lesions = append(l.out.Lesions, model.Lesion{Label: label, Line: h.Pos.Line, HeadingText: text})
	l.lesion = len(l.out.Lesions) - 1
	return nil
}

// lesionLine is the heading line of the lesion labelled label, or 0.
func (l *lowerer) lesionLine(label string) int {
	for _, les := range l.out.Lesions {
		if les.Label == label {
			return les.Line
		}
	}
	return 0
}

// biopsyLine is the heading line of the biopsy labelled label, or 0.
func (l *lowerer) biopsyLine(label string) int {
	for _, b := range l.out.Biopsies {
		if b.Label == label {
			return b.Line
		}
	}
	return 0
}

// freeLabel numbers an unlabelled heading: its position, or the next
// number no other heading uses.
func freeLabel(n int, used func(string) bool) string {
	for used(strconv.Itoa(n)) {
		n++
	}
	return strconv.Itoa(n)
}

// duplicateLabel is the error of a heading whose label is already used:
// two lesions under one label would share their lines and diagnosis.
func duplicateLabel(h *grammar.Heading, word, label string, line int) error {
	return &diag.ParseError{Filename: h.Pos.Filename, Line: h.Pos.Line, Column: h.Label.Pos.Column,
		Message: fmt.Sprintf("%s %s: the label %s is already used by the %s on line %d", word, label, label, strings.ToLower(word), line)}
}

func textOf(v *grammar.Value) model.Text {
	if v == nil {
		return model.Text{}
	}
	return model.Text{Value: v.Text, Line: v.Pos.Line}
}

// field places the field on line i. When it takes a later line as its
// value it returns that line's index, so the caller skips it; else 0.
func (l *lowerer) field(i int, f *grammar.Field) (taken int, err error) {
	v := f.Value
	skip := 0
	valueFrom := func() {
		if v == nil {
			v, skip = l.nextNarrative(i)
		}
	}
	if l.stage >= 0 {
		if ref, ok := lookup(secStage, f.Key); ok {
			valueFrom()
			return skip, l.stageField(&l.cur().Stages[l.stage], ref, v)
		}
	}
	if l.repair >= 0 {
		if ref, ok := lookup(secRepair, f.Key); ok {
			valueFrom()
			return skip, repairField(&l.cur().Repairs[l.repair], ref, v)
		}
	}
	if l.biopsy >= 0 {
		if ref, ok := lookup(secBiopsy, f.Key); ok {
			valueFrom()
			return skip, l.biopsyField(&l.out.Biopsies[l.biopsy], ref, v)
		}
	}
	if ordinal, isStage, err := stageOrdinal(f); isStage {
		if err != nil {
			return 0, err
		}
		return 0, l.openStage(f, ordinal)
	}
	if ref, ok := lookup(secEncounter, f.Key); ok {
		l.closeSections()
		l.biopsy = -1
		valueFrom()
		return skip, l.encounterField(ref, v)
	}
	if ref, ok := lookup(secLesion, f.Key); ok {
		if ref.field != fRepair {
			valueFrom()
		}
		if err := l.needLesion(f); err != nil {
			return 0, err
		}
		l.closeSections()
		l.biopsy = -1
		return skip, l.lesionField(ref, f, v)
	}
	l.unknown(f)
	return 0, nil
}

// nextNarrative returns the next non-blank line after line i, and its
// index, when it is narrative: exports often put a value under its heading.
func (l *lowerer) nextNarrative(i int) (*grammar.Value, int) {
	for j := i + 1; j < len(l.lines); j++ {
		line := l.lines[j]
		switch {
		case line.Narrative != nil:
			return &grammar.Value{Pos: line.Narrative.Pos, Text: line.Narrative.Text}, j
		case line.Heading != nil || line.Field != nil:
			return nil, 0
		}
	}
	return nil, 0
}

// needLesion checks that a lesion field has a lesion to belong to.
func (l *lowerer) needLesion(f *grammar.Field) error {
	if l.lesion >= 0 {
		if l.cur().Line == 0 {
			l.cur().Line = f.Pos.Line
		}
		return nil
	}
	return &diag.ParseError{Filename: f.Pos.Filename, Line: f.Pos.Line, Column: f.Pos.Column,
		Message: fmt.Sprintf("%s: a lesion field before the first Lesion heading (the note has Lesion headings, so every lesion field goes under one)", f.Key)}
}

func (l *lowerer) unknown(f *grammar.Field) {
	sections := []section{secEncounter, secLesion}
	switch {
	case l.stage >= 0:
		sections = append(sections, secStage)
	case l.repair >= 0:
		sections = append(sections, secRepair)
	case l.biopsy >= 0:
		sections = append(sections, secBiopsy)
	}
	known, ok := nearMiss(f.Key, sections)
	if !ok {
		return
	}
	miss := model.NearMiss{Key: f.Key, Known: known.name, Section: known.section.String(), Line: f.Pos.Line}
	if l.lesion >= 0 && known.section != secEncounter {
		miss.Lesion = l.cur().Label
	}
	l.out.NearMisses = append(l.out.NearMisses, miss)
}

// stageWords open a stage key.
var stageWords = []string{"stage", "layer", "level"}

// ordinalWords are number words that show a key means a stage ("Stage two"),
// even though only digits and roman numerals are valid ordinals.
var ordinalWords = map[string]bool{"one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "first": true, "second": true, "third": true, "final": true}

// stageOrdinal recognises a "Stage N" key (also "Layer N", "Level N") in
// any spacing — "Stage1", "Stage-2", "STAGE II (final)", "Stage 2 of 3" —
// and reports an ordinal that is neither 1–99 nor a roman numeral I–XX as
// an error. A key that only starts with the word ("Level of anesthesia",
// "Stage notes") is not a stage key.
func stageOrdinal(f *grammar.Field) (ordinal string, isStage bool, err error) {
	key := f.Key
	word := ""
	for _, w := range stageWords {
		if len(key) >= len(w) && strings.EqualFold(key[:len(w)], w) && (len(key) == len(w) || !isLetterRune(rune(key[len(w)]))) {
			word = key[:len(w)]
			break
		}
	}
	if word == "" {
		return "", false, nil
	}
	rest := strings.TrimLeft(key[len(word):], " \t-#")
	at := len(key) - len(rest)
	if open := strings.IndexByte(rest, '('); open > 0 && strings.HasSuffix(rest, ")") {
		rest = rest[:open] // a remark: "STAGE II (final)"
	}
	rest = strings.TrimSpace(rest)
	if rest == "" && f.Value != nil {
		return "", false, nil // "Stage: T2a" is a tumor stage written in the note, not a Mohs stage
	}
	if rest != "" && rest[0] != '~' && (rest[0] < '0' || rest[0] > '9') {
		first := strings.ToLower(firstWord(rest))
		if grammar.Roman(first) == 0 && !ordinalWords[first] {
			return "", false, nil
		}
	}
	words := strings.Fields(rest)
	if len(words) == 3 && strings.EqualFold(words[1], "of") {
		words = words[:1] // "Stage 2 of 3"
	}
	if len(words) == 1 {
		if _, ok := grammar.Ordinal(words[0]); ok {
			return words[0], true, nil
		}
	}
	return "", true, &diag.ParseError{Filename: f.Pos.Filename, Line: f.Pos.Line, Column: f.Pos.Column + utf8.RuneCountInString(key[:at]),
		Message: fmt.Sprintf("%s: expected a stage number (1 to 99, or a roman numeral I to XX), found %q", word, rest)}
}

func (l *lowerer) openStage(f *grammar.Field, ordinal string) error {
	if err := l.needLesion(f); err != nil {
		return err
	}
	l.closeSections()
	l.biopsy = -1
	n, _ := grammar.Ordinal(ordinal)
	les := l.cur()
	les.Stages = append(les.Stages, model.Stage{Ordinal: ordinal, Number: n, Line: f.Pos.Line})
	l.stage = len(les.Stages) - 1
	if f.Value != nil {
		return l.stageInline(&les.Stages[l.stage], f.Value)
	}
	return nil
}

func (l *lowerer) encounterField(ref keyRef, v *grammar.Value) error {
	if v == nil {
		return nil
	}
	enc := &l.out.Encounter
	t := textOf(v)
	switch ref.field {
	case fDate:
		iso, err := grammar.ParseDate(ref.name, v)
		if err != nil {
			return err
		}
		enc.Date = model.Text{Value: iso, Line: v.Pos.Line}
	case fSurgeon:
		enc.Surgeon = t
	case fPathology:
		enc.Pathology = t
	case fPayer:
		enc.Payer = t
	case fPlaceOfService:
		enc.PlaceOfService = model.Text{Value: placeOfService(t.Value), Line: t.Line}
	}
	return nil
}

func (l *lowerer) lesionField(ref keyRef, f *grammar.Field, v *grammar.Value) error {
	les := l.cur()
	if ref.field == fRepair {
		les.Repairs = append(les.Repairs, model.Repair{Line: f.Pos.Line, Value: textOf(v)})
		l.repair = len(les.Repairs) - 1
		if v == nil {
			return nil
		}
		return repairValue(&les.Repairs[l.repair], v)
	}
	if v == nil {
		return nil
	}
	t := textOf(v)
	var err error
	switch ref.field {
	case fSite:
		les.Site.Text = t
	case fLaterality:
		les.Laterality = t
	case fDiagnosis:
		les.Diagnosis = t
	case fPostopDiagnosis:
		les.PostopDiagnosis = t
	case fIndication:
		les.Indication = t
	case fSize:
		les.Size, err = size(ref.name, v)
	case fFinalDefect:
		les.FinalDefect, err = size(ref.name, v)
	case fDeepStructures:
		les.DeepStructures = t
	case fPriorBiopsy:
		les.PriorBiopsy, err = flag(ref.name, v, true)
	case fSameDayBiopsy:
		if !isNegative(v.Text) {
			les.SameDayBiopsy = t
		}
	case fFrozenSection:
		les.FrozenSection, err = frozenSection(v)
	case fMap:
		les.Map, err = flag(ref.name, v, false)
	case fTotalStages:
		les.TotalStages, err = count(ref.name, v, 0)
	case fTotalBlocks:
		les.TotalBlocks, err = count(ref.name, v, 0)
	}
	return err
}

func (l *lowerer) stageField(st *model.Stage, ref keyRef, v *grammar.Value) error {
	if v == nil {
		return nil
	}
	t := textOf(v)
	var err error
	switch ref.field {
	case fBlocks:
		st.Blocks, err = count(ref.name, v, 1)
	case fStain:
		st.Stains = append(st.Stains, stains(t, false)...)
	case fSpecialStain:
		st.Stains = append(st.Stains, stains(t, true)...)
	case fMargins:
		st.Margins = append(st.Margins, margins(t)...)
	case fDecision:
		st.Decision = joinText(st.Decision, t)
	case fHistology:
		st.Histology = joinText(st.Histology, t)
	case fReason:
		st.Reason = joinText(st.Reason, t)
	}
	return err
}

// joinText appends a second value of a text field to the first.
func joinText(a, b model.Text) model.Text {
	if !a.Present() {
		return b
	}
	a.Value += "; " + b.Value
	return a
}

// repairField sets one field of a repair, given indented or inline.
func repairField(r *model.Repair, ref keyRef, v *grammar.Value) error {
	if v == nil {
		return nil
	}
	t := textOf(v)
	var err error
	switch ref.field {
	case fType:
		r.Type = t
	case fLength:
		r.Length, err = size(ref.name, v)
	case fArea:
		r.Area, err = size(ref.name, v)
	case fDefect:
		r.Defect, err = size(ref.name, v)
	case fSecondaryDefect:
		if isNegative(v.Text) {
			r.SecondaryDefect = model.Size{None: true, Line: v.Pos.Line} // "none": documented as no secondary defect
			break
		}
		r.SecondaryDefect, err = size(ref.name, v)
	case fSite:
		r.Site.Text = t
	case fTiming:
		r.Timing = t
	case fBy:
		r.By = t
	}
	return err
}

func (l *lowerer) biopsyField(b *model.Biopsy, ref keyRef, v *grammar.Value) error {
	if v == nil {
		return nil
	}
	t := textOf(v)
	var err error
	switch ref.field {
	case fType:
		b.Type = t
	case fSite:
		b.Site.Text = t
	case fDiagnosis:
		b.Diagnosis = t
	case fFrozenSection:
		b.FrozenSection, err = frozenSection(v)
	}
	return err
}

// finish resolves sites and fills what the sections imply.
func (l *lowerer) finish() {
	for i := range l.out.Lesions {
		les := &l.out.Lesions[i]
		if les.Line == 0 {
			les.Line = 1
		}
		if !les.Site.Text.Present() && les.HeadingText.Present() {
			les.Site.Text = les.HeadingText
		}
		resolve(&les.Site)
		for j := range les.Repairs {
			resolve(&les.Repairs[j].Site)
		}
	}
	for i := range l.out.Biopsies {
		b := &l.out.Biopsies[i]
		biopsyValue(b)
		resolve(&b.Site)
	}
	l.out.Lines = len(l.lines)
}

func resolve(s *model.Site) {
	if s.Text.Present() {
		s.Anatomy, s.Resolved = anatomy.Resolve(s.Text.Value)
	}
}

// placeOfService keeps the code of a place of service: "11 (office)" and
// "POS 11" are "11"; text without a code is kept as written.
func placeOfService(v string) string {
	start := strings.IndexFunc(v, func(r rune) bool { return r >= '0' && r <= '9' })
	if start < 0 {
		return strings.TrimSuffix(v, ".")
	}
	end := start
	for end < len(v) && v[end] >= '0' && v[end] <= '9' {
		end++
	}
	return v[start:end]
}

// normalLabel writes a heading label one way: letters and roman numerals
// in capitals ("b" → "B", "ii" → "II"), numbers without leading zeros.
func normalLabel(label string) string {
	if n, err := strconv.Atoi(label); err == nil {
		return strconv.Itoa(n)
	}
	return strings.ToUpper(label)
}
