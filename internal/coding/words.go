package coding

import "strings"

// words is text lower-cased and reduced to its words (ASCII letters and
// digits), one space between them and one at each end: " wedge resection
// advancement flap ". Searching it for " w " finds whole words and
// phrases without splitting the text again.
type words string

// wordsOf normalises text once.
func wordsOf(text string) words {
	var b strings.Builder
	b.Grow(len(text) + 2)
	b.WriteByte(' ')
	space := true
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteByte(c)
		space = false
	}
	if !space {
		b.WriteByte(' ')
	}
	return words(b.String())
}

// has reports whether one of the phrases (lower-case words separated by
// single spaces) stands in w as whole words.
func (w words) has(phrases ...string) bool {
	s := string(w)
	for _, p := range phrases {
		if p == "" {
			continue
		}
		for from := 0; ; {
			i := strings.Index(s[from:], p)
			if i < 0 {
				break
			}
			i += from
			if i > 0 && s[i-1] == ' ' && i+len(p) < len(s) && s[i+len(p)] == ' ' {
				return true
			}
			from = i + 1
		}
	}
	return false
}

// text is the words without the padding: "wedge resection advancement flap".
func (w words) text() string { return strings.TrimSpace(string(w)) }

// first is the first word, or "".
func (w words) first() string {
	t := w.text()
	if i := strings.IndexByte(t, ' '); i >= 0 {
		return t[:i]
	}
	return t
}

// hasWord reports whether text contains one of the phrases as whole words,
// case-insensitively.
func hasWord(text string, phrases ...string) bool { return wordsOf(text).has(phrases...) }
