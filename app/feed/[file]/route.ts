import { z } from "zod";
import { FEED_CONTENT_TYPES, renderFeed } from "@/lib/reader/feeds";
import { FEED_FILES, FEEDS } from "@/lib/reader/seo";

const params = z.object({ file: z.enum(FEED_FILES) });

// Read from the live snapshot at request time: a publish or unpublish shows at once.
export const dynamic = "force-dynamic";

/**
 * /feed/issues.xml, /feed/issues.atom, /feed/stories.xml, /feed/stories.atom: RSS 2.0 and
 * Atom feeds of the live snapshot. Anonymous and the same for everyone, like reader pages.
 */
export async function GET(_request: Request, context: { params: Promise<{ file: string }> }): Promise<Response> {
  const parsed = params.safeParse(await context.params);
  if (!parsed.success) {
    return new Response("No such feed. Feeds: " + FEED_FILES.map((f) => `/feed/${f}`).join(", "), {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const file = parsed.data.file;
  return new Response(await renderFeed(file), {
    headers: {
      "Content-Type": FEED_CONTENT_TYPES[FEEDS[file].format],
      // Readers poll; a proxy may keep a copy but must ask again before using it.
      "Cache-Control": "public, max-age=0, must-revalidate",
    },
  });
}
