package audit

import (
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/coding"
)

// Family is a code family the audit groups lines by.
type Family struct {
	// Name is the family's stable name: "mohs", "repair", "biopsy",
	// "pathology", "excision", or Other.
	Name string `json:"family"`
	// Label names the family for people, with its codes ("Mohs 1731x").
	Label string `json:"label"`
	// prefixes are the code prefixes of the family.
	prefixes []string
	// related are the engine's finding rules that explain a missing line.
	related []string
}

// Other is the family of a code the engine does not code (an E/M visit, a
// benign excision): such a billed line is reported as not audited.
const Other = "other"

//go:embed families.csv
var familiesCSV string

// families is the family table, in report order.
var families = mustFamilies(familiesCSV)

func mustFamilies(data string) []Family {
	fs, err := parseFamilies(data)
	if err != nil {
		panic("audit: families.csv: " + err.Error())
	}
	return fs
}

// parseFamilies reads the family table and checks that every prefix is
// unique and every related rule is a rule of the engine.
func parseFamilies(data string) ([]Family, error) {
	r := csv.NewReader(strings.NewReader(data))
	r.Comment = '#'
	r.FieldsPerRecord = 4
	header, err := r.Read()
	if err != nil {
		return nil, err
	}
	if !slices.Equal(header, []string{"family", "label", "prefixes", "related"}) {
		return nil, fmt.Errorf("header %q", header)
	}
	known := map[string]bool{}
	for _, rule := range coding.Rules {
		known[rule.ID] = true
	}
	seen := map[string]string{}
	var out []Family
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		line, _ := r.FieldPos(0)
		f := Family{Name: rec[0], Label: rec[1], prefixes: strings.Fields(rec[2]), related: strings.Fields(rec[3])}
		if f.Name == "" || f.Name == Other || f.Label == "" || len(f.prefixes) == 0 {
			return nil, fmt.Errorf("line %d: a family needs a name (not %q), a label and prefixes", line, Other)
		}
		for _, p := range f.prefixes {
			if prev, dup := seen[p]; dup {
				return nil, fmt.Errorf("line %d: prefix %s already belongs to %s", line, p, prev)
			}
			seen[p] = f.Name
		}
		for _, id := range f.related {
			if !known[id] {
				return nil, fmt.Errorf("line %d: %q is not a rule of the engine", line, id)
			}
		}
		out = append(out, f)
	}
	if len(out) == 0 {
		return nil, errors.New("no families")
	}
	return out, nil
}

// Families returns the audited code families in report order.
func Families() []Family {
	return slices.Clone(families)
}

// FamilyOf returns the family of a code: the family of its longest matching
// prefix, or a Family named Other.
func FamilyOf(code string) Family {
	best, n := Family{Name: Other, Label: "Other codes"}, 0
	for _, f := range families {
		for _, p := range f.prefixes {
			if len(p) > n && strings.HasPrefix(code, p) {
				best, n = f, len(p)
			}
		}
	}
	return best
}

// role is what a line does on the claim, which decides its modifier
// (CODING-RULES.md sections 2-5).
type role int

const (
	roleNone     role = iota
	roleDistinct      // Mohs and excision lines: the distinct-lesion modifier from the second lesion on
	roleRepair        // repair lines: the repair modifier
	roleBiopsy        // biopsy and frozen-section lines: the biopsy modifier
	roleStain         // stain lines: the stain modifier
)

// roleOf tells a code's role from its family and, for pathology, the code
// tables: frozen sections go with their biopsy, every other pathology code
// is a stain.
func roleOf(code string) role {
	switch FamilyOf(code).Name {
	case "mohs", "excision":
		return roleDistinct
	case "repair":
		return roleRepair
	case "biopsy":
		return roleBiopsy
	case "pathology":
		if fs := codetable.FrozenSection(); code == fs.First || code == fs.Additional {
			return roleBiopsy
		}
		return roleStain
	}
	return roleNone
}

// mohsCodes are the Mohs codes by role, from the code tables.
type mohsCodes struct {
	first      map[string]bool // 17311, 17313
	additional map[string]bool // 17312, 17314, 17315
	block      map[string]bool // 17315
	// addOnFamily maps an additional-stage or additional-block code to the
	// first-stage codes it may follow.
	addOnFamily map[string][]string
}

var mohs = loadMohsCodes()

func loadMohsCodes() mohsCodes {
	m := mohsCodes{first: map[string]bool{}, additional: map[string]bool{}, block: map[string]bool{}, addOnFamily: map[string][]string{}}
	for _, class := range []string{"H", "T"} {
		f, ok := codetable.Mohs(class)
		if !ok {
			panic("audit: no Mohs family for class " + class)
		}
		m.first[f.FirstStage] = true
		m.block[f.AdditionalBlock] = true
		for _, c := range []string{f.AdditionalStage, f.AdditionalBlock} {
			m.additional[c] = true
			m.addOnFamily[c] = append(m.addOnFamily[c], f.FirstStage)
		}
	}
	return m
}

// stainCode reports whether code is a stain code (88314, 88342, 88341).
func stainCode(code string) bool {
	return roleOf(code) == roleStain
}
