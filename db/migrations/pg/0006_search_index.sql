-- Reader search (lib/search/tokenize.ts): a tsvector of the words of each published story,
-- with a GIN index. The words are already cut and folded by the app, one space between
-- them; the vector is written lexeme by lexeme (no text-search parser re-cuts them), with
-- positions for phrase queries and the title weighted A for ranking. A generated column is
-- computed in the same statement as the row, so the index follows publish, re-publish and
-- unpublish inside their transaction.
CREATE FUNCTION published_search_vector(words text, weight "char") RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT coalesce(
    setweight(
      string_agg(format('''%s'':%s', replace(replace(w, '\', '\\'), '''', ''''''), n), ' ')::tsvector,
      weight
    ),
    ''::tsvector
  )
  FROM unnest(string_to_array(nullif(words, ''), ' ')) WITH ORDINALITY AS t(w, n)
  WHERE w <> ''
$$;
--> statement-breakpoint
ALTER TABLE "published_stories" ADD COLUMN "search_vector" tsvector
  GENERATED ALWAYS AS (published_search_vector("search_title", 'A') || published_search_vector("search_body", 'D')) STORED;
--> statement-breakpoint
CREATE INDEX "published_stories_search_idx" ON "published_stories" USING gin ("search_vector");
