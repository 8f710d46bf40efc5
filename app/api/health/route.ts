import { checkHealth } from "@/lib/system/check-health";

// For load balancers and the test runner: is the app up, and does the database answer?
export async function GET() {
  const ok = await checkHealth();
  return Response.json({ ok }, { status: ok ? 200 : 503 });
}
