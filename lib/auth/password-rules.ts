import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { dictionary as englishDictionary, translations } from "@zxcvbn-ts/language-en";
import { z } from "zod";

// One rule set, used by the server to refuse a password and by the form's strength meter.
export const MIN_PASSWORD_LENGTH = 12;
const MIN_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
const estimator = () =>
  (factory ??= new ZxcvbnFactory({
    // The "passwords" list is zxcvbn's list of the most common passwords.
    dictionary: { ...commonDictionary, ...englishDictionary },
    graphs: adjacencyGraphs,
    translations,
  }));

export interface PasswordVerdict {
  ok: boolean;
  /** 0 (guessable in seconds) to 4 (very strong). */
  score: number;
  message: string;
}

/** `context` holds words a guesser would try first: the person's name and email. */
export function judgePassword(password: string, context: string[] = []): PasswordVerdict {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return { ok: false, score: 0, message: `Use at least ${MIN_PASSWORD_LENGTH} characters.` };
  }
  const result = estimator().check(password.slice(0, 256), context.filter(Boolean));
  const common = result.sequence.some((match) => match.pattern === "dictionary" && match.dictionaryName === "passwords");
  if (result.score < MIN_SCORE || common) {
    const hint = result.feedback.warning || result.feedback.suggestions[0] || "Add more words that are not easy to guess.";
    return {
      ok: false,
      score: Math.min(result.score, 2),
      message: common ? `This password is on the list of common passwords. ${hint}` : `Too easy to guess. ${hint}`,
    };
  }
  return { ok: true, score: result.score, message: result.score === 4 ? "Strong password." : "Good password." };
}

export function newPasswordSchema(context: () => string[] = () => []) {
  return z
    .string()
    .max(1024, "Keep the password under 1,024 characters.")
    .superRefine((password, ctx) => {
      const verdict = judgePassword(password, context());
      if (!verdict.ok) ctx.addIssue({ code: "custom", message: verdict.message });
    });
}
