package lower_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/grammar"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/lower"
	"github.com/mohscode/mohscode/internal/model"
)

// benchLayouts are one realistic note of each layout, coded end to end
// (parse, lower, prose, code) beside a baseline in the same run: encoding/json
// decoding the same note's model. docs/performance.md gives the command and
// the ratios.
var benchLayouts = []struct{ name, file string }{
	{"Template", "testdata/dev/tmpl-nose-bilobed-medicare-crlf.txt"},
	{"Table", "testdata/dev/log-pipe-nose-six-blocks.txt"},
	{"Dictated", "testdata/dev/dict-cheek-rotation-flap.txt"},
}

func codeNote(b *testing.B, name, src string) coding.Claim {
	note, err := grammar.Parse(name, src)
	if err != nil {
		b.Fatal(err)
	}
	n, err := lower.Lower(name, note)
	if err != nil {
		b.Fatal(err)
	}
	return coding.Code(n, coding.Options{})
}

// BenchmarkCodeLayout codes each layout's note.
func BenchmarkCodeLayout(b *testing.B) {
	for _, l := range benchLayouts {
		src, err := os.ReadFile(l.file)
		require.NoError(b, err)
		b.Run(l.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if c := codeNote(b, l.file, string(src)); len(c.Lines) == 0 {
					b.Fatal("no line")
				}
			}
		})
	}
}

// BenchmarkJSONBaselineLayout decodes each layout's model with
// encoding/json: the speed the engine is compared with.
func BenchmarkJSONBaselineLayout(b *testing.B) {
	for _, l := range benchLayouts {
		src, err := os.ReadFile(l.file)
		require.NoError(b, err)
		note, err := grammar.Parse(l.file, string(src))
		require.NoError(b, err)
		n, err := lower.Lower(l.file, note)
		require.NoError(b, err)
		data, err := json.Marshal(n)
		require.NoError(b, err)
		b.Run(l.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				var m model.Note
				if err := json.Unmarshal(data, &m); err != nil || len(m.Lesions) == 0 {
					b.Fatal("decoding failed")
				}
			}
		})
	}
}
