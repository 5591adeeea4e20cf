package codetable

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"sync"
)

// Edition names the rule pack the tables form and the code-set editions they follow.
// Every output format carries it: the claim's JSON has it as its "rules" object.
type Edition struct {
	// Version is the rule-pack version, changed whenever a table or a coding rule
	// changes what a note is coded as ("2026.12.2").
	Version string `json:"version"`
	// CPT is the CPT edition the code tables follow ("CPT 2026").
	CPT string `json:"cpt"`
	// ICD10CM is the ICD-10-CM edition the diagnosis table follows ("ICD-10-CM FY2026").
	ICD10CM string `json:"icd10cm"`
}

// Source is one document the rules and tables are taken from.
type Source struct {
	// Name names the document: a CPT guideline, an NCCI manual chapter, a CMS file, an
	// ICD-10-CM convention.
	Name string `json:"name"`
	// Covers says, in a phrase, which rules or tables come from it.
	Covers string `json:"covers"`
}

// RulePack is the versioned rule pack with its provenance: the edition and the sources
// (`mohscode rules` prints them).
type RulePack struct {
	Edition
	Sources []Source `json:"sources"`
}

// Pack returns the rule pack of the embedded tables (data/pack.json).
func Pack() RulePack {
	p := packOnly()
	p.Sources = append([]Source(nil), p.Sources...)
	return p
}

// PackEdition returns the rule pack's edition alone, without copying its
// sources: what every claim carries.
func PackEdition() Edition { return packOnly().Edition }

// loadPack reads the rule-pack version, editions and sources.
func (t *tables) loadPack(fsys fs.FS) error {
	const name = "data/pack.json"
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&t.pack); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	switch {
	case t.pack.Version == "" || t.pack.CPT == "" || t.pack.ICD10CM == "":
		return fmt.Errorf("%s: version, cpt and icd10cm are required", name)
	case len(t.pack.Sources) == 0:
		return fmt.Errorf("%s: no sources", name)
	}
	for i, s := range t.pack.Sources {
		if s.Name == "" || s.Covers == "" {
			return fmt.Errorf("%s: source %d: name and covers are required", name, i+1)
		}
	}
	return nil
}

// packOnly reads data/pack.json alone, so that printing the version does not
// load every table.
var packOnly = sync.OnceValue(func() RulePack {
	var t tables
	if err := t.loadPack(dataFS); err != nil {
		panic("codetable: " + err.Error())
	}
	return t.pack
})
