import type { NextConfig } from "next";

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

export default nextConfig;
