package main

import (
	"context"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/sqlite"
)

// openStore opens the database at a.dbPath, creating it if needed.
func (a *app) openStore(ctx context.Context) (storyline.Store, error) {
	return sqlite.Open(ctx, a.dbPath)
}
