package main

import (
	"github.com/bankgen/bankgen/bank"
	"github.com/spf13/cobra"
)

func newSchemaCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of bankgen's JSON output",
		Long: `Schema prints the JSON Schema (draft 2020-12) that every bank.json written by
"bankgen export --json" conforms to. Within bankgen/v1, fields are only ever
added: readers must ignore properties they do not know.`,
		Example: `  bankgen schema > bankgen-v1.schema.json`,
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := cmd.OutOrStdout().Write(bank.JSONSchema)
			return err
		},
	}
}
