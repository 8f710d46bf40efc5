import { NotFoundMessage } from "@/components/ui/not-found-message";

// An address no route matches: no layout around it, so this page brings its own landmark.
export default function NotFound() {
  return (
    <main>
      <NotFoundMessage />
    </main>
  );
}
