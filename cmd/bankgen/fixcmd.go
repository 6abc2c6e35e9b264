package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/bankgen/bankgen/export"
	"github.com/bankgen/bankgen/parse/fix"
	"github.com/spf13/cobra"
)

func newFixCmd() *cobra.Command {
	var write, backup, verbose, lf bool
	cmd := &cobra.Command{
		Use:   "fix [-w [--backup]] [-v] FILE...",
		Short: "Repair damaged text encoding (mojibake) in Markdown files",
		Long: `Fix repairs text that was UTF-8, decoded through a Windows code page and saved
again ("â€”" for "—"), including characters whose bytes the code page dropped,
which it rebuilds from context. It also decodes UTF-16 and plain Windows-1252
files and strips a UTF-8 byte-order mark. Clean UTF-8 is left byte for byte.

By default the repaired text goes to standard output and a summary of what
was repaired goes to standard error (-v lists every repair with its
file:line:col). With -w each file is rewritten in place, atomically, and only
when something changed; --backup keeps the original as FILE.orig.`,
		Example: `  bankgen fix notes/kafka.md > kafka-fixed.md
  bankgen fix -v notes/kafka.md >/dev/null      # only see what would change
  bankgen fix -w --backup notes/*.md`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{fmt.Errorf("fix needs at least one FILE")}
			}
			if backup && !write {
				return usageError{fmt.Errorf("--backup only makes sense with -w")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			var opts []fix.Option
			if lf {
				opts = append(opts, fix.NormalizeNewlines())
			}
			for _, name := range args {
				if err := fixFile(cmd.OutOrStdout(), cmd.ErrOrStderr(), name, write, backup, verbose, opts); err != nil {
					return err
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&write, "write", "w", false, "rewrite the files in place (atomically) instead of printing them")
	cmd.Flags().BoolVar(&backup, "backup", false, "with -w, keep each original as FILE.orig")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "list every repair as file:line:col")
	cmd.Flags().BoolVar(&lf, "lf", false, "also turn CRLF line endings into LF")
	return cmd
}

func fixFile(stdout, stderr io.Writer, name string, write, backup, verbose bool, opts []fix.Option) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	out, r := fix.Bytes(data, opts...)
	if verbose {
		if err := r.Format(stderr, name); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(stderr, "%s: %s\n", name, r.Summary())
	}
	if !write {
		_, err := stdout.Write(out)
		return err
	}
	if bytes.Equal(out, data) {
		return nil
	}
	info, err := os.Stat(name)
	if err != nil {
		return err
	}
	if backup {
		if err := export.WriteFile(name+".orig", info.Mode().Perm(), func(w io.Writer) error {
			_, err := w.Write(data)
			return err
		}); err != nil {
			return err
		}
	}
	return export.WriteFile(name, info.Mode().Perm(), func(w io.Writer) error {
		_, err := w.Write(out)
		return err
	})
}
