package prose

import (
	"strings"
	"unicode/utf8"
)

// Token kinds.
const (
	kWord uint8 = iota + 1
	kNum
	kPunct
)

// tok is one word, number or punctuation mark of a paragraph.
type tok struct {
	lo, hi   int32 // byte range in para.orig
	nlo, nhi int32 // byte range of the normalized word in para.norm
	line     int32 // index into para.lines
	kind     uint8
	upper    bool  // the word starts with an upper-case letter
	n        int16 // a whole number of one or two digits, or the value of a count word; else 0
}

// para is one paragraph, tokenized.
type para struct {
	lines  []Line
	starts []int32 // byte offset of each line in orig
	orig   string  // the lines joined by '\n'
	norm   string  // the tokens' normalized words, end to end (see w)
	nbuf   []byte  // scratch of norm
	toks   []tok
	sents  []span // sentences, as token ranges
	m      matches
	ctx    []uint8 // per token: the context flags of the scopes covering it
	quiet  []bool  // per token (empty if none): words of a stain statement, which state no margin
	pseudo []hit   // scratch of match
	// sentence-wide answers, asked once per sentence rather than once per
	// count, so that a run-on sentence of many counts is read in linear time
	eachBlockMemo, loneLayerMemo memo
}

// memo holds one sentence-wide answer: val for sentence s, if set.
type memo struct {
	s        span
	set, val bool
}

// get returns the answer for sentence s, computing it with f on the first ask.
func (m *memo) get(s span, f func(span) bool) bool {
	if !m.set || m.s.lo != s.lo || m.s.hi != s.hi {
		m.s, m.val, m.set = s, f(s), true
	}
	return m.val
}

// span is a half-open token range; for a sentence, mask holds the
// categories of the words in it.
type span struct {
	lo, hi int
	mask   uint64
}

// text is the text of a whole scope: its lines joined by '\n'. Paragraphs
// are windows of it.
type text struct {
	orig   string
	starts [][]int32 // per paragraph, per line: the byte offset of the line
}

// joinText joins the lines of all paragraphs once.
func joinText(paragraphs [][]Line) text {
	n := 0
	for _, lines := range paragraphs {
		for _, l := range lines {
			n += len(l.Text) + 1
		}
	}
	var sb strings.Builder
	sb.Grow(n)
	t := text{starts: make([][]int32, len(paragraphs))}
	offs := make([]int32, 0, n/40+len(paragraphs))
	for pi, lines := range paragraphs {
		at := len(offs)
		for _, l := range lines {
			offs = append(offs, int32(sb.Len()))
			sb.WriteString(l.Text)
			sb.WriteByte('\n')
		}
		t.starts[pi] = offs[at:len(offs):len(offs)]
	}
	t.orig = sb.String()
	return t
}

// reset makes p paragraph pi of t, reusing p's buffers.
func (p *para) reset(t *text, pi int, lines []Line) {
	p.lines, p.starts, p.orig = lines, t.starts[pi], t.orig
	lo := int(p.starts[0])
	hi := len(t.orig)
	if pi+1 < len(t.starts) {
		for k := pi + 1; k < len(t.starts); k++ {
			if len(t.starts[k]) > 0 {
				hi = int(t.starts[k][0])
				break
			}
		}
	}
	p.toks, p.nbuf = tokenize(t.orig, lo, hi, p.starts, p.toks[:0], p.nbuf[:0])
	p.norm = string(p.nbuf)
	p.sents = sentences(p, p.sents[:0])
	p.quiet = p.quiet[:0]
	p.eachBlockMemo, p.loneLayerMemo = memo{}, memo{}
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }

// tokenize splits orig[from:to] into tokens: words (a letter, then letters,
// digits and inner apostrophes), numbers (digits with an optional decimal
// part) and single punctuation marks. Spaces, tabs, non-breaking spaces and
// bullets separate. Each token's normalized word (ASCII lower case; "x" for
// "×", "-" for dashes, "cm2" for "cm²") is appended to nb.
func tokenize(orig string, from, to int, starts []int32, out []tok, nb []byte) ([]tok, []byte) {
	line := int32(0)
	add := func(lo, hi int, kind uint8, norm string, lower bool) {
		t := tok{lo: int32(lo), hi: int32(hi), line: line, kind: kind, nlo: int32(len(nb))}
		nb = append(nb, norm...)
		if lower {
			for k := int(t.nlo); k < len(nb); k++ {
				if c := nb[k]; 'A' <= c && c <= 'Z' {
					nb[k] = c + 'a' - 'A'
				}
			}
		}
		t.nhi = int32(len(nb))
		out = append(out, t)
	}
	for i := from; i < to; {
		for int(line)+1 < len(starts) && int32(i) >= starts[line+1] {
			line++
		}
		c := orig[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case (c == 'x' || c == 'X') && i+1 < to && isDigit(orig[i+1]): // "2.8x2.4", "x2"
			add(i, i+1, kWord, "x", false)
			i++
		case isLetter(c):
			j := i + 1
			for j < to && (isLetter(orig[j]) || isDigit(orig[j]) ||
				orig[j] == '\'' && j+1 < to && isLetter(orig[j+1])) {
				j++
			}
			if j-i == 2 && (orig[i] == 'c' || orig[i] == 'C') && (orig[i+1] == 'm' || orig[i+1] == 'M') && strings.HasPrefix(orig[j:to], "²") {
				add(i, j+len("²"), kWord, "cm2", false)
				i = j + len("²")
				continue
			}
			if mark := spokenMark(orig[i:j]); mark != "" {
				add(i, j, kPunct, mark, false) // speech recognition's "… right temple comma biopsy proven …"
				i = j
				continue
			}
			word := orig[i:j]
			if strings.EqualFold(word, "moh's") {
				word = "mohs" // speech recognition's "moh's micrographic surgery"
			}
			add(i, j, kWord, word, true)
			t := &out[len(out)-1]
			t.upper = 'A' <= c && c <= 'Z'
			if n := t.nhi - t.nlo; n >= 3 && n <= 6 {
				t.n = int16(cardinal(string(nb[t.nlo:t.nhi])))
			}
			i = j
		case isDigit(c):
			j := i + 1
			for j < to && isDigit(orig[j]) {
				j++
			}
			if j+1 < to && orig[j] == '.' && isDigit(orig[j+1]) {
				j += 2
				for j < to && isDigit(orig[j]) {
					j++
				}
			}
			add(i, j, kNum, orig[i:j], false)
			if j-i <= 2 {
				n := int16(0)
				for k := i; k < j; k++ {
					n = n*10 + int16(orig[k]-'0')
				}
				out[len(out)-1].n = n
			}
			i = j
		case c < utf8.RuneSelf:
			add(i, i+1, kPunct, orig[i:i+1], true)
			i++
		default:
			r, size := utf8.DecodeRuneInString(orig[i:to])
			switch r {
			case '×':
				add(i, i+size, kWord, "x", false)
			case '–', '—', '‐', '‑':
				add(i, i+size, kPunct, "-", false)
			case '’':
				add(i, i+size, kPunct, "'", false)
			case '²':
				add(i, i+size, kPunct, "2", false)
			case '°':
				add(i, i+size, kPunct, "°", false) // a terse note's "2° defect": the secondary defect
			}
			i += size
		}
	}
	return out, nb
}

// abbreviation reports whether a period after word w ends no sentence.
func abbreviation(w string) bool {
	switch w {
	case "dr", "drs", "sq", "approx", "vs", "mr", "mrs", "ms", "etc", "pt", "st", "jr", "sr":
		return true
	}
	return false
}

// sentences splits tokens into sentences: at ".", "?" and "!" (not after an
// abbreviation), and at a line break unless the next line starts in lower
// case (a list item's line opens a sentence in any case).
func sentences(p *para, out []span) []span {
	toks, orig := p.toks, p.orig
	start, depth := 0, 0
	for i := range toks {
		t := &toks[i]
		end := false
		w := p.w(i)
		switch w {
		case "(":
			depth++
		case ")":
			depth = max(depth-1, 0)
		}
		switch w {
		case ".", "?", "!":
			end = true
			if w == "." && i > 0 && toks[i-1].kind == kWord && abbreviation(p.w(i-1)) && toks[i-1].hi == t.lo {
				end = false
			}
		case "period":
			end = p.dictatedPeriod(i)
		}
		if !end && i+1 < len(toks) && toks[i+1].line != t.line {
			// A line break ends a sentence unless the next line goes on in
			// lower case or this one is a label ("PLANNED RECONSTRUCTION:").
			// A number on the next line goes on after a word that asks for
			// it ("… of the left anterior shin measuring" / "1.7 x 1.5 cm").
			n := &toks[i+1]
			c := orig[n.lo]
			end = !('a' <= c && c <= 'z') && w != ":" && !('0' <= c && c <= '9' && asksNumber(w)) && !runsOn(p, i) ||
				int(n.line) < len(p.lines) && p.lines[n.line].Item
			// Nor inside a parenthesis ("PRAME (blocks" / "1-2)"), nor
			// before one that goes on in lower case ("and PRAME" / "(blocks
			// 1-2) to separate …").
			if depth > 0 || c == '(' && i+2 < len(toks) && toks[i+2].line == n.line && toks[i+2].kind == kWord && !toks[i+2].upper {
				end = false
			}
		}
		if end {
			depth = 0
		}
		if end || i+1 == len(toks) {
			out = append(out, span{lo: start, hi: i + 1})
			start = i + 1
		}
	}
	return out
}

// runsOn reports whether the line ending at token i cannot end its
// sentence there, whatever the next line opens with: it ends in a
// preposition, an article or a verb that asks for more ("… interpreted
// there by" / "Dr. Perpetua …", "… of the" / "Left temple") or in a
// title's period ("… read by Dr." / "Almeida"). "and" and "or" may end a
// line before a clause that names its own lesion ("… 1.1 x 1.0 cm and" /
// "Tumor B was closed …"), which the line-by-line reading of lesions cuts
// at the line: they are left out.
func runsOn(p *para, i int) bool {
	switch p.w(i) {
	case "by", "of", "the", "a", "an", "to", "with", "at", "from", "into", "for", "was", "were", "is", "are":
		return true
	case ".":
		return i > 0 && p.toks[i-1].kind == kWord && p.toks[i-1].hi == p.toks[i].lo && title(p.w(i-1))
	}
	return false
}

// title reports whether w is a title written before a name: "Dr", "Mr".
func title(w string) bool {
	switch w {
	case "dr", "mr", "mrs", "ms", "prof":
		return true
	}
	return false
}

// asksNumber reports whether a line ending in word w goes on when the next
// line starts with a number: a size or date verb, a preposition, a
// conjunction, a comma, or the word a number names ("… Stage" / "3, one
// block, was clear.").
func asksNumber(w string) bool {
	switch w {
	case "measuring", "measured", "measures", "measure", "of", "on", "at", "to", "into", "in", "by", "from", "with",
		"and", "or", "was", "were", "is", "approximately", "about", "x", ",", "stage", "layer", "block", "blocks":
		return true
	}
	return false
}

// spokenMark is the mark a punctuation word of a raw speech-recognition
// transcript stands for ("comma", "semicolon"), or "". "period" is read
// where a sentence may end (dictatedPeriod); "colon" is an organ too.
func spokenMark(w string) string {
	switch {
	case strings.EqualFold(w, "comma"):
		return ","
	case strings.EqualFold(w, "semicolon"):
		return ";"
	}
	return ""
}

// dictatedPeriod reports whether the word "period" at token i is a
// transcribed full stop ("… which is why Mohs was chosen period the first
// stage was excised …"): in lower case between two lower-case words, not a
// noun after an article or a describing word ("the healing period"), nor
// the subject or object of the words after it ("period of", "period was").
func (p *para) dictatedPeriod(i int) bool {
	if i == 0 || i+1 >= len(p.toks) || p.toks[i].upper || p.toks[i+1].upper || p.toks[i+1].kind != kWord || p.toks[i-1].kind != kWord {
		return false
	}
	switch p.w(i - 1) {
	case "the", "a", "this", "that", "postoperative", "healing", "recovery", "observation", "waiting", "up":
		return false
	}
	switch p.w(i + 1) {
	case "of", "was", "is", "were", "will", "and", "with", "for":
		return false
	}
	return true
}

// w is the normalized word of token i.
func (p *para) w(i int) string { return p.norm[p.toks[i].nlo:p.toks[i].nhi] }

// pos is the note position of the start of token i.
func (p *para) pos(i int) (line, col int) {
	t := &p.toks[i]
	l := p.lines[t.line]
	return l.Line, l.Col + int(t.lo-p.starts[t.line])
}

// endPos is the note position just after token i.
func (p *para) endPos(i int) (line, col int) {
	t := &p.toks[i]
	l := p.lines[t.line]
	return l.Line, l.Col + int(t.hi-p.starts[t.line])
}

// spanOf is the note span of tokens [lo, hi).
func (p *para) spanOf(lo, hi int) Span {
	if hi <= lo {
		hi = lo + 1
	}
	l, c := p.pos(lo)
	el, ec := p.endPos(hi - 1)
	return Span{Line: l, Col: c, EndLine: el, EndCol: ec}
}

// text is the note text of tokens [lo, hi), line breaks as spaces.
func (p *para) text(lo, hi int) string {
	if hi <= lo {
		return ""
	}
	s := p.orig[p.toks[lo].lo:p.toks[hi-1].hi]
	if strings.ContainsAny(s, "\n\r\t") {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}
