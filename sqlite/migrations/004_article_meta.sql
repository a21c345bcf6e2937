-- articles_meta covers every column but the bulky ones (text, raw, debris,
-- repairs), so reading articles without their text (ArticleFilter.MetaOnly,
-- as timelines and story summaries do) never touches the table rows, whose
-- columns after text and raw sit behind overflow pages. Articles names it
-- (INDEXED BY articles_meta) for such reads by ID: keep the name, and every
-- column of articleMetaColumns in it.
CREATE INDEX articles_meta ON articles (id, origin, url, source, title, byline, published, published_from,
	dateline, language, format, duplicate_of, similarity, ingested_at, published_first, published_precision);
