package lower

import (
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/mohscode/mohscode/grammar"
	"github.com/mohscode/mohscode/internal/model"
)

func size(key string, v *grammar.Value) (model.Size, error) {
	m, err := grammar.ParseMeasure(key, v)
	if err != nil {
		return model.Size{}, err
	}
	return model.Size{Dims: m.Dims, AreaSq: m.AreaSq, Line: v.Pos.Line}, nil
}

func count(key string, v *grammar.Value) (model.Count, error) {
	n, err := grammar.ParseCount(key, v)
	if err != nil {
		return model.Count{}, err
	}
	return model.Count{N: n, Line: v.Pos.Line}, nil
}

// negativeWords open a yes/no value that says no.
var negativeWords = map[string]bool{
	"no": true, "n": true, "none": true, "absent": true, "not": true, "negative": true,
}

// flag reads a yes/no value: no, n, none, absent or "not …" say no; yes,
// present, attached, on file, done, drawn — or any other text, such as a
// date and result — say yes.
func flag(v *grammar.Value) model.Flag {
	first := strings.ToLower(firstWord(v.Text))
	return model.Flag{Yes: !negativeWords[first], Line: v.Pos.Line}
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

// frozenSection reads "yes", "no", "yes, 2 blocks", "yes (2 blocks)".
func frozenSection(v *grammar.Value) (model.FrozenSection, error) {
	fs := model.FrozenSection{Flag: flag(v)}
	// parentheses separate items here: "yes (2 blocks)" is "yes", "2 blocks"
	items := &grammar.Value{Pos: v.Pos, Text: strings.NewReplacer("(", ",", ")", ",").Replace(v.Text)}
	for _, it := range splitItems(items) {
		if isCountItem(it.Text) {
			n, err := grammar.ParseCount("Frozen section", it)
			if err != nil {
				return fs, err
			}
			fs.Blocks = n
		}
	}
	return fs, nil
}

// isCountItem reports whether an item reads "N blocks", with an optional
// remark in parentheses ("3 blocks (A-C)").
func isCountItem(s string) bool {
	if open := strings.IndexByte(s, '('); open > 0 {
		s = s[:open]
	}
	words := strings.Fields(strings.TrimSuffix(strings.TrimSpace(s), "."))
	if len(words) != 2 {
		return false
	}
	w := strings.ToLower(words[1])
	return w == "blocks" || w == "block"
}

// splitItems splits a value at commas and semicolons outside parentheses,
// each item trimmed and positioned in the note.
func splitItems(v *grammar.Value) []*grammar.Value {
	var items []*grammar.Value
	depth, start := 0, 0
	add := func(end int) {
		raw := v.Text[start:end]
		trimmed := strings.TrimLeft(raw, " \t")
		lead := len(raw) - len(trimmed)
		trimmed = strings.TrimRight(trimmed, " \t")
		if trimmed != "" {
			items = append(items, &grammar.Value{Pos: shift(v.Pos, v.Text[:start+lead]), Text: trimmed})
		}
	}
	for i := 0; i < len(v.Text); i++ {
		switch v.Text[i] {
		case '(':
			depth++
		case ')':
			depth = max(depth-1, 0)
		case ',', ';':
			if depth == 0 {
				add(i)
				start = i + 1
			}
		}
	}
	add(len(v.Text))
	return items
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
		case tok == "and" || tok == "&" || tok == "block" || tok == "blocks":
			continue
		}
		n := refNumber(tok)
		if n == 0 {
			rangeNext = false
			continue
		}
		if rangeNext && n > prev {
			for k := prev + 1; k <= n; k++ {
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

// refNumber reads one block reference: digits, or a single letter.
func refNumber(tok string) int {
	if tok[0] >= '0' && tok[0] <= '9' {
		n := 0
		for _, c := range tok {
			n = n*10 + int(c-'0')
			if n > 1000 {
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
