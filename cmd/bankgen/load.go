package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export"
	"github.com/bankgen/bankgen/parse"
	"github.com/bankgen/bankgen/parse/vocab"
	"github.com/bankgen/bankgen/source"
)

// defaultMaxFileSize bounds one source file. Real transcripts are well
// under 1 MiB; a file far larger is almost surely not study notes, and
// taking it whole into every format (a PDF of it, a deck of it) would
// take minutes. The limit can be raised with --max-file-size.
const defaultMaxFileSize = 16 << 20

// sources are the Markdown files a command works on, with the times
// exporters stamp into their output.
type sources struct {
	files []parse.Source
	// latest is the newest file time: the sources' time as a whole.
	latest time.Time
}

// loadOptions say which files a command reads.
type loadOptions struct {
	maxFileSize int64
	// exclude holds globs (path.Match syntax); a file or folder whose
	// name, path inside the folder given, or path as given matches one
	// is not read.
	exclude []string
	// out is the folder export writes into: never read as sources when
	// met inside a folder given. "" for none.
	out string
	// notes receives a line for each folder where files that bankgen
	// wrote were left out.
	notes io.Writer
	// configs are the bankgen.yaml files already read beside a file
	// given, so that each is read once.
	configs map[string]bool
}

// checkGlobs returns a usage error for the first malformed pattern.
func checkGlobs(globs []string) error {
	for _, g := range globs {
		if _, err := path.Match(g, ""); err != nil {
			return usageError{fmt.Errorf("--exclude %q: %w", g, err)}
		}
	}
	return nil
}

// excluded reports whether any glob matches one of names.
func (o *loadOptions) excluded(names ...string) bool {
	for _, g := range o.exclude {
		for _, n := range names {
			if ok, _ := path.Match(g, n); ok {
				return true
			}
		}
	}
	return false
}

// loadSources reads the files and folders named in args, or the
// embedded sources when args is empty. Folders are searched for *.md
// and *.markdown files, leaving out hidden files and folders (".git",
// an editor's ".trash"), the export's own output folder,
// files that bankgen wrote (see export.Manifest: outputs are never
// sources) and whatever --exclude matches. A file named in args is read
// whoever wrote it, unless --exclude matches it.
//
// File times come from SOURCE_DATE_EPOCH when it is set, else from the
// files; embedded files carry source.Modified. Times are truncated to
// whole seconds, as the formats store them.
func loadSources(args []string, o loadOptions) (*sources, error) {
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
		for _, f := range files {
			if !o.excluded(f.Name, path.Base(f.Name)) {
				f.ModTime = modified
				s.files = append(s.files, f)
			}
		}
	}
	for _, arg := range args {
		files, err := o.readPath(arg)
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
// folder searched for Markdown files.
func (o *loadOptions) readPath(arg string) ([]parse.Source, error) {
	info, err := os.Stat(arg)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		if o.excluded(filepath.ToSlash(arg), filepath.Base(arg)) {
			return nil, nil
		}
		if err := o.checkSize(arg, info.Size()); err != nil {
			return nil, err
		}
		data, err := os.ReadFile(arg)
		if err != nil {
			return nil, err
		}
		srcs := []parse.Source{{Name: arg, Data: data, ModTime: info.ModTime()}}
		// The vocabulary of a bankgen.yaml beside the file applies to it.
		config := filepath.Join(filepath.Dir(arg), vocab.ConfigName)
		if data, err := os.ReadFile(config); err == nil && !o.configs[config] {
			if o.configs == nil {
				o.configs = map[string]bool{}
			}
			o.configs[config] = true
			srcs = append(srcs, parse.Source{Name: filepath.ToSlash(config), Data: data})
		}
		return srcs, nil
	}
	return o.readDir(arg)
}

// readDir reads the Markdown files under the folder dir, in lexical
// order, naming each as dir joined with its path inside.
func (o *loadOptions) readDir(dir string) ([]parse.Source, error) {
	prefix := filepath.ToSlash(filepath.Clean(dir))
	if !strings.HasSuffix(prefix, "/") {
		prefix += "/"
	}
	var out os.FileInfo
	if o.out != "" {
		out, _ = os.Stat(o.out)
	}
	fsys := os.DirFS(dir)
	outputs := outputs{dir: dir, manifests: map[string]export.Manifest{}, skipped: map[string]int{}}
	var files []parse.Source
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case p == ".":
			return nil
		case strings.HasPrefix(d.Name(), ".") || o.excluded(d.Name(), p, prefix+p) ||
			d.IsDir() && out != nil && sameFile(d, out):
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		case d.IsDir() || !parse.IsMarkdown(p) && !parse.IsConfig(p) || !d.Type().IsRegular():
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if err := o.checkSize(prefix+p, info.Size()); err != nil {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		if !outputs.skip(p, data) {
			files = append(files, parse.Source{Name: prefix + p, Data: data, ModTime: info.ModTime()})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if o.notes != nil {
		for _, f := range outputs.folders {
			fmt.Fprintf(o.notes, "bankgen: note: left out %s that bankgen wrote in %s (outputs are not sources)\n",
				plural(outputs.skipped[f], "file"), path.Clean(prefix+f))
		}
	}
	if !slices.ContainsFunc(files, func(f parse.Source) bool { return parse.IsMarkdown(f.Name) }) {
		return nil, fmt.Errorf("%s: no Markdown sources (*.md, *.markdown) in this folder", dir)
	}
	return files, nil
}

func sameFile(d fs.DirEntry, fi os.FileInfo) bool {
	info, err := d.Info()
	return err == nil && os.SameFile(info, fi)
}

// outputs tells the files bankgen wrote under a source folder, by the
// manifest of each folder, and counts them per folder.
type outputs struct {
	dir       string
	manifests map[string]export.Manifest // by folder inside dir
	skipped   map[string]int             // files left out, by folder
	folders   []string                   // the keys of skipped, in walk order
}

// skip reports whether the file at p (a slash path inside dir), holding
// data, is one bankgen wrote, and counts it.
func (o *outputs) skip(p string, data []byte) bool {
	folder := path.Dir(p)
	m, ok := o.manifests[folder]
	if !ok {
		m = export.ReadManifest(filepath.Join(o.dir, filepath.FromSlash(folder)))
		o.manifests[folder] = m
	}
	if !m.Owns(path.Base(p), data) {
		return false
	}
	if o.skipped[folder] == 0 {
		o.folders = append(o.folders, folder)
	}
	o.skipped[folder]++
	return true
}

func (o *loadOptions) checkSize(name string, size int64) error {
	if size > o.maxFileSize {
		return fmt.Errorf("%s: file is %s, over the %s limit for one source (raise it with --max-file-size)",
			name, humanSize(size), humanSize(o.maxFileSize))
	}
	return nil
}

// build parses the sources into a bank.
func (s *sources) build() (*bank.Bank, bank.Diagnostics) {
	return parse.Parse(s.files...)
}
