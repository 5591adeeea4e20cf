package lower

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mohscode/mohscode/grammar"
	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/model"
)

// lesionLine is the label line of the lesion labelled label, or 0.
func (l *lowerer) lesionLine(label string) int {
	for _, les := range l.out.Lesions {
		if les.Label == label {
			return max(les.Line, 1)
		}
	}
	return 0
}

// biopsyLine is the label line of the biopsy labelled label, or 0.
func (l *lowerer) biopsyLine(label string) int {
	for _, b := range l.out.Biopsies {
		if b.Label == label {
			return max(b.Line, 1)
		}
	}
	return 0
}

// freeLabel numbers an unlabelled section: its position, or the next
// number no other section uses.
func freeLabel(n int, used func(string) bool) string {
	for used(strconv.Itoa(n)) {
		n++
	}
	return strconv.Itoa(n)
}

// stageWords name a Mohs stage in a key.
var stageWords = []string{"stage", "layer", "level", "stg", "lvl"}

// ordinalWords are the words that number a stage before or after its word
// ("First stage", "2nd Stage", "Stage two").
var ordinalWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "first": 1, "second": 2, "third": 3, "fourth": 4,
	"fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
	"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8, "9th": 9, "10th": 10}

// stageKey recognises a stage key: "Stage 2", "STAGE II (final)", "Layer
// I", "Level 1", "Stage 2 of 3", "1st Stage", "Stage 1 histology",
// "HISTOLOGY (LAYER I)". ref names the stage field of a stage-scoped key
// (fNone for the stage itself). A key that only starts with a stage word
// ("Level of anesthesia", "Stage notes") is not a stage key; a stage word
// with an ordinal that is neither 1–99 nor a roman numeral is an error.
func stageKey(f *grammar.Field) (ordinal string, ref keyRef, isStage bool, err error) {
	key := f.Key
	if open := strings.IndexByte(key, '('); open > 0 && strings.HasSuffix(key, ")") {
		if r, known := lookup(secStage, key[:open]); known {
			if inner := key[open+1 : len(key)-1]; romanNumeral.MatchString(inner + ": ") {
				return inner, r, true, nil // "Histo (I): nodular BCC, …" in a note that keys its stages "I:", "II:"
			}
			if ord, tail, ok := splitStage(key[open+1 : len(key)-1]); ok && tail == "" {
				return ord, r, true, nil
			}
		}
	}
	ord, tail, ok := splitStage(key)
	if !ok {
		if ord, r, known := factBeforeStage(key); known {
			return ord, r, true, nil // "Hist stg 1: nodular BCC, mid dermis, no PNI"
		}
		return "", keyRef{}, false, nil
	}
	if open := strings.IndexByte(tail, '('); open >= 0 && strings.HasSuffix(tail, ")") {
		tail = strings.TrimSpace(tail[:open]) // a remark: "STAGE II (final)", "Stage I (3 sections)"
	}
	if words := strings.Fields(tail); len(words) == 2 && strings.EqualFold(words[0], "of") {
		tail = "" // "Stage 2 of 3"
	}
	if tail != "" {
		r, known := lookup(secStage, tail)
		switch {
		case known:
			ref = r
		case len(strings.Fields(tail)) == 1 && len(tail) <= 2:
			ord = rawOrdinal(key) // "Stage two-b", "Stage 2 2": a malformed ordinal
		default:
			return "", keyRef{}, false, nil
		}
	}
	if ord == "" && f.Value != nil {
		return "", keyRef{}, false, nil // "Stage: T2a" is a tumor stage, not a Mohs stage
	}
	if n, valid := stageNumber(ord); !valid || n == 0 {
		at := len(key) - len(rawOrdinal(key))
		return "", keyRef{}, true, &diag.ParseError{Filename: f.Pos.Filename, Line: f.Pos.Line,
			Column:  f.Pos.Column + utf8.RuneCountInString(key[:at]),
			Message: fmt.Sprintf("%s: expected a stage number (1 to 99, or a roman numeral I to XX), found %q", firstWord(key), ord)}
	}
	return ord, ref, true, nil
}

// factBeforeStage reads a stage key that names the stage's fact before the
// stage ("Hist stg 1", "Margins stage 2", "Blocks layer II"): the ordinal
// and the fact's key; known is false for any other key.
func factBeforeStage(key string) (ordinal string, ref keyRef, known bool) {
	if !slices.ContainsFunc(stageWords, func(w string) bool { return containsFold(key, w) }) {
		return "", keyRef{}, false // the cheap test first: most keys name no stage
	}
	words := strings.Fields(strings.TrimRight(strings.TrimSpace(key), ". "))
	n := len(words)
	if n < 3 || n > 5 || !isStageWord(words[n-2]) {
		return "", keyRef{}, false
	}
	if v, valid := stageNumber(words[n-1]); !valid || v == 0 {
		return "", keyRef{}, false
	}
	r, known := lookup(secStage, strings.Join(words[:n-2], " "))
	return words[n-1], r, known
}

// splitStage splits a key into its stage ordinal and what follows:
// "Stage 1 histology" → "1", "histology"; "2nd Stage" → "2nd", "". ok is
// false when the key names no stage.
func splitStage(key string) (ordinal, tail string, ok bool) {
	key = strings.TrimRight(strings.TrimSpace(key), ". ") // "Stage 1..........:" (dot leaders)
	var buf [12]string                                    // the words, without allocating for a key of a dozen words
	words := buf[:0]
	for w := range strings.FieldsFuncSeq(key, func(r rune) bool { return unicode.IsSpace(r) || r == '-' || r == '#' }) {
		words = append(words, w)
	}
	if len(words) > 1 && strings.EqualFold(words[0], "mohs") {
		if n := words[1]; len(n) <= 2 && grammar.IsDigits(n) || strings.Trim(n, "IV") == "" && grammar.Roman(n) > 0 { // upper-case I and V only: "Mohs x 2" is no stage
			return n, strings.Join(words[2:], " "), true // "MOHS I: 3 blocks; …", "Mohs 2: 1 block, neg."
		}
		words = words[1:] // "Mohs stage 1", "Mohs layer II"
	}
	if len(words) == 0 {
		return "", "", false
	}
	if len(words) >= 2 && isStageWord(words[1]) {
		if isOrdinalWord(words[0]) {
			return words[0], strings.Join(words[2:], " "), true
		}
	}
	first := words[0]
	if len(first) >= 2 && len(first) <= 3 && (first[0] == 's' || first[0] == 'S') && grammar.IsDigits(first[1:]) {
		return words[0][1:], strings.Join(words[1:], " "), true // "S1: 2 blocks", "S1 histology"
	}
	if len(words) >= 2 && strings.EqualFold(first, "st") && grammar.IsDigits(words[1]) && len(words[1]) <= 2 {
		return words[1], strings.Join(words[2:], " "), true // "St 1: 2 blks, neg."
	}
	for _, w := range stageWords {
		if !startsFold(first, w) {
			continue
		}
		rest := first[len(w):]
		switch {
		case rest == "" && len(words) == 1:
			return "", "", true
		case rest == "":
			next := words[1]
			if _, ok := stageNumber(next); ok || next[0] >= '0' && next[0] <= '9' || next[0] == '~' || grammar.Roman(next) > 0 {
				return strings.TrimLeft(next, "~"), strings.Join(words[2:], " "), true
			}
			if isOrdinalWord(next) {
				return next, strings.Join(words[2:], " "), true
			}
			return "", "", false
		case rest[0] >= '0' && rest[0] <= '9':
			return words[0][len(w):], strings.Join(words[1:], " "), true // "Stage1"
		}
	}
	return "", "", false
}

// isOrdinalWord reports whether w, in any case, is one of ordinalWords
// ("second", "Third"); the word is lower-cased on the stack.
func isOrdinalWord(w string) bool {
	var buf [16]byte
	if len(w) > len(buf) {
		return false // longer than any ordinal word
	}
	b := buf[:len(w)]
	for i := range len(w) {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	_, known := ordinalWords[string(b)]
	return known
}

// rawOrdinal is what follows a key's stage word, as written: "two-b" in
// "Stage two-b".
func rawOrdinal(key string) string {
	lower := strings.ToLower(key)
	for _, w := range stageWords {
		if strings.HasPrefix(lower, w) {
			return strings.TrimSpace(strings.TrimLeft(key[len(w):], " \t-#"))
		}
	}
	return key
}

// isStageWord reports whether w is "stage", "layer" or "level".
func isStageWord(w string) bool {
	w = strings.ToLower(w)
	for _, s := range stageWords {
		if w == s {
			return true
		}
	}
	return false
}

// stageNumber reads a stage ordinal: 1–99, a roman numeral I–XX, or an
// ordinal word ("2nd", "second").
func stageNumber(ord string) (int, bool) {
	if n, ok := ordinalWords[strings.ToLower(ord)]; ok {
		return n, true
	}
	return grammar.Ordinal(ord)
}

// stageNumbered returns the stage of the current lesion numbered ordinal,
// opening it when the note has not yet named it.
func (l *lowerer) stageNumbered(f *grammar.Field, ordinal string) *model.Stage {
	if !l.needLesion(f) {
		return nil
	}
	n, _ := stageNumber(ordinal)
	les := l.cur()
	for i := range les.Stages {
		if les.Stages[i].Number == n {
			return &les.Stages[i]
		}
	}
	les.Stages = append(les.Stages, model.Stage{Ordinal: ordinal, Number: n, Line: f.Pos.Line})
	return &les.Stages[len(les.Stages)-1]
}

// restatedStage returns the current lesion's stage numbered ordinal when a
// "Stage N:" part inside another field's value (line i past the note's
// lines: "FINDINGS: Stage I: … Stage II: clear.") names a stage already
// listed, or when a stage line of its own names a stage a row of a Mohs log
// listed ("Stage 2: cleared; complex repair." under the log): the same
// stage in another layout. nil otherwise: a stage line of its own after
// stage lines is always a stage entry (stages are counted as listed).
func (l *lowerer) restatedStage(i int, ordinal string) *model.Stage {
	if l.lesion < 0 {
		return nil
	}
	n, ok := stageNumber(ordinal)
	if !ok {
		return nil
	}
	les := l.cur()
	for k := range les.Stages {
		if les.Stages[k].Number == n && (i >= len(l.lines) || l.fromLog(les.Stages[k].Line) && l.lines[i].Row == nil) {
			l.closeSections()
			l.stage = k
			return &les.Stages[k]
		}
	}
	return nil
}

// fromLog reports whether note line n is a row of a table.
func (l *lowerer) fromLog(n int) bool {
	line := l.lineAt(n)
	return line != nil && line.Row != nil
}

// lineAt is the note's line number n, nil when the note has none (found by
// number: a page break's lines are not in l.lines).
func (l *lowerer) lineAt(n int) *grammar.Line {
	k, found := slices.BinarySearchFunc(l.lines, n, func(line *grammar.Line, n int) int { return line.Pos.Line - n })
	if !found {
		return nil
	}
	return l.lines[k]
}

// restate fills a stage listed before with what a restatement of it says
// and the stage does not; a different block count leaves the count unknown
// (prose-ambiguous), never one of the two.
func (l *lowerer) restate(st *model.Stage, f *grammar.Field) {
	if f.Value == nil {
		return
	}
	again := model.Stage{Ordinal: st.Ordinal, Number: st.Number, Line: f.Pos.Line}
	if isSentences(f.Value.Text) {
		l.stageSentences(st, f)
		return
	}
	l.problem(l.stageInline(&again, f.Value))
	switch {
	case again.Blocks.Present() && st.Blocks.Present() && again.Blocks.N != st.Blocks.N:
		l.report(ProseAmbiguous.At(l.cur().Label, f.Pos.Line, f.Pos.Column, "stage %s is stated with %d blocks on line %d and %d blocks here: the count is taken as unknown", st.Name(), st.Blocks.N, st.Blocks.Line, again.Blocks.N))
		st.Blocks = model.Count{}
	case !st.Blocks.Present():
		st.Blocks = again.Blocks
	}
	if len(st.Margins) == 0 {
		st.Margins = again.Margins
	}
	if len(st.Stains) == 0 {
		st.Stains = again.Stains
	}
	if !st.Histology.Present() {
		st.Histology = again.Histology
	}
}

// openStage opens the stage a "Stage N:" field names and reads its inline
// items; a value written as sentences goes to the prose reader.
func (l *lowerer) openStage(f *grammar.Field, ordinal string) {
	if !l.needLesion(f) {
		return
	}
	if f.Value != nil {
		if m := nextStageArrow.FindStringIndex(f.Value.Text); m != nil {
			// "I: 3 blks; blk 2 + deep; blks 1,3 neg -> II": the arrow points to
			// the next stage, no stain or margin of this one
			f = &grammar.Field{Pos: f.Pos, Key: f.Key, Value: trimmedValue(f.Value, 0, m[0])}
		}
	}
	l.closeSections()
	l.biopsy = -1
	n, _ := stageNumber(ordinal)
	les := l.cur()
	if k := slices.IndexFunc(les.Stages, func(st model.Stage) bool {
		return n > 0 && st.Number == n && !st.Blocks.Present() && len(st.Margins) == 0
	}); k >= 0 {
		// "Stage 1 histology: …" in the narrative above, then "Stage 1: 3
		// blocks; clear": one stage, which the histology key opened
		l.stage = k
		les.Stages[k].Line = f.Pos.Line
	} else {
		les.Stages = append(les.Stages, model.Stage{Ordinal: ordinal, Number: n, Line: f.Pos.Line})
		l.stage = len(les.Stages) - 1
	}
	if f.Value != nil && isSentences(f.Value.Text) {
		// "Stage I: The visible tumor was debulked … divided into three
		// pieces": the stage is this field's; what the sentences say of it
		// is read as prose of that stage, and the fields under it still
		// belong to it. Items before the first sentence's end ("3 blks; blk
		// 2 + (radial), blks 1 & 3 neg. SCCIS w/ …") are read as items
		// first: the prose fills what they leave out.
		if head, _, _ := strings.Cut(f.Value.Text, ". "); strings.Contains(head, ";") || isCountItem(strings.TrimSpace(head)) { // "2 blks. Blk 1 pos at …"
			var items model.Stage
			if l.stageInline(&items, &grammar.Value{Pos: f.Value.Pos, Text: head}) == nil {
				st := &les.Stages[l.stage]
				st.Blocks, st.Margins = items.Blocks, items.Margins
			}
		}
		l.stageSentences(&les.Stages[l.stage], f)
		return
	}
	if open := strings.IndexByte(f.Key, '('); open > 0 && strings.HasSuffix(f.Key, ")") {
		remark := &grammar.Value{Pos: shift(f.Pos, f.Key[:open+1]), Text: f.Key[open+1 : len(f.Key)-1]}
		if isCountItem(remark.Text) { // "Stage I (3 sections): …"
			blocks, err := count("Blocks", countPart(remark), 1)
			l.problem(err)
			les.Stages[l.stage].Blocks = blocks
		}
	}
	if f.Value == nil {
		return
	}
	l.problem(l.stageInline(&les.Stages[l.stage], f.Value))
	// "Stage 1: two blocks. I read the frozen sections: …": a sentence after
	// the items that says who read the slides, or how the defect was
	// closed ("Stage two: one block, clear. After clearance the defect was
	// closed with a simple closure of 2.0 cm."), is the lesion's prose too.
	sentences := splitSentences(f.Value)
	for _, sen := range sentences[min(1, len(sentences)):] {
		if readerStatement(sen.Text) || isRepairText(sen.Text) && isDictated(" "+sen.Text+" ") {
			l.narrativeLine(&grammar.Text{Pos: sen.Pos, Text: sen.Text})
			l.endParagraph()
		}
	}
}

// isSentences reports whether a value is written as sentences rather than
// as items: it does not start with a count and runs to many words.
func isSentences(s string) bool {
	first, _, _ := strings.Cut(s, ",")
	first, _, _ = strings.Cut(first, ";")
	first, _, _ = strings.Cut(first, ". ")
	if _, _, ok := nounFirstCount(first, true); isCountItem(first) || ok {
		// "four blocks. Stains: … . Reading the slides myself, I found …"
		// ("Blks 2; Mgns: blk 1 + (deep), blk 2 -" is a count first too),
		// "two blocks. MART-1 was run on both blocks for melanocytes. Both
		// blocks were clear.": a count, then sentences of dictation (not a
		// key of the stage's, "… block 2 clear. Histology: …")
		return strings.Count(s, ". ") >= 2 && wordCount(s, 25) >= 25 ||
			strings.Contains(s, ". ") && !strings.Contains(s, ":") && wordCount(s, 12) >= 12
	}
	return wordCount(s, 9) > 8
}

// wordCount counts the blank-separated words of s, up to most.
func wordCount(s string, most int) int {
	n := 0
	for range strings.FieldsSeq(s) {
		if n++; n == most {
			break
		}
	}
	return n
}

// stageLine reads a line of text that states a stage as "Stage 1 -- 2
// blocks -- margins negative", "Stage 1 -> 2 blocks -> clear" or "Stage I
// (3 sections): …" as the field
// "Stage 1: …"; nil when the text is not such a line.
func stageLine(t *grammar.Text) *grammar.Field {
	s := t.Text
	for _, sep := range []string{" --> ", " ==> ", " -- ", " — ", " – ", " - ", " -> ", " → ", " => ", " / "} { // "LAYER 1 / 3 SECTIONS / CLEAR"
		key, rest, ok := strings.Cut(s, sep)
		if !ok {
			continue
		}
		if _, tail, isStage := splitStage(key); isStage && tail == "" {
			value := strings.ReplaceAll(rest, sep, "; ")
			at := len(key) + len(sep)
			return &grammar.Field{Pos: t.Pos, Key: key, Value: &grammar.Value{Pos: shift(t.Pos, s[:at]), Text: value}}
		}
	}
	return nil
}

// nextStageArrow is an arrow to the next stage at the end of a stage's
// value: "… neg -> II", "… → stg 2", "… --> stage 3".
var nextStageArrow = regexp.MustCompile(`(?i)\s*(?:->|-->|→|=>)\s*(?:(?:stg|stage|layer|lvl|level)\s*)?(?:\d{1,2}|[IV]{1,4})\s*\.?\s*$`)

// textOf is a value as model text; the zero Text when there is none.
func textOf(v *grammar.Value) model.Text {
	if v == nil {
		return model.Text{}
	}
	return model.Text{Value: v.Text, Line: v.Pos.Line}
}
