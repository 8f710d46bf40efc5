import { SearchForm } from "./search-form";
import type { SiteSettings } from "@/db/queries/settings";

export function Masthead({ settings }: { settings: SiteSettings }) {
  return (
    <header className="border-b-4 border-brand-700 bg-white">
      <div className="mx-auto flex max-w-3xl flex-col items-center gap-1 px-4 py-6 text-center">
        <a href="/" className="group flex flex-col items-center gap-1 no-underline">
          {settings.siteNameZh ? (
            <span lang="zh-CN" className="font-cjk text-xl font-semibold tracking-wide text-brand-800 sm:text-2xl">
              {settings.siteNameZh}
            </span>
          ) : null}
          <span className="font-serif text-lg font-semibold text-ink group-hover:underline sm:text-xl">
            {settings.siteNameEn}
          </span>
        </a>
        <span className="mt-1 text-xs font-semibold uppercase tracking-[0.3em] text-brand-700">
          {settings.newsletterName}
        </span>
      </div>
      <nav aria-label="Reader" className="no-print border-t border-gray-200">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-center gap-x-6 gap-y-2 px-4 py-2">
          <ul className="flex justify-center gap-6 text-sm">
            <li>
              <a className="text-gray-700 hover:text-brand-700 hover:underline" href="/">
                Latest issue
              </a>
            </li>
            <li>
              <a className="text-gray-700 hover:text-brand-700 hover:underline" href="/issues">
                Archive
              </a>
            </li>
            {settings.aboutBlock.trim() ? (
              <li>
                <a className="text-gray-700 hover:text-brand-700 hover:underline" href="/about">
                  About
                </a>
              </li>
            ) : null}
          </ul>
          <SearchForm id="site-search" name="Site search" />
        </div>
      </nav>
    </header>
  );
}
