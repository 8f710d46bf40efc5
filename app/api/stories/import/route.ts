import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { errorResponse, jsonError } from "@/app/api/respond";
import { importDocx, MAX_DOCX_BYTES } from "@/lib/stories/import-docx";

const refuse = (status: number, error: string) => jsonError(status, error);

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
    return errorResponse(error);
  }
}
