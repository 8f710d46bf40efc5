import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { isAppError, type AppErrorCode } from "@/lib/errors";
import { importDocx, MAX_DOCX_BYTES } from "@/lib/stories/import-docx";

const STATUS: Record<AppErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_type: 415,
  busy: 503,
};

const refuse = (status: number, error: string) => Response.json({ error }, { status });

/**
 * Takes a .docx as multipart form data (field "file") and answers with the new story's
 * id, title and import report. A route handler rather than a server action: actions
 * refuse bodies over 1 MB, and a Word document with photos is often larger.
 */
export async function POST(request: Request) {
  const user = await getCurrentUser();
  if (!user) return refuse(401, "Sign in to import a document.");
  // Refused before the body is read: the form wrapper adds little beyond the file itself.
  if (Number(request.headers.get("content-length") ?? 0) > MAX_DOCX_BYTES + 64 * 1024) {
    return refuse(413, "The document is larger than 10 MB.");
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refuse(400, "Send the document as a form upload.");
  }
  try {
    const imported = await importDocx(user, { file: form.get("file") ?? undefined });
    revalidatePath("/studio/stories");
    return Response.json(imported, { status: 201 });
  } catch (error) {
    if (isAppError(error)) return refuse(STATUS[error.code], error.message);
    console.error("Word import failed", error);
    return refuse(500, "Something went wrong on our side. Nothing was imported; please try again.");
  }
}
