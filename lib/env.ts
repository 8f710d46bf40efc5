import { z } from "zod";

// The environment, validated once. A bad DATABASE_URL fails here with a clear message.
const databaseUrlSchema = z
  .string()
  .trim()
  .refine((v) => /^(file:.+|postgres(ql)?:\/\/.+)$/.test(v), {
    message: 'DATABASE_URL must be "file:/path/to.db" (SQLite) or "postgres://…" (Postgres)',
  });

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== "" ? v : undefined))
    .pipe(databaseUrlSchema.optional()),
  SEED_DEMO: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v !== "false"),
  DEMO_PASSWORD: z
    .string()
    .min(8, "DEMO_PASSWORD must be at least 8 characters")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  SMTP_URL: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined))
    .pipe(z.string().regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://").optional()),
  MAIL_FROM: z.string().default("Newsletter Studio <no-reply@localhost>"),
  TRUST_PROXY: z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((v) => v === "true" || v === "1"),
  AUTH_URL: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined))
    .pipe(z.string().url("AUTH_URL must be the site's URL, e.g. https://news.example.org").optional()),
  PORT: z.string().regex(/^\d+$/, "PORT must be a number").default("3000"),
  NODE_ENV: z.string().optional(),
});

const AUTH_URL_REQUIRED =
  "AUTH_URL is required in production: the site's public URL, e.g. https://news.example.org. " +
  "Links in invitation and password-reset mails are built from it, never from a request's Host headers.";

// The links that leave the app by mail name the site from configuration only. Production
// must say what the site is; development and tests may be served from localhost.
const siteEnvSchema = envSchema.transform((env, ctx) => {
  if (env.AUTH_URL) return { ...env, AUTH_URL: env.AUTH_URL };
  if (env.NODE_ENV === "production") {
    ctx.addIssue({ code: "custom", path: ["AUTH_URL"], message: AUTH_URL_REQUIRED });
    return z.NEVER;
  }
  return { ...env, AUTH_URL: `http://localhost:${env.PORT}` };
});

export type Env = z.infer<typeof siteEnvSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = siteEnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export type DatabaseTarget =
  | { dialect: "sqlite"; path: string }
  | { dialect: "postgres"; url: string };

export function databaseTarget(url: string | undefined): DatabaseTarget {
  if (!url) return { dialect: "sqlite", path: "./data/newsletter.db" };
  if (url.startsWith("file:")) return { dialect: "sqlite", path: url.slice("file:".length) };
  return { dialect: "postgres", url };
}
