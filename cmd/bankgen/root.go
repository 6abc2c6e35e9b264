package main

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/spf13/cobra"
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
	var fe flagError
	if errors.As(err, &ue) || errors.As(err, &fe) {
		return exitUsage
	}
	return exitError
}

// flagError wraps cobra's flag-parsing errors so they exit with exitUsage.
type flagError struct{ err error }

func (e flagError) Error() string { return e.err.Error() }

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "bankgen",
		Short: "Turn interview-prep Markdown into a question bank and study material",
		Long: `bankgen reads interview-prep Markdown — mock-interview transcripts and concept
guides — repairs damaged encodings, parses it into a typed, validated question
bank, and exports it as Anki decks, PDF study guides, spreadsheets and JSON.

Every command takes Markdown files or directories as arguments. With none, it
uses the sources that ship inside the binary, so this gives real output at once:

  bankgen export -o dist`,
		Version:       buildVersion(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().Int64Var(&maxFileSize, "max-file-size", maxFileSize, "largest source file accepted, in bytes")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return flagError{err} })
	root.AddCommand(newExportCmd(), newCheckCmd(), newFixCmd(), newSchemaCmd(), newLicensesCmd())
	return root
}
