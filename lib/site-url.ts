import "server-only";
import { getEnv } from "./env";

/**
 * The site's public origin, for links that leave the app by mail: AUTH_URL, never a
 * request's Host or X-Forwarded-Host, which whoever sends the request chooses.
 */
export function siteUrl(): string {
  return new URL(getEnv().AUTH_URL).origin;
}
