-- A rejection is recorded once per origin, item and reason: re-ingesting
-- an input rejected before records nothing new. Of the copies earlier
-- runs recorded, the first stays. The index holds a hash of the three,
-- as a long origin or reason may not fit in a btree entry.
DELETE FROM rejections WHERE seq NOT IN (SELECT min(seq) FROM rejections GROUP BY origin, item, reason);
CREATE UNIQUE INDEX rejections_once ON rejections (md5(origin || chr(31) || item || chr(31) || reason));
