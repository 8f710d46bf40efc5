import type { Metadata } from "next";
import Link from "next/link";
import { EmailEditionTools } from "@/components/studio/email-edition-tools";
import { loadOrRefuse } from "@/lib/action-result";
import { requireRole } from "@/lib/auth/session";
import { getEmailEdition, MAIL_NOT_CONFIGURED, NOT_PUBLISHED } from "@/lib/email/email-edition";
import type { EmailEdition } from "@/lib/email/issue-email";
import { isAppError } from "@/lib/errors";
import { getIssueForStudio } from "@/lib/issues/read-issues";
import { mailIsConfigured } from "@/lib/mail/send-mail";
import { canEmailIssue } from "@/lib/policy";

export const metadata: Metadata = { title: "Email version" };

type Props = { params: Promise<{ id: string }> };

/** The email edition, or null when the issue is not (or no longer) published. */
async function editionOrNull(load: () => Promise<EmailEdition>): Promise<EmailEdition | null> {
  try {
    return await load();
  } catch (error) {
    if (isAppError(error) && error.code === "conflict") return null;
    throw error;
  }
}

export default async function EmailEditionPage({ params }: Props) {
  const user = await requireRole("editor");
  const { id } = await params;
  const { issue } = await loadOrRefuse(() => getIssueForStudio(user, id));
  const edition = canEmailIssue(user, issue) ? await loadOrRefuse(() => editionOrNull(() => getEmailEdition(user, { issueId: issue.id }))) : null;
  return (
    <div className="mx-auto max-w-5xl">
      <p className="text-sm">
        <Link href={`/studio/issues/${issue.id}`} className="text-brand-700 hover:underline">
          ← {issue.title}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">Email version</h1>
      {edition ? (
        <div className="mt-6 grid gap-6 lg:grid-cols-[1fr_18rem]">
          <section aria-labelledby="preview-heading" className="min-w-0 rounded-lg border border-gray-200 bg-white p-4">
            <h2 id="preview-heading" className="text-lg font-semibold">
              Preview
            </h2>
            <p className="mt-1 text-sm text-gray-700">
              Subject: <span data-testid="email-subject">{edition.subject}</span>
            </p>
            {/* The mail's own document: no scripts, no access to this page; its links open in a new tab. */}
            <iframe
              title={`Email preview: ${edition.subject}`}
              srcDoc={edition.html}
              sandbox="allow-popups allow-popups-to-escape-sandbox"
              className="mt-3 h-[75vh] w-full rounded border border-gray-200 bg-white"
            />
            <details className="mt-4">
              <summary className="cursor-pointer text-sm font-medium text-brand-700">Plain-text part</summary>
              <pre data-testid="email-text" className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap rounded bg-gray-50 p-3 text-xs text-gray-800">
                {edition.text}
              </pre>
            </details>
          </section>
          <aside aria-label="Email actions" className="space-y-3 rounded-lg border border-gray-200 bg-white p-4 lg:self-start">
            <h2 className="text-sm font-semibold text-gray-800">Use this email</h2>
            <p className="text-sm text-gray-700">
              One self-contained HTML file: styles inline, images and links pointing at{" "}
              <a href={edition.webUrl} className="text-brand-700 underline">
                the published issue
              </a>
              .
            </p>
            <EmailEditionTools
              issueId={issue.id}
              html={edition.html}
              fileName={edition.fileName}
              downloadHref={`/studio/issues/${issue.id}/email/download`}
              testTo={mailIsConfigured() ? user.email : null}
              notConfiguredMessage={MAIL_NOT_CONFIGURED}
            />
          </aside>
        </div>
      ) : (
        <p className="mt-6 max-w-2xl rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{NOT_PUBLISHED}</p>
      )}
    </div>
  );
}
