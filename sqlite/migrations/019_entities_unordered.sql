-- entities_by_mentions ordered the entities for Entities, most mentioned
-- first; but every batch of analyses changes the counts of thousands of
-- entities, and each change moved the entity's entry in that index: about
-- a tenth of the pages an ingest's analyses wrote. Entities now sorts the
-- rows it selects (17,000 entities of Timeline17 in a few milliseconds).
DROP INDEX entities_by_mentions;
