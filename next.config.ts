import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const nextConfig: NextConfig = {
  // A second build directory lets a build run beside another (e.g. screenshots during e2e).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Native modules are loaded by Node at run time, never bundled. React Email too: its
  // render() needs react-dom/server, which the bundler keeps out of server components.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pg", "@react-email/components", "@react-email/render"],
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a real 403.
  experimental: { authInterrupts: true },
};

// The reader's words in English and Chinese (i18n/request.ts, messages/*.json).
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
