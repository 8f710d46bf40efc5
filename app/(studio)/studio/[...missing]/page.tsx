import { notFound } from "next/navigation";

/** Any other address under /studio: the studio's own 404 (./not-found.tsx), in its layout. */
export default function MissingStudioPage(): never {
  notFound();
}
