package grammar

import "strings"

// IsLabel reports whether s is a heading label: a number, a single letter
// or a roman numeral.
func IsLabel(s string) bool {
	switch {
	case s == "":
		return false
	case IsDigits(s):
		return len(s) <= 3
	case len(s) == 1:
		return isLetter(s[0])
	}
	return Roman(s) > 0
}

// Roman returns the value of a roman numeral from I to XXXIX (any case),
// or 0 when s is not one.
func Roman(s string) int {
	u := s
	n := 0
	for len(u) > 0 && (u[0] == 'X' || u[0] == 'x') && n < 30 {
		n += 10
		u = u[1:]
	}
	for _, unit := range []struct {
		numeral string
		value   int
	}{{"IX", 9}, {"VIII", 8}, {"VII", 7}, {"VI", 6}, {"V", 5}, {"IV", 4}, {"III", 3}, {"II", 2}, {"I", 1}} {
		if len(u) >= len(unit.numeral) && strings.EqualFold(u[:len(unit.numeral)], unit.numeral) {
			n += unit.value
			u = u[len(unit.numeral):]
			break
		}
	}
	if u != "" {
		return 0
	}
	return n
}

// Ordinal returns the number of a stage ordinal: 1 to 99, or a roman
// numeral from I to XX; ok is false for anything else.
func Ordinal(s string) (n int, ok bool) {
	if IsDigits(s) {
		n = 0
		for _, c := range s {
			n = n*10 + int(c-'0')
			if n > 99 {
				return 0, false
			}
		}
		return n, n >= 1
	}
	n = Roman(s)
	return n, n >= 1 && n <= 20
}

// IsDigits reports whether s is a non-empty run of ASCII digits.
func IsDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// LabelSpan is LabelPrefix's byte lengths: the label's text is s[:n] and
// the text after its separator starts at rest; n is 0 when s opens with no
// lesion label.
func LabelSpan(s string) (n, rest int) {
	n, rest = labelLen(s)
	if l := (Label{Text: s[:n]}); n == 0 || l.Biopsy() || l.Name() == "" {
		return 0, 0
	}
	return n, rest
}

// LabelPrefix recognises a lesion label at the start of s ("Site one:",
// "Lesion #2 –") and returns the label proper ("1", "2") and where the text
// after its separator starts; ok is false when s opens with no label.
func LabelPrefix(s string) (name string, rest int, ok bool) {
	n, rest := labelLen(s)
	if n == 0 {
		return "", 0, false
	}
	l := Label{Text: s[:n]}
	if l.Biopsy() || l.Name() == "" {
		return "", 0, false
	}
	return l.Name(), rest, true
}
