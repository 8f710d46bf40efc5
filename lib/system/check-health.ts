import "server-only";
import { getDatabase } from "../../db/client";
import { pingDatabase } from "../../db/dialect";

export async function checkHealth(): Promise<boolean> {
  try {
    await pingDatabase(await getDatabase());
    return true;
  } catch (error) {
    console.error("Health check failed", error);
    return false;
  }
}
