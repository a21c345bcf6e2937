-- An article's mentions, time expressions and statements are one value in
-- a compact binary form (sqlite/codec.go), cheaper to write and read than
-- the three JSON columns: analyses written from now on have data and leave
-- those at '[]'; rows from before keep their JSON (data NULL), and are
-- read from it.
ALTER TABLE analyses ADD COLUMN data BLOB;
