package render_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/diag"
	"github.com/mohscode/mohscode/internal/engine"
	"github.com/mohscode/mohscode/internal/render"
)

// tricky is a string that needs every kind of escape encoding/json knows:
// quote, backslash, named and numbered control characters, the line
// separators of JavaScript, invalid UTF-8, and HTML characters that stay
// as they are.
const tricky = "a \"quoted\" \\ path\b\f\n\r\t\x00\x1f\x7f <b>&amp;</b> é — \u2028\u2029 \xff\xfe end"

// fill sets every field reachable from v, exported or not, to a non-zero
// value: strings to s, integers to n, pointers to a filled value, slices
// to two filled elements. A claim filled this way makes encoding/json
// write every key of the contract, so that a field added to a claim type
// and not to render.AppendClaim fails the comparison below.
func fill(t *testing.T, v reflect.Value, s string, n int64) {
	t.Helper()
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(n)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(t, v.Elem(), s, n)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(t, v.Index(i), s, n+int64(i))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(t, v.Field(i), s, n+int64(i))
			}
		}
	default:
		t.Fatalf("fill: a %s field; teach fill (and render.AppendClaim) its JSON form", v.Type())
	}
}

func filled(t *testing.T, s string) coding.Claim {
	var c coding.Claim
	fill(t, reflect.ValueOf(&c).Elem(), s, 7)
	return c
}

// sampleClaims codes every sample note, for claims as the engine makes them.
func sampleClaims(t *testing.T) map[string]coding.Claim {
	paths, err := filepath.Glob("../../samples/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	claims := map[string]coding.Claim{}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		require.NoError(t, err)
		c, err := engine.Code(filepath.Base(p), string(src), coding.Options{})
		if err == nil {
			claims[filepath.Base(p)] = c
		}
	}
	return claims
}

// encodingJSON is what render wrote with encoding/json before it had its
// own encoder: the reference the encoder is held to.
func encodingJSON(t *testing.T, v any, indent bool) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	require.NoError(t, enc.Encode(v))
	return b.String()
}

// The hand-written encoder writes byte for byte what encoding/json writes,
// for every field of the contract (nil, empty and filled), every escape,
// and every sample note's claim.
func TestEncoderMatchesEncodingJSON(t *testing.T) {
	cases := map[string]coding.Claim{
		"zero": {},
		"empty values": {Lines: []coding.Line{{Modifiers: []string{}, DiagnosisPointers: []int{}, Evidence: []coding.Evidence{}}},
			Diagnoses: []coding.Diagnosis{}, Findings: []diag.Finding{{Evidence: []int{}}}},
		"all filled":    filled(t, "plain"),
		"every escape":  filled(t, tricky),
		"utf-8 cut off": filled(t, "é"[:1]),
	}
	for name, c := range sampleClaims(t) {
		cases["sample "+name] = c
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			var nd, js bytes.Buffer
			require.NoError(t, render.NDJSON(&nd, "rec-"+tricky, c))
			require.NoError(t, render.JSON(&js, c))
			assert.Equal(t, encodingJSON(t, struct {
				ID string `json:"id"`
				coding.Claim
			}{"rec-" + tricky, c}, false), nd.String(), "ndjson")
			assert.Equal(t, encodingJSON(t, c, true), js.String(), "json")
		})
	}
}

// BenchmarkRender encodes a two-lesion note's claim as a batch output line
// (render.NDJSON) and as the service's indented answer (render.JSON),
// beside encoding/json encoding the same, in one run:
//
//	go test ./internal/render -run '^$' -bench Render -benchmem -count 6
func BenchmarkRender(b *testing.B) {
	src, err := os.ReadFile("../engine/testdata/two-lesions.txt")
	require.NoError(b, err)
	c, err := engine.Code("two-lesions.txt", string(src), coding.Options{})
	require.NoError(b, err)
	record := struct {
		ID string `json:"id"`
		coding.Claim
	}{"rec-1", c}
	for _, format := range []string{"ndjson", "json"} {
		b.Run("format="+format+"/encoder=render", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if format == "json" {
					render.JSON(discard{}, c)
				} else {
					render.NDJSON(discard{}, record.ID, c)
				}
			}
		})
		b.Run("format="+format+"/encoder=encoding-json", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				enc := json.NewEncoder(discard{})
				enc.SetEscapeHTML(false)
				if format == "json" {
					enc.SetIndent("", "  ")
					enc.Encode(c)
				} else {
					enc.Encode(record)
				}
			}
		})
	}
}

// discard is io.Discard without its ReadFrom, so both encoders write once.
type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
