import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig } from "./auth.config";
import { isReaderPath } from "./lib/reader/reader-paths.mjs";
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

/** Next.js reads the nonce from the request's policy and puts it on its script tags. */
function withPagePolicy(request: NextRequest): NextResponse {
  const policy = pagePolicy(newNonce(), { development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

/**
 * In front of every page: a form post whose body cannot be read gets a 400 here (Next.js
 * would answer it with a 500), a visitor without a session is sent from the studio to
 * sign-in, and the page gets its Content-Security-Policy with a nonce of its own. Not a
 * security boundary for who may do what: pages and actions check the user themselves.
 * The headers every response gets, pages or not, are set in scripts/server.mjs.
 */
const pagesWithSession = auth(async (request) => {
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

/**
 * Reader pages are the same for everyone and need no session: Auth.js is not asked (it
 * would set its CSRF and callback cookies on a visitor who has none), and the response is
 * marked so that scripts/server.mjs may keep it and answer later readers with it
 * (scripts/reader-cache.mjs), provided it sets no cookie.
 */
export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  if ((request.method === "GET" || request.method === "HEAD") && isReaderPath(request.nextUrl.pathname)) {
    const response = withPagePolicy(request);
    response.headers.set("x-reader-cacheable", "1");
    return response;
  }
  // Auth.js types its second argument for route handlers; as a proxy it is the event.
  return pagesWithSession(request, event as unknown as Parameters<typeof pagesWithSession>[1]);
}

export const config = {
  // Pages only: not the auth and other API routes, not static files.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|apple-touch-icon.png).*)"],
};
