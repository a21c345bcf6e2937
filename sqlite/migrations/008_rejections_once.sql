-- A rejection is recorded once per origin, item and reason: re-ingesting
-- an input rejected before records nothing new. Of the copies earlier
-- runs recorded, the first stays.
DELETE FROM rejections WHERE seq NOT IN (SELECT min(seq) FROM rejections GROUP BY origin, item, reason);
CREATE UNIQUE INDEX rejections_once ON rejections (origin, item, reason);
