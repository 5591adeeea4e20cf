package engine_test

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/grammar"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/engine"
	"github.com/mohscode/mohscode/internal/model"
	"github.com/mohscode/mohscode/internal/render"
)

// benchNote is a realistic 41-line, two-lesion note.
const benchNote = "testdata/two-lesions.txt"

func readBenchNote(b testing.TB) string {
	src, err := os.ReadFile(benchNote)
	require.NoError(b, err)
	return string(src)
}

// BenchmarkParseNote parses the note into its syntax tree.
func BenchmarkParseNote(b *testing.B) {
	src := readBenchNote(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := grammar.Parse(benchNote, src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCodeNote parses, lowers and codes the note into claim lines and
// findings. Compare it with BenchmarkJSONBaseline in the same run.
func BenchmarkCodeNote(b *testing.B) {
	src := readBenchNote(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		claim, err := engine.Code(benchNote, src, coding.Options{})
		if err != nil || len(claim.Lines) == 0 {
			b.Fatalf("coding failed: %v", err)
		}
	}
}

// BenchmarkRenderJSON encodes the note's claim as the JSON contract.
func BenchmarkRenderJSON(b *testing.B) {
	claim, err := engine.Code(benchNote, readBenchNote(b), coding.Options{})
	require.NoError(b, err)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := render.JSON(&buf, claim); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

// BenchmarkJSONBaseline decodes the same note's model — the struct the
// engine builds — from JSON with encoding/json: the speed the engine is
// held to.
func BenchmarkJSONBaseline(b *testing.B) {
	src := readBenchNote(b)
	n, err := engine.Model(benchNote, src)
	require.NoError(b, err)
	data, err := json.Marshal(n)
	require.NoError(b, err)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		var m model.Note
		if err := json.Unmarshal(data, &m); err != nil || len(m.Lesions) != 2 {
			b.Fatalf("decoding failed: %v", err)
		}
	}
}

// TestBenchNoteCodes pins what the benchmark note codes to, so that the
// benchmarks measure real work.
func TestBenchNoteCodes(t *testing.T) {
	claim, err := engine.Code(benchNote, readBenchNote(t), coding.Options{})
	require.NoError(t, err)
	var got []string
	for _, l := range claim.Lines {
		got = append(got, l.Code)
	}
	// Lesion 1 (nose, 2 stages): 17311, 17312; lesion 2 (back, stages of 7
	// and 2 blocks, XS under Medicare): 17313, 17314, 17315×2; bilobed flap
	// 1.54 + 1.5 = 3.0 sq cm on the nose: 14060; complex 6.5 cm of trunk:
	// 13101; MART-1 on 2 blocks: 88342×2.
	require.Equal(t, []string{"17311", "17312", "17313", "17314", "17315", "14060", "13101", "88342"}, got)
	require.Equal(t, 2, claim.Lines[4].Units)
	require.Equal(t, []string{"XS"}, claim.Lines[4].Modifiers)
	require.Equal(t, 2, claim.Lines[7].Units)
}
