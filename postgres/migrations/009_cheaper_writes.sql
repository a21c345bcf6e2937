-- An entity's keys and roles are written with it, under the entity lock,
-- and deleted with it by the one statement that deletes entities
-- (PutAnalysis, when a replaced analysis leaves one unmentioned): the
-- server's check of each key's entity, thirty-odd lookups an article
-- while the workers take turns at the lock, was cost without use.
ALTER TABLE entity_keys DROP CONSTRAINT entity_keys_entity_id_fkey;
ALTER TABLE entity_roles DROP CONSTRAINT entity_roles_entity_id_fkey;

-- Long values (an article's text and raw bytes, its search vector, its
-- analysis) are compressed with lz4 where the server has it (Debian's
-- PostgreSQL 15 does): pglz cost the server some 0.8 ms of CPU an article.
-- Values stored before keep their compression; both are read alike.
DO $$
BEGIN
	IF (SELECT 'lz4' = ANY (enumvals) FROM pg_settings WHERE name = 'default_toast_compression') THEN
		ALTER TABLE articles ALTER COLUMN text SET COMPRESSION lz4,
			ALTER COLUMN raw SET COMPRESSION lz4, ALTER COLUMN search SET COMPRESSION lz4;
		ALTER TABLE analyses ALTER COLUMN data SET COMPRESSION lz4;
	END IF;
END
$$;
