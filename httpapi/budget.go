package httpapi

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/storyline/storyline"
)

// DefaultQueryBudget is how long a search (GET /api/search, a timeline of
// a query, the search page) may run before it is stopped.
const DefaultQueryBudget = 10 * time.Second

// ETIMEOUT is the code of a query stopped when its time budget ran out.
const ETIMEOUT = "timeout"

func init() { statusOf[ETIMEOUT] = http.StatusServiceUnavailable }

// WithBudget runs query under a deadline of budget (DefaultQueryBudget
// when 0). The stores stop a query whose context is done, so one still
// running then ends, and its error becomes ETIMEOUT with a message that
// says what to do.
func WithBudget(ctx context.Context, budget time.Duration, query func(ctx context.Context) error) error {
	if budget <= 0 {
		budget = DefaultQueryBudget
	}
	ctx, cancel := context.WithTimeout(ctx, budget)
	defer cancel()
	err := query(ctx)
	if err != nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return storyline.Errorf(ETIMEOUT, "the search ran over its time budget of %s and was stopped: search for fewer or more distinctive words", budget)
	}
	return err
}
