// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { cleanPastedHtml } from "./paste";

/**
 * A browser copying from a page writes image addresses out in full: an image copied from
 * this site's reader pages arrives as http(s)://this-site/media/…, and is still ours.
 */
describe("cleanPastedHtml: images copied from this site's own pages", () => {
  const path = `/media/${"a".repeat(64)}/960.webp`;

  it("keeps our image written with this site's origin, as our own path", () => {
    const cleaned = cleanPastedHtml(`<p>Before</p><p><img src="${window.location.origin}${path}" alt="Gauge"></p>`);
    expect(cleaned.html).toBe(`<p>Before</p><figure class="story-image"><img src="${path}" alt="Gauge"></figure>`);
    expect(cleaned.dropped.images).toBe(0);
  });

  it.each([
    `https://elsewhere.example${path}`,
    `${window.location.origin}.elsewhere.example${path}`,
    `${window.location.origin}@elsewhere.example${path}`,
    `${window.location.origin}/media/not-a-hash/960.webp`,
  ])("still drops %s", (src) => {
    const cleaned = cleanPastedHtml(`<p>Before<img src="${src}" alt="x"></p>`);
    expect(cleaned.html).toBe("<p>Before</p>");
    expect(cleaned.dropped.images).toBe(1);
  });
});
