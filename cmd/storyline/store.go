package main

import (
	"context"

	"github.com/storyline/storyline/sqlite"
)

// openStore opens the database at a.dbPath, creating it if needed.
func (a *app) openStore(ctx context.Context) (*sqlite.Store, error) {
	return sqlite.Open(ctx, a.dbPath)
}
