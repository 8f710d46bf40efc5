import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setResponseStatus, withResponseStatus } from "./response-status.mjs";

// A stand-in for Next.js's handler: it decides (after some awaiting, as a page renders)
// and writes its own status, 200 unless told otherwise.
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    void withResponseStatus(res, async () => {
      const url = new URL(req.url ?? "/", "http://x");
      await new Promise((resolve) => setTimeout(resolve, 5));
      await Promise.resolve();
      const asked = url.searchParams.get("ask");
      if (asked) setResponseStatus(Number(asked));
      res.statusCode = Number(url.searchParams.get("own") ?? 200);
      res.setHeader("content-type", "text/plain");
      res.write("page ");
      res.end("done");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("a page's own status", () => {
  it("replaces the 200 written after the page asked for it, and only that request's", async () => {
    const [asked, plain] = await Promise.all([fetch(`${base}/?ask=404`), fetch(`${base}/`)]);
    expect(asked.status).toBe(404);
    expect(await asked.text()).toBe("page done");
    expect(plain.status).toBe(200);
  });

  it("leaves a status that is not 200 as it is", async () => {
    expect((await fetch(`${base}/?ask=404&own=500`)).status).toBe(500);
  });

  it("does nothing outside a server that applies it", () => {
    expect(setResponseStatus(404)).toBe(false);
  });
});
