-- articles_meta covers every column but the bulky ones (text, raw, debris,
-- repairs), so reading articles without their text (ArticleFilter.MetaOnly,
-- as timelines and story summaries do) never touches the table rows, whose
-- columns after text and raw sit behind overflow pages.
CREATE INDEX articles_meta ON articles (id, origin, url, source, title, byline, published, published_from,
	dateline, language, format, duplicate_of, similarity, ingested_at, published_first, published_precision);
