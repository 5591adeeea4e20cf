package lower

import (
	"slices"
	"strconv"
	"strings"

	"github.com/mohscode/mohscode/internal/prose"
)

// distributed cuts a sentence that tells several lesions' stages side by
// side into one sentence per lesion, each keeping the sentence's shared
// words and its own, the others' words blanked so that every column stays
// where the note has it:
//
//   - "The first stages at the temple and the forearm were three and two
//     blocks, respectively." (the sites and the counts in the same order,
//     "respectively" said or not);
//   - "I took the first stage at all three sites …: the cheek as three
//     blocks, the back as seven blocks and the shin as two blocks." (after
//     a colon, each lesion's clause opened by its name).
//
// nil when the sentence is told neither way, or when a part it gives a
// lesion tells that lesion no stage's blocks or margins: the caller then
// makes the lesions ambiguous (CODING-RULES §1: no stage is guessed).
func (l *lowerer) distributed(sen []prose.Line) []repairPart {
	text := sentenceText(sen)
	var refs []lesionRef
	for _, r := range l.everyMention(sen) {
		if r.lesion >= 0 {
			refs = append(refs, r)
		}
	}
	if len(refs) < 2 {
		return nil
	}
	at := func(s prose.Span) int { return sentenceOffset(sen, s) }
	for _, r := range refs {
		if at(r.at) < 0 {
			return nil
		}
	}
	var keeps [][][2]int // per part, the byte ranges of text blanked in it
	var lesions []int
	if lesions, keeps = respectively(text, refs, at); lesions == nil {
		lesions, keeps = colonClauses(text, refs, at)
	}
	if len(lesions) < 2 {
		return nil
	}
	parts := make([]repairPart, 0, len(lesions))
	for k, les := range lesions {
		lines := blankLines(sen, text, keeps[k])
		f := prose.Read([][]prose.Line{lines})
		if len(f.Stages) != 1 || f.Stages[0].Blocks == 0 && f.Stages[0].Margin == prose.MarginUnknown {
			return nil
		}
		parts = append(parts, repairPart{lesion: les, lines: lines})
	}
	return parts
}

// distributes reports whether a sentence of a line tells several lesions'
// stages side by side (distributed).
func (l *lowerer) distributes(ln prose.Line) bool {
	if !namesStageNoun(ln.Text) {
		return false // the cheap test first: most lines name no stage
	}
	return slices.ContainsFunc(prose.Sentences([][]prose.Line{{ln}}), func(sen []prose.Line) bool {
		return namesStageNoun(sentenceText(sen)) && l.distributed(sen) != nil
	})
}

// respectively reads "… at the temple and the forearm were three and two
// blocks, respectively" (or without "respectively"): the lesions named one after another with only
// joining words between them, then as many counts joined the same way,
// then a block noun ("were one block each": one count for all). For each
// lesion, the ranges to blank: the other lesions' names, the other counts
// and "respectively"; a plural "(Mohs) stages" after its ordinal is made
// singular (each lesion had one first stage).
func respectively(text string, refs []lesionRef, at func(prose.Span) int) ([]int, [][][2]int) {
	words := sentenceWords(text)
	first := -1
	for k, w := range words {
		if w.at == at(refs[0].at) {
			first = k
		}
	}
	if first < 0 {
		return nil, nil
	}
	// the names: refs in the order of their words, joined by "and", "the", commas
	var names []int // word indexes of the names
	var lesions []int
	r := 0
	for k := first; k < len(words) && r < len(refs); k++ {
		switch {
		case words[k].at == at(refs[r].at):
			if slices.Contains(lesions, refs[r].lesion) {
				return nil, nil
			}
			names = append(names, k)
			lesions = append(lesions, refs[r].lesion)
			r++
		case !slices.Contains(joiningWords, words[k].text):
			k = len(words) // the run of names ended
		}
	}
	if r != len(refs) || len(lesions) < 2 {
		return nil, nil
	}
	// the counts: as many, joined the same way, right before a block noun;
	// or one count for all of them ("were one block each")
	var counts []int
	each := false
	for k := names[len(names)-1] + 1; k < len(words); k++ {
		if countWord(words[k].text) == 0 {
			continue
		}
		counts = counts[:0]
		j := k
		for ; j < len(words) && len(counts) < len(lesions); j++ {
			if countWord(words[j].text) > 0 {
				counts = append(counts, j)
			} else if !slices.Contains(joiningWords, words[j].text) {
				break
			}
		}
		if len(counts) == len(lesions) && j < len(words) && slices.Contains(blockNouns, words[j].text) {
			break
		}
		if len(counts) == 1 && j+1 < len(words) && slices.Contains(blockNouns, words[j].text) && words[j+1].text == "each" {
			each = true
			break
		}
		counts = nil
	}
	if counts == nil {
		return nil, nil
	}
	resp := strings.Index(asciiLower(text), "respectively")
	keeps := make([][][2]int, len(lesions))
	for i := range lesions {
		var blank [][2]int
		blank = append(blank, othersIn(words, names, i)...)
		if !each {
			blank = append(blank, othersIn(words, counts, i)...)
		} else if k := counts[0] + 2; k < len(words) {
			blank = append(blank, [2]int{words[k].at, words[k].at + len(words[k].text)}) // "one block each": one block, of each
		}
		if resp >= 0 {
			blank = append(blank, [2]int{resp, resp + len("respectively")})
		}
		for k, w := range words[:names[0]] {
			if (w.text == "stages" || w.text == "layers") && (k > 0 && slices.Contains(stageOrdinals, words[k-1].text) || k > 1 && words[k-1].text == "mohs" && slices.Contains(stageOrdinals, words[k-2].text)) {
				blank = append(blank, [2]int{w.at + len(w.text) - 1, w.at + len(w.text)}) // "first stages" → "first stage "
			}
		}
		keeps[i] = blank
	}
	return lesions, keeps
}

// othersIn is the byte ranges of a run of listed words (and the joining
// words between them) other than the i-th listed word.
func othersIn(words []sentenceWord, listed []int, i int) [][2]int {
	var out [][2]int
	from, to := words[listed[0]].at, words[listed[len(listed)-1]].at+len(words[listed[len(listed)-1]].text)
	mine := words[listed[i]]
	if mine.at > from {
		out = append(out, [2]int{from, mine.at})
	}
	if end := mine.at + len(mine.text); end < to {
		out = append(out, [2]int{end, to})
	}
	return out
}

// colonClauses reads "…: the cheek as three blocks, the back as seven
// blocks and the shin as two blocks": after the sentence's colon each
// lesion's clause runs from its name to the next lesion's, every lesion
// named there once (or again within its own clause), and the words before
// the colon name no other lesion. For each lesion, the ranges to blank:
// the names before the colon and the other lesions' clauses.
func colonClauses(text string, refs []lesionRef, at func(prose.Span) int) ([]int, [][][2]int) {
	colon := strings.IndexByte(text, ':')
	if colon < 0 {
		return nil, nil
	}
	var heads [][2]int // the names before the colon
	var starts []int   // each clause's first byte
	var lesions []int
	for _, r := range refs {
		switch p := at(r.at); {
		case p < colon:
			heads = append(heads, [2]int{p, p + r.at.EndCol - r.at.Col})
		case len(lesions) > 0 && lesions[len(lesions)-1] == r.lesion:
			// named again in its own clause
		case slices.Contains(lesions, r.lesion):
			return nil, nil // back to a lesion whose clause ended
		default:
			lesions = append(lesions, r.lesion)
			starts = append(starts, p)
		}
	}
	for _, r := range refs {
		if at(r.at) < colon && !slices.Contains(lesions, r.lesion) {
			return nil, nil // the head names a lesion no clause tells
		}
	}
	keeps := make([][][2]int, len(lesions))
	for i := range lesions {
		blank := slices.Clone(heads)
		for j := range lesions {
			if j == i {
				continue
			}
			end := len(text)
			if j+1 < len(starts) {
				end = starts[j+1]
			}
			blank = append(blank, [2]int{starts[j], end})
		}
		keeps[i] = blank
	}
	return lesions, keeps
}

// joiningWords join the items of a list: "the temple and the forearm",
// "three, two and one".
var joiningWords = []string{"and", "the", "at", "on", "of"}

// stageOrdinals are the ordinals a stage is called by.
var stageOrdinals = []string{"first", "second", "third", "fourth", "fifth", "initial", "1st", "2nd", "3rd", "4th", "5th"}

// blockNouns are the words a note counts the blocks of a stage by.
var blockNouns = []string{"block", "blocks", "section", "sections", "piece", "pieces", "specimen", "specimens", "tissue"}

// countWord is the count a word states in digits or letters ("7",
// "seven"), or 0.
func countWord(w string) int {
	if w != "" && isDigitByte(w[0]) {
		if n, err := strconv.Atoi(w); err == nil && n > 0 {
			return n
		}
		return 0
	}
	return slices.Index([]string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}, w) + 1
}

// sentenceOffset is where in sentenceText(sen) a span starts, or -1.
func sentenceOffset(sen []prose.Line, s prose.Span) int {
	base := 0
	for _, ln := range sen {
		if ln.Line == s.Line && s.Col >= ln.Col && s.Col-ln.Col < len(ln.Text) {
			return base + s.Col - ln.Col
		}
		base += len(ln.Text) + 1
	}
	return -1
}

// blankLines is the sentence with the byte ranges of its text (as
// sentenceText joins its lines) turned to spaces.
func blankLines(sen []prose.Line, text string, blank [][2]int) []prose.Line {
	b := []byte(text)
	for _, r := range blank {
		for i := max(r[0], 0); i < min(r[1], len(b)); i++ {
			b[i] = ' '
		}
	}
	out := make([]prose.Line, len(sen))
	base := 0
	for i, ln := range sen {
		out[i] = ln
		out[i].Text = string(b[base : base+len(ln.Text)])
		base += len(ln.Text) + 1
	}
	return out
}

// lesionOf is the one lesion refs name, or -1.
func lesionOf(refs []lesionRef) int {
	if len(refs) != 1 {
		return -1
	}
	return refs[0].lesion
}

// sideBefore is the side ("left" or "right") that one of the two words
// before words[k] names ("the right shin", "R shin"), or "".
func sideBefore(words []sentenceWord, k int) string {
	for j := k - 1; j >= max(k-2, 0); j-- {
		if s := sideWord(words[j].text); s != "" {
			return s
		}
	}
	return ""
}

// sideOf is the side a site names ("left" for "left shin"), or "".
func sideOf(site string) string {
	for _, w := range sentenceWords(site) {
		if s := sideWord(w.text); s != "" {
			return s
		}
	}
	return ""
}

// sideWord is the side a lower-case word names, or "".
func sideWord(w string) string {
	switch w {
	case "left", "l", "lt":
		return "left"
	case "right", "r", "rt":
		return "right"
	}
	return ""
}

// sharedSiteWord reports whether a word names the sites of two lesions or
// more: only then does the side before it choose between them.
func (l *lowerer) sharedSiteWord(word string) bool {
	n := 0
	for _, les := range l.out.Lesions {
		if siteWord(word, siteWords(les)) {
			n++
		}
	}
	return n > 1
}

// countsOnly reports whether a sentence tells how many stages there were
// and no stage's blocks, margins or histology: "The lip took two stages and
// the nose one."
func countsOnly(sen []prose.Line) bool {
	f := prose.Read([][]prose.Line{sen})
	return len(f.StageCount) > 0 && len(f.Stages) == 0
}

// conjoinedNames reports whether a lesion's part of a line (from its start
// to the next one's) is its name and a joining word alone — "the lip and"
// of "At the lip and the nose the second stage was …" — so that the names
// share the stage that follows them.
func conjoinedNames(text string, starts []int) bool {
	for k := 0; k+1 < len(starts); k++ {
		if starts[k] < 0 || starts[k+1] > len(text) || starts[k] >= starts[k+1] {
			continue
		}
		part := strings.TrimSpace(text[starts[k]:starts[k+1]])
		words := strings.Fields(part)
		if len(words) <= 4 && (strings.HasSuffix(part, " and") || strings.HasSuffix(part, ",") || strings.HasSuffix(part, " or")) {
			// what they share tells a stage, not of each ("The sidewall and
			// forehead each cleared in two stages" is cut as it stands)
			rest := asciiLower(text[starts[k+1]:])
			return namesStageNoun(rest) && !slices.Contains(strings.Fields(rest), "each")
		}
	}
	return false
}
