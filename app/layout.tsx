import type { Metadata } from "next";
import { connection } from "next/server";
import { getLocale } from "next-intl/server";
// Self-hosted Noto faces for the scripts of the Mekong countries, so that text in any of
// them renders on a machine with no font for it (app/globals.css puts them in the font
// stacks). Each is split by unicode-range: the browser downloads only the files holding
// characters the page shows. Two weights, the design's regular and bold (semibold text
// takes the bold).
import "@fontsource/noto-sans-sc/400.css";
import "@fontsource/noto-sans-sc/700.css";
import "./mekong-fonts.css";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Newsletter", template: "%s · Newsletter" },
  description: "A numbered newsletter, written, reviewed and published with Newsletter Studio.",
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page's scripts carry this request's CSP nonce (proxy.ts), so no page can be
  // rendered ahead of the request.
  await connection();
  // The reader's chosen language on reader pages (i18n/request.ts), English in the studio.
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-white font-sans antialiased">{children}</body>
    </html>
  );
}
