package lower

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/mohscode/mohscode/grammar"
	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/model"
)

func size(key string, v *grammar.Value) (model.Size, error) {
	m, err := grammar.ParseMeasure(key, v)
	if err != nil {
		cut := remarkAfterUnit(v)
		if cut == nil {
			cut = beforeColumnGap(v)
		}
		if cut == nil {
			return model.Size{}, err
		}
		if m, err = grammar.ParseMeasure(key, cut); err != nil {
			return model.Size{}, err
		}
	}
	// an explicit area of zero ("0 sq cm") is a documented zero
	return model.Size{Dims: m.Dims, AreaSq: m.AreaSq, None: m.AreaSq == 0 && len(m.Dims) == 0, Line: v.Pos.Line}, nil
}

// beforeColumnGap is the value up to a run of four blanks or more that a
// page's other column follows ("4.5 sq cm                    removal", the
// right column's wrapped words beside a two-column PDF's field), or nil.
func beforeColumnGap(v *grammar.Value) *grammar.Value {
	i := strings.Index(v.Text, "    ")
	if i <= 0 {
		return nil
	}
	return &grammar.Value{Pos: v.Pos, Text: strings.TrimSpace(v.Text[:i])}
}

// remarkWords open a remark written after a size with no comma: "1.6 x
// 1.2 cm through the helical rim", "2.0 cm extending to the galea".
var remarkWords = map[string]bool{"through": true, "to": true, "at": true, "on": true, "in": true, "into": true,
	"extending": true, "involving": true, "including": true, "with": true, "over": true, "down": true, "after": true,
	// "1.4 x 1.0 cm of the left upper cutaneous lip, not involving vermilion",
	// "Margin: 3 mm around the clinical border for the first stage"
	"of": true, "around": true, "beyond": true}

// remarkAfterUnit is the value up to a unit word followed by a remark word
// ("1.6 x 1.2 cm through the helical rim" → "1.6 x 1.2 cm") or by a few
// words of what was measured ("1.4 x 1.2 cm yellow-pink nodule"), or nil.
func remarkAfterUnit(v *grammar.Value) *grammar.Value {
	words := strings.Fields(v.Text)
	end := 0
	for k := 0; k+1 < len(words); k++ {
		end = strings.Index(v.Text[end:], words[k]) + end + len(words[k])
		unit := strings.ToLower(strings.TrimRight(words[k], ".,"))
		if !(unit == "cm" || unit == "mm" || strings.HasSuffix(unit, "cm") || strings.HasSuffix(unit, "mm")) {
			continue
		}
		if rest := words[k+1:]; remarkWords[strings.ToLower(rest[0])] || len(rest) <= 4 && lesionNoun(rest[len(rest)-1]) && !strings.ContainsAny(strings.Join(rest, " "), "0123456789") {
			return &grammar.Value{Pos: v.Pos, Text: v.Text[:end]} // "1.4 x 1.2 cm yellow-pink nodule": the lesion it measured
		}
	}
	return nil
}

// lesionNoun reports whether a word names what a clinical size measured:
// "nodule", "plaque.", "papule".
func lesionNoun(w string) bool {
	switch strings.Trim(strings.ToLower(w), ".,;") {
	case "nodule", "plaque", "papule", "patch", "macule", "lesion", "tumor", "tumour", "ulcer", "erosion", "scar":
		return true
	}
	return false
}

// count parses a count of at least min.
func count(key string, v *grammar.Value, min int) (model.Count, error) {
	n, err := grammar.ParseCount(key, v, min)
	if err != nil {
		return model.Count{}, err
	}
	return model.Count{N: n, Line: v.Pos.Line}, nil
}

// Yes/no words (docs/note-format.md section 5), by the first word of a value:
// "on file" and "not documented" are read by "on" and "not".
var (
	noWords = map[string]bool{"no": true, "n": true, "none": true, "absent": true, "not": true,
		"negative": true, "false": true}
	yesWords = map[string]bool{"yes": true, "y": true, "present": true, "attached": true, "on": true,
		"done": true, "drawn": true, "performed": true, "completed": true, "documented": true, "true": true,
		"included": true, "obtained": true}
)

// flag reads a yes/no value of key. Anything but a yes or no word is an
// error.
func flag(key string, v *grammar.Value) (model.Flag, error) {
	first := strings.ToLower(firstWord(v.Text))
	switch {
	case slices.Contains(tickMarks, strings.TrimSpace(v.Text)): // "Map: ✓"
		return model.Flag{Yes: true, Line: v.Pos.Line}, nil
	case noWords[first]:
		return model.Flag{Line: v.Pos.Line}, nil
	case yesWords[first]:
		return model.Flag{Yes: true, Line: v.Pos.Line}, nil
	}
	return model.Flag{}, &diag.ParseError{Filename: v.Pos.Filename, Line: v.Pos.Line, Column: v.Pos.Column,
		Message: fmt.Sprintf("%s: expected yes or no, found %q", key, v.Text)}
}

// startsWithDate reports whether the first item of a value is a date.
func startsWithDate(v *grammar.Value) bool {
	items := splitItems(v)
	if len(items) == 0 {
		return false
	}
	_, err := grammar.ParseDate("", items[0])
	return err == nil
}

// isNegative reports whether a value says no ("none", "no", "n/a").
func isNegative(s string) bool {
	s = strings.ToLower(strings.Trim(s, " \t.:"))
	return noWords[firstWord(s)] || s == "n/a" || s == "na"
}

// isBareYes reports whether a value is a bare yes ("Y", "Yes.") and nothing
// else.
func isBareYes(s string) bool {
	s = strings.ToLower(strings.Trim(s, " \t.:"))
	return s == "y" || s == "yes"
}

// firstWord returns the leading run of letters of s.
func firstWord(s string) string {
	s = strings.TrimSpace(s)
	end := strings.IndexFunc(s, func(r rune) bool { return !isLetterRune(r) })
	if end < 0 {
		return s
	}
	return s[:end]
}

func isLetterRune(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// frozenSection reads "yes", "no", "yes, 2 blocks", "yes (2 blocks)", and a count
// alone ("1 block"), which says it was done.
func frozenSection(v *grammar.Value) (model.FrozenSection, error) {
	f, err := flag("Frozen section", v)
	if err != nil {
		first, _, _ := strings.Cut(v.Text, ",")
		if !isCountItem(first) {
			return model.FrozenSection{}, err
		}
		f = model.Flag{Yes: true, Line: v.Pos.Line} // "Frozen section: 1 block": a count says it was done
	}
	fs := model.FrozenSection{Flag: f}
	// parentheses separate items here: "yes (2 blocks)" is "yes", "2 blocks"
	items := &grammar.Value{Pos: v.Pos, Text: strings.Map(func(r rune) rune {
		if r == '(' || r == ')' {
			return ','
		}
		return r
	}, v.Text)}
	for _, it := range splitItems(items) {
		if isCountItem(it.Text) {
			n, err := grammar.ParseCount("Frozen section", countPart(it), 1) // "1 block - basal cell carcinoma"
			if err != nil {
				return fs, err
			}
			fs.Blocks = n
		}
	}
	return fs, nil
}

// countNouns may follow the number of an inline block count.
var countNouns = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range grammar.BlockNouns {
		m[n], m["tissue "+n] = true, true
	}
	return m
}()

// blockWords name a block in a margin entry or a block list: "block 2",
// "sections 1, 3", "pieces 2-3".
var blockWords = map[string]bool{"block": true, "blocks": true, "section": true, "sections": true,
	"piece": true, "pieces": true, "specimen": true, "specimens": true, "blk": true, "blks": true, "blx": true}

// approxWords may lead a value and are ignored.
var approxWords = map[string]bool{"approximately": true, "approx": true, "approx.": true, "about": true, "~": true}

// isCountItem reports whether an item reads as a block count: "3 blocks",
// "approximately 7 tissue blocks", "3 blocks (A-C)", or a bare number.
// Whatever stands in the number's place is the count's to accept or
// reject ("three-ish blocks" is an error, not a stain).
func isCountItem(s string) bool {
	if open := strings.IndexByte(s, '('); open > 0 {
		s = s[:open]
	}
	words := strings.Fields(strings.ToLower(strings.TrimSuffix(strings.TrimSpace(s), ".")))
	if len(words) > 0 && approxWords[words[0]] {
		words = words[1:]
	}
	if len(words) > 1 && words[0] == "a" && words[1] == "single" {
		words = words[1:] // "a single block"
	}
	switch {
	case len(words) == 0 || quantifierWords[words[0]]:
		return false // "both blocks clear" is a margin, not a count
	case len(words) == 1:
		return strings.TrimLeft(words[0], "~") != "" && grammar.IsDigits(strings.TrimLeft(words[0], "~"))
	}
	return countNouns[words[1]] || len(words) > 2 && countNouns[words[1]+" "+words[2]]
}

// quantifierWords open a stage item about blocks already counted: "both
// blocks clear", "all blocks negative".
var quantifierWords = map[string]bool{"both": true, "all": true, "each": true, "every": true, "remaining": true, "other": true}

// countPart is the count and its noun at the start of a count item: "2
// blocks" of "2 blocks including perichondrium".
func countPart(it *grammar.Value) *grammar.Value {
	words := strings.Fields(it.Text)
	n := 2
	switch {
	case len(words) > 0 && approxWords[strings.ToLower(words[0])]:
		n = 3
	}
	if len(words) <= n {
		return it
	}
	if len(words) > n && countNouns[strings.ToLower(words[n-1]+" "+words[n])] {
		n++
	}
	end := 0
	for _, w := range words[:n] {
		end = strings.Index(it.Text[end:], w) + end + len(w)
	}
	return &grammar.Value{Pos: it.Pos, Text: it.Text[:end]}
}

// splitItems splits a value at commas and semicolons outside parentheses,
// each item trimmed and positioned in the note.
func splitItems(v *grammar.Value) []*grammar.Value { return splitOutside(v, ",;") }

// splitOutside splits a value at any of seps outside parentheses, each
// part trimmed and positioned in the note, in time linear in the value.
func splitOutside(v *grammar.Value, seps string) []*grammar.Value {
	return splitWhere(v, func(s string, i int) int {
		if strings.IndexByte(seps, s[i]) >= 0 {
			return 1
		}
		return 0
	})
}

// splitAtDashes splits a value at the spaced en and em dashes outside
// parentheses ("BCC, nodular – 0.6 x 0.5 cm – shave bx 11/09/2026 (…)"),
// and at spaced hyphens too when hyphens is set.
func splitAtDashes(v *grammar.Value, hyphens bool) []*grammar.Value {
	return splitWhere(v, func(s string, i int) int {
		if strings.HasPrefix(s[i:], " – ") || strings.HasPrefix(s[i:], " — ") {
			return len(" – ")
		}
		if hyphens && strings.HasPrefix(s[i:], " - ") {
			return len(" - ")
		}
		return 0
	})
}

// splitWhere splits a value outside parentheses wherever sep(text, i)
// gives the length of a separator at byte i, each part trimmed and
// positioned in the note.
func splitWhere(v *grammar.Value, sep func(s string, i int) int) []*grammar.Value {
	var out []*grammar.Value
	at := positioner{v: v, col: v.Pos.Column}
	depth, start := 0, 0
	for i := 0; i < len(v.Text); i++ {
		switch c := v.Text[i]; {
		case c == '(':
			depth++
		case c == ')':
			depth = max(depth-1, 0)
		case depth == 0:
			if n := sep(v.Text, i); n > 0 {
				out = at.appendTrimmed(out, start, i)
				start = i + n
				i = start - 1
			}
		}
	}
	return at.appendTrimmed(out, start, len(v.Text))
}

// positioner places the parts of one value in the note. Parts come in
// order, so the runes before each are counted once over the whole value.
type positioner struct {
	v   *grammar.Value
	at  int // byte offset in v.Text reached
	col int // column of v.Text[at]
}

// pos is the position of byte off of the value (off ≥ every earlier off).
func (p *positioner) pos(off int) lexer.Position {
	p.col += utf8.RuneCountInString(p.v.Text[p.at:off])
	p.at = off
	pos := p.v.Pos
	pos.Offset += off
	pos.Column = p.col
	return pos
}

// appendTrimmed appends v.Text[from:to], trimmed and positioned.
func (p *positioner) appendTrimmed(out []*grammar.Value, from, to int) []*grammar.Value {
	raw := p.v.Text[from:to]
	trimmed := strings.TrimLeft(raw, " \t")
	lead := len(raw) - len(trimmed)
	trimmed = strings.TrimRight(trimmed, " \t")
	if trimmed == "" {
		return out
	}
	return append(out, &grammar.Value{Pos: p.pos(from + lead), Text: trimmed})
}

// shift moves a position past prefix, on the same line.
func shift(p lexer.Position, prefix string) lexer.Position {
	p.Offset += len(prefix)
	p.Column += utf8.RuneCountInString(prefix)
	return p
}

// blockRefs reads block references: "1-2", "blocks 1, 3", "1 and 3",
// "A-C" (letters count from A = 1).
func blockRefs(s string) []int {
	var out []int
	prev := 0
	rangeNext := false
	for _, tok := range refTokens(s) {
		switch {
		case tok == "-" || tok == "to" || tok == "through":
			rangeNext = prev > 0
			continue
		case tok == "and" || tok == "&" || blockWords[tok]:
			continue
		}
		n := refNumber(tok)
		if n == 0 {
			rangeNext = false
			continue
		}
		if rangeNext && n > prev {
			for k := prev + 1; k <= min(n, grammar.MaxCount); k++ {
				out = append(out, k)
			}
		} else {
			out = append(out, n)
		}
		prev, rangeNext = n, false
	}
	return out
}

// refTokens splits block-reference text into numbers, words and dashes.
func refTokens(s string) []string {
	var toks []string
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			toks = append(toks, s[i:j])
			i = j
		case isLetterRune(rune(c)):
			j := i
			for j < len(s) && isLetterRune(rune(s[j])) {
				j++
			}
			toks = append(toks, strings.ToLower(s[i:j]))
			i = j
		case c == '-' || c == '&':
			toks = append(toks, string(c))
			i++
		default:
			i++
		}
	}
	return toks
}

// refNumber reads one block reference: digits, or a single letter; 0
// for anything else.
func refNumber(tok string) int {
	if tok == "" {
		return 0 // "A: + (deep)  : -": a colon with no label before it
	}
	if tok[0] >= '0' && tok[0] <= '9' {
		n := 0
		for _, c := range tok {
			n = n*10 + int(c-'0')
			if n > grammar.MaxCount {
				return 0
			}
		}
		return n
	}
	if len(tok) == 1 {
		return int(tok[0]-'a') + 1
	}
	return 0
}
