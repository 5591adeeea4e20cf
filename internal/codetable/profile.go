package codetable

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"unicode"
)

// Profile is a payer profile (docs/coding-rules.md section 8): the modifiers each kind of
// line carries under one payer. It is also the JSON shape of a user's profile file.
type Profile struct {
	// Name names the profile in the output ("commercial", "medicare", "uhc", or the
	// name in a user's file).
	Name string `json:"name"`
	// DistinctLesionModifier goes on the Mohs (or excision fallback) lines of the
	// second and every later lesion.
	DistinctLesionModifier string `json:"distinct_lesion_modifier"`
	// RepairModifier, when set, goes on every repair, flap and graft line (the "59 on
	// every repair" convention some payers ask for). Empty, as in every built-in
	// profile, means none: repair lines then carry 59 only where the coding rules give
	// it (several repair classes, docs/coding-rules.md section 3).
	RepairModifier string `json:"repair_modifier,omitempty"`
	// BiopsyOtherLesionModifier goes on biopsy and frozen-section lines of a lesion
	// other than a Mohs lesion.
	BiopsyOtherLesionModifier string `json:"biopsy_other_lesion_modifier"`
	// BiopsyMohsLesionModifier goes on the lines of the same-day biopsy of a Mohs
	// lesion and its frozen section.
	BiopsyMohsLesionModifier string `json:"biopsy_mohs_lesion_modifier"`
	// StainModifier goes on every stain line.
	StainModifier string `json:"stain_modifier"`
	// Notes maps a finding's rule id to the payer's note to show with that finding,
	// in our own words (uhc: its policy note on "pathology-not-surgeon"). It may be
	// nil.
	Notes map[string]string `json:"notes,omitempty"`
}

// validate checks that the name and every required modifier are present and that
// each modifier given is two upper-case letters or digits. The repair modifier is
// optional. Errors name the JSON field.
func (p Profile) validate() error {
	if p.Name == "" {
		return errors.New(`profile: missing "name"`)
	}
	fields := []struct {
		json, value string
		optional    bool
	}{
		{"distinct_lesion_modifier", p.DistinctLesionModifier, false},
		{"repair_modifier", p.RepairModifier, true},
		{"biopsy_other_lesion_modifier", p.BiopsyOtherLesionModifier, false},
		{"biopsy_mohs_lesion_modifier", p.BiopsyMohsLesionModifier, false},
		{"stain_modifier", p.StainModifier, false},
	}
	for _, f := range fields {
		if f.value == "" {
			if f.optional {
				continue
			}
			return fmt.Errorf("profile %q: missing %q", p.Name, f.json)
		}
		if !isModifier(f.value) {
			return fmt.Errorf("profile %q: %q is %q: want a two-character modifier of upper-case letters or digits, like 59 or XS", p.Name, f.json, f.value)
		}
	}
	for id, note := range p.Notes {
		if id == "" || strings.TrimSpace(note) == "" {
			return fmt.Errorf("profile %q: \"notes\": rule id %q needs a non-empty rule id and note", p.Name, id)
		}
	}
	return nil
}

// isModifier reports whether s is a CPT/HCPCS modifier: two upper-case letters or
// digits.
func isModifier(s string) bool {
	if len(s) != 2 {
		return false
	}
	for i := 0; i < 2; i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// clone returns p with its own copy of Notes, so callers cannot change the tables.
func (p Profile) clone() Profile {
	p.Notes = maps.Clone(p.Notes)
	return p
}

// BuiltinProfile returns the built-in payer profile of that name ("commercial",
// "medicare", "uhc"), and false for any other name.
func BuiltinProfile(name string) (Profile, bool) {
	p, ok := tab().profiles[name]
	return p.clone(), ok
}

// ProfileNames returns the names of the built-in profiles, sorted.
func ProfileNames() []string {
	return slices.Sorted(maps.Keys(tab().profiles))
}

// payerRule picks a profile when the payer text contains one of its spellings.
type payerRule struct {
	profile  string
	contains []string // normalised by normPayer
}

// ProfileForPayerText returns the name of the built-in profile the note's Payer: text
// picks, as [MatchPayer] does.
func ProfileForPayerText(text string) string {
	name, _ := MatchPayer(text)
	return name
}

// MatchPayer returns the name of the built-in profile the note's Payer: text picks,
// and whether the text named it. Rules are tried in order, matching ignores case,
// spaces and hyphens: any text containing "Medicare" is medicare (also "UHC Medicare
// Advantage", "Humana Medicare Advantage"); otherwise text containing
// "UnitedHealthcare", "United Healthcare" or "UHC" is uhc; otherwise text containing
// "commercial" is commercial. Anything else (Medicaid, BCBS, Aetna, Tricare, empty
// text) is the default profile, commercial, with named false: the caller reports
// payer-profile-default for a payer it names (docs/coding-rules.md section 8).
func MatchPayer(text string) (profile string, named bool) {
	n := normPayer(text)
	if n != "" {
		for _, r := range tab().payerRules {
			for _, c := range r.contains {
				if strings.Contains(n, c) {
					return r.profile, true
				}
			}
		}
	}
	return tab().defaultPro, false
}

// normPayer lower-cases payer text and drops spaces and hyphens.
func normPayer(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if !unicode.IsSpace(r) && !unicode.Is(unicode.Pd, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// LoadProfile reads a user's payer profile: one JSON object with the fields of
// Profile ("name", "distinct_lesion_modifier", "biopsy_other_lesion_modifier",
// "biopsy_mohs_lesion_modifier", "stain_modifier", and optionally "repair_modifier"
// and "notes"). Unknown fields are an error, and so is a missing name or required
// modifier, or a modifier that is not two upper-case letters or digits: the message
// names the field.
func LoadProfile(r io.Reader) (Profile, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var p Profile
	if err := dec.Decode(&p); err != nil {
		return Profile{}, fmt.Errorf("profile: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return Profile{}, errors.New("profile: unexpected data after the JSON object")
	}
	if err := p.validate(); err != nil {
		return Profile{}, err
	}
	return p, nil
}
