import { accessSync, constants, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** The Chromium the browser tests and the screenshot script launch, and how. */
export interface ChromiumChoice {
  executablePath: string;
  args: string[];
  /** The browser process's whole environment (Playwright's `env` replaces the runner's); undefined: the runner's own. */
  env?: Record<string, string>;
  /** One line for the test output: which browser this is and why. */
  description: string;
}

// Headless as root on a machine whose network is closed: no sandbox, no GPU, and no
// background connections that would only be refused.
const args = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/**
 * CHROMIUM_PATH when set (`bundled` forces the npm one); else a system Chromium
 * (/usr/bin/chromium, or chromium on PATH); else the Chromium that @sparticuz/chromium
 * ships inside its npm package, so a machine with only Node can run the browser tests.
 */
export async function resolveChromium(): Promise<ChromiumChoice> {
  const wanted = process.env.CHROMIUM_PATH;
  if (wanted === "bundled") return bundledChromium("CHROMIUM_PATH=bundled");
  if (wanted) {
    if (!isExecutable(wanted)) throw new Error(`CHROMIUM_PATH=${wanted} is not an executable file.`);
    return { executablePath: wanted, args, description: `${wanted} (CHROMIUM_PATH)` };
  }
  const system = findSystemChromium();
  if (system) return { executablePath: system, args, description: `${system} (system Chromium)` };
  return bundledChromium("no system Chromium found");
}

function findSystemChromium(): string | undefined {
  const dirs = ["/usr/bin", ...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean)];
  for (const dir of dirs) {
    for (const name of ["chromium", "chromium-browser"]) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function bundledChromium(reason: string): Promise<ChromiumChoice> {
  const { default: Chromium, inflate } = await import("@sparticuz/chromium");
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(path.dirname(require.resolve("@sparticuz/chromium")));
  const { version } = require(path.join(packageDir, "package.json")) as { version: string };
  // Unpacks into the temp dir once; later calls (Playwright's workers) find it there.
  const executablePath = await Chromium.executablePath();
  // The binary links NSS, NSPR and expat, which a machine with only Node lacks; the
  // package carries copies (built for Amazon Linux 2023), put first on the library path.
  const libDir = path.join(await inflate(path.join(packageDir, "bin", "al2023.tar.br")), "lib");
  const env: Record<string, string> = {
    ...Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    LD_LIBRARY_PATH: [libDir, process.env.LD_LIBRARY_PATH].filter(Boolean).join(path.delimiter),
  };
  // Without a system font configuration, use the package's fonts (Open Sans).
  if (!existsSync("/etc/fonts/fonts.conf")) env.FONTCONFIG_PATH = await inflate(path.join(packageDir, "bin", "fonts.tar.br"));
  return {
    executablePath,
    args,
    env,
    description: `Chromium ${version.split(".")[0]} from @sparticuz/chromium ${version}, unpacked to ${executablePath} (${reason})`,
  };
}
