import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { listMediaLibrary } from "@/lib/media/media-library";
import { MAX_IMAGE_BYTES } from "@/lib/media/sniff-image";
import { storeImage } from "@/lib/media/store-image";
import { mediaSrcSet, mediaUrl } from "@/lib/media/urls";
import { parseInput } from "@/lib/validation";
import { errorResponse, jsonError, signedOut } from "@/app/api/respond";

// Room for the multipart envelope and the alt text around a file of the largest size.
const MAX_REQUEST_BYTES = MAX_IMAGE_BYTES + 64 * 1024;

const tooLarge = "This image is larger than 10 MB. Make it smaller and upload it again.";

const uploadSchema = z.object({
  file: z.instanceof(File, { error: "Choose an image file to upload." }),
  alt: z.string().max(500, "Keep the alt text under 500 characters.").default(""),
  /** Sent by a story's editor: the upload is refused unless the sender may edit that story. */
  storyId: z.string().optional(),
});

/** Upload one image (multipart field "file", optional "alt" and "storyId"); answers with its id and URLs. */
export async function POST(request: Request) {
  const user = await getCurrentUser();
  if (!user) return signedOut();
  try {
    // Refused before the body is read, when the client says up front that it is too big.
    if (Number(request.headers.get("content-length") ?? 0) > MAX_REQUEST_BYTES) return jsonError(413, tooLarge);
    if (!/^multipart\/form-data/i.test(request.headers.get("content-type") ?? ""))
      return jsonError(400, "Send the image as multipart/form-data, in a field named “file”.");
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return jsonError(400, "The upload could not be read. Please try again.");
    }
    const data = parseInput(uploadSchema, {
      file: form.get("file") ?? undefined,
      alt: form.get("alt") ?? undefined,
      storyId: form.get("storyId") ?? undefined,
    });
    if (data.file.size > MAX_IMAGE_BYTES) throw new AppError("too_large", tooLarge);
    const bytes = new Uint8Array(await data.file.arrayBuffer());
    const stored = await storeImage(user, bytes, { filename: data.file.name, alt: data.alt, storyId: data.storyId });
    return Response.json(
      { ...stored, src: mediaUrl(stored.id), srcset: mediaSrcSet(stored.id) },
      { status: stored.created ? 201 : 200 },
    );
  } catch (error) {
    return errorResponse(error);
  }
}

/** The media library: `?q=` searches file names and alt text. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return signedOut();
  try {
    const url = new URL(request.url);
    const items = await listMediaLibrary(user, { q: url.searchParams.get("q") ?? undefined });
    return Response.json({ items: items.map((item) => ({ ...item, src: mediaUrl(item.id, 480) })) });
  } catch (error) {
    return errorResponse(error);
  }
}
