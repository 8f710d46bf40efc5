import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { clientAddress } from "@/lib/auth/client-address";
import { signInRetryAfter } from "@/lib/auth/credentials";
import { describeRetry } from "@/lib/auth/throttle";

export const { GET } = handlers;

/**
 * Auth.js answers a throttled sign-in like any failed one (a redirect). Scripts deserve
 * better: a 429 with Retry-After, and a sentence saying when to try again.
 */
export async function POST(request: NextRequest) {
  const copy = request.clone();
  const response = await handlers.POST(request);
  const location = response.headers.get("location") ?? "";
  const redirectedTo = location || (await response.clone().json().catch(() => ({ url: "" }))).url || "";
  if (!String(redirectedTo).includes("code=throttled")) return response;

  const form = await copy.formData().catch(() => null);
  const email = String(form?.get("email") ?? "");
  const seconds = (await signInRetryAfter(email, clientAddress(request.headers))) ?? 60;
  return new Response(`Too many failed sign-ins. Try again ${describeRetry(seconds)}.\n`, {
    status: 429,
    headers: { "Retry-After": String(seconds), "Content-Type": "text/plain; charset=utf-8" },
  });
}
