import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Reader pages link with plain <a> on purpose: each click is an ordinary page load that
    // scripts/server.mjs answers from its cache of rendered pages (next/link would fetch RSC
    // payloads past that cache, prefetch every link in view, and ship its client code), and
    // it works with JavaScript off. Their images are our own WebP variants with srcset.
    files: ["app/(reader)/**", "components/reader/**", "components/ui/not-found-message.tsx", "app/forbidden.tsx", "app/not-found.tsx"],
    rules: { "@next/next/no-html-link-for-pages": "off", "@next/next/no-img-element": "off" },
  },
  globalIgnores([".next/**", ".next-*/**", "screenshots/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
]);
