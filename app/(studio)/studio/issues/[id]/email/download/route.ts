import { errorResponse, signedOut } from "@/app/api/respond";
import { getCurrentUser } from "@/lib/auth/session";
import { getEmailEdition } from "@/lib/email/email-edition";

type Context = { params: Promise<{ id: string }> };

/** The email edition as an .html file to save; editors and admins, published issues only. */
export async function GET(_request: Request, { params }: Context) {
  const user = await getCurrentUser();
  if (!user) return signedOut();
  try {
    const { id } = await params;
    const edition = await getEmailEdition(user, { issueId: id });
    return new Response(edition.html, {
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        // The file name is the issue's slug: [a-z0-9-] only, safe in a quoted header value.
        "Content-Disposition": `attachment; filename="${edition.fileName}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
