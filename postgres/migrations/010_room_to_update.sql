-- Room on each page of articles for a row's next version: an update of
-- an article's dating or duplicate (the analysis and clustering stages
-- make one for many articles) can then stay on its page (a HOT update)
-- and write no index entry, where it wrote its search vector's every
-- word into the GIN index again (some 1.8 ms of server CPU an update).
-- Pages written from now on keep the room.
ALTER TABLE articles SET (fillfactor = 80);
