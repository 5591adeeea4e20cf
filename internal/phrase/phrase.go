package phrase

import (
	"errors"
	"slices"
)

// Word is the id of a word in an index's vocabulary.
type Word int32

// Unknown is the Word of a word not in the vocabulary: no phrase matches
// across it.
const Unknown Word = -1

// Index is a set of phrases, each a list of words with a value of type V, and
// the vocabulary of their words. It is built by [New], [Index.Intern] and
// [Index.Add]; once built it may be read concurrently.
type Index[V any] struct {
	words []string // the vocabulary, by Word
	// slots is an open-addressing hash table of the vocabulary: Word+1 at the
	// hash of the word or after it, 0 for an empty slot; at most half full.
	// Every word of a text is looked up: with a Go map, prose's
	// BenchmarkMatch took about a quarter longer.
	slots []int32
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
	return &Index[V]{slots: make([]int32, 64), nodes: make([]node[V], 1)}
}

// Intern returns the id of w, adding w to the vocabulary if it is new. Words
// are matched as they are given: normalise them as the text's words will be.
func (x *Index[V]) Intern(w string) Word {
	if id := x.Word(w); id != Unknown {
		return id
	}
	id := Word(len(x.words))
	x.words = append(x.words, w)
	x.first = append(x.first, 0)
	if 2*len(x.words) > len(x.slots) {
		x.slots = make([]int32, 2*len(x.slots))
		for k := range x.words[:id] {
			x.place(Word(k))
		}
	}
	x.place(id)
	return id
}

// Add puts the phrase of the given words (ids from [Index.Intern]) into the
// index with value v. It fails on a phrase with no words or an Unknown word,
// and on a phrase whose words are already in the index; the error does not
// repeat the phrase.
func (x *Index[V]) Add(words []Word, v V) error {
	if len(words) == 0 {
		return errors.New("no words")
	}
	if slices.Contains(words, Unknown) {
		return errors.New("a word not in the vocabulary")
	}
	at := x.first[words[0]]
	if at == 0 {
		at = x.newNode()
		x.first[words[0]] = at
	}
	for _, w := range words[1:] {
		n := x.step(at, w)
		if n == 0 {
			n = x.newNode()
			x.nodes[at].next = append(x.nodes[at].next, edge{word: w, node: n})
		}
		at = n
	}
	if x.nodes[at].end {
		return errors.New("listed twice")
	}
	x.nodes[at].value, x.nodes[at].end = v, true
	return nil
}

func (x *Index[V]) newNode() int32 {
	x.nodes = append(x.nodes, node[V]{})
	return int32(len(x.nodes) - 1)
}

// Word returns the id of w, or Unknown when w is not in the vocabulary.
func (x *Index[V]) Word(w string) Word {
	mask := uint32(len(x.slots) - 1)
	for i := hash(w) & mask; ; i = (i + 1) & mask {
		s := x.slots[i]
		if s == 0 {
			return Unknown
		}
		if x.words[s-1] == w {
			return Word(s - 1)
		}
	}
}

// place puts word id into the first free slot at or after the hash of its word.
func (x *Index[V]) place(id Word) {
	mask := uint32(len(x.slots) - 1)
	i := hash(x.words[id]) & mask
	for x.slots[i] != 0 {
		i = (i + 1) & mask
	}
	x.slots[i] = int32(id) + 1
}

// hash is 32-bit FNV-1a.
func hash(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h
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
