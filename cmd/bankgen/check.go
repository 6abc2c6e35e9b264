package main

import (
	"fmt"

	"github.com/bankgen/bankgen/bank"
	"github.com/bankgen/bankgen/parse"
	"github.com/spf13/cobra"
)

// plural formats a count with its noun: "1 file", "2 files".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func newCheckCmd() *cobra.Command {
	var lo loadOptions
	var explain bool
	cmd := &cobra.Command{
		Use:   "check [SOURCES...]",
		Short: "Validate sources and print positioned diagnostics",
		Long: `Check parses and validates the sources (Markdown files or directories; the
shipped sources when none are given) and prints every problem as
"file:line:col: severity: message", sorted by position. Unrecognised sections
are reported as warnings: their content is kept as extra content, never
dropped.

In a folder given as a source, check leaves out files bankgen wrote (a
folder's .bankgen-manifest.json lists them), hidden files and folders and
whatever --exclude matches.

With --explain, check first prints each document's outline as bankgen read
it: every heading, label and block, with its line, and what it became (the
title, question N and its level, and whether that was inferred, a part such
as the strengths or the model answer, a glossary term, a plan row, notes) or
that it was kept without being understood.

The exit status is 1 when there are errors and 0 with warnings only.`,
		Example: `  bankgen check                     # the shipped sources
  bankgen check notes/docker.md     # one of your own files
  bankgen check --exclude 'archive' notes/
  bankgen check --explain notes/kafka.md   # what bankgen understood, line by line`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkSourceFlags(cmd, &lo); err != nil {
				return err
			}
			lo.notes = cmd.ErrOrStderr()
			src, err := loadSources(args, lo)
			if err != nil {
				return err
			}
			if explain {
				outlines, _, diags := parse.Explain(src.files...)
				writeOutlines(cmd.OutOrStdout(), outlines)
				fmt.Fprintln(cmd.OutOrStdout())
				return reportCheck(cmd, src, diags)
			}
			_, diags := src.build()
			return reportCheck(cmd, src, diags)
		},
	}
	addSourceFlags(cmd.Flags(), &lo)
	cmd.Flags().BoolVar(&explain, "explain", false, "print each document's outline as bankgen read it, before the diagnostics")
	return cmd
}

// reportCheck prints the diagnostics and the summary line of check.
func reportCheck(cmd *cobra.Command, src *sources, diags bank.Diagnostics) error {
	printDiagnostics(cmd.OutOrStdout(), diags)
	nerr, nwarn := len(diags.Errors()), len(diags.Warnings())
	fmt.Fprintf(cmd.ErrOrStderr(), "%s: %s, %s\n", plural(len(src.files), "file"), plural(nerr, "error"), plural(nwarn, "warning"))
	if nerr > 0 {
		return errHasErrors
	}
	return nil
}
