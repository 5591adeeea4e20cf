package prose

import (
	"os"
	"strings"
	"testing"
)

func TestDump(t *testing.T) {
	names := os.Getenv("DUMP")
	if names == "" {
		t.Skip()
	}
	for _, name := range strings.Fields(names) {
		src, err := os.ReadFile("testdata/" + name + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		f := Read(splitParagraphs(string(src)))
		t.Log("== " + name + "\n" + strings.Join(summary(f), "\n"))
	}
}
