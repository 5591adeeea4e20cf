package grammar

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// benchNotes are the realistic notes internal/lower's layout benchmark
// codes end to end; here only their parse is measured.
var benchNotes = []struct{ name, file string }{
	{"Template", "../internal/lower/testdata/dev/tmpl-nose-bilobed-medicare-crlf.txt"},
	{"Table", "../internal/lower/testdata/dev/log-pipe-nose-six-blocks.txt"},
	{"Dictated", "../internal/lower/testdata/dev/dict-cheek-rotation-flap.txt"},
}

// BenchmarkParse parses each realistic note.
func BenchmarkParse(b *testing.B) {
	for _, n := range benchNotes {
		src, err := os.ReadFile(n.file)
		require.NoError(b, err)
		b.Run(n.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(n.file, string(src)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkJSONBaselineParse decodes each note's syntax tree with
// encoding/json: a baseline for BenchmarkParse in the same run.
func BenchmarkJSONBaselineParse(b *testing.B) {
	for _, n := range benchNotes {
		src, err := os.ReadFile(n.file)
		require.NoError(b, err)
		note, err := Parse(n.file, string(src))
		require.NoError(b, err)
		data, err := json.Marshal(note)
		require.NoError(b, err)
		b.Run(n.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				var got Note
				if err := json.Unmarshal(data, &got); err != nil || len(got.Lines) == 0 {
					b.Fatal("decoding failed")
				}
			}
		})
	}
}

// lineKinds are one line of each kind the parser tells apart by its first
// token.
var lineKinds = []struct{ name, line string }{
	{"Blank", ""},
	{"Field", "Site: left nasal ala"},
	{"Fields", "Stage: 1  Blocks: 2"},
	{"BareKey", "Findings:"},
	{"Prose", "The patient tolerated the procedure well."},
	{"Head", "Lesion 2: Site: left cheek"},
	{"Row", "| 1 | 3 | clear |"},
	{"Rule", "|---|---|---|"},
}

// BenchmarkParseLine parses a note of 100 lines of one kind and reports
// what one more line of that kind costs the parse in allocations
// (allocs/line), beside the whole note's time and allocations.
func BenchmarkParseLine(b *testing.B) {
	for _, k := range lineKinds {
		b.Run(k.name, func(b *testing.B) {
			first := "Note\n"
			src := first + strings.Repeat(k.line+"\n", 100)
			one := testing.AllocsPerRun(20, func() { _, _ = Parse("n", first) })
			all := testing.AllocsPerRun(20, func() { _, _ = Parse("n", src) })
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse("n", src); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric((all-one)/100, "allocs/line")
		})
	}
}
