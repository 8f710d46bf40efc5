-- The search index takes new words into its own pages at once. With GIN's default
-- (fastupdate), a publish's words wait in a pending list that every search reads through,
-- word by word, until autovacuum merges them: searches were slower for a while after each
-- publish (and after the start-up re-index, ~10–20% on 20,000 stories). Publishing writes
-- a few stories, so the extra cost of writing them into the index itself is small (~1.7 ms
-- a story instead of ~1 ms). What is pending now is merged here.
ALTER INDEX "published_stories_search_idx" SET (fastupdate = off);
--> statement-breakpoint
SELECT gin_clean_pending_list('published_stories_search_idx'::regclass);
