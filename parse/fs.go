package parse

import (
	"io/fs"
	"path"
	"strings"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/parse/vocab"
)

// ReadFS returns the sources found anywhere in fsys, in name order: the
// Markdown files (*.md, *.markdown) and the bankgen.yaml files that
// extend the vocabulary. Each is named by its path in fsys under the
// directory prefix, joined with a slash whether or not prefix ends in
// one, so that positions read "source/interview.md:12:1"; an empty prefix
// leaves the paths as they are. ModTime is the file's modification time
// as fsys reports it (zero for embedded files).
func ReadFS(fsys fs.FS, prefix string) ([]Source, error) {
	var out []Source
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !IsMarkdown(p) && !IsConfig(p) {
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
		name := p
		if prefix != "" {
			name = strings.TrimSuffix(prefix, "/") + "/" + p
		}
		out = append(out, Source{Name: name, Data: data, ModTime: info.ModTime()})
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

// IsConfig reports whether a file is a bankgen.yaml, which extends the
// vocabulary for the documents in its directory and below.
func IsConfig(name string) bool {
	return path.Base(strings.ReplaceAll(name, `\`, "/")) == vocab.ConfigName
}

// configs are the vocabularies of the directories that hold a
// bankgen.yaml, each extended from its parent's.
type configs map[string]*vocab.Vocabulary // directory → vocabulary

// readConfigs decodes the bankgen.yaml sources, parents first; one that
// does not decode is reported and adds nothing.
func readConfigs(srcs []Source, diags *bank.Diagnostics) configs {
	c := configs{}
	for _, s := range srcs { // in name order: a parent directory sorts first
		if !IsConfig(s.Name) {
			continue
		}
		dir := dirOf(s.Name)
		v, err := c.For(s.Name).Extend(s.Data, s.Name)
		if err != nil {
			addVocabErrors(err, s.Name, diags)
			continue
		}
		c[dir] = v
	}
	return c
}

// For returns the vocabulary for a file: its directory's, or the nearest
// parent's, or the default.
func (c configs) For(name string) *vocab.Vocabulary {
	for dir := dirOf(name); ; dir = parentDir(dir) {
		if v, ok := c[dir]; ok {
			return v
		}
		if dir == "" {
			return vocab.Default()
		}
	}
}

// dirOf returns the directory part of a source name, "" for none.
func dirOf(name string) string {
	name = strings.ReplaceAll(name, `\`, "/")
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		return name[:i]
	}
	return ""
}

func parentDir(dir string) string {
	if i := strings.LastIndexByte(dir, '/'); i >= 0 {
		return dir[:i]
	}
	return ""
}

// addVocabErrors reports the problems of a vocabulary file as errors at
// their positions.
func addVocabErrors(err error, file string, diags *bank.Diagnostics) {
	if list, ok := err.(vocab.ErrorList); ok {
		for _, e := range list {
			diags.Add(e.Pos, bank.Error, "%s", e.Msg)
		}
		return
	}
	diags.Add(bank.Pos{File: file, Line: 1, Col: 1}, bank.Error, "%v", err)
}
