"use client";

import { useActionState } from "react";
import { commentAction } from "@/app/(studio)/studio/stories/actions";
import type { FormState } from "@/lib/action-result";
import { buttonClass, Field, inputClass } from "../ui/field";
import { FormMessage } from "../ui/form-message";

export function CommentForm({ storyId }: { storyId: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(commentAction, {});
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="storyId" value={storyId} />
      <Field label="Add a comment" error={state.fields?.body}>
        {(p) => <textarea {...p} name="body" rows={3} className={inputClass} />}
      </Field>
      <FormMessage state={state} />
      <button type="submit" className={buttonClass.secondary} disabled={pending}>
        Comment
      </button>
    </form>
  );
}
