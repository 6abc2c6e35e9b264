package main

import (
	"fmt"

	"github.com/bankgen/bankgen/export/pdf"
	"github.com/spf13/cobra"
)

func newLicensesCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "licenses",
		Short: "Print the licences of the fonts embedded in bankgen",
		Long: `Licenses prints the licence notices of third-party material that bankgen
carries inside its binary and writes into its output: the DejaVu fonts
(DejaVu Sans and DejaVu Sans Mono), embedded in the PDFs and in Anki decks.`,
		Example: `  bankgen licenses`,
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(cmd.OutOrStdout(), "DejaVu fonts (github.com/go-fonts/dejavu)\n\n%s", pdf.FontLicense)
			return err
		},
	}
}
