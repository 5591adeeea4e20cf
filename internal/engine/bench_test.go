package engine_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/engine"
	"github.com/mohscode/mohscode/internal/model"
)

const benchNote = "testdata/two-lesions.txt"

// BenchmarkCodeNote parses, lowers and codes a realistic two-lesion note.
// Compare it with BenchmarkJSONBaseline in the same run.
func BenchmarkCodeNote(b *testing.B) {
	src, err := os.ReadFile(benchNote)
	require.NoError(b, err)
	text := string(src)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		claim, err := engine.Code(benchNote, text, coding.Options{})
		if err != nil || len(claim.Lines) == 0 {
			b.Fatalf("coding failed: %v", err)
		}
	}
}

// BenchmarkJSONBaseline decodes the same note's model from JSON with
// encoding/json: the speed the engine is held to.
func BenchmarkJSONBaseline(b *testing.B) {
	src, err := os.ReadFile(benchNote)
	require.NoError(b, err)
	n, err := engine.Model(benchNote, string(src))
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

func TestBenchNoteCodes(t *testing.T) {
	src, err := os.ReadFile(benchNote)
	require.NoError(t, err)
	claim, err := engine.Code(benchNote, string(src), coding.Options{})
	require.NoError(t, err)
	var got []string
	for _, l := range claim.Lines {
		got = append(got, l.Code)
	}
	// Lesion 1 (nose, 2 stages): 17311, 17312; lesion 2 (back, one stage of
	// 7 blocks, XS under Medicare): 17313, 17315×2; bilobed flap 1.54+1.5 =
	// 3.0 sq cm on the nose: 14060; complex 6.5 cm trunk: 13101; MART-1 on 2
	// blocks: 88342×2.
	require.Equal(t, []string{"17311", "17312", "17313", "17315", "14060", "13101", "88342"}, got)
}
