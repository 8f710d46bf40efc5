import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "../env";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** An HTML part beside the text: the mail goes out as multipart/alternative. */
  html?: string;
}

let transport: Transporter | undefined;

/** True when mail really leaves the building (SMTP_URL is set). */
export const mailIsConfigured = () => Boolean(getEnv().SMTP_URL);

/**
 * Sends a mail through SMTP_URL. Without it, the mail is written to the server log, so a
 * single install without a mail server still works (the admin copies the link).
 */
export async function sendMail(mail: Mail): Promise<{ delivered: boolean }> {
  const env = getEnv();
  if (!env.SMTP_URL) {
    console.log(`[mail] SMTP_URL is not set, so this mail was not sent:\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n`);
    return { delivered: false };
  }
  transport ??= nodemailer.createTransport(env.SMTP_URL);
  try {
    await transport.sendMail({
      from: env.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.html ? { html: mail.html } : {}),
    });
    return { delivered: true };
  } catch (error) {
    console.error(`[mail] Sending to ${mail.to} failed:`, error instanceof Error ? error.message : error);
    return { delivered: false };
  }
}
