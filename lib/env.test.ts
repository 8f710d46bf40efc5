import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("AUTH_URL", () => {
  it("is required in production, with a message that says what to set", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/AUTH_URL is required in production: the site's public URL/);
    expect(() => parseEnv({ NODE_ENV: "production", AUTH_URL: " " })).toThrow(/AUTH_URL is required/);
    expect(() => parseEnv({ NODE_ENV: "production", AUTH_URL: "news.example.org" })).toThrow(/AUTH_URL must be the site's URL/);
    expect(parseEnv({ NODE_ENV: "production", AUTH_URL: "https://news.example.org" }).AUTH_URL).toBe("https://news.example.org");
  });

  it("defaults to localhost and the port outside production", () => {
    expect(parseEnv({ NODE_ENV: "development" }).AUTH_URL).toBe("http://localhost:3000");
    expect(parseEnv({ NODE_ENV: "test", PORT: "3210" }).AUTH_URL).toBe("http://localhost:3210");
  });
});
