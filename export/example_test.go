package export_test

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/bankgen/bankgen/export"
)

// WriteAll writes an exporter's files into a folder; a second run
// overwrites its own files, but not a file someone else put there.
func ExampleWriteAll() {
	dir, _ := os.MkdirTemp("", "bankgen-example")
	defer os.RemoveAll(dir)
	notes := []export.File{{
		Name:  "kubernetes.md",
		Items: 1,
		Write: func(w io.Writer) error { _, err := io.WriteString(w, "# Kubernetes\n"); return err },
	}}

	for range 2 {
		written, err := export.WriteAll(dir, notes, export.WriteOptions{})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(filepath.Base(written[0].Path), written[0].Size, "bytes")
	}

	os.WriteFile(filepath.Join(dir, "kubernetes.md"), []byte("my own notes\n"), 0o644)
	_, err := export.WriteAll(dir, notes, export.WriteOptions{})
	fmt.Println(errors.Is(err, fs.ErrExist))
	// Output:
	// kubernetes.md 13 bytes
	// kubernetes.md 13 bytes
	// true
}
