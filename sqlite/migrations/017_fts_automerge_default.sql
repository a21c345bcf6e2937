-- Back to FTS5's default automerge (4) for the articles' full-text index.
-- Migration 015's 16 took the merging out of a Timeline17 ingest (its
-- fts5IndexAutomerge, 0.12 CPU-s a run of BenchmarkWrite/4x), but in four
-- pairs of runs side by side the commits and checkpoints cost as much
-- more and the total was not lower: not worth a query reading up to 15
-- segments a level.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 4);
