/** The email edition's colours and sizes: the reader site's palette (app/globals.css), written out. */
export const COLORS = {
  ink: "#1c2321",
  muted: "#4b5563",
  faint: "#6b7280",
  rule: "#e5e7eb",
  page: "#f3f5f4",
  paper: "#ffffff",
  brand: "#1f6f55",
  brandDark: "#124636",
  brandTint: "#eef7f3",
  link: "#185a45",
} as const;

export const FONT_SERIF = "Georgia, 'Times New Roman', Times, serif";
export const FONT_SANS = "Arial, Helvetica, sans-serif";
export const FONT_CJK = "'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Hiragino Sans GB', sans-serif";

/** The mail is 600 px wide, the common width every client shows whole; text sits 24 px in. */
export const EMAIL_WIDTH = 600;
export const CONTENT_WIDTH = EMAIL_WIDTH - 2 * 24;
