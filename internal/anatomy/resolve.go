package anatomy

// token is one word of a site text other than a laterality word.
type token struct {
	start, end int32 // the word in the scan buffer
	seg        int32 // segment: a hard separator between two words starts a new one
	comma      bool  // a comma (the last hard separator) stood before the word
	used       uint8 // what the word became: usedFree, usedTerm or usedPart
	info       wordInfo
}

const (
	usedFree uint8 = iota // a qualifier (or a stop word)
	usedTerm              // part of a term spelling
	usedPart              // the upper/lower of an eyelid
)

// match is one term spelling found in a site text.
type match struct {
	entry       int32 // the term
	groups      int32 // the term whose groups it takes (a nail unit takes its digit's)
	first, last int32 // its tokens
	seg         int32
	dead        bool // dropped: demoted to a qualifier, or absorbed by a part of it
}

// Resolve maps site text to a Site; ok is false when the text contains no known term
// (the caller reports site-unknown; never guess). Then site holds only Text, Qualifiers and
// Laterality.
//
// Words are matched case-insensitively as whole words, the longest spelling first, within
// segments of the text split by hard punctuation (/ , ; : ( ) and the like); laterality words
// (left, right, L, R, Lt, Rt, bilateral, midline) are taken out first, so "back of the left
// hand" and "upper left arm" read as "back of the hand" and "upper arm". Then:
//
//   - "back" or "dorsum" followed by "of" and another term in its segment is a qualifier
//     ("back of the forearm" is the forearm);
//   - a nail unit takes the groups of the finger, thumb or toe named next to it (alone, a
//     finger's);
//   - of a term and a part of it standing next to each other in one segment, only the part
//     is kept ("helix of the ear" is the helix, "lower lip vermilion" the vermilion);
//   - "upper" or "lower" right before (or after) an eyelid term is its EyelidPart.
//
// Left and right together, or a bilateral word, make LateralityBilateral; a side wins over
// midline. Qualifiers are the remaining words in lower case, without a, an, the, of, and, or,
// on, at, in, to and with.
//
// Resolve is safe for concurrent use and never panics.
func Resolve(text string) (site Site, ok bool) {
	site.Text = text
	var (
		bufArr   [256]byte
		tokArr   [32]token
		matchArr [8]match
		sides    [sideMidline + 1]bool
		seg      int32
	)
	buf, toks, ms := bufArr[:0], tokArr[:0], matchArr[:0]

	sc := wordScanner{text: text}
	for {
		start := len(buf)
		var hard, more bool
		buf, hard, more = sc.next(buf)
		if !more {
			break
		}
		if hard {
			seg++
		}
		info := tbl().words[string(buf[start:])]
		if info.side != sideNone {
			sides[info.side] = true
			buf = buf[:start]
			continue
		}
		toks = append(toks, token{start: int32(start), end: int32(len(buf)), seg: seg, comma: hard && (sc.sep == ',' || sc.sep == '('), info: info})
		buf = append(buf, ' ')
	}
	site.Laterality = laterality(sides)

	for i := 0; i < len(toks); {
		t := &toks[i]
		idx, n := int32(-1), 0
		if t.info.maxLen > 1 {
			hi := i + 1
			for hi < len(toks) && hi < i+int(t.info.maxLen) && toks[hi].seg == t.seg {
				hi++
			}
			for j := hi - 1; j > i; j-- {
				if e, found := tbl().phrases[string(buf[t.start:toks[j].end])]; found {
					idx, n = e, j-i+1
					break
				}
			}
		}
		if idx < 0 && t.info.term > 0 {
			idx, n = t.info.term-1, 1
		}
		if idx < 0 {
			i++
			continue
		}
		for j := i; j < i+n; j++ {
			toks[j].used = usedTerm
		}
		ms = append(ms, match{entry: idx, groups: idx, first: int32(i), last: int32(i + n - 1), seg: t.seg})
		i += n
	}

	if len(ms) > 0 {
		dropLandmarks(ms, toks, buf)
		demoteOfPrefixes(ms, toks)
		attachNails(ms)
		absorbWholes(ms, toks, buf)
		site.EyelidPart = eyelidPart(ms, toks)
		site.Terms = terms(ms)
	}
	site.Qualifiers = qualifiers(toks, buf)
	if len(site.Terms) == 0 {
		return site, false
	}

	site.Groups = site.Terms[0].Groups
	for _, t := range site.Terms[1:] {
		if t.Groups != site.Terms[0].Groups {
			site.Boundary = true
		}
		if t.Groups.Mohs == GroupMohsH {
			site.Groups.Mohs = GroupMohsH
		}
	}
	return site, true
}

// laterality combines the laterality words of a text.
func laterality(s [sideMidline + 1]bool) Laterality {
	switch {
	case s[sideBilateral], s[sideLeft] && s[sideRight]:
		return LateralityBilateral
	case s[sideLeft]:
		return LateralityLeft
	case s[sideRight]:
		return LateralityRight
	case s[sideMidline]:
		return LateralityMidline
	}
	return LateralityNone
}

// landmarkWords place a site by another it is measured from: "left upper
// cutaneous lip, 4 mm above the vermilion border", "cheek 1 cm lateral to
// the nasal ala". The site after one is a landmark, not a second site.
var landmarkWords = map[string]bool{"above": true, "below": true, "from": true, "beyond": true, "near": true}

// relativeWords make "to" a landmark word: "lateral to", "medial to".
var relativeWords = map[string]bool{"lateral": true, "medial": true, "superior": true, "inferior": true, "anterior": true,
	"posterior": true, "proximal": true, "distal": true, "adjacent": true}

// dropLandmarks drops the terms after a landmark word that follows a term:
// what the lesion is measured from is not where it is.
func dropLandmarks(ms []match, toks []token, buf []byte) {
	word := func(j int) string { return string(buf[toks[j].start:toks[j].end]) }
	for k := 1; k < len(ms); k++ {
		for j := ms[k-1].last + 1; j < ms[k].first; j++ {
			w := word(int(j))
			if landmarkWords[w] || w == "to" && j > 0 && relativeWords[word(int(j-1))] {
				for i := k; i < len(ms); i++ {
					ms[i].dead = true
				}
				return
			}
		}
	}
}

// demoteOfPrefixes turns "back"/"dorsum" into a qualifier when "of" and another term of
// the same segment follow it.
func demoteOfPrefixes(ms []match, toks []token) {
	for k := range ms {
		m := &ms[k]
		if tbl().entries[m.entry].role != roleOfPrefix || k+1 >= len(ms) || ms[k+1].seg != m.seg {
			continue
		}
		if next := int(m.last) + 1; next < len(toks) && toks[next].info.word == "of" {
			m.dead = true
			for j := m.first; j <= m.last; j++ {
				toks[j].used = usedFree
			}
		}
	}
}

// attachNails gives each nail unit the groups of the digit named right before it, else
// right after it.
func attachNails(ms []match) {
	for k := range ms {
		if ms[k].dead || tbl().entries[ms[k].entry].role != roleNail {
			continue
		}
		if p := prevLive(ms, k); p >= 0 && tbl().entries[ms[p].entry].role == roleDigit {
			ms[k].groups = ms[p].entry
		} else if n := nextLive(ms, k); n >= 0 && tbl().entries[ms[n].entry].role == roleDigit {
			ms[k].groups = ms[n].entry
		}
	}
}

func prevLive(ms []match, k int) int {
	for k--; k >= 0; k-- {
		if !ms[k].dead {
			return k
		}
	}
	return -1
}

func nextLive(ms []match, k int) int {
	for k++; k < len(ms); k++ {
		if !ms[k].dead {
			return k
		}
	}
	return -1
}

// absorbWholes drops a term standing next to a part of it in the same segment.
//
// A part that stands alone after a comma, right after its whole or after
// another part of the same whole ("left ear, helix", "Right lower lip,
// vermilion"), is kept too: the remark after the comma says which part it
// is. A part after a slash stays a boundary ("upper lip/vermilion").
func absorbWholes(ms []match, toks []token, buf []byte) {
	p := -1
	for c := range ms {
		if ms[c].dead {
			continue
		}
		if p >= 0 && ms[c].seg == ms[p].seg+1 && (isPartOf(ms[c].entry, ms[p].entry) || siblings(ms[c].entry, ms[p].entry)) && aloneAfterComma(ms[c], toks, buf) {
			ms[p].dead = true
		}
		if p >= 0 && ms[p].seg == ms[c].seg {
			switch {
			case isPartOf(ms[c].entry, ms[p].entry):
				ms[p].dead = true
			case isPartOf(ms[p].entry, ms[c].entry):
				ms[c].dead = true
				continue
			}
		}
		p = c
	}
}

// aloneAfterComma reports whether a term's segment opens after a comma and
// holds nothing but the term, stop words and "border" ("upper lip,
// not involving vermilion" is a remark).
func aloneAfterComma(m match, toks []token, buf []byte) bool {
	for j := range toks {
		t := &toks[j]
		if t.seg != m.seg {
			continue
		}
		if (j == 0 || toks[j-1].seg != m.seg) && !t.comma {
			return false
		}
		if int32(j) >= m.first && int32(j) <= m.last || t.info.stop || string(buf[t.start:t.end]) == "border" {
			continue
		}
		return false
	}
	return true
}

// siblings reports whether two terms are parts of one whole: "lower lip"
// and "vermilion".
func siblings(a, b int32) bool {
	p := tbl().entries[a].parent
	return p >= 0 && p == tbl().entries[b].parent
}

// isPartOf reports whether term part is (transitively) part_of term whole.
func isPartOf(part, whole int32) bool {
	for e := tbl().entries[part].parent; e >= 0; e = tbl().entries[e].parent {
		if e == whole {
			return true
		}
	}
	return false
}

// eyelidPart finds "upper"/"lower" right before (else right after) the first eyelid term
// that has one, and marks that word as used. "upper and lower eyelid" names no one part:
// both words stay qualifiers.
func eyelidPart(ms []match, toks []token) EyelidPart {
	for _, m := range ms {
		if m.dead || tbl().entries[m.entry].role != roleEyelid {
			continue
		}
		if j := int(m.first) - 1; partAt(toks, j, m.seg) {
			if partAt(toks, j-2, m.seg) && toks[j-1].info.stop && toks[j-2].info.part != toks[j].info.part {
				return EyelidNone
			}
			return takePart(&toks[j])
		}
		if j := int(m.last) + 1; partAt(toks, j, m.seg) {
			return takePart(&toks[j])
		}
	}
	return EyelidNone
}

// partAt reports whether toks[j] is a free upper/lower word in segment seg.
func partAt(toks []token, j int, seg int32) bool {
	return j >= 0 && j < len(toks) && toks[j].used == usedFree && toks[j].seg == seg && toks[j].info.part != lidNone
}

// takePart marks an upper/lower word as the eyelid part and returns it.
func takePart(t *token) EyelidPart {
	t.used = usedPart
	if t.info.part == lidUpper {
		return EyelidUpper
	}
	return EyelidLower
}

// terms lists the live matches as Terms.
func terms(ms []match) []Term {
	n := 0
	for _, m := range ms {
		if !m.dead {
			n++
		}
	}
	out := make([]Term, 0, n)
	for _, m := range ms {
		if !m.dead {
			out = append(out, Term{Name: tbl().entries[m.entry].term.Name, Groups: tbl().entries[m.groups].term.Groups})
		}
	}
	return out
}

// qualifiers lists the free words that are not stop words, in text order.
func qualifiers(toks []token, buf []byte) []string {
	n := 0
	for _, t := range toks {
		if t.used == usedFree && !t.info.stop {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]string, 0, n)
	for _, t := range toks {
		if t.used != usedFree || t.info.stop {
			continue
		}
		w := t.info.word
		if w == "" {
			w = string(buf[t.start:t.end])
		}
		out = append(out, w)
	}
	return out
}
