package phrase

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testIndex indexes each phrase with its position in the list as its value.
func testIndex(t *testing.T, phrases ...string) *Index[int] {
	t.Helper()
	x := New[int]()
	for i, p := range phrases {
		require.NoError(t, x.Add(intern(x, p), i))
	}
	return x
}

// intern interns the words of text in x.
func intern(x *Index[int], text string) []Word {
	ws := []Word{}
	for _, w := range strings.Fields(text) {
		ws = append(ws, x.Intern(w))
	}
	return ws
}

// words looks the words of text up in x.
func words(x *Index[int], text string) []Word {
	var ws []Word
	for _, w := range strings.Fields(text) {
		ws = append(ws, x.Word(w))
	}
	return ws
}

func TestAt(t *testing.T) {
	x := testIndex(t,
		"no",                  // 0
		"no evidence of",      // 1
		"no evidence",         // 2
		"evidence",            // 3
		"rule out",            // 4
		"out",                 // 5
		"a b c d e f g h i j", // 6
		"b c",                 // 7
	)
	cases := []struct {
		name  string
		text  string
		at    int
		limit int // words after limit are cut off; 0 for none
		want  []Match[int]
	}{
		{"one word", "no tumor", 0, 0, []Match[int]{{Len: 1, Value: 0}}},
		{"longest first", "no evidence of tumor", 0, 0, []Match[int]{{Len: 3, Value: 1}, {Len: 2, Value: 2}, {Len: 1, Value: 0}}},
		{"only the phrases starting at the place", "no evidence of tumor", 1, 0, []Match[int]{{Len: 1, Value: 3}}},
		{"a phrase ends at the end of the words", "tumor no evidence of", 1, 0, []Match[int]{{Len: 3, Value: 1}, {Len: 2, Value: 2}, {Len: 1, Value: 0}}},
		{"no match past the limit", "no evidence of tumor", 0, 2, []Match[int]{{Len: 2, Value: 2}, {Len: 1, Value: 0}}},
		{"limit right after the first word", "no evidence of tumor", 0, 1, []Match[int]{{Len: 1, Value: 0}}},
		{"a word no phrase uses starts nothing", "tumor no", 0, 0, nil},
		{"a word no phrase uses ends the phrases", "no tumor evidence of", 0, 0, []Match[int]{{Len: 1, Value: 0}}},
		{"a prefix that is no phrase", "rule in", 0, 0, nil},
		{"multi-word phrase", "please rule out bcc", 1, 0, []Match[int]{{Len: 2, Value: 4}}},
		{"a phrase's second word starts its own", "please rule out bcc", 2, 0, []Match[int]{{Len: 1, Value: 5}}},
		{"words out of order", "out rule", 1, 0, nil},
		{"long phrase", "a b c d e f g h i j k", 0, 0, []Match[int]{{Len: 10, Value: 6}}},
		{"long phrase cut short", "a b c d e f g h i", 0, 0, nil},
		{"words of a longer phrase start their own", "a b c d", 1, 0, []Match[int]{{Len: 2, Value: 7}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ws := words(x, tc.text)
			if tc.limit > 0 {
				ws = ws[:tc.limit]
			}
			assert.Equal(t, tc.want, x.At(ws, tc.at, nil))
		})
	}
}

func TestAtAppends(t *testing.T) {
	x := testIndex(t, "no", "no evidence")
	dst := []Match[int]{{Len: 7, Value: 7}}
	got := x.At(words(x, "no evidence"), 0, dst)
	assert.Equal(t, []Match[int]{{Len: 7, Value: 7}, {Len: 2, Value: 1}, {Len: 1, Value: 0}}, got)
}

func TestWord(t *testing.T) {
	long := strings.Repeat("x", 40)
	x := testIndex(t, "rule out", "r/o ?", long)
	cases := []struct {
		name  string
		word  string
		known bool
	}{
		{"first word", "rule", true},
		{"later word", "out", true},
		{"punctuation word", "?", true},
		{"slash word", "r/o", true},
		{"word of 32 bytes or more", long, true},
		{"a longer word with the same start", long + "x", false},
		{"unknown word", "tumor", false},
		{"same first letter and length", "rulf", false},
		{"words are matched as given", "Rule", false},
		{"empty", "", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := x.Word(tc.word)
			assert.Equal(t, tc.known, w != Unknown)
			assert.Equal(t, w, x.Word(tc.word), "the same id every time")
		})
	}
	assert.NotEqual(t, x.Word("rule"), x.Word("out"), "words have their own ids")
}

func TestAdd(t *testing.T) {
	cases := []struct {
		name    string
		phrases []string
		err     string // empty: all are added
	}{
		{"distinct phrases", []string{"no", "no evidence", "evidence no"}, ""},
		{"a prefix after its phrase", []string{"no evidence of", "no evidence"}, ""},
		{"duplicate", []string{"rule out", "rule out"}, "listed twice"},
		{"duplicate one word", []string{"no", "no evidence", "no"}, "listed twice"},
		{"no words", []string{""}, "no words"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			x := New[int]()
			var err error
			for i, p := range tc.phrases {
				if err = x.Add(intern(x, p), i); err != nil {
					break
				}
			}
			if tc.err == "" {
				assert.NoError(t, err)
			} else {
				assert.ErrorContains(t, err, tc.err)
			}
		})
	}
}

func TestAddUnknownWord(t *testing.T) {
	x := New[int]()
	err := x.Add([]Word{x.Intern("rule"), Unknown}, 0)
	assert.ErrorContains(t, err, "not in the vocabulary")
	assert.Empty(t, x.At([]Word{x.Word("rule")}, 0, nil), "nothing added")
}

func TestAddKeepsTheFirstValue(t *testing.T) {
	x := testIndex(t, "rule out")
	require.Error(t, x.Add(intern(x, "rule out"), 9))
	assert.Equal(t, []Match[int]{{Len: 2, Value: 0}}, x.At(words(x, "rule out"), 0, nil))
}

func TestIntern(t *testing.T) {
	x := New[int]()
	rule := x.Intern("rule")
	assert.Equal(t, rule, x.Intern("rule"), "a word is interned once")
	assert.Equal(t, rule, x.Word("rule"))
	assert.NotEqual(t, rule, x.Intern("out"))
	assert.Empty(t, x.At([]Word{rule}, 0, nil), "a word alone is no phrase")
}

func TestEmptyIndex(t *testing.T) {
	x := New[int]()
	assert.Equal(t, Unknown, x.Word("no"))
	assert.Empty(t, x.At([]Word{Unknown}, 0, nil))
}

func TestWordManyWords(t *testing.T) {
	x := New[int]()
	const n = 1000 // the vocabulary table grows several times
	for i := range n {
		require.NoError(t, x.Add([]Word{x.Intern(fmt.Sprint("w", i))}, i))
	}
	seen := map[Word]bool{}
	for i := range n {
		w := x.Word(fmt.Sprint("w", i))
		require.NotEqual(t, Unknown, w, "w%d", i)
		assert.False(t, seen[w], "w%d has the id of another word", i)
		seen[w] = true
		assert.Equal(t, []Match[int]{{Len: 1, Value: i}}, x.At([]Word{w}, 0, nil))
	}
	for i := n; i < 2*n; i++ {
		assert.Equal(t, Unknown, x.Word(fmt.Sprint("w", i)))
	}
}
