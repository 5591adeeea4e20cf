package icd10

import (
	"fmt"
	"strings"
)

// kind is what a lexicon phrase is.
type kind uint8

const (
	kindDx      kind = iota // names a histology
	kindNotMohs             // names a diagnosis not coded here
	kindSubtype             // names a subtype
	kindCue                 // negation or uncertainty
	kindStop                // ends a cue's scope
	kindInSitu              // "in situ" after a diagnosis
)

// Cue scopes, as bits.
const (
	scopeAfter  uint8 = 1
	scopeBefore uint8 = 2
)

// entry is one phrase of the lexicon.
type entry struct {
	kind    kind
	upper   bool        // counts only when every word is written in capitals
	hist    Histology   // kindDx
	subtype string      // kindDx (optional), kindSubtype
	applies []Histology // kindSubtype: the histologies the subtype belongs to
	scope   uint8       // kindCue
}

// lexicon is a word trie over every phrase of the data files.
type lexicon struct {
	vocab   map[string]int32 // word → id
	next    map[uint64]int32 // node<<32 | word id → child node; node 0 is the root
	term    []int32          // node → entry index, -1 when no phrase ends there
	entries []entry
	qmark   int32 // word id of "?", -1 when no phrase uses it
}

// maxWord is the longest word the recogniser looks up; longer words match nothing.
const maxWord = 32

// token is one word of a text.
type token struct {
	start, end int32 // byte offsets of the word in the text
	word       int32 // vocabulary id, -1 when no phrase uses the word
	upper      bool  // it has letters, all of them capitals
	brk        bool  // a clause break stands between this token and the previous one
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isAlnum(c byte) bool  { return isLetter(c) || isDigit(c) }

// apostrophe returns the byte length of an apostrophe at s[i] (' or U+2019), or 0.
func apostrophe(s string, i int) int {
	if s[i] == '\'' {
		return 1
	}
	if s[i] == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x99 {
		return 3
	}
	return 0
}

// isBreak reports whether s[i] ends a clause: . , ; : ( ) [ ] { } ! and line ends. A period after
// "vs" or between two digits does not.
func isBreak(s string, i int) bool {
	switch s[i] {
	case ',', ';', ':', '(', ')', '[', ']', '{', '}', '!', '\n', '\r':
		return true
	case '.':
		if i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1]) {
			return false
		}
		if i >= 2 && s[i-2]|0x20 == 'v' && s[i-1]|0x20 == 's' && (i == 2 || !isAlnum(s[i-3])) {
			return false
		}
		return true
	}
	return false
}

// tokenize appends the words of s to dst. A word is a run of ASCII letters and digits, lower-cased;
// an apostrophe inside a word is dropped ("Bowen's" → "bowens"); two single letters around a slash
// are one word ("r/o"); "?" is a word of its own. Everything else separates words.
func (lx *lexicon) tokenize(s string, dst []token) []token {
	var buf [maxWord]byte
	brk := false
	for i := 0; i < len(s); {
		c := s[i]
		if !isAlnum(c) {
			switch {
			case c == '?':
				dst = append(dst, token{start: int32(i), end: int32(i + 1), word: lx.qmark, brk: brk})
				brk = false
			case isBreak(s, i):
				brk = true
			}
			i++
			continue
		}
		start, n := i, 0
		upper, letters, long := true, false, false
		for i < len(s) {
			c = s[i]
			if !isAlnum(c) {
				// An apostrophe between two letters joins them.
				if w := apostrophe(s, i); w > 0 && isLetter(s[i-1]) && i+w < len(s) && isLetter(s[i+w]) {
					i += w
					continue
				}
				break
			}
			if isLetter(c) {
				letters = true
				if c >= 'a' {
					upper = false
				}
				c |= 0x20
			}
			if n < maxWord {
				buf[n] = c
				n++
			} else {
				long = true
			}
			i++
		}
		// "r/o", "h/o", "c/w": one letter, a slash, one letter.
		if n == 1 && letters && i+1 < len(s) && s[i] == '/' && isLetter(s[i+1]) && (i+2 == len(s) || !isAlnum(s[i+2])) {
			if s[i+1] >= 'a' {
				upper = false
			}
			buf[1], buf[2] = '/', s[i+1]|0x20
			n = 3
			i += 2
		}
		id := int32(-1)
		if !long {
			if v, ok := lx.vocab[string(buf[:n])]; ok {
				id = v
			}
		}
		dst = append(dst, token{start: int32(start), end: int32(i), word: id, upper: upper && letters, brk: brk})
		brk = false
	}
	return dst
}

// hit is one phrase found in a text.
type hit struct {
	entry      int32
	start, end int32 // byte offsets in the text
	tokStart   int32 // index of its first token
	tokEnd     int32 // index after its last token
	seg        int32 // clause number: cues act within their clause
	cue        int32 // index of the cue hit whose scope covers it, -1 when none
	hist       Histology
}

// match appends to dst the phrases of toks, left to right, each the longest phrase starting at its
// first word; words that start no phrase are skipped. Phrases do not cross clause breaks. Stop
// words end a clause and are not reported.
func (lx *lexicon) match(toks []token, dst []hit) []hit {
	seg := int32(0)
	for i := 0; i < len(toks); {
		if toks[i].brk {
			seg++
		}
		best, bestEnd := int32(-1), 0
		node, allUpper := int32(0), true
		for j := i; j < len(toks); j++ {
			if j > i && toks[j].brk {
				break
			}
			w := toks[j].word
			if w < 0 {
				break
			}
			nx, ok := lx.next[uint64(node)<<32|uint64(uint32(w))]
			if !ok {
				break
			}
			node = nx
			allUpper = allUpper && toks[j].upper
			if e := lx.term[node]; e >= 0 && (!lx.entries[e].upper || allUpper) {
				best, bestEnd = e, j+1
			}
		}
		if best < 0 {
			i++
			continue
		}
		if lx.entries[best].kind == kindStop {
			seg++
		} else {
			dst = append(dst, hit{
				entry: best, start: toks[i].start, end: toks[bestEnd-1].end,
				tokStart: int32(i), tokEnd: int32(bestEnd), seg: seg, cue: -1,
				hist: lx.entries[best].hist,
			})
		}
		i = bestEnd
	}
	return dst
}

// add puts a phrase into the trie.
func (lx *lexicon) add(phrase string, e entry) error {
	// Tokenize with a vocabulary that knows every word: words get ids as they come.
	words := splitPhrase(phrase)
	if len(words) == 0 {
		return fmt.Errorf("phrase %q has no words", phrase)
	}
	node := int32(0)
	for _, w := range words {
		id, ok := lx.vocab[w]
		if !ok {
			id = int32(len(lx.vocab))
			lx.vocab[w] = id
			if w == "?" {
				lx.qmark = id
			}
		}
		key := uint64(node)<<32 | uint64(uint32(id))
		nx, ok := lx.next[key]
		if !ok {
			nx = int32(len(lx.term))
			lx.term = append(lx.term, -1)
			lx.next[key] = nx
		}
		node = nx
	}
	if lx.term[node] >= 0 {
		return fmt.Errorf("phrase %q is listed twice", phrase)
	}
	if e.upper {
		for _, r := range phrase {
			if r >= 'a' && r <= 'z' {
				return fmt.Errorf("phrase %q: case upper needs a phrase in capitals", phrase)
			}
		}
	}
	lx.term[node] = int32(len(lx.entries))
	lx.entries = append(lx.entries, e)
	return nil
}

// splitPhrase splits a data phrase into words exactly as tokenize splits text.
func splitPhrase(phrase string) []string {
	scratch := &lexicon{vocab: map[string]int32{}, qmark: -1}
	toks := scratch.tokenize(phrase, nil)
	words := make([]string, 0, len(toks))
	for _, t := range toks {
		var b strings.Builder
		for _, c := range []byte(phrase[t.start:t.end]) {
			switch {
			case isLetter(c):
				b.WriteByte(c | 0x20)
			case isDigit(c), c == '/', c == '?':
				b.WriteByte(c)
			}
		}
		words = append(words, b.String())
	}
	return words
}

func loadLexicon(fs fileReader, hist map[Histology]histInfo) (*lexicon, error) {
	lx := &lexicon{
		vocab: map[string]int32{},
		next:  map[uint64]int32{},
		term:  []int32{-1},
		qmark: -1,
	}
	known := func(h string) bool { _, ok := hist[Histology(h)]; return ok }

	recs, err := readCSV(fs, "diagnoses.csv", "phrase", "histology", "subtype", "case")
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		e := entry{kind: kindDx, hist: Histology(r[1]), subtype: r[2]}
		switch {
		case r[1] == "-":
			e = entry{kind: kindNotMohs}
			if r[2] != "" {
				return nil, fmt.Errorf("diagnoses.csv: %q: a not-Mohs phrase has no subtype", r[0])
			}
		case !known(r[1]):
			return nil, fmt.Errorf("diagnoses.csv: %q: unknown histology %q", r[0], r[1])
		}
		switch r[3] {
		case "":
		case "upper":
			e.upper = true
		default:
			return nil, fmt.Errorf("diagnoses.csv: %q: case must be upper or empty", r[0])
		}
		if err := lx.add(r[0], e); err != nil {
			return nil, fmt.Errorf("diagnoses.csv: %w", err)
		}
	}

	recs, err = readCSV(fs, "subtypes.csv", "phrase", "subtype", "histologies")
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		e := entry{kind: kindSubtype, subtype: r[1]}
		for _, h := range strings.Split(r[2], "|") {
			if !known(h) {
				return nil, fmt.Errorf("subtypes.csv: %q: unknown histology %q", r[0], h)
			}
			e.applies = append(e.applies, Histology(h))
		}
		if e.subtype == "" {
			return nil, fmt.Errorf("subtypes.csv: %q: subtype missing", r[0])
		}
		if err := lx.add(r[0], e); err != nil {
			return nil, fmt.Errorf("subtypes.csv: %w", err)
		}
	}

	recs, err = readCSV(fs, "cues.csv", "phrase", "scope")
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		e := entry{kind: kindCue}
		switch r[1] {
		case "after":
			e.scope = scopeAfter
		case "before":
			e.scope = scopeBefore
		case "both":
			e.scope = scopeAfter | scopeBefore
		case "stop":
			e.kind = kindStop
		default:
			return nil, fmt.Errorf("cues.csv: %q: scope must be after, before, both or stop", r[0])
		}
		if err := lx.add(r[0], e); err != nil {
			return nil, fmt.Errorf("cues.csv: %w", err)
		}
	}

	recs, err = readCSV(fs, "modifiers.csv", "phrase", "modifier")
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		if r[1] != "in-situ" {
			return nil, fmt.Errorf("modifiers.csv: %q: unknown modifier %q", r[0], r[1])
		}
		if err := lx.add(r[0], entry{kind: kindInSitu}); err != nil {
			return nil, fmt.Errorf("modifiers.csv: %w", err)
		}
	}
	return lx, nil
}
