"use client";

import { useState } from "react";
import { sendTestEmailAction } from "@/app/(studio)/studio/issues/[id]/email/actions";
import { ActionForm } from "@/components/ui/action-form";
import { buttonClass } from "@/components/ui/field";

type Props = {
  issueId: string;
  html: string;
  fileName: string;
  downloadHref: string;
  /** The signed-in editor's address, where a test goes; null when mail is not set up. */
  testTo: string | null;
  notConfiguredMessage: string;
};

/** Copy, download and send-a-test for an issue's email edition. */
export function EmailEditionTools({ issueId, html, fileName, downloadHref, testTo, notConfiguredMessage }: Props) {
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={buttonClass.primary}
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(html);
              setCopyState("copied");
            } catch {
              setCopyState("failed");
            }
          }}
        >
          Copy HTML
        </button>
        <a href={downloadHref} download={fileName} className={buttonClass.secondary}>
          Download .html
        </a>
      </div>
      <p role="status" className="min-h-5 text-sm text-gray-700">
        {copyState === "copied"
          ? "Copied the HTML to the clipboard. Paste it into your mailing tool's HTML editor."
          : copyState === "failed"
            ? "Your browser did not allow copying. Download the .html file instead."
            : ""}
      </p>
      {testTo ? (
        <ActionForm
          action={sendTestEmailAction}
          hidden={{ issueId }}
          label="Send a test to me"
          pendingLabel="Sending…"
          className="flex flex-col gap-2"
        >
          <p className="text-sm text-gray-700">Sends this email, with its plain-text part, to {testTo}.</p>
        </ActionForm>
      ) : (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{notConfiguredMessage}</p>
      )}
    </div>
  );
}
