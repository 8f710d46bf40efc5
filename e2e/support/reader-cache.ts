import { expect, type APIRequestContext } from "@playwright/test";

/**
 * A reader page as the page cache answers it: asks until `x-reader-cache` says `hit`
 * (a publish by a test running in parallel empties the cache).
 */
export async function cachedReaderPage(request: APIRequestContext, path: string, headers: Record<string, string> = {}) {
  let response = await request.get(path, { headers });
  await expect
    .poll(async () => {
      response = await request.get(path, { headers });
      return response.headers()["x-reader-cache"];
    })
    .toBe("hit");
  return response;
}
