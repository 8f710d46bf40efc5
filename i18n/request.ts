import { getRequestConfig } from "next-intl/server";
import { getUiLocale } from "@/lib/i18n/reader-locale";

// next-intl's configuration for each request (wired in by next.config.ts): the locale
// comes from the reader's language cookie, not from the URL, and only server components
// read it, so no messages are sent to the browser.
export default getRequestConfig(async () => {
  const locale = await getUiLocale();
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    // Issue dates are calendar dates ("2022-09-30"), read as midnight UTC.
    timeZone: "UTC",
  };
});
