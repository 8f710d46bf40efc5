import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "./auth.config";

const { auth } = NextAuth(authConfig);

async function isReadableForm(request: Request): Promise<boolean> {
  try {
    await request.clone().formData();
    return true;
  } catch {
    return false;
  }
}

/**
 * In front of every page: a form post whose body cannot be read gets a 400 here (Next.js
 * would answer it with a 500), and a visitor without a session is sent from the studio to
 * sign-in. Not a security boundary: pages and actions check the user themselves.
 */
export default auth(async (request) => {
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
  return NextResponse.next();
});

export const config = {
  // Pages only: not the auth and other API routes, not static files.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|apple-touch-icon.png).*)"],
};
