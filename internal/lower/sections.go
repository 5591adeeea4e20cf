package lower

import (
	"slices"
	"strings"

	"github.com/mohscode/mohscode/grammar"
	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/icd10"
	"github.com/mohscode/mohscode/internal/model"
)

// stageInline reads the items after "Stage N:": "3 blocks", "stain: LIST",
// "margins: ENTRIES", a margin entry alone, or a stain name alone. Text
// after a comma following a text field ("histology: nodular, deep dermis")
// continues it; a semicolon always starts a new item.
func (l *lowerer) stageInline(st *model.Stage, v *grammar.Value) error {
	cont := fNone
	var marginText []string // the margin items, read together: "blocks 1, 3-4 clear"
	defer func() {
		if len(marginText) > 0 {
			st.Margins = append(st.Margins, margins(model.Text{Value: strings.Join(marginText, ", "), Line: v.Pos.Line})...)
		}
	}()
	items := stageItems(v)
	var first *grammar.Value // a bare number counts blocks only as the first item
	if len(items) > 0 {
		items[0].Value = dividedInto(items[0].Value) // "divided into eight blocks because of its size"
		first = items[0].Value
	}
	for _, item := range items {
		it := item.Value
		if afterSemicolon(v, it) || item.sentence {
			cont = fNone
		}
		if t := strings.TrimSpace(it.Text); len(marginText) > 0 && (grammar.IsDigits(t) || isNumberRange(t)) {
			marginText = append(marginText, it.Text) // "blocks 1, 3, 4 clear", "blocks 1, 3-4, 6-7 clear": the 3 continues the list
			continue
		}
		if n, where, ok := listedBlock(it.Text); ok && len(marginText) > 0 && endsWithDigit(marginText[len(marginText)-1]) {
			// "+ blks 4,6 (WD SCC deep dermis, no PNI)", "+ blks 1,3 periph
			// (…)": the 6 and the 3 continue the list, no stains
			marginText[len(marginText)-1] += " & " + n + where
			if h := parenthesisedHistology(it.Text); h != "" && !st.Histology.Present() {
				st.Histology = model.Text{Value: h, Line: it.Pos.Line}
			}
			continue
		}
		if key, rest, ok := itemKey(it); ok && marginKeyWords[asciiLower(key)] && rest != nil {
			marginText = append(marginText, key+" "+rest.Text) // "positive: blocks 2, 7 (peripheral)"
			cont = fMargins
			continue
		}
		if key, rest, ok := itemKey(it); ok {
			if ref, known := lookup(secStage, key); known {
				cont = fNone
				switch ref.field {
				case fMargins:
					if rest != nil {
						marginText = append(marginText, rest.Text)
					}
					cont = fMargins
					continue
				case fDecision, fHistology, fReason:
					cont = ref.field
				}
				if err := l.stageField(st, ref, rest); err != nil {
					return err
				}
				continue
			}
		}
		if cont == fMargins {
			if isMarginContinuation(it.Text) {
				marginText = append(marginText, it.Text)
				continue
			}
			cont = fNone
		}
		if n, rest, ok := nounFirstCount(it.Text, it == first); ok {
			st.Blocks = model.Count{N: n, Line: it.Pos.Line} // "blocks x3 - …"
			cont = fNone
			if _, known := marginStatus(rest); known {
				marginText = append(marginText, rest)
			} else if rest != "" && !st.Histology.Present() {
				st.Histology = model.Text{Value: rest, Line: it.Pos.Line}
			}
			continue
		}
		switch {
		case isCountItem(it.Text) && (!grammar.IsDigits(strings.TrimSpace(it.Text)) || it == first) && (!st.Blocks.Present() || it == first):
			// a count after the stage's count is no second count ("8 blocks;
			// positive: blocks 2, 7 (peripheral)": the 7 names a block)
			cp := countPart(it)
			n, err := grammar.ParseCount("Blocks", cp, 1)
			if err != nil {
				l.problem(err) // "*** blocks; margins: negative": the count is not documented, the margins are
				cont = fNone
				continue
			}
			st.Blocks = model.Count{N: n, Line: it.Pos.Line}
			cont = fNone
			rest := strings.TrimSpace(it.Text[len(cp.Text):])
			if after := strings.TrimSpace(strings.TrimLeft(rest, "-–—")); after != rest {
				if _, known := marginStatus(after); known {
					marginText = append(marginText, after) // "3 blocks - clear", "3 blocks - block 2 positive (deep), blocks 1 and 3 clear"
					cont = fMargins
					continue
				}
			}
			if strings.HasPrefix(rest, "(+)") || strings.HasPrefix(rest, "(-)") || strings.HasPrefix(rest, "(−)") {
				marginText = append(marginText, rest) // "2 blocks (+) deep"
			} else if w := strings.Trim(firstWord(asciiLower(rest)), ".,;"); clearWords[w] || positiveWords[w] || strings.HasPrefix(rest, "+") {
				marginText = append(marginText, rest) // "1 blk clear", not "two blocks at the lateral margin"
				if h := parenthesisedHistology(rest); h != "" && !st.Histology.Present() {
					st.Histology = model.Text{Value: h, Line: it.Pos.Line} // "2 blks neg (sup BCC papillary dermis, no PNI)"
				}
			}
		case cont == fHistology && isMarginClause(it.Text):
			marginText = append(marginText, it.Text) // "…, involved the deep margin of blocks 1 and 2"
			cont = fNone
		case cont != fNone:
			if err := l.stageField(st, keyRef{field: cont}, it); err != nil {
				return err
			}
		case len(marginText) > 0 && marginPlaces(it.Text):
			marginText[len(marginText)-1] += ", " + it.Text // "POSITIVE - BLOCK 1, ANTERIOR PERIPHERAL": where the positive block is, no stain
		case mentions(it.Text, mappedWords) && len(strings.Fields(it.Text)) <= 5:
			if les := l.cur(); !les.Map.Present() {
				les.Map = model.Flag{Yes: true, Line: it.Pos.Line} // "4 tissue blocks, mapped and inked"
			}
		case isBlockLetter(it.Text):
			marginText = append(marginText, it.Text) // "A, D pos (peripheral)": the A goes with the D
		case blockChip(it.Text) != "":
			marginText = append(marginText, blockChip(it.Text)) // "A+ (deep), B−, C−"
		case stainedWith(it.Text) != "":
			// "each stained with H&E and with CK7 to highlight Paget cells"
			st.Stains = append(st.Stains, stains(model.Text{Value: stainedWith(it.Text), Line: it.Pos.Line}, false)...)
		case namesKnownStain(it.Text):
			// "CK20 (blocks 1-2) to confirm Merkel cells at the deep margin": a
			// stain whose reason speaks of a margin
			st.Stains = append(st.Stains, stains(textOf(it), false)...)
		case isMarginContinuation(it.Text) && !depthOnly(it.Text):
			marginText = append(marginText, it.Text) // "block 1 positive (deep), blocks 2, 3 clear"
			if resultHistology(it.Text) && !st.Histology.Present() {
				// "Nodular basal cell carcinoma in the mid dermis at the deep margin of block 1"
				st.Histology = textOf(it)
			}
		case isLevels(it.Text):
			st.Levels = textOf(it)
		case mentions(asciiLower(it.Text), nextStepWords):
			st.Decision = joinText(st.Decision, textOf(it)) // "proceed to split-thickness skin graft", "complex repair"
		case len(st.Stains) > 0 && strings.HasPrefix(strings.TrimPrefix(asciiLower(it.Text), "for the "), "same reason"):
			for k := range st.Stains {
				if s := &st.Stains[k]; s.Reason == "" {
					s.Reason = it.Text // "cd34 on both blocks, same reason": the reason given before
				}
			}
		case icd10.Recognize(strings.Trim(firstWords(it.Text, 1), ",;")).Histology != "" && !namesKnownStain(it.Text):
			st.Histology = joinText(st.Histology, textOf(it)) // "MIS, confluent atypical junctional melanocytes, …": the stage's histology, no stain
			cont = fHistology
		case looksLikeStain(it.Text):
			st.Stains = append(st.Stains, stains(textOf(it), false)...)
		case isHistology(it.Text):
			st.Histology = joinText(st.Histology, textOf(it))
			cont = fHistology
		case len(strings.Fields(it.Text)) <= 4 && !mentions(it.Text, takenWords) && !mentions(it.Text, whereTakenWords):
			st.Stains = append(st.Stains, stains(textOf(it), false)...)
		}
	}
	return nil
}

// plusSecondary splits each item that gives a flap's primary defect and,
// after a plus, its secondary defect ("def 2.6x2.2 + sec 6.0 sq cm", "def
// 2.4x2.1cm + sec def 5.5 sq cm") into the two sizes: "def 2.6x2.2 cm" (the
// dimensions in the centimetres of the area after them, unless they say
// their own) and "sec defect 6.0 sq cm".
func plusSecondary(items []*grammar.Value) []*grammar.Value {
	var out []*grammar.Value
	for _, it := range items {
		lower := asciiLower(it.Text)
		at, word := -1, ""
		for _, w := range []string{" + sec ", " + secondary ", " + 2nd "} {
			if k := strings.Index(lower, w); k > 0 {
				at, word = k, w
				break
			}
		}
		if at < 0 {
			out = append(out, it)
			continue
		}
		head := strings.TrimSpace(it.Text[:at])
		unit := " cm"
		if strings.HasSuffix(asciiLower(head), "cm") {
			head, unit = strings.TrimSpace(head[:len(head)-2]), "" // "def 2.4x2.1cm + sec def 5.5 sq cm"
		}
		if !endsWithDigit(head) || !strings.Contains(lower[at:], "sq") {
			out = append(out, it)
			continue
		}
		rest := strings.TrimSpace(it.Text[at+len(word):])
		for _, noun := range []string{"defect ", "def "} {
			rest = strings.TrimSpace(strings.TrimPrefix(rest, noun))
		}
		first := trimmedValue(it, 0, at)
		out = append(out, &grammar.Value{Pos: first.Pos, Text: first.Text + unit},
			&grammar.Value{Pos: shift(it.Pos, it.Text[:at+3]), Text: "sec defect " + rest})
	}
	return out
}

// listedBlock reads a block number that goes on a margin's list after a
// comma, with at most a place word and a parenthesis after it: "6 (WD SCC
// deep dermis)" → "6", ""; "3 periph (…)" → "3", " periph". A number with a
// margin status of its own ("3 neg") is no such part.
func listedBlock(s string) (n, where string, ok bool) {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "(")
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 2 || !grammar.IsDigits(words[0]) {
		return "", "", false
	}
	if len(words) == 2 {
		if _, known := marginStatus(words[1]); known || !marginPlaceWords[strings.TrimSuffix(asciiLower(words[1]), ".")] {
			return "", "", false
		}
		where = " " + words[1]
	}
	return words[0], where, true
}

// marginPlaceWords name where on a block tumor remains.
var marginPlaceWords = map[string]bool{"deep": true, "periph": true, "peripheral": true, "lateral": true, "lat": true,
	"epidermal": true, "dermal": true, "medial": true, "superior": true, "inferior": true}

// marginPlaces reports whether text is words of a margin's place only,
// with a remark in parentheses: "ANTERIOR PERIPHERAL", "DEEP (SECTION 1)".
func marginPlaces(text string) bool {
	text, _, _ = strings.Cut(text, "(") // "DEEP (SECTION 1)"
	words := strings.Fields(asciiLower(text))
	for _, w := range words {
		if w = strings.Trim(w, ".,;()"); !marginPlaceWords[w] && w != "anterior" && w != "posterior" && w != "margin" && w != "edge" {
			return false
		}
	}
	return len(words) > 0
}

// endsWithDigit reports whether s ends with a digit.
func endsWithDigit(s string) bool { return s != "" && s[len(s)-1] >= '0' && s[len(s)-1] <= '9' }

// parenthesisedHistology is the histology a terse count's margin gives in
// parentheses after it ("neg (sup BCC papillary dermis, no PNI). clear"),
// or "".
func parenthesisedHistology(s string) string {
	_, after, ok := strings.Cut(s, "(")
	inside, _, closed := strings.Cut(after, ")")
	if !ok || !closed || !isHistology(inside) {
		return ""
	}
	return strings.TrimSpace(inside)
}

// isNumberRange reports whether s is a range of block numbers alone: "3-4".
func isNumberRange(s string) bool {
	a, b, ok := strings.Cut(s, "-")
	return ok && grammar.IsDigits(a) && grammar.IsDigits(b)
}

// isBlockLetter reports whether a stage item is a block's letter alone,
// "A" of "A, D pos (peripheral)": the first of the blocks a margin entry
// names.
func isBlockLetter(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) == 1 && s[0] >= 'A' && s[0] <= 'Z'
}

// marginKeyWords are margin results written as a key over the blocks they
// name: "positive: blocks 2, 7 (peripheral)".
var marginKeyWords = map[string]bool{"positive": true, "pos": true, "negative": true, "neg": true, "involved": true, "clear": true}

// nextStepWords mark a stage item that says what came next, not a stain:
// "proceed to split-thickness skin graft", "complex repair".
var nextStepWords = append([]string{"proceed", "plan", "next stage", "another stage", "further stage"}, repairWords...)

// isPlaceWords reports whether s is words of three letters or more, as
// the place a chip's tumor is ("deep", "peripheral 3 o'clock" is not).
func isPlaceWords(s string) bool {
	words := strings.Fields(s)
	for _, w := range words {
		if len(w) < 3 || strings.IndexFunc(w, func(r rune) bool { return !isLetterRune(r) }) >= 0 {
			return false
		}
	}
	return len(words) > 0
}

// signUnwrapper writes a bracketed sign "(+)" as the bare sign.
var signUnwrapper = strings.NewReplacer("(+)", "+", "(-)", "-", "(−)", "−")

// blockChip reads a block's margin written as a chip, its label and a
// sign ("A+ (deep)", "B−", "3-"), as the entry "block A positive (deep)";
// "" when s is not one.
func blockChip(s string) string {
	s = strings.TrimSpace(s)
	if word, rest, ok := strings.Cut(s, " "); ok && (blockWords[asciiLower(word)] || asciiLower(word) == "blk") {
		s = strings.TrimSpace(rest) // "blk 1 (+) deep"
	}
	s = signUnwrapper.Replace(s)
	n := 0
	for n < len(s) && n < 3 && (isLetterOrDigit(s[n])) {
		n++
	}
	if n == 0 {
		return ""
	}
	label, rest := s[:n], strings.TrimLeft(s[n:], " ")
	if n == 3 && strings.IndexFunc(label, func(r rune) bool { return r >= '0' && r <= '9' }) < 0 {
		return "" // "neg - sup BCC papillary dermis": a word, no block's label
	}
	status := ""
	for _, sign := range []string{"+", "-", "−", "–"} {
		if strings.HasPrefix(rest, sign) {
			status, rest = "clear", strings.TrimSpace(rest[len(sign):])
			if sign == "+" {
				status = "positive"
			}
		}
	}
	if status == "" || rest != "" && !strings.HasPrefix(rest, "(") && !isPlaceWords(rest) {
		return ""
	}
	if rest != "" && !strings.HasPrefix(rest, "(") {
		rest = "(" + rest + ")" // "1 + deep": where the tumor is
	}
	return strings.TrimSpace("block " + label + " " + status + " " + rest)
}

// isLetterOrDigit reports whether b is an ASCII letter or digit.
func isLetterOrDigit(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' || b >= '0' && b <= '9' }

// afterSemicolon reports whether item it of value v follows a semicolon.
func afterSemicolon(v, it *grammar.Value) bool {
	before := strings.TrimRight(v.Text[:it.Pos.Offset-v.Pos.Offset], " \t")
	return strings.HasSuffix(before, ";")
}

// itemKey splits "key: value" inside a value.
func itemKey(it *grammar.Value) (key string, rest *grammar.Value, ok bool) {
	c := strings.IndexByte(it.Text, ':')
	if c <= 0 {
		return "", nil, false
	}
	after := it.Text[c+1:]
	trimmed := strings.TrimLeft(after, " \t")
	rest = &grammar.Value{Pos: shift(it.Pos, it.Text[:c+1+len(after)-len(trimmed)]), Text: trimmed}
	if trimmed == "" {
		rest = nil
	}
	return it.Text[:c], rest, true
}

// Margin words, matched as whole words.
var (
	positiveWords = map[string]bool{"positive": true, "involved": true, "residual": true, "persistent": true, "persisted": true, "persists": true, "pos": true}
	clearWords    = map[string]bool{"clear": true, "cleared": true, "negative": true, "free": true, "uninvolved": true, "neg": true, "clr": true}
)

// signedPlus reports whether a " + " in padded text stands for a positive
// margin ("blk 2 + (deep)", "+ blk 1"), not for "and" between two words of a
// tumor's subtypes or depths ("sup + nod bcc", "superficial + mid dermis").
func signedPlus(padded string) bool {
	for at := 0; ; {
		k := strings.Index(padded[at:], " + ")
		if k < 0 {
			return false
		}
		k += at
		before := padded[strings.LastIndexByte(padded[:k], ' ')+1 : k]
		rest := strings.TrimLeft(padded[k+3:], " ")
		after := rest[:max(0, strings.IndexAny(rest+" ", " ,;."))]
		joiner := before != "" && strings.IndexFunc(before, func(r rune) bool { return r < 'a' || r > 'z' }) < 0 && !blockWord(before) &&
			!slices.Contains([]string{"margin", "margins", "mgn", "mgns", "deep", "periph", "peripheral", "tumor", "tumour", "residual"}, before) &&
			after != "" && strings.IndexFunc(after, func(r rune) bool { return r < 'a' || r > 'z' }) < 0 && !blockWord(after)
		if !joiner {
			return true
		}
		at = k + 2
	}
}

// marginStatus reads an entry's status: positive, clear, or unknown. A
// "+" standing alone is positive ("block 2 + (deep)").
func marginStatus(s string) (positive, known bool) {
	lower := strings.ToLower(s)
	if padded := " " + lower + " "; signedPlus(padded) || strings.Contains(padded, " +(") || strings.Contains(lower, "(+)") { // "blk 1 +(deep)", "2 blocks (+) deep"
		return true, true
	}
	for _, w := range strings.Fields(lower) {
		if len(w) > 1 && w[0] == '+' && w[1] >= 'a' && w[1] <= 'z' {
			return true, true // "+deep blk2": a busy surgeon's plus before the margin
		}
		if len(w) > 3 && w[0] == '+' && isDigitByte(w[1]) && strings.Contains(w, ":") {
			return true, true // "3 blx +3:00": a plus before the clock face where tumor remains
		}
	}
	if strings.Contains(lower, "(-)") || strings.Contains(lower, "(−)") {
		return false, true // "2 blocks (-)"
	}
	if f := strings.Fields(lower); len(f) > 0 && minusSign[f[len(f)-1]] {
		return false, true // "blk 2 -", "all -", "- / -": a log's minus for a clear margin
	}
	if strings.Contains(lower, "no tumor") || strings.Contains(lower, "no tumour") || strings.Contains(lower, "no residual") {
		return false, true
	}
	words := strings.FieldsFunc(lower, func(r rune) bool { return !isLetterRune(r) })
	negated := func(k int) bool { // "not clear", "not yet clear", "not involved"
		for _, w := range words[max(0, k-2):k] {
			if w == "not" || w == "never" {
				return true
			}
		}
		return false
	}
	for k, w := range words {
		if positiveWords[w] {
			return !negated(k), true
		}
	}
	if mentions(lower, positivePhrases) {
		return true, true // "free except focal at 2 o'clock", "present at the deep margin of block 3"
	}
	if tumorAtMargin(lower) {
		return true, true // "tumor at the superior and lateral margins"
	}
	for k, w := range words {
		if clearWords[w] {
			return negated(k), true
		}
	}
	return false, false
}

// tumorAtMargin reports whether lower-case text places tumor at a margin
// in so many words ("tumor at the superior and lateral margins",
// "carcinoma at the 3 o'clock margin"), not after "free of" or "no".
func tumorAtMargin(lower string) bool {
	for _, w := range []string{"tumor", "tumour", "carcinoma", "residual"} {
		i := strings.Index(lower, w+" at ")
		if i < 0 || !strings.Contains(lower[i:], "margin") {
			continue
		}
		before := strings.Fields(lower[:i])
		if n := len(before); n > 0 && (before[n-1] == "no" || before[n-1] == "without" || n > 1 && before[n-1] == "of" && (before[n-2] == "free" || before[n-2] == "clear")) {
			continue
		}
		return true
	}
	return false
}

// nounFirstCount reads a block count written noun first, as a log's
// shorthand: "blocks x3", "blks x 2", "blocks ×1 - neg", and, first in a
// stage's value, "Blks 2"; rest is what follows it ("neg"). ok is false
// for any other item.
func nounFirstCount(s string, first bool) (n int, rest string, ok bool) {
	words := strings.Fields(s)
	if len(words) < 2 || !countNouns[asciiLower(words[0])] {
		return 0, "", false
	}
	num, used := strings.TrimSuffix(words[1], "."), 2
	switch {
	case num == "x" || num == "×":
		if len(words) < 3 {
			return 0, "", false
		}
		num, used = strings.TrimSuffix(words[2], "."), 3
	case strings.HasPrefix(num, "x"):
		num = num[1:]
	case strings.HasPrefix(num, "×"):
		num = num[len("×"):]
	case first && len(words) == 2 && strings.HasSuffix(asciiLower(words[0]), "s"):
		// "Stg 1: Blks 2; Mgns: …": a plural noun and a count alone, first
		// in the stage's value (later, "blocks 1, 3 clear" names blocks)
	default:
		return 0, "", false
	}
	if !grammar.IsDigits(num) {
		return 0, "", false
	}
	n = refNumber(num)
	rest = strings.Trim(strings.Join(words[used:], " "), " -–—:.")
	return n, rest, n > 0
}

// namesKnownStain reports whether an item opens with a stain of the
// vocabulary, with its blocks and reason after it, or joins such stains
// with "and" or "+" ("H&E + MART-1 all blocks").
func namesKnownStain(s string) bool {
	for _, part := range splitAnd(s) { // "H&E + MART-1 all blocks"
		if st, ok := stain(part); ok && codetable.ClassifyStain(st.Name) != codetable.StainUnknown {
			return true
		}
	}
	return false
}

// stainedWith is what a stage item stains its blocks with when it says so
// in words ("each stained with H&E and CK7 to …", "all stained with
// MART-1"), "" otherwise.
func stainedWith(s string) string {
	i := strings.Index(asciiLower(s), "stained with ")
	if i < 0 || len(strings.Fields(s[:i])) > 2 {
		return ""
	}
	rest := s[i+len("stained with "):]
	for _, st := range stains(model.Text{Value: rest}, false) {
		if codetable.ClassifyStain(st.Name) != codetable.StainUnknown {
			return rest
		}
	}
	return ""
}

// mappedWords say a stage's tissue was mapped: "mapped and inked", "color
// coded".
var mappedWords = []string{"mapped", "color coded", "color-coded", "colour coded", "inked"}

// takenWords tell how or where a stage's tissue was taken ("one block,
// taken medially"): such a short item is no stain.
var takenWords = []string{"taken", "excised", "removed", "obtained", "medially", "laterally", "superiorly", "inferiorly"}

// whereTakenWords tell where a stage's tissue came from without a verb
// ("Stage 2 (1 block): perichondrium beneath block 2. Clear.", "from 12 to
// 2 o'clock"): such a short item is no stain either. A stain's reason may
// hold them ("PRAME … to separate melanoma in situ from …").
var whereTakenWords = []string{"beneath", "below", "from ", "o'clock", "o’clock"}

// positivePhrases say that tumor reaches a margin without a status word,
// or take an exception to a clear one.
var positivePhrases = []string{"except", "present at", "extending to", "extends to", "reaching the", "at the deep margin",
	"at the peripheral margin", "at the lateral margin", "at the medial margin", "at deep margin", "at peripheral margin"}

// depthWords name a tissue depth a tumor reaches.
var depthWords = []string{"dermis", "subcutis", "subcutaneous", "fat", "epidermis", "muscle", "cartilage", "perichondrium", "periosteum", "fascia"}

// depthOnly reports whether an item of histology says how deep the tumor
// reaches and names no margin ("moderately differentiated SCC extending to
// the superficial deltoid muscle"): its "extending to" is depth, not a
// positive margin.
func depthOnly(s string) bool {
	return isHistology(s) && mentions(s, []string{"extending to", "extends to", "extended to", "reaching the"}) && mentions(s, depthWords) &&
		!mentions(s, []string{"margin", "block", "blk", "o'clock", "edge", "periph"})
}

// isMarginEntry reports whether an item reads as a margin entry.
func isMarginEntry(s string) bool {
	if _, known := marginStatus(s); known {
		return true
	}
	_, ok := signedMargins(s, 0)
	return ok
}

// minusSign are the minus signs a log writes for a clear margin.
var minusSign = map[string]bool{"-": true, "−": true, "–": true}

// signedMargins reads "A+ B- C-" or "1+ 2-": every word a block label
// followed by + or −.
func signedMargins(s string, line int) ([]model.Margin, bool) {
	words := strings.Fields(s)
	if len(words) == 0 {
		return nil, false
	}
	out := make([]model.Margin, 0, len(words))
	for i := 0; i < len(words); i++ {
		if w := words[i]; strings.HasPrefix(w, "(") && len(out) > 0 {
			for ; i+1 < len(words) && !strings.HasSuffix(words[i], ")"); i++ { // "B+ (deep margin)": a remark on the sign before it
			}
			continue
		}
		w := strings.Replace(words[i], "−", "-", 1)
		if len(w) < 2 || (w[len(w)-1] != '+' && w[len(w)-1] != '-') {
			return nil, false
		}
		n := refNumber(strings.ToLower(w[:len(w)-1]))
		if n == 0 || !grammar.IsLabel(w[:len(w)-1]) {
			return nil, false
		}
		out = append(out, model.Margin{Blocks: []int{n}, Positive: w[len(w)-1] == '+', Line: line})
	}
	return out, true
}

// chipCount is the number of blocks a margin value signs one by one, each
// once, from the first ("A+ (deep)  B-  C-", "1- 2+ 3-"); 0 for any other
// value.
func chipCount(s string) int {
	signed, ok := signedMargins(s, 0)
	if !ok {
		if signed, ok = keyedMargins(s, 0); !ok {
			return 0
		}
	}
	seen := make([]bool, len(signed)+1)
	for _, m := range signed {
		if len(m.Blocks) != 1 || m.Blocks[0] > len(signed) || seen[m.Blocks[0]] {
			return 0
		}
		seen[m.Blocks[0]] = true
	}
	return len(signed)
}

// keyedMargins reads a margin cell that gives each block's sign after its
// label and a colon, a remark in parentheses allowed after the sign — "A:
// + (deep)  B: -  C: -  D: + (inferior)" — and false when s is not one.
func keyedMargins(s string, line int) ([]model.Margin, bool) {
	words := strings.Fields(strings.ReplaceAll(s, "−", "-"))
	var out []model.Margin
	for i := 0; i < len(words); i++ {
		label, ok := strings.CutSuffix(words[i], ":")
		if !ok || i+1 == len(words) || words[i+1] != "+" && words[i+1] != "-" {
			return nil, false
		}
		n := refNumber(strings.ToLower(label))
		if n == 0 || !grammar.IsLabel(label) {
			return nil, false
		}
		out = append(out, model.Margin{Blocks: []int{n}, Positive: words[i+1] == "+", Line: line})
		i++
		if i+1 < len(words) && strings.HasPrefix(words[i+1], "(") {
			for i++; i < len(words) && !strings.HasSuffix(words[i], ")"); i++ {
			}
		}
	}
	return out, len(out) > 0
}

// margins reads a margin status: "clear", "positive (deep)",
// "block 1 positive (deep), blocks 2-3 clear", "blocks 1, 3-4 clear",
// "A+ B- C-", "A: + (deep)  B: -". Blocks listed before a comma belong to the next entry with a
// status; other entries without a status are skipped.
func margins(t model.Text) []model.Margin {
	if keyed, ok := keyedMargins(t.Value, t.Line); ok {
		return keyed
	}
	var out []model.Margin
	var pending []int
	for _, it := range splitItems(&grammar.Value{Text: t.Value}) {
		if signed, ok := signedMargins(it.Text, t.Line); ok {
			out = append(out, signed...)
			continue
		}
		positive, known := marginStatus(it.Text)
		blocks := marginBlocks(it.Text)
		if blocks == nil {
			blocks = leadingRefs(it.Text)
		}
		if !known {
			pending = append(pending, blocks...) // "blocks 1" in "blocks 1, 3-4 clear"
			continue
		}
		if len(pending) > 0 {
			blocks, pending = append(pending, blocks...), nil
		}
		out = append(out, model.Margin{Blocks: blocks, Positive: positive, Line: t.Line})
	}
	return out
}

// isRef reports whether a reference token belongs to a block list: a
// number, a single letter, a dash or a joining word.
func isRef(t string) bool {
	return t == "-" || t == "and" || t == "to" || t == "through" || t == "&" || refNumber(t) > 0 && (t[0] < 'a' || len(t) == 1)
}

// leadingRefs reads block references at the start of an entry ("3-4
// clear"); nil when it starts otherwise.
func leadingRefs(s string) []int {
	var refs []string
	for _, t := range refTokens(s) {
		if !isRef(t) || len(t) == 1 && t[0] >= 'a' && len(refs) == 0 && t != "-" {
			break
		}
		refs = append(refs, t)
	}
	return blockRefs(strings.Join(refs, " "))
}

// isMarginContinuation reports whether an item after "margins: …," still
// belongs to the margins: an entry, or blocks ("blocks 1" in "blocks 1,
// 3-4 clear").
func isMarginContinuation(s string) bool {
	if isMarginEntry(s) {
		return true
	}
	toks := refTokens(s)
	return len(toks) > 0 && blockWords[toks[0]] && len(marginBlocks(s)) > 0
}

// divisionLeads open a stage's value with how its tissue was divided,
// before the count: "divided into eight blocks".
var divisionLeads = []string{"divided into ", "cut into ", "split into ", "sectioned into ", "processed as ", "processed into ", "submitted as "}

// dividedInto is a stage value's first item without its division lead
// ("divided into 8 blocks" → "8 blocks"), its position moved on; the item
// as it is when it opens with none, or no count follows.
func dividedInto(v *grammar.Value) *grammar.Value {
	for _, lead := range divisionLeads {
		if len(v.Text) > len(lead) && strings.EqualFold(v.Text[:len(lead)], lead) && isCountItem(firstPart(v.Text[len(lead):])) {
			return &grammar.Value{Pos: shift(v.Pos, v.Text[:len(lead)]), Text: v.Text[len(lead):]}
		}
	}
	return v
}

// firstPart is text up to its first comma or full stop.
func firstPart(text string) string {
	if k := strings.IndexAny(text, ",."); k >= 0 {
		return text[:k]
	}
	return text
}

// marginBlocks reads the blocks an entry names after "block"/"blocks";
// nil means the whole stage.
func marginBlocks(s string) []int {
	toks := refTokens(s)
	for i, tok := range toks {
		if !blockWords[tok] {
			continue
		}
		var refs []string
		for _, t := range toks[i+1:] {
			if !isRef(t) {
				break
			}
			refs = append(refs, t)
		}
		return blockRefs(strings.Join(refs, " "))
	}
	return nil
}

// stains reads a stain list: "H&E, MART-1 (blocks 1-2) for melanocytic
// margin assessment", "toluidine blue", "MART-1 and SOX10".
//
// A reason after the last stain of a list covers the stains before it
// that have none: "MART-1, SOX10 for melanocytic margin assessment".
func stains(t model.Text, special bool) []model.Stain {
	var out []model.Stain
	for _, it := range splitItems(&grammar.Value{Text: t.Value}) {
		if w := firstWord(asciiLower(strings.TrimSpace(it.Text))); len(out) > 0 && (w == "to" || w == "for" || strings.HasPrefix(asciiLower(strings.TrimSpace(it.Text)), "same reason")) {
			// "toluidine blue on all stages, to highlight the mucinous stroma":
			// the reason of the stains before it ("cd34 on both blocks, same
			// reason": the reason given before)
			for i := range out {
				if out[i].Reason == "" {
					out[i].Reason = strings.TrimSpace(it.Text)
				}
			}
			continue
		}
		for _, part := range splitAnd(it.Text) {
			for {
				w, rest, ok := strings.Cut(strings.TrimSpace(part), " ")
				if !ok || !slices.Contains([]string{"with", "and", "plus", "also"}, asciiLower(w)) {
					break
				}
				part = rest // "H&E and with CK7", "…, and PRAME (blocks 1-2)"
			}
			if s, ok := stain(part); ok {
				s.Special, s.Line = special, t.Line
				out = append(out, s)
			}
		}
	}
	if n := len(out); n > 1 && out[n-1].Reason != "" {
		for i := range out[:n-1] {
			if out[i].Reason == "" {
				out[i].Reason = out[n-1].Reason
			}
		}
	}
	return out
}

// stainScope reports whether a part of a stains value only says where the
// stains named before it ran: "all stages", "every stage", "each block",
// "all blocks", "both stages", "stg 1".
func stainScope(lower string) bool {
	if _, tail, ok := splitStage(lower); ok && tail == "" {
		return true // "Special stains: toluidine blue, stg 1, to highlight …": the stage it ran on
	}
	w := strings.Fields(lower)
	return len(w) == 2 && slices.Contains([]string{"all", "every", "each", "both"}, w[0]) &&
		slices.Contains([]string{"stage", "stages", "block", "blocks", "layer", "layers", "section", "sections", "specimens"}, w[1])
}

// stainNotRun say that a stain named was not run: "MART-1 not performed",
// "SOX10 deferred", "CK7 considered".
var stainNotRun = []string{"not performed", "not done", "not run", "not needed", "not required", "not indicated", "not necessary",
	"deferred", "omitted", "was considered", "only considered", "considered but", "declined", "not obtained", "cancelled", "canceled"}

// stainHead is a lower-cased stain item before its parenthesis and its
// reason: what it says of the stain itself, not why ("MART-1 (considered
// necessary because of sun damage)" was run).
func stainHead(lower string) string {
	if i := strings.IndexByte(lower, '('); i >= 0 {
		lower = lower[:i]
	}
	for _, lead := range []string{" to ", " for ", " because "} {
		if i := strings.Index(lower, lead); i >= 0 {
			lower = lower[:i]
		}
	}
	return lower
}

// splitAnd splits "MART-1 and SOX10" and "H&E + MART-1" but keeps
// "hematoxylin and eosin".
func splitAnd(s string) []string {
	if lower := strings.ToLower(s); strings.Contains(lower, "hematoxylin and eosin") || strings.Contains(lower, "haematoxylin and eosin") {
		return []string{s}
	}
	s = strings.ReplaceAll(s, " + ", " and ")
	s = strings.ReplaceAll(s, " plus ", " and ") // "H&E plus AE1/AE3 on both blocks"
	var parts []string
	for {
		i := strings.Index(asciiLower(s), " and ")
		if i < 0 || strings.Contains(s[:i], "(") && !strings.Contains(s[:i], ")") || inReason(s[:i], s[i+len(" and "):]) {
			return append(parts, s)
		}
		parts = append(parts, s[:i])
		s = s[i+len(" and "):]
	}
}

// inReason reports whether an "and" between before and after joins words
// of a stain's reason ("AE1/AE3 to detect single tumor cells and perineural
// tumor"), not two stains: a reason has begun and no stain follows.
func inReason(before, after string) bool {
	lower := asciiLower(before)
	for _, lead := range []string{" for ", " to ", " because "} {
		if strings.Contains(lower, lead) {
			if st, ok := stain(after); ok && codetable.ClassifyStain(st.Name) != codetable.StainUnknown {
				return false // "MART-1 for melanocytes and SOX10"
			}
			return true
		}
	}
	return false
}

// reasonLeads open the reason text after a stain name.
var reasonLeads = []string{" for ", " to ", " because ", " due to ", " - ", " – "}

// stainLeads are words before a stain's name that say what it is:
// "immunohistochemistry for MART-1", "IHC: SOX10".
var stainLeads = []string{"immunohistochemical stain for ", "immunohistochemistry for ", "immunostain for ",
	"ihc for ", "special stain for ", "stain for ", "ihc ", "ihc: "}

// stain reads one stain: its name, the blocks named in parentheses after
// it, and a reason. Parentheses that name no blocks ("pan-cytokeratin
// (AE1/AE3)", "MART-1 (clone A103)") are a remark about the stain and are
// dropped.
func stain(s string) (model.Stain, bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), ".")
	lower := asciiLower(s)
	if slices.Contains(tickMarks, s) {
		return model.Stain{}, false // "Margins: clear  ✔": the form's tick, no stain
	}
	if stainScope(lower) {
		return model.Stain{}, false // "Stains: H&E, all stages": where the stains before it ran, no stain
	}
	if head := stainHead(lower); mentions(head, stainNotRun) {
		return model.Stain{}, false // "MART-1 not performed", "MART-1 deferred": no stain run
	}
	for _, lead := range stainLeads {
		if strings.HasPrefix(lower, lead) {
			s = strings.TrimSpace(s[len(lead):])
			break
		}
	}
	var st model.Stain
	if open := strings.IndexByte(s, '('); open >= 0 {
		end := strings.IndexByte(s[open:], ')')
		inner, rest := s[open+1:], ""
		if end >= 0 {
			inner, rest = s[open+1:open+end], s[open+end+1:]
		}
		switch listed := strings.TrimSuffix(strings.TrimSpace(inner), " only"); {
		case isBlockList(listed):
			st.Blocks = blockRefs(listed) // "SOX10 (blk 2 only)"
		case hasReasonLead(inner), strings.HasPrefix(asciiLower(strings.TrimSpace(inner)), "same reason"):
			rest = inner + " " + rest // "MART-1 (for melanocytic margins)", "CD34 all blocks (same reason)"
		}
		st.Reason = strings.TrimSpace(rest)
		s = strings.TrimSpace(s[:open])
	}
	lower = asciiLower(s)
	for _, lead := range reasonLeads {
		if i := strings.Index(lower, lead); i > 0 {
			st.Reason = strings.TrimSpace(strings.TrimSpace(s[i:]) + " " + st.Reason)
			s = s[:i]
			break
		}
	}
	for _, verb := range []string{" was performed", " were performed", " was run", " were run", " was done", " was applied"} {
		if i := strings.Index(asciiLower(s), verb); i > 0 {
			s = s[:i] + s[i+len(verb):] // "MART-1 was performed on blocks 1-3"
			break
		}
	}
	if i := strings.Index(asciiLower(s), " on "); i > 0 && codetable.ClassifyStain(s[:i]) == codetable.StainRoutine {
		s = s[:i] // "Toluidine blue on the first-stage sections": a routine stain, wherever it was run
	}
	if i := strings.Index(asciiLower(s), " on "); i > 0 {
		on := asciiLower(s[i+len(" on "):])
		if strings.HasPrefix(on, "all") || strings.HasPrefix(on, "both") || strings.HasPrefix(on, "each") || strings.HasPrefix(on, "every") || strings.HasPrefix(on, "block") || strings.HasPrefix(on, "blk") ||
			strings.HasPrefix(on, "this block") || strings.HasPrefix(on, "that block") || isBlockList(on) { // "Ber-EP4 on this block": a log row's block
			if strings.HasPrefix(on, "block") || strings.HasPrefix(on, "blk") || isBlockList(on) {
				st.Blocks = blockRefs(on)
			}
			s = s[:i] // "CD34 on all blocks", "AE1/AE3 on both blocks", "Ber-EP4 on block 2", "Ber-EP4 on A"
		}
	}
	for _, word := range []string{" blocks ", " block ", " blks ", " blk "} {
		if i := strings.Index(asciiLower(s), word); i > 0 && st.Blocks == nil && isBlockList(s[i+len(word):]) {
			st.Blocks = blockRefs(s[i+len(word):]) // "PAS blocks A-B"
			s = s[:i]
			break
		}
	}
	s = strings.TrimSpace(s)
	for _, all := range []string{" all blocks", " each block", " every block", " both blocks"} {
		if len(s) > len(all) && strings.EqualFold(s[len(s)-len(all):], all) {
			s = s[:len(s)-len(all)] // "CD34 all blocks": on every block, as "CD34 on all blocks"
		}
	}
	st.Name = knownStainLead(strings.TrimSpace(s))
	if noStainWords[asciiLower(st.Name)] {
		return model.Stain{}, false // "Stains: none", a log's "none" cell
	}
	return st, st.Name != ""
}

// knownStainLead is the longest run of name's first words that the stain
// vocabulary knows, when name itself is unknown and has describing words
// after the stain ("Verhoeff-van Gieson elastic stain" is the
// Verhoeff-van Gieson stain); name when none is known.
func knownStainLead(name string) string {
	if codetable.ClassifyStain(name) != codetable.StainUnknown {
		return name
	}
	words := strings.Fields(name)
	for n := len(words) - 1; n > 0; n-- {
		if lead := strings.Join(words[:n], " "); codetable.ClassifyStain(lead) != codetable.StainUnknown {
			return lead
		}
	}
	return name
}

// hasReasonLead reports whether text opens with a reason: "for …".
func hasReasonLead(s string) bool {
	lower := " " + asciiLower(strings.TrimSpace(s)) + " "
	for _, lead := range reasonLeads {
		if strings.HasPrefix(lower, lead) {
			return true
		}
	}
	return false
}

// isBlockList reports whether text in parentheses names blocks: "blocks
// 1-2", "1, 3", "A-C", "2 and 4" — numbers, single letters and the words
// between them, nothing else.
func isBlockList(s string) bool {
	toks := refTokens(s)
	refs := 0
	for _, t := range toks {
		switch {
		case t == "-" || t == "&" || t == "and" || t == "to" || t == "through" || blockWords[t]:
		case refNumber(t) > 0:
			refs++
		default:
			return false
		}
	}
	return refs > 0 && !strings.ContainsAny(s, "/")
}

// repairValue reads the items of a "Repair:" value: its kind stays in the
// text; "defect SIZE", "secondary defect AREA", "length L", "area A" and a
// bare size are parsed. A labelled size that does not parse is an error; an
// unlabelled number that is not a size ("2 layers") is text.
func repairValue(r *model.Repair, v *grammar.Value) error {
	pending := "" // a size's key whose size comes after a remark: "secondary defect, including the Burow's wedge, 2.0 sq cm"
	for _, it := range plusSecondary(splitItems(v)) {
		if key, rest, ok := itemKey(it); ok {
			if ref, known := lookup(secRepair, key); known && rest != nil {
				if err := repairField(r, ref, rest); err != nil {
					return err
				}
				continue // "by: oculoplastics", "site: left nasal ala", "timing: after clearance"
			}
		}
		if lower := asciiLower(it.Text); strings.HasPrefix(lower, "secondary defect") && isNegative(lower[len("secondary defect"):]) {
			r.SecondaryDefect = model.Size{None: true, Line: it.Pos.Line} // "secondary defect none"
			continue
		}
		if v, ok := secondShorthand(it); ok {
			it = v // "2° defect 4.6 sq cm": the secondary defect's size
			m, ok := leadingMeasure(it)
			if ok {
				r.SecondaryDefect = model.Size{Dims: m.Dims, AreaSq: m.AreaSq, None: m.AreaSq == 0 && len(m.Dims) == 0, Line: it.Pos.Line}
			}
			continue
		}
		at := strings.IndexFunc(it.Text, func(r rune) bool { return r >= '0' && r <= '9' || r == '~' })
		if at < 0 {
			if lower := asciiLower(strings.TrimSpace(it.Text)); lower == "secondary defect" || lower == "primary defect" {
				pending = lower
			}
			continue
		}
		label := strings.ToLower(strings.TrimRight(it.Text[:at], " :\t"))
		label = strings.TrimSuffix(strings.TrimSuffix(label, " of"), " approximately")
		if label == "" {
			label = pending
		}
		pending = ""
		var dst *model.Size
		name := ""
		switch {
		case strings.HasSuffix(label, "secondary defect"), strings.HasSuffix(label, "(secondary defect)"),
			label == "sec defect", label == "sec. defect", // a terse note's "sec defect 6.5 sq cm"
			strings.HasPrefix(label, "burow's triangle"), strings.HasPrefix(label, "burow triangle"):
			// "Burow's triangle (secondary defect) 1.2 sq cm": the triangle is the flap's secondary defect
			dst, name = &r.SecondaryDefect, "Secondary defect"
		case strings.HasSuffix(label, "defect"):
			dst, name = &r.Defect, "Defect"
		case strings.HasSuffix(label, "length"):
			dst, name = &r.Length, "Length"
		case strings.HasSuffix(label, "area"):
			dst, name = &r.Area, "Area"
		default:
			dst = &r.Size
		}
		text := it.Text[at:]
		if end := strings.IndexByte(text, ')'); end > 0 && !strings.Contains(text[:end], "(") {
			text = strings.TrimSpace(text[:end]) // "complex repair (2.4 cm)"
		}
		val := &grammar.Value{Pos: shift(it.Pos, it.Text[:at]), Text: text}
		m, ok := leadingMeasure(val)
		switch {
		case ok:
			*dst = model.Size{Dims: m.Dims, AreaSq: m.AreaSq, None: m.AreaSq == 0 && len(m.Dims) == 0, Line: val.Pos.Line}
		case name != "":
			_, err := grammar.ParseMeasure(name, val)
			return err
		}
	}
	return nil
}

// secondShorthand is the size after a terse secondary-defect label ("2°
// defect 4.6 sq cm", "2nd def 1.2 sq cm"); false when the item has none.
func secondShorthand(it *grammar.Value) (*grammar.Value, bool) {
	lower := asciiLower(it.Text)
	for _, p := range []string{"2° defect", "2nd defect", "2° def", "2nd def"} {
		if strings.HasPrefix(lower, p) {
			v := trimmedValue(it, len(p), len(it.Text))
			return v, v != nil // not "…, 2° defect" with no size after it
		}
	}
	return nil, false
}

// firstWords returns text up to the end of its n-th word.
func firstWords(text string, n int) string {
	inWord := false
	for i := 0; i < len(text); i++ {
		space := text[i] == ' ' || text[i] == '\t'
		if !space && !inWord {
			if n == 0 {
				return strings.TrimRight(text[:i], " \t")
			}
			n--
		}
		inWord = !space
	}
	return text
}

// maxMeasureWords bounds the words of a size: "approximately 1.2 x 0.8
// x 0.3 cm" is eight.
const maxMeasureWords = 10

// leadingMeasure parses the longest run of words at the start of v that
// is a size with a unit ("2.4 cm after clearance" → 2.4 cm), or the whole
// value as a size.
func leadingMeasure(v *grammar.Value) (grammar.Measure, bool) {
	if m, err := grammar.ParseMeasure("", v); err == nil {
		return m, true
	}
	// a size is a few words: "0.8 x 0.6 cm"; trying every prefix of a long
	// text would cost its length squared
	text := firstWords(v.Text, maxMeasureWords)
	for {
		cut := strings.LastIndexByte(text, ' ')
		if cut <= 0 {
			return grammar.Measure{}, false
		}
		text = strings.TrimRight(text[:cut], " ")
		if m, err := grammar.ParseMeasure("", &grammar.Value{Pos: v.Pos, Text: text}); err == nil && m.HasUnit {
			return m, true
		}
	}
}

// biopsyValue fills a biopsy's kind and site from its heading value
// ("punch biopsy, right forearm") when no field gives them: the kind words
// are found in the text by the coder, and the site terms by the anatomy
// table, which skips the other words.
func biopsyValue(b *model.Biopsy) {
	if !b.Type.Present() {
		b.Type = b.Value
	}
	if !b.Site.Text.Present() {
		b.Site.Text = b.Value
	}
}

// containsFold reports whether s holds sub, a lower-case ASCII word, in any
// ASCII case, without building a lower-cased copy of s. Only the positions
// whose first byte matches sub's are compared in full: most are not.
func containsFold(s, sub string) bool {
	if sub == "" {
		return true
	}
	first := sub[0] | 0x20
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i]|0x20 == first && strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// hasPrefixFold reports whether s opens with prefix, a lower-case ASCII
// word, in any ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// asciiLower lower-cases ASCII letters only, so that byte offsets in the
// result are offsets in s (strings.ToLower may change the length of text
// that is not valid UTF-8). Text with no upper-case letter is returned as it
// is, without a copy.
func asciiLower(s string) string {
	first := 0
	for first < len(s) && (s[first] < 'A' || s[first] > 'Z') {
		first++
	}
	if first == len(s) {
		return s
	}
	b := []byte(s)
	for i := first; i < len(b); i++ {
		if c := b[i]; c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// stageItem is one item of a stage's inline value; sentence is set on the
// first item of every sentence but the first, which nothing before it
// continues.
type stageItem struct {
	*grammar.Value
	sentence bool
}

// stageItems splits a stage's inline value into sentences and each
// sentence into its items.
func stageItems(v *grammar.Value) []stageItem {
	var out []stageItem
	v = &grammar.Value{Pos: v.Pos, Text: dashesAsSemicolons(v.Text)}
	for k, sen := range splitSentences(v) {
		for j, it := range splitItems(sen) {
			out = append(out, stageItem{it, k > 0 && j == 0})
		}
	}
	return out
}

// histologyWords mark an item that describes the tumor under the
// microscope rather than naming a stain or a margin.
var histologyWords = []string{"carcinoma", "bcc", "scc", "tumor", "tumour", "dermis", "dermal", "invasion", "pni",
	"melanocyt", "nests", "islands", "strands", "infiltrat", "basaloid", "keratin", "cells", "epidermis",
	"perineural", "in situ", "sccis", "melanoma", "spindle", "follicul", "atypi", "dysplas", "keratinocyt",
	"pagetoid", "junctional", "stroma", "sclero", "morphea"}

// isHistology reports whether an item describes histology, maybe in a
// terse note's abbreviations ("infiltr. BCC deep dermis").
func isHistology(s string) bool {
	if mentions(s, histologyWords) {
		return true
	}
	for _, w := range strings.Fields(asciiLower(s)) {
		w = strings.TrimRight(w, ".,;")
		if len(w) >= 5 && slices.ContainsFunc(histologyWords, func(h string) bool { return strings.HasPrefix(h, w) }) {
			return true // "infiltr." of "infiltrative"
		}
	}
	return false
}

// isLevels reports whether an item counts cut levels ("7 levels"): levels
// are sections cut through one block, not blocks.
func isLevels(s string) bool {
	words := strings.Fields(asciiLower(s))
	return len(words) >= 2 && grammar.IsDigits(words[0]) && strings.HasPrefix(words[1], "level")
}

// looksLikeStain reports whether an item names a stain: a name of at most
// three words that does not describe histology, maybe with blocks and a
// reason after it ("MART-1 (blocks 1-2) for melanocytic margins").
func looksLikeStain(s string) bool {
	st, ok := stain(s)
	return ok && len(strings.Fields(st.Name)) <= 3 && !isHistology(st.Name) && !isMarginEntry(st.Name) && !mentions(s, takenWords) &&
		!mentions(st.Name+" ", whereTakenWords)
}

// isMarginClause reports whether an item that follows histology states a
// margin: a margin status with the word margin or a block named
// ("involved the deep margin of blocks 1 and 2", "blocks 3 and 4 were
// clear").
func isMarginClause(s string) bool {
	if _, known := marginStatus(s); !known {
		return false
	}
	lower := asciiLower(s)
	if strings.Contains(lower, "margin") {
		return true
	}
	for _, t := range refTokens(lower) {
		if blockWords[t] {
			return true
		}
	}
	return false
}

// noStainWords say that no stain was used.
var noStainWords = map[string]bool{"none": true, "no": true, "n/a": true, "na": true, "-": true, "–": true, "—": true, "nil": true, "not done": true}

// dashesAsSemicolons writes the dashes, arrows, bars and dot leaders that
// set items apart ("3 blocks — all negative", "4 blocks → stain: …", "2
// blocks | clear", "4 blocks ..... block B positive") as semicolons padded
// to the same length, so that every position still points into the note.
func dashesAsSemicolons(s string) string {
	for _, d := range []string{" — ", " – ", " -- ", " → ", " -> ", " | ", " / "} {
		if strings.Contains(s, d) {
			s = strings.ReplaceAll(s, d, ";"+strings.Repeat(" ", len(d)-1))
		}
	}
	for from := 0; ; {
		// "4 blocks ..... block B positive (deep) ..... KA-type SCC": dot
		// leaders of three dots or more between items
		i := strings.Index(s[from:], " ...")
		if i < 0 {
			return s
		}
		i += from
		j := i + 1
		for j < len(s) && s[j] == '.' {
			j++
		}
		if j < len(s) && s[j] != ' ' {
			from = j // "…" in a word
			continue
		}
		s = s[:i] + ";" + strings.Repeat(" ", j-i-1) + s[j:]
		from = j
	}
}
