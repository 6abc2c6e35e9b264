// Command damage writes every damaged variant of clean Markdown documents,
// for looking at what the repair in parse/fix is given:
//
//	go run ./parse/fix/internal/damage/cmd -o /tmp/damaged parse/fix/testdata/corpus/clean
//
// Each PATH is a file or a directory (its *.md files). For every kind of
// damage and every document, it writes OUT/KIND/NAME. With -kind, only the
// kinds named (comma-separated); with -list, it prints the kinds and what
// each does. The output is the same on every run.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bankgen/bankgen/parse/fix/internal/damage"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "damage:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("damage", flag.ContinueOnError)
	out := fs.String("o", "", "write the damaged files under `DIR`/KIND/")
	only := fs.String("kind", "", "only the kinds `NAMES` (comma-separated)")
	list := fs.Bool("list", false, "list the kinds of damage and exit")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: damage -o DIR [-kind NAMES] PATH...\n       damage -list")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	kinds := damage.Kinds()
	if *list {
		for _, k := range kinds {
			fmt.Fprintf(stdout, "%-18s %s\n", k.Name, k.Doc)
		}
		return nil
	}
	if *out == "" || fs.NArg() == 0 {
		fs.Usage()
		return errors.New("need -o DIR and at least one PATH")
	}
	if *only != "" {
		var sel []damage.Kind
		for _, name := range strings.Split(*only, ",") {
			k, ok := damage.Lookup(strings.TrimSpace(name))
			if !ok {
				return fmt.Errorf("no kind %q (see -list)", name)
			}
			sel = append(sel, k)
		}
		kinds = sel
	}
	files, err := inputs(fs.Args(), *out)
	if err != nil {
		return err
	}
	for _, k := range kinds {
		dir := filepath.Join(*out, k.Name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), k.Apply(src), 0o644); err != nil {
				return err
			}
		}
		fmt.Fprintf(stdout, "%s: %d files\n", dir, len(files))
	}
	return nil
}

// inputs expands the paths into a sorted list of files, refusing a
// directory that is, or lies inside, the output directory, and two inputs
// with the same name (they would be written to the same place).
func inputs(paths []string, out string) ([]string, error) {
	absOut, err := filepath.Abs(out)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			files = append(files, p)
			continue
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		if abs == absOut || strings.HasPrefix(abs, absOut+string(filepath.Separator)) {
			return nil, fmt.Errorf("%s is inside the output directory %s", p, out)
		}
		md, err := filepath.Glob(filepath.Join(p, "*.md"))
		if err != nil {
			return nil, err
		}
		files = append(files, md...)
	}
	slices.Sort(files)
	seen := map[string]string{}
	for _, f := range files {
		if prev, ok := seen[filepath.Base(f)]; ok {
			return nil, fmt.Errorf("%s and %s have the same name", prev, f)
		}
		seen[filepath.Base(f)] = f
	}
	if len(files) == 0 {
		return nil, errors.New("no Markdown files found")
	}
	return files, nil
}
