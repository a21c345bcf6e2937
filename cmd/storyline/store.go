package main

import (
	"context"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/postgres"
	"github.com/storyline/storyline/sqlite"
)

// openStore opens the database a.dbPath names: a PostgreSQL URL
// (postgres://...) or an SQLite file, created if needed.
func (a *app) openStore(ctx context.Context) (storyline.Store, error) {
	if postgres.IsURL(a.dbPath) {
		return postgres.Open(ctx, a.dbPath)
	}
	return sqlite.Open(ctx, a.dbPath)
}
