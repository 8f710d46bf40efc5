import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { start } from "../../tests/support/smtp-sink";

/** Where the e2e SMTP sink drops each received mail as JSON, for the tests to read. */
export const MAIL_DIR = path.resolve(process.env.E2E_MAIL_DIR ?? "./data/e2e/mail");
export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2625);

export interface SinkMail {
  to: string;
  subject: string;
  text: string;
  /** The HTML part, when the mail has one ("" otherwise). */
  html: string;
  /** The top-level MIME type, e.g. "text/plain" or "multipart/alternative". */
  contentType: string;
  receivedAt: number;
}

/** Playwright global setup: a real SMTP server for the app under test, until the run ends. */
export default async function startMailSink() {
  rmSync(MAIL_DIR, { recursive: true, force: true });
  mkdirSync(MAIL_DIR, { recursive: true });
  let n = 0;
  const sink = await start({
    port: SMTP_PORT,
    onMessage: (mail) => {
      const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(", ") : (mail.to?.text ?? "");
      const record: SinkMail = {
        to,
        subject: mail.subject ?? "",
        text: mail.text ?? "",
        html: typeof mail.html === "string" ? mail.html : "",
        contentType: (mail.headers.get("content-type") as { value?: string } | undefined)?.value ?? "",
        receivedAt: Date.now(),
      };
      writeFileSync(path.join(MAIL_DIR, `${Date.now()}-${n++}.json`), JSON.stringify(record));
    },
  });
  return () => sink.close();
}

/** Every mail the sink received for `address`, oldest first. */
export function mailsTo(address: string): SinkMail[] {
  return readdirSync(MAIL_DIR)
    .map((file) => JSON.parse(readFileSync(path.join(MAIL_DIR, file), "utf8")) as SinkMail)
    .filter((mail) => mail.to.toLowerCase().includes(address.toLowerCase()))
    .sort((a, b) => a.receivedAt - b.receivedAt);
}

/** The first http(s) link in a mail's text. */
export const linkIn = (mail: SinkMail) => mail.text.match(/https?:\/\/\S+/)?.[0] ?? "";
