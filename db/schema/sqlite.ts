import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { JSONContent } from "@tiptap/core";
import {
  ISSUE_STATUSES,
  REVIEW_EVENT_KINDS,
  ROLES,
  STORY_STATUSES,
  THROTTLE_SCOPES,
  TOKEN_KINDS,
  USER_STATUSES,
} from "../../lib/domain-types";

// SQLite twin of ./pg.ts: same tables, same columns (a test checks it).
const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());
const stamp = (name: string) =>
  integer(name, { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date());
const createdAt = () => stamp("created_at");
const updatedAt = () => stamp("updated_at");
const ts = (name: string) => integer(name, { mode: "timestamp_ms" });
const json = <T>(name: string) => text(name, { mode: "json" }).$type<T>();

export const users = sqliteTable("users", {
  id: id(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  /** `nameKey(name)`: what people search and sort by (lib/text/name-key.ts). */
  nameKey: text("name_key").notNull().default(""),
  passwordHash: text("password_hash"),
  role: text("role", { enum: ROLES }).notNull(),
  status: text("status", { enum: USER_STATUSES }).notNull().default("active"),
  sessionVersion: integer("session_version").notNull().default(1),
  lastSignInAt: ts("last_sign_in_at"),
  createdAt: createdAt(),
});

export const issues = sqliteTable(
  "issues",
  {
    id: id(),
    number: integer("number").notNull(),
    year: integer("year").notNull(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    issueDate: text("issue_date").notNull(),
    editorsNote: text("editors_note").notNull().default(""),
    status: text("status", { enum: ISSUE_STATUSES }).notNull().default("draft"),
    scheduledAt: ts("scheduled_at"),
    publishedAt: ts("published_at"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("issues_number_year_idx").on(t.number, t.year)],
);

export const stories = sqliteTable(
  "stories",
  {
    id: id(),
    issueId: text("issue_id").references(() => issues.id, { onDelete: "set null" }),
    position: integer("position").notNull().default(0),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    standfirst: text("standfirst").notNull().default(""),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    body: json<JSONContent>("body").notNull(),
    plainText: text("plain_text").notNull().default(""),
    wordCount: integer("word_count").notNull().default(0),
    status: text("status", { enum: STORY_STATUSES }).notNull().default("draft"),
    locale: text("locale").notNull().default("en"),
    translationGroup: text("translation_group"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("stories_issue_idx").on(t.issueId, t.position),
    index("stories_author_idx").on(t.authorId),
    index("stories_status_idx").on(t.status),
  ],
);

export const revisions = sqliteTable(
  "revisions",
  {
    id: id(),
    storyId: text("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    body: json<JSONContent>("body").notNull(),
    reason: text("reason").notNull(),
    authorId: text("author_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("revisions_story_idx").on(t.storyId)],
);

export const reviewEvents = sqliteTable(
  "review_events",
  {
    id: id(),
    storyId: text("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    actorId: text("actor_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: REVIEW_EVENT_KINDS }).notNull(),
    body: text("body"),
    createdAt: createdAt(),
  },
  (t) => [index("review_events_story_idx").on(t.storyId)],
);

export const publishedIssues = sqliteTable("published_issues", {
  issueId: text("issue_id")
    .primaryKey()
    .references(() => issues.id, { onDelete: "cascade" }),
  slug: text("slug").notNull().unique(),
  number: integer("number").notNull(),
  year: integer("year").notNull(),
  title: text("title").notNull(),
  issueDate: text("issue_date").notNull(),
  editorsNote: text("editors_note").notNull(),
  publishedAt: ts("published_at").notNull(),
});

export const publishedStories = sqliteTable(
  "published_stories",
  {
    id: id(),
    issueId: text("issue_id")
      .notNull()
      .references(() => publishedIssues.issueId, { onDelete: "cascade" }),
    storyId: text("story_id").notNull(),
    slug: text("slug").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    standfirst: text("standfirst").notNull(),
    authorName: text("author_name").notNull(),
    // The author's user id (author pages) and the story's language and translation group
    // (the reader links a story's translations), copied from the story when published.
    authorId: text("author_id"),
    locale: text("locale").notNull().default("en"),
    translationGroup: text("translation_group"),
    html: text("html").notNull(),
    plainText: text("plain_text").notNull(),
    // The words search looks for (lib/search/tokenize.ts), filled in when the issue is
    // published. The full-text index over them is made by hand in the migrations (FTS5 on
    // SQLite, a tsvector column with a GIN index on Postgres): Drizzle declares neither.
    searchTitle: text("search_title").notNull().default(""),
    searchBody: text("search_body").notNull().default(""),
    searchVersion: integer("search_version").notNull().default(0),
  },
  (t) => [
    uniqueIndex("published_stories_issue_slug_idx").on(t.issueId, t.slug),
    index("published_stories_author_idx").on(t.authorId),
    index("published_stories_group_idx").on(t.translationGroup),
  ],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: id(),
    actorId: text("actor_id").references(() => users.id),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    details: json<Record<string, unknown>>("details").notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_created_idx").on(t.createdAt)],
);

export const settings = sqliteTable("settings", {
  id: integer("id").primaryKey(),
  siteNameEn: text("site_name_en").notNull(),
  siteNameZh: text("site_name_zh").notNull(),
  newsletterName: text("newsletter_name").notNull(),
  contactBlock: text("contact_block").notNull(),
  aboutBlock: text("about_block").notNull(),
  defaultLocale: text("default_locale").notNull(),
  updatedAt: updatedAt(),
});

export const tokens = sqliteTable(
  "tokens",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: TOKEN_KINDS }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: ts("expires_at").notNull(),
    usedAt: ts("used_at"),
    revokedAt: ts("revoked_at"),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("tokens_user_idx").on(t.userId, t.kind)],
);

export const signInFailures = sqliteTable(
  "sign_in_failures",
  {
    id: id(),
    scope: text("scope", { enum: THROTTLE_SCOPES }).notNull(),
    key: text("key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sign_in_failures_key_idx").on(t.scope, t.key, t.createdAt)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: ts("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const media = sqliteTable(
  "media",
  {
    id: text("id").primaryKey(),
    mime: text("mime").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    byteSize: integer("byte_size").notNull(),
    filename: text("filename").notNull().default(""),
    alt: text("alt").notNull().default(""),
    caption: text("caption").notNull().default(""),
    credit: text("credit").notNull().default(""),
    searchKey: text("search_key").notNull().default(""),
    uploaderId: text("uploader_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("media_created_idx").on(t.createdAt)],
);

export const mediaVariants = sqliteTable(
  "media_variants",
  {
    mediaId: text("media_id")
      .notNull()
      .references(() => media.id, { onDelete: "cascade" }),
    width: integer("width").notNull(),
    bytes: blob("bytes", { mode: "buffer" }).notNull(),
    byteSize: integer("byte_size").notNull(),
  },
  (t) => [primaryKey({ name: "media_variants_pk", columns: [t.mediaId, t.width] })],
);

/**
 * A JPEG (or, for an image with transparency, a PNG) of a variant, for the email edition:
 * desktop Outlook and some other mail clients show no WebP. Made on first use, then kept.
 */
export const mediaFallbacks = sqliteTable(
  "media_fallbacks",
  {
    mediaId: text("media_id")
      .notNull()
      .references(() => media.id, { onDelete: "cascade" }),
    width: integer("width").notNull(),
    mime: text("mime").notNull(),
    bytes: blob("bytes", { mode: "buffer" }).notNull(),
    byteSize: integer("byte_size").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: "media_fallbacks_pk", columns: [t.mediaId, t.width] })],
);
