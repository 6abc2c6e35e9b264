package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/export"
)

func newExportCmd() *cobra.Command {
	var (
		dir      string
		all      bool
		force    bool
		selected = map[string]*bool{}
		owners   = map[string][]string{} // flag → the formats it applies to
		opts     exportOptions
		lo       loadOptions
	)
	cmd := &cobra.Command{
		Use:   "export [--FORMAT...] [-o DIR] [SOURCES...]",
		Short: "Write the bank in one or more formats",
		Long: `Export parses the sources (Markdown files or directories; the shipped sources
when none are given), validates the bank, and writes the chosen formats into
DIR. With no format flag, or with --all, it writes every format.

Outputs are never sources: in a folder given as a source, export leaves out
its own output folder, every file bankgen wrote (a folder's
.bankgen-manifest.json lists them), hidden files and folders (.git, .trash)
and whatever --exclude matches, so "bankgen export ." works every time.

Export never overwrites a file it did not write. It records the files it
writes, with a hash of their content, in DIR/.bankgen-manifest.json, and
overwrites a file only while that manifest lists it and it still holds what
bankgen wrote. Any other file in the way (your own notes/kubernetes.md, or a
bank.json you edited) stops the export before anything is written, naming the
file; --force overwrites it.

The whole command line is checked before any source is read, and nothing is
written when the sources have errors: run "bankgen check" to see them. Every
file is written atomically, so a failure never leaves a half-written file
behind. The command ends with one line per file written: its path, how many
items it holds, and its size.`,
		Example: `  bankgen export                          # every format, shipped sources, into ./dist
  bankgen export --json -o out             # out/bank.json
  bankgen export --anki notes/             # an Anki deck from your own Markdown folder
  bankgen export .                         # this folder's Markdown, leaving out ./dist
  bankgen export --exclude 'drafts' .      # ... and any folder or file named drafts
  bankgen export --anki --text             # Anki's plain-text import files instead
  bankgen export --pdf --paper letter      # study guide and cheat sheet on US Letter
  bankgen export --md -o clean             # the repaired sources as clean Markdown, to keep editing
  bankgen export --md -o notes --force     # ... over files of the same name in notes/
  SOURCE_DATE_EPOCH=1767225600 bankgen export   # pin the dates stamped into decks and PDFs`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkSourceFlags(cmd, &lo); err != nil {
				return err
			}
			var chosen []format
			for _, f := range formats {
				if all || *selected[f.name] {
					chosen = append(chosen, f)
				}
			}
			if len(chosen) == 0 {
				chosen = formats
			}
			if err := checkFormatFlags(cmd.Flags(), owners, chosen, dir, &opts); err != nil {
				return err
			}
			lo.out, lo.notes = dir, cmd.ErrOrStderr()
			src, err := loadSources(args, lo)
			if err != nil {
				return err
			}
			b, diags := src.build()
			printDiagnostics(cmd.ErrOrStderr(), diags.Warnings())
			if err := diags.Err(); err != nil {
				return err
			}
			opts.src = src
			return writeFormats(cmd.OutOrStdout(), dir, b, chosen, &opts, force)
		},
	}
	fs := cmd.Flags()
	fs.StringVarP(&dir, "output", "o", "dist", "folder to write into (`DIR`, created if missing)")
	fs.BoolVar(&force, "force", false, "overwrite existing files that bankgen did not write")
	fs.BoolVar(&all, "all", false, "write every format")
	for _, f := range formats {
		selected[f.name] = fs.Bool(f.name, false, f.usage)
	}
	for _, f := range formats {
		if f.flags == nil {
			continue
		}
		own := pflag.NewFlagSet(f.name, pflag.ContinueOnError)
		f.flags(own, &opts)
		own.VisitAll(func(fl *pflag.Flag) { owners[fl.Name] = append(owners[fl.Name], f.name) })
		fs.AddFlagSet(own)
	}
	for _, f := range formats {
		for _, fl := range f.shares {
			owners[fl] = append(owners[fl], f.name)
		}
	}
	addSourceFlags(fs, &lo)
	return cmd
}

// checkFormatFlags returns a usage error for a format's flag given
// without a format it applies to, or for options the chosen formats
// reject (they are tried on an empty bank, writing into dir).
func checkFormatFlags(fs *pflag.FlagSet, owners map[string][]string, chosen []format, dir string, o *exportOptions) error {
	var stray []string
	fs.Visit(func(fl *pflag.Flag) {
		names, ok := owners[fl.Name]
		if ok && !slices.ContainsFunc(chosen, func(f format) bool { return slices.Contains(names, f.name) }) {
			stray = append(stray, fmt.Sprintf("--%s applies only to --%s, which was not chosen", fl.Name, strings.Join(names, " or --")))
		}
	})
	if len(stray) > 0 {
		return usagef("%s", strings.Join(stray, "; "))
	}
	empty := *o
	empty.src, empty.dir, empty.reports = &sources{}, dir, nil
	for _, f := range chosen {
		if _, err := f.files(&bank.Bank{}, &empty); err != nil {
			return usageError{err}
		}
	}
	return nil
}

// writeFormats renders every chosen format into dir and reports each
// file. It writes nothing when any file is in the way (see
// export.WriteAll) unless force is set.
func writeFormats(out io.Writer, dir string, b *bank.Bank, chosen []format, o *exportOptions, force bool) error {
	var files []export.File
	o.dir = dir
	for _, f := range chosen {
		ff, err := f.files(b, o)
		if err != nil {
			return err
		}
		files = append(files, ff...)
	}
	written, err := export.WriteAll(dir, files, export.WriteOptions{Force: force})
	for _, w := range written {
		fmt.Fprintf(out, "%-40s %6d items %10s\n", w.Path, w.Items, humanSize(w.Size))
	}
	if err == nil {
		for _, r := range o.reports {
			fmt.Fprint(out, r)
		}
	}
	var exists *export.ExistsError
	if errors.As(err, &exists) {
		return fmt.Errorf("%w (use --force to overwrite, or -o to write elsewhere)", err)
	}
	return err
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// printDiagnostics writes one "file:line:col: severity: msg" line each.
func printDiagnostics(w io.Writer, diags bank.Diagnostics) {
	for _, d := range diags {
		fmt.Fprintln(w, d.String())
	}
}

// errHasErrors is returned by check when the sources have errors; the
// diagnostics themselves were already printed.
var errHasErrors = errors.New("the sources have errors")
