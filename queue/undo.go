package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/pipeline"
)

// runKey records the run the leader is in the middle of.
const runKey = "run"

// runState is a run as the leader records it when it reads its start
// marker: where the run starts in the stream, and when its publisher began
// (every article the run stored was stamped later).
type runState struct {
	Run     string    `json:"run"`
	Seq     uint64    `json:"seq"`
	Started time.Time `json:"started"`
	// Finishing is set while the ordered stages finish the run.
	Finishing bool `json:"finishing"`
}

func (q *Queue) openRun(ctx context.Context) (*runState, error) {
	e, err := q.state.Get(ctx, runKey)
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the run in progress: %w", err)
	}
	var r runState
	if err := json.Unmarshal(e.Value(), &r); err != nil {
		return nil, fmt.Errorf("the run in progress: %w", err)
	}
	return &r, nil
}

func (q *Queue) setRun(ctx context.Context, r *runState) error {
	if r == nil {
		err := q.state.Delete(ctx, runKey)
		if errors.Is(err, jetstream.ErrKeyNotFound) {
			return nil
		}
		return err
	}
	b, _ := json.Marshal(r)
	_, err := q.state.Put(ctx, runKey, b)
	return err
}

// undoRun takes back what a leader that died in the middle of a run wrote
// for it, so that the next leader, replaying the run from its start marker
// over the store as it was before the run, files its articles as one
// uninterrupted leader would have: the run's articles (stored since it
// began) leave their events (an event left empty is deleted, a story left
// without events too), lose their near-copy marks and, when the leader died
// while finishing the run, the undated ones are analysed afresh (the dating
// stage had re-analysed some against an estimate). What the run moved of
// earlier articles (a merge while settling) is not taken back.
func undoRun(ctx context.Context, st storyline.Store, r *runState, perArticle []pipeline.Stage) error {
	arts, err := st.Articles(ctx, storyline.ArticleFilter{MetaOnly: true})
	if err != nil {
		return err
	}
	inRun := map[string]*storyline.Article{}
	for _, a := range arts {
		if !a.IngestedAt.Before(r.Started) {
			inRun[a.ID] = a
		}
	}
	if len(inRun) == 0 {
		return nil
	}
	evs, err := st.Events(ctx)
	if err != nil {
		return err
	}
	left := map[string]int{} // story -> events left in it
	for _, e := range evs {
		var keep []storyline.Membership
		for _, m := range e.Members {
			if inRun[m.ArticleID] == nil {
				keep = append(keep, m)
			}
		}
		switch {
		case len(keep) == len(e.Members):
			left[e.StoryID]++
		case len(keep) == 0:
			if err := st.DeleteEvent(ctx, e.ID); err != nil && storyline.ErrorCode(err) != storyline.ENOTFOUND {
				return fmt.Errorf("delete event %s: %w", e.ID, err)
			}
		default:
			e.Members = keep
			if err := st.PutEvent(ctx, e); err != nil {
				return err
			}
			left[e.StoryID]++
		}
	}
	if d, ok := st.(interface {
		DeleteStory(context.Context, string) error
	}); ok {
		stories, err := st.Stories(ctx)
		if err != nil {
			return err
		}
		for _, s := range stories {
			if left[s.ID] == 0 {
				if err := d.DeleteStory(ctx, s.ID); err != nil && storyline.ErrorCode(err) != storyline.ENOTFOUND {
					return fmt.Errorf("delete story %s: %w", s.ID, err)
				}
			}
		}
	}
	for id, a := range inRun {
		if a.DuplicateOf != "" {
			if err := st.SetDuplicate(ctx, id, "", 0); err != nil {
				return err
			}
		}
		if r.Finishing && a.Published.IsZero() {
			full, err := st.Article(ctx, id)
			if err != nil {
				return err
			}
			full.Dating = storyline.Dating{}
			if err := st.SetDating(ctx, id, full.Dating); err != nil {
				return err
			}
			for _, s := range perArticle {
				if err := s.Process(ctx, full); err != nil {
					return fmt.Errorf("analyse article %s again: stage %s: %w", id, s.Name(), err)
				}
			}
		}
	}
	return nil
}
