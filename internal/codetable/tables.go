package codetable

import (
	"bytes"
	"cmp"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/mohscode/mohscode/internal/csvtable"
)

//go:embed data/*.csv data/*.json
var dataFS embed.FS

// tab returns the parsed tables, loaded on first use (a command that codes
// no note does not pay for them); they are read-only afterwards.
var tab = sync.OnceValue(func() *tables { return mustLoad(dataFS) })

// mustLoad loads the embedded tables. A malformed table is a programming error in
// the data files: it panics, and every test of the package fails with its message.
func mustLoad(fsys fs.FS) *tables {
	t, err := load(fsys)
	if err != nil {
		panic("codetable: " + err.Error())
	}
	return t
}

// sizeKey names the rows of one size table: a family (repair class, "flap", graft
// kind, "excision") and a site group.
type sizeKey struct{ family, group string }

// tables is every table of the package in typed form.
type tables struct {
	codes      map[string]string // code → description
	mohs       map[string]MohsFamily
	sized      map[sizeKey][]sizeRow // rows sorted by min
	familyFile map[string]string     // size family → the data file defining it
	biopsy     map[string]BiopsyCodes
	pathology  map[string]ServiceCodes // service → codes
	stains     map[string]StainKind    // normalised spelling → kind
	stainNames map[string]string       // normalised spelling → the table's name
	profiles   map[string]Profile
	payerRules []payerRule
	defaultPro string
	pack       RulePack
}

// Data files of the size tables, also the names Linear, Flap, Graft and Excision
// check a family against.
const (
	linearFile   = "data/linear.csv"
	flapFile     = "data/flap.csv"
	graftFile    = "data/graft.csv"
	excisionFile = "data/excision.csv"
)

// anyGroup is the group of flap rows that apply to every group.
const anyGroup = "*"

// load parses and validates every table in fsys.
func load(fsys fs.FS) (*tables, error) {
	t := &tables{
		sized:      map[sizeKey][]sizeRow{},
		familyFile: map[string]string{},
	}
	steps := []func(fs.FS) error{
		t.loadCodes, t.loadMohs, t.loadSized, t.loadBiopsy, t.loadPathology,
		t.loadStains, t.loadProfiles, t.loadPack,
	}
	for _, step := range steps {
		if err := step(fsys); err != nil {
			return nil, err
		}
	}
	return t, t.checkCodes()
}

// csvRow is one data record of a CSV table, with its position for error messages.
type csvRow struct {
	pos  string
	vals map[string]string
}

// get returns the value of a column; readCSV guarantees the column exists.
func (r csvRow) get(col string) string { return r.vals[col] }

// errorf prefixes an error with the row's position.
func (r csvRow) errorf(format string, args ...any) error {
	return fmt.Errorf("%s: "+format, append([]any{r.pos}, args...)...)
}

// readCSV reads a CSV table whose header must be exactly header
// (csvtable.Read), and which has rows.
func readCSV(fsys fs.FS, name string, header ...string) ([]csvRow, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	recs, err := csvtable.Read(name, string(data), header...)
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("%s: no rows", name)
	}
	rows := make([]csvRow, len(recs))
	for i, rec := range recs {
		rows[i] = csvRow{pos: fmt.Sprintf("%s:%d", name, rec.Line), vals: make(map[string]string, len(header))}
		for k, col := range header {
			rows[i].vals[col] = rec.Fields[k]
		}
	}
	return rows, nil
}

// parseTenths parses a size written with exactly one decimal ("2.5", "30.0") into
// whole tenths, without floating point.
func parseTenths(s string) (int, error) {
	whole, frac, ok := strings.Cut(s, ".")
	w, err := strconv.ParseUint(whole, 10, 32) // digits only, no sign
	if !ok || err != nil || len(whole) > 5 || len(frac) != 1 || frac[0] < '0' || frac[0] > '9' {
		return 0, fmt.Errorf("size %q: want digits with exactly one decimal, like 2.5", s)
	}
	return int(w)*10 + int(frac[0]-'0'), nil
}

// isCode reports whether s looks like a CPT code: five ASCII letters or digits.
func isCode(s string) bool {
	if len(s) != 5 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// loadCodes reads the code descriptions.
func (t *tables) loadCodes(fsys fs.FS) error {
	rows, err := readCSV(fsys, "data/codes.csv", "code", "description")
	if err != nil {
		return err
	}
	t.codes = make(map[string]string, len(rows))
	for _, r := range rows {
		code, desc := r.get("code"), r.get("description")
		switch {
		case !isCode(code):
			return r.errorf("code %q is not five letters or digits", code)
		case desc == "":
			return r.errorf("code %s has no description", code)
		case t.codes[code] != "":
			return r.errorf("code %s described twice", code)
		}
		t.codes[code] = desc
	}
	return nil
}

// loadMohs reads the Mohs families.
func (t *tables) loadMohs(fsys fs.FS) error {
	rows, err := readCSV(fsys, "data/mohs.csv", "class", "first", "additional_stage", "additional_block")
	if err != nil {
		return err
	}
	t.mohs = make(map[string]MohsFamily, len(rows))
	for _, r := range rows {
		f := MohsFamily{
			Class:           r.get("class"),
			FirstStage:      r.get("first"),
			AdditionalStage: r.get("additional_stage"),
			AdditionalBlock: r.get("additional_block"),
		}
		switch {
		case f.Class == "":
			return r.errorf("empty class")
		case f.FirstStage == "" || f.AdditionalStage == "" || f.AdditionalBlock == "":
			return r.errorf("class %s: every code column is required", f.Class)
		}
		if _, dup := t.mohs[f.Class]; dup {
			return r.errorf("class %s listed twice", f.Class)
		}
		t.mohs[f.Class] = f
	}
	return nil
}

// sizeSource describes one size table file: its family column (empty when the
// whole file is one family) and whether it has add-on columns.
type sizeSource struct {
	file      string
	familyCol string
	family    string
	addons    bool
}

// loadSized reads the four size tables, merges the flap rows that apply to any
// group into every group, sorts rows and checks their ranges.
func (t *tables) loadSized(fsys fs.FS) error {
	sources := []sizeSource{
		{file: linearFile, familyCol: "class", addons: true},
		{file: flapFile, family: FamilyFlap, addons: true},
		{file: graftFile, familyCol: "kind", addons: true},
		{file: excisionFile, family: FamilyExcision},
	}
	for _, src := range sources {
		if err := t.loadSizeFile(fsys, src); err != nil {
			return err
		}
	}
	keys := slices.SortedFunc(maps.Keys(t.sized), func(a, b sizeKey) int {
		return cmp.Or(cmp.Compare(a.family, b.family), cmp.Compare(a.group, b.group))
	})
	for _, k := range keys {
		rows := t.sized[k]
		slices.SortFunc(rows, func(a, b sizeRow) int { return a.min - b.min })
		if err := checkRows(rows); err != nil {
			return fmt.Errorf("%s: %s, group %s: %w", t.familyFile[k.family], k.family, k.group, err)
		}
	}
	return nil
}

// loadSizeFile reads one size table file into t.sized.
func (t *tables) loadSizeFile(fsys fs.FS, src sizeSource) error {
	var header []string
	if src.familyCol != "" {
		header = append(header, src.familyCol)
	}
	header = append(header, "group", "min", "max", "code")
	if src.addons {
		header = append(header, "addon", "addon_from", "addon_per")
	}
	rows, err := readCSV(fsys, src.file, header...)
	if err != nil {
		return err
	}
	var anyRows []sizeRow
	anyFamily := ""
	for _, r := range rows {
		family := src.family
		if src.familyCol != "" {
			family = r.get(src.familyCol)
		}
		row, err := parseSizeRow(r, src.addons)
		if err != nil {
			return err
		}
		group := r.get("group")
		switch {
		case family == "":
			return r.errorf("empty %s", src.familyCol)
		case group == "":
			return r.errorf("empty group")
		case t.familyFile[family] != "" && t.familyFile[family] != src.file:
			return r.errorf("family %s is already defined in %s", family, t.familyFile[family])
		}
		t.familyFile[family] = src.file
		if group == anyGroup {
			anyRows = append(anyRows, row)
			anyFamily = family
			continue
		}
		k := sizeKey{family, group}
		t.sized[k] = append(t.sized[k], row)
	}
	if anyRows == nil {
		return nil
	}
	merged := false
	for k := range t.sized {
		if k.family == anyFamily {
			t.sized[k] = append(t.sized[k], anyRows...)
			merged = true
		}
	}
	if !merged {
		return fmt.Errorf("%s: rows for group %s but no named group", src.file, anyGroup)
	}
	return nil
}

// parseSizeRow parses the size columns of one row.
func parseSizeRow(r csvRow, addons bool) (sizeRow, error) {
	var row sizeRow
	var err error
	if row.min, err = parseTenths(r.get("min")); err != nil {
		return row, r.errorf("min: %w", err)
	}
	row.max = openEnd
	if s := r.get("max"); s != "" {
		if row.max, err = parseTenths(s); err != nil {
			return row, r.errorf("max: %w", err)
		}
	}
	if row.code = r.get("code"); row.code == "" {
		return row, r.errorf("empty code")
	}
	if !addons {
		return row, nil
	}
	row.addon = r.get("addon")
	from, per := r.get("addon_from"), r.get("addon_per")
	if row.addon == "" {
		if from != "" || per != "" {
			return row, r.errorf("addon_from and addon_per need an addon code")
		}
		return row, nil
	}
	if row.addonFrom, err = parseTenths(from); err != nil {
		return row, r.errorf("addon_from: %w", err)
	}
	if row.addonPer, err = parseTenths(per); err != nil {
		return row, r.errorf("addon_per: %w", err)
	}
	return row, nil
}

// loadBiopsy reads the biopsy codes and their ranks.
func (t *tables) loadBiopsy(fsys fs.FS) error {
	rows, err := readCSV(fsys, "data/biopsy.csv", "kind", "rank", "primary", "addon")
	if err != nil {
		return err
	}
	t.biopsy = make(map[string]BiopsyCodes, len(rows))
	ranks := map[int]string{}
	for _, r := range rows {
		b := BiopsyCodes{Kind: r.get("kind"), Primary: r.get("primary"), AddOn: r.get("addon")}
		b.Rank, err = strconv.Atoi(r.get("rank"))
		switch {
		case err != nil || b.Rank < 1:
			return r.errorf("rank %q: want a positive whole number", r.get("rank"))
		case b.Kind == "" || b.Primary == "" || b.AddOn == "":
			return r.errorf("kind, primary and addon are required")
		case ranks[b.Rank] != "":
			return r.errorf("rank %d already belongs to %s", b.Rank, ranks[b.Rank])
		}
		if _, dup := t.biopsy[b.Kind]; dup {
			return r.errorf("kind %s listed twice", b.Kind)
		}
		ranks[b.Rank] = b.Kind
		t.biopsy[b.Kind] = b
	}
	return nil
}

// pathologyServices are the services pathology.csv must define, exactly.
var pathologyServices = []string{frozenSectionService, StainHistochemical.String(), StainImmuno.String()}

// frozenSectionService is the pathology.csv service of intraoperative frozen sections.
const frozenSectionService = "frozen-section"

// loadPathology reads the frozen-section and stain codes.
func (t *tables) loadPathology(fsys fs.FS) error {
	rows, err := readCSV(fsys, "data/pathology.csv", "service", "first", "additional")
	if err != nil {
		return err
	}
	t.pathology = make(map[string]ServiceCodes, len(rows))
	for _, r := range rows {
		svc := r.get("service")
		c := ServiceCodes{First: r.get("first"), Additional: r.get("additional")}
		switch {
		case !slices.Contains(pathologyServices, svc):
			return r.errorf("service %q: want one of %q", svc, pathologyServices)
		case c.First == "":
			return r.errorf("service %s: empty first code", svc)
		}
		if _, dup := t.pathology[svc]; dup {
			return r.errorf("service %s listed twice", svc)
		}
		t.pathology[svc] = c
	}
	for _, svc := range pathologyServices {
		if _, ok := t.pathology[svc]; !ok {
			return fmt.Errorf("data/pathology.csv: service %s missing", svc)
		}
	}
	return nil
}

// loadStains reads the stain vocabulary.
func (t *tables) loadStains(fsys fs.FS) error {
	rows, err := readCSV(fsys, "data/stains.csv", "kind", "name", "aliases")
	if err != nil {
		return err
	}
	t.stains = map[string]StainKind{}
	t.stainNames = map[string]string{}
	seen := map[string]string{}
	for _, r := range rows {
		kind, ok := stainKinds[r.get("kind")]
		if !ok {
			return r.errorf("kind %q: want routine, histochemical or immuno", r.get("kind"))
		}
		names := []string{r.get("name")}
		if a := r.get("aliases"); a != "" {
			names = append(names, strings.Split(a, "|")...)
		}
		for _, n := range names {
			key := normStain(n)
			if key == "" {
				return r.errorf("empty stain name in %q", n)
			}
			if prev, dup := seen[key]; dup {
				return r.errorf("stain %q matches the same spelling as %q", n, prev)
			}
			seen[key] = n
			t.stains[key] = kind
			t.stainNames[key] = r.get("name")
		}
	}
	return nil
}

// profileFile is the JSON shape of data/profiles.json.
type profileFile struct {
	Default    string `json:"default"`
	PayerRules []struct {
		Profile  string   `json:"profile"`
		Contains []string `json:"contains"`
	} `json:"payer_rules"`
	Profiles []Profile `json:"profiles"`
}

// loadProfiles reads the built-in payer profiles and the Payer: text rules.
func (t *tables) loadProfiles(fsys fs.FS) error {
	const name = "data/profiles.json"
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	var pf profileFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&pf); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	t.profiles = make(map[string]Profile, len(pf.Profiles))
	for i, p := range pf.Profiles {
		if err := p.validate(); err != nil {
			return fmt.Errorf("%s: profile %d: %w", name, i+1, err)
		}
		if _, dup := t.profiles[p.Name]; dup {
			return fmt.Errorf("%s: profile %s listed twice", name, p.Name)
		}
		t.profiles[p.Name] = p
	}
	if _, ok := t.profiles[pf.Default]; !ok {
		return fmt.Errorf("%s: default profile %q is not defined", name, pf.Default)
	}
	t.defaultPro = pf.Default
	for i, pr := range pf.PayerRules {
		if _, ok := t.profiles[pr.Profile]; !ok {
			return fmt.Errorf("%s: payer rule %d: profile %q is not defined", name, i+1, pr.Profile)
		}
		rule := payerRule{profile: pr.Profile}
		for _, c := range pr.Contains {
			n := normPayer(c)
			if n == "" {
				return fmt.Errorf("%s: payer rule %d: empty text", name, i+1)
			}
			rule.contains = append(rule.contains, n)
		}
		if len(rule.contains) == 0 {
			return fmt.Errorf("%s: payer rule %d: no text to match", name, i+1)
		}
		t.payerRules = append(t.payerRules, rule)
	}
	return nil
}

// emitted lists every code a table can emit.
func (t *tables) emitted() []string {
	var codes []string
	for _, f := range t.mohs {
		codes = append(codes, f.FirstStage, f.AdditionalStage, f.AdditionalBlock)
	}
	for _, rows := range t.sized {
		for _, r := range rows {
			codes = append(codes, r.code)
			if r.addon != "" {
				codes = append(codes, r.addon)
			}
		}
	}
	for _, b := range t.biopsy {
		codes = append(codes, b.Primary, b.AddOn)
	}
	for _, c := range t.pathology {
		codes = append(codes, c.First)
		if c.Additional != "" {
			codes = append(codes, c.Additional)
		}
	}
	slices.Sort(codes)
	return slices.Compact(codes)
}

// checkCodes checks that every emitted code is described and every description is
// of an emitted code.
func (t *tables) checkCodes() error {
	used := t.emitted()
	for _, c := range used {
		if t.codes[c] == "" {
			return fmt.Errorf("code %s has no description in data/codes.csv", c)
		}
	}
	for c := range t.codes {
		if _, found := slices.BinarySearch(used, c); !found {
			return fmt.Errorf("data/codes.csv: code %s is described but no table emits it", c)
		}
	}
	return nil
}
