"use client";

import { useId, useState } from "react";
import { judgePassword, MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";
import { inputClass } from "./field";

const BAR = ["bg-red-600", "bg-red-500", "bg-amber-500", "bg-emerald-500", "bg-emerald-700"];
const WORD = ["Very weak", "Weak", "Fair", "Good", "Strong"];

/** A new-password input with a strength meter that applies the server's own rules. */
export function PasswordField({ name, label, error, context = [] }: { name: string; label: string; error?: string; context?: string[] }) {
  const id = useId();
  const [value, setValue] = useState("");
  const verdict = value ? judgePassword(value, context) : null;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-gray-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="password"
        autoComplete="new-password"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-describedby={`${id}-meter`}
        aria-invalid={error ? true : undefined}
        className={inputClass}
      />
      <div id={`${id}-meter`} className="text-xs text-gray-700" aria-live="polite">
        {verdict ? (
          <>
            <div className="mb-1 flex gap-1" aria-hidden="true">
              {[0, 1, 2, 3].map((i) => (
                <span key={i} className={`h-1.5 flex-1 rounded ${i < Math.max(1, verdict.score) ? BAR[verdict.score] : "bg-gray-200"}`} />
              ))}
            </div>
            <span data-testid="password-strength">
              {WORD[verdict.score]}: {verdict.message}
            </span>
          </>
        ) : (
          <span>At least {MIN_PASSWORD_LENGTH} characters; not a common password. A few unrelated words work well.</span>
        )}
      </div>
      {error ? <p className="text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
