package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/parse"
	"github.com/bankgen/bankgen/source"
)

// maxFileSize bounds one source file. Real transcripts are well under
// 1 MiB; a file far larger is almost surely not study notes, and taking
// it whole into every format (a PDF of it, a deck of it) would take
// minutes. The limit can be raised with --max-file-size.
var maxFileSize int64 = 16 << 20

// sources are the Markdown files a command works on, with the times
// exporters stamp into their output.
type sources struct {
	files []parse.Source
	// latest is the newest file time: the sources' time as a whole.
	latest time.Time
}

// loadSources reads the files and directories named in args, or the
// embedded sources when args is empty. Directories are searched for
// *.md and *.markdown files. File times come from SOURCE_DATE_EPOCH when
// it is set, else from the files; embedded files carry source.Modified.
// Times are truncated to whole seconds, as the formats store them.
func loadSources(args []string) (*sources, error) {
	s := &sources{}
	if len(args) == 0 {
		files, err := parse.ReadFS(source.FS, "source/")
		if err != nil {
			return nil, fmt.Errorf("embedded sources: %w", err)
		}
		modified, err := time.Parse(time.RFC3339, source.Modified)
		if err != nil {
			return nil, fmt.Errorf("embedded sources: %w", err)
		}
		for i := range files {
			files[i].ModTime = modified
		}
		s.files = files
	}
	for _, arg := range args {
		files, err := readPath(arg)
		if err != nil {
			return nil, err
		}
		s.files = append(s.files, files...)
	}
	if epoch, ok := os.LookupEnv("SOURCE_DATE_EPOCH"); ok {
		sec, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", epoch)
		}
		for i := range s.files {
			s.files[i].ModTime = time.Unix(sec, 0)
		}
	}
	for i := range s.files {
		t := s.files[i].ModTime.UTC().Truncate(time.Second)
		s.files[i].ModTime = t
		if t.After(s.latest) {
			s.latest = t
		}
	}
	return s, nil
}

// readPath reads one command-line argument: a Markdown file, or a
// directory searched for Markdown files.
func readPath(arg string) ([]parse.Source, error) {
	info, err := os.Stat(arg)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		if err := checkSize(arg, info.Size()); err != nil {
			return nil, err
		}
		data, err := os.ReadFile(arg)
		if err != nil {
			return nil, err
		}
		return []parse.Source{{Name: arg, Data: data, ModTime: info.ModTime()}}, nil
	}
	prefix := filepath.ToSlash(filepath.Clean(arg))
	if !strings.HasSuffix(prefix, "/") {
		prefix += "/"
	}
	files, err := parse.ReadFS(os.DirFS(arg), prefix)
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		if err := checkSize(f.Name, int64(len(f.Data))); err != nil {
			return nil, err
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no Markdown files (*.md, *.markdown) in this directory", arg)
	}
	return files, nil
}

func checkSize(name string, size int64) error {
	if size > maxFileSize {
		return fmt.Errorf("%s: file is %s, over the %s limit for one source (raise it with --max-file-size)",
			name, humanSize(size), humanSize(maxFileSize))
	}
	return nil
}

// build parses the sources into a bank.
func (s *sources) build() (*bank.Bank, bank.Diagnostics) {
	return parse.Parse(s.files...)
}
