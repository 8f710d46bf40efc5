import type { NextAuthConfig } from "next-auth";
import type { Role } from "./lib/domain-types";
import { resolveAuthSecret } from "./lib/auth/secret";

declare module "next-auth" {
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; role: Role; sessionVersion: number; name: string; email: string };
  }
}

/**
 * The part of the Auth.js setup the proxy needs: no database, no password hashing. The
 * proxy only redirects visitors without a session; every page and action still checks
 * the user against the database (lib/auth/session.ts).
 */
export const authConfig = {
  pages: { signIn: "/signin" },
  session: { strategy: "jwt", maxAge: 60 * 60 * 24 * 14 },
  trustHost: true,
  secret: resolveAuthSecret(),
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = String(token.sub);
      session.user.role = token.role as Role;
      session.user.sessionVersion = Number(token.sv);
      return session;
    },
  },
} satisfies NextAuthConfig;
