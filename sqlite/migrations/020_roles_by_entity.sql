-- entity_roles_by_article served only the deletion of an article's roles
-- when its analysis is replaced; PutAnalyses now deletes them by their
-- key, from the mentions of the analysis replaced, and every batch no
-- longer writes its rows into a second B-tree.
DROP INDEX entity_roles_by_article;
