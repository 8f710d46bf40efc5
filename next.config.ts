import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native modules are loaded by Node at run time, never bundled.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pg"],
  poweredByHeader: false,
};

export default nextConfig;
