package source

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"testing"
	"time"

	_ "github.com/bankgen/bankgen/internal/goldentest" // accepts -update
)

func TestDigestMatchesFiles(t *testing.T) {
	names, err := fs.Glob(FS, "*.md")
	if err != nil || len(names) == 0 {
		t.Fatalf("no embedded Markdown: %v", err)
	}
	h := sha256.New()
	for _, n := range names { // fs.Glob returns names sorted
		data, err := fs.ReadFile(FS, n)
		if err != nil {
			t.Fatal(err)
		}
		h.Write([]byte(n + "\x00"))
		h.Write(data)
		h.Write([]byte{0})
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != Digest {
		t.Errorf("the shipped sources changed: set Digest = %q and move Modified forward", got)
	}
	if _, err := time.Parse(time.RFC3339, Modified); err != nil {
		t.Errorf("Modified is not RFC 3339: %v", err)
	}
}
