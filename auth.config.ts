import type { NextAuthConfig } from "next-auth";
import type { Role } from "./lib/domain-types";
import { resolveAuthSecret } from "./lib/auth/secret";
import { SESSION_MAX_AGE_SECONDS } from "./lib/auth/session-lifetime";

declare module "next-auth" {
  interface User {
    role?: Role;
    sessionVersion?: number;
    sessionId?: string;
  }
  interface Session {
    user: { id: string; role: Role; sessionVersion: number; sessionId: string; name: string; email: string };
  }
}

/**
 * The part of the Auth.js setup the proxy needs: no database, no password hashing. The
 * proxy only redirects visitors without a session; every page and action still checks
 * the user against the database (lib/auth/session.ts).
 */
export const authConfig = {
  pages: { signIn: "/signin" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  trustHost: true,
  secret: resolveAuthSecret(),
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
        // The server-side session (lib/auth/server-sessions.ts) this cookie belongs to.
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = String(token.sub);
      session.user.role = token.role as Role;
      session.user.sessionVersion = Number(token.sv);
      session.user.sessionId = String(token.sid ?? "");
      return session;
    },
  },
} satisfies NextAuthConfig;
