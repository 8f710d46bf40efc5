import { getCurrentUser } from "@/lib/auth/session";
import { updateMediaDetails } from "@/lib/media/media-library";
import { errorResponse, jsonError, signedOut } from "@/app/api/respond";

type Context = { params: Promise<{ id: string }> };

/** Edits an image's alt text, caption and credit (JSON body). */
export async function PATCH(request: Request, { params }: Context) {
  const user = await getCurrentUser();
  if (!user) return signedOut();
  const { id } = await params;
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return jsonError(400, "Send the image details as JSON.");
  }
  try {
    await updateMediaDetails(user, { ...(typeof body === "object" && body !== null ? body : {}), id });
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
