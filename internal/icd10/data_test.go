package icd10

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mutated returns the embedded data with one file's text changed by replacing old with new.
func mutated(t *testing.T, file, old, new string) fstest.MapFS {
	t.Helper()
	fs := fstest.MapFS{}
	entries, err := dataFS.ReadDir("data")
	require.NoError(t, err)
	for _, e := range entries {
		b, err := dataFS.ReadFile("data/" + e.Name())
		require.NoError(t, err)
		text := string(b)
		if e.Name() == file {
			require.Contains(t, text, old, "mutation target")
			text = strings.Replace(text, old, new, 1)
		}
		fs["data/"+e.Name()] = &fstest.MapFile{Data: []byte(text)}
	}
	return fs
}

func TestLoadDataEmbedded(t *testing.T) {
	d, err := loadData(dataFS)
	require.NoError(t, err)
	assert.Len(t, d.hist, len(Histologies()))
	assert.NotEmpty(t, d.lex.entries)
}

func TestLoadDataRejects(t *testing.T) {
	cases := []struct {
		name, file, old, new, err string
	}{
		{"header", "codes.csv", "site,side,part", "site,side,parts", "header"},
		{"C44 pattern without x", "codes.csv", "C44.3x1,", "C44.311,", "exactly one x"},
		{"code of the wrong column", "codes.csv", "C43.31,", "C44.31,", "want C43."},
		{"code with a letter", "codes.csv", "D04.39,", "D04.3A,", "unexpected"},
		{"missing code", "codes.csv", "C4A.0,", ",", "want C4A."},
		{"bad side", "codes.csv", "ear,right,", "ear,dexter,", "side must be"},
		{"duplicate row", "codes.csv", "ear,left,", "ear,right,", "duplicate row"},
		{"no unspecified row", "codes.csv", "ear,,,", "ear,right,upper,", "no row with empty side"},
		{"part without side", "codes.csv", "nose,,,", "nose,,upper,", "a part needs"},
		{"review row with codes", "codes.csv", "skin of genitalia,,", "skin of genitalia,C44.5x9,", "review row"},
		{"unknown histology", "histology.csv", "\nafx,", "\nafy,", "unknown histology"},
		{"missing histology", "histology.csv", "afx,C44,9,9,,Atypical fibroxanthoma,,\n", "", "missing"},
		{"digit outside C44", "histology.csv", "merkel,C4A,,", "merkel,C4A,9,", "only C44"},
		{"unknown family", "histology.csv", "merkel,C4A,", "merkel,C4B,", "unknown family"},
		{"refines an unknown histology", "histology.csv", "carcinoma,bcc|scc,", "carcinoma,bcc|bcd,", "refines unknown histology"},
		{"phrase twice", "diagnoses.csv", "basalioma,bcc,,", "basal cell,bcc,,", "twice"},
		{"phrase in two files", "subtypes.csv", "nodulocystic,nodular,bcc", "BCC,nodular,bcc", "twice"},
		{"unknown phrase histology", "diagnoses.csv", "basalioma,bcc,,", "basalioma,bcd,,", "unknown histology"},
		{"upper phrase in lower case", "diagnoses.csv", "MIS,melanoma-in-situ,,upper", "mis,melanoma-in-situ,,upper", "capitals"},
		{"bad cue scope", "cues.csv", "rule out,after", "rule out,later", "scope must be"},
		{"bad subtype histology", "subtypes.csv", "nodulocystic,nodular,bcc", "nodulocystic,nodular,bcd", "unknown histology"},
		{"bad modifier", "modifiers.csv", "in situ,in-situ", "in situ,invasive", "unknown modifier"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := loadData(mutated(t, tc.file, tc.old, tc.new))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.err)
		})
	}
}

func TestTokenize(t *testing.T) {
	lx := tables().lex
	cases := []struct {
		name, text string
		words      []string
		breaks     []bool
	}{
		{"apostrophe joins", "Bowen's disease", []string{"Bowen's", "disease"}, []bool{false, false}},
		{"slash joins two letters", "r/o BCC", []string{"r/o", "BCC"}, []bool{false, false}},
		{"slash between words separates", "sclerosing/morpheaform", []string{"sclerosing", "morpheaform"}, []bool{false, false}},
		{"comma breaks", "BCC, nodular", []string{"BCC", "nodular"}, []bool{false, true}},
		{"period after vs does not break", "BCC vs. SCC", []string{"BCC", "vs", "SCC"}, []bool{false, false, false}},
		{"decimal point does not break", "2.5 cm", []string{"2", "5", "cm"}, []bool{false, false, false}},
		{"question mark is a word", "BCC?", []string{"BCC", "?"}, []bool{false, false}},
		{"hyphen separates", "in-situ", []string{"in", "situ"}, []bool{false, false}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			toks, _ := lx.tokenize(tc.text, nil, nil, false)
			var words []string
			var breaks []bool
			for _, tk := range toks {
				words = append(words, tc.text[tk.start:tk.end])
				breaks = append(breaks, tk.brk)
			}
			assert.Equal(t, tc.words, words)
			assert.Equal(t, tc.breaks, breaks)
		})
	}
}
