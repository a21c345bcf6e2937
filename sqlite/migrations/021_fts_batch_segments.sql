-- The articles' full-text index writes each PutArticles batch as one
-- segment and merges segments 16 at a time. FTS5 flushes its in-memory
-- terms to a new segment at each commit and whenever they pass hashsize
-- (1 MB by default, which a few hundred kB of text passes), and a level
-- of 16 segments is merged at once whatever automerge says (crisismerge):
-- automerge 16 alone (migration 015) did not make PutArticles cheaper.
-- With 16 MB a batch fits one flush: a Timeline17 ingest's 10 PutArticles
-- make 10 segments and merge none (PutArticles about a fifth less CPU,
-- BENCHMARKS.md), and an index fed batch after batch rewrites its
-- doclists log16 rather than log4 times. A query reads up to 15 segments
-- a level instead of 3 and finds the same articles in the same order
-- (segments change where doclists are, not what they hold). The hash
-- holds what one transaction indexes, never more than 16 MB.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16);
