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
		path := "testdata/" + name + ".txt"
		if strings.HasPrefix(name, "/") {
			path = name
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f := Read(splitParagraphs(string(src)))
		t.Log("== " + name + "\n" + strings.Join(summary(f), "\n"))
	}
}
