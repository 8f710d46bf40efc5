// Runs once when a server starts: migrate and, on an empty database, seed (printing the
// demo logins), before the first request is served.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { prepareDatabase } = await import("./db/seed/first-start");
  await prepareDatabase();
}
