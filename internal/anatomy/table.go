package anatomy

import (
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/mohscode/mohscode/internal/csvtable"
)

// sitesCSV is the vocabulary: one row per canonical term (see the comment at its top).
//
//go:embed sites.csv
var sitesCSV []byte

// tbl is the parsed vocabulary, built once; it is read-only afterwards, so Resolve is safe
// for concurrent use.
var tbl = sync.OnceValue(func() *table { return mustParseTable(sitesCSV) })

// role is what a term does beyond naming its groups (the table's role column).
type role uint8

const (
	roleNone     role = iota
	roleEyelid        // takes "upper"/"lower" next to it as its eyelid part
	roleDigit         // finger, thumb, toe: lends its groups to a nail unit named with it
	roleNail          // nail unit: the groups of the digit next to it, else its own
	roleOfPrefix      // "back"/"dorsum" before "of" and another term is a qualifier of it
)

var roleNames = map[string]role{
	"":          roleNone,
	"eyelid":    roleEyelid,
	"digit":     roleDigit,
	"nail":      roleNail,
	"of-prefix": roleOfPrefix,
}

// side is a laterality word's meaning.
type side uint8

const (
	sideNone side = iota
	sideLeft
	sideRight
	sideBilateral
	sideMidline
)

// lidPart is an eyelid-part word's meaning.
type lidPart uint8

const (
	lidNone lidPart = iota
	lidUpper
	lidLower
)

// Words of the site-text grammar rather than of anatomy: they are never terms.
var (
	sideWords = map[string]side{
		"left": sideLeft, "l": sideLeft, "lt": sideLeft,
		"right": sideRight, "r": sideRight, "rt": sideRight,
		"bilateral": sideBilateral, "bilaterally": sideBilateral, "bilat": sideBilateral,
		"midline": sideMidline,
	}
	// stopWords are dropped from the qualifiers.
	stopWords = []string{"a", "an", "the", "of", "and", "or", "on", "at", "in", "to", "with"}
	// partWords qualify an eyelid term.
	partWords = map[string]lidPart{"upper": lidUpper, "lower": lidLower}
	// qualifierWords are interned so that keeping them costs no allocation.
	qualifierWords = []string{
		"medial", "lateral", "dorsal", "plantar", "palmar", "volar", "central", "proximal",
		"distal", "anterior", "posterior", "mid", "inferior", "superior", "great", "index",
		"middle", "ring", "little", "small", "first", "second", "third", "fourth", "fifth",
		"1st", "2nd", "3rd", "4th", "5th", "skin", "side", "base", "rim", "margin", "junction",
		"border", "tip", "inner", "outer", "infra", "supra", "para", "peri", "region", "area",
	}
)

// entry is one row of the table.
type entry struct {
	term   Term
	role   role
	parent int32 // index of the part_of term, or -1
}

// wordInfo is everything known about one lower-case word.
type wordInfo struct {
	word   string // the word itself, interned
	term   int32  // 1 + index of the entry spelled by this word alone; 0 if none
	side   side
	part   lidPart
	stop   bool
	maxLen uint8 // the most words of a phrase (term spelling) starting with this word
}

// table is the parsed vocabulary with its lookup maps.
type table struct {
	entries []entry
	words   map[string]wordInfo // every known word
	phrases map[string]int32    // spelling of two or more words, joined by one space → entry index
}

// tableColumns are the fixed leading columns; the family columns follow, in Families order.
var tableColumns = []string{"term", "aliases", "role", "part_of"}

func mustParseTable(data []byte) *table {
	t, err := parseTable(data)
	if err != nil {
		panic("anatomy: embedded sites.csv: " + err.Error())
	}
	return t
}

// parseTable parses and validates the vocabulary table.
func parseTable(data []byte) (*table, error) {
	families := Families()
	wantHeader := slices.Clone(tableColumns)
	for _, f := range families {
		wantHeader = append(wantHeader, string(f))
	}
	rows, err := csvtable.Read("sites.csv", string(data), wantHeader...)
	if err != nil {
		return nil, err
	}

	t := &table{
		words:   make(map[string]wordInfo),
		phrases: make(map[string]int32),
	}
	spelled := make(map[string]int32) // every spelling → entry index
	var spellings []string            // in table order, for deterministic errors
	names := make(map[string]int32)
	parents := []string{}
	for _, row := range rows {
		rec, line := row.Fields, row.Line
		idx := int32(len(t.entries))
		name := rec[0]
		if norm, err := normalize(name); err != nil || norm != name || name == "" {
			return nil, fmt.Errorf("line %d: term %q is not a canonical lower-case term", line, name)
		}
		if _, dup := names[name]; dup {
			return nil, fmt.Errorf("line %d: term %q appears twice", line, name)
		}
		names[name] = idx
		rl, ok := roleNames[rec[2]]
		if !ok {
			return nil, fmt.Errorf("line %d: term %q: unknown role %q", line, name, rec[2])
		}
		e := entry{term: Term{Name: name}, role: rl, parent: -1}
		for i, f := range families {
			id := rec[len(tableColumns)+i]
			if !slices.Contains(GroupIDs(f), id) {
				return nil, fmt.Errorf("line %d: term %q: %q is not a %s group", line, name, id, f)
			}
			e.term.Groups.set(f, id)
		}
		t.entries = append(t.entries, e)
		parents = append(parents, rec[3])

		forms := []string{name}
		if rec[1] != "" {
			forms = append(forms, strings.Split(rec[1], "|")...)
		}
		for _, form := range forms {
			key, err := normalize(form)
			if err != nil {
				return nil, fmt.Errorf("line %d: term %q: spelling %q: %w", line, name, form, err)
			}
			if prev, dup := spelled[key]; dup {
				return nil, fmt.Errorf("line %d: spelling %q of %q is already a spelling of %q",
					line, key, name, t.entries[prev].term.Name)
			}
			spelled[key] = idx
			spellings = append(spellings, key)
		}
	}
	if len(t.entries) == 0 {
		return nil, errors.New("no terms")
	}
	for i, p := range parents {
		if p == "" {
			continue
		}
		pi, ok := names[p]
		if !ok || int(pi) == i {
			return nil, fmt.Errorf("term %q: part_of %q is not another term", t.entries[i].term.Name, p)
		}
		t.entries[i].parent = pi
	}
	for i := range t.entries {
		for n, p := 0, t.entries[i].parent; p >= 0; n, p = n+1, t.entries[p].parent {
			if n > len(t.entries) {
				return nil, fmt.Errorf("term %q: part_of forms a cycle", t.entries[i].term.Name)
			}
		}
	}

	// Grammar words first, then every word of every spelling.
	for w, s := range sideWords {
		t.words[w] = wordInfo{word: w, side: s}
	}
	for _, w := range stopWords {
		t.words[w] = wordInfo{word: w, stop: true}
	}
	for w, p := range partWords {
		t.words[w] = wordInfo{word: w, part: p}
	}
	for _, w := range qualifierWords {
		if _, ok := t.words[w]; !ok {
			t.words[w] = wordInfo{word: w}
		}
	}
	for _, key := range spellings {
		idx := spelled[key]
		ws := strings.Split(key, " ")
		for _, w := range ws {
			info, ok := t.words[w]
			if info.side != sideNone {
				return nil, fmt.Errorf("spelling %q of %q contains the laterality word %q",
					key, t.entries[idx].term.Name, w)
			}
			if !ok {
				t.words[w] = wordInfo{word: w}
			}
		}
		if len(ws) > 255 {
			return nil, fmt.Errorf("spelling %q is too long", key)
		}
		info := t.words[ws[0]]
		if len(ws) == 1 {
			if info.stop || info.part != lidNone {
				return nil, fmt.Errorf("spelling %q of %q is a grammar word", key, t.entries[idx].term.Name)
			}
			info.term = idx + 1
		} else {
			t.phrases[key] = idx
			info.maxLen = max(info.maxLen, uint8(len(ws)))
		}
		t.words[ws[0]] = info
	}
	return t, nil
}

// normalize returns s as words in lower case joined by one space, the form the table's
// lookup keys take; a hard separator (see isHard) in s is an error.
func normalize(s string) (string, error) {
	var buf []byte
	sc := wordScanner{text: s}
	for {
		n := len(buf)
		if n > 0 {
			buf = append(buf, ' ')
		}
		var hard, ok bool
		buf, hard, ok = sc.next(buf)
		if hard {
			return "", errors.New("contains a separator")
		}
		if !ok {
			return string(buf[:n]), nil
		}
	}
}

// Terms returns the canonical terms of the vocabulary in table order.
func Terms() []Term {
	out := make([]Term, len(tbl().entries))
	for i, e := range tbl().entries {
		out[i] = e.term
	}
	return out
}
