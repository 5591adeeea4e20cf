package server

import (
	"encoding/json"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/mohscode/mohscode/internal/codetable"
	"github.com/mohscode/mohscode/internal/coding"
	"github.com/mohscode/mohscode/internal/diag"
)

type openAPIDoc struct {
	OpenAPI    string                                `json:"openapi"`
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
	Components struct {
		Schemas map[string]struct {
			Required   []string                   `json:"required"`
			Properties map[string]json.RawMessage `json:"properties"`
			Enum       []string                   `json:"enum"`
		} `json:"schemas"`
	} `json:"components"`
}

func loadOpenAPI(t *testing.T) (openAPIDoc, any) {
	t.Helper()
	require.True(t, json.Valid(openAPI), "openapi.json is not valid JSON")
	var doc openAPIDoc
	require.NoError(t, json.Unmarshal(openAPI, &doc))
	var raw any
	require.NoError(t, json.Unmarshal(openAPI, &raw))
	return doc, raw
}

// TestOpenAPIListsEveryRoute keeps openapi.json and the mux in step: the
// same paths, each with the method it is served with.
func TestOpenAPIListsEveryRoute(t *testing.T) {
	doc, _ := loadOpenAPI(t)
	assert.True(t, strings.HasPrefix(doc.OpenAPI, "3."), "openapi %q", doc.OpenAPI)

	s := &service{}
	var served []string
	for _, rt := range s.routes() {
		served = append(served, rt.path)
		ops, ok := doc.Paths[rt.path]
		if assert.True(t, ok, "openapi.json does not describe %s", rt.path) {
			assert.Contains(t, ops, strings.ToLower(rt.method), "openapi.json: %s %s", rt.method, rt.path)
			assert.Len(t, ops, 1, "openapi.json: %s has operations the mux does not serve", rt.path)
		}
	}
	var described []string
	for p := range doc.Paths {
		described = append(described, p)
	}
	slices.Sort(served)
	slices.Sort(described)
	assert.Equal(t, served, described)
}

// TestOpenAPIRefsResolve checks that every $ref points at a component.
func TestOpenAPIRefsResolve(t *testing.T) {
	_, raw := loadOpenAPI(t)
	components := raw.(map[string]any)["components"].(map[string]any)
	var walk func(v any)
	n := 0
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if ref, ok := v["$ref"].(string); ok {
				n++
				parts := strings.Split(strings.TrimPrefix(ref, "#/components/"), "/")
				if assert.Len(t, parts, 2, ref) {
					kind, _ := components[parts[0]].(map[string]any)
					assert.Contains(t, kind, parts[1], "unresolved %s", ref)
				}
			}
			for _, c := range v {
				walk(c)
			}
		case []any:
			for _, c := range v {
				walk(c)
			}
		}
	}
	walk(raw)
	assert.Positive(t, n)
}

// TestOpenAPISchemasMatchContract checks the schemas' properties against
// the JSON names of the types the service writes, so the description
// cannot drift from the output contract.
func TestOpenAPISchemasMatchContract(t *testing.T) {
	doc, _ := loadOpenAPI(t)
	tests := []struct {
		schema string
		typ    any
	}{
		{"Claim", coding.Claim{}},
		{"Encounter", coding.Encounter{}},
		{"Edits", coding.Edits{}},
		{"Line", coding.Line{}},
		{"Evidence", coding.Evidence{}},
		{"Diagnosis", coding.Diagnosis{}},
		{"Finding", diag.Finding{}},
		{"ErrorRecord", diag.ErrorRecord{}},
		{"NoteRequest", noteRequest{}},
		{"Problem", diag.Problem{}},
	}
	for _, tc := range tests {
		t.Run(tc.schema, func(t *testing.T) {
			s, ok := doc.Components.Schemas[tc.schema]
			require.True(t, ok)
			names, required := jsonNames(reflect.TypeOf(tc.typ))
			var props []string
			for p := range s.Properties {
				props = append(props, p)
			}
			slices.Sort(props)
			assert.Equal(t, names, props, "properties")
			if tc.schema != "NoteRequest" {
				req := slices.Clone(s.Required)
				slices.Sort(req)
				assert.Equal(t, required, req, "required: every field without omitempty")
			}
		})
	}
}

// jsonNames returns the sorted JSON names of a struct's fields, and those
// without omitempty.
func jsonNames(t reflect.Type) (names, required []string) {
	for f := range t.Fields() {
		tag := f.Tag.Get("json")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		names = append(names, name)
		if !strings.Contains(opts, "omitempty") {
			required = append(required, name)
		}
	}
	slices.Sort(names)
	slices.Sort(required)
	return names, required
}

// TestPayerChoicesMatchProfiles keeps the OpenAPI enum and the page's payer
// selector in step with the built-in profiles.
func TestPayerChoicesMatchProfiles(t *testing.T) {
	want := append([]string{""}, codetable.ProfileNames()...)

	doc, _ := loadOpenAPI(t)
	assert.Equal(t, want, doc.Components.Schemas["Payer"].Enum, "openapi.json Payer enum")

	page := string(loadAssets()["index.html"].data)
	sel := regexp.MustCompile(`(?s)<select id="payer">(.*?)</select>`).FindStringSubmatch(page)
	require.NotNil(t, sel, "the page has no payer selector")
	var options []string
	for _, m := range regexp.MustCompile(`<option value="([^"]*)"`).FindAllStringSubmatch(sel[1], -1) {
		options = append(options, m[1])
	}
	assert.Equal(t, want, options, "index.html payer options")
}
