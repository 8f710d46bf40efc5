import "server-only";
import { headers } from "next/headers";
import { getEnv } from "./env";

/** The site's public base URL for links in mails: AUTH_URL when set, else this request's host. */
export async function siteUrl(): Promise<string> {
  const configured = getEnv().AUTH_URL;
  if (configured) return new URL(configured).origin;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}
