package phrase

import (
	"fmt"
	"slices"
	"strings"
)

// Word is the id of a word in an index's vocabulary.
type Word int32

// Unknown is the Word of a word no phrase of the index uses: no phrase
// matches across it.
const Unknown Word = -1

// Index is a set of phrases, each a list of words with a value of type V. It
// is built by [New] and [Index.Add]; once built it may be read concurrently.
type Index[V any] struct {
	vocab map[string]Word
	// lens[c] has bit n set when a word of the vocabulary is n bytes long
	// (31 for 31 or more) and starts with byte c: most words of a text are
	// rejected without a map lookup.
	lens  [256]uint32
	first []int32   // per word: the node of the phrases it starts, 0 when none
	nodes []node[V] // a trie; nodes[0] is unused
}

// node is the place after a phrase's first words.
type node[V any] struct {
	next  []edge // the words that go on from here
	value V      // the phrase that ends here, when end
	end   bool
}

type edge struct {
	word Word
	node int32
}

// New returns an empty index.
func New[V any]() *Index[V] {
	return &Index[V]{vocab: map[string]Word{}, nodes: make([]node[V], 1)}
}

// Add puts the phrase of the given words into the index with value v. The
// words are matched as they are given: normalise them as the text will be.
// It fails on a phrase with no words or an empty word, and on a phrase whose
// words are already in the index.
func (x *Index[V]) Add(words []string, v V) error {
	if len(words) == 0 {
		return fmt.Errorf("a phrase has no words")
	}
	if slices.Contains(words, "") {
		return fmt.Errorf("phrase %q has an empty word", strings.Join(words, " "))
	}
	at := int32(0)
	for k, w := range words {
		id, ok := x.vocab[w]
		if !ok {
			id = Word(len(x.vocab))
			x.vocab[w] = id
			x.lens[w[0]] |= 1 << min(len(w), 31)
			x.first = append(x.first, 0)
		}
		if k == 0 {
			if x.first[id] == 0 {
				x.first[id] = x.newNode()
			}
			at = x.first[id]
			continue
		}
		i := slices.IndexFunc(x.nodes[at].next, func(e edge) bool { return e.word == id })
		if i < 0 {
			n := x.newNode()
			x.nodes[at].next = append(x.nodes[at].next, edge{word: id, node: n})
			i = len(x.nodes[at].next) - 1
		}
		at = x.nodes[at].next[i].node
	}
	if x.nodes[at].end {
		return fmt.Errorf("phrase %q is listed twice", strings.Join(words, " "))
	}
	x.nodes[at].value, x.nodes[at].end = v, true
	return nil
}

func (x *Index[V]) newNode() int32 {
	x.nodes = append(x.nodes, node[V]{})
	return int32(len(x.nodes) - 1)
}

// Word returns the id of w, or Unknown when no phrase uses it.
func (x *Index[V]) Word(w string) Word {
	if w == "" || x.lens[w[0]]&(1<<min(len(w), 31)) == 0 {
		return Unknown
	}
	if id, ok := x.vocab[w]; ok {
		return id
	}
	return Unknown
}

// Match is a phrase found in a text.
type Match[V any] struct {
	Len   int // its length in words
	Value V
}

// At appends to dst the phrases that start at words[at] and end within
// words, longest first, and returns the extended slice. A phrase matches
// when its words are words[at:at+Len]; to keep phrases inside a clause or a
// sentence, pass words cut at its end.
func (x *Index[V]) At(words []Word, at int, dst []Match[V]) []Match[V] {
	w := words[at]
	if w < 0 || int(w) >= len(x.first) || x.first[w] == 0 {
		return dst
	}
	from := len(dst)
	n := x.first[w]
	for k := at + 1; ; k++ {
		if nd := &x.nodes[n]; nd.end {
			dst = append(dst, Match[V]{Len: k - at, Value: nd.value})
		}
		if k == len(words) {
			break
		}
		n = x.step(n, words[k])
		if n == 0 {
			break
		}
	}
	slices.Reverse(dst[from:])
	return dst
}

// step returns the node after node n and word w, or 0.
func (x *Index[V]) step(n int32, w Word) int32 {
	for _, e := range x.nodes[n].next {
		if e.word == w {
			return e.node
		}
	}
	return 0
}
