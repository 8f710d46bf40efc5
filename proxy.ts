import NextAuth from "next-auth";
import { authConfig } from "./auth.config";

const { auth } = NextAuth(authConfig);

// Redirects visitors without a session away from the studio. Not a security boundary:
// pages and actions check the user themselves.
export default auth;

export const config = { matcher: ["/studio", "/studio/:path*"] };
