package audit

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/csvtable"
)

// Family is a code family the audit groups lines by. Its JSON and text
// form is its stable name ("mohs").
type Family uint8

// The code families, in report order.
const (
	// Other is the family of a code the engine does not code (an E/M
	// visit, a benign excision): such a billed line is reported as not
	// audited.
	Other Family = iota
	Mohs
	Repair
	Biopsy
	Pathology
	Excision
)

// familyNames are the families' stable names, by Family.
var familyNames = [...]string{Other: "other", Mohs: "mohs", Repair: "repair", Biopsy: "biopsy", Pathology: "pathology", Excision: "excision"}

// String returns the family's stable name.
func (f Family) String() string {
	if int(f) < len(familyNames) {
		return familyNames[f]
	}
	return "family(" + strconv.Itoa(int(f)) + ")"
}

// MarshalText writes the family as its name.
func (f Family) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// Label names the family for people, with its codes ("Mohs 1731x").
func (f Family) Label() string {
	if f == Other {
		return "Other codes"
	}
	return families()[f].label
}

// familyInfo is a family's row of the family table.
type familyInfo struct {
	label string
	// prefixes are the code prefixes of the family.
	prefixes []string
	// related are the engine's finding rules that explain a missing line.
	related []string
}

//go:embed families.csv
var familiesCSV string

// families is the family table, by Family (Other has no row), read on
// first use.
var families = sync.OnceValue(func() map[Family]familyInfo { return mustFamilies(familiesCSV) })

func mustFamilies(data string) map[Family]familyInfo {
	fs, err := parseFamilies(data)
	if err != nil {
		panic("audit: families.csv: " + err.Error())
	}
	return fs
}

// parseFamilies reads the family table and checks that it has a row for
// every family but Other, that every prefix is unique and that every
// related rule is a rule of the engine.
func parseFamilies(data string) (map[Family]familyInfo, error) {
	rows, err := csvtable.Read("families.csv", data, "family", "label", "prefixes", "related")
	if err != nil {
		return nil, err
	}
	known := map[string]bool{}
	for _, rule := range coding.Rules {
		known[rule.ID] = true
	}
	seen := map[string]Family{}
	out := map[Family]familyInfo{}
	for _, row := range rows {
		rec, line := row.Fields, row.Line
		fam := Family(slices.Index(familyNames[:], rec[0]))
		info := familyInfo{label: rec[1], prefixes: strings.Fields(rec[2]), related: strings.Fields(rec[3])}
		if _, dup := out[fam]; dup || fam == Other || slices.Index(familyNames[:], rec[0]) < 0 || info.label == "" || len(info.prefixes) == 0 {
			return nil, fmt.Errorf("line %d: a family needs a name of %s given once, a label and prefixes", line, strings.Join(familyNames[1:], ", "))
		}
		for _, p := range info.prefixes {
			if prev, dup := seen[p]; dup {
				return nil, fmt.Errorf("line %d: prefix %s already belongs to %s", line, p, prev)
			}
			seen[p] = fam
		}
		for _, id := range info.related {
			if !known[id] {
				return nil, fmt.Errorf("line %d: %q is not a rule of the engine", line, id)
			}
		}
		out[fam] = info
	}
	if len(out) != len(familyNames)-1 {
		return nil, fmt.Errorf("%d families, want one row for each of %s", len(out), strings.Join(familyNames[1:], ", "))
	}
	return out, nil
}

// Families returns the audited code families in report order.
func Families() []Family {
	return []Family{Mohs, Repair, Biopsy, Pathology, Excision}
}

// FamilyOf returns the family of a code: the family of its longest matching
// prefix, or Other.
func FamilyOf(code string) Family {
	best, n := Other, 0
	for f, info := range families() {
		for _, p := range info.prefixes {
			if len(p) > n && strings.HasPrefix(code, p) {
				best, n = f, len(p)
			}
		}
	}
	return best
}

// related reports whether a finding rule explains a missing line of the
// family.
func (f Family) related(rule string) bool {
	return slices.Contains(families()[f].related, rule)
}

// role is what a line does on the claim, which decides its modifier
// (docs/coding-rules.md sections 2-5).
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
	switch FamilyOf(code) {
	case Mohs, Excision:
		return roleDistinct
	case Repair:
		return roleRepair
	case Biopsy:
		return roleBiopsy
	case Pathology:
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

// mohs are the Mohs codes by role, read from the code tables on first use.
var mohs = sync.OnceValue(loadMohsCodes)

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
