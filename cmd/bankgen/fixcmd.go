package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"

	"github.com/bankgen/bankgen/export"
	"github.com/bankgen/bankgen/parse/fix"
	"github.com/bankgen/bankgen/source"
	"github.com/spf13/cobra"
)

// fixOptions are the fix command's settings.
type fixOptions struct {
	write, backup, report, verbose, lf, embedded bool
	minConf                                      float64
}

func newFixCmd() *cobra.Command {
	var o fixOptions
	cmd := &cobra.Command{
		Use:   "fix [-w [--backup]] [--report] [-v] [--lf] [--min-confidence X] FILE...",
		Short: "Repair damaged text encoding (mojibake) in Markdown files",
		Long: `Fix repairs text that was UTF-8, read through a Windows code page and saved
again ("â€”" for "—"), including characters whose bytes the code page
dropped, which it rebuilds from what Unicode and the context allow. It reads
UTF-16 (with or without a byte-order mark) and legacy code pages into UTF-8.
Clean text is never changed: a file with nothing to repair (a UTF-8 BOM or
CRLF line endings are not damage) is said to be so and left alone, and
damage a note quotes on purpose (greeted customers as "JosÃ©" instead of
"José") is left as it is and listed as suspect.

By default the repaired text goes to standard output and a summary to
standard error. --report prints only the list of repairs, each as
file:line:col with its confidence, and the places left as they were that
look damaged ("suspect"), without the text. -v prints the same list on
standard error beside the text. With -w each file that needed a repair is
rewritten in place, atomically; --backup keeps the original as FILE.orig.

A repair less sure than --min-confidence is not made; the place is kept as it
is and reported as suspect. The default, 0, makes every repair the evidence
supports; rebuilt characters with more than one plausible reading are listed
as suspect either way.

A FILE that does not exist but names one of the sources shipped inside
bankgen (as "bankgen check" with no arguments reports them, or by its base
name) is read from the binary; --embedded says so explicitly. Those cannot
be rewritten.`,
		Example: `  bankgen fix notes/kafka.md > kafka-fixed.md
  bankgen fix --report notes/kafka.md          # each repair, not the text
  bankgen fix --report --embedded kubernetes-mock-interview.md
  bankgen fix -w --backup notes/*.md`,
		Args: func(cmd *cobra.Command, args []string) error {
			switch {
			case len(args) == 0:
				return usagef("fix needs at least one FILE")
			case o.backup && !o.write:
				return usagef("--backup only makes sense with -w")
			case o.write && o.report:
				return usagef("--report prints the repairs only; it cannot be used with -w")
			case o.write && o.embedded:
				return usagef("the embedded sources cannot be rewritten (-w with --embedded)")
			case o.minConf < 0 || o.minConf > 1:
				return usagef("--min-confidence must be between 0 and 1 (got %g)", o.minConf)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, name := range args {
				if err := fixFile(cmd.OutOrStdout(), cmd.ErrOrStderr(), name, o); err != nil {
					return err
				}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.BoolVarP(&o.write, "write", "w", false, "rewrite the files that need a repair in place (atomically) instead of printing them")
	f.BoolVar(&o.backup, "backup", false, "with -w, keep each original as FILE.orig")
	f.BoolVar(&o.report, "report", false, "print only the list of repairs and suspect places, not the text")
	f.BoolVarP(&o.verbose, "verbose", "v", false, "also list every repair on standard error")
	f.BoolVar(&o.lf, "lf", false, "also turn CRLF line endings into LF")
	f.BoolVar(&o.embedded, "embedded", false, "FILE names a source shipped inside bankgen")
	f.Float64Var(&o.minConf, "min-confidence", fix.DefaultMinConfidence, "leave repairs less sure than `X` (0–1) undone, reported as suspect")
	return cmd
}

// readFixInput reads the file name, or the embedded source it names. It
// says which it read in the name it returns.
func readFixInput(name string, embedded bool) (data []byte, shown string, isEmbedded bool, err error) {
	if !embedded {
		data, err = os.ReadFile(name)
		if err == nil || !errors.Is(err, fs.ErrNotExist) {
			return data, name, false, err
		}
	}
	base := path.Base(strings.TrimPrefix(name, "source/"))
	if data, eerr := fs.ReadFile(source.FS, base); eerr == nil {
		return data, "source/" + base, true, nil
	}
	if embedded {
		var names []string
		entries, _ := fs.ReadDir(source.FS, ".")
		for _, e := range entries {
			names = append(names, e.Name())
		}
		return nil, name, false, usagef("no embedded source %q (there are: %s)", name, strings.Join(names, ", "))
	}
	return nil, name, false, err
}

func fixFile(stdout, stderr io.Writer, name string, o fixOptions) error {
	data, shown, isEmbedded, err := readFixInput(name, o.embedded)
	if err != nil {
		return err
	}
	if o.write && isEmbedded {
		return fmt.Errorf("%s: no such file (an embedded source of that name exists, but it cannot be rewritten)", name)
	}
	opts := []fix.Option{fix.MinConfidence(o.minConf)}
	if o.lf {
		opts = append(opts, fix.NormalizeNewlines())
	}
	out, r := fix.Bytes(data, opts...)
	// Decoding UTF-16 or a legacy code page into UTF-8, and --lf, are
	// changes the user asked for; a BOM or CRLF alone are not damage.
	todo := r.Repaired() || r.Newlines.Normalized || r.Encoding != fix.UTF8 && r.Encoding != fix.UTF8BOM
	if !todo {
		out = data
	}
	switch {
	case o.report:
		if err := r.Format(stdout, shown); err != nil {
			return err
		}
	case o.verbose:
		if err := r.Format(stderr, shown); err != nil {
			return err
		}
	case todo:
		fmt.Fprintf(stderr, "%s: %s\n", shown, r.Summary())
	}
	if !todo && !o.report {
		fmt.Fprintf(stderr, "%s: nothing to repair (%s)\n", shown, r.Summary())
	}
	if o.report {
		return nil
	}
	if !o.write {
		_, err := stdout.Write(out)
		return err
	}
	if !todo {
		return nil
	}
	info, err := os.Stat(name)
	if err != nil {
		return err
	}
	if o.backup {
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
