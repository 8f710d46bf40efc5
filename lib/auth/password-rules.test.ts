import { describe, expect, it } from "vitest";
import { judgePassword, MIN_PASSWORD_LENGTH, newPasswordSchema } from "./password-rules";

describe("password rules", () => {
  it.each([
    ["short", "Use at least 12 characters."],
    ["password1234", "common"],
    ["qwertyuiop123", "common"],
    ["111111111111", ""],
  ])("refuses %j", (password, why) => {
    const verdict = judgePassword(password);
    expect(verdict.ok).toBe(false);
    expect(verdict.score).toBeLessThanOrEqual(2);
    if (why) expect(verdict.message).toContain(why);
  });

  it("refuses a password made of the person's own name and email", () => {
    expect(judgePassword("ada.admin@example.org", ["Ada Admin", "ada.admin@example.org"]).ok).toBe(false);
  });

  it.each(["correct horse battery staple", "lancang mekong river 2022", "Tr0ub4dour&3xyz"])("accepts %j", (password) => {
    const verdict = judgePassword(password);
    expect(verdict).toMatchObject({ ok: true });
    expect(verdict.score).toBeGreaterThanOrEqual(3);
  });

  it("applies the same rule as a zod schema, with the verdict as the message", () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    const result = newPasswordSchema().safeParse("password1234");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/guess|common/);
    expect(newPasswordSchema().safeParse("correct horse battery staple").success).toBe(true);
  });
});
