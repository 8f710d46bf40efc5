-- Reader search (lib/search/tokenize.ts): an FTS5 index over the words of published
-- stories. The words are already cut and folded by the app, one space between them, so the
-- "ascii" tokenizer (which splits on ASCII spaces and punctuation only and keeps every
-- other character) indexes exactly those words. Contentless: the words live in
-- published_stories; triggers keep the index in step with it inside the same transaction,
-- so a story leaves the results when its issue is unpublished.
CREATE VIRTUAL TABLE `published_stories_fts` USING fts5(search_title, search_body, content='', contentless_delete=1, tokenize='ascii');
--> statement-breakpoint
CREATE TRIGGER `published_stories_fts_insert` AFTER INSERT ON `published_stories` BEGIN
  INSERT INTO `published_stories_fts` (rowid, search_title, search_body) VALUES (new.rowid, new.search_title, new.search_body);
END;
--> statement-breakpoint
CREATE TRIGGER `published_stories_fts_delete` AFTER DELETE ON `published_stories` BEGIN
  DELETE FROM `published_stories_fts` WHERE rowid = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `published_stories_fts_update` AFTER UPDATE OF search_title, search_body ON `published_stories` BEGIN
  DELETE FROM `published_stories_fts` WHERE rowid = old.rowid;
  INSERT INTO `published_stories_fts` (rowid, search_title, search_body) VALUES (new.rowid, new.search_title, new.search_body);
END;
--> statement-breakpoint
-- Stories published before this migration have no words yet; the next start fills them in
-- (refreshSearchWords, through the update trigger).
INSERT INTO `published_stories_fts` (rowid, search_title, search_body) SELECT rowid, search_title, search_body FROM `published_stories`;
