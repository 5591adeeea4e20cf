package icd10

import (
	"fmt"
	"strings"

	"github.com/mohscode/mohscode/internal/phrase"
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

// lexicon is every phrase of the data files.
type lexicon struct {
	phrases *phrase.Index[int32] // the value of a phrase is its index in entries
	entries []entry
}

// maxWord is the longest word the recogniser looks up; longer words match nothing.
const maxWord = 32

// token is one word of a text.
type token struct {
	start, end int32 // byte offsets of the word in the text
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

// tokenize appends the words of s to toks and their vocabulary ids to words; with intern, new
// words join the vocabulary (s is a data phrase). A word is a run of ASCII letters and digits,
// lower-cased; an apostrophe inside a word is dropped ("Bowen's" → "bowens"); two single letters
// around a slash are one word ("r/o"); "?" is a word of its own. Everything else separates words.
func (lx *lexicon) tokenize(s string, toks []token, words []phrase.Word, intern bool) ([]token, []phrase.Word) {
	var buf [maxWord]byte
	brk := false
	for i := 0; i < len(s); {
		c := s[i]
		if !isAlnum(c) {
			switch {
			case c == '?':
				toks = append(toks, token{start: int32(i), end: int32(i + 1), brk: brk})
				words = append(words, lx.word([]byte{'?'}, intern))
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
		id := phrase.Unknown
		if !long {
			id = lx.word(buf[:n], intern)
		}
		toks = append(toks, token{start: int32(start), end: int32(i), upper: upper && letters, brk: brk})
		words = append(words, id)
		brk = false
	}
	return toks, words
}

// word returns the vocabulary id of w, adding w to the vocabulary with intern. (Only Intern
// keeps its string: converted apart, a looked-up word is not copied to the heap.)
func (lx *lexicon) word(w []byte, intern bool) phrase.Word {
	if intern {
		return lx.phrases.Intern(string(w))
	}
	return lx.phrases.Word(string(w))
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

// match appends to dst the phrases of toks (whose vocabulary ids are words), left to right, each
// the longest phrase starting at its first word; words that start no phrase are skipped. Phrases
// do not cross clause breaks. Stop words end a clause and are not reported.
func (lx *lexicon) match(toks []token, words []phrase.Word, dst []hit) []hit {
	var found [8]phrase.Match[int32]
	seg := int32(0)
	for lo := 0; lo < len(toks); {
		if toks[lo].brk {
			seg++
		}
		hi := lo + 1 // end of the clause
		for hi < len(toks) && !toks[hi].brk {
			hi++
		}
		for i := lo; i < hi; {
			best := lx.longest(toks[i:hi], lx.phrases.At(words[:hi], i, found[:0]))
			if best.Len == 0 {
				i++
				continue
			}
			end := i + best.Len
			if lx.entries[best.Value].kind == kindStop {
				seg++
			} else {
				dst = append(dst, hit{
					entry: best.Value, start: toks[i].start, end: toks[end-1].end,
					tokStart: int32(i), tokEnd: int32(end), seg: seg, cue: -1,
					hist: lx.entries[best.Value].hist,
				})
			}
			i = end
		}
		lo = hi
	}
	return dst
}

// longest returns the first of the phrases found at toks[0] (longest first) whose case fits, or a
// zero Match: a phrase marked upper counts only when its words are all in capitals.
func (lx *lexicon) longest(toks []token, found []phrase.Match[int32]) phrase.Match[int32] {
	for _, m := range found {
		if !lx.entries[m.Value].upper || allUpper(toks[:m.Len]) {
			return m
		}
	}
	return phrase.Match[int32]{}
}

func allUpper(toks []token) bool {
	for _, t := range toks {
		if !t.upper {
			return false
		}
	}
	return true
}

// add puts a phrase into the lexicon.
func (lx *lexicon) add(text string, e entry) error {
	if e.upper && strings.ContainsFunc(text, func(r rune) bool { return 'a' <= r && r <= 'z' }) {
		return fmt.Errorf("phrase %q: case upper needs a phrase in capitals", text)
	}
	_, words := lx.tokenize(text, nil, nil, true)
	if err := lx.phrases.Add(words, int32(len(lx.entries))); err != nil {
		return fmt.Errorf("phrase %q: %w", text, err)
	}
	lx.entries = append(lx.entries, e)
	return nil
}

func loadLexicon(fs fileReader, hist map[Histology]histInfo) (*lexicon, error) {
	lx := &lexicon{phrases: phrase.New[int32]()}
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
