package main

import (
	"io"
	"testing"
	"time"

	"github.com/bankgen/bankgen/parse"
)

// FuzzExport parses fuzzed Markdown and, when the bank passes
// validation, writes it in every format: Validate must never pass a bank
// that an exporter then fails on or panics over. Seeds live in
// testdata/fuzz/FuzzExport.
func FuzzExport(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		srcs := []parse.Source{{Name: "fuzz.md", Data: data, ModTime: time.Unix(1767225600, 0)}}
		b, diags := parse.Parse(srcs...)
		if diags.Err() != nil {
			return
		}
		opts := &exportOptions{src: &sources{files: srcs, latest: srcs[0].ModTime}}
		for _, format := range formats {
			files, err := format.files(b, opts)
			if err != nil {
				t.Fatalf("%s: %v", format.name, err)
			}
			for _, file := range files {
				if err := file.Write(io.Discard); err != nil {
					t.Fatalf("%s %s: a valid bank failed to export: %v", format.name, file.Name, err)
				}
			}
		}
	})
}
