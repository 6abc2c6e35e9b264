package main

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"slices"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Exit codes.
const (
	exitOK    = 0
	exitError = 1 // the sources have errors, or an output failed
	exitUsage = 2 // the command line is wrong
)

// version is set by -ldflags "-X main.version=…"; otherwise it comes
// from the module's build information.
var version = ""

func buildVersion() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}

// usageError marks a wrong command line, as opposed to bad input.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// usagef returns a usageError with a formatted message.
func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// run executes the command line and returns the exit status. It never
// calls os.Exit, so tests can drive it.
func run(args []string, stdout, stderr io.Writer) int {
	root := newRootCmd()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(stderr, "bankgen:", err)
	var ue usageError
	if errors.As(err, &ue) {
		return exitUsage
	}
	return exitError
}

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "bankgen",
		Short: "Turn interview-prep Markdown into a question bank and study material",
		Long: `bankgen reads interview-prep Markdown — mock-interview transcripts and concept
guides — repairs damaged encodings, parses it into a typed, validated question
bank, and exports it as Anki decks, PDF study guides, spreadsheets and JSON.

Every command takes Markdown files or directories as arguments. With none, it
uses the sources that ship inside the binary, so this gives real output at once:

  bankgen export -o dist

Exit status: 0 success, 1 bad input or a failed write, 2 a wrong command line.`,
		Version:       buildVersion(),
		SilenceUsage:  true,
		SilenceErrors: true,
		// Suggest a command within two edits of a mistyped one.
		SuggestionsMinimumDistance: 2,
		// Run only to turn an unknown command into a usage error; with no
		// argument it prints the help.
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmd.Help()
			}
			msg := fmt.Sprintf("unknown command %q", args[0])
			if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
				msg += fmt.Sprintf("; did you mean %q?", s[0])
			}
			return usageError{errors.New(msg)}
		},
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(newExportCmd(), newCheckCmd(), newFixCmd(), newSchemaCmd(), newLicensesCmd())
	return root
}

// noArgs is cobra.NoArgs as a usage error.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("%s takes no arguments (got %q)", cmd.Name(), args[0])
	}
	return nil
}

// addSourceFlags adds the flags of commands that read sources.
func addSourceFlags(fs *pflag.FlagSet, o *loadOptions) {
	o.maxFileSize = defaultMaxFileSize
	fs.Int64Var(&o.maxFileSize, "max-file-size", o.maxFileSize, "largest source file accepted (`BYTES`)")
	fs.StringArrayVar(&o.exclude, "exclude", nil, "leave out files and folders matching `GLOB` (by name or by path; repeatable)")
}

// checkSourceFlags checks the flags addSourceFlags added, and that no
// text flag was given an empty value.
func checkSourceFlags(cmd *cobra.Command, o *loadOptions) error {
	var err error
	cmd.Flags().Visit(func(f *pflag.Flag) {
		if err == nil && f.Value.Type() == "string" && f.Value.String() == "" {
			err = usagef("--%s needs a value", f.Name)
		}
	})
	if err != nil {
		return err
	}
	if slices.Contains(o.exclude, "") {
		return usagef("--exclude needs a value")
	}
	if o.maxFileSize <= 0 {
		return usagef("--max-file-size must be a positive number of bytes (got %d)", o.maxFileSize)
	}
	return checkGlobs(o.exclude)
}
