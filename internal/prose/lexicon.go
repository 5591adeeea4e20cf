package prose

import (
	_ "embed"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"sync"

	"github.com/mohscode/mohscode/internal/phrase"
)

// cat is a category of the lexicon: a trigger kind of the scope reader or a
// concept the fact readers look for.
type cat uint8

// The categories, in the order of their names in catNames.
const (
	cNegPre cat = iota
	cNegPost
	cPseudo
	cUncPre
	cUncPost
	cHistPre
	cHistPost
	cHypPre
	cHypPost
	cTerm
	cTumor
	cDiagnosis
	cDxMod
	cMarginLoc
	cClear
	cPositive
	cEquivocal
	cBlockNoun
	cBlockFiller
	cStageNoun
	cStageRelative
	cStageRefPrep
	cMap
	cReadVerb
	cSurgeon
	cPathologist
	cBiopsy
	cBiopsyMethod
	cToday
	cOtherLesion
	cPriorCue
	cIndicationCue
	cReason
	cPreopCue
	cDefect
	cFinalDefect
	cRepairHead
	cRepairMod
	cDeferred
	cTiming
	cStructure
	cDepthCue
	cBoilerplate
	cStain
	cSlide
	cSuture
	cOtherTissue
	cFinding
	cSeen
	cStagesPlural
	cDonor
	cLengthWord
	cMohsSurgery
	cFrozen
	cPreopExcl
	cPreopExclBefore
	cDebulk
	cBy
	cLesionNoun
	cHistologyWord
	cStageOrdNoun
	cPlan
	cReturnVisit
	cEveryLesion
	numCats
)

var catNames = [numCats]string{
	"neg-pre", "neg-post", "pseudo", "unc-pre", "unc-post", "hist-pre", "hist-post", "hyp-pre", "hyp-post", "term",
	"tumor", "diagnosis", "dx-mod", "margin-loc", "clear", "positive", "equivocal",
	"block-noun", "block-filler", "stage-noun", "stage-relative", "stage-ref-prep",
	"map", "read-verb", "surgeon", "pathologist", "biopsy", "biopsy-method", "today", "other-lesion",
	"prior-cue", "indication-cue", "reason", "preop-cue", "defect", "final-defect",
	"repair-head", "repair-mod", "deferred", "timing", "structure", "depth-cue", "boilerplate", "stain",
	"slide", "suture", "other-tissue", "finding", "seen", "stages-plural", "donor", "length-word",
	"mohs-surgery", "frozen", "preop-excl", "preop-excl-before", "debulk", "by", "lesion-noun", "histology-word",
	"stage-ord-noun", "plan", "return-visit", "every-lesion",
}

// The categories fit the per-token bit masks.
var _ = [64 - numCats]struct{}{}

// trigger reports whether c is a trigger of the scope reader rather than a concept.
func (c cat) trigger() bool { return c <= cTerm }

//go:embed lexicon.txt
var lexiconText string

// lexicon is the parsed vocabulary: each phrase with the categories it is
// listed under, as a bit mask.
type lexicon = phrase.Index[uint64]

// theLexicon parses the embedded vocabulary once.
var theLexicon = sync.OnceValue(func() *lexicon {
	lx, err := parseLexicon(lexiconText)
	if err != nil {
		panic(err) // the embedded table is tested
	}
	return lx
})

// parseLexicon reads the "[category]" sections of the vocabulary. A phrase
// may be listed under several categories, once under each.
func parseLexicon(src string) (*lexicon, error) {
	cats := map[string]uint64{} // a phrase's words, spaced → its categories
	var phrases []string        // the phrases, in order
	cur := cat(255)
	for n, raw := range strings.Split(src, "\n") {
		line := strings.TrimSpace(raw)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") && line != "[ ]" {
			name := line[1 : len(line)-1]
			i := slices.Index(catNames[:], name)
			if i < 0 {
				return nil, fmt.Errorf("lexicon line %d: unknown category %q", n+1, name)
			}
			cur = cat(i)
			continue
		}
		if cur == 255 {
			return nil, fmt.Errorf("lexicon line %d: phrase before any category", n+1)
		}
		toks, nb := tokenize(line, 0, len(line), []int32{0}, nil, nil)
		words := make([]string, len(toks))
		for i, t := range toks {
			words[i] = string(nb[t.nlo:t.nhi])
		}
		switch {
		case len(words) == 0:
			return nil, fmt.Errorf("lexicon line %d: empty phrase", n+1)
		case len(words) > maxPhrase:
			return nil, fmt.Errorf("lexicon line %d: a phrase has at most %d words", n+1, maxPhrase)
		}
		p := strings.Join(words, " ")
		switch {
		case cats[p]&(1<<cur) != 0:
			return nil, fmt.Errorf("lexicon line %d: %q is listed twice under [%s]", n+1, line, catNames[cur])
		case cats[p] == 0:
			phrases = append(phrases, p)
		}
		cats[p] |= 1 << cur
	}
	lx := phrase.New[uint64]()
	for _, p := range phrases {
		var words []phrase.Word
		for _, w := range strings.Split(p, " ") {
			words = append(words, lx.Intern(w))
		}
		if err := lx.Add(words, cats[p]); err != nil {
			return nil, fmt.Errorf("lexicon: %q: %w", p, err)
		}
	}
	return lx, nil
}

// hit is one phrase found in a paragraph.
type hit struct {
	lo, hi int32 // token range
	cat    cat
}

// matches are the phrases found in a paragraph.
type matches struct {
	hits  []hit    // concepts and the triggers kept, by start
	cover []uint64 // per token: the categories of the kept hits covering it
	first []int32  // per token and one more: the index of the first hit starting there or later
}

// maxPhrase is the most words a phrase of the lexicon has.
const maxPhrase = 8

// match finds the lexicon's phrases in the paragraph's tokens, sentence by
// sentence. Of the triggers, the longest at a place wins and the words it
// covers start no other trigger; a concept inside a longer pseudo-trigger is
// dropped ("positive area" is no positive margin).
func (p *para) match(lx *lexicon) {
	m := &p.m
	m.hits = m.hits[:0]
	m.cover = grow(m.cover, len(p.toks))
	var found [maxPhrase]phrase.Match[uint64] // the phrases at a token: one a length at most
	var buf [64]phrase.Word
	words := buf[:0] // per token of the sentence: its word in the lexicon
	pseudo := p.pseudo[:0]
	for _, s := range p.sents {
		words = words[:0]
		for i := s.lo; i < s.hi; i++ {
			words = append(words, lx.Word(p.w(i)))
		}
		trigEnd := s.lo // first token that may start a trigger
		for i := s.lo; i < s.hi; i++ {
			bestTrig := 0
			var seen uint64 // the concepts found at i
			for _, f := range lx.At(words, i-s.lo, found[:0]) {
				for cats := f.Value; cats != 0; cats &= cats - 1 {
					c := cat(bits.TrailingZeros64(cats))
					h := hit{lo: int32(i), hi: int32(i + f.Len), cat: c}
					if c.trigger() {
						if i < trigEnd || f.Len < bestTrig {
							continue
						}
						bestTrig = f.Len
						if c == cPseudo {
							pseudo = append(pseudo, h)
						}
					} else {
						if seen&(1<<c) != 0 {
							continue // a longer phrase of c starts here
						}
						seen |= 1 << c
					}
					m.hits = append(m.hits, h)
				}
			}
			if bestTrig > 0 {
				trigEnd = i + bestTrig
			}
		}
	}
	// Drop concepts inside a longer pseudo-trigger. Pseudo-triggers do not
	// overlap (the words of a trigger start no other), so the one covering a
	// concept's first word is the only candidate.
	if len(pseudo) > 0 {
		kept := m.hits[:0]
		pi := 0
		for _, h := range m.hits {
			for pi < len(pseudo) && pseudo[pi].hi <= h.lo {
				pi++
			}
			drop := false
			if pi < len(pseudo) && !h.cat.trigger() {
				ps := pseudo[pi]
				drop = ps.lo <= h.lo && h.hi <= ps.hi && ps.hi-ps.lo > h.hi-h.lo
			}
			if !drop {
				kept = append(kept, h)
			}
		}
		m.hits = kept
	}
	for _, h := range m.hits {
		for k := h.lo; k < h.hi; k++ {
			m.cover[k] |= 1 << h.cat
		}
	}
	p.pseudo = pseudo
	m.first = grow(m.first, len(p.toks)+1)
	k := 0
	for i := range m.first {
		for k < len(m.hits) && int(m.hits[k].lo) < i {
			k++
		}
		m.first[i] = int32(k)
	}
	for si := range p.sents {
		s := &p.sents[si]
		for i := s.lo; i < s.hi; i++ {
			s.mask |= m.cover[i]
		}
	}
}

// grow returns b resized to n zero elements, reusing its memory.
func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n, n+n/2)
	}
	b = b[:n]
	clear(b)
	return b
}

// has reports whether token i is covered by a hit of category c.
func (p *para) has(i int, c cat) bool {
	return i >= 0 && i < len(p.toks) && p.m.cover[i]&(1<<c) != 0
}

// hitAt returns the end of the hit of category c that starts at token i, or 0.
func (p *para) hitAt(i int, c cat) int {
	if i < 0 || i >= len(p.toks) || p.m.cover[i]&(1<<c) == 0 {
		return 0
	}
	for _, h := range p.hitsFrom(i) {
		if int(h.lo) != i {
			break
		}
		if h.cat == c {
			return int(h.hi)
		}
	}
	return 0
}

// hitsFrom returns the hits starting at token i or later.
func (p *para) hitsFrom(i int) []hit {
	return p.m.hits[p.m.first[min(max(i, 0), len(p.toks))]:]
}

// any reports whether sentence s holds a word of category c.
func (s span) any(c cat) bool { return s.mask&(1<<c) != 0 }

// anyIn reports whether a token of [lo, hi) is covered by category c.
func (p *para) anyIn(lo, hi int, c cat) bool {
	for i := lo; i < hi; i++ {
		if p.m.cover[i]&(1<<c) != 0 {
			return true
		}
	}
	return false
}

// firstIn returns the first token of [lo, hi) covered by category c, or -1.
func (p *para) firstIn(lo, hi int, c cat) int {
	for i := lo; i < hi; i++ {
		if p.m.cover[i]&(1<<c) != 0 {
			return i
		}
	}
	return -1
}
