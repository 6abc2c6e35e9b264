package parse

import (
	"io/fs"
	"path"
	"strings"
)

// ReadFS returns the Markdown files (*.md, *.markdown) found anywhere in
// fsys, in name order. Each is named prefix + its path in fsys, so that
// positions read "source/interview.md:12:1". ModTime is the file's
// modification time as fsys reports it (zero for embedded files).
func ReadFS(fsys fs.FS, prefix string) ([]Source, error) {
	var out []Source
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !IsMarkdown(p) {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		out = append(out, Source{Name: prefix + p, Data: data, ModTime: info.ModTime()})
		return nil
	})
	return out, err // WalkDir visits in lexical order
}

// IsMarkdown reports whether a file name has a Markdown extension.
func IsMarkdown(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown":
		return true
	}
	return false
}
