import { expect, test } from "@playwright/test";
import { pageAs } from "./support/session";

test("malformed requests get a 4xx, never a 500", async ({ browser, request }) => {
  const garbageForm = { headers: { "Content-Type": "multipart/form-data; boundary=xyz" }, data: "not a form", maxRedirects: 0 };
  expect((await request.post("/", garbageForm)).status()).toBe(400);

  const editor = await pageAs(browser, "editor");
  expect((await editor.request.post("/studio/stories", garbageForm)).status()).toBe(400);
  const unknownAction = await editor.request.post("/studio/stories", {
    headers: { "Next-Action": "0123456789abcdef", "Content-Type": "text/plain;charset=UTF-8" },
    data: '["x"]',
    maxRedirects: 0,
  });
  expect(unknownAction.status()).toBe(400);
  const badJson = await request.post("/api/auth/callback/credentials", {
    headers: { "Content-Type": "application/json" },
    data: "{not json",
    maxRedirects: 0,
  });
  expect(badJson.status()).toBeGreaterThanOrEqual(300);
  expect(badJson.status()).toBeLessThan(500);
});
