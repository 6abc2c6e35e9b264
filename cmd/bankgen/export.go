package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/bankgen/bankgen/bank"
	"github.com/spf13/cobra"
)

func newExportCmd() *cobra.Command {
	var (
		dir      string
		all      bool
		selected = map[string]*bool{}
		opts     exportOptions
	)
	cmd := &cobra.Command{
		Use:   "export [--FORMAT...] [-o DIR] [SOURCES...]",
		Short: "Write the bank in one or more formats",
		Long: `Export parses the sources (Markdown files or directories; the shipped sources
when none are given), validates the bank, and writes the chosen formats into
DIR. With no format flag, or with --all, it writes every format.

Nothing is written when the sources have errors: run "bankgen check" to see
them. Every file is written atomically, so a failure never leaves a
half-written file behind. The command ends with one line per file written:
its path, how many items it holds, and its size.`,
		Example: `  bankgen export                          # every format, shipped sources, into ./dist
  bankgen export --json -o out             # out/bank.json
  bankgen export --anki notes/             # an Anki deck from your own Markdown folder
  bankgen export --anki --text             # Anki's plain-text import files instead
  bankgen export --pdf --paper letter      # study guide and cheat sheet on US Letter
  bankgen export --md -o notes             # the repaired sources as clean Markdown, to keep editing
  SOURCE_DATE_EPOCH=1767225600 bankgen export   # pin the dates stamped into decks and PDFs`,
		RunE: func(cmd *cobra.Command, args []string) error {
			var chosen []format
			for _, f := range formats {
				if all || *selected[f.name] {
					chosen = append(chosen, f)
				}
			}
			if len(chosen) == 0 {
				chosen = formats
			}
			src, err := loadSources(args)
			if err != nil {
				return err
			}
			b, diags := src.build()
			printDiagnostics(cmd.ErrOrStderr(), diags.Warnings())
			if err := diags.Err(); err != nil {
				return err
			}
			opts.src = src
			return writeFormats(cmd.OutOrStdout(), dir, b, chosen, &opts)
		},
	}
	cmd.Flags().StringVarP(&dir, "output", "o", "dist", "directory to write into (created if missing)")
	cmd.Flags().BoolVar(&all, "all", false, "write every format")
	for _, f := range formats {
		selected[f.name] = cmd.Flags().Bool(f.name, false, f.usage)
	}
	cmd.Flags().StringVar(&opts.paper, "paper", "a4", "PDF paper size: a4 or letter")
	cmd.Flags().BoolVar(&opts.ankiText, "text", false, "with --anki, write Anki's plain-text import files instead of a package")
	cmd.Flags().BoolVar(&opts.store, "anki-store", false, "with --anki, store the collection uncompressed: about twice as fast to write, several times larger")
	cmd.Flags().BoolVar(&opts.reverse, "reverse", false, "with --anki, add a definition → term card to every concept")
	cmd.Flags().BoolVar(&opts.numbered, "md-numbered", false, "with --md, prefix topic files with their position (01-kubernetes.md)")
	cmd.Flags().StringVar(&opts.deck, "deck", "", `with --anki, the parent deck (default "Interview Prep")`)
	return cmd
}

// writeFormats renders every chosen format into dir and reports each file.
func writeFormats(out io.Writer, dir string, b *bank.Bank, chosen []format, o *exportOptions) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range chosen {
		files, err := f.files(b, o)
		if err != nil {
			return fmt.Errorf("%s: %w", f.name, err)
		}
		for _, file := range files {
			if file.Name == "" || file.Name != filepath.Base(file.Name) || strings.HasPrefix(file.Name, ".") {
				return fmt.Errorf("%s: refusing to write unsafe file name %q", f.name, file.Name)
			}
			path := filepath.Join(dir, file.Name)
			if err := writeAtomic(path, 0o644, file.Write); err != nil {
				return fmt.Errorf("%s: %w", f.name, err)
			}
			info, err := os.Stat(path)
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "%-40s %6d items %10s\n", path, file.Items, humanSize(info.Size()))
		}
	}
	return nil
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
