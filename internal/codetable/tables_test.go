package codetable

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wantGroups are the site group ids of every family, as the anatomy package produces
// them (copied by hand from the package brief).
var wantGroups = map[string][]string{
	FamilyMohs:           {"H", "T"},
	FamilySimple:         {gSimpleFace, gSimpleBody},
	FamilyIntermediate:   {gInterFace, gInterNeck, gInterBody},
	FamilyComplex:        {gENEL, gFCCM, gSAL, gTrunk},
	FamilyFlap:           {gENEL, gFCCM, gSAL, gTrunk},
	FamilyFullThickness:  {gENEL, gFCCM, gSAL, gTrunk},
	FamilySplitThickness: {gSTSGBody, gSTSGHead},
	FamilyExcision:       {gExcBody, gExcScalp, gExcFace},
}

func TestGroups(t *testing.T) {
	for family, want := range wantGroups {
		t.Run(family, func(t *testing.T) {
			assert.ElementsMatch(t, want, Groups(family))
		})
	}
	t.Run("unknown family", func(t *testing.T) {
		assert.Empty(t, Groups("layered"))
	})
}

func TestTablesValid(t *testing.T) {
	t.Run("every family has exactly its groups", func(t *testing.T) {
		families := map[string]bool{}
		for k := range tab().sized {
			families[k.family] = true
		}
		for f := range families {
			assert.Contains(t, wantGroups, f, "unexpected family in the tables")
		}
		for f, want := range wantGroups {
			if f == FamilyMohs {
				continue
			}
			var got []string
			for k := range tab().sized {
				if k.family == f {
					got = append(got, k.group)
				}
			}
			assert.ElementsMatch(t, want, got, f)
		}
	})
	t.Run("ranges are contiguous, open-ended and start where the rules say", func(t *testing.T) {
		for k, rows := range tab().sized {
			require.NoError(t, checkRows(rows), "%s %s", k.family, k.group)
			wantStart := 1 // 0.1: every table covers any positive size…
			if k.family == FamilyComplex {
				wantStart = 11 // …but the complex table, which starts at 1.1 cm
			}
			assert.Equal(t, wantStart, rows[0].min, "%s %s", k.family, k.group)
		}
	})
	t.Run("every emitted code is described", func(t *testing.T) {
		for _, c := range tab().emitted() {
			assert.NotEmpty(t, Describe(c), c)
		}
	})
	t.Run("descriptions are short", func(t *testing.T) {
		for c, d := range tab().codes {
			assert.LessOrEqual(t, len(d), 120, c)
		}
	})
}

func TestDescribe(t *testing.T) {
	tests := []struct {
		code, want string
	}{
		{"17311", "Mohs, head/neck/hands/feet/genitalia, first stage"},
		{"17314", "Mohs, trunk/arms/legs, each additional stage"},
		{"17315", "Mohs, each block beyond 5 in a stage"},
		{"99999", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run("code "+tt.code, func(t *testing.T) {
			assert.Equal(t, tt.want, Describe(tt.code))
		})
	}
}

// dataWith returns the embedded data files with one file's text edited: old is
// replaced by new, and must occur in the file; an empty old replaces the whole file.
func dataWith(t *testing.T, file, old, new string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(dataFS, "data", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(dataFS, path)
		m[path] = &fstest.MapFile{Data: b}
		return err
	})
	require.NoError(t, err)
	f, ok := m[file]
	require.True(t, ok, file)
	text := string(f.Data)
	if old == "" {
		m[file] = &fstest.MapFile{Data: []byte(new)}
		return m
	}
	require.Contains(t, text, old)
	m[file] = &fstest.MapFile{Data: []byte(strings.Replace(text, old, new, 1))}
	return m
}

func TestLoadRejectsMalformedTables(t *testing.T) {
	tests := []struct {
		name, file, old, new string
		wantErr              string
	}{
		{"overlapping ranges", linearFile,
			"simple,face-ears-eyelids-nose-lips,2.6,5.0,12013", "simple,face-ears-eyelids-nose-lips,2.5,5.0,12013",
			"rows overlap: 0.1–2.5 and 2.5–5.0"},
		{"gap between ranges", linearFile,
			"complex,trunk,2.6,7.5,13101", "complex,trunk,2.7,7.5,13101",
			"gap between 2.5 and 2.7"},
		{"last row bounded", excisionFile,
			"trunk-arms-legs,4.1,,11606", "trunk-arms-legs,4.1,99.0,11606",
			"needs no upper bound"},
		{"row after an open row", excisionFile,
			"trunk-arms-legs,3.1,4.0,11604", "trunk-arms-legs,3.1,,11604",
			"follows a row with no upper bound"},
		{"max below min", excisionFile,
			"trunk-arms-legs,1.1,2.0,11602", "trunk-arms-legs,2.0,1.1,11602",
			"max below min"},
		{"size with two decimals", linearFile,
			"complex,trunk,1.1,2.5,13100", "complex,trunk,1.10,2.5,13100",
			`data/linear.csv:37: min: size "1.10"`},
		{"size with a comma", flapFile,
			"trunk,10.1,30.0,14001", `trunk,"10,1",30.0,14001`,
			`min: size "10,1"`},
		{"size without a decimal", graftFile,
			"full-thickness,trunk,0.1,,15200,15201,20.0,20.0", "full-thickness,trunk,0.1,,15200,15201,20,20.0",
			`addon_from: size "20"`},
		{"add-on without a step", linearFile,
			"complex,trunk,7.6,,13101,13102,7.5,5.0", "complex,trunk,7.6,,13101,13102,7.5,0.0",
			"needs a step of at least 0.1"},
		{"add-on step without code", linearFile,
			"complex,trunk,7.6,,13101,13102,7.5,5.0", "complex,trunk,7.6,,13101,,7.5,5.0",
			"need an addon code"},
		{"family in two files", graftFile,
			"full-thickness,trunk,", "complex,trunk,",
			"family complex is already defined in data/linear.csv"},
		{"any-group row overlapping a group's rows", flapFile,
			"*,30.1,60.0,14301", "*,30.0,60.0,14301",
			"flap, group eyelids-nose-ears-lips: rows overlap: 10.1–30.0 and 30.0–60.0"},
		{"any-group rows only", flapFile,
			"", "group,min,max,code,addon,addon_from,addon_per\n*,0.1,,14301,14302,60.0,30.0\n",
			"rows for group * but no named group"},
		{"empty table", excisionFile,
			"", "# nothing\ngroup,min,max,code\n",
			"data/excision.csv: no rows"},
		{"wrong header", excisionFile,
			"group,min,max,code", "group,min,max,cpt",
			`header is ["group" "min" "max" "cpt"], want ["group" "min" "max" "code"]`},
		{"missing column", "data/mohs.csv",
			"H,17311,17312,17315", "H,17311,17312",
			"wrong number of fields"},
		{"undescribed code", linearFile,
			"simple,face-ears-eyelids-nose-lips,30.1,,12018", "simple,face-ears-eyelids-nose-lips,30.1,,12019",
			"code 12019 has no description"},
		{"description of no emitted code", "data/codes.csv",
			"code,description\n", "code,description\n99999,\"Nothing\"\n",
			"code 99999 is described but no table emits it"},
		{"bad code", "data/codes.csv",
			"code,description\n", "code,description\n1731,\"Short\"\n",
			`code "1731" is not five letters or digits`},
		{"duplicate Mohs class", "data/mohs.csv",
			"T,17313,17314,17315", "H,17313,17314,17315",
			"class H listed twice"},
		{"duplicate biopsy rank", "data/biopsy.csv",
			"punch,2,", "punch,1,",
			"rank 1 already belongs to tangential"},
		{"bad biopsy rank", "data/biopsy.csv",
			"punch,2,", "punch,two,",
			`rank "two"`},
		{"missing pathology service", "data/pathology.csv",
			"immuno,88342,88341\n", "",
			"service immuno missing"},
		{"unknown pathology service", "data/pathology.csv",
			"immuno,88342,88341", "immunofluorescence,88342,88341",
			`service "immunofluorescence"`},
		{"same stain spelling twice", "data/stains.csv",
			"immuno,SOX10,", "immuno,Sox-10,SOX 10",
			`stain "SOX 10" matches the same spelling as "Sox-10"`},
		{"unknown stain kind", "data/stains.csv",
			"immuno,SOX10,", "ihc,SOX10,",
			`kind "ihc"`},
		{"profile missing modifier", "data/profiles.json",
			`"stain_modifier": "59"
    },
    {
      "name": "medicare"`, `"stain_modifier": ""
    },
    {
      "name": "medicare"`,
			`profile 1: profile "commercial": missing "stain_modifier"`},
		{"profile unknown field", "data/profiles.json",
			`"name": "uhc",`, `"name": "uhc", "repair": "59",`,
			`unknown field "repair"`},
		{"payer rule to unknown profile", "data/profiles.json",
			`{"profile": "uhc",`, `{"profile": "united",`,
			`payer rule 2: profile "united" is not defined`},
		{"unknown default profile", "data/profiles.json",
			`"default": "commercial"`, `"default": "other"`,
			`default profile "other" is not defined`},
		{"duplicate profile", "data/profiles.json",
			`"name": "uhc"`, `"name": "medicare"`,
			"profile medicare listed twice"},
		{"pack without version", "data/pack.json",
			`"version": "`, `"version": "", "x": "`,
			`unknown field "x"`},
		{"pack without an edition", "data/pack.json",
			`"cpt": "CPT 2026"`, `"cpt": ""`,
			"version, cpt and icd10cm are required"},
		{"pack source without what it covers", "data/pack.json",
			`"covers": "procedure-to-procedure pairs and unit limits; not shipped"`, `"covers": ""`,
			"name and covers are required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := dataWith(t, tt.file, tt.old, tt.new)
			_, err := load(fsys)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
			assert.PanicsWithValue(t, "codetable: "+err.Error(), func() { mustLoad(fsys) })
		})
	}
	t.Run("missing file", func(t *testing.T) {
		m := dataWith(t, "data/codes.csv", "code", "code")
		delete(m, "data/stains.csv")
		_, err := load(m)
		assert.ErrorIs(t, err, fs.ErrNotExist)
	})
	t.Run("embedded tables load", func(t *testing.T) {
		_, err := load(dataFS)
		assert.NoError(t, err)
	})
}

func TestParseTenths(t *testing.T) {
	tests := []struct {
		in      string
		want    int
		wantErr bool
	}{
		{"2.5", 25, false},
		{"2.6", 26, false},
		{"0.1", 1, false},
		{"100.0", 1000, false},
		{"2", 0, true},
		{"2.55", 0, true},
		{".5", 0, true},
		{"2.", 0, true},
		{"-1.0", 0, true},
		{"1e1.0", 0, true},
		{"", 0, true},
		{"123456.0", 0, true},
	}
	for _, tt := range tests {
		t.Run("in "+tt.in, func(t *testing.T) {
			got, err := parseTenths(tt.in)
			if tt.wantErr {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}
