"use client";

import { useActionState, useState } from "react";
import type { FormState } from "@/lib/action-result";
import { buttonClass } from "../ui/field";
import { FormMessage } from "../ui/form-message";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

type Props = {
  issueId: string;
  version: number;
  published: boolean;
  /** Shown only to those the policy lets publish or unpublish (lib/policy.ts). */
  canPublish: boolean;
  canUnpublish: boolean;
  publishAction: Action;
  unpublishAction: Action;
  /** Between the Publish and Unpublish buttons: what readers see now. */
  children?: React.ReactNode;
};

/**
 * Publish and Unpublish of an issue, with one message: the answer of the action taken
 * last. Their states live here, not in each form, because a successful action takes its
 * own form away (Unpublish goes once the issue is a draft) while the other one stays —
 * each form keeping its own answer left "Published…" on the page after an Unpublish.
 * The forms post the server actions themselves, so they also work before the page's
 * JavaScript has loaded.
 */
export function IssuePublishingForms({ issueId, version, published, canPublish, canUnpublish, publishAction, unpublishAction, children }: Props) {
  const [publishState, publish, publishing] = useActionState<FormState, FormData>(publishAction, {});
  const [unpublishState, unpublish, unpublishing] = useActionState<FormState, FormData>(unpublishAction, {});
  // Which answer is the latest: the one whose state changed last (each answer is a new object).
  const [seen, setSeen] = useState({ publishState, unpublishState, latest: null as "publish" | "unpublish" | null });
  if (seen.publishState !== publishState || seen.unpublishState !== unpublishState) {
    setSeen({ publishState, unpublishState, latest: seen.publishState !== publishState ? "publish" : "unpublish" });
  }
  const busy = publishing || unpublishing;
  // While an action runs, no earlier answer shows.
  const latest = busy ? null : seen.latest;

  const hidden = (
    <>
      <input type="hidden" name="issueId" value={issueId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
  return (
    <>
      {canPublish ? (
        <form action={publish}>
          {hidden}
          <button type="submit" className={buttonClass.primary} disabled={busy}>
            {publishing ? "Publishing…" : published ? "Publish again" : "Publish issue"}
          </button>
        </form>
      ) : null}
      {children}
      {canUnpublish ? (
        <form action={unpublish}>
          {hidden}
          <button type="submit" className={buttonClass.danger} disabled={busy}>
            {unpublishing ? "Unpublish…" : "Unpublish"}
          </button>
        </form>
      ) : null}
      {latest === "publish" ? <FormMessage state={publishState} /> : null}
      {latest === "unpublish" ? <FormMessage state={unpublishState} /> : null}
    </>
  );
}
