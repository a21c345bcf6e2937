-- The full-text index of the articles merges its segments when 16 of one
-- level exist, not 4 (FTS5's default): PutArticles writes a segment a
-- batch, and merging every 4 of them re-wrote the index's doclists again
-- and again (0.14 CPU-s of the 10 of a Timeline17 ingest, its 9 batches
-- now merge none). Half as many levels of merging over a growing index;
-- a query reads up to 15 segments a level instead of 3. Searches find
-- the same articles in the same order: segments change where the
-- doclists are, not what they hold.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16);
