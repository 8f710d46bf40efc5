import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig } from "./auth.config";
import { LANGUAGE_PATH, PAGE_PATH_HEADER } from "./lib/i18n/locales.mjs";
import { readerPageExists } from "./lib/reader/reader-page-exists";
import { isReaderPath } from "./lib/reader/reader-paths.mjs";
import { readSearchParams } from "./lib/search/params";
import { newNonce, pagePolicy } from "./lib/security/content-security-policy";

const { auth } = NextAuth(authConfig);

async function isReadableForm(request: Request): Promise<boolean> {
  try {
    await request.clone().formData();
    return true;
  } catch {
    return false;
  }
}

/** Next.js's own limit for a server action's body (serverActions.bodySizeLimit, 1 MB by default). */
const ACTION_BODY_LIMIT = 1024 * 1024;

/** Whether the body is over `limit` bytes: by its Content-Length, or, when it has none, by reading at most that much. */
async function isLargerThan(request: Request, limit: number): Promise<boolean> {
  const declared = request.headers.get("content-length");
  if (declared !== null) return Number(declared) > limit;
  const reader = request.clone().body?.getReader();
  if (!reader) return false;
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return false;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: cancelling one branch of a cloned body settles only once the other is read too.
      void reader.cancel().catch(() => undefined);
      return true;
    }
  }
}

/**
 * Next.js reads the nonce from the request's policy and puts it on its script tags.
 * A `status` becomes the page's status: Next.js answers with the proxy's status and
 * renders the page as usual. `rewriteTo` renders another path in its place. The page
 * learns its own path too (lib/i18n/locales.mjs: the language links come back to it),
 * the address the reader asked for, even when another path is rendered in its place.
 */
function withPagePolicy(request: NextRequest, { rewriteTo, status }: { rewriteTo?: URL; status?: number } = {}): NextResponse {
  const policy = pagePolicy(newNonce(), { development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  headers.set(PAGE_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const init = { request: { headers }, ...(status ? { status } : {}) };
  const response = rewriteTo ? NextResponse.rewrite(rewriteTo, init) : NextResponse.next(init);
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

/**
 * In front of every page: a server action whose body is over Next.js's limit gets a 413,
 * and a form post whose body cannot be read a 400, here (Next.js would answer either with
 * a 500); a visitor without a session is sent from the studio to sign-in, and the page
 * gets its Content-Security-Policy with a nonce of its own. Not a security boundary for
 * who may do what: pages and actions check the user themselves.
 * The headers every response gets, pages or not, are set in scripts/server.mjs.
 */
const pagesWithSession = auth(async (request) => {
  if (request.method === "POST" && request.headers.has("next-action") && (await isLargerThan(request, ACTION_BODY_LIMIT))) {
    // Plain text: the browser's server-action client shows a text/plain 4xx body as the error's message.
    return new NextResponse("This is too large to send (over 1 MB). Nothing was saved.", {
      status: 413,
      headers: { "Content-Type": "text/plain" },
    });
  }
  const type = request.headers.get("content-type") ?? "";
  if (
    request.method === "POST" &&
    /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type) &&
    !(await isReadableForm(request))
  ) {
    return new NextResponse("The form data could not be read.", { status: 400 });
  }
  const { pathname, search } = request.nextUrl;
  if ((pathname === "/studio" || pathname.startsWith("/studio/")) && !request.auth?.user) {
    const signIn = new URL("/signin", request.nextUrl);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  return withPagePolicy(request);
});

/** No route answers this path, so Next.js renders its not-found route (status 404). */
const NOT_FOUND_PATH = "/_reader/not-found";
/** Addresses under the reader's own routes, in any spelling: each is a page or a 404. */
const READER_SECTION = /^\/(issues|authors|about)(\/|$)/;

/**
 * The reader's search, like the reader's other pages, needs no session, and its pages
 * are the same for everyone: a valid search's page is marked cacheable (it is kept in a
 * store of its own, dropped by every publish like the others: scripts/reader-cache.mjs).
 * An App Router page cannot choose its status, so a bad search address is found here,
 * with the schema the page uses (lib/search/params.ts), and answered 400 (404 for a page
 * that cannot exist); the page renders the same message. A page after the last page of
 * results is only known once the search has run: the page asks scripts/server.mjs for
 * that 404 (lib/reader/response-status.mjs). Only a 200 is ever kept.
 */
function searchPage(request: NextRequest): NextResponse {
  const search = readSearchParams(request.nextUrl.searchParams);
  if (search.kind === "invalid") return withPagePolicy(request, { status: search.status });
  const response = withPagePolicy(request);
  response.headers.set("x-reader-cacheable", "1");
  return response;
}

/**
 * Reader pages are the same for everyone and need no session: Auth.js is not asked (it
 * would set its CSRF and callback cookies on a visitor who has none), and the response is
 * marked so that scripts/server.mjs may keep it and answer later readers with it
 * (scripts/reader-cache.mjs), provided it sets no cookie.
 */
export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  const { pathname, searchParams } = request.nextUrl;
  const reading = request.method === "GET" || request.method === "HEAD";
  if (reading && pathname === "/search") return searchPage(request);
  // A reader page that does not exist (upper-case slugs included) is answered by the
  // not-found route (app/not-found.tsx), which Next.js renders on the server with a 404:
  // see lib/reader/reader-page-exists.ts.
  if (reading && (isReaderPath(pathname) || READER_SECTION.test(pathname)) && !(await readerPageExists(pathname, searchParams))) {
    return withPagePolicy(request, { rewriteTo: new URL(NOT_FOUND_PATH, request.nextUrl) });
  }
  if (reading && isReaderPath(pathname)) {
    const response = withPagePolicy(request);
    response.headers.set("x-reader-cacheable", "1");
    return response;
  }
  // The language switch needs no session either, and must not give a reader Auth.js cookies.
  if (request.nextUrl.pathname === LANGUAGE_PATH) return NextResponse.next();
  // Auth.js types its second argument for route handlers; as a proxy it is the event.
  return pagesWithSession(request, event as unknown as Parameters<typeof pagesWithSession>[1]);
}

export const config = {
  // Pages only: not the auth and other API routes, not static files.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|apple-touch-icon.png).*)"],
};
