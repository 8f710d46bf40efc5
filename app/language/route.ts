import type { NextRequest } from "next/server";
import { languageChoiceSchema } from "@/lib/i18n/language-choice";
import { LANGUAGE_COOKIE } from "@/lib/i18n/locales.mjs";

/** A year: the choice is remembered until the reader makes another. */
const REMEMBER_SECONDS = 365 * 24 * 60 * 60;

/**
 * The masthead's language links land here (a plain GET, so it works with JavaScript off):
 * the choice goes into a cookie that reader pages read (i18n/request.ts, and the reader
 * page cache keys pages by it), and the reader is sent back to the page they were on.
 * Anyone may choose a language: there is no one to authorize.
 */
export function GET(request: NextRequest) {
  const parsed = languageChoiceSchema.safeParse({
    to: request.nextUrl.searchParams.get("to") ?? undefined,
    back: request.nextUrl.searchParams.get("back") ?? undefined,
  });
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => issue.message).join(" ");
    return new Response(`This language link is not valid. ${reasons}\n此语言链接无效。\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const { to, back } = parsed.data;
  const secure = request.nextUrl.protocol === "https:" || (process.env.AUTH_URL ?? "").startsWith("https:");
  const cookie = [`${LANGUAGE_COOKIE}=${to}`, "Path=/", `Max-Age=${REMEMBER_SECONDS}`, "SameSite=Lax", "HttpOnly", ...(secure ? ["Secure"] : [])];
  // A relative Location: the browser resolves it against this site, whatever Host said.
  return new Response(null, {
    status: 303,
    headers: { Location: back, "Set-Cookie": cookie.join("; "), "Cache-Control": "no-store" },
  });
}
