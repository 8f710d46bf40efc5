import { NotFoundMessage } from "@/components/ui/not-found-message";

// Inside the reader layout, which already has the page's <main>.
export default function ReaderNotFound() {
  return <NotFoundMessage />;
}
