import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./auth.config";
import { clientAddress } from "./lib/auth/client-address";
import { verifyCredentials } from "./lib/auth/credentials";
import { endSession } from "./lib/auth/server-sessions";

/** Too many failures: the sign-in form says when to try again; the endpoint sends Retry-After. */
export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // A wrong password is an everyday event (and audited), not a server error with a stack trace.
    error(error) {
      // `type`, not `name`: the production build shortens class names.
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  events: {
    // Signing out (the studio's button or POST /api/auth/signout) ends the session on the
    // server too, so a copy of the cookie kept elsewhere stops working with it.
    async signOut(message) {
      const sessionId = "token" in message ? message.token?.sid : undefined;
      if (typeof sessionId === "string" && sessionId) await endSession(sessionId);
    },
  },
  providers: [
    Credentials({
      // Named email and password so that scripts can sign in at /api/auth/callback/credentials.
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: async (credentials, request) => {
        const result = await verifyCredentials(credentials, clientAddress(request.headers));
        if (result.ok) return result.user;
        if (result.reason === "throttled") throw new ThrottledSignIn(result.retryAfterSeconds);
        return null;
      },
    }),
  ],
});
