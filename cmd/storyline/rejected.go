package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/storyline/storyline"
)

func (a *app) rejectedCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "rejected",
		Short: "List the inputs that ingest could not store, and why",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			list, err := st.Rejections(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				if list == nil {
					list = []storyline.Rejection{}
				}
				return writeJSON(a.stdout, list)
			}
			for _, r := range list {
				fmt.Fprintf(a.stdout, "%s  %s\n", r.At.Local().Format("2006-01-02 15:04:05"), rejectionLine(r))
			}
			fmt.Fprintf(a.stdout, "%d rejected\n", len(list))
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array of rejections")
	return cmd
}
