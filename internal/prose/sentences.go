package prose

// Sentences splits paragraphs into their sentences as the reader splits
// them, each a paragraph of its own whose lines keep their note
// positions: a caller reads one sentence at a time to tell which lesion
// each statement of a shared paragraph is about ("The helical tumor, 0.9 x
// 0.8 cm, …. The upper arm tumor, 1.8 x 1.5 cm, …").
func Sentences(paragraphs [][]Line) [][]Line {
	t := joinText(paragraphs)
	p := &para{}
	var out [][]Line
	for pi, lines := range paragraphs {
		if len(lines) == 0 {
			continue
		}
		p.reset(&t, pi, lines)
		for _, s := range p.sents {
			var sen []Line
			for i := s.lo; i < s.hi; {
				li := p.toks[i].line
				j := i
				for j+1 < s.hi && p.toks[j+1].line == li {
					j++
				}
				l := p.lines[li]
				from, to := int(p.toks[i].lo-p.starts[li]), int(p.toks[j].hi-p.starts[li])
				sen = append(sen, Line{Text: l.Text[from:to], Line: l.Line, Col: l.Col + from})
				i = j + 1
			}
			out = append(out, sen)
		}
	}
	return out
}

// GivesReason reports whether a sentence names a reason for Mohs surgery
// ("both lie in the H-zone of the face", "was ill defined, and had
// recurred after cryotherapy"), not negated: under an indication's key the
// key says that the sentence tells why.
func GivesReason(sentence []Line) bool {
	t := joinText([][]Line{sentence})
	p := &para{}
	if len(sentence) == 0 {
		return false
	}
	p.reset(&t, 0, sentence)
	p.match(theLexicon())
	p.scopes()
	for i := range p.toks {
		if p.has(i, cReason) && !p.negated(i) && !p.uncertain(i) && p.ctx[i]&fHyp == 0 {
			return true
		}
	}
	return false
}
